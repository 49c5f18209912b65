"""Operators correct who speaks: rename a speaker, merge two, or change a voice.

Saving queues a re-narration; only the sentences whose voice or name changed are rendered
again (the segment and chunk caches keep the rest).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for

from app.audit import record
from app.jobs import enqueue_narration
from app.models import Article, db
from app.narration.voices import VOICES
from app.speakers import apply_edits

from .auth import login_required

bp = Blueprint("speakers", __name__, url_prefix="/admin/articles")


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
    return render_template("speakers.html", article=article, voices=VOICES.values(),
                           error=error), (422 if error else 200)
