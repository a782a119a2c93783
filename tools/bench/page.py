"""The studio page with a tree of 500 takes: load to first paint and to the whole tree in the DOM.

A take store is filled with 500 MIDI takes (32 notes each, every 5th forked from the one before)
and served by a real daemon + HTTP server on the in-memory Live; Debian's Chromium (Playwright)
loads the page at 1280x800 several times. First contentful paint is the browser's own
Performance entry; "tree" is when the page marks itself ready (all 500 takes are elements).
Then one page, once it has drawn the rolls on screen, watches --jobs generate jobs, one after
another (the next starts when the page shows the last one done, noticed by a MutationObserver in the
page: the bench does not poll the measured page): each /ws event carries the daemon's publish time
(and a progress report the time the work made it, before the hop onto the loop) and the page records
its delay from the report, else from the publish (same machine, same clock); beside it, in the same
browser and run, a bare page that only listens on /ws (the peer: transport and scheduling without
the page's work), and for each event both got, the page's delay minus the peer's (what the page's
own work added to that event).
Prints the tables, then one JSON line with the figures.
Usage: .venv/bin/python -m tools.bench.page [--takes 500] [--loads 5] [--jobs 50]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import sys
import tempfile
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

from bridge import protocol
from bridge.embedded import daemon_in_thread
from bridge.history import TakeDraft, note_dict, open_store
from bridge.web import WebServer
from livesim.host import LiveHost


def fill(store_dir: Path, count: int) -> object:
    store = open_store(f"sqlite:///{store_dir / 'h.db'}", store_dir)
    parent = None
    for i in range(count):
        notes = [note_dict(36 + (i + k) % 24, k * 0.5, 0.25, 90) for k in range(32)]
        draft = TakeDraft(
            "generate",
            "bass",
            seed=i,
            notes=notes,
            live={"length_beats": 16.0},
            parent_id=parent if i % 5 else None,
        )
        parent = store.commit(draft)
    return store


BARE_LISTENER = """() => new Promise((opened) => {
  window.bareDelays = [];
  const ws = new WebSocket(`ws://${location.host}/ws`);
  window.bareAt = [];
  window.bareKinds = [];
  ws.onmessage = (m) => {
    const e = JSON.parse(m.data);
    if (e.at_s) {
      bareDelays.push(Date.now() - (e.reported_s ?? e.at_s) * 1000);
      bareAt.push(e.at_s);
      bareKinds.push(`${e.type}${e.state ? ":" + e.state : ""}${e.job_id ? " #" + e.job_id : ""}`);
    }
  };
  ws.onopen = opened;
})"""


# Resolves once the page shows the job done. Playwright's wait_for_selector would poll the page with
# its own selector engine, which walks the whole 500-take DOM on the page's main thread (about 20 ms a
# poll here): the bench's own load would be measured as the page's delay. A MutationObserver on the
# job list costs the page a microtask per change.
JOB_SHOWN_DONE = """(id) => new Promise((shown) => {
  const done = () => document.querySelector(`#jobs li[data-job-id='${id}'][data-state='done']`);
  if (done()) return shown();
  const watch = new MutationObserver(() => { if (done()) { watch.disconnect(); shown(); } });
  watch.observe(document.getElementById("jobs"),
    { subtree: true, childList: true, attributes: true, attributeFilter: ["data-state"] });
})"""


# Resolves once the page has drawn the rolls of the takes on screen (the count holds for 300 ms): the
# jobs start on a settled page, not one still fetching and drawing what the load showed.
SETTLED = """() => new Promise((settled) => {
  let last = -1;
  const check = () => {
    const drawn = document.querySelectorAll(".take canvas[data-notes-drawn]").length;
    if (drawn > 0 && drawn === last) settled(drawn);
    else { last = drawn; setTimeout(check, 300); }
  };
  check();
})"""


LATE_MS = 20.0  # an event the page handled later than this is listed by itself


def pct(ordered: list[float], q: float) -> float:
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def summary(ordered: list[float]) -> dict[str, float]:
    return {"n": len(ordered), "p50": round(statistics.median(ordered), 1), "p99": round(pct(ordered, 0.99), 1),
            "max": round(ordered[-1], 1)}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--takes", type=int, default=500)
    parser.add_argument("--loads", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=50, help="generate jobs watched for event delay")
    args = parser.parse_args()
    paint: list[float] = []
    tree: list[float] = []
    with tempfile.TemporaryDirectory() as folder, LiveHost(port=0) as live:
        store = fill(Path(folder), args.takes)
        with daemon_in_thread(live.port, history=store) as daemon, sync_playwright() as p:
            assert daemon.app is not None
            web = WebServer(daemon, protocol.HOST, 0, None)
            asyncio.run_coroutine_threadsafe(web.start(), daemon.app.loop).result(10)
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            for _ in range(args.loads):
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.goto(f"http://127.0.0.1:{web.port}/")
                page.wait_for_selector("body[data-ready='1']", timeout=30000)
                shown = page.eval_on_selector_all("[data-take-id]", "els => els.length")
                if shown != args.takes:
                    raise SystemExit(f"the page shows {shown} takes, expected {args.takes}")
                paint.append(
                    page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")
                )
                tree.append(page.evaluate("Number(document.body.dataset.readyAt)"))
                page.close()
            # The peer first: a bare /ws listener in the same browser, the same events. Opened after the
            # measured page had settled, its renderer's start-up ran beside the first jobs and was
            # measured as the page's delay (jobs 1 to 3 late by 30 to 45 ms, the peer on time).
            bare = browser.new_page()
            bare.goto(f"http://127.0.0.1:{web.port}/api/health")
            bare.evaluate(BARE_LISTENER)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(f"http://127.0.0.1:{web.port}/")
            page.wait_for_selector("body[data-ready='1']", timeout=30000)
            page.evaluate(SETTLED)
            page.evaluate("window.rooEventDelays.length = 0; window.rooEventAt.length = 0")
            with httpx.Client(base_url=f"http://127.0.0.1:{web.port}") as http:
                for i in range(args.jobs):
                    body = {"part": "drums", "track": 0, "slot": i % 8, "bars": 4, "seed": i, "replace": 1}
                    job_id = http.post("/api/generate", json=body).json()["job_id"]
                    page.evaluate(JOB_SHOWN_DONE, job_id)
            seen = page.evaluate("[window.rooEventDelays, window.rooEventAt]")
            seen_peer = bare.evaluate("[window.bareDelays, window.bareAt, window.bareKinds]")
            delays, peer = sorted(seen[0]), sorted(seen_peer[0])
            # the same events (one publish time each) as the peer got them: what the page adds
            peer_at = dict(zip(seen_peer[1], seen_peer[0], strict=True))
            added = sorted(d - peer_at[at] for d, at in zip(*seen, strict=True) if at in peer_at)
            kinds = dict(zip(seen_peer[1], seen_peer[2], strict=True))
            late = [  # the events the page handled late: which ones, in order (the n-th event of the run)
                {"n": n, "event": kinds.get(at, "?"), "page_ms": round(d, 1),
                 "peer_ms": round(peer_at[at], 1) if at in peer_at else None}
                for n, (d, at) in enumerate(zip(*seen, strict=True)) if d > LATE_MS
            ]  # fmt: skip
            browser.close()
            asyncio.run_coroutine_threadsafe(web.stop(), daemon.app.loop).result(10)
    print(f"machine: {platform.machine()}, {platform.system()}, Python {sys.version.split()[0]}")
    print(f"| measure ({args.takes} takes, {args.loads} loads) | median ms | worst ms |")
    print("|---|---|---|")
    print(f"| navigation -> first contentful paint | {statistics.median(paint):.0f} | {max(paint):.0f} |")
    print(f"| navigation -> whole tree in the DOM | {statistics.median(tree):.0f} | {max(tree):.0f} |")
    for name, got in (("the studio page", delays), ("peer: a bare /ws listener", peer)):
        print(
            f"/ws event published -> handled by {name}: {len(got)} events of {args.jobs} jobs, "
            f"p50 {statistics.median(got):.1f} ms, p99 {pct(got, 0.99):.1f} ms, max {got[-1]:.1f} ms"
        )
    print(
        f"the same {len(added)} events, page minus peer: p50 {statistics.median(added):.1f} ms, "
        f"p99 {pct(added, 0.99):.1f} ms, max {added[-1]:.1f} ms"
    )
    figures = {
        "load_1min": os.getloadavg()[0],
        "first_paint_ms": {"median": round(statistics.median(paint)), "worst": round(max(paint))},
        "whole_tree_ms": {"median": round(statistics.median(tree)), "worst": round(max(tree))},
        "event_to_page_ms": summary(delays),
        "event_to_bare_listener_ms": summary(peer),
        "page_minus_peer_same_event_ms": summary(added),
        f"events_over_{LATE_MS:.0f}_ms": late,
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
