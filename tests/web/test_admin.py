"""The import desk and article management, through the real pages: import (files, text,
URLs) -> preview -> save; edit, re-narrate, unpublish, delete; the audit log."""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from app import removals
from app.jobs import run_pending
from app.models import Article, AuditEntry, Draft, Episode, Removal, Speaker, Status, db, utcnow
from app.narration.voices import VOICES

from ..conftest import FIXTURES, csrf_token

TWO_VOICES = (FIXTURES / "security" / "two-voices.txt").read_text()


@pytest.fixture
def operator(client, auth):
    auth.create()
    auth.login()
    return client


def post_import(client, **fields):
    token = csrf_token(client.get("/admin/import").get_data(as_text=True))
    return client.post("/admin/import", data={"csrf_token": token, **fields},
                       content_type="multipart/form-data")


def save(client, preview_url: str, **fields) -> int:
    """Save a previewed draft; the new article's id."""
    page = client.get(preview_url).get_data(as_text=True)
    response = client.post(preview_url, data={"csrf_token": csrf_token(page),
                                              "action": "save", **fields})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return int(response.headers["Location"].rsplit("/", 1)[1])


def act(client, path: str, **fields):
    token = csrf_token(client.get("/admin/articles").get_data(as_text=True))
    return client.post(path, data={"csrf_token": token, **fields})


def audit_actions(app) -> list[tuple[str, str, int | None]]:
    with app.app_context():
        return [(e.operator, e.action, e.article_id) for e in
                db.session.scalars(db.select(AuditEntry).order_by(AuditEntry.id))]


class _Site(ThreadingHTTPServer):
    """A local web server that counts every connection it accepts."""

    connections = 0
    pages: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def verify_request(self, request, client_address) -> bool:  # type: ignore[override]
        self.connections += 1
        return True


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        status, headers, body = self.server.pages.get(  # type: ignore[attr-defined]
            self.path, (404, {}, b"not here"))
        self.send_response(status)
        for k, v in {"Content-Type": "text/html; charset=utf-8", **headers}.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def site() -> Iterator[_Site]:
    httpd = _Site(("127.0.0.1", 0), _Handler)
    base = f"http://127.0.0.1:{httpd.server_port}"
    article = ("<html><head><title>Ferry back</title></head><body><article><h1>Ferry back"
               "</h1>" + "".join(f"<p>{p}</p>" for p in TWO_VOICES.split("\n\n")[1:])
               + "</article></body></html>").encode()
    httpd.pages = {"/article": (200, {}, article),
                   "/moved": (302, {"Location": f"http://localhost:{httpd.server_port}/"
                                                "article"}, b""),
                   "/metadata": (200, {}, b"secret")}
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    httpd.base = base  # type: ignore[attr-defined]
    yield httpd
    httpd.shutdown()
    httpd.server_close()


# --- importing -------------------------------------------------------------------------


def test_pasted_article_previews_title_paragraphs_and_speakers_with_quotes(app, operator):
    response = post_import(operator, text=TWO_VOICES)
    assert response.status_code == 302
    page = operator.get(response.headers["Location"]).get_data(as_text=True)
    assert 'value="Harbour ferry returns after winter repairs"' in page
    assert "Found as “Ines Varga”" in page and "Found as “Ruairi Doherty”" in page
    assert "“Half my regulars live across the water.”" in page  # her quote, under her name
    assert "The crossing takes twenty minutes" in page
    with app.app_context():
        assert db.session.query(Article).count() == 0  # nothing saved before the preview
        assert db.session.query(Draft).count() == 1


def test_renaming_and_merging_speakers_in_the_preview(app, operator):
    url = post_import(operator, text=TWO_VOICES).headers["Location"]
    # Doherty (speaker-1) gets his accent back, and Varga (speaker-0) the same name: one
    # person now, who keeps a single voice.
    article_id = save(operator, url, **{"speaker-0": "Ruairí Doherty",
                                        "speaker-1": "Ruairí Doherty"})
    with app.app_context():
        rows = {s.name: s.display_name for s in db.session.get(Article, article_id).speakers}
        assert rows == {"Ines Varga": "Ruairí Doherty", "Ruairi Doherty": "Ruairí Doherty"}
        assert db.session.get(Article, article_id).status == Status.QUEUED
    assert audit_actions(app) == [("editor", "import", article_id)]


