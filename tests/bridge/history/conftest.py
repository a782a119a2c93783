"""A real PostgreSQL server for the take store tests, started once per session (skipped if absent);
and the in-memory Live, a SQLite take store and a daemon on both, for the tests that drive it over OSC
(a test module may define its own ``live``, ``store`` or ``client``)."""

from __future__ import annotations

import glob
import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from subprocess import Popen

import pytest

from bridge.history import Store, open_store
from livesim.host import LiveHost
from tests.bridge.harness import Client, running_daemon
from tests.conftest import free_tcp_port, missing
from tests.servers import bound_popen


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _start(
    bindir: Path, data: Path, folder: Path, as_pg: list[str], tries: int = 5
) -> tuple[int, Popen[bytes]]:
    """Start the server in the foreground on a free TCP port; (the port, its process). A port found
    free can be taken by the time the server binds it (another test's connection): then try again
    on another. The server ends with this process, however it ends (tests/servers.py)."""
    log, said = folder / "log", ""
    for _ in range(tries):
        port = free_tcp_port()
        options = ["-p", str(port), "-k", str(folder), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"]
        with log.open("wb") as out:
            server = bound_popen(
                [*as_pg, str(bindir / "postgres"), "-D", str(data), *options], stdout=out, stderr=out
            )
        ready = [*as_pg, str(bindir / "pg_isready"), "-h", "127.0.0.1", "-p", str(port), "-t", "1"]
        deadline = time.monotonic() + 30
        while server.poll() is None and time.monotonic() < deadline:
            if subprocess.run(ready, capture_output=True).returncode == 0:
                return port, server
            time.sleep(0.05)
        _stop(bindir, data, as_pg, server)
        said = log.read_text(errors="replace") if log.exists() else ""
        if "Address already in use" not in said:
            break
    raise RuntimeError(f"PostgreSQL did not start in {folder}:\n{said[-2000:]}")


def _stop(bindir: Path, data: Path, as_pg: list[str], server: Popen[bytes]) -> None:
    """An immediate shutdown, then the foreground process (runuser and the server) is waited for."""
    if server.poll() is None:
        subprocess.run(
            [*as_pg, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], capture_output=True
        )
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=10)


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
    as_pg = ["runuser", "-u", "postgres", "--"]
    subprocess.run(
        [*as_pg, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"],
        check=True,
        capture_output=True,
    )
    port, server = _start(bindir, data, folder, as_pg)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        _stop(bindir, data, as_pg, server)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: str) -> str:
    """A fresh, empty database on the session's server."""
    import psycopg

    name = f"roo_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{postgres_server.replace('+psycopg', '')}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{postgres_server}/{name}"


@pytest.fixture
def live() -> Iterator[LiveHost]:
    host = LiveHost(port=0).start_in_thread()
    yield host
    host.stop()


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path)


@pytest.fixture
def client(live: LiveHost, store: Store) -> Iterator[Client]:
    with running_daemon(live_port=live.port, history=store) as daemon:
        c = Client(daemon.port)
        yield c
        c.close()
