"""What a job's /ws events change in the page, in a real browser against the daemon and the in-memory
Live: only that job's own list item (its bar, state and message updated in place), the job list
gaining it, one latency row in (and the oldest out past 20), the summary, the take tree and header."""

from __future__ import annotations

from typing import Any

import httpx

from tests.bridge.web.conftest import Served
from tests.bridge.web.test_api import wait_final

# Every DOM change under <body> from now on, named by the part of the page it touched.
RECORD = """() => {
  const part = (node) => {
    const e = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    const job = e.closest("#jobs li[data-job-id]");
    if (job) return `job:${job.dataset.jobId}`;
    if (e.id === "jobs") return "jobs";
    if (e.closest("#latency tbody")) return "latency-rows";
    if (e.closest("#latency-summary")) return "latency-summary";
    if (e.closest("#takes")) return "takes";
    if (e.closest("header")) return "header";
    return `${e.tagName}#${e.id}`;
  };
  window.changes = [];
  new MutationObserver((records) => { for (const r of records) changes.push({ part: part(r.target), type: r.type,
    added: [...r.addedNodes].map((n) => n.nodeName), removed: [...r.removedNodes].map((n) => n.nodeName) }); })
    .observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
}"""


def generate(http: httpx.Client, i: int) -> int:
    body = {"part": "drums", "track": 0, "slot": i % 8, "bars": 1, "seed": i, "replace": 1}
    job_id = int(http.post("/api/generate", json=body).json()["job_id"])
    assert wait_final(http, job_id, timeout_s=60)["state"] == "done"
    return job_id


def test_a_jobs_events_change_only_its_own_item_and_one_latency_row(browser: Any, served: Served) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(served.url + "/")
    page.wait_for_selector("body[data-ready='1']")
    with httpx.Client(base_url=served.url, timeout=30) as http:
        for i in range(20):  # the latency table's 20 rows are full
            last = generate(http, i)
        page.wait_for_selector(f"#latency tbody tr:first-child:has-text('#{last}')", timeout=30000)
        page.evaluate(RECORD)
        job_id = generate(http, 20)
    page.wait_for_selector(f"#latency tbody tr:first-child:has-text('#{job_id}')", timeout=30000)
    page.wait_for_selector(f"#jobs li[data-job-id='{job_id}'][data-state='done']")
    changes: list[dict[str, Any]] = page.evaluate("changes")

    allowed = {f"job:{job_id}", "jobs", "latency-rows", "latency-summary", "takes", "header"}
    assert {c["part"] for c in changes} <= allowed, changes  # no other job's item, nothing else
    own = [c for c in changes if c["part"] == f"job:{job_id}"]
    assert own and all(c["type"] in ("attributes", "characterData") for c in own), own  # updated in place
    listed = [c for c in changes if c["part"] == "jobs"]
    assert [(c["added"], c["removed"]) for c in listed] == [(["LI"], [])]  # the job's item went in once
    rows = [c for c in changes if c["part"] == "latency-rows"]
    assert sum(c["added"].count("TR") for c in rows) == 1 and sum(c["removed"].count("TR") for c in rows) == 1
    assert page.eval_on_selector_all("#latency tbody tr", "rows => rows.length") == 20
