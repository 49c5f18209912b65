"""Database models: articles and their blocks, speakers, episodes, operators."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)

# Flask-SQLAlchemy builds `db.Model` at run time (a copy of Base with its query property and
# table naming), and a type checker cannot use an attribute as a base class
# (python/mypy#8603; pallets-eco/flask-sqlalchemy#1186, #1327). For the checker, Model is
# what db.Model is made of: Flask-SQLAlchemy's Model mixin on our declarative Base.
if TYPE_CHECKING:
    from flask_sqlalchemy.model import Model as _FlaskModel

    class Model(_FlaskModel, Base):
        __abstract__ = True
else:
    Model = db.Model


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Status:
    QUEUED = "queued"
    NARRATING = "narrating"
    READY = "ready"
    FAILED = "failed"


class Article(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=lambda: str(uuid.uuid4()))
    title: Mapped[str] = mapped_column(String(500))
    byline: Mapped[str | None] = mapped_column(String(500))
    published: Mapped[str | None] = mapped_column(String(40))
    site_name: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(20))
    source_url: Mapped[str | None] = mapped_column(String(2000))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[str] = mapped_column(String(20), default=Status.QUEUED)
    error: Mapped[str | None] = mapped_column(Text)
    progress_done: Mapped[int] = mapped_column(default=0)
    progress_total: Mapped[int] = mapped_column(default=0)
    # Which worker is narrating it, and when it last said it was alive: a worker that dies
    # stops beating, and another takes the article over (jobs.recover_stalled).
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    heartbeat_at: Mapped[datetime | None] = mapped_column()
    attempts: Mapped[int] = mapped_column(default=0)
    hidden: Mapped[bool] = mapped_column(default=False)  # unpublished by an operator

    blocks: Mapped[list[Block]] = relationship(
        back_populates="article", order_by="Block.position", cascade="all, delete-orphan"
    )
    speakers: Mapped[list[Speaker]] = relationship(
        back_populates="article", order_by="Speaker.id", cascade="all, delete-orphan"
    )
    episodes: Mapped[list[Episode]] = relationship(
        back_populates="article", order_by="Episode.id.desc()", cascade="all, delete-orphan"
    )
    quote_corrections: Mapped[list[QuoteCorrection]] = relationship(
        order_by="QuoteCorrection.id", cascade="all, delete-orphan"
    )

    @property
    def episode(self) -> Episode | None:
        """The newest rendering, if any."""
        return self.episodes[0] if self.episodes else None


class Block(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id"), index=True)
    position: Mapped[int]
    kind: Mapped[str] = mapped_column(String(20))  # paragraph | heading
    text: Mapped[str] = mapped_column(Text)
    article: Mapped[Article] = relationship(back_populates="blocks")


class Speaker(Model):
    """A person quoted in an article, and the voice they are given."""

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))  # as the quote finder found it
    voice: Mapped[str] = mapped_column(String(100))  # a key of narration.voices.VOICES
    # What listeners hear and read instead: an operator's correction, or the name of the
    # speaker this one was merged into.
    display_name: Mapped[str | None] = mapped_column(String(200))

    @property
    def shown(self) -> str:
        return self.display_name or self.name
    article: Mapped[Article] = relationship(back_populates="speakers")


class QuoteCorrection(Model):
    """An operator's fix for one quotation: who said it (app/speakers.py applies it).

    `key` is a hash of the quoted words alone (speakers.quote_key), not of where they are,
    so the fix holds through re-narration, edits to other paragraphs and edits around the
    quote in its own paragraph; changing the quoted words themselves makes it a new quote.
    """

    __table_args__ = (UniqueConstraint("article_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("article.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(64))
    quote: Mapped[str] = mapped_column(Text)  # the quoted words, for pages and the audit
    # The person as the quote finder names them (a Speaker's `name`, so that the speaker's
    # rename and voice follow) or a new name typed by the operator; None: the narrator.
    speaker: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Episode(Model):
    """One rendering of an article: files in the audio cache, named by content hash."""

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id"), index=True)
    audio_name: Mapped[str] = mapped_column(String(200))  # <sha>.mp3 under episodes/
    transcript_name: Mapped[str] = mapped_column(String(200))  # <sha>.vtt
    chapters_name: Mapped[str] = mapped_column(String(200))  # <sha>.chapters.json
    duration: Mapped[float]
    bytes: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    article: Mapped[Article] = relationship(back_populates="episodes")

    @property
    def file_names(self) -> tuple[str, str, str]:
        """(audio, transcript, chapters) file names in the episodes folder."""
        return self.audio_name, self.transcript_name, self.chapters_name

    @staticmethod
    def names_in_use() -> set[str]:
        """Every file name any episode refers to (files that must be kept)."""
        return {name for row in db.session.execute(db.select(
            Episode.audio_name, Episode.transcript_name, Episode.chapters_name))
            for name in row}


class Operator(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(300))

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)


class Draft(Model):
    """An imported article awaiting the operator's look before it is saved (the preview)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    operator_id: Mapped[int] = mapped_column(ForeignKey("operator.id", ondelete="CASCADE"))
    payload: Mapped[str] = mapped_column(Text)  # the Article as JSON
    source_url: Mapped[str | None] = mapped_column(String(2000))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Removal(Model):
    """Something an operator removed, held back for a while so that Undo can put it back:
    a deleted article (its rows as JSON; its audio files stay on disk until the removal is
    final) or a discarded draft. See app/removals.py."""

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # article | draft
    operator_id: Mapped[int | None] = mapped_column(
        ForeignKey("operator.id", ondelete="CASCADE"))
    label: Mapped[str] = mapped_column(String(500))  # the title, for messages
    payload: Mapped[str] = mapped_column(Text)  # the removed rows as JSON
    files: Mapped[str] = mapped_column(Text, default="[]")  # episode file names, JSON list
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class AuditEntry(Model):
    """Who did what to which article, when."""

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    operator: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    article_id: Mapped[int | None] = mapped_column()
    detail: Mapped[str] = mapped_column(String(500), default="")


