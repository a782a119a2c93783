"""Issue 55, round 38 (w103), after the blind measurement: sentences of our own, never a blind set's lines.

- a name or prompt given in quotes comes back exactly as typed: no reader's table (sections, tongues, spelling)
  rewrites the words inside quotes (``typed_names.kept_quoted``);
- "project tempo 132 <unread words>": the tempo named with its number is a tempo set, never a song or a part made
  on the learned reading's guess (``tempo_said``); asked at most;
- a voice of the kit said of the clip ("this snare warm up", "the kick loop") is transcribed as drums.
"""

from __future__ import annotations

import pytest

from bridge.commands import parse

pytestmark = pytest.mark.usefixtures("learned_reading")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('name this take "mukhda final"', "mukhda final"),
        ('name this take "antara sketch two"', "antara sketch two"),
        ("call this take 'antara idea'", "antara idea"),
        ("name it \u201cMukhda Take 3\u201d", "Mukhda Take 3"),
        ('name this take "gonna b gr8"', "gonna b gr8"),
    ],
)
def test_a_quoted_name_is_kept_as_typed(text: str, name: str) -> None:
    intent = parse(text)
    assert (intent.action, intent.params.get("do"), intent.params.get("name")) == ("history", "name", name)


def test_a_quoted_prompt_is_kept_as_typed() -> None:
    intent = parse('musicgen "a tabla loop with a mukhda vibe"')
    assert (intent.action, intent.params.get("prompt")) == ("musicgen", "a tabla loop with a mukhda vibe")


@pytest.mark.parametrize(
    "text",
    [
        "project tempo 132 blorp set zindu",
        "the tempo 132 blah foo",
        "song tempo 96 wibble wobble set",
        "the project tempo at 128 florb wibble",
        "session tempo 140 quux done",
    ],
)
def test_a_tempo_said_with_unread_words_makes_nothing(text: str) -> None:
    intent = parse(text)
    assert intent.action in ("set_tempo", "unknown"), intent
    assert intent.part is None
    if intent.action == "set_tempo":
        assert intent.params.get("tempo_bpm") in (132, 96, 128, 140)


def test_a_tempo_said_plainly_is_set() -> None:
    intent = parse("the tempo 132 blah foo")
    assert (intent.action, intent.params.get("tempo_bpm")) == ("set_tempo", 132)


@pytest.mark.parametrize(
    "text",
    [
        "make a whole song at 132 bpm",
        "make a song, tempo 132",
    ],
)
def test_a_song_asked_for_is_still_made(text: str) -> None:
    assert (parse(text).action, parse(text).part) == ("generate", "song")


@pytest.mark.parametrize(
    "text",
    [
        "Turn this take of my snare practice into MIDI",
        "convert this kick loop to midi",
        "turn the hi hat groove into midi",
        "this tom fill to midi please",
        "convert my drum kit recording to midi",
        "turn this clap loop into midi notes",
        "can you make this ride pattern into midi",
    ],
)
def test_a_drum_voice_said_of_the_clip_is_drums(text: str) -> None:
    intent = parse(text)
    assert (intent.action, intent.params.get("kind")) == ("transcribe", "drums"), intent


@pytest.mark.parametrize(
    ("text", "kind"),
    [("turn this piano fill into midi", "piano"), ("turn this riff into midi", "auto")],
)
def test_other_clips_keep_their_kind(text: str, kind: str) -> None:
    assert parse(text).params.get("kind") == kind
