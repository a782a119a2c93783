"""Issue 55, round 32 (lead): sentences of our own, never a blind set's lines.

- a new song's key and tempo said together are the new song's ("a whole song from scratch, house, 124 bpm,
  key D major" was read as Live's key and tempo set, then asked about, or made without its genre);
- a part said not to sit right in the mix asks what should change (a sure learned reading made it louder);
- a share typed as a fraction or a percent is the change's strength: "quantize the drums 50%", "quantize=0.5"
  (a strength of 0.5, was dropped or asked about), "humanize the keys 20%" (0.2, was asked about);
- a programmer's key=value pairs are the values they name ("bars=8, genre=house, tempo=124", "tempo += 4",
  "transpose=-2")."""

from __future__ import annotations

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
            "make a whole song from scratch, house, 124 bpm, key D major",
            op="make",
            target="song",
            genre="house",
            tempo_bpm=124,
            key="D major",
        ),
        case(
            "make whole song from scratch, pop, 75 bpm, key D major",
            op="make",
            target="song",
            genre="pop",
            tempo_bpm=75,
        ),
        case("write me a new song, trap, 140 bpm, key of A minor", op="make", target="song", genre="trap"),
        case("set the key to g minor and the tempo to 100", op="set", key="G minor", tempo_bpm=100),
        case("gen drums: bars=8, genre=house, tempo=124", op="make", target="drums", bars=8, genre="house"),
        case("make chords key=Dm bars=4", op="make", target="chords", key="D minor", bars=4),
        case("song tempo += 4 bpm", op="tempo", change_bpm=4),
        case("tempo -= 3", op="tempo", change_bpm=-3),
        case("bass: transpose=-2", op="transpose", target="bass", semitones=-2),
        case("swing=0.6 on the hats", op="swing", target="hats", amount=0.6),
        case("turn this bass riff into midi, quantize=0.5", op="transcribe", target="bass", quantize=0.5),
    ],
)
def test_read_as_meant(text: str, want: dict[str, Any]) -> None:
    got = means_of(parse(text).as_dict())
    assert {k: got.get(k) for k in want} == want, got


@pytest.mark.parametrize(
    "text",
    [
        "bass isn't sittin right in the mix mate, sort it out",
        "the chords aren't sitting right in the mix",
        "the pad doesn't sit right in my mix, fix it",
    ],
)
def test_a_part_not_sitting_in_the_mix_asks(text: str) -> None:
    intent = parse(text)
    assert not intent.understood and "what should change" in str(intent.params.get("reason")), intent


@pytest.mark.parametrize(
    ("text", "part", "kind", "name", "share"),
    [
        ("quantize the drums 50%", "drums", "quantize", "strength", 0.5),
        ("quantize=0.5", None, "quantize", "strength", 0.5),
        ("quantise the hats to 75 percent strength", "drums", "quantize", "strength", 0.75),
        ("quantize drums strength=0.5", "drums", "quantize", "strength", 0.5),
        ("humanize the keys 20%", "chords", "humanize", "amount", 0.2),
        ("humanize the drums by 0.3", "drums", "humanize", "amount", 0.3),
        ("humanize 20%", None, "humanize", "amount", 0.2),
    ],
)
def test_a_share_said_is_the_strength(
    text: str, part: str | None, kind: str, name: str, share: float
) -> None:
    intent = parse(text)
    assert intent.action == "transform" and intent.part == part, intent
    assert intent.params.get("kind") == kind and intent.params.get(name) == share, intent


@pytest.mark.parametrize("text", ["quantize the drums", "humanize the bass a bit"])
def test_no_share_said_leaves_the_default(text: str) -> None:
    intent = parse(text)
    assert intent.action == "transform" and "strength" not in intent.params, intent
    assert intent.params.get("amount") in (None, 0.25), intent


@pytest.mark.parametrize(
    ("text", "part", "span"),
    [
        ("reverse the last 2 bars of the drums", "drums", {"last_bars": 2}),  # was "bars": 2, the whole clip
        ("reverse the bass for the last 4 bars", "bass", {"last_bars": 4}),
        ("play bars 5 to 8 of the melody backwards", "melody", {"from_bar": 5, "to_bar": 8}),
    ],
)
def test_a_reversal_over_a_span_is_there_only(text: str, part: str, span: dict[str, int]) -> None:
    intent = parse(text)
    assert intent.part == part and intent.params.get("kind") == "retrograde", intent
    assert {k: intent.params.get(k) for k in span} == span and "bars" not in intent.params, intent


@pytest.mark.parametrize("text", ["export the stems as wav", "export stems", "export this as an mp3"])
def test_an_export_is_lives_job(text: str) -> None:  # "export the stems as wav" split the clip into stems
    intent = parse(text)
    assert not intent.understood and "Live's own" in str(intent.params.get("reason")), intent


@pytest.mark.parametrize(
    ("text", "section", "bars"),
    [
        ("make a 16 bar intro", "intro", 16),
        ("make an 8 bar outro for the song", "outro", 8),  # was a whole song, 8 bars, the outro dropped
        ("can you write a bridge", "bridge", None),
    ],
)
def test_a_section_with_no_part_asks_which_part(text: str, section: str, bars: int | None) -> None:
    intent = parse(text)
    assert not intent.understood and f"which part should the {section} have?" in intent.params["reason"], (
        intent
    )
    examples = intent.params["suggestions"][:2]  # the question's own examples first, each read as said
    for example in examples:
        made = parse(example)
        assert made.action == "generate" and made.params["region"]["section"] == section, made
        assert made.params.get("bars") == bars, made


