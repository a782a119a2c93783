"""Issue 55 round 14 (r56a): a choice said against what it replaces reads the chosen value, never the
refused one ("X instead of Y", "X rather than Y", "not Y but X", "X, not Y")."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.contrast import preferred


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("give the keys a shuffle instead of a straight feel", "give the keys a shuffle"),
        ("rather than double time, play the hats at half time", "play the hats at half time"),
        ("make the pads busier rather than the lead", "make the pads busier"),
        ("go swung not straight", "go swung not straight"),  # no "but", no comma: as said
        ("make it not plain but syncopated", "make it syncopated"),
        ("drop the toms, not the clap", "drop the toms"),
        ("put the chords in place of the strings on the drop", "put the chords on the drop"),
    ],
)
def test_refused_alternative_is_left_out(said: str, read: str) -> None:
    assert preferred(said) == read


@pytest.mark.parametrize(
    "said",
    [
        "mute everything, not the clap",  # an exception after every part, not a choice
        "solo the whole kit, not the hats",
        "do not mute the toms but the ride",  # a verb's own negation
        "mute the keys but not the pads",
        "replace the take instead",  # "instead" alone is a replace
    ],
)
def test_exceptions_and_negations_stay(said: str) -> None:
    assert preferred(said) == said


@pytest.mark.parametrize(
    ("said", "wrong"),
    [
        ("give the keys a shuffle feel instead of a straight one", "straight"),
        ("play the groove straight rather than swung", "swing"),
        ("the hats want half time instead of double time", "double_time"),
        ("not half time but double time on the drums please", "half_time"),
        ("mute the clap instead of the rim", "rim"),
        ("make it dub techno instead of garage", "garage"),
        ("put it in F minor rather than G minor", "G minor"),
    ],
)
def test_refused_value_is_never_acted_on(said: str, wrong: str) -> None:
    intent = parse(said).as_dict()
    assert wrong not in str(intent["params"]) or intent["action"] == "unknown", intent


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("give the drums a swing feel instead of a straight one", "swing"),
        ("make the drums straight instead of swung", "straight"),
        ("instead of double time, take the drums to half time", "half_time"),
    ],
)
def test_chosen_feel_acts(said: str, kind: str) -> None:
    intent = parse(said).as_dict()
    assert intent["action"] == "transform" and intent["params"]["kind"] == kind, intent


def test_chosen_voice_is_muted_alone() -> None:
    intent = parse("mute the snare instead of the hats").as_dict()
    assert intent["params"].get("voices") == "snare", intent
