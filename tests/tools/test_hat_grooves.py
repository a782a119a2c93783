"""The open-hat check's grooves (tools/corpus/hat_grooves): seeded, rich in open hats, one hi-hat."""

from __future__ import annotations

import random

import pytest

from tools.corpus import hat_grooves


@pytest.mark.parametrize("style", hat_grooves.STYLES)
def test_each_style_is_seeded_and_plays_open_hats_beside_closed_ones(style: str) -> None:
    notes = hat_grooves.groove(style, random.Random(7))
    assert notes == hat_grooves.groove(style, random.Random(7))
    pitches = [n.pitch for n in notes]
    assert pitches.count(hat_grooves.OPEN) >= 4, pitches
    assert pitches.count(hat_grooves.CLOSED) >= 4, pitches
    assert hat_grooves.KICK in pitches


def test_an_open_and_a_closed_hat_never_sound_together() -> None:
    for style in hat_grooves.STYLES:
        for seed in range(20):
            notes = hat_grooves.groove(style, random.Random(seed))
            opens = {n.start_beats for n in notes if n.pitch == hat_grooves.OPEN}
            shut = {n.start_beats for n in notes if n.pitch in (hat_grooves.CLOSED, hat_grooves.PEDAL)}
            assert not opens & shut, (style, seed, sorted(opens & shut))


def test_an_unknown_style_is_named_in_the_error() -> None:
    with pytest.raises(ValueError, match=r"'samba'.*house"):
        hat_grooves.groove("samba", random.Random(0))