@pytest.mark.parametrize(
    ("text", "first", "then"),
    [
        (
            "speed it up to 128 and make the drums busier",
            {"tempo_bpm": 128},
            "busier",
        ),  # was asked (a beat at 128?)
        ("slow it down to 90 and humanize the hats", {"tempo_bpm": 90}, "humanize"),
    ],
)
def test_a_tempo_then_a_change_are_both_done(text: str, first: dict[str, int], then: str) -> None:
    got = means_of(parse(text).as_dict())
    assert got.get("op") == "set" and {k: got.get(k) for k in first} == first, got
    assert [t.get("op") for t in got.get("then", [])] == [then], got


@pytest.mark.parametrize(
    "text", ["duplicate the chorus", "copy the chords to the next scene", "can you duplicate this clip"]
)
def test_a_copy_is_lives_editing(text: str) -> None:  # "duplicate the chorus" made a new take of it
    intent = parse(text)
    assert not intent.understood and "done in Live itself" in str(intent.params.get("reason")), intent


@pytest.mark.parametrize(
    ("text", "pitch", "level"),
    [
        ("the melody is too high, bring it down", -12, "softer"),  # was made softer
        ("the bass is too low", 12, "louder"),
        ("my chords are way too high", -12, "softer"),
    ],
)
def test_too_high_or_low_asks_pitch_or_level(text: str, pitch: int, level: str) -> None:
    intent = parse(text)
    assert not intent.understood and "in pitch, or" in str(intent.params.get("reason")), intent
    moved, levelled = (means_of(parse(e).as_dict()) for e in intent.params["suggestions"][:2])
    assert moved.get("op") == "transpose" and moved.get("semitones") == pitch, moved
    assert levelled.get("op") == level, levelled


def test_too_high_in_the_mix_is_the_level() -> None:
    got = means_of(parse("the melody is too high in the mix, bring it down").as_dict())
    assert got.get("op") == "softer" and got.get("target") == "melody", got


@pytest.mark.parametrize("text", ["what does MuseAroo do", "What can MuseAroo do?", "how does musearoo work"])
def test_a_question_about_the_product_is_help(text: str) -> None:  # was refused as not MuseAroo's
    assert parse(text).action == "help"


@pytest.mark.parametrize(
    "text",
    [
        "i don't want any swing on the kick",  # swung the kick
        "i dont want the hats quantized",  # quantized the hats
        "could you not quantize the vocals",  # quantized the vocals track
        "we don't need the bass any louder",
    ],
)
def test_a_change_not_wanted_is_not_done(text: str) -> None:
    intent = parse(text)
    assert not intent.understood and "nothing was changed" in str(intent.params.get("reason")), intent


@pytest.mark.parametrize(
    ("text", "voices"), [("i don't want the hats", "hats"), ("i dont want the kick in the intro", "kick")]
)
def test_a_part_not_wanted_is_still_taken_out(text: str, voices: str) -> None:
    intent = parse(text)
    assert intent.params.get("kind") == "drums_remove" and intent.params.get("voices") == voices, intent


@pytest.mark.parametrize(
    ("text", "spared", "op"),
    [
        (
            "everything except the drums should be quieter",
            "drums",
            "softer",
        ),  # the drums were made quieter too
        ("make everything but the bass busier", "bass", "busier"),
    ],
)
def test_every_part_but_one_asks_part_by_part(text: str, spared: str, op: str) -> None:
    intent = parse(text)
    assert not intent.understood and f"every part but the {spared}" in intent.params["reason"], intent
    for example in intent.params["suggestions"][:2]:
        got = means_of(parse(example).as_dict())
        assert got.get("op") == op and got.get("target") not in (spared, "all"), got


def test_a_voice_spared_is_still_one_change() -> None:  # the drums' own voices: one transform, as before
    intent = parse("quantize everything but the kick")
    assert intent.params.get("kind") == "quantize" and "kick" not in intent.params["voices"].split(","), (
        intent
    )


@pytest.mark.parametrize("text", ["voice the chords higher", "voice them lower"])
def test_a_voicing_moved_asks_octave_or_revoice(
    text: str,
) -> None:  # "voice the chords higher" made them louder
    intent = parse(text)
    assert not intent.understood and intent.params["reason"].endswith("a new voicing?"), intent
    kinds = {parse(e).params.get("kind") for e in intent.params["suggestions"][:3]}
    assert kinds == {"transpose", "revoice"}, intent


@pytest.mark.parametrize("text", ["can I get an acapella of this", "make an acapella of this song"])
def test_an_acapella_of_a_recording_splits_it(text: str) -> None:  # refused, and a whole song made
    assert parse(text).action == "separate"


@pytest.mark.parametrize(
    ("text", "voices"),
    [
        (
            "just hats and clap, get rid of the rest of the kit",
            "hats,clap",
        ),  # of our own, after set 142's row
        ("only kick and snare, remove rest of the drums", "kick,snare"),
    ],
)
def test_voices_listed_then_the_rest_taken_away_stay_one_keep(text: str, voices: str) -> None:
    intent = parse(text)  # the list's last voice was read as a later request's ("snare, delete ..."): removed
    assert intent.params.get("kind") == "drums_keep" and intent.params.get("voices") == voices, intent
    assert "then" not in intent.params, intent
