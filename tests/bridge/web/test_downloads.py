"""Take downloads over HTTP: the .mid and .zip exports, and stored audio with range requests."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import httpx
import mido
import numpy as np
import soundfile as sf

from bridge.history import AudioOut, TakeDraft
from bridge.web.preview import preview_key
from tests.bridge.web.conftest import Served
from tests.bridge.web.test_api import wait_final
from tests.conftest import require_tool


def test_a_generated_take_downloads_as_midi_and_zip(served: Served) -> None:
    with httpx.Client(base_url=served.url) as http:
        job_id = http.post("/api/generate", json={"part": "melody", "track": 2, "slot": 4, "bars": 2}).json()[
            "job_id"
        ]
        assert wait_final(http, job_id)["state"] == "done"
        take = http.get("/api/takes").json()[0]
        detail = http.get(f"/api/takes/{take['take_id']}").json()
        mid = http.get(f"/api/takes/{take['take_id']}/export/mid")
        zipped = http.get(f"/api/takes/{take['take_id']}/export/zip")
        assert http.get(f"/api/takes/{take['take_id']}/export/exe").status_code == 404
    assert mid.status_code == 200 and mid.headers["content-type"] == "audio/midi"
    midi = mido.MidiFile(file=io.BytesIO(mid.content))
    note_ons = [m for track in midi.tracks for m in track if m.type == "note_on" and m.velocity > 0]
    assert len(note_ons) == len(detail["notes"]) > 0
    with zipfile.ZipFile(io.BytesIO(zipped.content)) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["take_id"] == take["take_id"]


def test_stored_audio_answers_range_requests_and_only_by_name(served: Served, tmp_path: Path) -> None:
    wav = tmp_path / "stem.wav"
    sf.write(wav, np.linspace(-0.5, 0.5, 4800), 48000)
    take_id = served.store.commit(TakeDraft("separate", "stems", audio=[AudioOut("bass", wav)]))
    stored = Path(next(o["path"] for o in served.store.get(take_id).outputs if o["name"] == "bass"))
    with httpx.Client(base_url=served.url) as http:
        whole = http.get(f"/api/takes/{take_id}/audio/bass")
        part = http.get(f"/api/takes/{take_id}/audio/bass", headers={"Range": "bytes=100-199"})
        traversal = http.get(f"/api/takes/{take_id}/audio/..%2F..%2Fetc%2Fpasswd")
        missing = http.get(f"/api/takes/{take_id}/audio/vocals")
        no_midi = http.get(f"/api/takes/{take_id}/export/mid")
    assert whole.status_code == 200 and whole.content == stored.read_bytes()
    assert part.status_code == 206 and part.content == stored.read_bytes()[100:200]
    assert traversal.status_code == 404 and "root:" not in traversal.text
    assert missing.status_code == 404 and "'vocals'" in missing.text and "bass" in missing.text
    assert no_midi.status_code == 422 and "no notes" in no_midi.text


def test_a_midi_take_previews_as_audio_rendered_once_and_served_with_ranges(served: Served) -> None:
    require_tool("fluidsynth")
    with httpx.Client(base_url=served.url, timeout=60) as http:
        job_id = http.post("/api/generate", json={"part": "chords", "track": 2, "slot": 6, "bars": 1}).json()[
            "job_id"
        ]
        assert wait_final(http, job_id)["state"] == "done"
        take_id = http.get("/api/takes").json()[0]["take_id"]
        got = http.get(f"/api/takes/{take_id}/preview")
        assert got.status_code == 200 and got.headers["content-type"] == "audio/wav"
        audio, rate = sf.read(io.BytesIO(got.content))
        assert rate == 44100 and len(audio) > rate and float(np.abs(audio).max()) > 0.01  # it sounds
        midi = http.get(f"/api/takes/{take_id}/export/mid").content
        cached = served.store.root / "previews" / f"{preview_key(midi)}.wav"
        assert cached.read_bytes() == got.content  # in the data folder, named by what was rendered
        part = http.get(f"/api/takes/{take_id}/preview", headers={"Range": "bytes=100-199"})
        assert part.status_code == 206 and part.content == got.content[100:200]
        assert part.headers["content-range"] == f"bytes 100-199/{len(got.content)}"
        cached.write_bytes(got.content[:44] + bytes(1000))  # a second ask is served from the file
        again = http.get(f"/api/takes/{take_id}/preview")
    assert again.content == got.content[:44] + bytes(1000)


def test_takes_stored_by_the_old_jam_export_and_preview_over_http(tmp_path: Path) -> None:
    """Issue 30 point 1: a jam take stored with the signature "4/4" (and a take filed under it)
    answered 500 on /export/mid, /export/zip and /preview; one stored past the schema since the
    migration is refused with 422 naming the field, never 500."""
    from tests.bridge.history.test_export import JAM_NOTES, expected, midi_notes, old_jam_store
    from tests.bridge.web.conftest import serve

    old_jam_store(tmp_path / "h.db")
    fluidsynth = shutil.which("fluidsynth") is not None
    for served in serve(tmp_path):
        bad = served.store.commit(TakeDraft("jam", "bass", context={"signature": [4, 4]}, notes=JAM_NOTES))
        with served.store.engine.begin() as conn:
            conn.exec_driver_sql(
                'UPDATE takes SET context = \'{"signature": "4/4"}\' WHERE take_id = ?', (bad,)
            )
        with httpx.Client(base_url=served.url, timeout=60) as http:
            for take_id in ("aaaaaa000001", "aaaaaa000002"):
                mid = http.get(f"/api/takes/{take_id}/export/mid")
                zipped = http.get(f"/api/takes/{take_id}/export/zip")
                assert mid.status_code == 200 and zipped.status_code == 200, (mid.text, zipped.text)
                (tmp_path / "got.mid").write_bytes(mid.content)
                notes = served.store.get(take_id).notes
                assert midi_notes(tmp_path / "got.mid") == expected(list(notes or ()))
                with zipfile.ZipFile(io.BytesIO(zipped.content)) as zf:
                    assert json.loads(zf.read("manifest.json"))["take_id"] == take_id
                if fluidsynth:
                    preview = http.get(f"/api/takes/{take_id}/preview")
                    assert preview.status_code == 200 and preview.headers["content-type"] == "audio/wav"
            for what in ("export/mid", "export/zip", "preview"):
                refused = http.get(f"/api/takes/{bad}/{what}")
                assert refused.status_code == 422 and "context.signature" in refused.text, refused.text
