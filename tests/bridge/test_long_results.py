"""/roo/result always fits one datagram: a long result's lists are cut to what fits (the shorter ones
kept whole), a long text or object left out, each said in ``cut``; a result that fits goes as it is.
/roo/result/get refuses a job, result or part it does not have, naming it."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bridge import osc, protocol
from bridge.jobs.board import Job
from bridge.jobs.results import FORGOTTEN, fitting, is_cut, keep_newest, message_fitting, parts_of
from tests.bridge.harness import Client, running_daemon
from tests.conftest import free_udp_port


def fit(payload: dict[str, Any], job_id: int = 7, index: int = 0) -> dict[str, Any]:
    text = fitting(payload, json.dumps(payload), job_id, index)
    assert len(text.encode()) <= protocol.RESULT_JSON_BYTES
    got: dict[str, Any] = json.loads(text)
    return got


def test_a_result_that_fits_goes_as_it_is() -> None:
    payload = {"kind": "bass", "notes": [{"pitch": 40 + i % 12, "start_s": i * 0.25} for i in range(300)]}
    assert fitting(payload, json.dumps(payload), 3, 0) == json.dumps(payload)


def test_the_longest_list_is_cut_to_what_fits_and_the_shorter_kept_whole() -> None:
    beats = [round(0.5 * i, 3) for i in range(2000)]  # about 16 kB: fits beside the cut chords
    chords = [{"label": "Am7", "start_beats": float(i), "duration_beats": 1.0} for i in range(20_000)]
    payload = {"tempo_bpm": 120.0, "key": "A minor", "beats_s": beats, "chords": chords}
    got = fit(payload, job_id=12, index=1)
    assert is_cut(got)
    assert got["tempo_bpm"] == 120.0 and got["key"] == "A minor" and got["beats_s"] == beats
    carried = got["cut"]["chords"]["carried"]
    assert got["cut"] == {"chords": {"count": 20_000, "carried": carried}}
    assert got["chords"] == chords[:carried] and carried > 100
    one_more = {**got, "chords": chords[: carried + 1]}
    assert len(json.dumps(one_more).encode()) > protocol.RESULT_JSON_BYTES  # as many as fit
    whole = json.dumps(payload)
    assert got["whole"] == {
        "job": 12,
        "result": 1,
        "bytes": len(whole),
        "parts": parts_of(whole),
        "osc": protocol.RESULT_GET,
        "http": "/api/jobs/12/result",
    }


def test_a_long_text_and_many_middling_fields_are_left_out_and_said() -> None:
    got = fit({"kind": "log", "text": "x" * 100_000})
    assert got["kind"] == "log" and got["text"] is None
    assert got["cut"] == {"text": {"count": 1, "carried": 0}}
    fields = {f"f{i}": "y" * 5000 for i in range(30)}  # 150 kB, each field under the long-field bar
    got = fit({"kind": "many", **fields})
    left_out = {k for k, v in got["cut"].items() if v == {"count": 1, "carried": 0}}
    assert left_out and left_out == set(got["cut"]) and len(left_out) < 30
    assert all(got[k] is None if k in left_out else got[k] == fields[k] for k in fields)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        ([999, 0, 0], "job 999 is not known"),
        ([1, 0], "expected three ints: job, result, part"),
        (["one", 0, 0], "expected three ints: job, result, part"),
    ],
)
def test_asking_a_part_of_what_the_daemon_does_not_have_is_refused_naming_it(
    args: list[Any], said: str
) -> None:
    with running_daemon(live_port=free_udp_port()) as daemon:
        client = Client(daemon.port)
        try:
            client.send(protocol.RESULT_GET, *args)
            address, message = client.wait_for(protocol.ERROR)
        finally:
            client.close()
    assert address == protocol.RESULT_GET and said in message, message


def test_an_error_naming_a_huge_value_still_reaches_the_sender_its_text_cut() -> None:
    """The reply to an unknown address of 65,000 characters repeats it: too long for one datagram, it
    comes cut, saying so, instead of never."""
    huge = "/roo/" + "x" * 65_000
    with running_daemon(live_port=free_udp_port()) as daemon:
        client = Client(daemon.port)
        try:
            client.send(huge)
            address, message = client.wait_for(protocol.ERROR)
        finally:
            client.close()
    assert address == huge
    assert message.startswith("unknown address '/roo/xxx") and message.endswith(" bytes in all)"), message[
        -200:
    ]
    assert "... (cut to fit one datagram: " in message
    assert len(protocol.ERROR) + len(address) + len(message) < protocol.MAX_DATAGRAM_BYTES


def test_a_message_that_fits_goes_as_it_is_and_two_huge_texts_are_both_cut() -> None:
    assert message_fitting(protocol.STATUS, [1, "done", 1.0, "ok"]) == [1, "done", 1.0, "ok"]
    got = message_fitting(protocol.ERROR, ["a" * 70_000, "b" * 80_000])
    assert len(osc.encode(protocol.ERROR, got)) <= protocol.MAX_DATAGRAM_BYTES
    assert got[1].endswith("(cut to fit one datagram: 80,000 bytes in all)")
    assert got[0].endswith("(cut to fit one datagram: 70,000 bytes in all)") and got[0].startswith("aaa")


def test_the_daemon_keeps_the_newest_whole_results_within_its_budget() -> None:
    jobs = {n: Job(n, "transcribe", ("127.0.0.1", 9000)) for n in (3, 1, 2)}
    jobs[1].results.append(("transcribe", "a" * 400))
    jobs[2].results += [("analysis", "b" * 300), ("intent", "c" * 300)]
    jobs[3].results.append(("transcribe", "d" * 300))
    keep_newest(jobs, budget_bytes=700)
    assert jobs[3].results == [("transcribe", "d" * 300)]
    assert jobs[2].results == [("analysis", FORGOTTEN), ("intent", "c" * 300)]
    assert jobs[1].results == [("transcribe", FORGOTTEN)]


@pytest.mark.parametrize("first", ["s", "t" * 2000])
def test_a_list_whose_first_items_differ_from_the_rest_is_still_cut_to_as_many_as_fit(first: str) -> None:
    """The search starts from a guess made of the first items: wrong guesses still end on the most."""
    items = [first] * 64 + ["u" * 200] * 5000
    got = fit({"kind": "uneven", "items": items})
    carried = got["cut"]["items"]["carried"]
    assert got["items"] == items[:carried] and 0 < carried < len(items)
    assert len(json.dumps({**got, "items": items[: carried + 1]}).encode()) > protocol.RESULT_JSON_BYTES
