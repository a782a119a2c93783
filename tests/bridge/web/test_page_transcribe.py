"""Issue 54 on the page: /api/transcribe on an audio clip rendered from a known melody makes a take whose
notes are drawn as a roll beside the audio heard (the clip's region as a waveform above it), in a real
browser; its record keeps the audio by hash, the region, and where the notes landed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from livesim.live_set import parse_set
from tests.bridge.actions.transcribe.rendered import render
from tests.bridge.web.conftest import serve
from tests.bridge.web.test_api import wait_final


def test_a_transcription_take_shows_its_notes_as_a_roll_under_the_audio_heard(
    browser: Any, tmp_path: Path
) -> None:
    tune = render("melody", tmp_path)
    clip = {
        "slot": 0,
        "name": "Tune",
        "file": str(tune),
        "warping": False,
        "start_marker": 0.5,
        "end_marker": 3.0,
    }
    live_set = parse_set({"tempo": 120, "tracks": [{"type": "audio", "name": "Vox", "clips": [clip]}]})
    with pytest.MonkeyPatch.context() as env:
        env.setenv("HF_HUB_OFFLINE", "1")
        for served in serve(tmp_path, live_set=live_set):
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(served.url + "/")
            page.wait_for_selector("body[data-ready='1']")
            with httpx.Client(base_url=served.url, timeout=30) as http:
                job_id = http.post("/api/transcribe", json={"track": 0, "slot": 0, "kind": "melody"}).json()[
                    "job_id"
                ]
                assert wait_final(http, job_id, timeout_s=120)["state"] == "done"
                take = http.get(f"/api/takes/{http.get('/api/takes').json()[0]['take_id']}").json()
                refused = http.post("/api/transcribe", json={"track": 0, "slot": 0, "kind": "violin"})
            assert refused.status_code == 422 and "'violin'" in refused.text
            assert take["action"] == "transcribe" and take["part"] == "melody" and take["notes"]
            assert (take["params"]["start_s"], take["params"]["end_s"]) == (0.5, 3.0)
            assert take["live"]["track"] == 1 and take["live"]["length_beats"] == pytest.approx(5.0)
            (audio,) = [o for o in take["outputs"] if o["kind"] == "audio"]
            assert audio["name"] == "source" and len(audio["sha256"]) == 64
            body = f"[data-take-id='{take['take_id']}'] > .body"
            roll = page.wait_for_selector(f"{body} canvas[data-notes-drawn]")
            assert roll.get_attribute("data-notes-drawn") == str(len(take["notes"]))
            wave = page.wait_for_selector(f"{body} canvas.wave[data-peaks-drawn]")
            assert (
                abs(float(wave.get_attribute("data-window-s") or 0) - 2.5) < 0.05
            )  # the region, not the file
            above = page.evaluate(
                "([w, r]) => w.compareDocumentPosition(r) & Node.DOCUMENT_POSITION_FOLLOWING", [wave, roll]
            )
            assert above, "the audio heard comes first, its roll under it"
