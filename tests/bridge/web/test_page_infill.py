"""The page's MIDI-GPT form in a real browser (Debian's Chromium driven by Playwright): infill bars of a
clip, continue it and add a part from the form against `roo sim` + `roo serve` with a tiny random
checkpoint, each watched to done in the job list; a bad value shown under the form as the daemon named
it; only the chosen mode's fields shown; and an infill job cancelled from the keyboard."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.bridge.web.conftest import Served
from tests.bridge.web.processes import sim_and_serve
from tests.bridge.web.test_api import hold_live
from tests.bridge.web.test_api_infill import MODEL_S, no_published_weights, run, tiny_checkpoint
from tests.bridge.web.test_page import live_notes


@pytest.fixture(scope="module")
def ckpt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_checkpoint(tmp_path_factory)


@pytest.fixture
def model_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    no_published_weights(monkeypatch, tmp_path)


FIELDS = ("track", "slot", "from", "to", "bars", "extend", "part", "model", "seed", "variations")


def shown_fields(page: Any) -> set[str]:
    return {
        name for name in FIELDS if page.is_visible(f"#i-{name}") and page.is_visible(f"label[for=i-{name}]")
    }


def send(page: Any, mode: str, values: dict[str, str]) -> Any:
    """Fill the form for ``mode``, send it from the keyboard and wait for that job to be done."""
    page.select_option("#i-mode", mode)
    for name, value in values.items():
        if name == "part":
            page.select_option("#i-part", value)
        else:
            page.fill(f"#i-{name}", value)
    before = page.eval_on_selector_all("#jobs li", "items => items.length")
    page.focus("#i-seed")
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => document.querySelectorAll('#jobs li').length > {before}")
    item = page.wait_for_selector(f"#jobs li:first-child:has-text('{mode}'):is([data-state='done'], "
                                  "[data-state='failed'])", timeout=MODEL_S * 1000)  # fmt: skip
    assert item.get_attribute("data-state") == "done", item.inner_text()
    assert item.eval_on_selector("progress", "p => p.value") == 1
    return item


def test_infill_continue_and_accompany_from_the_form(
    browser: Any, model_env: None, ckpt: Path, tmp_path: Path
) -> None:
    with sim_and_serve(tmp_path / "data") as roo:
        with httpx.Client(base_url=roo.url, timeout=30) as http:
            made = run(http, "/api/generate", {"part": "melody", "track": 0, "slot": 0, "bars": 4, "seed": 2})
            assert made["state"] == "done", made
        before = live_notes(roo, 0, 0)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(roo.url + "/")
        page.wait_for_selector("body[data-ready='1']")
        assert shown_fields(page) == {"track", "slot", "from", "to", "model", "seed", "variations"}
        page.select_option("#i-mode", "continue")
        assert shown_fields(page) == {"track", "slot", "bars", "extend", "model", "seed", "variations"}
        page.select_option("#i-mode", "accompany")
        assert shown_fields(page) == {"part", "model", "seed", "variations"}

        # a bad value: the daemon's own words under the form, and no job
        page.select_option("#i-mode", "infill")
        for name, value in {"track": "0", "slot": "0", "from": "3", "to": "2", "model": str(ckpt)}.items():
            page.fill(f"#i-{name}", value)
        page.click("#infill button[type=submit]")
        page.wait_for_selector("#infill-error:has-text(\"bars '3-2' is not a bar range\")")
        assert page.eval_on_selector_all("#jobs li", "items => items.length") == 1  # the generate job only

        item = send(page, "infill", {"from": "2", "to": "3", "seed": "3"})
        assert "bars 2-3 rewritten in place" in item.inner_text()
        assert page.text_content("#infill-error") == ""
        after = live_notes(roo, 0, 0)
        assert sorted(n for n in after if not 4.0 <= n[1] < 12.0) == sorted(
            n for n in before if not 4.0 <= n[1] < 12.0
        )
        # the new take shows under the take it was made from
        page.wait_for_selector(
            "[data-take-id] > ul > [data-take-id] strong:has-text('melody')", timeout=10000
        )

        item = send(page, "continue", {"bars": "2", "seed": "1"})
        assert "2 new bars in track 1, scene 2" in item.inner_text()
        assert live_notes(roo, 0, 1)

        item = send(page, "accompany", {"part": "bass", "seed": "4"})
        found = re.search(r"a bass clip of (\d+) notes in track (\d+), scene (\d+)", item.inner_text())
        assert found, item.inner_text()
        count, track, slot = (int(g) for g in found.groups())
        track, slot = track - 1, slot - 1  # the answer counts from 1, as Live shows them
        assert len(live_notes(roo, track, slot)) == count


def test_cancel_an_infill_job_from_the_keyboard(browser: Any, served: Served, ckpt: Path) -> None:
    with httpx.Client(base_url=served.url, timeout=30) as http:
        made = run(http, "/api/generate", {"part": "melody", "track": 0, "slot": 0, "bars": 2, "seed": 2})
        assert made["state"] == "done", made
    before = served.live.clip_notes(0, 0)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(served.url + "/")
    page.wait_for_selector("body[data-ready='1']")
    gate = hold_live(served)  # the job waits on Live (reading the clip) until the gate opens
    try:
        for name, value in {"track": "0", "slot": "0", "model": str(ckpt)}.items():
            page.fill(f"#i-{name}", value)
        page.focus("#i-model")
        page.keyboard.press("Enter")
        running = page.wait_for_selector("#jobs li[data-state='running']:has-text('infill')", timeout=10000)
        running.query_selector("button[aria-label^='cancel job']").focus()
        page.keyboard.press("Enter")
        end = time.monotonic() + 10
        while served.daemon.app is not None and not any(
            j.state == "cancelled" for j in served.daemon.app.jobs.jobs.values() if j.kind == "infill"
        ):
            assert time.monotonic() < end, "the infill job was not cancelled"
            time.sleep(0.01)
    finally:
        gate.set()
    page.wait_for_selector("#jobs li[data-state='cancelled']:has-text('infill')", timeout=10000)
    assert served.live.clip_notes(0, 0) == before
