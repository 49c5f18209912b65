"""Operators correct who speaks: rename a speaker, merge two, change a voice, or move one
quote to another speaker, a new one, nobody or the narrator.

Saving queues a re-narration; only the sentences whose voice or name changed are rendered
again (the segment and chunk caches keep the rest).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for

from app.articles import to_document
from app.audit import record
from app.jobs import enqueue_narration
from app.models import Article, db
from app.narration.voices import VOICES
from app.speakers import apply_edits, casting, correct_quote, quote_views

from .auth import login_required

bp = Blueprint("speakers", __name__, url_prefix="/admin/articles")


def _page(article: Article, error: str | None = None, quote_error: str | None = None,
          bad_key: str | None = None) -> Any:
    """The speakers page; after a refused quote change, the form's choices are kept and
    `bad_key` names the quote the error is about."""
    renames, _voices = casting(article.speakers)
    quotes = quote_views(to_document(article), article.quote_corrections, renames)
    choices: dict[str, int] = {}  # merged speakers share a shown name: offered once
    for s in article.speakers:
        choices.setdefault(s.shown, s.id)
    return render_template("speakers.html", article=article, voices=VOICES.values(),
                           quotes=quotes, choices=[(i, n) for n, i in choices.items()],
                           error=error, quote_error=quote_error, bad_key=bad_key,
                           picked=request.form if quote_error else {},
                           ), (422 if error or quote_error else 200)


@bp.route("/<int:article_id>/speakers", methods=["GET", "POST"])
@login_required
def edit(article_id: int) -> Any:
    article = db.get_or_404(Article, article_id)
    rows = {s.id: s for s in article.speakers}
    error = None
    if request.method == "POST":
        error = apply_edits(
            rows,
            names={sid: request.form.get(f"name-{sid}", s.shown) for sid, s in rows.items()},
            voices={sid: request.form.get(f"voice-{sid}", s.voice) for sid, s in rows.items()},
            merges={sid: request.form.get(f"merge-{sid}", "") for sid in rows})
        if error is None:
            record("speakers", article.id, ", ".join(s.shown for s in rows.values()))
            db.session.commit()
            enqueue_narration(article)
            flash("Speakers saved. The article is being narrated again with the changes.")
            return redirect(url_for("listen.article", article_id=article.id))
    return _page(article, error=error)


@bp.route("/<int:article_id>/quotes", methods=["POST"])
@login_required
def quotes(article_id: int) -> Any:
    """Move single quotes: the form's who-<key> (a choice for app.speakers.correct_quote,
    "" to keep) and new-<key> (the new speaker's name) for each quote key."""
    article = db.get_or_404(Article, article_id)
    done = []
    views = {v.key: v for v in quote_views(to_document(article))}
    for field, choice in request.form.items():
        if not field.startswith("who-") or not choice:
            continue
        key = field.removeprefix("who-")
        outcome = correct_quote(article, key, choice, request.form.get(f"new-{key}", ""), views)
        if isinstance(outcome, str):
            db.session.rollback()
            db.session.refresh(article)
            about = f"“{views[key].text[:80]}”: " if key in views else ""
            return _page(article, quote_error=about + outcome, bad_key=key)
        quote, who = outcome
        record("move quote", article.id, f"“{quote[:300]}” → {who}")
        done.append(who)
    if not done:
        flash("No quote was changed.")
        return redirect(url_for(".edit", article_id=article.id))
    db.session.commit()
    enqueue_narration(article)
    flash(f"{len(done)} quote{'s' if len(done) != 1 else ''} moved. The article is being "
          "narrated again with the changes.")
    return redirect(url_for("listen.article", article_id=article.id))
