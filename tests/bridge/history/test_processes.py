"""Real processes on one store: PostgreSQL under 4 concurrent writers, two processes on one SQLite file."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from bridge.history import TakeDraft, note_dict, open_store

ROOT = Path(__file__).resolve().parents[3]


def _writers(url: str, root: Path, count: int, each: int) -> list[list[str]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.bridge.history.writer", url, str(root), str(each), f"w{i}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        for i in range(count)
    ]
    written = []
    for proc in procs:
        out, err = proc.communicate(timeout=240)
        assert proc.returncode == 0, err
        written.append(out.split())
    return written


def test_postgres_keeps_a_take_exactly(postgres_url: str, tmp_path: Path) -> None:
    store = open_store(postgres_url, tmp_path)
    notes = [note_dict(60, 0.1, 1 / 3, 99), note_dict(64, 3.75, 0.5, 1)]
    first = store.commit(TakeDraft("generate", "melody", seed=1, notes=notes, live={"track": 0, "slot": 0}))
    second = store.commit(TakeDraft("generate", "melody", seed=2, notes=notes, varies=(0, 0)))
    store.star(first[:6], True)
    assert store.get(second).parent_id == first and store.get(first).notes == tuple(notes)
    assert [t.take_id for t in store.takes(starred=True)] == [first]
    assert store.check() == []
    store.close()


def test_postgres_pending_take_is_confirmed_or_discarded(postgres_url: str, tmp_path: Path) -> None:
    store = open_store(postgres_url, tmp_path)
    notes = [note_dict(60, 0.0, 1.0, 90)]
    landed = store.commit(TakeDraft("generate", "bass", notes=notes), pending=True)
    failed = store.commit(TakeDraft("generate", "bass", notes=notes), pending=True)
    assert store.takes() == [] and store.count() == 0
    assert (
        store.confirm_now(landed, {"track": 1, "slot": 2}) is False
    )  # not SQLite: the store thread confirms
    store.confirm(landed, {"track": 1, "slot": 2}, "kept")
    store.discard(failed)
    assert [(t.take_id, t.message) for t in store.takes()] == [(landed, "kept")]
    assert store.get(landed).live == {"track": 1, "slot": 2} and store.get(landed).notes == tuple(notes)
    store.close()


def test_postgres_under_four_concurrent_writers_loses_nothing(postgres_url: str, tmp_path: Path) -> None:
    written = _writers(postgres_url, tmp_path, count=4, each=50)
    store = open_store(postgres_url, tmp_path)  # the four also raced to create the schema
    ids = [t for w in written for t in w]
    assert len(ids) == 200 and len(set(ids)) == 200
    stored = {t.take_id: t for t in store.takes(limit=1000)}
    assert set(stored) == set(ids)
    for take_id in ids[::17]:
        take = store.get(take_id)
        assert take.notes is not None and len(take.notes) == 16 and take.params["i"] == take.seed
    store.close()


def test_two_processes_and_a_reader_on_one_sqlite_file_never_corrupt_it(tmp_path: Path) -> None:
    db = tmp_path / "history.db"
    url = f"sqlite:///{db}"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MUSEAROO_DB": url}
    reader = subprocess.Popen(  # `roo history` reading while both write
        [
            sys.executable,
            "-c",
            "import sys\nfrom bridge.cli import main\nfor _ in range(20):\n"
            "    assert main(['history', '--json', '--limit', '5']) == 0\n",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    written = _writers(url, tmp_path, count=2, each=100)
    out, err = reader.communicate(timeout=240)
    assert reader.returncode == 0, err
    assert out.count("[") >= 20  # twenty JSON arrays printed
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    store = open_store(url, tmp_path)
    assert {t.take_id for t in store.takes(limit=1000)} == {t for w in written for t in w}
    assert store.count() == 200
    store.close()
