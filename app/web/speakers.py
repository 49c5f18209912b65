"""Operators correct who speaks: rename a speaker, merge two, or change a voice.

Saving queues a re-narration; only the sentences whose voice or name changed are rendered
again (the segment and chunk caches keep the rest).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for

from app.audit import record
from app.jobs import enqueue_narration
from app.models import Article, db
from app.narration.voices import VOICES

from .auth import login_required

bp = Blueprint("speakers", __name__, url_prefix="/admin/articles")


@bp.route("/<int:article_id>/speakers", methods=["GET", "POST"])
@login_required
def edit(article_id: int) -> Any:
    article = db.session.get(Article, article_id) or abort(404)
    rows = {s.id: s for s in article.speakers}
    error = None
    if request.method == "POST":
        names = {sid: " ".join(request.form.get(f"name-{sid}", s.shown).split())[:200]
                 for sid, s in rows.items()}
        voices = {sid: request.form.get(f"voice-{sid}", s.voice) for sid, s in rows.items()}
        merges = {sid: request.form.get(f"merge-{sid}", "") for sid in rows}
        if any(not n for n in names.values()):
            error = "Every speaker needs a name."
        elif any(v not in VOICES for v in voices.values()):
            error = "Choose a voice from the list."
        elif any(m and (not m.isdigit() or int(m) not in rows or int(m) == sid)
                 for sid, m in merges.items()):
            error = "A speaker can only be merged into another speaker of this article."
        else:
            for sid, s in rows.items():
                s.display_name = names[sid] if names[sid] != s.name else None
                s.voice = voices[sid]
            for sid, target in merges.items():
                if target:
                    into = rows[int(target)]
                    while into.display_name and merges.get(into.id):  # merged in turn
                        into = rows[int(merges[into.id])]
                    rows[sid].display_name, rows[sid].voice = into.shown, into.voice
            record("speakers", article.id, ", ".join(s.shown for s in rows.values()))
            db.session.commit()
            enqueue_narration(article)
            flash("Speakers saved. The article is being narrated again with the changes.")
            return redirect(url_for("listen.article", article_id=article.id))
    return render_template("speakers.html", article=article, voices=VOICES.values(),
                           error=error), (422 if error else 200)
