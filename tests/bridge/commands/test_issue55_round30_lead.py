"""Issue 55, round 30 (lead): a mixer switch said of no track by name, and a fade of the whole arrangement
(sentences of our own, never a blind set's lines). "solo the track I made" named a track "the" and "mute the one
i recorded" a track "one i recorded": a determiner, filler, or a track said by what was done to it or by its
place is no name, so the switch asks which track, its examples the same switch by name. "fade the full
arrangement in" named a track "full": a word of wholeness is no name."""

from __future__ import annotations

import re
from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of
from tests.bridge.commands.meant import case

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("solo the track I made", "solo"),
        ("solo the track i just recorded please", "solo"),
        ("mute the one i recorded", "mute"),
        ("unmute that one", "unmute"),
        ("mute the new one", "mute"),
    ],
)
def test_a_switch_of_no_named_track_asks_which(text: str, verb: str) -> None:
    intent = parse(text)
    assert not intent.understood, intent
    assert "which track" in str(intent.params.get("reason")), intent
    examples = re.findall(r"'([^']+)'", str(intent.params["reason"]))
    assert len(examples) == 2 and set(examples) <= set(intent.params["suggestions"]), intent
    for example in examples:
        read = parse(example)
        assert read.understood and read.action == "mixer" and read.params["do"] == verb, read


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("solo the strings", op="solo", target="track:strings"),
        case("mute the Vox track", op="mute", target="track:vox"),
        case("unmute the drums", op="unmute", target="drums"),
        case("fade the full arrangement in", op="automate", shape="fade_in"),
        case("fade the entire thing out over 8 bars", op="automate", shape="fade_out"),
        case("fade the strings in over 8 bars", op="automate", target="track:strings", shape="fade_in"),
    ],
)
def test_read_as_meant(text: str, want: dict[str, Any]) -> None:
    got = means_of(parse(text).as_dict())
    assert {k: got.get(k) for k in want} == want, got


@pytest.mark.parametrize("text", ["fade the full arrangement in", "fade the entire track in"])
def test_a_word_of_wholeness_names_no_track(text: str) -> None:
    intent = parse(text)
    assert intent.understood and intent.action == "automate", intent
    assert "track_name" not in intent.params, intent


@pytest.mark.parametrize(
    ("text", "verb", "name"),
    [("mute track 4", "mute", "track 4"), ("solo channel 6 for a sec", "solo", "track 6")],
)
def test_a_track_by_its_number_is_named(text: str, verb: str, name: str) -> None:
    intent = parse(text)
    assert intent.understood and intent.params.get("do") == verb, intent
    assert intent.params.get("track_name") == name, intent


@pytest.mark.parametrize(
    ("text", "way", "voice", "part", "bar"),
    [
        ("the snare is late", "earlier", "snare", "drums", None),
        ("the kick feels a bit behind", "earlier", "kick", "drums", None),  # was read as a softer kick
        ("hats are rushing in bar 3", "later", "hats", "drums", 3),
        ("the bass is dragging", "earlier", None, "bass", None),
        ("my clap sits a touch early", "later", "clap", "drums", None),
    ],
)
def test_a_timing_fault_alone_asks_moved_or_quantized(
    text: str, way: str, voice: str | None, part: str, bar: int | None
) -> None:
    intent = parse(text)
    assert not intent.understood, intent
    examples = re.findall(r"'([^']+)'", str(intent.params.get("reason")))
    assert len(examples) == 2 and set(examples) <= set(intent.params["suggestions"]), intent
    moved, gridded = (parse(e) for e in examples)
    assert moved.action == "transform" and moved.params["kind"] == "shift", moved
    assert (moved.params["offset"] < 0) == (way == "earlier"), moved  # the way that mends the fault
    assert gridded.action == "transform" and gridded.params["kind"] == "quantize", gridded
    for read in (moved, gridded):
        assert read.part == part and read.params.get("voices") == voice, read
        assert bar is None or read.params.get("bar") == bar, read


@pytest.mark.parametrize(
    ("text", "kind"),
    [("the kick is too loud", "velocity"), ("quantize the snare, it's late", "quantize")],
)
def test_a_fault_with_its_request_is_read_as_before(text: str, kind: str) -> None:
    intent = parse(text)
    assert intent.understood and intent.params.get("kind") == kind, intent


@pytest.mark.parametrize(
    ("text", "kind"),
    [("make the side drum softer", "velocity"), ("remove the side drum in bar 4", "drums_remove")],
)
def test_the_side_drum_is_the_snare(text: str, kind: str) -> None:
    intent = parse(text)
    assert intent.understood and intent.params.get("kind") == kind, intent
    assert intent.params.get("voices") == "snare", intent
