"""What the page lets a producer hear and compare, in a real browser: a MIDI take's preview rendered
by fluidsynth plays in the page's audio element, and two takes compared show what changed."""

from __future__ import annotations

from typing import Any

import httpx

from tests.bridge.web.conftest import Served
from tests.bridge.web.test_api import wait_final
from tests.bridge.web.test_compare import commit_pair
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
