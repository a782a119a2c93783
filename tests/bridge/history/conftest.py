"""A real PostgreSQL server for the take store tests, started once per session (skipped if absent)."""

from __future__ import annotations

import glob
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import free_udp_port, missing


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The base URL (without a database) of a throwaway PostgreSQL server on 127.0.0.1."""
    bindir = _pg_bin()
    if bindir is None or shutil.which("runuser") is None:
        missing("PostgreSQL server binaries (apt-get install postgresql) are not installed")
    assert bindir is not None
    folder = Path(tempfile.mkdtemp(prefix="roo-pg-"))
    shutil.chown(folder, "postgres", "postgres")
    data = folder / "data"
    port = free_udp_port()  # a free number; TCP on the same number is free too in practice
    as_pg = ["runuser", "-u", "postgres", "--"]
    subprocess.run(
        [*as_pg, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"],
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        [
            *as_pg,
            str(bindir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-w",
            "-l",
            str(folder / "log"),
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(
            [*as_pg, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], capture_output=True
        )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: str) -> str:
    """A fresh, empty database on the session's server."""
    import psycopg

    name = f"roo_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{postgres_server.replace('+psycopg', '')}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{postgres_server}/{name}"
