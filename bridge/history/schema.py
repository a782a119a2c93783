"""The one schema of a take, checked on write: ``TakeFields.of(draft)`` is the only way a take's
fields reach the store (``commit.write_take`` and the SQLite fast path both write from it), so every
producer of takes (generate, transform, jam, recall, fork, musicgen, separate, analyze) goes
through it. A bad field raises InvalidValue naming the field, its value and what was expected.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from bridge.history.takes import ACTIONS, TakeDraft
from engines.automation import Drawn
from engines.errors import InvalidValue

SEED_MAX = 2**63 - 1  # SQLite's INTEGER and PostgreSQL's BIGINT
DENOMINATORS = (1, 2, 4, 8, 16, 32)
LIVE_INTS = ("track", "slot", "note_count", "tracks")
LIVE_BEATS = ("length_beats", "start_beats")
MAX_TEXT = 64  # part, like the column
SET_ID_MAX = 64  # the Set's id, like its column
NUMBERS = (int, float)  # exactly: bool is no number of beats


def _fail(field: str, value: Any, expected: str) -> InvalidValue:
    return InvalidValue(f"take field {field} {value!r} is invalid: expected {expected}")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)) and math.isfinite(value)


def _json(field: str, value: Any) -> str:
    if not isinstance(value, dict):
        raise _fail(field, value, "a JSON object")
    try:
        return json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise _fail(field, value, f"JSON values only ({exc})") from exc


def check_signature(value: Any) -> tuple[int, int]:
    """Two integers, e.g. [4, 4]: numerator 1..99, denominator a power of two up to 32."""
    if not isinstance(value, (list, tuple)) or len(value) != 2 or not all(_is_int(v) for v in value):
        raise _fail("context.signature", value, "two integers, e.g. [4, 4]")
    num, den = value
    if not 1 <= num <= 99 or den not in DENOMINATORS:
        raise _fail("context.signature", value, f"numerator 1..99 over one of {DENOMINATORS}")
    return int(num), int(den)


def check_context(context: Any) -> str:
    if not isinstance(context, dict):
        raise _fail("context", context, "a JSON object")
    if "signature" in context:
        check_signature(context["signature"])
    tempo = context.get("tempo_bpm")
    if tempo is not None and (not _is_number(tempo) or not 20 <= tempo <= 999):
        raise _fail("context.tempo_bpm", tempo, "a tempo of 20..999 BPM (Live's range)")
    for name in ("key", "genre"):
        if context.get(name) is not None and not isinstance(context[name], str):
            raise _fail(f"context.{name}", context[name], "text")
    return _json("context", context)


def check_live(live: Any) -> str:
    """Where Live holds the take: track and slot (or arrangement start_beats) as Live answered."""
    if not isinstance(live, dict):
        raise _fail("live", live, "a JSON object")
    for name in LIVE_INTS:
        if name in live and (not _is_int(live[name]) or live[name] < 0):
            raise _fail(f"live.{name}", live[name], "an integer >= 0")
    for name in LIVE_BEATS:
        value = live.get(name)
        if value is not None and (not _is_number(value) or value < 0):
            raise _fail(f"live.{name}", value, "beats >= 0")
    if "envelopes" in live:  # the envelopes MuseAroo drew on the take's clip
        if not isinstance(live["envelopes"], list):
            raise _fail("live.envelopes", live["envelopes"], "a list of envelopes")
        for envelope in live["envelopes"]:
            Drawn.from_json(envelope)
    return _json("live", live)


def check_notes(notes: Any) -> None:
    """Every note well formed; the common case in one pass of plain comparisons (a take's notes are
    checked on the generate path), a note that fails them checked again field by field."""
    if not isinstance(notes, list):
        raise _fail("notes", notes, "a list of notes")
    for i, n in enumerate(notes):
        try:
            pitch, start, length, velocity = n["pitch"], n["start_beats"], n["length_beats"], n["velocity"]
            if (
                pitch.__class__ is int and 0 <= pitch <= 127
                and velocity.__class__ is int and 0 <= velocity <= 127
                and start.__class__ in NUMBERS and 0 <= start < math.inf
                and length.__class__ in NUMBERS and 0 < length < math.inf
            ):  # fmt: skip
                continue
        except (KeyError, TypeError):
            pass
        _check_note(i, n)


def _check_note(i: int, n: Any) -> None:
    """The field of note ``i`` that is wrong, named (NaN and infinity fail the fast comparisons)."""
    if not isinstance(n, dict):
        raise _fail(f"notes[{i}]", n, "a note {pitch, start_beats, length_beats, velocity}")
    pitch: Any = n.get("pitch")
    start: Any = n.get("start_beats")
    length: Any = n.get("length_beats")
    velocity: Any = n.get("velocity")
    if not _is_int(pitch) or not 0 <= pitch <= 127:
        raise _fail(f"notes[{i}].pitch", pitch, "a MIDI pitch 0..127")
    if not _is_number(start) or start < 0:
        raise _fail(f"notes[{i}].start_beats", start, "beats >= 0")
    if not _is_number(length) or length <= 0:
        raise _fail(f"notes[{i}].length_beats", length, "beats > 0")
    if not _is_int(velocity) or not 0 <= velocity <= 127:
        raise _fail(f"notes[{i}].velocity", velocity, "a velocity 0..127")


def check_versions(versions: Any) -> str:
    text = _json("versions", versions)
    engine = versions.get("engine")
    if engine is not None and (not isinstance(engine, str) or ":" not in engine):
        raise _fail("versions.engine", engine, "'module:name', e.g. 'engines.generators:bass'")
    return text


@dataclass(frozen=True, slots=True)
class TakeFields:
    """A take's columns, every one checked (``of``); JSON columns already encoded."""

    action: str
    part: str
    params: str
    seed: int | None
    context: str
    versions: str
    live: str
    command: str
    message: str
    parent_id: str | None
    notes: tuple[dict[str, Any], ...] | None
    set_id: str = ""

    @classmethod
    def of(cls, draft: TakeDraft) -> TakeFields:
        if draft.action not in ACTIONS:
            raise _fail("action", draft.action, f"one of {', '.join(ACTIONS)}")
        part = draft.part
        if not isinstance(part, str) or len(part) > MAX_TEXT or not all(c.isprintable() for c in part):
            raise _fail("part", part, f"a name of at most {MAX_TEXT} printable characters")
        if draft.notes is not None and not part:
            raise _fail("part", part, "the part the notes are, e.g. 'bass'")
        seed = draft.seed
        if seed is not None and (not _is_int(seed) or not 0 <= seed <= SEED_MAX):
            raise _fail("seed", seed, f"an integer 0..{SEED_MAX} (2^63-1)")
        parent = draft.parent_id
        if parent is not None and (
            not isinstance(parent, str) or not 1 <= len(parent) <= 16 or not _hex(parent)
        ):
            raise _fail("parent_id", parent, "a take id (hex) or none")
        context = check_context(draft.context)
        versions = check_versions(draft.versions)
        live = check_live(draft.live)
        if draft.notes is not None:
            check_notes(draft.notes)
        for name in ("command", "message"):
            if not isinstance(getattr(draft, name), str):
                raise _fail(name, getattr(draft, name), "text")
        set_id = draft.set_id
        if (
            not isinstance(set_id, str)
            or len(set_id) > SET_ID_MAX
            or not all(c.isprintable() for c in set_id)
        ):
            raise _fail("set_id", set_id, f"the Set's id: at most {SET_ID_MAX} printable characters")
        return cls(
            action=draft.action,
            part=part,
            params=_json("params", draft.params),
            seed=seed,
            context=context,
            versions=versions,
            live=live,
            command=draft.command,
            message=draft.message,
            parent_id=parent,
            notes=tuple(draft.notes) if draft.notes is not None else None,
            set_id=set_id,
        )


def _hex(text: str) -> bool:
    return all(c in "0123456789abcdef" for c in text)
