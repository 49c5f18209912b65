"""The import desk and article management for operators.

Import (files, pasted text, URLs) -> preview (a Draft held in the database) -> save, which
queues narration. Then: edit, re-narrate, unpublish, delete. Every action is audited.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import asdict
from pathlib import Path
from typing import Any
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
    url_for,
)

from app.articles import save_article
from app.audit import record
from app.importer import ImportFailed, fetch_url, import_document
from app.importer.article import Article as ArticleDoc
from app.importer.article import Block as BlockDoc
from app.jobs import enqueue_narration
from app.models import Article, AuditEntry, Block, Draft, Episode, Speaker, db
from app.narration import speakers_of
from app.narration.quotes import segment_blocks
from app.narration.voices import assign_voices

from .auth import login_required

bp = Blueprint("admin", __name__, url_prefix="/admin")
MAX_FILES = 20
MAX_URLS = 20


def _doc_to_json(doc: ArticleDoc) -> str:
    return json.dumps(asdict(doc), ensure_ascii=False)


def _doc_from_json(payload: str) -> ArticleDoc:
    data = json.loads(payload)
    data["blocks"] = [BlockDoc(b["kind"], b["text"]) for b in data["blocks"]]
    return ArticleDoc(**data)


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
        try:
            data = f.read(limit + 1)
            if len(data) > limit:
                raise ImportFailed(f"the file is too large: the limit is {limit / 1048576:g} MB")
            done.append((import_document(data, filename=f.filename, content_type=f.mimetype),
                         None, f.filename))
        except ImportFailed as e:
            errors.append(f"{f.filename}: {e}")
    cfg = current_app.config
    allowed = {h.lower() for h in cfg.get("URL_ALLOW_LIST") or []}
    for url in urls:
        try:
            # Private addresses are refused unless allowed for all, or for this host.
            private_ok = bool(cfg.get("ALLOW_PRIVATE_URLS")) or (
                (urlsplit(url).hostname or "").lower() in allowed)
            body, ctype, final = fetch_url(url, max_bytes=cfg["MAX_UPLOAD_BYTES"],
                                           allow_private=private_ok)
            done.append((import_document(body, content_type=ctype, url=final), final, url))
        except ImportFailed as e:
            errors.append(f"{url}: {e}")
    if pasted.strip():
        try:
            if len(pasted.encode()) > limit:
                raise ImportFailed(f"the text is too long: the limit is {limit / 1048576:g} MB")
            done.append((import_document(pasted), None, "pasted text"))
        except ImportFailed as e:
            errors.append(f"Pasted text: {e}")
    if not done and not errors:
        errors.append("Choose a file to upload, paste the article's text, or give its address.")
    return done, errors


@bp.route("/import", methods=["GET", "POST"])
@login_required
def import_form() -> Any:
    if request.method == "GET":
        return render_template("import.html", errors=[], pasted="", urls="")
    done, errors = _imports()
    if not done:
        return render_template("import.html", errors=errors, pasted=request.form.get("text", ""),
                               urls=request.form.get("urls", "")), 422
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
    rows = db.session.scalars(db.select(Draft).filter_by(operator_id=g.operator.id)
                              .order_by(Draft.id)).all()
    return render_template("admin/drafts.html",
                           drafts=[(d, _doc_from_json(d.payload)) for d in rows])


@bp.route("/drafts/<token>", methods=["GET", "POST"])
@login_required
def preview(token: str) -> Any:
    draft = db.session.scalar(db.select(Draft).filter_by(token=token,
                                                         operator_id=g.operator.id))
    if draft is None:
        abort(404)
    doc = _doc_from_json(draft.payload)
    speakers = speakers_of(segment_blocks(doc.blocks))
    if request.method == "POST":
        if request.form.get("action") == "discard":
            db.session.delete(draft)
            db.session.commit()
            flash(f"Discarded “{doc.title}”.")
            return redirect(url_for(".import_form"))
        title = " ".join(request.form.get("title", doc.title).split())[:500]
        if not title:
            return render_template("admin/preview.html", draft=draft, doc=doc,
                                   speakers=speakers, error="The article needs a title."), 422
        doc.title = title
        article = save_article(doc, source_url=draft.source_url)
        voices = assign_voices(speakers)
        for i, name in enumerate(speakers):
            fixed = " ".join(request.form.get(f"speaker-{i}", name).split())[:200]
            article.speakers.append(Speaker(name=name, voice=voices[name].key,
                                            display_name=fixed if fixed and fixed != name
                                            else None))
        db.session.delete(draft)
        record("import", article.id, article.title)
        db.session.commit()
        enqueue_narration(article)
        flash(f"Saved “{article.title}”. Narration has started.")
        return redirect(url_for("listen.article", article_id=article.id))
    return render_template("admin/preview.html", draft=draft, doc=doc, speakers=speakers,
                           error=None)


@bp.route("/articles")
@login_required
def articles() -> Any:
    rows = db.session.scalars(db.select(Article).order_by(Article.created_at.desc())).all()
    return render_template("admin/articles.html", articles=rows)


def _blocks_from_text(text: str) -> list[Block]:
    """Paragraphs separated by blank lines; a paragraph starting with '## ' is a heading."""
    blocks = []
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
    article = db.session.get(Article, article_id) or abort(404)
    if request.method == "POST":
        title = " ".join(request.form.get("title", "").split())[:500]
        blocks = _blocks_from_text(request.form.get("text", ""))
        if not title or not blocks:
            return render_template("admin/edit.html", article=article,
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
    return render_template("admin/edit.html", article=article, text=text, error=None)


@bp.route("/articles/<int:article_id>/<any(renarrate, unpublish, publish):action>",
          methods=["POST"])
@login_required
def article_action(article_id: int, action: str) -> Any:
    article = db.session.get(Article, article_id) or abort(404)
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
    article = db.session.get(Article, article_id) or abort(404)
    files = {n for e in article.episodes
             for n in (e.audio_name, e.transcript_name, e.chapters_name)}
    title = article.title
    db.session.delete(article)
    record("delete", article_id, title)
    db.session.commit()
    still_used = {n for row in db.session.execute(db.select(
        Episode.audio_name, Episode.transcript_name, Episode.chapters_name)) for n in row}
    episodes = Path(current_app.config["AUDIO_CACHE_DIR"]) / "episodes"
    for name in files - still_used:  # nothing else refers to them: remove the audio
        (episodes / name).unlink(missing_ok=True)
        (episodes / name.replace(".vtt", ".transcript.json")).unlink(missing_ok=True)
    flash(f"Deleted “{title}” and its audio.")
    return redirect(url_for(".articles"))


@bp.route("/audit")
@login_required
def audit() -> Any:
    entries = db.session.scalars(db.select(AuditEntry).order_by(AuditEntry.id.desc())
                                 .limit(500)).all()
    return render_template("admin/audit.html", entries=entries)
