"""The take schema value by value (issue 36: bridge/history's mutation score): each refusal's whole
message, which names the field, the bad value and what was expected (the user reads it as it is),
and every range's edges, the last value taken and the first refused.

Through ``TakeFields.of``, the one way a take's fields reach the store (test_schema.py checks that
both write paths go through it)."""

from __future__ import annotations

import json
import math
import re
from typing import Any

import numpy as np
import pytest

from bridge.history import TakeDraft, note_dict
from bridge.history.schema import TakeFields
from engines.errors import InvalidValue

NOTE = note_dict(60, 0.0, 1.0, 90)
ACTIONS = "generate, transform, analyze, separate, musicgen, command, jam, recall, infill, continue, accompany, transcribe"
NOTE_SHAPE = "a note {pitch, start_beats, length_beats, velocity}"


def _draft(**fields: Any) -> TakeDraft:
    base: dict[str, Any] = {
        "action": "generate",
        "part": "bass",
        "seed": 3,
        "context": {"tempo_bpm": 120.0, "signature": [4, 4], "key": "C major"},
        "versions": {"engine": "engines.generators:bass"},
        "notes": [NOTE],
    }
    return TakeDraft(**(base | fields))


def _note(**fields: Any) -> dict[str, Any]:
    return NOTE | fields


def _refused(draft: TakeDraft) -> str:
    with pytest.raises(InvalidValue) as said:
        TakeFields.of(draft)
    return str(said.value)


def _said(field: str, value: str, expected: str) -> str:
    return f"take field {field} {value} is invalid: expected {expected}"


