"""Open a take store database: SQLite in WAL mode by default, any SQLAlchemy URL by MUSEAROO_DB.

The schema is brought to the newest Alembic revision on every open, inside one write
transaction (SQLite ``BEGIN IMMEDIATE``, a PostgreSQL advisory lock), so two processes that
open one new database at once migrate it once.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.util import CommandError
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from engines.errors import StoreError

MIGRATIONS = Path(__file__).with_name("migrations")
HEAD = "0007"
SQLITE_BUSY_TIMEOUT_S = 30.0
_PG_MIGRATION_LOCK = 0x524F4F  # "ROO": one advisory lock key for migrations


def data_dir() -> Path:
    """MUSEAROO_DATA_DIR, else ~/.local/share/musearoo (audio files and the default database)."""
    value = os.environ.get("MUSEAROO_DATA_DIR")
    return Path(value).expanduser() if value else Path.home() / ".local" / "share" / "musearoo"


def database_url(folder: Path | None = None) -> str:
    """MUSEAROO_DB (any SQLAlchemy URL), else SQLite at <data dir>/history.db."""
    value = os.environ.get("MUSEAROO_DB")
    if value:
        return value
    return f"sqlite:///{(folder or data_dir()) / 'history.db'}"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (below)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")  # durable across a process crash; fast commits
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_TIMEOUT_S * 1000)}")
    cur.close()


def _sqlite_begin_write(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")  # take the write lock up front: no upgrade deadlocks


def _sqlite_begin_read(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")  # a WAL reader: never waits for a writer, never blocks one


def make_engine(url: str, *, reader: bool = False) -> Engine:
    """An engine for ``url``; a SQLite file's folder is created. Raises StoreError naming the URL.

    With SQLite a writer engine begins every transaction IMMEDIATE; a ``reader`` one DEFERRED."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"MUSEAROO_DB {url!r} is not a database URL: expected e.g. sqlite:///path") from exc
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:" and not parsed.database.startswith("file:"):
            try:
                Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the folder of {parsed.database}: {exc}") from exc
        engine = create_engine(
            parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S, "check_same_thread": False}
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin_read if reader else _sqlite_begin_write)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")  # psycopg 3, not psycopg2
    return create_engine(parsed, pool_pre_ping=True)


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (default: the newest), once even with concurrent openers."""
    _run(engine, command.upgrade, revision, f"cannot open the take store at {engine.url!r}")


def downgrade(engine: Engine, revision: str) -> None:
    """Take the schema back to ``revision`` (for an older MuseAroo), in one transaction like ``migrate``."""
    _run(engine, command.downgrade, revision, f"cannot take the store at {engine.url!r} back to {revision}")


def _run(engine: Engine, step: Callable[[Config, str], None], revision: str, failure: str) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
            cfg.attributes["connection"] = conn
            step(cfg, revision)
    except (SQLAlchemyError, OSError, CommandError) as exc:  # CommandError: e.g. a revision not known here
        raise StoreError(f"{failure}: {exc}") from exc
