"""v86: Whisper's plain grammar sentence (``spoken_plain``) overrides pocketsphinx's reading only where the
words the two differ in are far apart in sound (``AgreeLimits.plain_apart``): a one-word command a phone or
two from pocketsphinx's ("pause" against "play", "unmute" against "mute") is asked about, however far ahead
Whisper's forced score puts it; a reading pocketsphinx's grammar made of a sound it could not place is
still overruled. Sentences, transcripts and scores written here, not the benchmarks'."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bridge.commands.agreeing import LIMITS
from bridge.commands.confidence import Hearing, Reading
from bridge.commands.spoken_agree import agree
from bridge.commands.spoken_plain import words_apart
from tests.bridge.commands.test_spoken_agree import scorer
from tests.bridge.commands.test_spoken_check import wrote

APART = 0.5
ON = replace(LIMITS, plain_margin=0.5, plain_apart=APART)


@pytest.mark.parametrize(
    ("a", "b", "far"),
    [
        ("mute the bass", "unmute the bass", 1 / 3),  # "mute" and "unmute": two phones of six
        ("pause", "play", 2 / 3),
        ("halt", "help", 0.5),
        ("solo the melody", "solo the melody", 0.0),
        ("invert the lead", "invert it", 1.0),  # "the lead" against "it": every phone differs
    ],
)
def test_words_apart_measures_only_the_words_that_differ(a: str, b: str, far: float) -> None:
    assert words_apart(a, b) == pytest.approx(far)
    assert words_apart(b, a) == pytest.approx(far)


def _one_word(sphinx: str) -> Hearing:
    return Hearing((Reading(sphinx, -2000.0),), 60)


@pytest.mark.parametrize(
    ("sphinx", "whisper", "action", "acts_guarded"),
    [
        ("mute the bass", "unmute the bass", "mixer", False),  # a phone or two apart: asked
        ("stop it", "start", "play", False),  # "stop it" against "start": 0.33
        ("fill", "help", "help", True),  # pocketsphinx's grammar made "fill" of it: far apart, done
    ],
)
def test_near_rivals_are_asked_far_ones_still_overruled(
    sphinx: str, whisper: str, action: str, acts_guarded: bool
) -> None:
    heard = wrote(whisper, whisper + " " + whisper)
    scores = scorer({whisper: -0.4, sphinx: -3.4})
    unguarded, _ = agree(_one_word(sphinx), heard, scores, replace(ON, plain_apart=0.0))
    assert (unguarded.kind, unguarded.intent.action) == ("act", action)  # v85's rule alone acts on it
    guarded, _ = agree(_one_word(sphinx), heard, scores, ON)
    assert (guarded.kind == "act") is acts_guarded
    if not acts_guarded:
        assert guarded.kind == "ask"
