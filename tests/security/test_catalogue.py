"""Hundreds of bad and hostile inputs through the real import form: each gets a specific
message or a safely escaped preview, never a 500, and nothing is half stored."""

from __future__ import annotations

import html
import io
import re

from bs4 import BeautifulSoup

from app.models import Article, AuditEntry, Block, Draft, Speaker, db

from ..conftest import csrf_token
from .catalogue import cases

# What the refusal must say, by kind of input (the start of the case's label).
EXPECTED = {
    "garbage": r"binary file|character encoding|no article text|not an article",
    "image": r"this is an? .+, not an article",
    "empty": r"empty|no article text",
    "gzip-bomb": r"too large",
    "oversized": r"too large|too long",
    "private-url": r"refused: .+ is a private or local address|only http:// and https://",
    "xss-url": r"refused: 127\.0\.0\.1 is a private or local address",
    "too-many": r"at most 20 files and 20 addresses",
    "nothing-at-all": r"Choose a file to upload, paste the article",
    "only-whitespace": r"Choose a file to upload, paste the article",
}
ALWAYS_REFUSED = tuple(EXPECTED)
ALWAYS_ACCEPTED = ("xss-paste", "unicode-article", "huge-title", "charset-")
SAFE_SCRIPT = re.compile(r"^/static/[\w/.-]+\.js$")  # our own files, no inline script


def hostile_markup(page: str) -> list[str]:
    """Anything in the page that a browser could run or that could redirect it."""
    found = []
    for tag in BeautifulSoup(page, "html.parser").find_all(True):
        if tag.name == "script" and (not SAFE_SCRIPT.match(tag.get("src", ""))
                                     or tag.string and tag.string.strip()):
            found.append(str(tag)[:80])
        if tag.name in ("iframe", "object", "embed", "svg", "math", "base", "frame", "img",
                        "style"):
            found.append(tag.name)
        if tag.name == "meta" and tag.get("http-equiv"):
            found.append("meta http-equiv")
        for attr, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if attr.startswith("on") or attr == "autofocus":
                found.append(f"{tag.name} {attr}")
            if attr in ("href", "src", "action", "formaction", "data") and \
                    text.strip().lower().startswith("javascript:"):
                found.append(f"{tag.name} {attr}={text[:40]}")
    return found


def _form(fields: dict, token: str) -> dict:
    data: dict = {"csrf_token": token}
    for key, value in fields.items():
        if key == "file":
            files = value if isinstance(value, list) else [value]
            data[key] = [(io.BytesIO(content), name) for content, name in files]
        else:
            data[key] = value
    return data


def _counts(app) -> dict[str, int]:
    with app.app_context():
        return {m.__name__: db.session.query(m).count()
                for m in (Article, Block, Speaker, AuditEntry, Draft)}


def _message(page: str) -> str:
    alert = re.search(r'role="alert"[^>]*>(.*?)</div>', page, re.S)
    assert alert, "the refusal has no alert"
    items = re.findall(r"<li>(.*?)</li>", alert.group(1), re.S)
    assert items, "the alert lists no reason"
    return html.unescape(" ".join(items))


def test_catalogue_of_hostile_inputs(app, client, auth):
    app.config["MAX_UPLOAD_BYTES"] = 1_000_000
    app.config["MAX_CONTENT_LENGTH"] = 1_064_000
    auth.create()
    auth.login()
    token = csrf_token(client.get("/admin/import").get_data(as_text=True))
    catalogue = cases(app.config["MAX_UPLOAD_BYTES"])
    assert len(catalogue) >= 200 and len({label for label, _ in catalogue}) == len(catalogue)
    outcomes: dict[str, int] = {}
    for label, fields in catalogue:
        before = _counts(app)
        response = client.post("/admin/import", data=_form(fields, token),
                               content_type="multipart/form-data")
        page = response.get_data(as_text=True)
        outcomes[label] = response.status_code
        after = _counts(app)
        assert response.status_code in (302, 413, 422), (label, response.status_code)
        assert "Traceback" not in page and not hostile_markup(page), label
        # Nothing is stored before the preview is saved, whatever the outcome.
        assert {k: v for k, v in after.items() if k != "Draft"} == \
            {k: v for k, v in before.items() if k != "Draft"}, label
        if response.status_code == 422:
            message = _message(page)
            kind = next((k for k in EXPECTED if label.startswith(k)), None)
            assert re.search(EXPECTED[kind] if kind else r"\w{4,}.*\w{4,}", message), \
                (label, message)
            assert after["Draft"] == before["Draft"], label  # nothing half stored
        elif response.status_code == 413:
            assert "too large" in page and after["Draft"] == before["Draft"], label
        else:  # one draft, and its preview shows the text escaped
            assert after["Draft"] == before["Draft"] + 1, label
            preview = client.get(response.headers["Location"])
            assert preview.status_code == 200, label
            assert not hostile_markup(preview.get_data(as_text=True)), label
    for label, status in outcomes.items():
        if label.startswith(ALWAYS_REFUSED):
            assert status in (413, 422), (label, status)
        if label.startswith(ALWAYS_ACCEPTED):
            assert status == 302, (label, status)
    assert sum(s in (413, 422) for s in outcomes.values()) >= 100


def test_a_hostile_article_saved_shows_escaped_everywhere(app, client, auth):
    """The XSS payloads reach the database as plain text and come back escaped."""
    auth.create()
    auth.login()
    payload = "<script>window.__xss=1</script>"
    token = csrf_token(client.get("/admin/import").get_data(as_text=True))
    response = client.post("/admin/import", data={"csrf_token": token, "text": (
        f"Vote {payload} tonight\n\nThe council met {payload} on Monday to decide.\n\n"
        f"\"We will decide soon,\" said Ann Lee.")})
    preview_url = response.headers["Location"]
    preview = client.get(preview_url).get_data(as_text=True)
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in preview
    saved = client.post(preview_url, data={"csrf_token": csrf_token(preview), "action": "save",
                                           "speaker-0": f"Ann {payload} Lee"})
    article_id = int(saved.headers["Location"].rsplit("/", 1)[1])
    with app.app_context():
        article = db.session.get(Article, article_id)
        assert payload in article.title  # stored as the plain text it is
        assert article.speakers[0].display_name == f"Ann {payload} Lee"
    for path in (f"/articles/{article_id}", f"/admin/articles/{article_id}/edit",
                 f"/admin/articles/{article_id}/speakers", "/admin/articles", "/admin/audit",
                 "/"):
        page = client.get(path).get_data(as_text=True)
        assert "&lt;script&gt;" in page and not hostile_markup(page), path
