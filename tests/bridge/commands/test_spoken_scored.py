"""v80: a song change pocketsphinx heard best, for which Whisper wrote no command but near sounds, is done at
once where Whisper's forced scores pick it among the commands proposed (``AgreeLimits.scored_margin``);
still said back where Whisper wrote a command, its words sound far off, pocketsphinx read another, or
another command scores near it. Sentences, transcripts and scores written here, not the studio benchmark's."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bridge.commands import parse
from bridge.commands.agreeing import LIMITS
from bridge.commands.confidence import Decision, Hearing, Reading
from bridge.commands.safety import spoken
from bridge.commands.spoken_agree import agree
from bridge.commands.spoken_check import is_check
from bridge.commands.spoken_scored import scored_alike, unless_scored
from tests.bridge.commands.test_spoken_agree import scorer
from tests.bridge.commands.test_spoken_check import wrote
from tests.bridge.commands.test_spoken_heard import _dictionary, act  # noqa: F401 (the autouse fixture)

MARGIN = 0.5


def said_back(sphinx: str, transcripts: tuple[str, ...]) -> Decision:
    decision, _ = act(sphinx)
    return Decision("confirm", decision.intent, (decision.intent,), "the recognisers disagree: ...")


@pytest.mark.parametrize(
    ("sphinx", "transcripts"),
    [
        ("quantize the melody", ("one tied the melody",)),
        ("transpose down two semitones", ("transpose down to semitones",)),  # a number written as "to"
        ("vary the bass", ("very the bass",)),
    ],
)
def test_whisper_wrote_no_command_but_scores_it_ahead(sphinx: str, transcripts: tuple[str, ...]) -> None:
    for t in transcripts:  # what the rule is about: Whisper's words read as no command
        assert not spoken(parse(t, True)).understood, t
    decision, best = act(sphinx)
    back = said_back(sphinx, transcripts)
    done = unless_scored(back, -1.0, best, [-1.6, -4.0], transcripts, MARGIN)
    assert (done.kind, done.intent) == ("act", decision.intent)
    assert is_check(unless_scored(back, -1.0, best, [-1.6, -4.0], transcripts, -1.0))  # off: said back
    assert is_check(unless_scored(back, -1.0, best, [-1.3], transcripts, MARGIN))  # a rival scored near


@pytest.mark.parametrize(
    ("sphinx", "transcripts"),
    [
        ("vary the bass", ("very the bass", "humanize the bass")),  # Whisper also wrote a command
        ("vary the bass", ("vary the bass",)),  # Whisper wrote the command itself: part J's to judge
        ("mute the keys", ("give a cheese",)),  # no command, but far off in sound
        ("quantize the melody", ()),  # Whisper wrote nothing
    ],
)
def test_still_said_back(sphinx: str, transcripts: tuple[str, ...]) -> None:
    decision, best = act(sphinx)
    assert not scored_alike(decision.intent, -1.0, best, [-4.0], transcripts, MARGIN)


def test_pocketsphinx_must_read_the_command_best() -> None:
    decision, _ = act("quantize the melody")
    other = ("quantize the bass", spoken(parse("quantize the bass", True)))
    assert not scored_alike(decision.intent, -1.0, other, [-4.0], ("one tied the melody",), MARGIN)
    assert not scored_alike(decision.intent, -1.0, None, [-4.0], ("one tied the melody",), MARGIN)
    melody, _ = act("vary the melody")  # Whisper's words sound like pocketsphinx's best, another command
    assert not scored_alike(melody.intent, -1.0, act("vary the bass")[1], [-4.0], ("very the bass",), MARGIN)
    assert scored_alike(
        decision.intent, -1.0, act("quantize the melody")[1], [], ("one tied the melody",), 0.0
    )


def test_the_pair_does_it_at_once_by_whisper_s_scores() -> None:
    sphinx = Hearing((Reading("quantize the melody", -3000.0), Reading("quantize the bass", -3400.0)), 100)
    table = {"quantize the melody": -1.2, "quantize the bass": -3.1, "one tied the melody": -0.9}
    heard = wrote("one tied the melody")
    d, said = agree(sphinx, heard, scorer(table), replace(LIMITS, scored_margin=MARGIN))
    assert (d.kind, d.intent.action, d.intent.part, said) == (
        "act",
        "transform",
        "melody",
        "quantize the melody",
    )
    assert is_check(agree(sphinx, heard, scorer(table), replace(LIMITS, scored_margin=-1.0))[0])
    near = {**table, "quantize the bass": -1.4}  # the audio does not pick between the two
    assert is_check(agree(sphinx, heard, scorer(near), replace(LIMITS, scored_margin=MARGIN))[0])


def test_the_daemon_s_limits_take_it() -> None:
    sphinx = Hearing((Reading("vary the bass", -3000.0), Reading("vary the drums", -3500.0)), 100)
    table = {"vary the bass": -1.0, "vary the drums": -2.6, "very the bass": -0.7, "every the bass": -1.8}
    d, _ = agree(sphinx, wrote("very the bass"), scorer(table), LIMITS)
    assert (d.kind, d.intent.action, d.intent.part) == ("act", "vary", "bass")
