"""HTTP request bodies (JSON objects) turned into the OSC argument lists the actions already parse.

Each action keeps its one parser (bridge/actions/); this only lays a JSON object out the way its
OSC address takes it, refusing names the address does not know so a typo is answered at once.
The API then runs the action's own check (``bridge.actions.CHECKS``: the ranges of
``bridge/actions/options.py``), so a bad value is answered 422 naming it, before any job.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from bridge import protocol
from bridge.actions.inputs import check_option
from engines.errors import InvalidValue

Body = dict[str, Any]


def _pairs(body: Body, table: Mapping[str, str], skip: tuple[str, ...], what: str) -> list[Any]:
    unknown = sorted(set(body) - set(table) - set(skip))
    if unknown:
        raise InvalidValue(
            f"{what}: field(s) {', '.join(unknown)} not known: expected {', '.join([*skip, *table])}"
        )
    out: list[Any] = []
    for name in table:
        if name in body and body[name] is not None:
            check_option(what, name, body[name], table[name])
            out += [name, body[name]]
    return out


def _required(body: Body, name: str, what: str, kind: str = "str") -> Any:
    if name not in body:
        raise InvalidValue(f"{what}: field {name!r} is required")
    if isinstance(body[name], str) == (kind == "str"):  # else the action's own parser names the mix-up
        check_option(what, name, body[name], kind)
    return body[name]


def _track_slot(body: Body, what: str) -> list[Any]:
    if ("track" in body) != ("slot" in body):
        raise InvalidValue(f"{what}: give both 'track' and 'slot', or neither")
    for name in ("track", "slot"):
        if name in body:
            check_option(what, name, body[name], "int")
    return [body["track"], body["slot"]] if "track" in body else []


def generate(body: Body) -> list[Any]:
    return [
        _required(body, "part", "generate"),
        *_pairs(body, protocol.GENERATE_OPTIONS, ("part",), "generate"),
    ]


def analyze(body: Body) -> list[Any]:
    rest = {k: v for k, v in body.items() if k not in ("track", "slot")}
    return [*_track_slot(body, "analyze"), *_pairs(rest, protocol.ANALYZE_OPTIONS, (), "analyze")]


def transcribe(body: Body) -> list[Any]:
    rest = {k: v for k, v in body.items() if k not in ("track", "slot")}
    return [*_track_slot(body, "transcribe"), *_pairs(rest, protocol.TRANSCRIBE_OPTIONS, (), "transcribe")]


def separate(body: Body) -> list[Any]:
    _pairs(body, {}, ("track", "slot", "model"), "separate")
    model = [_required(body, "model", "separate")] if body.get("model") else []
    return [*_track_slot(body, "separate"), *model]


def musicgen(body: Body) -> list[Any]:
    fixed = ("prompt", "bars", "track", "slot")
    bars = [_required(body, "bars", "musicgen", "int")] if "bars" in body else []
    args = [_required(body, "prompt", "musicgen"), *bars]
    return [
        *args,
        *_track_slot(body, "musicgen"),
        *_pairs(body, protocol.MUSICGEN_OPTIONS, fixed, "musicgen"),
    ]


def command(body: Body) -> list[Any]:
    _pairs(body, {}, ("text",), "command")
    return [_required(body, "text", "command")]


def recall(body: Body) -> list[Any]:
    where = {"track": "int", "slot": "int"}  # as over OSC
    return [_required(body, "take_id", "recall"), *_pairs(body, where, ("take_id",), "recall")]


def fork(body: Body) -> list[Any]:
    return [
        _required(body, "take_id", "fork"),
        *_pairs(body, protocol.GENERATE_OPTIONS, ("take_id",), "fork"),
    ]


def star(body: Body) -> list[Any]:
    _pairs(body, {}, ("take_id", "starred"), "star")
    starred = body.get("starred", True)  # true/false, or 1/0 as over OSC; anything else is refused
    return [_required(body, "take_id", "star"), int(starred) if isinstance(starred, bool) else starred]


def message(body: Body) -> list[Any]:
    _pairs(body, {}, ("take_id", "message"), "message")
    return [_required(body, "take_id", "message"), _required(body, "message", "message")]


def project(body: Body) -> list[Any]:
    _pairs(body, {}, ("name",), "project")
    return [_required(body, "name", "project")]


def infill(body: Body) -> list[Any]:
    """track and slot default to -1 (the selected clip); bars "FROM-TO" as over OSC."""
    clip = [_required({"track": -1, "slot": -1, **body}, n, "infill", "int") for n in ("track", "slot")]
    return [*clip, *_pairs(body, protocol.INFILL_OPTIONS, ("track", "slot"), "infill")]


def continue_(body: Body) -> list[Any]:
    clip = [_required({"track": -1, "slot": -1, **body}, n, "continue", "int") for n in ("track", "slot")]
    pairs = _pairs(body, protocol.CONTINUE_OPTIONS, ("track", "slot"), "continue")
    return [*clip, *pairs]


def accompany(body: Body) -> list[Any]:
    pairs = _pairs(body, protocol.ACCOMPANY_OPTIONS, ("part",), "accompany")
    return [_required(body, "part", "accompany"), *pairs]


# /api/<name> -> (the OSC job address it runs, how its JSON body becomes that address's arguments)
ACTIONS: dict[str, tuple[str, Callable[[Body], list[Any]]]] = {
    "generate": (protocol.GENERATE, generate),
    "analyze": (protocol.ANALYZE, analyze),
    "separate": (protocol.SEPARATE, separate),
    "transcribe": (protocol.TRANSCRIBE, transcribe),
    "musicgen": (protocol.MUSICGEN, musicgen),
    "command": (protocol.COMMAND, command),
    "recall": (protocol.HISTORY_RECALL, recall),
    "fork": (protocol.HISTORY_FORK, fork),
    "star": (protocol.HISTORY_STAR, star),
    "message": (protocol.HISTORY_MESSAGE, message),
    "project": (protocol.HISTORY_PROJECT, project),
    "infill": (protocol.INFILL, infill),
    "continue": (protocol.CONTINUE, continue_),
    "accompany": (protocol.ACCOMPANY, accompany),
}