def test_saving_a_preview_twice_stores_one_article(app, operator):
    url = post_import(operator, text=TWO_VOICES).headers["Location"]
    page = operator.get(url).get_data(as_text=True)
    fields = {"csrf_token": csrf_token(page), "action": "save"}
    assert operator.post(url, data=fields).status_code == 302
    assert operator.post(url, data=fields).status_code == 404  # the draft is gone
    with app.app_context():
        assert db.session.query(Article).count() == 1


def test_preview_needs_a_title_and_can_be_discarded(app, operator):
    url = post_import(operator, text=TWO_VOICES).headers["Location"]
    token = csrf_token(operator.get(url).get_data(as_text=True))
    refused = operator.post(url, data={"csrf_token": token, "action": "save", "title": "  "})
    assert refused.status_code == 422 and "needs a title" in refused.get_data(as_text=True)
    gone = operator.post(url, data={"csrf_token": token, "action": "discard"})
    assert gone.status_code == 302 and operator.get(url).status_code == 404
    with app.app_context():
        assert db.session.query(Article).count() == db.session.query(Draft).count() == 0


def test_another_operator_cannot_open_my_draft(client, auth, operator):
    url = post_import(operator, text=TWO_VOICES).headers["Location"]
    auth.create("second", "another long passphrase")
    auth.login("second", "another long passphrase")
    assert client.get(url).status_code == 404


def test_many_files_at_once_each_become_a_draft_and_bad_ones_are_named(app, operator):
    files = [(io.BytesIO(TWO_VOICES.encode()), "ferry.txt"),
             (io.BytesIO(b"<html><body><article><h1>Second story</h1><p>The library will "
                         b"open late on Fridays from next month, the council said.</p>"
                         b"</article></body></html>"), "second.html"),
             (io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(200)), "photo.html")]
    response = post_import(operator, file=files)
    assert response.status_code == 302 and response.headers["Location"] == "/admin/drafts"
    page = operator.get("/admin/drafts").get_data(as_text=True)
    failed = page.split('id="report-failed"', 1)[1].split("</div>", 1)[0]
    done = page.split('id="report-done"', 1)[1].split("</div>", 1)[0]
    assert 'role="alert"' not in done and "1 not imported:" in failed
    assert "photo.html: this is a PNG image" in failed and "photo.html" not in done
    assert "Harbour ferry returns" in done and "Second story" in done
    assert "Harbour ferry returns" not in failed
    # Shown once: the inbox on its own lists the drafts, not the import's outcome.
    again = operator.get("/admin/drafts").get_data(as_text=True)
    assert "report-failed" not in again and "Second story" in again


def test_an_upload_over_the_limit_gets_a_friendly_413(app, operator):
    app.config["MAX_UPLOAD_BYTES"] = 100_000
    app.config["MAX_CONTENT_LENGTH"] = 110_000
    response = post_import(operator, file=(io.BytesIO(b"a" * 200_000), "big.txt"))
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "That upload is too large: the limit is 98 KB in all." in page


def test_a_long_pasted_article_is_not_cut_off_by_the_form_field_limit(app, operator):
    paragraph = ("The ferry crossed the harbour in the grey morning light, and the passengers "
                 "watched the gulls wheel over the water. ") * 4
    text = "A long crossing\n\n" + "\n\n".join([paragraph] * 1500)  # ~700 kB
    assert len(text) > 600_000
    response = post_import(operator, text=text)
    assert response.status_code == 302


# --- URL import ------------------------------------------------------------------------


def test_url_to_a_local_server_is_refused_before_connecting(app, operator, site):
    for url in (f"{site.base}/article", f"http://localhost:{site.server_port}/article"):
        response = post_import(operator, urls=url)
        assert response.status_code == 422
        said = response.get_data(as_text=True)
        assert re.search(r": refused: (127\.0\.0\.1|localhost) is a private or local address\. "
                         r"To allow this host, add it to URL_ALLOW_LIST\.", said)
    assert site.connections == 0


