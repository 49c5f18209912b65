"""The import desk and article management for operators.

Import (files, pasted text, URLs) -> preview (a Draft held in the database) -> save, which
queues narration. Then: edit, re-narrate, unpublish, delete. Every action is audited.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import asdict
from datetime import timedelta
from typing import Any, cast
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from sqlalchemy import CursorResult

from app import removals, speakers
from app.articles import Stored, store_article
from app.audit import record
from app.importer import ImportFailed, import_document
from app.importer.article import Article as ArticleDoc
from app.importer.article import Block as BlockDoc
from app.importer.policy import fetch_for_import
from app.jobs import enqueue_narration
from app.models import Article, AuditEntry, Block, Draft, db, utcnow
from app.narration.languages import language_problem
from app.narration.voices import PALETTE, VOICES, Voice

from .auth import login_required
from .filters import human_size
from .paging import paginate
from .samples import bp as samples_bp

bp = Blueprint("admin", __name__, url_prefix="/admin")
bp.register_blueprint(samples_bp)  # /admin/samples/...: voices and words to listen to
MAX_FILES = 20
MAX_URLS = 20
ADMIN_PAGE_SIZE = 50
DRAFT_LIFETIME = timedelta(days=7)  # previews nobody saved or discarded are dropped after


@bp.url_value_preprocessor
def _form_field_limit(_endpoint: str | None, _values: dict[str, Any] | None) -> None:
    # A pasted article may be as large as an uploaded one (Flask's default for one form
    # field is 500 kB), and a little more, so the view can say "too long" itself. Set here
    # because this runs before CSRFProtect reads the form.
    request.max_form_memory_size = int(current_app.config["MAX_UPLOAD_BYTES"]) + 1024


@bp.before_request
def _finish_removals() -> None:
    # Deletes and discards become final once their undo window has passed (app/removals.py);
    # the desk is where operators act, so it is where the due ones are finished.
    removals.purge_due(current_app.config["AUDIO_CACHE_DIR"])


@bp.app_context_processor
def _desk_context() -> dict[str, Any]:
    """The drafts count for the operator nav (every page, operators only)."""
    if getattr(g, "operator", None) is None:
        return {}
    count = db.session.scalar(db.select(db.func.count(Draft.id))
                              .filter_by(operator_id=g.operator.id)) or 0
    return {"draft_count": count}


@bp.context_processor
def _undo_context() -> dict[str, Any]:
    """The removal the operator may still undo (shown once, as a toast with Undo)."""
    token = session.pop("undo", None)
    removal = removals.pending(token, g.operator.id) if token and g.operator else None
    return {"undo": removal}


def _report(done: list[str] | None = None, failed: list[str] | None = None,
            done_heading: str = "", failed_heading: str = "") -> None:
    """Keep the outcome of a batch (import, save all) for the next page: successes and
    failures are shown in separate boxes there (partials/desk_report.html)."""
    session["desk_report"] = {"done": done or [], "failed": failed or [],
                              "done_heading": done_heading, "failed_heading": failed_heading}


# The narration task stores "ClassName: detail"; operators read what happened, in words.
_FAILURE_WORDS = {
    "SynthesisError": "The speech engine could not read part of the text",
    "AssemblyError": "The audio could not be put together",
    "TimeoutError": "Narration took too long and was stopped",
    "OSError": "A file could not be written (is the disk full?)",
    "PermissionError": "A file could not be written (the audio folder is not writable)",
    "FileNotFoundError": "A file Hark needs was missing",
    "CalledProcessError": "The audio encoder (ffmpeg) stopped with an error",
}


@bp.app_template_filter("failure_reason")
def failure_reason(error: str) -> str:
    """A stored narration error as a sentence for operators, with what to do next; the
    Python class name is never shown."""
    name, sep, detail = error.partition(": ")
    if not sep or not name.isidentifier():
        name, detail = "", error
    words = _FAILURE_WORDS.get(name, "Narration stopped on an unexpected problem")
    detail = detail.strip().rstrip(".")
    return (f"{words}{f' ({detail})' if detail else ''}. Choose Narrate again to retry; "
            "if it fails again, the server log has the details.")


def _doc_to_json(doc: ArticleDoc) -> str:
    return json.dumps(asdict(doc), ensure_ascii=False)


def _doc_from_json(payload: str) -> ArticleDoc:
    data = json.loads(payload)
    data["blocks"] = [BlockDoc(b["kind"], b["text"]) for b in data["blocks"]]
    return ArticleDoc(**data)


def _shown(label: str) -> str:
    """A file name or address as an error message quotes it: one line, not too long."""
    label = " ".join(label.split())
    return label if len(label) <= 120 else label[:119] + "…"


def _url_refusal(url: str, reason: str) -> str:
    """Why an address was not imported, and how to allow it when it is a private one."""
    if "private or local address" in reason:
        host = urlsplit(url).hostname or url
        return (f"{_shown(url)}: refused: {host} is a private or local address. "
                "To allow this host, add it to URL_ALLOW_LIST.")
    return f"{_shown(url)}: {reason}"


def _imports() -> tuple[list[tuple[ArticleDoc, str | None, str]], list[str]]:
    """Every article the form carries, imported, and a message for each that failed."""
    done: list[tuple[ArticleDoc, str | None, str]] = []
    errors: list[str] = []
    files = [f for f in request.files.getlist("file") if f and f.filename]
    urls = [u.strip() for u in request.form.get("urls", "").splitlines() if u.strip()]
    pasted = request.form.get("text", "")
    if len(files) > MAX_FILES or len(urls) > MAX_URLS:
        return [], [f"Import at most {MAX_FILES} files and {MAX_URLS} addresses at a time."]
    limit = int(current_app.config["MAX_UPLOAD_BYTES"])
    for f in files:
        name = f.filename or "file"  # never empty: `files` keeps only named uploads
        try:
            data = f.read(limit + 1)
            if len(data) > limit:
                raise ImportFailed(f"the file is too large: the limit is {human_size(limit)}")
            done.append((import_document(data, filename=name, content_type=f.mimetype,
                                         max_bytes=limit),
                         None, name))
        except ImportFailed as e:
            errors.append(f"{_shown(name)}: {e}")
    for url in urls:
        try:
            body, ctype, final = fetch_for_import(url, current_app.config)
            done.append((import_document(body, content_type=ctype, url=final), final, url))
        except ImportFailed as e:
            errors.append(_url_refusal(url, str(e)))
    if pasted.strip():
        try:
            if len(pasted.encode()) > limit:
                raise ImportFailed(f"the text is too long: the limit is {human_size(limit)}")
            done.append((import_document(pasted), None, "pasted text"))
        except ImportFailed as e:
            errors.append(f"Pasted text: {e}")
    if not done and not errors:
        errors.append("Choose a file to upload, paste the article's text, or give its address.")
    return done, errors


@bp.route("/import", methods=["GET", "POST"])
@login_required
def import_form() -> Any:
    """The import desk: each imported article becomes a draft to preview."""
    if request.method == "GET":
        return render_template("import.html", errors=[], pasted="", urls="")
    done, errors = _imports()
    if not done:
        return render_template("import.html", errors=errors, pasted=request.form.get("text", ""),
                               urls=request.form.get("urls", "")), 422
    db.session.execute(db.delete(Draft).where(Draft.created_at < utcnow() - DRAFT_LIFETIME))
    drafts = []
    for doc, url, _label in done:
        draft = Draft(token=secrets.token_urlsafe(16), operator_id=g.operator.id,
                      payload=_doc_to_json(doc), source_url=url)
        db.session.add(draft)
        drafts.append(draft)
    db.session.commit()
    if len(drafts) == 1 and not errors:
        return redirect(url_for(".preview", token=drafts[0].token))
    n = len(drafts)
    _report(done=[_doc_from_json(d.payload).title or "(needs a title)" for d in drafts],
            failed=errors,
            done_heading=f"{n} article{'s' if n != 1 else ''} imported, ready to check:",
            failed_heading=f"{len(errors)} not imported:")
    return redirect(url_for(".drafts"))


@bp.context_processor
def _report_context() -> dict[str, Any]:
    return {"report": session.pop("desk_report", None)}


def _my_drafts() -> list[Draft]:
    return list(db.session.scalars(db.select(Draft).filter_by(operator_id=g.operator.id)
                                   .order_by(Draft.id)))


def title_is_guessed(doc: ArticleDoc) -> bool:
    """True when the importer found no title and took the start of the first paragraph
    (a paste without a headline): the operator must write one."""
    if not doc.blocks:
        return False
    stem = doc.title.rstrip("…").rstrip()
    return bool(stem) and doc.blocks[0].text.startswith(stem) and (
        doc.title.endswith("…") or doc.blocks[0].text.rstrip(".!?") == stem)


@bp.route("/drafts")
@login_required
def drafts() -> Any:
    """This operator's previews waiting to be saved (the drafts inbox)."""
    rows = [(d, _doc_from_json(d.payload)) for d in _my_drafts()]
    return render_template("admin/drafts.html", drafts=rows,
                           needs_title={d.id for d, doc in rows if title_is_guessed(doc)},
                           lifetime_days=DRAFT_LIFETIME.days)


