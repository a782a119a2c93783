"""A word in a key's or mode's place that no reader knows is asked about, never dropped (issue 55, round 24):
"Make please les accords for the couplet, 8 mesures, kurd on D" made the chords in the song's key on main.
Sentences written for this test (the mode words made up), not from any blind set."""

from __future__ import annotations

import pytest

from bridge.commands.agree import parse

pytestmark = pytest.mark.usefixtures("learned_reading")

ASKED = [
    ("some chords for the verse, 8 bars, zindar on E", "zindar", "E"),
    ("a bass line in D trelmak, 8 bars", "trelmak", "D"),
    ("make a melody in the quorvel mode, 4 bars", "quorvel", ""),
    ("chords in maqam zindar on F#, 8 bars", "zindar", "F#"),
]


@pytest.mark.parametrize(("text", "word", "tonic"), ASKED)
def test_an_unknown_mode_word_is_asked_about(text: str, word: str, tonic: str) -> None:
    intent = parse(text)
    assert not intent.understood, (text, intent.as_dict())
    assert f"which key or mode is {word}?" in intent.params["reason"], intent.params


@pytest.mark.parametrize(("text", "word", "tonic"), ASKED)
def test_its_examples_are_the_request_in_a_mode_and_without_one(text: str, word: str, tonic: str) -> None:
    examples = parse(text).params["suggestions"][:2]
    assert len(examples) == 2 and all(word not in e for e in examples), examples
    assert f"{tonic} minor".strip() in examples[0], examples
    for example in examples:
        acted = parse(example)
        assert acted.understood and acted.action == "generate", (example, acted.as_dict())


@pytest.mark.parametrize(
    "text",
    [
        "a melody in A minor pentatonic scale",  # a mode the readers know
        "chords in raag yaman with Sa on D",  # a raga's tonic: raga_words reads it
        "a melody in the dorian mode",
        "a melody starting on E",  # an English word before the tonic
        "a bass line in E flat, 8 bars",  # a tonic with its accidental, no mode word
    ],
)
def test_a_known_key_or_an_english_word_is_not_asked(text: str) -> None:
    assert parse(text).understood, parse(text).as_dict()
