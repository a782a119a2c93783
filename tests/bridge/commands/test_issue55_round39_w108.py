"""Issue 55, round 39 (w108), after the blind measurement: sentences of our own, never a blind set's lines.

- a tag word at a clause's end (a short word no command says, after the request's last word: "lah", "wor",
  "nah", "bine?") is no word of the request (``clause_tags``): never a track's name, never a question, never a
  later request left undone;
- "X can or not" is the request X;
- "the climax" is the chorus where a place is meant (``section_words``); a quoted name keeps it.
"""

from __future__ import annotations

import pytest

from bridge.commands import parse

pytestmark = pytest.mark.usefixtures("learned_reading")


def _act(text: str) -> tuple[str, str | None, str | None, str | None]:
    intent = parse(text)
    return intent.action, intent.params.get("do"), intent.part, intent.params.get("track_name")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("unmute the bass wor", ("mixer", "unmute", "bass", None)),
        ("take the mute off the chords nah", ("mixer", "unmute", "chords", None)),
        ("mute the drums lah, too noisy", ("mixer", "mute", "drums", None)),
        ("solo the melody ar, want to check it", ("mixer", "solo", "melody", None)),
    ],
)
def test_a_tag_after_a_part_is_no_track_name_nor_question(
    text: str, want: tuple[str, str, str, None]
) -> None:
    assert _act(text) == want


def test_a_later_request_with_a_tag_is_done() -> None:
    intent = parse("solo the piano track first, then mute the violin track wor")
    assert intent.params.get("track_name") == "piano" and "not_done" not in intent.params
    (then,) = intent.params["then"]
    assert (then["params"]["do"], then["params"]["track_name"]) == ("mute", "violin")


@pytest.mark.parametrize("text", ["cancel ga, taking forever", "cancel wor"])
def test_a_tagged_cancel_cancels(text: str) -> None:
    assert parse(text).action == "cancel"


@pytest.mark.parametrize("text", ["melody up two semitones can or not", "melody up two semitones, bine?"])
def test_a_request_asked_with_a_tag_is_done(text: str) -> None:
    intent = parse(text)
    assert (intent.action, intent.part, intent.params.get("semitones")) == ("transform", "melody", 2)


@pytest.mark.parametrize("text", ["mute the erhu", "add some oud"])
def test_an_unknown_instrument_after_an_article_is_no_tag(text: str) -> None:
    assert parse(text).action == "unknown"


@pytest.mark.parametrize(
    ("text", "nth"),
    [
        ("bass line for the climax ga, 4 bars", 1),
        ("chords in the second climax, 8 bars", 2),
        ("a busier beat for the last climax", None),
    ],
)
def test_the_climax_said_as_a_place_is_the_chorus(text: str, nth: int | None) -> None:
    region = parse(text).params.get("region") or {}
    assert region.get("section") == "chorus"
    if nth is not None:
        assert region.get("nth") == nth


def test_a_quoted_climax_is_a_name() -> None:
    intent = parse("name this take 'climax idea 3'")
    assert (intent.action, intent.params.get("name")) == ("history", "climax idea 3")


@pytest.mark.parametrize("text", ["mute the drums yo", "solo the bass fam"])
def test_a_part_with_a_stray_word_is_the_part(text: str) -> None:
    intent = parse(text)
    assert intent.action == "mixer" and intent.part in ("drums", "bass") and "track_name" not in intent.params


def test_a_part_with_a_stray_word_and_track_said_is_a_track() -> None:
    assert parse("mute the drums yo track").params.get("track_name") == "drums yo"
