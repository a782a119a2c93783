"""POST /api/infill, /api/continue, /api/accompany (issue 34): the OSC addresses' own request path over
HTTP. On `roo sim` + `roo serve` with a tiny random MIDI-GPT checkpoint each writes where it says (the
infill keeps every note outside its bars, a take whose parent is the clip's); a bad value is refused 422
naming it before any job, and another site's page or Host is refused by the guard as on every route."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from engines.infill import LICENCE
from engines.infill.random_model import save_random_checkpoint
from tests.bridge.web.conftest import Served
from tests.bridge.web.processes import sim_and_serve
from tests.bridge.web.test_api import wait_final
from tests.bridge.web.test_page import live_notes

MODEL_S = 180.0  # the first job starts the model worker (torch, midigpt) on shared cores


def tiny_checkpoint(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_random_checkpoint(tmp_path_factory.mktemp("midigpt") / "tiny.safetensors", seed=5)


def no_published_weights(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("OMP_NUM_THREADS", "1")  # the spawned worker: tiny model, shared cores
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))  # an empty cache: no published weights


@pytest.fixture(scope="module")
def ckpt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_checkpoint(tmp_path_factory)


@pytest.fixture
def model_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    no_published_weights(monkeypatch, tmp_path)
    yield


def run(http: httpx.Client, route: str, body: dict[str, Any]) -> dict[str, Any]:
    started = http.post(route, json=body)
    assert started.status_code == 202, started.text
    return wait_final(http, started.json()["job_id"], timeout_s=MODEL_S)


def test_infill_continue_and_accompany_over_http_on_roo_sim_and_serve(
    model_env: None, ckpt: Path, tmp_path: Path
) -> None:
    with sim_and_serve(tmp_path / "data") as roo, httpx.Client(base_url=roo.url, timeout=30) as http:
        made = run(http, "/api/generate", {"part": "melody", "track": 0, "slot": 0, "bars": 4, "seed": 2})
        assert made["state"] == "done", made
        before = live_notes(roo, 0, 0)
        assert before

        job = run(http, "/api/infill", {"track": 0, "slot": 0, "bars": "2-3", "model": str(ckpt), "seed": 3})
        assert job["state"] == "done" and job["progress"] == 1.0, job
        assert job["kind"] == "infill" and "bars 2-3 rewritten in place" in job["message"], job
        after = live_notes(roo, 0, 0)
        kept = sorted(n for n in before if not 4.0 <= n[1] < 12.0)
        assert sorted(n for n in after if not 4.0 <= n[1] < 12.0) == kept  # note for note
        takes = http.get("/api/takes").json()
        assert [t["action"] for t in takes] == ["infill", "generate"]
        assert takes[0]["parent_id"] == takes[1]["take_id"]  # a take of the clip it was made from

        job = run(http, "/api/continue", {"track": 0, "slot": 0, "bars": 2, "model": str(ckpt), "seed": 1})
        assert job["state"] == "done", job
        assert "2 new bars in track 1, scene 2" in job["message"], job
        assert live_notes(roo, 0, 1) and live_notes(roo, 0, 0) == after  # the source clip untouched

        job = run(http, "/api/accompany", {"part": "bass", "model": str(ckpt), "seed": 4})
        assert job["state"] == "done", job
        found = re.search(r"a bass clip of (\d+) notes in track (\d+), scene (\d+)", job["message"])
        assert found, job
        count, track, slot = (int(g) for g in found.groups())
        track, slot = track - 1, slot - 1  # the answer counts from 1, as Live shows them
        assert (track, slot) != (0, 0) and len(live_notes(roo, track, slot)) == count

        # no weights for the published model: the job fails with what to do and the licence named
        missing = run(http, "/api/infill", {"track": 0, "slot": 0})
        assert missing["state"] == "failed" and LICENCE in missing["message"], missing
        assert live_notes(roo, 0, 0) == after


@pytest.mark.parametrize(
    ("route", "body", "named"),
    [
        (
            "/api/infill",
            {"track": 0, "slot": 0, "density": 1.5},
            "density 1.5 is out of range: expected 0..1",
        ),
        ("/api/infill", {"track": 0, "slot": 0, "bars": "8-5"}, "bars '8-5' is not a bar range"),
        ("/api/infill", {"track": 0, "slot": 0, "seed": 2**64}, "seed 18446744073709551616 is out of range"),
        ("/api/infill", {"track": "zero", "slot": 0}, "expected a track and a slot first"),
        ("/api/infill", {"track": 0, "slot": 0, "barz": "2"}, "field(s) barz not known"),
        ("/api/continue", {"track": 0, "slot": 0}, "needs bars"),
        ("/api/continue", {"bars": 0}, "bars 0 is out of range: expected 1..64"),
        ("/api/continue", {"bars": 2, "extend": 2}, "extend = 2 is not valid: expected 0 or 1"),
        ("/api/continue", {"bars": 2, "variations": 9}, "variations 9 is out of range: expected 1..8"),
        ("/api/accompany", {"part": "flute"}, "part 'flute' is not known: expected one of drums, bass"),
        ("/api/accompany", {}, "field 'part' is required"),
    ],
)
def test_a_bad_value_is_refused_422_naming_it_before_any_job(
    served: Served, route: str, body: dict[str, Any], named: str
) -> None:
    with httpx.Client(base_url=served.url) as http:
        jobs = http.get("/api/jobs").json()
        refused = http.post(route, json=body)
        assert refused.status_code == 422, refused.text
        assert named in refused.json()["detail"], refused.json()
        assert http.get("/api/jobs").json() == jobs  # nothing started


def test_the_guard_and_the_json_rule_hold_on_the_new_routes(served: Served) -> None:
    body = {"part": "bass", "model": "/nowhere.safetensors"}
    with httpx.Client(base_url=served.url) as http:
        for route in ("/api/infill", "/api/continue", "/api/accompany"):
            other_site = http.post(route, json=body, headers={"Origin": "http://evil.example"})
            assert other_site.status_code == 403 and "another site" in other_site.text
            rebound = http.post(route, json=body, headers={"Host": f"evil.example:{served.web.port}"})
            assert rebound.status_code == 403 and "DNS rebinding" in rebound.text
            form = http.post(route, content=b"part=bass", headers={"content-type": "text/plain"})
            assert form.status_code == 415
        assert http.get("/api/jobs").json() == []


def test_the_forms_options_name_the_new_routes_fields(served: Served) -> None:
    with httpx.Client(base_url=served.url) as http:
        offered = http.get("/api/options").json()
    assert offered["infill_parts"] == ["drums", "bass", "chords", "melody"]
    arrangement = {"arrangement", "source_track", "source_at", "at", "replace"}  # issue 43
    assert (
        set(offered["infill_options"])
        == {"bars", "model", "seed", "density", "complexity", "variations"} | arrangement
    )
    assert set(offered["continue_options"]) - set(offered["accompany_options"]) == {"bars", "extend"}


def test_cancel_an_infill_job_over_http(served: Served, ckpt: Path) -> None:
    from tests.bridge.web.test_api import hold_live

    with httpx.Client(base_url=served.url) as http:
        made = run(http, "/api/generate", {"part": "melody", "track": 0, "slot": 0, "bars": 2, "seed": 2})
        assert made["state"] == "done", made
        before = served.live.clip_notes(0, 0)
        gate = hold_live(served)  # the job waits on Live (reading the clip) until the gate opens
        try:
            job_id = http.post("/api/infill", json={"track": 0, "slot": 0, "model": str(ckpt)}).json()[
                "job_id"
            ]
            end = time.monotonic() + 10
            while http.get(f"/api/jobs/{job_id}").json()["state"] != "running":
                assert time.monotonic() < end, "the infill job did not start"
                time.sleep(0.01)
            cancelled = http.delete(f"/api/jobs/{job_id}")
            assert cancelled.status_code == 200, cancelled.text
        finally:
            gate.set()
        assert wait_final(http, job_id)["state"] == "cancelled"
    assert served.live.clip_notes(0, 0) == before
