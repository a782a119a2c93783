"""App.drop_take's cleanup (a pending take whose Live write failed) is a task nobody awaits: whatever
fails in it is logged, naming the error, and never left as an exception no one retrieves."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bridge.app import App
from bridge.history import AudioOut, Store, TakeDraft, files, note_dict, open_store
from bridge.jobs.board import Job


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path / "data")
    yield opened
    opened.close()


def _wav(path: Path) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\0\0" * 800)
    return path


def _fail_a_write(store: Store, draft: TakeDraft) -> BaseException | None:
    """Begin ``draft`` as a pending take, drop it as a failed Live write does, and let the cleanup end:
    the cleanup's exception (None: it ended cleanly)."""

    async def go() -> BaseException | None:
        app = App(asyncio.get_running_loop(), lambda *_: None, live=None, history=store)  # type: ignore[arg-type]
        try:
            app.begin_take(Job(1, "musicgen", ("127.0.0.1", 0)), draft)
            cleanups = set(app._background)
            app.drop_take(draft)
            cleanups = set(app._background) - cleanups
            assert len(cleanups) == 1
            await asyncio.wait(cleanups)
            return next(iter(cleanups)).exception()
        finally:
            app.history_pool.shutdown(wait=True)
            app.cpu.shutdown(wait=True)

    return asyncio.run(go())


def _rows(tmp_path: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(tmp_path / "h.db") as con:
        return con.execute("SELECT part, pending FROM takes").fetchall()


def test_an_audio_file_gone_while_its_take_was_written_is_logged_not_left_unretrieved(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    loop_file = _wav(tmp_path / "loop.wav")
    hash_of = files.sha256_of

    def vanished(path: Path, *args: Any) -> str:  # the file is removed between its header read and its hash
        path.unlink()
        return hash_of(path, *args)

    monkeypatch.setattr(files, "sha256_of", vanished)
    draft = TakeDraft("musicgen", "loop", audio=[AudioOut("mix", loop_file)])
    with caplog.at_level(logging.WARNING, logger="bridge.app"):
        error = _fail_a_write(store, draft)
    assert error is None  # the store thread's commit error no longer escapes
    said = [r.getMessage() for r in caplog.records if r.name == "bridge.app"]
    assert len(said) == 1 and "AudioFileError" in said[0] and "loop.wav" in said[0], said
    assert "never written" in said[0] and _rows(tmp_path) == []


def test_a_discard_that_fails_with_a_database_error_is_logged_naming_it(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def locked(take_id: str) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(store, "discard", locked)
    draft = TakeDraft("generate", "drums", notes=[note_dict(36, 0.0, 1.0, 100)])
    with caplog.at_level(logging.WARNING, logger="bridge.app"):
        error = _fail_a_write(store, draft)
    assert error is None
    said: list[Any] = [r.getMessage() for r in caplog.records if r.name == "bridge.app"]
    assert len(said) == 1 and "OperationalError: database is locked" in said[0], said
    assert "was not removed" in said[0] and _rows(tmp_path) == [("drums", 1)]  # still pending: never listed
