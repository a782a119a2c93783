"""The words of drawn automation (issue 43) parse to an automate intent with the mixer's volume or
an Auto Filter's frequency, the shape, its ends and the target; other sentences are untouched."""

from __future__ import annotations

import pytest

from bridge.commands import parse


@pytest.mark.parametrize(
    ("text", "part", "params"),
    [
        ("fade the pad in over eight bars", None,
         {"device": "mixer", "parameter": "volume", "shape": "rise", "from": 0.0, "to": 0.85, "track_name": "pad", "bars": 8}),
        ("fade out the drums", "drums", {"device": "mixer", "parameter": "volume", "shape": "fall", "from": 0.85, "to": 0.0}),
        ("duck the bass on every beat", "bass",
         {"device": "mixer", "parameter": "volume", "shape": "lfo", "from": 0.3, "to": 0.85, "rate": 1.0}),
        ("duck the bass every bar", "bass",
         {"device": "mixer", "parameter": "volume", "shape": "lfo", "from": 0.3, "to": 0.85, "rate": 4.0}),
        ("filter sweep up on the chords", "chords", {"device": "Auto Filter", "parameter": "frequency", "shape": "rise"}),
        ("sweep the filter down on the lead", "melody",
         {"device": "Auto Filter", "parameter": "frequency", "shape": "fall"}),
        ("swell the strings", None,
         {"device": "mixer", "parameter": "volume", "shape": "swell", "from": 0.0, "to": 0.85, "track_name": "strings"}),
    ],
)  # fmt: skip
def test_automation_words(text: str, part: str | None, params: dict[str, object]) -> None:
    intent = parse(text)
    assert (intent.action, intent.part, intent.params) == ("automate", part, params)


@pytest.mark.parametrize("text", ["make the drums busier", "a funky bassline", "stop the jam", "undo"])
def test_other_commands_are_not_automation(text: str) -> None:
    assert parse(text).action != "automate"
