"""An audio file removed or unreadable while its take is committed, or a stored blob that cannot be read,
is a project error naming the path and what was expected (no bare OSError), and the callers that catch
project errors (the store's commit and check, the daemon's recording) say it."""

from __future__ import annotations

import asyncio
import shutil
import wave
from pathlib import Path
from typing import Any

import pytest
import soundfile

from bridge.app import App
from bridge.history import AudioOut, Store, TakeDraft, files
from bridge.jobs.board import Job
from engines.errors import AudioFileError, StoreError


def _wav(path: Path) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\0\0" * 800)
    return path


def _removed_after_its_header_was_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """The file goes once its header was read: between the header and the hash of a commit."""
    read_header = soundfile.info

    def then_removed(path: str) -> Any:
        info = read_header(path)
        Path(path).unlink()
        return info

    monkeypatch.setattr(soundfile, "info", then_removed)


def test_the_helpers_name_the_path_and_what_was_expected(tmp_path: Path) -> None:
    gone = tmp_path / "gone.wav"
    with pytest.raises(
        StoreError, match=r"cannot read .*gone\.wav to hash it \(No such file or directory\): "
    ):
        files.sha256_of(gone)
    with pytest.raises(AudioFileError, match="expected a readable file"):
        files.sha256_of(gone, AudioFileError)
    with pytest.raises(
        StoreError, match=r"cannot read the size of .*gone\.wav \(No such file or directory\): "
    ):
        files.size_of(gone)
    folder = tmp_path / "a folder.wav"
    folder.mkdir()  # unreadable as a file, even for root
    with pytest.raises(
        StoreError, match=r"a folder\.wav to hash it \(Is a directory\): expected a readable file"
    ):
        files.sha256_of(folder)


def test_an_audio_file_removed_mid_commit_is_an_audio_file_error_and_nothing_is_written(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loop_file = _wav(tmp_path / "loop.wav")
    _removed_after_its_header_was_read(monkeypatch)
    draft = TakeDraft("musicgen", "loop", audio=[AudioOut("mix", loop_file)])
    with pytest.raises(AudioFileError) as raised:
        store.commit(draft)
    assert str(raised.value) == (
        f"cannot read {loop_file} to hash it (No such file or directory): expected a readable file"
    )
    assert store.takes() == [] and not (tmp_path / "audio").exists()


def test_the_daemon_says_a_take_whose_file_was_removed_was_not_recorded(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loop_file = _wav(tmp_path / "loop.wav")
    _removed_after_its_header_was_read(monkeypatch)

    async def record() -> str:
        app = App(asyncio.get_running_loop(), lambda *_: None, live=None, history=store)  # type: ignore[arg-type]
        try:
            job = Job(1, "musicgen", ("127.0.0.1", 0))
            job.takes.append(TakeDraft("musicgen", "loop", audio=[AudioOut("mix", loop_file)]))
            return await app._record(job)
        finally:
            app.history_pool.shutdown(wait=True)
            app.cpu.shutdown(wait=True)

    told = asyncio.run(record())
    assert told == (
        f"; NOT recorded in the take history: cannot read {loop_file} to hash it (No such file or directory): "
        "expected a readable file"
    )


def test_a_failed_copy_into_the_store_leaves_no_half_file(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loop_file = _wav(tmp_path / "loop.wav")

    def disk_full(*_: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(shutil, "copyfileobj", disk_full)
    with pytest.raises(StoreError, match=r"cannot store audio .*loop\.wav in .*: \[Errno 28\] No space left"):
        store.commit(TakeDraft("musicgen", "loop", audio=[AudioOut("mix", loop_file)]))
    assert [p.name for p in (tmp_path / "audio").rglob("*") if p.is_file()] == []


def test_check_lists_a_stored_file_that_cannot_be_read_and_goes_on(store: Store, tmp_path: Path) -> None:
    first, second = _wav(tmp_path / "a.wav"), tmp_path / "b.wav"
    with wave.open(str(second), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\1\0" * 800)
    store.commit(TakeDraft("musicgen", "loop", audio=[AudioOut("mix", first)]))
    store.commit(TakeDraft("musicgen", "loop", audio=[AudioOut("mix", second)]))
    blob_a = files.blob_path(tmp_path, files.sha256_of(first), ".wav")
    blob_b = files.blob_path(tmp_path, files.sha256_of(second), ".wav")
    blob_a.unlink()
    blob_a.mkdir()  # there, but no file to read (a chmod does not stop root)
    blob_b.unlink()
    assert sorted(store.check()) == sorted(
        [
            f"cannot read {blob_a} to hash it (Is a directory): expected a readable file",
            f"{blob_b} is missing",
        ]
    )
