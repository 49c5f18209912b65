"""Long lists a page at a time (the library, the operators' article list): Flask-SQLAlchemy's
paginate, with the page asked for (`?page=N`) clamped to the pages there are."""

from __future__ import annotations

from typing import Any

from flask import request
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select

from app.models import db


def paginate(query: Select[Any], size: int) -> Pagination:
    """The page `?page=N` asks for of the query's rows; past the end, the last page."""
    number = max(1, request.args.get("page", 1, type=int) or 1)
    page = db.paginate(query, page=number, per_page=size, error_out=False)
    if page.pages and number > page.pages:
        page = db.paginate(query, page=page.pages, per_page=size, error_out=False)
    return page
