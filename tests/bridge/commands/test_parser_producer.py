"""Issue 30's typed commands and the families behind them, parsed as a producer means them, and
issue 34's infill commands as intents. Each issue phrasing here was misread before this parser."""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.intent import UNKNOWN
from bridge.commands.known import known_commands
from bridge.commands.vocab import ACTIONS, MORE_ACTIONS

from .phrases import DATA, DEV_SET, HELDOUT_SET, load, matches

PRODUCER_SET = DATA / "commands_producer.yaml"


@pytest.mark.parametrize(
    ("text", "action", "part", "params"),
    [
        ("transpose the melody up a fifth", "transform", "melody", {"kind": "transpose", "semitones": 7}),
        (
            "drop the kick on the first beat of bar four",
            "transform",
            "drums",
            {"kind": "drums_remove", "voices": "kick", "bar": 4, "beat": 1},
        ),
        ("play some drums live at ninety bpm", "jam", None, {"do": "start", "parts": "drums", "tempo_bpm": 90}),
        ("go back to the take before this one", "history", None, {"do": "previous"}),
        ("add a fill at the end of every fourth bar", "adjust", "drums", {"fills": "4"}),
        (
            "generate a lofi chord loop with musicgen, warm and dusty",
            "musicgen",
            None,
            {"prompt": "lofi chord loop, warm and dusty"},
        ),
        ("star this take", "history", None, {"do": "star"}),
        ("compare this take with the previous one", "history", None, {"do": "compare", "which": "this",
                                                                        "other": "previous"}),
        ("make the hats swing a bit more", "transform", "drums", {"kind": "swing", "amount": 0.66, "voices": "hats"}),
        ("put a dorian chord progression in here", "generate", "chords", {"mode": "dorian", "here": True}),
        ("set the scale to dorian", "set_key", None, {"mode": "dorian"}),  # issue 35: Live's root kept
        ("change the mode to harmonic minor", "set_key", None, {"mode": "harmonic minor"}),
        ("a bass that follows the chords in the keys clip", "generate", "bass", {"source_track_name": "keys"}),
        # the families the brief names
        ("drop the kick on beat one of bar four", "transform", "drums",
         {"kind": "drums_remove", "voices": "kick", "bar": 4, "beat": 1}),
        ("mute the hats in bar two", "transform", "drums", {"kind": "drums_remove", "voices": "hats", "bar": 2}),
        ("swing the hats", "transform", "drums", {"kind": "swing", "amount": 0.66, "voices": "hats"}),
        ("a fill every fourth bar", "adjust", "drums", {"fills": "4"}),
        ("jam", "jam", None, {"do": "start"}),
        ("keep playing", "jam", None, {"do": "start"}),
        ("name it chorus idea", "history", None, {"do": "name", "name": "chorus idea"}),
        ("redo", "history", None, {"do": "redo"}),
        # issue 34
        ("fill bars five to eight", "infill", None, {"bars": "5-8"}),
        ("continue this for four bars", "continue", None, {"bars": 4}),
        ("add a bass that fits", "accompany", "bass", {}),
    ],
)  # fmt: skip
def test_issue_phrasings_parse_as_intended(
    text: str, action: str, part: str | None, params: dict[str, Any]
) -> None:
    assert parse(text).as_dict() == {"action": action, "part": part, "params": params}


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("transpose up a fifth", {"semitones": 7}),
        ("transpose down a fifth", {"semitones": -7}),
        ("move the bass down an octave", {"semitones": -12}),
        ("an octave higher", {"semitones": 12}),
        ("raise it by a minor third", {"semitones": 3}),
        ("transpose it up a major third", {"semitones": 4}),
        ("shift it up a whole step", {"semitones": 2}),
        ("transpose down a semitone", {"semitones": -1}),
        ("take it up a third", {"steps": 2}),  # a third of the clip's own scale
        ("lower the chords two octaves", {"semitones": -24}),
    ],
)
def test_intervals_by_name(text: str, amount: dict[str, int]) -> None:
    intent = parse(text)
    assert (intent.action, intent.params) == ("transform", {"kind": "transpose", **amount})


def test_an_ordinal_bar_is_no_interval_and_a_minor_interval_is_no_key() -> None:
    assert parse("mute the hats in the fifth bar").params == {
        "kind": "drums_remove",
        "voices": "hats",
        "bar": 5,
    }
    assert parse("transpose it down a minor third").params == {"kind": "transpose", "semitones": -3}
    assert parse("set the key to a minor").params == {"key": "A minor"}
    assert parse("a bass line in A minor").params == {"key": "A minor"}


@pytest.mark.parametrize(
    ("text", "fills"),
    [
        ("fills every 4 bars", "4"),
        ("a fill every phrase", "phrase"),
        ("no fills", "none"),
        ("fills each 8 bars", "phrase"),
    ],
)
def test_recurring_fills_are_the_drums_fills_option(text: str, fills: str) -> None:
    assert parse(text).as_dict() == {"action": "adjust", "part": "drums", "params": {"fills": fills}}


