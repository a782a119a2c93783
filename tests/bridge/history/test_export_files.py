"""``export`` on takes committed here: the .mid's header (tempo, signature, key, length, track name)
from the take's context with its defaults, the audio copied under the take's id, the zip and its
manifest, and gc's accounting; expected values written out here."""

from __future__ import annotations

import json
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import mido
import numpy as np
import pytest
import soundfile as sf

from bridge.history import AudioOut, Store, TakeDraft, note_dict, open_store
from bridge.history.export import export
from engines.errors import StoreError

NOTES = [note_dict(40, 0.0, 1.0, 100), note_dict(43, 2.0, 1.0, 90)]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path / "data")
    yield opened
    opened.close()


def header(path: Path) -> dict[str, Any]:
    mid = mido.MidiFile(path)
    first = mid.tracks[0]
    meta = {m.type: m for m in first if m.is_meta}
    return {
        "name": meta["track_name"].name,
        "bpm": round(mido.tempo2bpm(meta["set_tempo"].tempo), 3),
        "signature": (meta["time_signature"].numerator, meta["time_signature"].denominator),
        "key": meta["key_signature"].key,
        "ticks": sum(m.time for m in first),
    }


@pytest.mark.parametrize(
    ("part", "context", "live", "want"),
    [
        ("bass", {"tempo_bpm": 93.0, "signature": [3, 4], "key": "E minor"}, {"length_beats": 12.0},
         {"name": "bass", "bpm": 93.0, "signature": (3, 4), "key": "Em", "ticks": 12 * 480}),
        # (a take with notes always names its part now: the take schema refuses an empty one)
        ("chords", {}, {}, {"name": "chords", "bpm": 120.0, "signature": (4, 4), "key": "C", "ticks": 3 * 480}),
        ("drums", {"key": "H minor", "signature": [6, 8]}, {"length_beats": 6.0},
         {"name": "drums", "bpm": 120.0, "signature": (6, 8), "key": "C", "ticks": 6 * 480}),
    ],
)  # fmt: skip
def test_the_mid_header_comes_from_the_takes_context_or_its_defaults(
    store: Store,
    tmp_path: Path,
    part: str,
    context: dict[str, Any],
    live: dict[str, Any],
    want: dict[str, Any],
) -> None:
    take_id = store.commit(TakeDraft("generate", part, context=context, live=live, notes=NOTES))
    written = export(store, take_id, tmp_path / "deep" / "out")
    assert written["files"] == [str(tmp_path / "deep" / "out" / f"{take_id}.mid")]
    assert header(Path(written["files"][0])) == want


def test_audio_is_copied_under_the_takes_id_and_the_zip_holds_the_ancestry(
    store: Store, tmp_path: Path
) -> None:
    wav = tmp_path / "mix.wav"
    sf.write(wav, np.zeros((800, 2)), 8000)
    flac = tmp_path / "x.flac"
    sf.write(flac, np.full(800, 0.25), 8000)
    first = store.commit(TakeDraft("generate", "bass", notes=NOTES))
    second = store.commit(
        TakeDraft("separate", "bass", audio=[AudioOut("vocals", wav), AudioOut("", flac)], parent_id=first)
    )
    out = tmp_path / "out"
    out.mkdir()
    written = export(store, second[:8], out)
    assert written == {
        "take_id": second,
        "files": [str(out / f"{second}-vocals.wav"), str(out / f"{second}-audio.flac")],
        "zip": str(out / f"{second}.zip"),
        "ancestry": 2,
    }
    assert (out / f"{second}-vocals.wav").read_bytes() == wav.read_bytes()
    assert (out / f"{second}-audio.flac").read_bytes() == flac.read_bytes()
    with zipfile.ZipFile(out / f"{second}.zip") as zf:
        assert all(info.compress_type == zipfile.ZIP_DEFLATED for info in zf.infolist())
        text = zf.read("manifest.json").decode()
        manifest = json.loads(text)
        names = zf.namelist()
    assert text.startswith('{\n  "take_id": ')  # indented by 2
    assert manifest["take_id"] == second
    assert [t["take_id"] for t in manifest["takes"]] == [first, second]
    assert manifest["takes"][0]["files"] == [f"{first}/{first}.mid"]
    assert manifest["takes"][1]["files"] == [f"{second}/{second}-vocals.wav", f"{second}/{second}-audio.flac"]
    assert sorted(names) == sorted(
        [*manifest["takes"][0]["files"], *manifest["takes"][1]["files"], "manifest.json"]
    )
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{second}-vocals.wav", f"{second}-audio.flac", f"{second}.zip"]
    )  # no staging folder left
    again = export(store, second, out)  # into the same folder again
    assert again["zip"] == written["zip"]


def test_an_export_that_cannot_write_names_the_take_and_the_folder(store: Store, tmp_path: Path) -> None:
    take_id = store.commit(TakeDraft("generate", "bass", notes=NOTES))
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match=f"^cannot export take {take_id} into {blocker / 'sub'}: "):
        export(store, take_id, blocker / "sub")


def test_gc_counts_every_file_it_frees_and_keeps_confirmed_takes(store: Store, tmp_path: Path) -> None:
    sizes = []
    for i in range(2):
        wav = tmp_path / f"a{i}.wav"
        sf.write(wav, np.full(100 * (i + 1), 0.1 * (i + 1)), 8000)
        sizes.append(wav.stat().st_size)
        pending = store.commit(TakeDraft("separate", "mix", audio=[AudioOut("mix", wav)]), pending=True)
        assert pending
    kept = store.commit(TakeDraft("generate", "bass", notes=NOTES))
    later = time.time() + 8 * 24 * 3600  # past a week: the pending takes and their audio go
    assert store.gc(now=later) == (2, sum(sizes))
    assert [t.take_id for t in store.takes()] == [kept]
