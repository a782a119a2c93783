"""POST /api/generate with a seed past 2^63-1 once wrote 17 notes into Live, then failed to store
them (OverflowError): a clip with no take. Now the request fails before its job touches Live."""

from __future__ import annotations

import sqlite3

import httpx

from tests.bridge.web.conftest import Served
from tests.bridge.web.test_api import wait_final


def test_a_seed_past_the_range_fails_naming_it_and_writes_nothing(served: Served) -> None:
    with httpx.Client(base_url=served.url) as http:
        started = http.post("/api/generate", json={"part": "drums", "track": 0, "slot": 4, "seed": 2**64})
        assert started.status_code == 202, started.text
        job = wait_final(http, started.json()["job_id"])
    assert job["state"] == "failed", job
    assert "seed 18446744073709551616 is out of range: expected 0..9223372036854775807" in job["message"]
    assert served.live.clip_properties(0, 4) is None  # nothing landed in Live
    with sqlite3.connect(served.store.root / "h.db") as con:  # not even a pending row
        assert con.execute("SELECT count(*) FROM takes").fetchone() == (0,)
