"""The page in a real browser (Debian's Chromium driven by Playwright) against `roo serve` + `roo sim`:
generate from the form, watch the bar finish, see the take's piano roll, recall it and read it back."""

from __future__ import annotations

import os
import re
import socket
import time
from pathlib import Path
from typing import Any

import httpx

from bridge import osc, protocol
from tests.bridge.web.conftest import Served, serve
from tests.bridge.web.processes import Roo, sim_and_serve
from tests.bridge.web.test_api import hold_live

SCREENSHOT = os.environ.get("MUSEAROO_PAGE_SCREENSHOT")  # a path: keep a 1280x800 picture of the page


def live_notes(roo: Roo, track: int, slot: int) -> list[tuple[int, float, float, int]]:
    """The clip's notes read straight from the (simulated) Live over OSC."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.settimeout(5)
        sock.sendto(osc.encode(protocol.CLIP_GET_NOTES, [track, slot]), ("127.0.0.1", roo.live_port))
        end = time.monotonic() + 5.0
        while True:
            assert time.monotonic() < end, f"no {protocol.CLIP_GET_NOTES} reply within 5 s"
            address, args = next(osc.decode(sock.recvfrom(65536)[0]))
            if address == protocol.CLIP_GET_NOTES:
                values = args[2:]
                return [tuple(values[i : i + 4]) for i in range(0, len(values), 5)]  # type: ignore[misc]


def test_generate_watch_see_the_roll_and_recall(browser: Any, tmp_path: Path) -> None:
    with sim_and_serve(tmp_path / "data") as roo:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(roo.url + "/")
        page.wait_for_selector("body[data-ready='1']")
        page.select_option("#f-part", "bass")
        for name, value in {"track": "1", "slot": "2", "bars": "2", "seed": "7"}.items():
            page.fill(f"#f-{name}", value)
        page.focus("#f-seed")
        page.keyboard.press("Enter")  # the form is sent from the keyboard
        done = page.wait_for_selector("#jobs li[data-state='done']", timeout=20000)
        assert done.eval_on_selector("progress", "p => p.value") == 1
        canvas = page.wait_for_selector(".take canvas[data-notes-drawn]", timeout=10000)
        take_id = canvas.evaluate("c => c.closest('[data-take-id]').dataset.takeId")
        drawn = int(canvas.get_attribute("data-notes-drawn"))
        with httpx.Client(base_url=roo.url) as http:
            take = http.get(f"/api/takes/{take_id}").json()
        assert drawn == len(take["notes"]) > 0 and take["part"] == "bass"
        assert len(live_notes(roo, 1, 2)) == drawn
        if SCREENSHOT:
            page.screenshot(path=SCREENSHOT)

        page.click(f"[data-take-id='{take_id}'] button[aria-label^='Recall']")
        recalled = page.wait_for_selector(
            "#jobs li[data-state='done']:has-text('history_recall')", timeout=20000
        )
        message = recalled.eval_on_selector(".msg", "m => m.textContent")
        found = re.search(r"recalled take \w+: (\d+) notes in track (\d+), scene (\d+)", message)
        assert found, message
        count, track, slot = (int(g) for g in found.groups())
        track, slot = track - 1, slot - 1  # the answer counts from 1, as Live shows them
        assert (count, track) == (drawn, 1) and slot != 2  # into an empty slot, never over the original
        expected = [(n["pitch"], n["start_beats"], n["length_beats"], n["velocity"]) for n in take["notes"]]
        assert rounded(live_notes(roo, track, slot)) == rounded(expected)


def rounded(notes: list[tuple[int, float, float, int]]) -> list[tuple[int, float, float, int]]:
    """OSC carries floats as 32 bits: compare beats to a thousandth."""
    return sorted((p, round(s, 3), round(d, 3), v) for p, s, d, v in notes)


# a job's state on the page under a loaded CI (two fresh-clone runs on 27 Nov, 2 cores, 4 workers, waited past
# 10 s once for "running" and once for "cancelled"; it takes about a second alone)
WAIT_MS = 30000


def test_cancel_a_running_job_from_the_keyboard(browser: Any, served: Served) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(served.url + "/")
    page.wait_for_selector("body[data-ready='1']")
    gate = hold_live(served)  # the job waits on Live until the gate opens
    try:
        page.select_option("#f-part", "bass")
        page.fill("#f-track", "1")
        page.fill("#f-slot", "5")
        page.focus("#f-slot")
        page.keyboard.press("Enter")
        running = page.wait_for_selector("#jobs li[data-state='running']", timeout=WAIT_MS)
        running.query_selector("button[aria-label^='cancel job']").focus()
        page.keyboard.press("Enter")
        live = served.daemon.live  # a write already on its way is cancelled in Live, when Live runs
        end = time.monotonic() + 10
        while {protocol.RS_WRITE_CLIP_FOR, protocol.RS_WRITE_CLIP_FROM} & set(
            live.waiting_for()
        ) and not live.cancels_sent:
            assert time.monotonic() < end, "a write on its way to Live was not cancelled there"
            time.sleep(0.005)
    finally:
        gate.set()
    page.wait_for_selector("#jobs li[data-state='cancelled']", timeout=WAIT_MS)
    assert served.live.clip_properties(1, 5) is None


def test_the_page_beyond_loopback_works_with_the_token_and_not_without(browser: Any, tmp_path: Path) -> None:
    for guarded in serve(tmp_path, token="page-token"):
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        refused = page.goto(guarded.url + "/")
        assert refused is not None and refused.status == 401
        page.goto(guarded.url + "/?token=page-token")
        page.wait_for_selector("body[data-ready='1']")
        page.wait_for_selector("#live.on")  # the WebSocket, given the token too, says Live is there


def test_an_analysed_audio_take_shows_its_waveform_beats_and_chords(
    browser: Any, served: Served, tmp_path: Path
) -> None:
    import numpy as np
    import soundfile as sf

    from bridge.history import AudioOut, TakeDraft

    wav = tmp_path / "clip.wav"
    sf.write(wav, 0.3 * np.sin(np.linspace(0, 2000, 48000 * 2)), 48000)
    analysis = {"duration_s": 2.0, "tempo_bpm": 120.0, "beats_s": [0.0, 0.5, 1.0, 1.5],
                "downbeats_s": [0.0], "key": "A minor", "chords": [{"start_s": 0.0, "end_s": 2.0, "label": "Am"}]}  # fmt: skip
    served.store.commit(TakeDraft("analyze", "", audio=[AudioOut("source", wav, analysis)]))
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(served.url + "/")
    canvas = page.wait_for_selector("canvas.wave[data-beats-drawn]", timeout=15000)
    assert canvas.get_attribute("data-beats-drawn") == "4"
    assert int(canvas.get_attribute("data-peaks-drawn") or 0) > 100
    assert "key A minor, 1 chords" in (canvas.get_attribute("aria-label") or "")
    assert page.query_selector("audio[aria-label^='play source']") is not None
    if SCREENSHOT:
        page.screenshot(path=SCREENSHOT.replace(".png", "-audio.png"))


def test_starring_a_take_changes_its_line_in_place_not_the_tree(browser: Any, served: Served) -> None:
    from bridge.history import TakeDraft, note_dict

    ids = [
        served.store.commit(TakeDraft("generate", "bass", seed=i, notes=[note_dict(40 + i, 0.0, 1.0, 90)]))
        for i in range(3)
    ]
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(served.url + "/")
    page.wait_for_selector("body[data-ready='1']")
    # (a take's children are nested in its element: each check looks at the take's own head)
    # every take element marked: a rebuilt tree would make new elements without the mark
    page.evaluate("document.querySelectorAll('[data-take-id]').forEach((e) => { e.rooMark = 1; })")
    star = page.locator(f"[data-take-id='{ids[1]}'] > .head button[aria-label='Star take {ids[1]}']")
    star.focus()
    page.keyboard.press("Enter")
    unstar = page.locator(f"[data-take-id='{ids[1]}'] > .head button[aria-label='Unstar take {ids[1]}']")
    unstar.wait_for(timeout=10000)
    assert page.locator(f"[data-take-id='{ids[1]}'] > .head .star").text_content() == "★"
    assert served.store.get(ids[1]).starred is True
    assert unstar.evaluate("b => b === document.activeElement")  # the keyboard user stays on the button
    with httpx.Client(base_url=served.url) as http:  # a message set by another client shows as well
        assert http.post("/api/message", json={"take_id": ids[0], "message": "keeper"}).status_code == 202
    page.wait_for_selector(f"[data-take-id='{ids[0]}'] > .head .hint:has-text('keeper')", timeout=10000)
    kept = page.evaluate("[...document.querySelectorAll('[data-take-id]')].map((e) => e.rooMark === 1)")
    assert kept == [True, True, True]
    assert page.locator(f"[data-take-id='{ids[2]}'] > .head .star").text_content() == "☆"
