"""The page in Chromium (issue 57, item 6): a box for a command in words, sent to POST /api/command,
its job in the job list; and a take's row says which transform made it ("transform: swing")."""

from __future__ import annotations

from typing import Any

import httpx

from tests.bridge.web.conftest import Served
from tests.bridge.web.test_page_events import generate


def test_a_typed_command_runs_from_the_page_and_its_take_says_which_transform(
    browser: Any, served: Served
) -> None:
    with httpx.Client(base_url=served.url, timeout=30) as http:
        generate(http, 0)  # a drum clip at track 0 slot 0
        before = {t["take_id"] for t in http.get("/api/takes").json()}
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(served.url + "/")
    page.wait_for_selector("body[data-ready='1']")
    page.click("#command button[type=submit]")  # nothing typed: said, nothing sent
    assert page.inner_text("#command-error") == "type a command first, e.g. 'make the drums busier'"
    page.fill("#command-text", "add some swing to the drums")
    page.click("#command button[type=submit]")
    job = page.wait_for_selector("#jobs li[data-state='done']:has-text('command')", timeout=60_000)
    assert job is not None and page.input_value("#command-text") == ""
    with httpx.Client(base_url=served.url, timeout=30) as http:
        made = [t for t in http.get("/api/takes").json() if t["take_id"] not in before]
    assert [(t["action"], t["kind"]) for t in made] == [("transform", "swing")], made
    head = page.wait_for_selector(f"[data-take-id='{made[0]['take_id']}'] > .head .made")
    assert head.inner_text() == "transform: swing · "
    page.close()