def test_url_allow_list_lets_a_named_local_host_in(app, operator, site):
    app.config["URL_ALLOW_LIST"] = "127.0.0.1, wiki.internal"  # as FLASK_URL_ALLOW_LIST
    response = post_import(operator, urls=f"{site.base}/article")
    assert response.status_code == 302, response.get_data(as_text=True)
    page = operator.get(response.headers["Location"]).get_data(as_text=True)
    assert "Ferry back" in page and "Found as “Ines Varga”" in page
    # Other private hosts stay refused, without a connection.
    before = site.connections
    refused = post_import(operator, urls=f"http://localhost:{site.server_port}/metadata")
    assert refused.status_code == 422 and site.connections == before


def test_an_allow_listed_host_cannot_redirect_elsewhere(app, operator, site):
    app.config["URL_ALLOW_LIST"] = ["127.0.0.1"]
    response = post_import(operator, urls=f"{site.base}/moved")
    assert response.status_code == 422
    assert "on the allow-list but redirects elsewhere" in response.get_data(as_text=True)
    assert site.connections == 1  # the redirect itself; its target was never fetched


def test_allow_private_urls_opens_every_local_host(app, operator, site):
    app.config["ALLOW_PRIVATE_URLS"] = True
    response = post_import(operator, urls=f"{site.base}/moved")  # redirect followed
    assert response.status_code == 302


# --- after import ----------------------------------------------------------------------


def test_edit_title_and_text_then_narrate_again(app, operator):
    article_id = save(operator, post_import(operator, text=TWO_VOICES).headers["Location"])
    edit_url = f"/admin/articles/{article_id}/edit"
    page = operator.get(edit_url).get_data(as_text=True)
    assert "Ines Varga" in page and "Rename, merge or re-voice speakers" in page
    token = csrf_token(page)
    refused = operator.post(edit_url, data={"csrf_token": token, "title": "", "text": ""})
    assert refused.status_code == 422
    response = operator.post(edit_url, data={
        "csrf_token": token, "title": "Ferry <b>back</b>",
        "text": "## Morning\n\nThe ferry sailed.\n\n\"Good,\" said Ines Varga."})
    assert response.status_code == 302
    with app.app_context():
        article = db.session.get(Article, article_id)
        assert article.title == "Ferry <b>back</b>" and article.status == Status.QUEUED
        assert [(b.kind, b.text) for b in article.blocks] == [
            ("heading", "Morning"), ("paragraph", "The ferry sailed."),
            ("paragraph", "\"Good,\" said Ines Varga.")]
    assert "Ferry &lt;b&gt;back&lt;/b&gt;" in operator.get(edit_url).get_data(as_text=True)
    assert act(operator, f"/admin/articles/{article_id}/renarrate").status_code == 302
    assert [a for _, a, _ in audit_actions(app)] == ["import", "edit", "renarrate"]


def test_unpublish_hides_from_library_and_feed_then_publish_brings_it_back(
        app, client, operator):
    article_id = save(operator, post_import(operator, text=TWO_VOICES).headers["Location"])
    assert run_pending(app) == 1
    listener = app.test_client()
    title = "Harbour ferry returns after winter repairs"
    assert title in listener.get("/").get_data(as_text=True)
    assert title in listener.get("/feed.xml").get_data(as_text=True)

    act(operator, f"/admin/articles/{article_id}/unpublish")
    assert title not in listener.get("/").get_data(as_text=True)
    assert title not in listener.get("/feed.xml").get_data(as_text=True)
    assert listener.get(f"/articles/{article_id}").status_code == 404
    assert "Unpublished</span>" in operator.get("/admin/articles").get_data(as_text=True)

    act(operator, f"/admin/articles/{article_id}/publish")
    assert title in listener.get("/").get_data(as_text=True)
    assert title in listener.get("/feed.xml").get_data(as_text=True)
    assert [a for _, a, _ in audit_actions(app)] == ["import", "unpublish", "publish"]


