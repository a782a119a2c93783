"""/ws pushes a job's events and its take in order, and /metrics moves as requests are made."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import httpx
from prometheus_client.parser import text_string_to_metric_families
from websockets.sync.client import connect

from bridge.web.events import QUEUE_SIZE, Hub
from tests.bridge.web.conftest import Served
from tests.bridge.web.test_api import wait_final


def events_until_done(ws: Any, job_id: int, timeout_s: float = 30.0) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []
    end = time.monotonic() + timeout_s
    while True:
        assert time.monotonic() < end, f"job {job_id} did not finish within {timeout_s} s: {seen[-5:]}"
        event = json.loads(ws.recv(timeout=max(0.01, end - time.monotonic())))
        seen.append(event)
        if event["type"] == "job" and event["job_id"] == job_id and event["state"] in ("done", "failed"):
            return seen


def test_websocket_sees_progress_then_the_take_then_done(served: Served) -> None:
    with connect(f"ws://127.0.0.1:{served.web.port}/ws") as ws:
        assert json.loads(ws.recv(timeout=5)) == {"type": "live", "connected": True}
        with httpx.Client(base_url=served.url) as http:
            job_id = http.post(
                "/api/generate", json={"part": "drums", "track": 0, "slot": 6, "bars": 1}
            ).json()["job_id"]
        seen = events_until_done(ws, job_id)
    mine = [e for e in seen if e.get("job_id") == job_id]
    kinds = [(e["type"], e.get("state")) for e in mine]
    states = [s for t, s in kinds if t == "job"]
    assert states[:2] == ["queued", "running"] and states[-1] == "done", kinds
    progress = [e["progress"] for e in mine if e["type"] == "job"]
    assert progress == sorted(progress) and progress[-1] == 1.0
    reports = [e for e in mine if e["type"] == "job" and "reported_s" in e]
    assert reports and all(e["state"] == "running" for e in reports)  # progress reports, not state changes
    assert all(e["reported_s"] <= e["at_s"] for e in reports)  # made by the work, then published
    take_at = kinds.index(("take", None))
    assert take_at == len(kinds) - 2, kinds  # the take is recorded just before the job says done
    take = mine[take_at]
    assert take["take_id"] == served.store.takes()[0].take_id and take["part"] == "drums"
    assert take["take_id"] in mine[-1]["message"]


def test_websocket_sees_song_context_changes(served: Served) -> None:
    with connect(f"ws://127.0.0.1:{served.web.port}/ws") as ws:
        ws.recv(timeout=5)
        served.live.call(lambda: setattr(served.live.song, "tempo", 133.0))
        end = time.monotonic() + 10.0
        while True:
            assert time.monotonic() < end, "no context event within 10 s"
            event = json.loads(ws.recv(timeout=max(0.01, end - time.monotonic())))
            if event["type"] == "context":
                break
    assert event["tempo_bpm"] == 133.0


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    out = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            out[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return out


def test_metrics_parse_and_move_with_requests(served: Served) -> None:
    with httpx.Client(base_url=served.url) as http:
        before = samples(http.get("/metrics").text)
        for _ in range(3):
            http.get("/api/health")
        job_id = http.post("/api/generate", json={"part": "bass", "track": 1, "slot": 7, "bars": 1}).json()[
            "job_id"
        ]
        assert wait_final(http, job_id)["state"] == "done"
        failed = http.post("/api/generate", json={"part": "drums", "track": 99, "slot": 0}).json()[
            "job_id"
        ]  # no track 99
        assert wait_final(http, failed)["state"] == "failed"
        after = samples(http.get("/metrics").text)
    health = (
        "roo_http_request_seconds_count",
        (("method", "GET"), ("route", "/api/health"), ("status", "200")),
    )
    assert after[health] - before.get(health, 0) == 3
    assert after[("roo_jobs_total", (("kind", "generate"), ("outcome", "done")))] == 1
    assert after[("roo_jobs_total", (("kind", "generate"), ("outcome", "failed")))] == 1
    assert after[("roo_job_seconds_count", (("kind", "generate"), ("outcome", "done")))] == 1
    live_trips = [v for (name, labels), v in after.items() if name == "roo_live_round_trip_seconds_count"]
    assert sum(live_trips) >= 1  # the clip write of the bass job (the song context is pushed by Live)
    assert after[("roo_queue_depth", (("state", "running"),))] == 0
    assert ("roo_packets_dropped_total", (("source", "client"),)) in after


def test_doctor_summary_reads_the_running_daemons_metrics(served: Served) -> None:
    from bridge.web.summary import metrics_summary

    with httpx.Client(base_url=served.url) as http:
        job_id = http.post("/api/generate", json={"part": "bass", "track": 1, "slot": 6, "bars": 1}).json()[
            "job_id"
        ]
        assert wait_final(http, job_id)["state"] == "done"
    lines = metrics_summary(served.web.port)
    assert lines[0] == "jobs finished: generate done 1" and lines[1] == "queue: 0 queued, 0 running"
    assert lines[2].startswith("Live round trips: ") and "mean" in lines[2]
    assert "is `roo serve` running" in metrics_summary(1)[0]


def test_an_event_is_encoded_once_for_all_clients_and_a_slow_one_loses_its_oldest() -> None:
    async def scenario() -> None:
        hub = Hub()
        queues = [hub.subscribe() for _ in range(20)]
        hub.publish({"type": "job", "job_id": 1, "state": "running", "progress": 0.5, "message": "m"})
        texts = [q.get_nowait() for q in queues]
        assert all(t is texts[0] for t in texts)  # one json.dumps, the same text queued 20 times
        event = json.loads(texts[0])
        assert event["job_id"] == 1 and event["progress"] == 0.5 and event["at_s"] > 0
        slow = queues[0]
        for i in range(QUEUE_SIZE + 3):
            hub.publish({"type": "take", "take_id": str(i)})
        assert slow.qsize() == QUEUE_SIZE and hub.dropped == 3 * 20
        assert json.loads(slow.get_nowait())["take_id"] == "3"

    asyncio.run(scenario())


def test_an_actions_structured_result_reaches_the_websocket(served: Served) -> None:
    app = served.daemon.app
    assert app is not None
    with connect(f"ws://127.0.0.1:{served.web.port}/ws") as ws:
        ws.recv(timeout=5)
        payload = {"key": "A minor", "beats_s": [0.0, 0.6], "chords": []}
        app.loop.call_soon_threadsafe(app.result, ("127.0.0.1", 0), 7, "analysis", payload)
        event = json.loads(ws.recv(timeout=5))
    assert event["type"] == "result" and event["job_id"] == 7 and event["kind"] == "analysis"
    assert event["result"] == payload
