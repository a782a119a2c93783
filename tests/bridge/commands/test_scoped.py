"""Issue 55: scoped clauses protect their target and the change goes to the other (sentences of our
own). Each case of the first test failed on aa62efa (the protected target was changed, or the
clause's verb was the one acted on); the last test guards readings that already worked."""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands.agree import parse
from bridge.commands.scoped import ALL_VOICES, scoped_of

OTHERS_THAN_KICK = ",".join(v for v in ALL_VOICES if v != "kick")


SCOPED = [
        ("leave the snare alone and quantize the hats", "transform", "drums", {"kind": "quantize", "voices": "hats"}),
        ("leave the ride be, then swing the hats", "transform", "drums",
         {"kind": "swing", "amount": 0.66, "voices": "hats"}),
        ("the bass is fine, make the melody busier", "adjust", "melody", {"what": "density", "direction": "up"}),
        ("swing the hi hats but keep the snare straight", "transform", "drums",
         {"kind": "swing", "amount": 0.66, "voices": "hats"}),
        ("thin out the beat but leave the kick alone", "transform", "drums",
         {"kind": "density", "amount": 0.3, "voices": OTHERS_THAN_KICK}),
        ("humanize the drums except the kick", "transform", "drums", {"kind": "humanize", "voices": OTHERS_THAN_KICK}),
        ("don't change the chords, write a new bass line in D minor", "generate", "bass", {"key": "D minor"}),
        ("the chords sound great as they are, just transpose the melody down an octave", "transform", "melody",
         {"kind": "transpose", "semitones": -12}),
        ("don't touch the kick, just thin the chords", "adjust", "chords", {"what": "density", "direction": "down"}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "action", "part", "params"), SCOPED)
def test_scoped_clause_protects_its_target(text: str, action: str, part: str, params: dict[str, Any]) -> None:
    intent = parse(text)
    assert (intent.action, intent.part, intent.params) == (action, part, params)


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(("text", "action", "part", "params"), SCOPED)
def test_scoped_clause_with_the_learned_reading(
    text: str, action: str, part: str, params: dict[str, Any]
) -> None:
    intent = parse(text)  # the rest of the sentence read by the rules and the learned reading together
    assert (intent.action, intent.part, intent.params) == (action, part, params)


def test_the_clause_is_cut_and_its_target_named() -> None:
    scoped = scoped_of(" dont touch the kick just thin the chords ")
    assert scoped is not None
    assert scoped.protected == ("kick",)
    assert scoped.rest.split() == ["thin", "the", "chords"]
    assert scoped_of(" keep the hats straight ") is None  # nothing else said: the rules' own command


@pytest.mark.parametrize(
    ("text", "action", "params"),
    [
        ("mute everything except the piano", "mixer", {"do": "solo", "track_name": "piano"}),
        ("keep the hats straight", "transform", {"kind": "straight", "voices": "hats"}),
    ],
)
def test_readings_without_another_clause_stay_the_rules(
    text: str, action: str, params: dict[str, Any]
) -> None:
    intent = parse(text)
    assert (intent.action, intent.params) == (action, params)
