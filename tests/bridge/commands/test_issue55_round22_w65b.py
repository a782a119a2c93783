"""Issue 55, round 22 (w65b): a part named in a word neither reader knows ("the tumba", "the gordo", "the
cuica", "the wobble") was dropped and the change acted on the selected clip, on another part the sentence
names, or on a track of that name; it is asked "which part is the X?" with the sentence said with likely
parts as its examples. Known part words still act, and "grave" (Brazil's word for the bass) is read as the
bass after an article (sentences of our own, never a blind set's lines)."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.normalize import normalize
from bridge.commands.unknown_parts import unknown_part

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("regenerate the tumba in the first chorus", "tumba"),
        ("humanize the qanun", "qanun"),  # (the cuica: hand percussion since round 23)
        ("quantize the gordo", "gordo"),
        ("new notes in the last 4 bars of the tumba", "tumba"),
        ("put the gordo up two semitones", "gordo"),
        ("move the qanun up an octave", "qanun"),
        ("the tumba is too loud, its covering the snare", "tumba"),
        ("mute the gordo", "gordo"),
        ("redo the zorp", "zorp"),
    ],
)
def test_an_unknown_part_word_is_asked_about(text: str, word: str) -> None:
    intent = parse(text)
    assert not intent.understood, (text, intent.action, intent.part, intent.params)
    assert intent.params["reason"] == f"which part is the {word}?"
    tips = intent.params["suggestions"][:2]
    assert tips and all(word not in t and parse(t).understood for t in tips), tips


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("regenerate the grave in the second verse", "bass"),
        ("put the grave down for one octave", "bass"),
        ("solo the grave", "bass"),
        ("new notes in the last 2 bars of the grave", "bass"),
        ("transpose the baixo up an octave", "bass"),
        ("quantize the gordo bass", "bass"),
        ("humanize the hats", "drums"),
        ("mute the 808", "bass"),
    ],
)
def test_known_part_words_still_act(text: str, part: str) -> None:
    intent = parse(text)
    assert intent.understood and intent.part == part, (text, intent.params)


@pytest.mark.parametrize(
    ("text", "track"),
    [("mute the cuica track", "cuica"), ("solo the Cuica", "cuica"), ("make the strings louder", "strings")],
)
def test_a_track_said_as_one_still_acts(text: str, track: str) -> None:
    intent = parse(text)
    assert intent.understood and intent.params.get("track_name") == track, (text, intent.params)


@pytest.mark.parametrize(
    "text",
    ["regenerate the drop", "transpose it up an octave", "mute the selection", "swing the beat a bit",
     "humanize the strings track", "the bass is too loud", "quantize the hats in the chorus",
     "get the jam a little busier in the chorus", "push the bpm up by 4", "bring back the take from before",
     "the drop's kind of flat", "put the tumba loop on track 2"],
)  # fmt: skip
def test_no_unknown_part_in_plain_words(text: str) -> None:
    assert unknown_part(normalize(text)[0], text) is None
