"""Issue 55, round 31 (lead): sentences of our own, never a blind set's lines.

- keep only some voices and take "all the other percussion" away: the others are what goes, no voice kept;
- a tempo change said as a number, its unit, then the way ("ten beats a minute quicker");
- "take it up a bit": faster, louder or higher? (was refused, or a kick made softer for "kick it up");
- a move said with no size asks how far with examples the way said ("move the kick later" was offered the snare);
  a nudge with a way is a small step (w76's rule: "the snare is late, nudge it earlier" was offered "later");
- a mixer switch of a track said by its place ("the first track", "the 3rd track") asks which track (a sure
  learned reading had named a track "first")."""

from __future__ import annotations

import re
from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of
from tests.bridge.commands.meant import case

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case(
            "keep only the kick and the snare and take away all the other percussion",
            op="keep_only",
            target=["kick", "snare"],
        ),
        case(
            "leave only the kick and hats, remove the rest of the percussion",
            op="keep_only",
            target=["kick", "hats"],
        ),
        case(
            "just the kick and snare please, lose any other percussion",
            op="keep_only",
            target=["kick", "snare"],
        ),
        case(
            "the whole track drags, could it go about ten beats a minute quicker?", op="tempo", change_bpm=10
        ),
        case("can it go 6 beats per minute slower", op="tempo", change_bpm=-6),
        case("it wants to be like 4 bpm faster", op="tempo", change_bpm=4),
    ],
)
def test_read_as_meant(text: str, want: dict[str, Any]) -> None:
    got = means_of(parse(text).as_dict())
    assert {k: got.get(k) for k in want} == want, got


@pytest.mark.parametrize("text", ["remove the hats and the other percussion", "remove every other hat"])
def test_a_removal_keeps_its_own_reading(text: str) -> None:  # no keep said: "other" changes nothing
    intent = parse(text)
    assert intent.params.get("kind") == "drums_remove", intent


def _examples(text: str) -> list[str]:
    intent = parse(text)
    assert not intent.understood, intent
    examples = re.findall(r"'([^']+)'", str(intent.params.get("reason")))
    assert examples and set(examples) <= set(intent.params["suggestions"]), intent
    return examples


@pytest.mark.parametrize("text", ["take it up a bit, would you?", "take it up a notch", "kick it up a bit"])
def test_up_with_nothing_said_asks_faster_louder_or_higher(text: str) -> None:
    faster, louder, higher = (parse(e) for e in _examples(text))
    assert faster.action == "set_tempo" and faster.params["change_bpm"] > 0, faster
    assert louder.action == "adjust" and louder.params["direction"] == "up", louder
    assert higher.params.get("kind") == "transpose" and higher.params["semitones"] > 0, higher


@pytest.mark.parametrize(
    ("text", "voice", "earlier"),
    [
        ("move the kick later", "kick", False),
        ("shift the snare back", "snare", False),
        ("move the clap forward", "clap", True),
    ],
)
def test_a_move_with_no_size_asks_how_far_the_way_said(text: str, voice: str, earlier: bool) -> None:
    for example in _examples(text):
        moved = parse(example)
        assert moved.params.get("kind") == "shift" and moved.params.get("voices") == voice, moved
        assert (moved.params["offset"] < 0) == earlier, moved


@pytest.mark.parametrize(
    ("text", "part", "voice", "offset"),
    [
        ("the snare is late, nudge it earlier", "drums", "snare", -0.125),  # was offered "... later"
        ("nudge the snare earlier", "drums", "snare", -0.125),
        ("nudge the melody later please", "melody", None, 0.125),
        ("nudge the melody a quaver earlier", "melody", None, -0.5),  # a size said: that size
    ],
)
def test_a_nudge_with_a_way_is_a_small_step(text: str, part: str, voice: str | None, offset: float) -> None:
    intent = parse(text)  # w76's rule: "nudge" says the size as "a little" does
    assert intent.params.get("kind") == "shift" and intent.params.get("offset") == offset, intent
    assert intent.part == part and intent.params.get("voices") == voice, intent


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("unmute the first track", "unmute"),
        ("solo the last track", "solo"),
        ("mute the 3rd track", "mute"),
        ("solo the second track please", "solo"),
    ],
)
def test_a_track_by_its_place_asks_which(text: str, verb: str) -> None:
    intent = parse(text)
    assert "which track" in str(intent.params.get("reason")), intent
    examples = _examples(text)
    assert intent.params["suggestions"][:2] == examples, intent  # the question's own examples first
    for example in examples:
        assert parse(example).params.get("do") == verb, example


@pytest.mark.parametrize(
    ("text", "voices"),
    [
        ("remove the ghost notes from the snare", "ghost_notes"),  # took the snare out too
        ("leave the kick, just kill the ghost notes in the snare", "ghost_notes"),
        ("get rid of the snare ghost notes", "ghost_notes"),
        ("remove the snare and the ghost notes", "snare,ghost_notes"),  # both said: both go
    ],
)
def test_the_snares_ghost_notes_go_without_the_snare(text: str, voices: str) -> None:
    intent = parse(text)
    assert intent.params.get("kind") == "drums_remove" and intent.params.get("voices") == voices, intent


@pytest.mark.parametrize("text", ["the hats need more bounce innit", "make the bass bounce more yeah"])
def test_a_tag_after_a_wish_of_bounce_still_asks(text: str) -> None:  # "..., innit" made a house beat
    intent = parse(text)
    assert not intent.understood and "another feel?" in str(intent.params.get("reason")), intent


@pytest.mark.parametrize(
    ("text", "voices"),
    [
        ("kick and snare, kill the rest", "kick,snare"),
        ("keep the hats, mute all the others", "hats"),  # was the hats removed (the verb read as said last)
        ("keep kick and clap, get rid of everything else", "kick,clap"),
        ("the kick and hats, lose all the other percussion", "kick,hats"),
    ],
)
def test_voices_named_then_the_rest_taken_away_are_kept(text: str, voices: str) -> None:
    intent = parse(text)
    assert intent.params.get("kind") == "drums_keep" and intent.params.get("voices") == voices, intent


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("em need chords for verse, key A minor", "A minor"),  # "em" first (the pronoun) made it A major
        ("em want a melody in E minor", "E minor"),
        ("give em a bass line, key D minor please", "D minor"),
    ],
)
def test_a_word_like_a_key_said_first_leaves_the_key_said_after(text: str, key: str) -> None:
    intent = parse(text)
    assert intent.params.get("key") == key, intent


@pytest.mark.parametrize(
    ("text", "first", "then"),
    [("mute bass, solo drum", "bass", "drums"), ("unmute keys, mute bass", "chords", "bass")],
)
def test_two_switches_after_a_comma_are_both_done(text: str, first: str, then: str) -> None:
    got = means_of(parse(text).as_dict())  # "..., solo drum" was dropped silently
    assert got.get("target") == first and [t.get("target") for t in got.get("then", [])] == [then], got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("unmute the drums again, was only checking something", op="unmute", target="drums"),
        case("solo the strings again, just comparing", op="solo", target="track:strings"),
    ],
)
def test_a_word_after_the_name_before_a_comma_is_no_name(text: str, want: dict[str, Any]) -> None:
    got = means_of(parse(text).as_dict())  # "unmute the drums again, ..." switched a track "drums again"
    assert {k: got.get(k) for k in want} == want, got
