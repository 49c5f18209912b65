"""Long lists a page at a time: the library and the operators' article list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import request
from sqlalchemy import Select

from app.models import db


@dataclass
class Page:
    items: list[Any]
    number: int  # from 1
    pages: int
    total: int
    size: int

    @property
    def first(self) -> int:
        """The position of the first item on this page in the whole list, from 1."""
        return (self.number - 1) * self.size + 1 if self.items else 0


def paginate(query: Select[Any], size: int) -> Page:
    """The page `?page=N` asks for (clamped to the pages there are) of the query's rows."""
    total = db.session.scalar(db.select(db.func.count()).select_from(query.subquery())) or 0
    pages = max(1, -(-total // size))
    number = min(max(1, request.args.get("page", 1, type=int) or 1), pages)
    items = list(db.session.scalars(query.limit(size).offset((number - 1) * size)))
    return Page(items, number, pages, total, size)
