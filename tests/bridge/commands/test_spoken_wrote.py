"""v79: a song change both recognisers heard is not said back because a transcript of Whisper's that reads
as no command snaps, by spelling, to another command ("very the melody" to "every the melody", a new take):
that is a guess at the sound snapped to a guess at a word, not a command Whisper wrote (``confirm_edits``
"wrote"). A command Whisper wrote is still a rival. Sentences and transcripts written here, not the studio
benchmark's."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bridge.commands import parse
from bridge.commands.agreeing import LIMITS
from bridge.commands.confidence import Hearing, Reading
from bridge.commands.safety import spoken
from bridge.commands.snapping import snap
from bridge.commands.spoken_agree import agree
from bridge.commands.spoken_check import checked, is_check
from tests.bridge.commands.test_spoken_agree import scorer
from tests.bridge.commands.test_spoken_check import wrote
from tests.bridge.commands.test_spoken_heard import _dictionary, act, read  # noqa: F401 (the autouse fixture)


def test_the_guess_snaps_to_another_command() -> None:
    for guess in ("very the melody", "make the bass comer"):  # what the rule is about: no command as written
        assert not spoken(parse(guess, True)).understood
        assert spoken(parse(snap(guess), True)).understood, snap(guess)


@pytest.mark.parametrize(
    ("sphinx", "transcripts"),
    [
        ("vary the melody", ("very the melody", "vary the melody")),  # snaps to "every": a new take
        (
            "make the bass calmer",
            ("make the bass calmer", "make the bass comer"),
        ),  # snaps to "make the bass come"
    ],
)
def test_a_guess_snapped_to_another_command_is_no_rival(sphinx: str, transcripts: tuple[str, ...]) -> None:
    decision, best = act(sphinx)
    assert checked(decision, best, read(*transcripts), "wrote") is decision
    assert is_check(checked(decision, best, read(*transcripts), "heard"))  # v73's rule said it back


@pytest.mark.parametrize(
    ("sphinx", "transcripts"),
    [
        ("vary the melody", ("vary the melody", "humanize the melody")),  # Whisper wrote another command
        ("make the bass calmer", ("make the bass calmer", "make the bass")),  # a new bass, written
        ("vary the melody", ("very the melody",)),  # no transcript reads as the command
    ],
)
def test_a_command_whisper_wrote_is_still_a_rival(sphinx: str, transcripts: tuple[str, ...]) -> None:
    decision, best = act(sphinx)
    assert is_check(checked(decision, best, read(*transcripts), "wrote"))


def test_the_pair_does_at_once_what_both_heard_beside_a_guess() -> None:
    sphinx = Hearing((Reading("vary the melody", -3000.0), Reading("vary the bass", -3300.0)), frames=100)
    table = {
        "vary the melody": -0.3,
        "vary the bass": -1.9,
        "very the melody": -0.4,
        "every the melody": -1.2,
    }
    heard = wrote("very the melody", "vary the melody")
    d, said = agree(sphinx, heard, scorer(table), replace(LIMITS, confirm_edits="wrote"))
    assert (d.kind, d.intent.action, d.intent.part, said) == ("act", "vary", "melody", "vary the melody")
    assert is_check(agree(sphinx, heard, scorer(table), replace(LIMITS, confirm_edits="heard"))[0])