@bp.route("/drafts/save-all", methods=["POST"])
@login_required
def save_all() -> Any:
    """Save every draft as previewed (proposed names and voices); a draft that still needs
    a title stays in the inbox, named in the error box."""
    saved, failed = [], []
    for draft in _my_drafts():
        doc = _doc_from_json(draft.payload)
        if title_is_guessed(doc) or not doc.title.strip():
            failed.append(f"“{_shown(doc.blocks[0].text if doc.blocks else doc.title)}” "
                          "needs a title: open it, write a title, then save it.")
            continue
        _quotes, voices = speakers.propose(doc)
        stored = _save_draft(draft, doc, voices, [], [])
        if stored is not None:
            saved.append(stored.article.title)
    _report(done=saved, failed=failed,
            done_heading=f"Saved {len(saved)} article{'s' if len(saved) != 1 else ''}; "
                         "narration has started:",
            failed_heading=f"{len(failed)} not saved:")
    return redirect(url_for(".drafts"))


def _save_draft(draft: Draft, doc: ArticleDoc, proposed: dict[str, Voice],
                names: list[str | None], voices: list[str | None]) -> Stored | None:
    """Store the previewed article with the operator's speaker `names` and `voices` (by
    position in `proposed`; missing ones keep the proposal); None if it was saved already.
    A re-import updates the article it repeats, or is refused when nothing changed
    (app.articles.store_article).

    A name changed to another speaker's merges the two (display_name; narration gives the
    merged speaker the other's voice).
    """
    # Deleted first, with a condition: a double-clicked Save stores the article once.
    # A DELETE's result is a CursorResult (it has rowcount); Session.execute is typed Result.
    gone = cast("CursorResult[Any]",
                db.session.execute(db.delete(Draft).where(Draft.id == draft.id)))
    if gone.rowcount != 1:
        db.session.rollback()
        return None
    stored = store_article(doc, source_url=draft.source_url)  # commits, with the delete
    article = stored.article
    if stored.outcome == "unchanged":
        db.session.commit()
        return stored
    n = len(proposed)
    article.speakers = list(speakers.chosen_speakers(
        proposed, (names + [None] * n)[:n], (voices + [None] * n)[:n]))
    record("import" if stored.outcome == "new" else "update", article.id,
           f"{article.title} ({draft.source_url or 'file or paste'})")
    db.session.commit()
    enqueue_narration(article)
    return stored