def test_delete_removes_the_audio_once_nothing_refers_to_it(app, operator):
    first = save(operator, post_import(operator, text=TWO_VOICES).headers["Location"])
    assert run_pending(app) == 1
    # Another text (the same one would be the same article), given the first one's files.
    second = save(operator, post_import(operator, text=TWO_VOICES.replace("Saturday", "Sunday"))
                  .headers["Location"])
    with app.app_context():  # the second article shares the first one's files
        ep = db.session.get(Article, first).episode
        names = [ep.audio_name, ep.transcript_name, ep.chapters_name]
        db.session.add(Episode(article_id=second, audio_name=ep.audio_name,
                               transcript_name=ep.transcript_name,
                               chapters_name=ep.chapters_name, duration=ep.duration,
                               bytes=ep.bytes))
        db.session.commit()
    episodes = Path(app.config["AUDIO_CACHE_DIR"]) / "episodes"
    assert all((episodes / n).is_file() for n in names)

    assert act(operator, f"/admin/articles/{first}/delete").status_code == 302
    assert all((episodes / n).is_file() for n in names)  # still used by the second
    assert operator.get(f"/articles/{first}").status_code == 404

    assert act(operator, f"/admin/articles/{second}/delete").status_code == 302
    assert all((episodes / n).is_file() for n in names)  # kept while Undo is offered
    with app.app_context():
        assert removals.purge_due(app.config["AUDIO_CACHE_DIR"]) == 0  # not yet due
        later = utcnow() + removals.UNDO_WINDOW + timedelta(seconds=1)
        assert removals.purge_due(app.config["AUDIO_CACHE_DIR"], now=later) == 2
    assert not any((episodes / n).exists() for n in names)
    with app.app_context():
        assert db.session.query(Article).count() == db.session.query(Speaker).count() == 0
    actions = audit_actions(app)
    assert ("editor", "delete", first) in actions and ("editor", "delete", second) in actions


def test_audit_log_shows_who_did_what_to_which_article(app, client, operator):
    article_id = save(operator, post_import(operator, text=TWO_VOICES).headers["Location"])
    act(operator, f"/admin/articles/{article_id}/unpublish")
    act(operator, f"/admin/articles/{article_id}/delete")
    page = operator.get("/admin/audit").get_data(as_text=True)
    rows = re.findall(r'<tr role="row"><td[^>]*><time[^>]*>[^<]+</time></td><td[^>]*>(\w+)</td>'
                      r'<td[^>]*>([\w ]+)</td>', page)
    assert rows == [("editor", "delete"), ("editor", "unpublish"), ("editor", "import")]
    assert f"#{article_id} Harbour ferry returns" in page


def test_the_article_list_comes_50_to_a_page(app, client, auth):
    auth.create()
    auth.login()
    with app.app_context():
        db.session.add_all(Article(title=f"Council story {i:03d}") for i in range(120))
        db.session.commit()
    first = client.get("/admin/articles").get_data(as_text=True)
    assert "Articles 1 to 50 of 120" in first and "Page 1 of 3" in first
    assert ">Council story 070</a>" in first and ">Council story 069</a>" not in first
    last = client.get("/admin/articles?page=3").get_data(as_text=True)
    assert "Articles 101 to 120 of 120" in last
    assert ">Council story 000</a>" in last and 'rel="prev"' in last and 'rel="next"' not in last


def test_the_preview_proposes_voices_by_what_the_text_says_and_takes_the_choice(app, operator):
    url = post_import(operator, text=TWO_VOICES).headers["Location"]
    page = operator.get(url).get_data(as_text=True)
    proposed = dict(re.findall(r'name="(voice-\d)".*?<option value="(\w+)" selected', page,
                               re.S))
    # "Varga said she would bake…": Ines Varga is proposed a woman's voice.
    assert VOICES[proposed["voice-0"]].sex == "f"
    article_id = save(operator, url, **{"voice-0": "kim", "voice-1": "no-such-voice"})
    with app.app_context():
        rows = {s.name: s.voice for s in db.session.get(Article, article_id).speakers}
        assert rows["Ines Varga"] == "kim"  # the operator's choice
        assert rows["Ruairi Doherty"] == proposed["voice-1"]  # a bad value: the proposal


