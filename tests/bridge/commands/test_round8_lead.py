"""Round 8, the lead's fixes after the sealed sets' one measurement (issue 55): kinds, in our own words.

- a question of which ("is it in A minor or C major?") is asked back, never acted on, however sure a
  reading of it is: it made a chords part in the first key named;
- a scene's name for its bass ("the reese"), and a phone's autocorrect of bass ("base") and hi-hat
  ("hi hate"), are the parts they stand for.
"""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of
from bridge.commands.normalize import normalize


@pytest.mark.parametrize(
    "text",
    [
        "Is this riff in A minor or C major?",
        "are these chords in G major or E minor",
        "is the groove in 4/4 or 12/8?",
        "does this loop swing or is it straight?",
    ],
)
@pytest.mark.usefixtures("learned_reading")
def test_a_question_of_which_is_asked_back_not_acted_on(text: str) -> None:
    intent = parse(text)
    assert not intent.understood, intent
    assert intent.params.get("suggestions"), intent


@pytest.mark.parametrize(
    ("text", "op", "target"),
    [
        ("drop the reese an octave", "transpose", "bass"),
        ("mute my reese bass", "mute", "bass"),
        ("base down an octave", "transpose", "bass"),
        ("make the base line busier", "busier", "bass"),
        ("hi hate way too loud", "softer", "hats"),
    ],
)
def test_a_scene_word_or_an_autocorrect_slip_names_its_part(text: str, op: str, target: str) -> None:
    means = means_of(parse(text).as_dict())
    assert (means["op"], means.get("target")) == (op, target), means


def test_base_in_its_own_sense_is_left_alone() -> None:
    assert " base of " in normalize("the base of the song")[0]
