"""Issue 55, round 36 (w88): three answers a producer would not expect, in sentences of our own.

- an undo that names the change it undoes ("undo the fade", "take back the quantize", "revert the humanize
  on the snare") is that undo, the count said or 1 (``undone_words``, said plainly before every reader):
  "undo the fade" asked "undo that with 'fade', or fade it in?" ('fade' a value no undo carries), "take
  back the fade" was not understood, "undo the quantize" asked whether to quantize (the head sure of it);
- a dial said of an instrument MuseAroo makes no part of ("make the piano busier"), with no track of that
  name said, asks the chords or the melody as "vary the piano" does (``unmade_parts``): it offered "make the
  drums busier", a part never said (the rules had moved the selected clip's dial);
- a crescendo, decrescendo or diminuendo of a part or track is the automate fade in / out of it over the
  bars said, or into the section said ("swell into the chorus"'s reading): the words were unread by
  ``unread_mix`` ("crescendo the strings over 4 bars" asked "continue this for 4 bars?") and the head's
  sure "louder" stood over the rules' automate ("a crescendo into the chorus": ``explain.ACTION_WORDS``).
"""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of
from tests.bridge.commands.meant import case, read

LEARNED = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


# each was asked, refused or read as the change named (at f61a168b, with the learned reading on)
UNDOS = [
    case("undo the fade", op="undo"),
    case("take back the fade", op="undo"),
    case("undo the quantise on the hats", op="undo"),
    case("revert the humanize on the snare", op="undo"),
    case("roll back the crescendo", op="undo"),
    case("take the transpose back", op="undo"),
    case("could you undo the pad fade out", op="undo"),
    case("undo the tempo change please", op="undo"),
    case("revert the warp", op="undo"),
    case("take back the mute on the pad", op="undo"),
    case("undo those two quantizes", op="undo", count=2),
    case("take back my last two fades", op="undo", count=2),
    case("roll back the last couple of fades", op="undo", count=2),
]


@LEARNED
@pytest.mark.parametrize(("text", "want"), UNDOS)
def test_an_undo_naming_its_change_is_that_undo(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


# the rules alone had refused these ("take back the mute on the pad": an audio loop of the sentence)
@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("take back the fade", op="undo"),
        case("roll back the crescendo", op="undo"),
        case("take the transpose back", op="undo"),
        case("take back the mute on the pad", op="undo"),
        case("take back my last two fades", op="undo", count=2),
        case("undo those two quantizes", op="undo", count=2),
    ],
)  # fmt: skip
def test_an_undo_naming_its_change_is_that_undo_by_the_rules_alone(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@LEARNED
def test_an_undo_naming_its_change_leaves_a_later_request_its_own() -> None:
    got = read("undo the fade and then make the drums louder")
    assert got == {"op": "undo", "then": [{"op": "louder", "target": "drums"}]}, got


@LEARNED
@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("fade the pad in over 4 bars", op="automate", target="track:pad", shape="fade_in", bars=4),
        case("quantize the hats", op="quantize", target="hats"),
    ],
)  # fmt: skip
def test_the_change_said_alone_is_still_done(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


UNMADE = [
    ("make the piano busier", "busier"),
    ("make the strings a bit sparser", "sparser"),
    ("make the rhodes more complex", "more complex"),
    ("can you make the organ less busy", "less busy"),
]


@LEARNED
@pytest.mark.parametrize(("text", "how"), UNMADE)
def test_a_dial_of_an_instrument_no_part_is_asked_chords_or_melody(text: str, how: str) -> None:
    intent = parse(text)
    assert not intent.understood, intent
    first, second = intent.params["suggestions"][:2]
    assert "chords" in first and "melody" in second and how in first, intent
    assert "the drums" not in intent.params["reason"], intent  # a part never said is not offered first
    for said, part in ((first, "chords"), (second, "melody")):  # each read as the change on that part
        assert means_of(parse(said).as_dict()).get("target") == part, said


@pytest.mark.parametrize(("text", "how"), UNMADE)
def test_a_dial_of_an_instrument_no_part_is_asked_by_the_rules_alone(text: str, how: str) -> None:
    intent = parse(text)
    assert not intent.understood and intent.params["reason"].endswith("which part should change?"), intent


@LEARNED
def test_a_dial_of_an_instrument_over_a_section_asks_with_the_section() -> None:
    intent = parse("make the piano busier in the chorus")
    assert not intent.understood, intent
    assert intent.params["suggestions"][:2] == [
        "make the chords busier in the chorus",
        "make the melody busier in the chorus",
    ], intent


@LEARNED
@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("make the piano track busier", op="busier", target="track:piano"),  # Live's track so named
        case("make the keys busier", op="busier", target="chords"),  # the keys are the chords
        case("make the hats busier", op="busier", target="hats"),
    ],
)  # fmt: skip
def test_a_track_or_a_part_said_is_still_changed(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


CRESCENDOS = [
    case("crescendo the strings over 4 bars", op="automate", target="track:strings", shape="fade_in", bars=4),
    case("diminuendo the choir across 6 bars", op="automate", target="track:choir", shape="fade_out", bars=6),
    case("decrescendo the pad over the last 2 bars", op="automate", target="track:pad", shape="fade_out",
         scope={"last_bars": 2}),
    case("a crescendo into the chorus", op="automate", shape="fade_in", scope={"section": "chorus"}),
    case("crescendo the horns into the last chorus", op="automate", target="track:horns", shape="fade_in",
         scope={"section": "chorus", "nth": -1}),
    case("diminuendo the keys over 2 bars", op="automate", target="chords", shape="fade_out", bars=2),
    case("give the choir a crescendo over 6 bars", op="automate", target="track:choir", shape="fade_in", bars=6),
    case("a diminuendo into the outro", op="automate", shape="fade_out", scope={"section": "outro"}),
]  # fmt: skip


@LEARNED
@pytest.mark.parametrize(("text", "want"), CRESCENDOS)
def test_a_crescendo_is_the_fade_of_its_target(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@LEARNED
def test_a_crescendo_into_a_section_is_drawn_up_to_it() -> None:
    intent = parse("a crescendo into the chorus")
    assert intent.action == "automate" and intent.params["region"].get("into") is True, intent


@LEARNED
def test_a_crescendo_before_a_section_asks_which_bars() -> None:
    intent = parse("a crescendo before the verse")
    assert not intent.understood and "which bars come before the verse" in intent.params["reason"], intent
