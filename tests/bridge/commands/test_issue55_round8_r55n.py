"""Issue 55, eighth round (r55n): what is not the request. Descriptions, reasons and protections are
not clauses left undone; spoken fillers and self-corrections are not read as words of the command;
a MusicGen prompt keeps only the sound. Sentences of our own, never a blind set's lines; each
family failed on c5b26cd."""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.fillers import as_meant
from bridge.commands.means import means_of
from bridge.commands.normalize import normalize
from bridge.commands.parser import parse as rules
from bridge.commands.statements import for_reading


def meant(text: str) -> dict[str, Any]:
    intent = parse(text)
    assert intent.understood, intent
    return dict(means_of(intent.as_dict()))


# 1. A feeling, a reason, a mood list or "and keep the rest" is no request left undone
@pytest.mark.parametrize(
    "text",
    [
        "make me a lofi beat at 80, i want it hazy and crunchy",
        "give me a reggae bass line, something bouncy and rubbery",
        "swing the hats a bit so it feels lazy and kinda loose lol",
        "pull the lead down an octave, its way too harsh and screechy up top",
        "redo bars 3 to 6 of the melody and leave the rest",
        "write some chords in 3/4, sorta floating and tender like a music box",
    ],
)
def test_a_description_or_reason_is_not_left_undone(text: str) -> None:
    intent = rules(text)
    assert intent.understood and "not_done" not in intent.params, intent


def test_a_clause_the_intent_already_carries_is_not_left_undone() -> None:
    intent = rules("turn this guitar riff into midi and quantize it")
    assert intent.action == "transcribe" and intent.params.get("quantize"), intent
    assert "not_done" not in intent.params, intent


# ... while a real second request still is
@pytest.mark.parametrize(
    ("text", "undone"),
    [
        ("make a techno beat and upload it to soundcloud", "upload it to soundcloud"),
        ("write a sad piano melody and then text my drummer", "text my drummer"),
        ("write a funk bass line and mute the vocal track", "mute the vocal track"),
        ("quantize the drums and the tempo to 100", "the tempo to 100"),
        ("double the tempo and make it half time", "make it half time"),
    ],
)
def test_a_second_request_is_still_left_undone(text: str, undone: str) -> None:
    left = rules(text).params.get("not_done")
    assert isinstance(left, list) and len(left) == 1 and left[0].endswith(undone), left


# 2. Fillers are not words of the command; "like" stays where it compares
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("okay so um a funk bass line at like a hundred", {"op": "make", "target": "bass", "genre": "funk",
                                                            "tempo_bpm": 100}),
        ("make a house beat at like one twenty four", {"op": "make", "target": "drums", "genre": "house",
                                                        "tempo_bpm": 124}),
        ("speed it up by uh like four bpm", {"op": "tempo", "target": "song", "change_bpm": 4}),
        ("can we slow the tempo down by er ten bpm", {"op": "tempo", "target": "song", "change_bpm": -10}),
        ("wow um solo the the cello track", {"op": "solo", "target": "track:cello"}),
    ],
)  # fmt: skip
def test_spoken_fillers_are_not_read(text: str, want: dict[str, Any]) -> None:
    assert meant(text) == want


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("a melody that sounds like a music box", " sounds like a music box "),
        ("i would like a jazz bass line", " would like a jazz "),
        ("you know what key this is in", " you know what "),
    ],
)
def test_like_and_you_know_stay_where_they_mean_something(text: str, kept: str) -> None:
    assert kept in normalize(text)[0]


# the correction wins: a number, a phrase from its article on, a word of the same kind, the verb
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("make twelve bars of bass, sorry, sixteen", {"op": "make", "target": "bass", "bars": 16}),
        ("transpose the chords up uh three semitones no four", {"op": "transpose", "target": "chords",
                                                                 "semitones": 4}),
        ("make the hats louder um actually no quieter", {"op": "softer", "target": "hats"}),
        ("simplify the melody uh no the bass in the last two bars", {"op": "simpler", "target": "bass",
                                                                      "scope": {"last_bars": 2}}),
        ("mute the drums, no wait, solo them", {"op": "solo", "target": "drums"}),
        ("make the chords louder, no sorry, i meant the melody", {"op": "louder", "target": "melody"}),
    ],
)  # fmt: skip
def test_a_self_correction_wins(text: str, want: dict[str, Any]) -> None:
    assert meant(text) == want


def test_a_sentence_without_a_correction_reaches_the_learned_reading_as_written() -> None:
    assert as_meant("Make the Drums busier lol") == "Make the Drums busier lol"
    assert as_meant("pan the keys uh no the strings left") == "pan the strings left"


# the learned reading reads the request, not how the part feels now, when the rules read the request alone
@pytest.mark.parametrize(
    ("text", "seen"),
    [
        ("lower the bass a fourth, it sounds kind of muddy down there", "lower the bass a fourth"),
        ("make the hats swing, i want it to feel drunk", "make the hats swing"),
        (
            "fix the keys, they feel too busy",
            "fix the keys, they feel too busy",
        ),  # the statement is the request
        ("okay, that is plenty, stop the jam", "okay, that is plenty, stop the jam"),  # no request before it
    ],
)
def test_the_learned_reading_reads_the_request_without_a_statement_after_it(text: str, seen: str) -> None:
    assert for_reading(text) == seen


# 3. MusicGen prompts: no request words, no fillers; "w/" as the writer wrote it
@pytest.mark.parametrize(
    ("text", "prompt"),
    [
        ("can u generate an audio loop of warm tape strings", "warm tape strings"),
        ("could ya make me an audio loop of um glassy bells and soft rain", "glassy bells and soft rain"),
        ("make a loop of uh mellow flute w/ birdsong, four bars", "mellow flute w/ birdsong"),
        ("musicgen: dusty keys w/ tape hiss", "dusty keys w/ tape hiss"),
    ],
)
def test_a_prompt_is_only_the_sound(text: str, prompt: str) -> None:
    assert meant(text)["prompt"] == prompt


def test_w_slash_is_read_as_with_by_the_rules() -> None:
    assert " with this clip " in normalize("a bass that plays along w/ this clip")[0]
    assert " without " in normalize("a pad loop w/o drums")[0]


# 4. What the producer will do with the stems afterwards is no stem chosen; a stem asked for is
def test_a_reason_naming_a_stem_is_not_the_stem() -> None:
    got = meant("split this mix into stems, i wanna flip the vocals later")
    assert got["op"] == "separate" and "target" not in got, got


def test_a_stem_wanted_is_still_the_stem() -> None:
    got = meant("split this song into stems, i just want to hear the bass")
    assert (got["op"], got.get("target")) == ("separate", "bass"), got
