"""Issue 55, twelfth round (r55ag): amounts, wholes, typos and counts said loosely.

Four kinds, each in the engineer's own sentences (none from a blind set): every part said as the
whole ("the whole track, every part": target `all`), a swing's strength said in loose words ("a lil
bit swingy" 0.25, "loads of swing" 0.75), ordinals typed with a slip ("the thrid take") and counts of
takes said loosely ("3 more flips of that bass", "how many bass takes", "another take, two
actually"). The lists of each kind were read otherwise on fbf323d (checked by running this file
against that tree); the near sentences beside each must keep their reading.
"""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of
from bridge.commands.parser import parse as rules
from bridge.commands.slipped_numbers import ordinal_of
from tests.bridge.commands.test_issue55_round11_r55aa import case, ruled

# 1. Every part said as the whole, beside no part word but the piece's own ("beat", "track", "tune")
WHOLE = [
    case("whip up the whole beat, every part, in house", op="make", target="all", genre="house"),
    case("write the entire tune with all the parts", op="make", target="all"),
    case("knock out the full beat, every single part, at 95 bpm", op="make", target="all", tempo_bpm=95),
    case("make a beat with everything at 100", op="make", target="all", tempo_bpm=100),
    case("lay down the whole groove, all the parts, in D minor", op="make", target="all", key="D minor"),
    case("mute all of it", op="mute", target="all"),
    case("mute all the parts", op="mute", target="all"),
    case("unmute all of it", op="unmute", target="all"),
    case("solo all the parts", op="solo", target="all"),
    case("swing all of it a lot", op="swing", target="all", amount=0.75),
]  # fmt: skip
WHOLE_NEAR = [  # read so before, and kept
    case("make the beat louder than everything else", op="louder", target="drums"),
    case("get rid of everything except the snare", op="keep_only", target="snare"),
    case("play all of it", op="play"),
    case("make a beat at 90 bpm", op="make", target="drums", tempo_bpm=90),
    case("mute all the drums", op="mute", target="drums"),
    case("write all the parts in C major", op="make", target="all", key="C major"),
    case("drop everything a half step", op="transpose", target="all", semitones=-1),  # a pitch, no removal
]


@pytest.mark.parametrize(("text", "want"), WHOLE + WHOLE_NEAR)
def test_every_part_said_as_the_whole_is_all(text: str, want: dict[str, Any]) -> None:
    assert ruled(text) == want


@pytest.mark.parametrize(
    "text",
    ["delete everything", "get rid of all of it", "scrap every part", "wipe all the parts",
     "remove everything from the track"],
)  # fmt: skip
def test_every_part_taken_out_is_asked_never_made(text: str) -> None:
    intent = rules(text)  # (made: a whole new song, on fbf323d)
    assert not intent.understood and "taken out" in str(intent.params["reason"]), intent


@pytest.mark.parametrize("text", ["all good", "i love all of it", "all right, cool"])
def test_all_said_as_a_remark_makes_nothing(text: str) -> None:
    intent = rules(text)
    assert not (intent.understood and means_of(intent.as_dict())["op"] == "make"), intent