class OperatorSession(Model):
    """A signed-in operator's session, kept on the server: the cookie carries only its id, so
    signing out (or a password reset) ends it even where the cookie was copied to."""

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # random, in the cookie
    operator_id: Mapped[int] = mapped_column(
        ForeignKey("operator.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class LoginFailure(Model):
    """A failed sign-in, for rate limiting by address and by name."""

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    address: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(100), index=True)


class Pronunciation(Model):
    """An operator's rule: say `word` as `said` (e.g. Oseman -> Oh-seh-man)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    word: Mapped[str] = mapped_column(String(100), unique=True)
    said: Mapped[str] = mapped_column(String(200))

    @staticmethod
    def rules() -> dict[str, str]:
        return {p.word: p.said for p in db.session.scalars(db.select(Pronunciation))}


class Listener(Model):
    """A listener, known by a cookie (no account needed); owns a queue and positions."""

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)  # the cookie's value
    feed_token: Mapped[str | None] = mapped_column(String(64), unique=True)  # personal feed
    speed: Mapped[float] = mapped_column(default=1.0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    queue: Mapped[list[QueueEntry]] = relationship(
        back_populates="listener", order_by="QueueEntry.position", cascade="all, delete-orphan"
    )


class QueueEntry(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    listener_id: Mapped[int] = mapped_column(ForeignKey("listener.id"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    position: Mapped[int]
    added_at: Mapped[datetime] = mapped_column(default=utcnow)
    listener: Mapped[Listener] = relationship(back_populates="queue")
    article: Mapped[Article] = relationship()


class Playback(Model):
    """Where a listener is in an article, and whether they have finished it."""

    id: Mapped[int] = mapped_column(primary_key=True)
    listener_id: Mapped[int] = mapped_column(ForeignKey("listener.id"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    seconds: Mapped[float] = mapped_column(default=0.0)
    played: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
