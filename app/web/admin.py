"""The import desk: operators add articles by file upload or pasted text."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for

from app.articles import save_article
from app.importer import ImportFailed, import_document
from app.jobs import enqueue_narration

from .auth import login_required

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.route("/import", methods=["GET", "POST"])
@login_required
def import_form() -> Any:
    if request.method == "GET":
        return render_template("import.html", error=None, pasted="")
    upload = request.files.get("file")
    pasted = request.form.get("text", "")
    try:
        if upload and upload.filename:
            data = upload.read()
            doc = import_document(data, filename=upload.filename, content_type=upload.mimetype)
        elif pasted.strip():
            doc = import_document(pasted)
        else:
            raise ImportFailed("Choose a file to upload or paste the article's text.")
    except ImportFailed as e:
        return render_template("import.html", error=str(e), pasted=pasted), 422
    article = save_article(doc)
    enqueue_narration(article)
    flash(f"Imported “{article.title}”. Narration has started.")
    return redirect(url_for("listen.article", article_id=article.id))
