"""What the page lets a producer hear and compare, in a real browser: a MIDI take's preview rendered
by fluidsynth plays in the page's audio element."""

from __future__ import annotations

from typing import Any

import httpx

from tests.bridge.web.conftest import Served
from tests.bridge.web.test_api import wait_final
from tests.conftest import require_tool


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