REFUSED: list[tuple[dict[str, Any], str]] = [
    ({"action": "dance"}, _said("action", "'dance'", f"one of {ACTIONS}")),
    ({"part": "x" * 65}, _said("part", repr("x" * 65), "a name of at most 64 printable characters")),
    ({"part": "b\tass"}, _said("part", "'b\\tass'", "a name of at most 64 printable characters")),
    ({"part": 5}, _said("part", "5", "a name of at most 64 printable characters")),
    ({"part": ""}, _said("part", "''", "the part the notes are, e.g. 'bass'")),
    ({"seed": -1}, _said("seed", "-1", "an integer 0..9223372036854775807 (2^63-1)")),
    ({"seed": 2**63}, _said("seed", str(2**63), "an integer 0..9223372036854775807 (2^63-1)")),
    ({"seed": 3.0}, _said("seed", "3.0", "an integer 0..9223372036854775807 (2^63-1)")),
    ({"parent_id": ""}, _said("parent_id", "''", "a take id (hex) or none")),
    ({"parent_id": "a" * 17}, _said("parent_id", repr("a" * 17), "a take id (hex) or none")),
    ({"parent_id": "ABCDEF"}, _said("parent_id", "'ABCDEF'", "a take id (hex) or none")),
    ({"parent_id": "X1"}, _said("parent_id", "'X1'", "a take id (hex) or none")),
    ({"parent_id": 12}, _said("parent_id", "12", "a take id (hex) or none")),
    ({"command": None}, _said("command", "None", "text")),
    ({"message": 3}, _said("message", "3", "text")),
    ({"context": [4, 4]}, _said("context", "[4, 4]", "a JSON object")),
    ({"context": {"signature": "4/4"}}, _said("context.signature", "'4/4'", "two integers, e.g. [4, 4]")),
    (
        {"context": {"signature": [4, 4, 4]}},
        _said("context.signature", "[4, 4, 4]", "two integers, e.g. [4, 4]"),
    ),
    (
        {"context": {"signature": [3, True]}},
        _said("context.signature", "[3, True]", "two integers, e.g. [4, 4]"),
    ),
    (
        {"context": {"signature": [4, 3]}},
        _said("context.signature", "[4, 3]", "numerator 1..99 over one of (1, 2, 4, 8, 16, 32)"),
    ),
    (
        {"context": {"signature": [0, 4]}},
        _said("context.signature", "[0, 4]", "numerator 1..99 over one of (1, 2, 4, 8, 16, 32)"),
    ),
    (
        {"context": {"signature": [100, 4]}},
        _said("context.signature", "[100, 4]", "numerator 1..99 over one of (1, 2, 4, 8, 16, 32)"),
    ),
    (
        {"context": {"signature": [4, 64]}},
        _said("context.signature", "[4, 64]", "numerator 1..99 over one of (1, 2, 4, 8, 16, 32)"),
    ),
    (
        {"context": {"tempo_bpm": 19.99}},
        _said("context.tempo_bpm", "19.99", "a tempo of 20..999 BPM (Live's range)"),
    ),
    (
        {"context": {"tempo_bpm": 999.5}},
        _said("context.tempo_bpm", "999.5", "a tempo of 20..999 BPM (Live's range)"),
    ),
    (
        {"context": {"tempo_bpm": 1000}},
        _said("context.tempo_bpm", "1000", "a tempo of 20..999 BPM (Live's range)"),
    ),
    (
        {"context": {"tempo_bpm": "120"}},
        _said("context.tempo_bpm", "'120'", "a tempo of 20..999 BPM (Live's range)"),
    ),
    (
        {"context": {"tempo_bpm": True}},
        _said("context.tempo_bpm", "True", "a tempo of 20..999 BPM (Live's range)"),
    ),
    ({"context": {"key": 5}}, _said("context.key", "5", "text")),
    ({"context": {"genre": ["rock"]}}, _said("context.genre", "['rock']", "text")),
    ({"versions": ["x"]}, _said("versions", "['x']", "a JSON object")),
    (
        {"versions": {"engine": "bass"}},
        _said("versions.engine", "'bass'", "'module:name', e.g. 'engines.generators:bass'"),
    ),
    (
        {"versions": {"engine": 7}},
        _said("versions.engine", "7", "'module:name', e.g. 'engines.generators:bass'"),
    ),
    ({"params": [1]}, _said("params", "[1]", "a JSON object")),
    ({"live": "1/0"}, _said("live", "'1/0'", "a JSON object")),
    ({"live": {"track": True}}, _said("live.track", "True", "an integer >= 0")),
    ({"live": {"slot": -1}}, _said("live.slot", "-1", "an integer >= 0")),
    ({"live": {"note_count": 2.0}}, _said("live.note_count", "2.0", "an integer >= 0")),
    ({"live": {"tracks": -3}}, _said("live.tracks", "-3", "an integer >= 0")),
    ({"live": {"start_beats": -0.5}}, _said("live.start_beats", "-0.5", "beats >= 0")),
    ({"live": {"length_beats": "8"}}, _said("live.length_beats", "'8'", "beats >= 0")),
    ({"notes": "C E G"}, _said("notes", "'C E G'", "a list of notes")),
    ({"notes": [NOTE, [60, 0, 1, 90]]}, _said("notes[1]", "[60, 0, 1, 90]", NOTE_SHAPE)),
    ({"notes": [_note(pitch=128)]}, _said("notes[0].pitch", "128", "a MIDI pitch 0..127")),
    ({"notes": [_note(pitch=-1)]}, _said("notes[0].pitch", "-1", "a MIDI pitch 0..127")),
    ({"notes": [_note(pitch=60.0)]}, _said("notes[0].pitch", "60.0", "a MIDI pitch 0..127")),
    ({"notes": [_note(pitch=True)]}, _said("notes[0].pitch", "True", "a MIDI pitch 0..127")),
    ({"notes": [{"start_beats": 0.0}]}, _said("notes[0].pitch", "None", "a MIDI pitch 0..127")),
    ({"notes": [_note(start_beats=-0.25)]}, _said("notes[0].start_beats", "-0.25", "beats >= 0")),
    ({"notes": [_note(start_beats=math.inf)]}, _said("notes[0].start_beats", "inf", "beats >= 0")),
    ({"notes": [_note(start_beats=math.nan)]}, _said("notes[0].start_beats", "nan", "beats >= 0")),
    ({"notes": [_note(start_beats=True)]}, _said("notes[0].start_beats", "True", "beats >= 0")),
    ({"notes": [_note(length_beats=0)]}, _said("notes[0].length_beats", "0", "beats > 0")),
    ({"notes": [_note(length_beats=math.inf)]}, _said("notes[0].length_beats", "inf", "beats > 0")),
    ({"notes": [_note(length_beats=True)]}, _said("notes[0].length_beats", "True", "beats > 0")),
    ({"notes": [_note(velocity=128)]}, _said("notes[0].velocity", "128", "a velocity 0..127")),
    ({"notes": [_note(velocity=-1)]}, _said("notes[0].velocity", "-1", "a velocity 0..127")),
    ({"notes": [_note(velocity=90.0)]}, _said("notes[0].velocity", "90.0", "a velocity 0..127")),
    ({"notes": [_note(velocity="loud")]}, _said("notes[0].velocity", "'loud'", "a velocity 0..127")),
    # a note wrong in one field only is named by that field, its other fields at their edges
    ({"notes": [_note(pitch=0, velocity=300)]}, _said("notes[0].velocity", "300", "a velocity 0..127")),
    ({"notes": [_note(pitch=127, velocity=300)]}, _said("notes[0].velocity", "300", "a velocity 0..127")),
    (
        {"notes": [_note(start_beats=0, length_beats=-1.0)]},
        _said("notes[0].length_beats", "-1.0", "beats > 0"),
    ),
]


@pytest.mark.parametrize(
    ("bad", "message"),
    REFUSED,
    ids=[f"{i}-{re.sub(r'[^a-z_]+', '-', m[11:].split(' ')[0])}" for i, (_, m) in enumerate(REFUSED)],
)
def test_a_bad_field_is_refused_with_its_name_its_value_and_what_was_expected(
    bad: dict[str, Any], message: str
) -> None:
    assert _refused(_draft(**bad)) == message


