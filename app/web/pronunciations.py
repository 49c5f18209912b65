"""The pronunciation list: operators teach the narrator names and words it misreads.

A rule is one word as written (no spaces: rules match whole words) and how to say it. Rules
can be heard before saving, edited and removed; every change is audited.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for

from app.audit import record
from app.models import Pronunciation, db

from .auth import login_required

bp = Blueprint("pronunciations", __name__, url_prefix="/admin/pronunciations")


def rule_problem(word: str, said: str) -> tuple[str, str] | None:
    """(field id, what to do) when a rule cannot be saved as given, else None."""
    if not word:
        return "word", "Write the word as it appears in articles."
    if not said:
        return "said", "Write how the narrator should say it."
    if len(word.split()) > 1:
        return "word", ("A rule is for one word, written without spaces: add a rule for "
                        "each word of a name.")
    if len(word) > 100 or len(said) > 200:
        return ("word" if len(word) > 100 else "said",
                "Keep the word under 100 characters and how to say it under 200.")
    return None


def _fields() -> tuple[str, str]:
    return (" ".join(request.form.get("word", "").split()),
            " ".join(request.form.get("said", "").split()))


def _page(errors: list[tuple[str, str]], editing: int | None = None) -> Any:
    rules = db.session.scalars(db.select(Pronunciation).order_by(Pronunciation.word)).all()
    return render_template("pronunciations.html", rules=rules, errors=errors,
                           editing=editing), (422 if errors else 200)


@bp.route("", methods=["GET", "POST"])
@login_required
def index() -> Any:
    """The rules, and a form to add one (a rule for a word that has one replaces it)."""
    if request.method == "GET":
        return _page([])
    word, said = _fields()
    problem = rule_problem(word, said)
    if problem:
        return _page([problem])
    rule = db.session.scalar(db.select(Pronunciation).filter_by(word=word))
    if rule is None:
        db.session.add(Pronunciation(word=word, said=said))
    else:
        rule.said = said
    record("pronunciation", None, f"{word} → {said}")
    db.session.commit()
    flash(f"“{word}” will be said as “{said}” from the next narration on.")
    return redirect(url_for(".index"))


@bp.route("/<int:rule_id>/edit", methods=["POST"])
@login_required
def edit(rule_id: int) -> Any:
    """Change a rule's word or how it is said."""
    rule = db.get_or_404(Pronunciation, rule_id)
    word, said = _fields()
    problem = rule_problem(word, said)
    other = db.session.scalar(db.select(Pronunciation).filter_by(word=word))
    if problem is None and other is not None and other.id != rule.id:
        problem = ("word", f"“{word}” has a rule already: change that one instead.")
    if problem:
        return _page([(f"{problem[0]}-{rule.id}", problem[1])], editing=rule.id)
    before = f"{rule.word} → {rule.said}"
    rule.word, rule.said = word, said
    record("pronunciation", None, f"{before} changed to {word} → {said}")
    db.session.commit()
    flash(f"Changed: “{word}” will be said as “{said}” from the next narration on.")
    return redirect(url_for(".index"))


@bp.route("/<int:rule_id>/delete", methods=["POST"])
@login_required
def delete(rule_id: int) -> Any:
    rule = db.session.get(Pronunciation, rule_id)
    if rule is not None:
        db.session.delete(rule)
        record("pronunciation removed", None, f"{rule.word} → {rule.said}")
        db.session.commit()
        flash(f"Removed the pronunciation of “{rule.word}”.")
    return redirect(url_for(".index"))
