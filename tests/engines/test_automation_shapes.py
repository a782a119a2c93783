"""engines.automation: each shape's steps, written out by hand for small cases."""

from __future__ import annotations

import pytest

from engines.automation import Step, default_ends, envelope_steps
from engines.errors import InvalidValue


def test_a_rise_starts_on_from_and_ends_on_to_a_sixteenth_apart() -> None:
    steps = envelope_steps("rise", 1.0, 0.0, 3.0)
    assert steps == [Step(0.0, 0.25, 0.0), Step(0.25, 0.25, 1.0), Step(0.5, 0.25, 2.0), Step(0.75, 0.25, 3.0)]


def test_a_curve_bends_the_ramp_and_a_fall_defaults_high_to_low() -> None:
    assert [s.value for s in envelope_steps("rise", 1.0, 0.0, 9.0, curve=2.0)] == pytest.approx([0, 1, 4, 9])
    assert default_ends("fall", -1.0, 1.0) == (1.0, -1.0) and default_ends("dip", 0.0, 1.0) == (1.0, 0.0)
    assert default_ends("swell", 0.0, 1.0) == (0.0, 1.0)


def test_a_swell_goes_up_and_back_and_steps_climb_once_a_bar() -> None:
    swell = [s.value for s in envelope_steps("swell", 1.0, 0.0, 1.0)]
    assert swell == pytest.approx([0.0, 2 / 3, 2 / 3, 0.0])
    stairs = envelope_steps("steps", 16.0, 0.0, 127.0, quantized=True)
    assert stairs == [Step(0.0, 4.0, 0), Step(4.0, 4.0, 42), Step(8.0, 4.0, 85), Step(12.0, 4.0, 127)]


def test_an_lfo_is_at_from_on_each_cycle_and_at_to_half_way() -> None:
    steps = envelope_steps("lfo", 2.0, 0.2, 1.0, rate_beats=1.0)
    at = {s.time_beats: s.value for s in steps}
    assert at[0.0] == at[1.0] == pytest.approx(0.2) and at[0.5] == at[1.5] == pytest.approx(1.0)
    assert sum(s.duration_beats for s in steps) == pytest.approx(2.0) and len(steps) == 16


@pytest.mark.parametrize(
    ("kwargs", "said"),
    [
        ({"shape": "wobble"}, "shape 'wobble' is unknown"),
        ({"length_beats": 0.0}, "length_beats 0.0 is out of range"),
        ({"curve": 0.0}, "curve 0 is out of range"),
        ({"shape": "lfo", "rate_beats": 8.0}, "rate 8 beats is out of range: expected 1/16..4"),
    ],
)
def test_bad_values_are_named(kwargs: dict[str, object], said: str) -> None:
    args: dict[str, object] = {"shape": "rise", "length_beats": 4.0, "start": 0.0, "end": 1.0, **kwargs}
    with pytest.raises(InvalidValue, match=said.replace("(", r"\(")):
        envelope_steps(**args)  # type: ignore[arg-type]