# --- undo ------------------------------------------------------------------------------


def _undo_form(page: str) -> str:
    m = re.search(r'<form method="post" action="(/admin/undo/[^"]+)"', page)
    assert m, "no Undo offered"
    return m.group(1)


def test_undo_puts_a_deleted_article_back_with_its_audio_and_is_audited(app, operator):
    article_id = save(operator, post_import(operator, text=TWO_VOICES).headers["Location"])
    assert run_pending(app) == 1
    with app.app_context():
        before = db.session.get(Article, article_id)
        names = list(before.episode.file_names)
        speakers_before = sorted((s.name, s.voice) for s in before.speakers)
        uuid = before.uuid
    response = act(operator, f"/admin/articles/{article_id}/delete")
    page = operator.get(response.headers["Location"]).get_data(as_text=True)
    assert "Deleted “Harbour ferry returns after winter repairs” and its audio." in page
    assert operator.get(f"/articles/{article_id}").status_code == 404  # gone at once
    undo = _undo_form(page)
    token = csrf_token(page)
    # The window passes on other requests without making the removal final early.
    operator.get("/admin/articles")
    restored = operator.post(undo, data={"csrf_token": token})
    assert restored.headers["Location"] == f"/articles/{article_id}"
    with app.app_context():
        after = db.session.get(Article, article_id)
        assert after.uuid == uuid and after.status == Status.READY
        assert sorted((s.name, s.voice) for s in after.speakers) == speakers_before
        assert list(after.episode.file_names) == names
        assert db.session.query(Removal).count() == 0
    episodes = Path(app.config["AUDIO_CACHE_DIR"]) / "episodes"
    assert all((episodes / n).is_file() for n in names)
    assert operator.get(f"/media/{names[0]}").status_code in (200, 206)
    assert [a for _, a, _ in audit_actions(app)] == ["import", "delete", "undo delete"]
    # Once undone, the same Undo cannot act again; the audio now stays for good.
    again = operator.post(undo, data={"csrf_token": token})
    assert "can no longer be undone" in operator.get(again.headers["Location"]).get_data(
        as_text=True)
    with app.app_context():
        removals.purge_due(app.config["AUDIO_CACHE_DIR"],
                           now=utcnow() + removals.UNDO_WINDOW * 2)
    assert all((episodes / n).is_file() for n in names)


def test_undo_after_the_window_is_refused_and_the_removal_is_final(app, operator):
    article_id = save(operator, post_import(operator, text=TWO_VOICES).headers["Location"])
    page = operator.get(act(operator, f"/admin/articles/{article_id}/delete")
                        .headers["Location"]).get_data(as_text=True)
    undo = _undo_form(page)
    with app.app_context():
        row = db.session.scalar(db.select(Removal))
        row.created_at = utcnow() - removals.UNDO_WINDOW - timedelta(seconds=1)
        db.session.commit()
    response = operator.post(undo, data={"csrf_token": csrf_token(page)})
    assert "can no longer be undone" in operator.get(response.headers["Location"]).get_data(
        as_text=True)
    with app.app_context():
        assert db.session.get(Article, article_id) is None
        assert db.session.query(Removal).count() == 0  # purged by that request


def test_a_discarded_draft_can_be_undone(app, operator):
    url = post_import(operator, text=TWO_VOICES).headers["Location"]
    page = operator.get(url).get_data(as_text=True)
    gone = operator.post(url, data={"csrf_token": csrf_token(page), "action": "discard"})
    page = operator.get(gone.headers["Location"]).get_data(as_text=True)
    assert "Discarded the draft “Harbour ferry returns after winter repairs”." in page
    back = operator.post(_undo_form(page), data={"csrf_token": csrf_token(page)})
    assert "/admin/drafts/" in back.headers["Location"]
    assert "Harbour ferry returns" in operator.get(back.headers["Location"]).get_data(
        as_text=True)
    assert [a for _, a, _ in audit_actions(app)] == ["discard", "undo discard"]


