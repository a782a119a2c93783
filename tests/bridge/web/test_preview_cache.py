"""The preview cache is bounded in bytes: the least recently served preview goes first, a recently
served one stays, and the one just made is kept even alone over the bound. Real fluidsynth renders."""

from __future__ import annotations

import asyncio
import io
import os
from pathlib import Path

import mido
import pytest

from bridge.web.preview import CACHE_ENV, DEFAULT_CACHE_MB, Previews, cache_bytes_from_env, preview_key
from engines.errors import InvalidValue
from tests.conftest import require_tool


def one_note(pitch: int) -> bytes:
    """A one-beat note: the same length for every pitch, so every render has the same size."""
    midi = mido.MidiFile(ticks_per_beat=480)
    track = mido.MidiTrack()
    midi.tracks.append(track)
    track.append(mido.Message("note_on", note=pitch, velocity=100, time=0))
    track.append(mido.Message("note_off", note=pitch, velocity=0, time=480))
    out = io.BytesIO()
    midi.save(file=out)
    return out.getvalue()


def test_the_least_recently_served_preview_is_evicted_and_a_recently_served_one_kept(tmp_path: Path) -> None:
    require_tool("fluidsynth")
    a, b, c = one_note(60), one_note(64), one_note(67)
    previews = Previews(tmp_path, max_bytes=10**12)

    async def main() -> tuple[Path, Path, Path]:
        made_a, made_b = await previews.wav(a), await previews.wav(b)
        size = max(made_a.stat().st_size, made_b.stat().st_size)
        previews.max_bytes = 2 * size + size // 2  # two fit, three do not
        assert await previews.wav(a) == made_a  # served again: now the most recent
        return made_a, made_b, await previews.wav(c)

    made_a, made_b, made_c = asyncio.run(main())
    assert made_a.is_file() and made_c.is_file()
    assert not made_b.exists()  # rendered after A, but A was served since
    assert sorted((tmp_path / "previews").glob("*.wav")) == sorted([made_a, made_c])


def test_after_a_restart_the_files_times_say_which_is_oldest(tmp_path: Path) -> None:
    folder = tmp_path / "previews"
    folder.mkdir()
    notes = [one_note(p) for p in (60, 62, 64)]
    files = [folder / f"{preview_key(midi)}.wav" for midi in notes]
    for i, path in enumerate(files):  # as a daemon before the restart left them, oldest first
        path.write_bytes(bytes(1000))
        os.utime(path, ns=(10**18 + i, 10**18 + i))

    asyncio.run(Previews(tmp_path, max_bytes=2500).wav(notes[0]))  # the oldest, served from its file
    assert [f.is_file() for f in files] == [True, False, True]

    asyncio.run(Previews(tmp_path, max_bytes=10).wav(notes[2]))  # alone over the bound: still kept
    assert [f.is_file() for f in files] == [False, False, True]


def test_the_cache_bound_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CACHE_ENV, raising=False)
    assert cache_bytes_from_env() == int(DEFAULT_CACHE_MB * 1_000_000)
    monkeypatch.setenv(CACHE_ENV, "1.5")
    assert cache_bytes_from_env() == 1_500_000
    for bad in ("lots", "0", "-3"):
        monkeypatch.setenv(CACHE_ENV, bad)
        with pytest.raises(InvalidValue, match=f"{CACHE_ENV}={bad!r}: expected megabytes"):
            cache_bytes_from_env()