def test_fills_at_a_spacing_the_drums_do_not_offer_are_refused_by_name() -> None:
    intent = parse("a fill every third bar")
    assert intent.action == UNKNOWN and "fills every 3 bars are not offered" in intent.params["reason"]


@pytest.mark.parametrize(
    ("text", "params"),
    [
        ("let's play live", {"do": "start"}),
        ("play the bass live", {"do": "start", "parts": "bass"}),
        ("play some funky drums live", {"do": "start", "parts": "drums", "genre": "funk"}),
        ("keep it going", {"do": "start"}),
        ("stop playing live", {"do": "stop", "at": "now"}),
    ],
)
def test_any_verb_of_live_play_is_a_jam(text: str, params: dict[str, Any]) -> None:
    assert parse(text).as_dict() == {"action": "jam", "part": None, "params": params}


def test_live_is_not_a_jam_when_it_is_where_clips_go() -> None:
    assert parse("save the last 8 bars into live").params == {"do": "clips", "bars": 8}


@pytest.mark.parametrize(
    ("text", "params"),
    [
        ("unstar this take", {"do": "unstar"}),
        ("call this take Verse Two", {"do": "name", "name": "Verse Two"}),
        ("what changed since the last take", {"do": "compare"}),
        ("bring back the previous take", {"do": "previous"}),
        ("undo the undo", {"do": "redo"}),
    ],
)
def test_takes_by_words(text: str, params: dict[str, Any]) -> None:
    assert parse(text).as_dict() == {"action": "history", "part": None, "params": params}


def test_go_back_alone_is_still_lives_undo_and_a_parts_previous_take_names_the_part() -> None:
    assert parse("go back").action == "undo"
    assert parse("go back to the previous bass take").as_dict()["part"] == "bass"


@pytest.mark.parametrize(
    ("text", "prompt"),
    [
        ("musicgen dreamy synth pads", "dreamy synth pads"),
        ("make drums and bass with musicgen", "drums and bass"),
        ("an audio loop of rain on a tin roof", "rain on a tin roof"),
        ("a funky bass audio loop", "funky bass loop"),
    ],
)
def test_musicgen_by_its_name_or_audio_loop_anywhere(text: str, prompt: str) -> None:
    assert parse(text).as_dict() == {"action": "musicgen", "part": None, "params": {"prompt": prompt}}


def test_a_clip_named_by_its_track_and_in_here() -> None:
    assert parse("drums that lock to the bass clip").as_dict() == {
        "action": "generate", "part": "drums", "params": {"source_track_name": "bass"}
    }  # fmt: skip
    assert parse("a melody right here").params == {"here": True}
    assert parse("a bassline for my chords").params == {"source": "chords"}  # unchanged


def test_infill_commands_name_their_bars() -> None:
    assert parse("regenerate bars 9 through 12").params == {"bars": "9-12"}
    assert parse("redo the last four bars").as_dict() == {
        "action": "infill",
        "part": None,
        "params": {"last": 4},
    }
    assert parse("extend this clip by two bars").params == {"bars": 2, "extend": 1}
    assert parse("add a melody that goes with these tracks").as_dict()["action"] == "accompany"


def test_every_suggestion_offered_is_a_whole_command_the_parser_understands() -> None:
    offered: set[str] = set()
    for text in (
        "another take the drums",
        "star it please now",
        "fill every bar",
        "swing",
        "previous",
        "compare",
    ):
        intent = parse(text)
        offered.update(intent.params.get("suggestions", []))
    assert offered and all(parse(s).understood for s in offered), offered
    ungrammatical = (
        "another take the drums",
        "generate the everything",
        "make a ambient beat",
        "stems the stems",
        "a drums lock to my bassline",
        "make the drums simplify",
        "what key this clip",
        "swing it the drums",
    )
    assert not set(ungrammatical) & set(known_commands())
    assert all(parse(k).understood for k in known_commands())


@pytest.mark.parametrize("path", [DEV_SET, HELDOUT_SET, PRODUCER_SET], ids=["dev", "heldout", "producer"])
def test_every_phrase_set_at_least_95_percent_exact(path) -> None:
    phrases = load(path)
    misses = [(e["text"], parse(e["text"]).as_dict()) for e in phrases if not matches(parse(e["text"]), e)]
    assert 1 - len(misses) / len(phrases) >= 0.95, misses


def test_the_producer_set_is_large_and_covers_the_new_actions() -> None:
    phrases = load(PRODUCER_SET)
    assert len(phrases) >= 100
    dev = {e["text"].lower() for e in load(DEV_SET) + load(HELDOUT_SET)}
    assert not [e["text"] for e in phrases if e["text"].lower() in dev]  # new phrasings, not copies
    for action in MORE_ACTIONS:
        assert sum(e["action"] == action for e in phrases) >= 3, action
    assert set(MORE_ACTIONS).isdisjoint(ACTIONS)  # listed apart; the speech grammar has rules for both