def _doc_text(doc: ArticleDoc) -> str:
    """The document's blocks as the edit box shows them (see _blocks_from_text)."""
    return "\n\n".join(("## " if b.kind == "heading" else "") + b.text for b in doc.blocks)


def _edited(doc: ArticleDoc) -> ArticleDoc:
    """The previewed document with the form's title, byline and text (fields the form does
    not send are kept)."""
    form = request.form
    if "title" in form:
        doc.title = " ".join(form["title"].split())[:500]
    if "byline" in form:
        doc.byline = " ".join(form["byline"].split())[:500] or None
    if "text" in form:
        doc.blocks = [BlockDoc("heading" if b.kind == "heading" else "paragraph", b.text)
                      for b in _blocks_from_text(form["text"])]
    return doc


def _choices(proposed: dict[str, Voice]) -> tuple[list[str | None], list[str | None]]:
    """The operator's name and voice for each proposed person, matched by the name the
    quote finder found (the form's found-N fields), so choices follow a text edit that
    adds, removes or reorders people."""
    form = request.form
    by_found = {}
    i = 0
    while any(f"{field}-{i}" in form for field in ("found", "speaker", "voice")):
        found = form.get(f"found-{i}")
        key = found if found is not None else list(proposed)[i] if i < len(proposed) else None
        if key is not None:
            by_found[key] = (form.get(f"speaker-{i}"), form.get(f"voice-{i}"))
        i += 1
    names = [by_found.get(p, (None, None))[0] for p in proposed]
    voices = [by_found.get(p, (None, None))[1] for p in proposed]
    return names, voices