def test_failure_reasons_are_words_not_class_names():
    from app.web.admin import failure_reason

    said = failure_reason("SynthesisError: speech stopped early (0.1 s) for: 'Hello'")
    assert "SynthesisError" not in said
    assert said.startswith("The speech engine could not read part of the text (speech stopped")
    assert "Narrate again" in said
    assert "KeyError" not in failure_reason("KeyError: 'x'")


def test_a_failed_narration_shows_operators_a_sentence(app, operator):
    article_id = save(operator, post_import(operator, text=TWO_VOICES).headers["Location"])
    with app.app_context():
        article = db.session.get(Article, article_id)
        article.status, article.error = Status.FAILED, "SynthesisError: espeak-ng died"
        db.session.commit()
    for path in ("/admin/articles", f"/articles/{article_id}"):
        page = operator.get(path).get_data(as_text=True)
        assert "The speech engine could not read part of the text (espeak-ng died)" in page
        assert "SynthesisError" not in page


def test_unpublished_articles_say_so_wherever_operators_see_them(app, operator):
    article_id = save(operator, post_import(operator, text=TWO_VOICES).headers["Location"])
    act(operator, f"/admin/articles/{article_id}/unpublish")
    for path in ("/admin/articles", f"/articles/{article_id}", "/",
                 f"/admin/articles/{article_id}/edit", f"/admin/articles/{article_id}/speakers"):
        assert "Unpublished</" in operator.get(path).get_data(as_text=True), path


def test_preview_text_edits_are_kept_and_the_people_follow(app, operator):
    url = post_import(operator, text=TWO_VOICES).headers["Location"]
    page = operator.get(url).get_data(as_text=True)
    text = ("The ferry is back.\n\n\"It is a good day,\" said Ines Varga.\n\n"
            "\"We missed it,\" said Tomas Berg.")
    response = operator.post(url, data={"csrf_token": csrf_token(page), "action": "update",
                                        "title": "Ferry back", "byline": "A. Writer",
                                        "text": text, "found-0": "Ines Varga",
                                        "speaker-0": "Inés Varga", "voice-0": "kim"},
                             headers={"HX-Request": "true"})
    body = response.get_data(as_text=True)
    assert "follows your edit" in response.headers["HX-Trigger"]
    assert "Found as “Tomas Berg”" in body and "Found as “Ruairi Doherty”" not in body
    assert 'value="Inés Varga"' in body  # the choice follows the person, not the position
    article_id = save(operator, url)
    with app.app_context():
        article = db.session.get(Article, article_id)
        assert (article.title, article.byline) == ("Ferry back", "A. Writer")
        assert [b.text for b in article.blocks][0] == "The ferry is back."
        assert {s.name for s in article.speakers} == {"Ines Varga", "Tomas Berg"}


def test_save_all_saves_titled_drafts_and_keeps_untitled_ones_with_a_reason(app, operator):
    untitled = ("The allotments by the river will get a new water supply before the summer "
                "and the old pump will be kept as a monument.\n\nWork starts in May.")
    files = [(io.BytesIO(TWO_VOICES.encode()), "ferry.txt"),
             (io.BytesIO(untitled.encode()), "allotments.txt")]
    assert post_import(operator, file=files).headers["Location"] == "/admin/drafts"
    inbox = operator.get("/admin/drafts").get_data(as_text=True)
    assert "needs a title</strong>" in inbox and ">Drafts (2)</a>" in inbox
    done = operator.post("/admin/drafts/save-all", data={"csrf_token": csrf_token(inbox)})
    page = operator.get(done.headers["Location"]).get_data(as_text=True)
    failed = page.split('id="report-failed"', 1)[1].split("</div>", 1)[0]
    saved = page.split('id="report-done"', 1)[1].split("</div>", 1)[0]
    assert "Harbour ferry returns after winter repairs" in saved
    assert "needs a title: open it, write a title, then save it." in failed
    assert ">Drafts (1)</a>" in page
    with app.app_context():
        assert [a.title for a in db.session.scalars(db.select(Article))] == [
            "Harbour ferry returns after winter repairs"]
