"""The page's song header follows Live: tempo, key, signature changed in the in-memory Live show in
the header of an open page (real Chromium) through the /ws context events, without a reload."""

from __future__ import annotations

from typing import Any

from tests.bridge.web.conftest import Served


def header(page: Any) -> str:
    return str(page.text_content("#context") or "")


def test_the_song_header_follows_tempo_key_and_signature_changes_in_live(
    browser: Any, served: Served
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(served.url + "/")
    page.wait_for_selector("body[data-ready='1']")
    page.wait_for_function("document.querySelector('#context').textContent.includes('BPM')", timeout=10000)
    assert header(page).startswith("120.0 BPM · 4/4 · C Major · ")
    loads = page.evaluate("performance.getEntriesByType('navigation').length")

    song = served.live.song
    served.live.call(lambda: setattr(song, "tempo", 133.5))
    page.wait_for_function(
        "document.querySelector('#context').textContent.startsWith('133.5 BPM')", timeout=10000
    )
    served.live.call(lambda: (setattr(song, "root_note", 9), setattr(song, "scale_name", "Minor")))
    page.wait_for_function(
        "document.querySelector('#context').textContent.includes(' A Minor ')", timeout=10000
    )
    served.live.call(lambda: setattr(song, "signature_numerator", 3))
    page.wait_for_function("document.querySelector('#context').textContent.includes(' 3/4 ')", timeout=10000)

    assert header(page).startswith("133.5 BPM · 3/4 · A Minor · ")
    assert page.evaluate("performance.getEntriesByType('navigation').length") == loads  # no reload
    page.close()
