"""The page's layout in a real browser: 300 takes cost the renderer only those on screen (a roll is drawn
once its take is scrolled to, and again at a new width), a tablet shows every control without sideways
scrolling, and the generate form works from the keyboard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import soundfile as sf

from bridge.history import AudioOut, TakeDraft, note_dict
from tests.bridge.web.conftest import Served


def fill(served: Served, count: int) -> None:
    for i in range(count):
        notes = [note_dict(48 + k % 12, k * 0.5, 0.25, 90) for k in range(8)]
        served.store.commit(
            TakeDraft("generate", "bass", seed=i, notes=notes, live={"length_beats": 4.0}, parent_id=None)
        )


def test_takes_off_screen_are_not_rendered_until_scrolled_to(browser: Any, served: Served) -> None:
    fill(served, 300)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(served.url + "/")
    page.wait_for_selector("body[data-ready='1']")
    rendered = "els => els.map((e) => e.firstElementChild.checkVisibility({ contentVisibilityAuto: true }))"
    shown = page.eval_on_selector_all("[data-take-id]", rendered)
    assert len(shown) == 300
    assert shown[0] and not shown[-1]  # the renderer skips what is off screen (a new take costs the same)
    assert sum(shown) < 60
    last = "#takes > [data-take-id]:last-child"
    assert page.query_selector(f"{last} canvas") is None  # its roll is not drawn while it is off screen
    page.eval_on_selector(last, "e => e.scrollIntoView()")
    drawn = (  # the take scrolled to and every take now on screen have their bodies drawn
        "() => document.querySelector('#takes > [data-take-id]:last-child').dataset.drawn"
        " && [...document.querySelectorAll('#takes > .take')]"
        ".filter((e) => e.firstElementChild.checkVisibility({ contentVisibilityAuto: true }))"
        ".every((e) => e.dataset.drawn)"
    )
    page.wait_for_function(drawn)
    top, bottom = page.eval_on_selector(
        last, "e => [e.getBoundingClientRect().top, e.getBoundingClientRect().bottom]"
    )
    assert 0 <= top and bottom <= 800, (top, bottom)  # the takes drawn around it did not push it off screen
    roll = page.wait_for_selector(f"{last} canvas[data-notes-drawn]", timeout=10000)  # drawn once scrolled to
    assert roll.get_attribute("data-notes-drawn") == "8"


def test_a_roll_is_drawn_again_at_its_new_width(browser: Any, served: Served) -> None:
    fill(served, 1)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(served.url + "/")
    roll = page.wait_for_selector(".take canvas[data-notes-drawn]")
    wide = int(roll.get_attribute("width"))
    assert wide == round(roll.evaluate("c => c.clientWidth * devicePixelRatio"))
    page.set_viewport_size({"width": 480, "height": 800})  # one column: the canvas is narrower
    page.wait_for_function(f"c => c.width < {wide}", arg=roll, timeout=10000)
    assert int(roll.get_attribute("width")) == round(roll.evaluate("c => c.clientWidth * devicePixelRatio"))
    assert roll.get_attribute("data-notes-drawn") == "8"


def test_a_tablet_shows_every_control_without_sideways_scrolling(
    browser: Any, served: Served, tmp_path: Path
) -> None:
    fill(served, 3)
    wav = tmp_path / "clip.wav"
    sf.write(wav, 0.3 * np.sin(np.linspace(0, 2000, 48000 * 2)), 48000)
    analysis = {"duration_s": 2.0, "tempo_bpm": 120.0, "beats_s": [0.0, 0.5, 1.0, 1.5], "downbeats_s": [0.0],
                "key": "A minor", "chords": [{"start_s": 0.0, "end_s": 2.0, "label": "Am"}]}  # fmt: skip
    served.store.commit(TakeDraft("analyze", "", audio=[AudioOut("source", wav, analysis)], parent_id=None))
    context = browser.new_context(viewport={"width": 768, "height": 1024}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(served.url + "/")
    page.wait_for_selector("body[data-ready='1']")
    page.wait_for_selector(".take canvas[data-notes-drawn]")
    page.wait_for_selector("figure.analysis[data-chords-drawn]")
    assert page.evaluate("document.documentElement.scrollWidth") <= 768  # no horizontal overflow
    controls = ["#f-part", "#f-bars", "#generate button[type=submit]", "#refresh", ".take button[aria-label^='Recall']",
                ".take button[aria-label^='Compare']", ".take a[aria-label^='export take']", ".take canvas",
                "figure.analysis .chord-lane", "figure.analysis .ruler span:last-child"]  # fmt: skip
    for selector in controls:
        box = page.locator(selector).first.bounding_box()
        assert box is not None and box["width"] > 0 and box["x"] >= 0 and box["x"] + box["width"] <= 768, (
            selector
        )
    page.locator("#f-track").tap()
    page.keyboard.type("0")
    page.locator("#f-slot").tap()
    page.keyboard.type("3")
    page.locator("#generate button[type=submit]").tap()  # a touch starts a job
    page.wait_for_selector("#jobs li[data-state='done']", timeout=20000)
    assert page.evaluate("document.documentElement.scrollWidth") <= 768
    context.close()


def test_the_generate_form_by_keyboard_alone_with_focus_visible(browser: Any, served: Served) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(served.url + "/")
    page.wait_for_selector("body[data-ready='1']")
    reached = []
    for _ in range(7):  # from the top of the page, Tab reaches the form first
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.id"))
        if reached[-1] == "f-part":
            break
    assert reached[-1] == "f-part", reached
    focused = page.evaluate(
        "(() => { const e = document.activeElement; const s = getComputedStyle(e);"
        " return [e.matches(':focus-visible'), s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
    )
    assert focused[0] and focused[1] != "none" and focused[2] >= 2  # the focus ring is drawn
    page.keyboard.press("Tab")
    page.keyboard.type("2")  # track
    page.keyboard.press("Tab")
    page.keyboard.type("4")  # slot
    page.keyboard.press("Enter")
    done = page.wait_for_selector("#jobs li[data-state='done']", timeout=20000)
    assert "generate" in done.inner_text()
    assert served.live.clip_properties(2, 4) is not None  # the clip landed where the keys said


def test_the_take_tree_is_newest_first_with_forks_folded_and_no_sideways_scroll(
    browser: Any, served: Served
) -> None:
    """Issue 30 point 4: the page's tree was a staircase with a horizontal scrollbar at 1400 px. Here:
    roots newest first, a fork under its parent, and a chain 400 deep (a history parented the old
    way) drawn without recursion and without sideways scrolling at 1280 px."""
    notes = [note_dict(48, 0.0, 0.5, 90)]
    live = {"track": 1, "slot": 0, "length_beats": 4.0}
    old = served.store.commit(TakeDraft("generate", "bass", notes=notes, live=live, params={"genre": "funk"}))
    chain = [old]
    for i in range(400):
        chain.append(served.store.commit(TakeDraft("generate", "bass", notes=notes, parent_id=chain[-1],
                                                    message="a long message without spaces" * 4 if i % 50 else "")))  # fmt: skip
    first = served.store.commit(TakeDraft("generate", "drums", notes=notes, live={"track": 0, "slot": 0}))
    fork = served.store.commit(TakeDraft("generate", "drums", notes=notes, parent_id=first))
    newest = served.store.commit(TakeDraft("generate", "chords", notes=notes))
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(served.url + "/")
    page.wait_for_selector("body[data-ready='1']")
    page.wait_for_selector(f"[data-take-id='{chain[-1]}']", state="attached")
    roots = page.eval_on_selector_all("#takes > li.take", "els => els.map((e) => e.dataset.takeId)")
    assert roots == [newest, first, old]  # newest first; the fork and the chain are not roots
    parent_of_fork = page.eval_on_selector(
        f"[data-take-id='{fork}']", "e => e.parentElement.closest('li.take').dataset.takeId"
    )
    assert parent_of_fork == first
    head = page.text_content(f"[data-take-id='{old}'] > .head") or ""
    assert "track 2, scene 1" in head and "funk" in head and " ago" in head
    nesting = page.eval_on_selector(f"[data-take-id='{chain[-1]}']", "e => { let n = 0; for (let p = e; p; p = p.parentElement?.closest('ul')) n++; return n; }")  # fmt: skip
    assert nesting <= 8  # capped, not 400 levels deep
    for target in (chain[-1], chain[200]):
        page.eval_on_selector(f"[data-take-id='{target}']", "e => e.scrollIntoView()")
        assert page.evaluate("document.documentElement.scrollWidth") <= 1280
        assert page.evaluate(
            "document.querySelector('#takes').scrollWidth <= document.querySelector('#takes').clientWidth"
        )
