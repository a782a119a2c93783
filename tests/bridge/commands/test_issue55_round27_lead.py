"""Issue 55, round 27 (lead): kinds of sentence behind round 26's wrong acts (sentences of our own, never a
blind set's lines): an analysis asked as a question whose findings are joined by "and" and closed by the
question's own words ("what key and chords it's in"), read as the analysis alone, never as a part to make."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


@pytest.mark.parametrize(
    "text",
    [
        "play this demo and tell me what key and chords it's in",
        "can you check this loop and tell me which chords and key it uses",
        "have a listen to the bounce and say what tempo and key it is",
    ],
)
def test_findings_asked_after_and_are_the_analysis_not_a_part_made(text: str) -> None:
    got = means_of(parse(text).as_dict())
    assert got.get("op") == "analyze", got
    assert "then" not in got, got


def test_a_part_asked_for_after_the_analysis_is_still_made() -> None:
    got = means_of(parse("analyse the loop and then write chords for it").as_dict())
    assert got.get("op") == "analyze", got
    assert [t.get("op") for t in got.get("then", [])] == ["make"], got


@pytest.mark.parametrize(
    ("text", "key", "part"),
    [
        ("transpose this melody to E minor", "E minor", "melody"),
        ("move that bass line to G minor", "G minor", "bass"),
        ("this melody transpose to A major", "A major", "melody"),
    ],
)
def test_a_part_pointed_at_and_moved_to_a_key_is_that_part_moved(text: str, key: str, part: str) -> None:
    got = means_of(parse(text).as_dict())
    assert (got.get("op"), got.get("key"), got.get("target")) == ("transpose", key, part), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "chorus make the chords simpler",
            {"op": "simpler", "target": "chords", "scope": {"section": "chorus"}},
        ),
        (
            "outro only keep the kick and hats",
            {"op": "keep_only", "target": ["kick", "hats"], "scope": {"section": "outro"}},
        ),
        (
            "verse 2 drums make busier",
            {"op": "busier", "target": "drums", "scope": {"section": "verse", "nth": 2}},
        ),
        (
            "bridge melody make it simpler",
            {"op": "simpler", "target": "melody", "scope": {"section": "bridge"}},
        ),
    ],
)
def test_a_bare_section_said_first_is_where_the_change_goes(text: str, expected: dict[str, object]) -> None:
    got = means_of(parse(text).as_dict())
    assert {k: got.get(k) for k in expected} == expected, got


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("chorus cymbals take out", "the chorus cymbals take out"),
        ("verse 1 hi-hat make softer", "the verse 1 hi-hat make softer"),
        ("intro kick drum louder", "the intro kick drum louder"),
        ("bridge crashes remove", "the bridge crashes remove"),
    ],
)
def test_every_drum_voice_the_clip_words_know_is_a_part_after_a_bare_section(text: str, said: str) -> None:
    """topic_first reads clip_words' drum voices (one list, not its own), each one or several, as typed."""
    from bridge.commands.topic_first import topic_first

    assert topic_first(text) == said


@pytest.mark.parametrize(
    "text",
    [
        "drop the bass an octave",
        "drop bass an octave",
        "chorus is too busy",
        "the verse drums are fine",
        "intro to the song please",
    ],
)
def test_a_sentence_with_no_bare_section_first_is_read_as_it_was(text: str) -> None:
    from bridge.commands.topic_first import topic_first

    assert topic_first(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "do the same thing to the other clip",
        "ok now do same for the next track too",
        "do the same change on that one",
    ],
)
def test_the_same_change_asked_with_nothing_before_it_is_a_question(text: str) -> None:
    intent = parse(text)
    assert not intent.understood, intent
    assert str(intent.params.get("reason", "")).rstrip().endswith("?"), intent.params


def test_the_same_change_after_a_change_in_the_sentence_is_still_that_change() -> None:
    got = means_of(parse("quantize the drums and do the same for the bass").as_dict())
    assert (got.get("op"), sorted(got.get("target", []))) == ("quantize", ["bass", "drums"]), got


def test_a_key_and_then_a_tempo_set_are_one_song_setting() -> None:
    got = means_of(parse("set the song to E flat minor and 92 bpm").as_dict())
    assert (got.get("op"), got.get("key"), got.get("tempo_bpm"), got.get("then")) == (
        "set",
        "Eb minor",
        92,
        None,
    ), got


@pytest.mark.parametrize(
    "text",
    [
        "can you make a 20 second intro sting",
        "I need 12 seconds of pads",
        "for the radio spot it has to be 30 seconds",
        "make a 10 second audio loop of traffic noise",
    ],
)
def test_a_length_asked_in_seconds_is_asked_in_bars(text: str) -> None:
    intent = parse(text)
    assert not intent.understood, intent
    assert "how many bars" in str(intent.params.get("reason")), intent.params


@pytest.mark.parametrize(
    ("text", "op"), [("make a second melody", "make"), ("make the drums 8 bars", "make")]
)
def test_a_second_that_is_no_length_is_read_as_before(text: str, op: str) -> None:
    assert means_of(parse(text).as_dict()).get("op") == op


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("give me 12 bars of bass in 6/8", {"op": "make", "target": "bass", "bars": 12, "meter": "6/8"}),
        (
            "we're cutting a waltz, so write 8 bars of chords in 3/4",
            {"op": "make", "target": "chords", "bars": 8, "meter": "3/4"},
        ),
    ],
)
def test_a_part_counted_in_bars_in_a_meter_is_made_in_it(text: str, expected: dict[str, object]) -> None:
    got = means_of(parse(text).as_dict())
    assert {k: got.get(k) for k in expected} == expected, got


def test_a_part_pulled_off_a_rough_mix_is_a_separation_and_a_rough_mix_asked_is_not_ours() -> None:
    got = means_of(parse("could you pull the vocals off of this rough mix").as_dict())
    assert (got.get("op"), got.get("target")) == ("separate", "vocals"), got
    assert not parse("can you do a rough mix of the song").understood
