"""The HTTP API against a real daemon, the in-memory Live and a take store, over real TCP."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
import time
from typing import Any

import httpx

from bridge import protocol
from tests.bridge.harness import Client
from tests.bridge.web.conftest import Served


def wait_final(http: httpx.Client, job_id: int, timeout_s: float = 15.0) -> dict[str, Any]:
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        job: dict[str, Any] = http.get(f"/api/jobs/{job_id}").json()
        if job["state"] in protocol.FINAL_STATES:
            return job
        time.sleep(0.02)
    raise AssertionError(f"job {job_id} did not finish: {job}")


def test_health_names_live_and_version(served: Served) -> None:
    with httpx.Client(base_url=served.url) as http:
        got = http.get("/api/health")
    assert got.status_code == 200
    body = got.json()
    assert body["ok"] is True and body["live"] is True and body["version"]


def test_the_servers_connections_send_without_waiting_for_acks(served: Served) -> None:
    """Nagle off (TCP_NODELAY) on every served connection: uvicorn writes a response's headers and
    body apart, and with Nagle on the body waited for the client's delayed ACK (about 40 ms) on every
    request that followed another at once."""
    import socket

    with httpx.Client(base_url=served.url) as http:
        assert http.get("/api/health").status_code == 200
        server = served.web._server
        assert server is not None
        connections = list(server.server_state.connections)
        assert connections, "the keep-alive connection is not known to the server"
        for connection in connections:
            sock = connection.transport.get_extra_info("socket")
            assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0


def test_generate_is_a_job_whose_take_is_listed_shown_and_in_live(served: Served) -> None:
    with httpx.Client(base_url=served.url) as http:
        started = http.post(
            "/api/generate", json={"part": "bass", "track": 1, "slot": 3, "bars": 2, "seed": 4}
        )
        assert started.status_code == 202, started.text
        job = wait_final(http, started.json()["job_id"])
        assert job["state"] == "done" and job["progress"] == 1.0, job
        assert set(job) >= {"job_id", "state", "progress", "message"}
        takes = http.get("/api/takes").json()
        assert [t["take_id"] for t in takes] == [t.summary()["take_id"] for t in served.store.takes()]
        assert takes[0]["part"] == "bass" and takes[0]["take_id"] in job["message"]
        detail = http.get(f"/api/takes/{takes[0]['take_id'][:8]}").json()
    assert detail == served.store.get(takes[0]["take_id"]).detail()
    client = Client(served.daemon.port)
    try:  # the notes the take holds are the notes Live holds, read back over OSC
        client.send(protocol.CLIP_GET_NOTES, 1, 3, port=served.live.port)
        reply = client.wait_for(protocol.CLIP_GET_NOTES)
    finally:
        client.close()
    assert len(reply[2:]) // 5 == len(detail["notes"]) > 0
    # Not only the store's own view: the notes Live holds, read from the in-memory Live itself, and
    # the row the database holds, read with sqlite3 (no code of the store's).
    held = [(p, s, d, v) for p, s, d, v, _mute in served.live.clip_notes(1, 3)]
    assert [(n["pitch"], n["start_beats"], n["length_beats"], n["velocity"]) for n in detail["notes"]] == held
    assert detail["context"]["tempo_bpm"] == served.live.call(lambda: served.live.song.tempo)
    with contextlib.closing(sqlite3.connect(served.store_path)) as db:
        row = db.execute(
            "SELECT t.take_id, t.action, t.part, t.seed, t.params, o.notes FROM takes t "
            "JOIN outputs o ON o.take_id = t.take_id WHERE o.kind = 'midi'"
        ).fetchall()
    assert len(row) == 1
    take_id, action, part, seed, params, notes = row[0]
    assert (take_id, action, part, seed) == (detail["take_id"], "generate", "bass", 4)
    assert json.loads(params)["bars"] == 2
    assert [tuple(row) for row in json.loads(notes)] == held  # [pitch, start, length, velocity] rows


def test_bad_requests_are_answered_with_what_was_expected(served: Served) -> None:
    with httpx.Client(base_url=served.url) as http:
        typo = http.post("/api/generate", json={"part": "bass", "barz": 4})
        assert typo.status_code == 422 and "barz" in typo.text and "bars" in typo.text
        unknown = http.post("/api/dance", json={})
        assert unknown.status_code == 404 and "generate" in unknown.text
        json_type = {"content-type": "application/json"}
        assert http.post("/api/generate", content=b"[1]", headers=json_type).status_code == 422
        assert http.get("/api/jobs/999").status_code == 404
        assert http.get("/api/takes/abcdef").status_code == 404
        # a bad part is the action's own parser's answer, as over OSC, given before any job: a 422
        tuba = http.post("/api/generate", json={"part": "tuba"})
        assert (
            tuba.status_code == 422 and "tuba" in tuba.json()["detail"] and "drums" in tuba.json()["detail"]
        )
        big = http.post("/api/command", content=b"x" * 70_000, headers={"content-type": "application/json"})
        assert big.status_code == 413


def hold_live(served: Served) -> threading.Event:
    """Keep Live's main thread busy until the returned event is set (a job then waits on Live)."""
    gate = threading.Event()
    threading.Thread(target=lambda: served.live.call(lambda: gate.wait(5), timeout=10), daemon=True).start()
    return gate


def test_cancel_a_running_job_and_a_finished_one(served: Served) -> None:
    with httpx.Client(base_url=served.url) as http:
        gate = hold_live(served)
        try:
            job_id = http.post("/api/generate", json={"part": "bass", "track": 1, "slot": 5}).json()["job_id"]
            assert http.get(f"/api/jobs/{job_id}").json()["state"] == "running"
            cancelled = http.delete(f"/api/jobs/{job_id}")
            assert cancelled.status_code == 200, cancelled.text
            live = served.daemon.live
            end = time.monotonic() + 5
            while {protocol.RS_WRITE_CLIP_FOR, protocol.RS_WRITE_CLIP_FROM} & set(
                live.waiting_for()
            ) and not live.cancels_sent:
                assert time.monotonic() < end, "a write on its way to Live was not cancelled there"
                time.sleep(0.005)
        finally:
            gate.set()
        # a write that had left for Live is refused there: the cancel reached Live in the same tick
        assert wait_final(http, job_id)["state"] == "cancelled"
        assert served.live.clip_properties(1, 5) is None  # nothing was written
        again = http.delete(f"/api/jobs/{job_id}")
        assert again.status_code == 409 and "cancelled" in again.text


def test_song_context_is_lives(served: Served) -> None:
    with httpx.Client(base_url=served.url) as http:
        ctx = http.get("/api/context").json()
    assert set(protocol.CONTEXT_FIELDS) <= set(ctx) | {"tempo_bpm"}
    song = served.live.song
    in_live = served.live.call(
        lambda: (song.tempo, song.signature_numerator, song.root_note, song.scale_name, len(song.tracks))
    )
    assert (ctx["tempo_bpm"], ctx["signature_numerator"], ctx["root_note"], ctx["scale_name"]) == in_live[:4]
    assert ctx["num_tracks"] == in_live[4] > 0


def test_openapi_docs_list_every_route_without_outside_scripts(served: Served) -> None:
    with httpx.Client(base_url=served.url) as http:
        page = http.get("/docs").text
        schema = http.get("/openapi.json").json()
    for path in ("/api/health", "/api/{action}", "/api/jobs/{job_id}", "/api/takes", "/api/takes/{take_id}"):
        assert path in schema["paths"] and f"<code>{path}</code>" in page
    assert "<script" not in page and "http" not in page.replace("HTTP API", "")
