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

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from sqlalchemy import CursorResult

from app import speakers
from app.articles import save_article
from app.audit import record
from app.episodes.files import remove_episode_files
from app.importer import ImportFailed, import_document
from app.importer.article import Article as ArticleDoc
from app.importer.article import Block as BlockDoc
from app.importer.policy import fetch_for_import
from app.jobs import enqueue_narration
from app.models import Article, AuditEntry, Block, Draft, Episode, db, utcnow
from app.narration.languages import language_problem
from app.narration.voices import PALETTE, VOICES, Voice

from .auth import login_required
from .filters import human_size
from .paging import paginate

bp = Blueprint("admin", __name__, url_prefix="/admin")
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
            done.append((import_document(data, filename=name, content_type=f.mimetype),
                         None, name))
        except ImportFailed as e:
            errors.append(f"{_shown(name)}: {e}")
    for url in urls:
        try:
            body, ctype, final = fetch_for_import(url, current_app.config)
            done.append((import_document(body, content_type=ctype, url=final), final, url))
        except ImportFailed as e:
            errors.append(f"{_shown(url)}: {e}")
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
    for e in errors:
        flash(f"Not imported: {e}")
    if len(drafts) == 1:
        return redirect(url_for(".preview", token=drafts[0].token))
    flash(f"{len(drafts)} articles are ready to check.")
    return redirect(url_for(".drafts"))


@bp.route("/drafts")
@login_required
def drafts() -> Any:
    """This operator's previews waiting to be saved."""
    rows = db.session.scalars(db.select(Draft).filter_by(operator_id=g.operator.id)
                              .order_by(Draft.id)).all()
    return render_template("admin/drafts.html",
                           drafts=[(d, _doc_from_json(d.payload)) for d in rows])


def _save_draft(draft: Draft, doc: ArticleDoc, proposed: dict[str, Voice]) -> Article | None:
    """Store the previewed article with the operator's speaker names and voices (else the
    `proposed` ones); None if it was saved already.

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
    article = save_article(doc, source_url=draft.source_url)  # commits, with the delete
    article.speakers.extend(speakers.chosen_speakers(
        proposed, [request.form.get(f"speaker-{i}") for i in range(len(proposed))],
        [request.form.get(f"voice-{i}") for i in range(len(proposed))]))
    record("import", article.id, f"{article.title} ({draft.source_url or 'file or paste'})")
    db.session.commit()
    enqueue_narration(article)
    return article


@bp.route("/drafts/<token>", methods=["GET", "POST"])
@login_required
def preview(token: str) -> Any:
    """The cleaned article before it is saved: fix the title and speaker names, or discard."""
    draft = db.first_or_404(db.select(Draft).filter_by(token=token, operator_id=g.operator.id))
    doc = _doc_from_json(draft.payload)
    quotes, voices = speakers.propose(doc)
    error = None
    if request.method == "POST" and request.form.get("action") == "discard":
        db.session.delete(draft)
        db.session.commit()
        flash(f"Discarded “{doc.title}”.")
        return redirect(url_for(".import_form"))
    if request.method == "POST":
        doc.title = " ".join(request.form.get("title", doc.title).split())[:500]
        doc.language = request.form.get("language", "").strip()[:20] or doc.language
        error = ("The article needs a title." if not doc.title
                 else language_problem(doc.language))  # lang branch (issue 15)
        if not error:
            article = _save_draft(draft, doc, voices) or abort(404)
            flash(f"Saved “{article.title}”. Narration has started.")
            return redirect(url_for("listen.article", article_id=article.id))
    return render_template("admin/preview.html", draft=draft, doc=doc, quotes=quotes,
                           voices=voices, palette=PALETTE,
                           error=error), (422 if error else 200)


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
    """Delete an article, and its audio files once no other episode refers to them."""
    article = db.get_or_404(Article, article_id)
    files = {n for e in article.episodes for n in e.file_names}
    title = article.title
    db.session.delete(article)
    record("delete", article_id, title)
    db.session.commit()
    # Nothing else refers to them: remove the audio.
    remove_episode_files(current_app.config["AUDIO_CACHE_DIR"], files - Episode.names_in_use())
    flash(f"Deleted “{title}” and its audio.")
    return redirect(url_for(".articles"))


@bp.route("/audit")
@login_required
def audit() -> Any:
    """The newest operator actions first."""
    entries = db.session.scalars(db.select(AuditEntry).order_by(AuditEntry.id.desc())
                                 .limit(500)).all()
    return render_template("admin/audit.html", entries=entries)
