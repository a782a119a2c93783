"""The take store: commit takes, list them newest first, find one by id prefix, star, gc, check.

Every method is a short transaction and blocking: the daemon calls them off its event loop, on
one store thread. Errors of the database or the data folder come out as StoreError.
"""

from __future__ import annotations

import json
import logging
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from bridge.history import files
from bridge.history.commit import insert_ignoring_duplicates, write_take
from bridge.history.db import data_dir, database_url, make_engine, migrate
from bridge.history.models import BlobRow, OutputRow, Project, TakeRow
from bridge.history.pending import PendingTakes, discard
from bridge.history.reading import read_take
from bridge.history.schema import TakeFields, check_live
from bridge.history.sqlite_now import NowWriter
from bridge.history.takes import MIN_PREFIX, Take, TakeDraft
from engines.errors import InvalidValue, StoreError, TakeNotFound

log = logging.getLogger(__name__)

DEFAULT_PROJECT = "untitled"
GC_MIN_AGE_S = 7 * 24 * 3600.0
GC_PENDING_AGE_S = 24 * 3600.0  # a pending take is confirmed within seconds or never


class Store(PendingTakes):
    def __init__(self, engine: Engine, root: Path, reader: Engine | None = None) -> None:
        self.engine, self.root = engine, root
        self.reader = reader or engine  # SQLite: a second engine whose transactions only read
        self._project_ids: dict[str, int] = {}  # name -> row id, filled on first use
        self._now = NowWriter(engine)
        migrate(engine)
        with self._session(read=True) as s:
            newest = s.scalars(select(Project.name).order_by(Project.used_at.desc()).limit(1)).first()
        self.project = newest or DEFAULT_PROJECT

    def close(self) -> None:
        self._now.close()
        self.engine.dispose()
        self.reader.dispose()

    @contextmanager
    def _session(self, *, read: bool = False) -> Iterator[Session]:
        try:
            with Session(self.reader if read else self.engine) as session, session.begin():
                yield session
        except SQLAlchemyError as exc:
            raise StoreError(f"take store {self.engine.url!r}: {type(exc).__name__}: {exc}") from exc

    # --- projects ---------------------------------------------------------------------------
    def use_project(self, name: str) -> None:
        """Make ``name`` the current project (created on first use); it stays current after restarts."""
        if not name.strip():
            raise InvalidValue("project name '' is empty: expected the Set's file path or a name")
        with self._session() as s:
            project_id = self._project_id(s, name)
            s.execute(update(Project).where(Project.id == project_id).values(used_at=time.time()))
        self.project = name

    def projects(self) -> list[str]:
        """Every project's name, the most recently used first."""
        with self._session(read=True) as s:
            return [
                str(n) for n in s.execute(select(Project.name).order_by(Project.used_at.desc())).scalars()
            ]

    def _project_id(self, s: Session | Connection, name: str) -> int:
        """The project's row id, created on first use; projects are never deleted, so ids are kept."""
        known = self._project_ids.get(name)
        if known is not None:
            return known
        row = s.execute(select(Project.id).where(Project.name == name)).scalar()
        if row is None:
            now = time.time()
            values = {"name": name, "created_at": now, "used_at": now}
            insert_ignoring_duplicates(s, Project.__table__, values, "name")
            row = s.execute(select(Project.id).where(Project.name == name)).scalar_one()
        self._project_ids[name] = row
        return row

    # --- writing ----------------------------------------------------------------------------
    def commit(self, draft: TakeDraft, *, pending: bool = False) -> str:
        """Write one take with its outputs (audio copied in first); returns its new take id.

        ``pending``: its Live write is still in flight; it is no take until ``confirm``."""
        fields = TakeFields.of(draft)  # every field checked before audio is copied or a row written
        stored = [(a, files.put(self.root, a.path)) for a in draft.audio]
        take_id = secrets.token_hex(6)
        try:
            with self.engine.begin() as conn:
                project_id = self._project_id(conn, self.project)
                write_take(conn, take_id, project_id, draft, stored, pending=pending, fields=fields)
        except SQLAlchemyError as exc:
            raise StoreError(f"take store {self.engine.url!r}: {type(exc).__name__}: {exc}") from exc
        return take_id

    def confirm(self, take_id: str, live: dict[str, Any], message: str = "") -> None:
        """``PendingTakes.confirm`` with what Live answered checked by the take schema first (the
        fast path, ``confirm_now``, checks it in ``NowWriter.confirm``)."""
        check_live(live)
        super().confirm(take_id, live, message)

    def star(self, prefix: str, on: bool) -> str:
        with self._session() as s:
            take_id = self._resolve(s, prefix)
            s.execute(update(TakeRow).where(TakeRow.take_id == take_id).values(starred=on))
        return take_id

    def mark_undone(self, take_id: str, undone: bool) -> None:
        """Mark (or clear) a take whose clip Live's undo took out of its slot."""
        with self._session() as s:
            s.execute(update(TakeRow).where(TakeRow.take_id == take_id).values(undone=undone))

    def set_message(self, prefix: str, message: str) -> str:
        with self._session() as s:
            take_id = self._resolve(s, prefix)
            s.execute(update(TakeRow).where(TakeRow.take_id == take_id).values(message=message))
        return take_id

    def keep_envelopes(self, prefix: str, envelopes: list[dict[str, Any]]) -> str:
        """Replace the envelopes the take's clip carries (``live["envelopes"]``; [] removes them)."""
        with self._session() as s:
            take_id = self._resolve(s, prefix)
            live = json.loads(s.execute(select(TakeRow.live).where(TakeRow.take_id == take_id)).scalar_one())
            live.pop("envelopes", None)
            text = check_live({**live, "envelopes": envelopes} if envelopes else live)
            s.execute(update(TakeRow).where(TakeRow.take_id == take_id).values(live=text))
        return take_id

    # --- reading ----------------------------------------------------------------------------
    def resolve(self, prefix: str) -> str:
        with self._session(read=True) as s:
            return self._resolve(s, prefix)

    def _resolve(self, s: Session | Connection, prefix: str) -> str:
        prefix = prefix.strip().lower()
        if len(prefix) < MIN_PREFIX or not all(c in "0123456789abcdef" for c in prefix):
            raise TakeNotFound(
                f"take id {prefix!r}: expected at least {MIN_PREFIX} hex characters of a take id"
            )
        found = s.scalars(
            select(TakeRow.take_id)
            .where(TakeRow.take_id.startswith(prefix), TakeRow.pending.is_(False))
            .limit(2)
        ).all()
        if not found:
            raise TakeNotFound(f"take {prefix!r} is not in the history (see `roo history`)")
        if len(found) > 1:
            raise TakeNotFound(
                f"take id {prefix!r} is ambiguous: it starts {found[0]} and {found[1]}; give more"
            )
        return found[0]

    def takes(
        self,
        *,
        project: str | None = None,
        part: str | None = None,
        starred: bool = False,
        limit: int | None = None,
        set_id: str | None = None,
    ) -> list[Take]:
        """Takes newest first; ``project`` None means the current project, "*" every project; ``set_id``
        (not None): only the takes made in that Set."""
        cols = (TakeRow.take_id, TakeRow.parent_id, TakeRow.action, TakeRow.part, TakeRow.created_at)
        q = (
            select(*cols, TakeRow.message, TakeRow.starred, TakeRow.seed, Project.name)
            .add_columns(TakeRow.live, TakeRow.params, TakeRow.context, TakeRow.undone, TakeRow.set_id)
            .join(Project, Project.id == TakeRow.project_id)
            .where(TakeRow.pending.is_(False))
        )
        name = self.project if project is None else project
        try:
            with self.reader.connect() as conn:
                if name != "*":
                    project_id = conn.execute(select(Project.id).where(Project.name == name)).scalar()
                    if project_id is None:
                        return []
                    q = q.where(TakeRow.project_id == project_id)
                if part:
                    q = q.where(TakeRow.part == part)
                if starred:
                    q = q.where(TakeRow.starred.is_(True))
                if set_id is not None:
                    q = q.where(TakeRow.set_id == set_id)
                q = q.order_by(TakeRow.id.desc())
                if limit is not None:
                    if limit < 1:
                        raise InvalidValue(f"limit {limit} is out of range: expected 1 or more")
                    q = q.limit(limit)
                rows = conn.execute(q).all()
        except SQLAlchemyError as exc:
            raise StoreError(f"take store {self.engine.url!r}: {type(exc).__name__}: {exc}") from exc
        return [
            Take(
                r[0], r[1], r[8], r[2], r[3], r[4], r[5], bool(r[6]), seed=r[7], live=json.loads(r[9] or "{}"),
                params=_listed(r[10]), context=_listed(r[11]), undone=bool(r[12]),
                set_id=str(r[13] or ""),
            )
            for r in rows
        ]  # fmt: skip

    def get(self, prefix: str) -> Take:
        """One take with its outputs and notes, by any unambiguous prefix of its id."""
        try:
            with self.reader.connect() as conn, conn.begin():
                return read_take(conn, self._resolve(conn, prefix), self.root)
        except SQLAlchemyError as exc:
            raise StoreError(f"take store {self.engine.url!r}: {type(exc).__name__}: {exc}") from exc

    def last_take(self, part: str) -> Take | None:
        found = self.takes(part=part, limit=1)
        return self.get(found[0].take_id) if found else None

    def count(self) -> int:
        with self._session(read=True) as s:
            return int(
                s.scalar(select(func.count()).select_from(TakeRow).where(TakeRow.pending.is_(False))) or 0
            )

    # --- upkeep -----------------------------------------------------------------------------
    def gc(self, now: float | None = None) -> tuple[int, int]:
        """Delete audio files no take refers to; never a file of a starred take or one younger than a week.
        Pending takes older than a day (left by a daemon killed during their Live write) go too.

        Returns (files removed, bytes freed).
        """
        now = time.time() if now is None else now
        removed = freed = 0
        with self._session() as s:
            stale = select(TakeRow.take_id).where(
                TakeRow.pending.is_(True), TakeRow.created_at < now - GC_PENDING_AGE_S
            )
            for take_id in s.scalars(stale).all():
                discard(s.connection(), take_id)
            referenced = set(s.scalars(select(OutputRow.sha256).where(OutputRow.sha256.is_not(None))).all())
            for blob in s.scalars(select(BlobRow)).all():
                if blob.sha256 in referenced or now - blob.created_at < GC_MIN_AGE_S:
                    continue
                path = files.blob_path(self.root, blob.sha256, blob.suffix)
                try:
                    size = path.stat().st_size
                    path.unlink()
                except FileNotFoundError:
                    size = 0  # already gone: only its row is left to remove
                except OSError as exc:  # kept, row and all, for the next gc; the others still go
                    log.warning("history gc: cannot remove %s (%s): kept for the next gc", path, exc)
                    continue
                freed += size
                s.execute(delete(BlobRow).where(BlobRow.sha256 == blob.sha256))
                removed += 1
        return removed, freed

    def check(self) -> list[str]:
        """Integrity problems: SQLite's integrity_check, and every stored blob present with its hash."""
        problems: list[str] = []
        with self._session(read=True) as s:
            if s.bind is not None and s.bind.dialect.name == "sqlite":
                result = [r[0] for r in s.connection().exec_driver_sql("PRAGMA integrity_check").all()]
                if result != ["ok"]:
                    problems += [f"sqlite: {r}" for r in result]
            for blob in s.scalars(select(BlobRow)).all():
                wrong = files.verify(self.root, blob.sha256, blob.suffix)
                if wrong:
                    problems.append(wrong)
        return problems


def _listed(text: str | None) -> dict[str, Any]:
    """A listing's params / context: the genre and the action's kind only (the rest is read by ``get``)."""
    value = json.loads(text or "{}")
    if not isinstance(value, dict):
        return {}
    return {name: value[name] for name in ("genre", "kind") if value.get(name)}


def open_store(url: str | None = None, root: Path | None = None) -> Store:
    """The store named by MUSEAROO_DB / MUSEAROO_DATA_DIR unless ``url`` / ``root`` are given."""
    folder = root if root is not None else data_dir()
    url = url or database_url(folder)
    return Store(make_engine(url), folder, make_engine(url, reader=True))