@bp.route("/drafts/<token>", methods=["GET", "POST"])
@login_required
def preview(token: str) -> Any:
    """The cleaned article before it is saved: fix the text, title, byline and speakers;
    save (then the next draft), or discard (with undo)."""
    draft = db.first_or_404(db.select(Draft).filter_by(token=token, operator_id=g.operator.id))
    doc = _doc_from_json(draft.payload)
    action = request.form.get("action") if request.method == "POST" else None
    guessed = title_is_guessed(doc)
    if action == "discard":
        removal = removals.remove_draft(draft, doc.title)
        record("discard", None, doc.title)
        db.session.commit()
        session["undo"] = removal.token
        return redirect(url_for(".drafts") if _my_drafts() else url_for(".import_form"))
    errors: list[tuple[str, str]] = []  # (field id, message)
    headers: dict[str, str] = {}
    if request.method == "POST":
        old_names = list(speakers.propose(doc)[0])
        doc = _edited(doc)
        if "title" in request.form:
            guessed = False  # the operator has seen the field and written (or kept) a title
        if not doc.title:
            errors.append(("title", "The article needs a title: write one in the Title box."))
        doc.language = request.form.get("language", "").strip()[:20] or doc.language
        if problem := language_problem(doc.language):  # espeak-ng has no voice for it
            errors.append(("language", problem))
        if not doc.blocks:
            errors.append(("text", "The article needs some text: write at least one paragraph."))
        draft.payload = _doc_to_json(doc)
        db.session.commit()
        quotes, voices = speakers.propose(doc)
        names, chosen = _choices(voices)
        if action == "save" and not errors:
            stored = _save_draft(draft, doc, voices, names, chosen) or abort(404)
            article = stored.article
            said = {"new": f"Saved “{article.title}”. Narration has started.",
                    "updated": f"“{article.title}” was imported before: it is updated and "
                               "narrated again, and stays one episode in podcast apps.",
                    "unchanged": f"Not imported again: “{article.title}” is already in the "
                                 "library, unchanged. Here it is."}[stored.outcome]
            rest = _my_drafts()
            if rest:
                flash(f"{said} {len(rest)} more to check: here is the next one.")
                return redirect(url_for(".preview", token=rest[0].token))
            flash(said)
            return redirect(url_for("listen.article", article_id=article.id))
        if action == "update" and not errors:
            changed = list(quotes) != old_names
            said = "Preview updated. " + ("The list of people quoted follows your edit."
                                          if changed else "The people quoted are the same.")
            if request.headers.get("HX-Request"):
                # The text box changed: only the people section is swapped in, and the
                # page's announcer says so (an edit elsewhere keeps its place and focus).
                headers["HX-Trigger"] = json.dumps({"announce": said})
            else:
                flash(said)
    else:
        quotes, voices = speakers.propose(doc)
        names, chosen = [None] * len(voices), [None] * len(voices)
    proposals = speakers.display_proposals(list(voices))
    rows = [(found, names[i] if names[i] is not None else proposals[found],
             chosen[i] if chosen[i] in VOICES else voices[found].key, quotes[found])
            for i, found in enumerate(voices)]
    return render_template("admin/preview.html", draft=draft, doc=doc, rows=rows,
                           quote_rows=speakers.quote_views(doc),
                           palette=PALETTE, text=_doc_text(doc), guessed=guessed,
                           errors=errors,
                           remaining=len(_my_drafts()) - 1), (422 if errors else 200), headers


