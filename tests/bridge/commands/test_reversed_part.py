"""A part of notes said reversed ("reverse the drums", "the chords backwards") is the rules' retrograde,
not overruled by a learned reading that never saw the verb on that part (issue 56, v67: the grammar's
"reverse the bass" was asked about typed and could never be understood spoken, Whisper writing it right)."""

from __future__ import annotations

import pytest

from bridge.commands import agree
from bridge.commands.agreeing import LIMITS as DAEMON
from bridge.commands.fast_whisper import Transcript
from bridge.commands.spoken_agree import agree as agree_spoken
from tests.bridge.commands.test_spoken_agree import hearing, scorer

pytestmark = pytest.mark.usefixtures("learned_reading")


@pytest.mark.parametrize(
    ("text", "part", "spoken_too"),
    [
        ("reverse the drums", "drums", True),
        ("reverse the chord progression", "chords", True),
        ("can you reverse the bassline", "bass", True),
        ("play the bass backwards", "bass", False),  # spoken, the learned reading's "none" may stop it
    ],
)
def test_a_part_of_notes_said_reversed_is_turned_back_to_front(
    text: str, part: str, spoken_too: bool
) -> None:
    for voiced in (False, True) if spoken_too else (False,):
        said = agree.parse(text, voiced=voiced)
        assert (said.action, said.part, said.params.get("kind")) == ("transform", part, "retrograde"), (
            voiced,
            said.as_dict(),
        )


@pytest.mark.parametrize("text", ["reverse that", "reverse the last change"])
def test_reverse_with_no_part_is_still_read_as_before(text: str) -> None:
    assert agree.parse(text).action == "undo"


@pytest.mark.parametrize("text", ["reverse the vocals", "reverse the strings", "reverse it"])
def test_reverse_of_a_recording_or_of_nothing_named_is_still_asked(text: str) -> None:
    said = agree.parse(text)
    assert said.action == "unknown" and said.params["reason"].endswith("?"), said.as_dict()


def test_both_recognisers_writing_a_reversed_part_act_on_it() -> None:
    """The daemon's pair: pocketsphinx's best and Whisper's transcript both "reverse the chords"."""
    d, said = agree_spoken(
        hearing(("reverse the chords", -3000.0), ("remove the chords", -3500.0)),
        [Transcript(" Reverse the chords.", -0.2)],
        scorer({"reverse the chords": -0.1, "remove the chords": -5.0}),
        DAEMON,
    )
    assert (d.kind, d.intent.action, d.intent.part, d.intent.params.get("kind")) == (
        "act",
        "transform",
        "chords",
        "retrograde",
    ), (d.kind, said, d.why)
