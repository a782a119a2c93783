"""A track named in words is found with accents folded on both sides (lead, round 25): the reader keeps the
name as typed ("violão"), and the producer's Live track may be spelt with or without the accent. Every lookup
by name (a following part, a mixer switch, a change over a section) goes through `tracks_named`."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

from bridge.actions.place.track import said_name, tracks_named
from bridge.actions.sections.job import targets
from bridge.commands import Intent

NAMES = ["1-MIDI", "Violao", "Cavaquinho Solo", "Violão 2"]


def test_a_name_is_said_folded_lower_case_and_in_words() -> None:
    assert said_name("Violão") == said_name("violao") == "violao"
    assert said_name("1-MIDI") == "1 midi"


def test_the_name_said_first_then_a_name_holding_it() -> None:
    assert tracks_named(NAMES, "violão") == [1]  # Live's "Violao" for a typed "violão"
    assert tracks_named(NAMES, "VIOLÃO 2") == [3]
    assert tracks_named(NAMES, "cavaquinho") == [2]  # held in "Cavaquinho Solo"
    assert tracks_named(NAMES, "1-midi") == [0]
    assert tracks_named(NAMES, "") == [] and tracks_named(NAMES, "bandolim") == []


def test_a_change_over_a_section_finds_the_track_typed_with_its_accent() -> None:
    async def tracks() -> list[tuple[str, bool]]:
        return [(n, True) for n in NAMES]

    app: Any = SimpleNamespace(live=SimpleNamespace(tracks=tracks))
    intent = Intent("busier", None, {"track_name": "violão"})
    assert asyncio.run(targets(app, intent, "density")) == [(1, "Violao", None)]