# 2. A swing's strength said loosely: the graded table of docs/intents.md
AMOUNTS = [
    case("make the hats a lil bit swingy", op="swing", target="hats", amount=0.25),
    case("make the ride a touch swingy", op="swing", target="ride", amount=0.25),
    case("swing the snare just a hair", op="swing", target="snare", amount=0.25),
    case("swing the drums a tiny bit", op="swing", target="drums", amount=0.25),
    case("give the hats a smidge of swing", op="swing", target="hats", amount=0.25),
    case("swing the claps subtly", op="swing", target="claps", amount=0.25),
    case("loads of swing on the kick", op="swing", target="kick", amount=0.75),
    case("tons of swing on the bass please", op="swing", target="bass", amount=0.75),
    case("super swingy hats", op="swing", target="hats", amount=0.75),
    case("make the shaker really swingy", op="swing", target="percussion", amount=0.75),
    case("the hats are way too swingy", op="swing", target="hats", amount=0.33),
    case("make the hats swingy", op="swing", target="hats"),
    case("give the hats a slight swing", op="swing", target="hats", amount=0.25),
    case("a subtle swing on the ride please", op="swing", target="ride", amount=0.25),
    case("give the snare a big fat shuffle", op="swing", target="snare", amount=0.75),
]
AMOUNTS_NEAR = [
    case("make the hats swing a bit more", op="swing", target="hats"),  # relative: no absolute amount
    case("swing the hats 60%", op="swing", target="hats", amount=0.6),
    case("swing the ride a lil bit", op="swing", target="ride", amount=0.25),
    case("keep just the hats", op="keep_only", target="hats"),
    case("swing the big drum a bit", op="swing", target="kick", amount=0.25),  # "big" names the drum
    case("make the bass a bit louder", op="louder", target="bass"),
    case("swing it a lot", op="swing", amount=0.75),
]


@pytest.mark.parametrize(("text", "want"), AMOUNTS + AMOUNTS_NEAR)
def test_a_swing_strength_said_loosely_is_its_graded_amount(text: str, want: dict[str, Any]) -> None:
    assert ruled(text) == want


# 3. Ordinals typed with a slip are the ordinal; a real word a slip from one is left alone
SLIPPED = [
    case("cut the kick for the frist 4 bars", op="remove", target="kick", scope={"first_bars": 4}),
    case("mute the snare in the secnd half", op="remove", target="snare", scope={"half": 2}),
    case("thin out the hats in the secnod half", op="simpler", target="hats", scope={"half": 2}),
    case("go back to the thrid take", op="recall", target="third"),
    case("star the fouth take", op="star", target="fourth"),
    case("bring back the secnd one", op="recall", target="second"),
    case("recall the frist take", op="recall", target="first"),
    case("recall the second take", op="recall", target="second"),  # (named "take", on fbf323d)
    case("compare the frist take with the secnd", op="compare", target="first", other="second"),
    case("drop the hats in the frst 2 bars", op="remove", target="hats", scope={"first_bars": 2}),
    case("remove the kick in the 1st 4 bars", op="remove", target="kick", scope={"first_bars": 4}),
    case("nudge the snare a sixteen th later", op="shift", target="snare", beats=0.25),
    case("push the bass an eigh th later", op="shift", target="bass", beats=0.5),
    case("star the forth take", op="star", target="fourth"),
    case("cut the hats for the fist 4 bars", op="remove", target="hats", scope={"first_bars": 4}),
]
SLIPPED_NEAR = [
    case("make a fist pump beat", op="make", target="drums"),
    case("go forth and make a bass line", op="make", target="bass"),
    case("rename the second take verse idea", op="name", target="second", name="verse idea"),
    case("remove the snare in the second half", op="remove", target="snare", scope={"half": 2}),
]


@pytest.mark.parametrize(("text", "want"), SLIPPED + SLIPPED_NEAR)
def test_an_ordinal_typed_with_a_slip_is_that_ordinal(text: str, want: dict[str, Any]) -> None:
    assert ruled(text) == want


@pytest.mark.parametrize(
    ("word", "ordinal"),
    [("frist", "first"), ("secnd", "second"), ("thrid", "third"), ("fouth", "fourth"), ("fith", "fifth"),
     ("sevnth", "seventh"), ("nineth", "ninth"), ("sixteeth", "sixteenth"), ("twelth", "twelfth"),
     ("fist", None), ("forth", None), ("filth", None), ("teeth", None), ("fifty", None), ("thirds", None),
     ("eight", None), ("the", None), ("worth", None), ("bridge", None), ("element", None), ("tenets", None)],
)  # fmt: skip
def test_the_slip_reader_never_turns_a_real_word_into_an_ordinal(word: str, ordinal: str | None) -> None:
    assert ordinal_of(word) == ordinal


