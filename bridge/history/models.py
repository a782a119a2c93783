"""The take store's tables (SQLAlchemy 2): projects, takes (a tree by parent), outputs, audio blobs.

Times are UTC seconds since the epoch (floats), so ordering is cheap on SQLite and PostgreSQL
alike. Notes are kept as JSON exactly as written to Live; audio by SHA-256 of its bytes.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, Text, false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Project(Base):
    __tablename__ = "projects"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(512), unique=True)
    created_at: Mapped[float] = mapped_column(Float)
    used_at: Mapped[float] = mapped_column(Float)  # the newest-used project is the current one


class TakeRow(Base):
    __tablename__ = "takes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    take_id: Mapped[str] = mapped_column(String(16), unique=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    parent_id: Mapped[str | None] = mapped_column(String(16), nullable=True)
    action: Mapped[str] = mapped_column(String(32))
    part: Mapped[str] = mapped_column(String(64), default="")
    params: Mapped[str] = mapped_column(Text, default="{}")  # JSON
    seed: Mapped[int | None] = mapped_column(Integer, nullable=True)
    context: Mapped[str] = mapped_column(Text, default="{}")  # JSON: tempo, signature, key, chords
    versions: Mapped[str] = mapped_column(Text, default="{}")  # JSON: engine and model versions
    live: Mapped[str] = mapped_column(Text, default="{}")  # JSON: track/slot or arrangement position
    command: Mapped[str] = mapped_column(Text, default="")  # the text or voice command, if any
    message: Mapped[str] = mapped_column(Text, default="")
    starred: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[float] = mapped_column(Float)
    # written while its Live write is in flight; cleared once Live answered (store.confirm). A pending
    # take is no take: never listed, resolved or a parent (one left by a crash never reached "done")
    pending: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # its clip left the slot it was written to (Live's undo took it back): listed with a mark; a redo
    # that brings the same notes back clears it (bridge.actions.history.undone)
    undone: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # the Live Set it was made in (its id, kept in the Set by the Remote Script); "": made before Sets
    # had ids, or with no Set open (a CLI run). Track homes and undone marks read only the open Set's
    set_id: Mapped[str] = mapped_column(String(64), default="", server_default="")
    __table_args__ = (Index("ix_takes_project_id_id", "project_id", "id"),)


class OutputRow(Base):
    __tablename__ = "outputs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    take_id: Mapped[str] = mapped_column(ForeignKey("takes.take_id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # "midi" or "audio"
    name: Mapped[str] = mapped_column(String(128), default="")  # e.g. the stem: "drums"
    notes: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON list of note objects
    sha256: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)  # a blob
    analysis: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON, about this audio


class BlobRow(Base):
    __tablename__ = "blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    suffix: Mapped[str] = mapped_column(String(16))  # the file's extension, e.g. ".wav"
    size_bytes: Mapped[int] = mapped_column(Integer)
    frames: Mapped[int] = mapped_column(Integer)
    sample_rate: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[float] = mapped_column(Float)
