"""The audit log of operator actions."""

from __future__ import annotations

from flask import g

from .models import AuditEntry, db


def record(action: str, article_id: int | None = None, detail: str = "") -> None:
    """Note what the signed-in operator did (committed with the caller's transaction)."""
    who = g.operator.name if getattr(g, "operator", None) else "cli"
    db.session.add(AuditEntry(operator=who, action=action, article_id=article_id,
                              detail=detail[:500]))