@pytest.mark.parametrize(
    ("field", "bad", "value"),
    [
        ("context", {"context": {"swing": math.nan}}, "{'swing': nan}"),
        ("params", {"params": {"bars": math.inf}}, "{'bars': inf}"),
        ("versions", {"versions": {"model": {1, 2}}}, "{'model': {1, 2}}"),
        ("live", {"live": {"recovered": b"yes"}}, "{'recovered': b'yes'}"),
    ],
    ids=["context", "params", "versions", "live"],
)
def test_a_json_column_takes_json_values_only(field: str, bad: dict[str, Any], value: str) -> None:
    """NaN and infinity are no JSON (the JSON a take's detail is read back with would refuse them)."""
    said = _refused(_draft(**bad))
    assert said.startswith(f"take field {field} {value} is invalid: expected JSON values only ("), said


EDGES: list[dict[str, Any]] = [
    {"part": "x" * 64},
    {"part": "drums 2"},
    {"notes": None, "part": ""},  # no notes (an analysis): no part needed
    {"seed": 0},
    {"seed": 2**63 - 1},
    {"seed": None},
    {"parent_id": "a"},
    {"parent_id": "0123456789abcdef"},
    {"context": {"signature": [1, 1]}},
    {"context": {"signature": (99, 32)}},
    {"context": {"signature": [7, 8]}},
    {"context": {"tempo_bpm": 20}},
    {"context": {"tempo_bpm": 999.0}},
    {"context": {"tempo_bpm": None, "key": None, "genre": "house"}},
    {"context": {}},
    {"versions": {"engine": "engines.generators:bass"}},
    {"versions": {}},
    {"live": {"track": 0, "slot": 0, "note_count": 0, "tracks": 0, "start_beats": 0, "length_beats": 0.0}},
    {"live": {"start_beats": 0.5, "length_beats": 0.75}},
    {"notes": []},
    {"notes": [_note(pitch=0, velocity=0), _note(pitch=127, velocity=127)]},
    {"notes": [_note(start_beats=0, length_beats=1e-9), _note(start_beats=0.5, length_beats=4)]},
]


@pytest.mark.parametrize("good", EDGES, ids=[str(i) for i in range(len(EDGES))])
def test_the_edges_of_every_range_are_taken(good: dict[str, Any]) -> None:
    fields = TakeFields.of(_draft(**good))
    for name, value in good.items():
        if name in ("context", "versions", "live"):
            assert json.loads(getattr(fields, name)) == (
                {k: list(v) if isinstance(v, tuple) else v for k, v in value.items()}
            )
        elif name == "notes":
            assert fields.notes == (tuple(value) if value is not None else None)
        else:
            assert getattr(fields, name) == value


def test_the_fields_of_a_good_take_are_kept_exactly_with_the_json_columns_encoded() -> None:
    notes = [note_dict(36, 0.0, 0.25, 100), note_dict(43, 1.5, 0.5, 77)]
    draft = TakeDraft(
        "transform",
        "bass",
        params={"op": "transpose", "semitones": -2},
        seed=7,
        context={"tempo_bpm": 96.5, "signature": [6, 8], "key": "D minor", "genre": "dub"},
        versions={"engine": "engines.transforms:transpose", "roo": "0.9"},
        live={"track": 1, "slot": 3, "note_count": 2},
        command="roo transform transpose -2",
        message="down a tone",
        parent_id="0a1b2c3d4e5f",
        notes=notes,
    )
    assert TakeFields.of(draft) == TakeFields(
        action="transform",
        part="bass",
        params='{"op": "transpose", "semitones": -2}',
        seed=7,
        context='{"tempo_bpm": 96.5, "signature": [6, 8], "key": "D minor", "genre": "dub"}',
        versions='{"engine": "engines.transforms:transpose", "roo": "0.9"}',
        live='{"track": 1, "slot": 3, "note_count": 2}',
        command="roo transform transpose -2",
        message="down a tone",
        parent_id="0a1b2c3d4e5f",
        notes=(notes[0], notes[1]),
    )


def test_notes_with_numpy_beats_are_checked_field_by_field_and_taken_at_every_edge() -> None:
    """An engine's arithmetic gives numpy floats (a float subclass): such a note is no plain float
    note, so it is checked field by field, with the same ranges."""
    beat = np.float64(0.5)
    notes = [
        _note(pitch=0, start_beats=beat, velocity=0),
        _note(pitch=127, start_beats=np.float64(0.0), length_beats=beat, velocity=127),
        _note(pitch=64, start_beats=beat, velocity=1),
    ]
    assert TakeFields.of(_draft(notes=notes)).notes == tuple(notes)
    for bad, said in [
        (_note(pitch=128, start_beats=beat), _said("notes[0].pitch", "128", "a MIDI pitch 0..127")),
        (_note(velocity=128, start_beats=beat), _said("notes[0].velocity", "128", "a velocity 0..127")),
        (_note(velocity=-1, start_beats=beat), _said("notes[0].velocity", "-1", "a velocity 0..127")),
        (
            _note(length_beats=np.float64(0.0)),
            _said("notes[0].length_beats", repr(np.float64(0.0)), "beats > 0"),
        ),
    ]:
        assert _refused(_draft(notes=[bad])) == said
