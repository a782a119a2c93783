"""What the page lets a producer hear and compare, in a real browser: a MIDI take's preview rendered
by fluidsynth plays in the page's audio element, and two takes compared show what changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
import soundfile as sf

from livesim.live_set import parse_set
from tests.bridge.web.conftest import Served, serve
from tests.bridge.web.test_api import wait_final
from tests.bridge.web.test_compare import commit_pair
from tests.conftest import require_tool
from tests.engines.analysis.synth import SR, progression


def generated(served: Served, **body: Any) -> str:
    with httpx.Client(base_url=served.url, timeout=30) as http:
        job_id = http.post("/api/generate", json={"part": "bass", "bars": 1, **body}).json()["job_id"]
        assert wait_final(http, job_id)["state"] == "done"
        return str(http.get("/api/takes").json()[0]["take_id"])


def test_a_midi_takes_preview_is_a_playable_source_in_the_page(browser: Any, served: Served) -> None:
    require_tool("fluidsynth")
    take_id = generated(served, track=1, slot=1, seed=3)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(served.url + "/")
    player = page.wait_for_selector(f"[data-take-id='{take_id}'] audio[aria-label^='play a preview']")
    player.evaluate("a => { a.preload = 'auto'; a.load(); }")
    page.wait_for_function("a => a.readyState >= 1 && a.duration > 0.5 || a.error", arg=player, timeout=30000)
    assert player.evaluate("a => a.error && a.error.code") is None
    assert player.evaluate("a => a.duration") > 0.5  # the browser decoded the rendered WAV's header


def test_compare_two_takes_draws_what_changed(browser: Any, served: Served) -> None:
    a, b = commit_pair(served)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(served.url + "/")
    page.wait_for_selector("body[data-ready='1']")
    page.click(f"[data-take-id='{a}'] button[aria-label='Compare take {a}']")
    page.wait_for_selector(f"#compare[data-a='{a}']")
    page.click(f"[data-take-id='{b}'] button[aria-label='Compare take {b}']")
    roll = page.wait_for_selector(f"#compare[data-b='{b}'] #compare-roll[data-added-drawn]")
    drawn = [roll.get_attribute(f"data-{k}-drawn") for k in ("added", "removed", "moved")]
    with httpx.Client(base_url=served.url) as http:
        summary = http.get("/api/diff", params={"a": a, "b": b}).json()["summary"]
    assert drawn == [str(summary[k]) for k in ("added", "removed", "moved")] == ["1", "1", "1"]
    assert "1 new velocity" in page.inner_text("#compare-summary")
    bars = page.eval_on_selector_all("#compare-bars li", "els => els.map((e) => e.textContent)")
    assert len(bars) == 2 and bars[0].startswith("bar 1:") and "v100→120" in bars[0]


def test_an_audio_clip_analysed_over_http_shows_as_a_timeline(browser: Any, tmp_path: Path) -> None:
    """/api/analyze on a Live audio clip trimmed to bars 2..5: its take in the tree draws that region
    with the analysis' beats, downbeats and chords, and the result event fills the analysis panel."""
    song = tmp_path / "Loop.wav"
    sf.write(song, progression(["A:min", "F:maj", "C:maj", "G:maj"] * 2, 100.0), SR)  # 8 bars of 2.4 s
    clip = {
        "slot": 0,
        "name": "Loop",
        "file": str(song),
        "warping": False,
        "start_marker": 2.4,
        "end_marker": 12.0,
    }
    live_set = parse_set({"tempo": 100, "tracks": [{"type": "audio", "name": "Loop", "clips": [clip]}]})
    with pytest.MonkeyPatch.context() as env:
        env.setenv("MUSEAROO_CACHE_DIR", str(tmp_path / "cache"))
        for served in serve(tmp_path, live_set=live_set):
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(served.url + "/")
            page.wait_for_selector("body[data-ready='1']")
            with httpx.Client(base_url=served.url, timeout=30) as http:
                job_id = http.post("/api/analyze", json={"track": 0, "slot": 0}).json()["job_id"]
                assert wait_final(http, job_id, timeout_s=120)["state"] == "done"
                take = http.get(f"/api/takes/{http.get('/api/takes').json()[0]['take_id']}").json()
            analysis = take["outputs"][0]["analysis"]
            assert take["params"]["start_s"] == 2.4 and len(analysis["chords"]) >= 3
            view = page.wait_for_selector(
                f"[data-take-id='{take['take_id']}'] figure.analysis[data-chords-drawn]"
            )
            wave = view.query_selector("canvas.wave")
            assert wave is not None
            assert wave.get_attribute("data-beats-drawn") == str(len(analysis["beats_s"])) != "0"
            assert wave.get_attribute("data-downbeats-drawn") == str(len(analysis["downbeats_s"])) != "0"
            assert (
                abs(float(wave.get_attribute("data-window-s") or 0) - 9.6) < 0.05
            )  # the region, not the file
            assert int(wave.get_attribute("data-peaks-drawn") or 0) > 100
            lane = view.eval_on_selector_all(".chord-lane .chord", "els => els.map((e) => e.textContent)")
            assert lane == [c["label"] for c in analysis["chords"]]
            assert analysis["key"] in view.inner_text()
            panel = page.wait_for_selector("#analysis:not([hidden]) figure.analysis[data-chords-drawn]")
            assert panel.get_attribute("data-chords-drawn") == str(len(analysis["chords"]))
