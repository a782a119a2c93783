"""Every numeric option of every request is range-checked before its job touches Live (issue 31).

A seed of 2^64 once wrote its clip into Live, then failed to be stored (OverflowError), leaving a
clip with no take; now it is refused while the request is parsed, over OSC as over HTTP
(tests/bridge/web/test_api_ranges.py).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

import pytest
from pythonosc.osc_message_builder import OscMessageBuilder

from bridge import protocol
from bridge.actions.analyze import request as analyze_request
from bridge.actions.follow import mark as follow_mark
from bridge.actions.generate.request import MAX_BARS, parse_request
from bridge.actions.history.job import fork
from bridge.actions.musicgen import request as musicgen_request
from bridge.actions.options import INDEX_MAX, MAX_VARIATIONS, RANGES, SEED_MAX, check_range, parse_options
from bridge.actions.separate import job as separate
from bridge.actions.transform import request as transform
from engines.errors import InvalidValue
from engines.musicgen import pipeline
from livesim.host import LiveHost
from tests.bridge.harness import Client, running_daemon

TABLES = {
    "/roo/generate": protocol.GENERATE_OPTIONS,
    "/roo/transform": protocol.TRANSFORM_OPTIONS,
    "/roo/analyze": protocol.ANALYZE_OPTIONS,
    "/roo/musicgen": protocol.MUSICGEN_OPTIONS,
    protocol.HISTORY_LIST: protocol.HISTORY_LIST_OPTIONS,
    protocol.HISTORY_RECALL: {"track": "int", "slot": "int"},
}


def test_every_numeric_option_of_every_request_has_a_range() -> None:
    lacking = [
        f"{what} {name}"
        for what, table in TABLES.items()
        for name, kind in table.items()
        if kind != "str" and name not in RANGES
    ]
    assert lacking == []
    assert MAX_BARS == RANGES["bars"].hi and MAX_VARIATIONS == pipeline.MAX_VARIATIONS


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["seed", 2**64], "seed 18446744073709551616 is out of range: expected 0..9223372036854775807"),
        (["seed", 2**63], "seed 9223372036854775808 is out of range"),
        (["seed", -1], "seed -1 is out of range: expected 0..9223372036854775807"),
        (["seed", 1e19], "seed 10000000000000000000 is out of range"),
        (["track", 2**40], "track 1099511627776 is out of range: expected -1..2147483647"),
        (["bars", 10**30], "bars 1000000000000000000000000000000 is out of range: expected 1..256"),
        (["density", math.nan], "density nan is not a number"),
        (["density", math.inf], "density inf is out of range: expected 0..1"),
        (["density", 10**400], "density .an integer of 1329 bits. is out of range"),  # not an OverflowError
        (["replace", 2], "replace 2 is out of range: expected 0..1"),
    ],
)
def test_generate_values_out_of_range_are_named_with_the_range(args: list[object], named: str) -> None:
    with pytest.raises(InvalidValue, match=named):
        parse_request(["drums", *args])


def test_the_largest_seed_and_the_edges_pass() -> None:
    req = parse_request(["drums", "seed", SEED_MAX, "track", -1, "bars", 256, "density", 0, "replace", 1])
    assert (req.seed, req.track, req.bars, req.density, req.replace) == (SEED_MAX, -1, 256, 0.0, True)


@pytest.mark.parametrize(
    ("parse", "args", "named"),
    [
        (transform.parse_request, ["humanize", "track", 0, "slot", 0, "seed", 2**64], "seed 1844"),
        (transform.parse_request, ["transpose", "track", 0, "slot", 0, "semitones", 2**70], "semitones"),
        (musicgen_request.parse_request, ["lofi", "seed", 2**64], "seed 1844"),
        (
            musicgen_request.parse_request,
            ["lofi", "variations", 10**20],
            "variations 100000000000000000000 is out of range: expected 1..8",
        ),
    ],
)
def test_transform_and_musicgen_ranges(parse: object, args: list[object], named: str) -> None:
    with pytest.raises(InvalidValue, match=named):
        parse(args)  # type: ignore[operator]


@pytest.mark.parametrize(
    ("parse", "args", "named"),
    [
        (
            separate.parse_request,
            [2**40, 0],
            "/roo/separate track 1099511627776 is out of range: expected -1..2147483647",
        ),
        (
            separate.parse_request,
            [0, 2**31],
            "/roo/separate slot 2147483648 is out of range: expected -1..2147483647",
        ),
        (
            separate.parse_request,
            [-2, 0, "htdemucs"],
            "/roo/separate track -2 is out of range: expected -1..2147483647",
        ),
        (separate.parse_request, [1.5, 0], "/roo/separate track 1.5 is not valid: expected a whole number"),
        (
            separate.parse_request,
            [0, math.nan],
            "/roo/separate slot nan is not valid: expected a whole number",
        ),
        (
            musicgen_request.parse_request,
            ["lofi", 4, 2**40, 0],
            "/roo/musicgen track 1099511627776 is out of range",
        ),
        (
            musicgen_request.parse_request,
            ["lofi", 2**31, 0],
            "/roo/musicgen track 2147483648 is out of range",
        ),
        (
            musicgen_request.parse_request,
            ["lofi", 4, 0, -5],
            "/roo/musicgen slot -5 is out of range: expected -1..",
        ),
        (
            musicgen_request.parse_request,
            ["lofi", 4, 2.5, 0],
            "/roo/musicgen track 2.5 is not valid: expected a whole",
        ),
        (musicgen_request.parse_request, ["lofi", 4, 0, math.nan], "/roo/musicgen slot nan is not valid"),
        (
            musicgen_request.parse_request,
            ["lofi", math.inf],
            "/roo/musicgen bars inf is not valid",
        ),  # not an OverflowError
        (
            musicgen_request.parse_request,
            ["lofi", 10**30],
            "/roo/musicgen bars 1000000000000000000000000000000 is out of range: expected 1..64",
        ),
    ],
)
def test_separate_and_musicgen_positional_track_and_slot_are_range_checked(
    parse: object, args: list[object], named: str
) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse(args)  # type: ignore[operator]
    assert str(caught.value).startswith(named)


@pytest.mark.parametrize(
    ("parse", "args", "named"),
    [
        (
            analyze_request.parse_request,
            [2**40, 0],
            "/roo/analyze track 1099511627776 is out of range: expected -1..",
        ),
        (
            analyze_request.parse_request,
            [0, -2, "apply", 1],
            "/roo/analyze slot -2 is out of range: expected -1..",
        ),
        (follow_mark.parse, [0, 2**31], f"{protocol.FOLLOW} slot 2147483648 is out of range: expected -1.."),
        (follow_mark.parse, [-3, 0], f"{protocol.FOLLOW} track -3 is out of range: expected -1.."),
    ],
)
def test_analyze_and_follow_positional_track_and_slot_are_range_checked(
    parse: object, args: list[object], named: str
) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse(args)  # type: ignore[operator]
    assert str(caught.value).startswith(named)
    assert follow_mark.parse([INDEX_MAX, -1]) == (INDEX_MAX, -1)


@pytest.mark.parametrize(
    ("parse", "args", "named"),
    [
        (separate.parse_request, [True, 0], "/roo/separate track True is not valid: expected a whole number"),
        (
            separate.parse_request,
            [0, False],
            "/roo/separate slot False is not valid: expected a whole number",
        ),
        (musicgen_request.parse_request, ["lofi", True], "/roo/musicgen bars True is not valid"),
        (musicgen_request.parse_request, ["lofi", 4, True, 0], "/roo/musicgen track True is not valid"),
    ],
)
def test_a_positional_whole_number_refuses_true_and_false(
    parse: object, args: list[object], named: str
) -> None:
    # OSC's T and F, and JSON's true and false (the HTTP API, MCP), arrive as bools: Python's True is
    # the int 1, so without its own refusal `/roo/separate T 0` would separate track 1
    with pytest.raises(InvalidValue) as caught:
        parse(args)  # type: ignore[operator]
    assert str(caught.value).startswith(named), caught.value


def test_separate_and_musicgen_take_the_largest_index_and_whole_floats() -> None:
    req = separate.parse_request([INDEX_MAX, 2.0])
    assert (req.track, req.slot) == (INDEX_MAX, 2) and isinstance(req.slot, int)
    loop = musicgen_request.parse_request(["lofi", 8.0, 0, INDEX_MAX])
    assert (loop.bars, loop.track, loop.slot) == (8, 0, INDEX_MAX) and isinstance(loop.bars, int)


def test_fork_recall_and_list_options_are_range_checked() -> None:
    with pytest.raises(InvalidValue, match=r"limit 0 is out of range: expected 1\.\.10000"):
        parse_options(["limit", 0], protocol.HISTORY_LIST_OPTIONS, what=protocol.HISTORY_LIST)
    with pytest.raises(InvalidValue, match="slot 4294967296 is out of range"):
        parse_options(["slot", 2**32], TABLES[protocol.HISTORY_RECALL], what=protocol.HISTORY_RECALL)
    with pytest.raises(InvalidValue, match="seed 18446744073709551616"):
        parse_options(["seed", 2**64], protocol.GENERATE_OPTIONS, what=protocol.HISTORY_FORK)
    assert fork.__name__ == "fork"  # fork parses its changes with GENERATE_OPTIONS (above) first
    with pytest.raises(InvalidValue, match="track -2"):
        check_range("track", -2, what="/roo/separate")


@pytest.fixture
def live() -> Iterator[LiveHost]:
    host = LiveHost(port=0).start_in_thread()
    yield host
    host.stop()


def test_over_osc_a_seed_past_the_range_fails_before_anything_lands(live: LiveHost) -> None:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:  # OSC carries at most int64: a float is how a larger number arrives
            client.send(protocol.GENERATE, "drums", "track", 0, "slot", 2, "bars", 1, "seed", 1.9e19)
            final = client.wait_final(10.0)
        finally:
            client.close()
    assert final[1] == "failed" and re.search(r"seed 1900000\d+ is out of range: expected 0\.\.", final[3]), (
        final
    )
    assert live.clip_properties(0, 2) is None


def test_over_osc_a_true_where_a_track_goes_is_refused_naming_it(live: LiveHost) -> None:
    builder = OscMessageBuilder(address=protocol.SEPARATE)
    builder.add_arg(True, OscMessageBuilder.ARG_TYPE_TRUE)  # as a Max patch or another OSC peer sends it
    builder.add_arg(0, OscMessageBuilder.ARG_TYPE_INT)
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            client.send_raw(builder.build().dgram)
            final = client.wait_final(10.0)
        finally:
            client.close()
    assert final[1] == "failed" and "track True is not valid: expected a whole number" in final[3], final
