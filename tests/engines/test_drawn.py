"""An envelope as drawn: redrawn exactly from its recipe, and as a MIDI CC lane where a CC fits."""

from __future__ import annotations

from engines.automation import Drawn, cc_number, cc_values, envelope_steps


def test_which_parameters_have_a_midi_controller() -> None:
    assert cc_number("Mixer", "volume") == 7 and cc_number("mixer", "pan") == 10
    assert cc_number("Auto Filter", "Frequency") == 74 and cc_number("AutoFilter", "Cutoff") == 74
    assert cc_number("Wavetable", "Filter 1 Freq") == 74
    assert cc_number("Mixer", "send a") is None and cc_number("Auto Filter", "Resonance") is None
    assert cc_number("Reverb", "Decay Time") is None


def test_a_drawn_envelope_is_its_steps_and_its_lane_spans_0_to_127() -> None:
    rise = Drawn("Mixer", "volume", "rise", 0.0, 1.0, 0.0, 1.0, 2.0, 4.0)
    assert rise.steps() == envelope_steps("rise", 4.0, 0.0, 1.0)
    lane = cc_values(rise)
    assert lane[0] == (2.0, 0) and lane[-1] == (5.75, 127)  # from the region's place in the clip
    assert [v for _, v in lane] == sorted(v for _, v in lane)
    pan = Drawn("Mixer", "pan", "lfo", -1.0, 1.0, -1.0, 1.0, 0.0, 2.0, rate_beats=1.0)
    values = [v for _, v in cc_values(pan)]
    assert (values[0], values[2], values[4], values[8]) == (
        0,
        63,
        127,
        0,
    )  # left, centre (63.5 rounds to even), right, left
    assert Drawn.from_json(pan.as_json()) == pan