# 4. Counts of takes said loosely
COUNTS = [
    case("gimme 3 more flips of that bass line", op="vary", target="bass", versions=3),
    case("a couple more flips of the chords", op="vary", target="chords", versions=2),
    case("give me five more flips of the drums", op="vary", target="drums", versions=5),
    case("how many bass takes have I got", op="list_takes", target="bass"),
    case("how many takes of the drums do i have", op="list_takes", target="drums"),
    case("how many starred takes are there", op="list_takes", starred=True),
    case("give me another take of the chords, three actually", op="vary", target="chords", versions=3),
    case("one more take of the melody, actually make that four", op="vary", target="melody", versions=4),
    case("another go at the drums, actually 2 of them", op="vary", target="drums", versions=2),
    # the marker after the count (r55ae's correction read first made "2 more gos at the drums": a new part)
    case("another go at the drums, two actually", op="vary", target="drums", versions=2),
    case("one more shot at the bass line, three actually", op="vary", target="bass", versions=3),
    case("give me another take, two actually", op="vary", versions=2),
    case("what takes have i got for the bass", op="list_takes", target="bass"),
    case("which chord takes do we have", op="list_takes", target="chords"),
    case("a few more goes at the drums", op="vary", target="drums", versions=3),
    case("a handful more versions of the bass", op="vary", target="bass", versions=3),
    case("give me 2 more of the bass", op="vary", target="bass", versions=2),
    case("i want 4 more of that groove", op="vary", target="drums", versions=4),
    case("one more take but make it 3", op="vary", versions=3),
    case("show me how many takes i have", op="list_takes"),
]
COUNTS_NEAR = [
    case("give me another take of the bass", op="vary", target="bass"),
    case("3 more versions of the drums", op="vary", target="drums", versions=3),
    case("list my bass takes", op="list_takes", target="bass"),
]


@pytest.mark.parametrize(("text", "want"), COUNTS + COUNTS_NEAR)
def test_a_count_of_takes_said_loosely_is_read(text: str, want: dict[str, Any]) -> None:
    assert ruled(text) == want


# A sound said as a word twice after an article is that voice ("the tss tss", "that boom boom")
DOUBLED = [
    case("turn the boom boom down", op="softer", target="kick"),
    case("quantize the tsk tsk tsk", op="quantize", target="hats"),
    case("make the tss tss a lil bit swingy", op="swing", target="hats", amount=0.25),
    case("humanize the crack crack", op="humanize", target="snare"),
]
DOUBLED_NEAR = [  # a plain noun after it: the description reader's, as before
    case("the tss tss cymbals are too loud", op="softer", target="hats"),
    case("the boom boom sounding drum is too loud", op="softer", target="kick"),
]


@pytest.mark.parametrize(("text", "want"), DOUBLED + DOUBLED_NEAR)
def test_a_sound_said_twice_is_its_voice(text: str, want: dict[str, Any]) -> None:
    assert ruled(text) == want


# the whole reading (the learned one beside the rules) acts on them too, not asks
AGREED = [
    case("whip up the whole beat, every part, in house", op="make", target="all", genre="house"),
    case("make the hats a lil bit swingy", op="swing", target="hats", amount=0.25),
    case("cut the kick for the frist 4 bars", op="remove", target="kick", scope={"first_bars": 4}),
    case("gimme 3 more flips of that bass line", op="vary", target="bass", versions=3),
    case("how many bass takes have I got", op="list_takes", target="bass"),
    case("give me another take of the chords, three actually", op="vary", target="chords", versions=3),
]


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(("text", "want"), AGREED)
def test_the_whole_reading_acts_on_them(text: str, want: dict[str, Any]) -> None:
    intent = parse(text)
    assert intent.understood, intent
    assert means_of(intent.as_dict()) == want
