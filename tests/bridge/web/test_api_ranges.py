"""Every HTTP action checks its values before its 202: a bad one is a 422 naming it, and no job runs.

POST /api/generate with a seed past 2^63-1 once wrote 17 notes into Live, then failed to store
them (OverflowError): a clip with no take. Later it answered 202 and a job that then failed "out
of range", where /api/infill answered 422 at once. Now each action runs its own request check
(``bridge.actions.CHECKS``) before the job exists.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import httpx
import pytest

from tests.bridge.web.conftest import Served

TAKE = "abcdef12"
BAD: list[tuple[str, dict[str, Any], str]] = [
    (
        "generate",
        {"part": "drums", "track": 0, "slot": 4, "seed": 2**64},
        "seed 18446744073709551616 is out of range",
    ),
    ("generate", {"part": "drums", "bars": 100000}, "bars 100000 is out of range"),
    ("generate", {"part": "kazoo"}, "kazoo"),
    ("analyze", {"track": 0, "slot": 0, "apply": 7}, "apply 7"),
    ("separate", {"track": 2**31, "slot": 0}, "2147483648"),
    ("musicgen", {"prompt": "lofi drum beat", "bars": 100000}, "100000"),
    ("musicgen", {"prompt": "lofi drum beat", "variations": 9}, "variations 9"),
    ("command", {"text": "   "}, "needs a sentence"),
    ("recall", {"take_id": TAKE, "slot": -2}, "slot -2"),
    ("fork", {"take_id": TAKE, "seed": 2**64}, "seed 18446744073709551616 is out of range"),
    ("star", {"take_id": 7}, "take id 7 (sent as a number): expected at least 6 hex"),
    ("message", {"take_id": TAKE, "message": 5}, "one message string"),
    ("project", {"name": 3}, "takes one name"),
    ("infill", {"track": 0, "slot": 0, "seed": 2**64}, "seed 18446744073709551616"),
    ("continue", {"track": 0, "slot": 0, "bars": 100000}, "100000"),
    ("accompany", {"part": "kazoo"}, "kazoo"),
    # issue 53: what the API can check before a job, it checks (the key, the take, the star)
    ("generate", {"part": "bass", "key": "H minor"}, "key 'H minor' is not valid"),
    ("fork", {"take_id": TAKE, "key": "H minor"}, "key 'H minor' is not valid"),
    ("recall", {"take_id": "zzzzzz"}, "take id 'zzzzzz': expected at least 6 hex characters of a take id"),
    ("recall", {"take_id": "abcdef"}, "take_id 'abcdef' is not known"),
    ("star", {"take_id": TAKE, "starred": 7}, "7"),
    ("generate", {"part": "drums", "track": True}, "track true is not valid"),
    ("generate", {"part": "drums", "slot": -0.0}, "slot -0.0 is not valid"),
    ("command", {"text": "x" * 5_000}, "(5,000 characters) is too long: expected at most 2,000 characters"),
]


@pytest.mark.parametrize(("action", "body", "named"), BAD, ids=[f"{a}-{n[:20]}" for a, _, n in BAD])
def test_a_bad_value_is_a_422_naming_it_before_any_job(
    served: Served, action: str, body: dict[str, Any], named: str
) -> None:
    with httpx.Client(base_url=served.url) as http:
        refused = http.post(f"/api/{action}", json=body)
        assert refused.status_code == 422, refused.text
        assert named in refused.json()["detail"], refused.text
        assert http.get("/api/jobs").json() == []  # no job was started
    assert served.live.clip_properties(0, 4) is None  # nothing landed in Live
    with sqlite3.connect(served.store.root / "h.db") as con:  # not even a pending row
        assert con.execute("SELECT count(*) FROM takes").fetchone() == (0,)