@bp.route("/undo/<token>", methods=["POST"])
@login_required
def undo(token: str) -> Any:
    """Put back a deleted article (with its audio) or a discarded draft, within the window."""
    removal = removals.pending(token, g.operator.id)
    if removal is None:
        flash("That can no longer be undone: removals are final after "
              f"{int(removals.UNDO_WINDOW.total_seconds() // 60)} minutes.")
        return redirect(url_for(".articles"))
    kind, label = removal.kind, removal.label
    restored = removals.restore(removal)
    db.session.flush()
    record(f"undo {'delete' if kind == 'article' else 'discard'}",
           restored.id if isinstance(restored, Article) else None, label)
    db.session.commit()
    if isinstance(restored, Article):
        flash(f"Restored “{label}” with its audio.")
        return redirect(url_for("listen.article", article_id=restored.id))
    flash(f"Restored the draft “{label}”.")
    return redirect(url_for(".preview", token=restored.token))


@bp.route("/articles")
@login_required
def articles() -> Any:
    """Every article, hidden ones included, with its actions."""
    page = paginate(db.select(Article).order_by(Article.created_at.desc(), Article.id.desc()),
                    ADMIN_PAGE_SIZE)
    return render_template("admin/articles.html", articles=page.items, page=page)


def _blocks_from_text(text: str) -> list[Block]:
    """Paragraphs separated by blank lines; a paragraph starting with '## ' is a heading."""
    blocks: list[Block] = []
    for chunk in text.replace("\r\n", "\n").split("\n\n"):
        line = " ".join(chunk.split())
        if not line:
            continue
        if line.startswith("## "):
            blocks.append(Block(position=len(blocks), kind="heading", text=line[3:].strip()))
        else:
            blocks.append(Block(position=len(blocks), kind="paragraph", text=line))
    return blocks


@bp.route("/articles/<int:article_id>/edit", methods=["GET", "POST"])
@login_required
def edit(article_id: int) -> Any:
    """Change an article's title and text; saving narrates it again."""
    article = db.get_or_404(Article, article_id)
    if request.method == "POST":
        title = " ".join(request.form.get("title", "").split())[:500]
        blocks = _blocks_from_text(request.form.get("text", ""))
        if not title or not blocks:
            return render_template("admin/edit.html", article=article, voices=VOICES,
                                   text=request.form.get("text", ""),
                                   error="The article needs a title and some text."), 422
        article.title = title
        article.blocks = blocks
        record("edit", article.id, title)
        db.session.commit()
        enqueue_narration(article)
        flash("Saved. The article is being narrated again.")
        return redirect(url_for("listen.article", article_id=article.id))
    text = "\n\n".join(("## " if b.kind == "heading" else "") + b.text for b in article.blocks)
    return render_template("admin/edit.html", article=article, voices=VOICES, text=text,
                           error=None)


@bp.route("/articles/<int:article_id>/<any(renarrate, unpublish, publish):action>",
          methods=["POST"])
@login_required
def article_action(article_id: int, action: str) -> Any:
    """Narrate again, unpublish (hidden from library and feed), or publish again."""
    article = db.get_or_404(Article, article_id)
    if action == "renarrate":
        record("renarrate", article.id, article.title)
        db.session.commit()
        enqueue_narration(article)
        flash(f"“{article.title}” is being narrated again.")
    else:
        article.hidden = action == "unpublish"
        record(action, article.id, article.title)
        db.session.commit()
        flash(f"“{article.title}” is {'hidden from' if article.hidden else 'back in'} "
              "the library and the feed.")
    return redirect(url_for(".articles"))


@bp.route("/articles/<int:article_id>/delete", methods=["POST"])
@login_required
def delete(article_id: int) -> Any:
    """Delete an article at once, with an Undo for removals.UNDO_WINDOW; its audio files are
    removed when the window has passed, once no other episode refers to them."""
    article = db.get_or_404(Article, article_id)
    title = article.title
    removal = removals.remove_article(article, g.operator.id)
    record("delete", article_id, title)
    db.session.commit()
    session["undo"] = removal.token
    return redirect(url_for(".articles"))


@bp.route("/audit")
@login_required
def audit() -> Any:
    """The newest operator actions first."""
    entries = db.session.scalars(db.select(AuditEntry).order_by(AuditEntry.id.desc())
                                 .limit(500)).all()
    return render_template("admin/audit.html", entries=entries)
