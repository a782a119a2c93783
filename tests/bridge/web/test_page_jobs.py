"""The page's job list and latency panel for jobs it did not see start (issue 30, point 7), in Chromium:
a job done before the page opened shows the daemon's request-to-done time (never 0 ms), a finished
job has no Cancel button, and pre-generation's own jobs (nobody started them) are not listed."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.bridge.web.conftest import Served, serve
from tests.bridge.web.test_page_events import generate


@pytest.fixture
def preparing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Served]:
    monkeypatch.setenv("MUSEAROO_PREPARE", "1")  # tests turn pre-generation off; this one needs it
    monkeypatch.setenv("MUSEAROO_PREPARE_IDLE_S", "0.2")
    yield from serve(tmp_path)


def prepare_job_ids(http: httpx.Client, timeout_s: float = 30.0) -> list[int]:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = [j["job_id"] for j in http.get("/api/jobs").json() if j["kind"] == "prepare"]
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"no prepare job within {timeout_s} s")


def test_jobs_done_before_the_page_opened(browser: Any, preparing: Served) -> None:
    with httpx.Client(base_url=preparing.url, timeout=30) as http:
        done = [generate(http, i) for i in range(2)]
        prepared = prepare_job_ids(http)
        elapsed = {j["job_id"]: j["elapsed_ms"] for j in http.get("/api/jobs").json()}
    assert all(elapsed[j] > 0 for j in done), elapsed

    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(preparing.url + "/")
    page.wait_for_selector("body[data-ready='1']")
    for job_id in done:
        item = page.wait_for_selector(f"#jobs li[data-job-id='{job_id}'][data-state='done']")
        assert item is not None and not item.query_selector("button").is_visible()  # nothing to cancel
        row = page.wait_for_selector(f"#latency tbody tr:has-text('#{job_id}')")
        assert row is not None
        shown_ms = float(row.query_selector("td:last-child").inner_text())
        assert shown_ms == pytest.approx(elapsed[job_id], abs=1.0)  # the daemon's time, not 0 ms
    listed = page.eval_on_selector_all("#jobs li", "items => items.map((li) => Number(li.dataset.jobId))")
    assert not set(prepared) & set(listed), (prepared, listed)
    page.close()
