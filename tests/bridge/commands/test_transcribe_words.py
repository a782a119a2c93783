"""Issue 54's words: asking for MIDI of audio is a transcribe intent, with the kind the words name and a
stem when a part of the clip ("the bass of this sample") is asked for; other sentences are not."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of


@pytest.mark.parametrize(
    ("text", "params"),
    [
        ("turn this into midi", {"kind": "auto"}),
        ("Convert the riff to MIDI", {"kind": "auto"}),
        ("give me the bass of this sample as midi", {"kind": "bass", "stem": "bass"}),
        ("put the drums from this loop into a midi clip", {"kind": "drums", "stem": "drums"}),
        ("turn this drum loop into midi, quantized", {"kind": "drums", "quantize": 1.0}),
        ("convert my bass line to midi", {"kind": "bass"}),
        ("turn the vocals of this song into midi", {"kind": "melody", "stem": "vocals"}),
        ("transcribe this piano", {"kind": "piano"}),
        ("make this humming into midi notes", {"kind": "melody"}),
        # a stem taken "off" a recording; hand drums heard as drum hits, not pitched notes
        ("pull the singing off this recording as midi", {"kind": "melody", "stem": "vocals"}),
        ("get the guitar off that track into midi", {"kind": "auto", "stem": "guitar"}),
        ("turn these congas into midi", {"kind": "drums"}),
        ("convert my djembe recording to midi notes", {"kind": "drums"}),
        ("transcribe the shaker loop", {"kind": "drums"}),
    ],
)
def test_asking_for_midi_of_audio_is_a_transcribe_intent(text: str, params: dict[str, object]) -> None:
    intent = parse(text)
    assert intent.action == "transcribe" and intent.params == params, intent


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("make a funky bass line", "generate"),
        ("split the stems", "separate"),
        ("undo that", "undo"),
        ("analyze this clip", "analyze"),
    ],
)
def test_sentences_without_midi_of_audio_keep_their_own_action(text: str, action: str) -> None:
    assert parse(text).action == action


@pytest.mark.parametrize(
    ("text", "means"),
    [
        ("turn this riff into midi", {"op": "transcribe", "target": "this"}),
        ("convert my bass line to midi", {"op": "transcribe", "target": "bass"}),
        ("give me the bass of this sample as midi", {"op": "transcribe", "target": "bass"}),
        ("turn the vocals of this song into midi", {"op": "transcribe", "target": "vocals"}),
        (
            "turn this drum loop into midi, quantized",
            {"op": "transcribe", "target": "drums", "quantize": 1.0},
        ),
    ],
)
def test_the_schema_reads_a_transcription_as_its_stem_else_its_kind_else_this(
    text: str, means: dict[str, object]
) -> None:
    """docs/intents.md: op transcribe, target the stem asked for, else the kind said, else ``this``."""
    assert means_of(parse(text).as_dict()) == means


@pytest.mark.parametrize(
    "text", ["transcribe this guitar solo into tabs", "transcribe my voice memo into text"]
)
def test_notes_on_paper_or_words_are_no_transcription(text: str) -> None:
    assert parse(text).action != "transcribe"
