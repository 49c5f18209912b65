"""The pronunciation list: operators teach the narrator names and words it misreads."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for

from app.models import Pronunciation, db

from .auth import login_required

bp = Blueprint("pronunciations", __name__, url_prefix="/admin/pronunciations")


@bp.route("", methods=["GET", "POST"])
@login_required
def index() -> Any:
    error = None
    if request.method == "POST":
        word = " ".join(request.form.get("word", "").split())
        said = " ".join(request.form.get("said", "").split())
        if not word or not said:
            error = "Give both the word as written and how to say it."
        elif len(word) > 100 or len(said) > 200:
            error = "Keep the word under 100 characters and how to say it under 200."
        else:
            rule = db.session.scalar(db.select(Pronunciation).filter_by(word=word))
            if rule is None:
                db.session.add(Pronunciation(word=word, said=said))
            else:
                rule.said = said
            db.session.commit()
            flash(f"“{word}” will be said as “{said}” from the next narration on.")
            return redirect(url_for(".index"))
    rules = db.session.scalars(db.select(Pronunciation).order_by(Pronunciation.word)).all()
    return render_template("pronunciations.html", rules=rules, error=error), (422 if error
                                                                               else 200)


@bp.route("/<int:rule_id>/delete", methods=["POST"])
@login_required
def delete(rule_id: int) -> Any:
    rule = db.session.get(Pronunciation, rule_id)
    if rule is not None:
        db.session.delete(rule)
        db.session.commit()
        flash(f"Removed the pronunciation of “{rule.word}”.")
    return redirect(url_for(".index"))
