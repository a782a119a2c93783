"""Transforms at one place (bar, beat) and of one drum voice: only those notes change."""

from __future__ import annotations

import pytest

from engines.errors import InvalidValue
from engines.music import Note
from engines.transforms import make_options, transform
from engines.transforms.drum_voices import VOICES

KICK, SNARE, HAT = 36, 38, 42
BARS = 4
LENGTH = 4.0 * BARS


def groove() -> list[Note]:
    """Four bars: kick on beats 1 and 3, snare on 2 and 4, hats on every 8th."""
    notes = []
    for bar in range(BARS):
        t0 = bar * 4.0
        notes += [Note(KICK, t0, 0.25, 100), Note(KICK, t0 + 2, 0.25, 100)]
        notes += [Note(SNARE, t0 + 1, 0.25, 100), Note(SNARE, t0 + 3, 0.25, 100)]
        notes += [Note(HAT, t0 + i * 0.5, 0.125, 80) for i in range(8)]
    return notes


def key(n: Note) -> tuple[int, float]:
    return n.pitch, round(n.start_beats, 4)


def test_removing_the_kick_on_beat_one_of_bar_four_removes_that_kick_only() -> None:
    notes = groove()
    out = transform("drums_remove", notes, make_options(LENGTH, voices="kick", bar=4, beat=1)).notes
    assert {key(n) for n in notes} - {key(n) for n in out} == {(KICK, 12.0)}
    assert len(out) == len(notes) - 1


def test_muting_the_hats_in_bar_two_keeps_the_hats_elsewhere_and_every_other_voice() -> None:
    notes = groove()
    out = transform("drums_remove", notes, make_options(LENGTH, voices="hats", bar=2)).notes
    gone = {key(n) for n in notes} - {key(n) for n in out}
    assert gone == {(HAT, 4.0 + i * 0.5) for i in range(8)}
    assert sum(n.pitch == HAT for n in out) == 24 and sum(n.pitch in (KICK, SNARE) for n in out) == 16


def test_a_humanized_hit_just_before_its_beat_counts_as_on_it() -> None:
    notes = [Note(KICK, 11.99, 0.25, 100), Note(KICK, 13.0, 0.25, 100)]
    out = transform("drums_remove", notes, make_options(LENGTH, voices="kick", bar=4, beat=1)).notes
    assert [n.start_beats for n in out] == [13.0]


def test_swinging_the_hats_moves_only_hats() -> None:
    notes = groove()
    out = transform("swing", notes, make_options(LENGTH, voices="hats", amount=0.66)).notes
    others = sorted(key(n) for n in notes if n.pitch != HAT)
    assert sorted(key(n) for n in out if n.pitch != HAT) == others
    offbeats = sorted(n.start_beats for n in out if n.pitch == HAT and n.start_beats % 1 != 0)
    assert offbeats and all(abs(t % 1 - 0.5) > 0.05 for t in offbeats)  # the off-beat 8ths moved late
    whole = transform("swing", notes, make_options(LENGTH, amount=0.66)).notes
    assert sorted(key(n) for n in whole if n.pitch != HAT) == others  # on-beat kicks and snares: no change


def test_every_bar_beat_three_only() -> None:
    notes = groove()
    out = transform("drums_remove", notes, make_options(LENGTH, voices="kick", beat=3)).notes
    assert sorted(n.start_beats for n in out if n.pitch == KICK) == [0.0, 4.0, 8.0, 12.0]


def test_a_place_past_the_clip_or_on_a_whole_clip_transform_is_refused_by_name() -> None:
    with pytest.raises(InvalidValue, match=r"bar 5 is past the clip.s end: expected 1\.\.4"):
        transform("drums_remove", groove(), make_options(LENGTH, voices="kick", bar=5))
    with pytest.raises(InvalidValue, match="waltz works on the whole clip"):
        transform("waltz", groove(), make_options(LENGTH, bar=2))
    with pytest.raises(InvalidValue, match="half_time works on the whole clip"):  # a beat is no span of bars
        transform("half_time", groove(), make_options(LENGTH, beat=2))
    with pytest.raises(InvalidValue, match=r"beat 6 is outside the bar: expected 1\.\.4"):
        make_options(LENGTH, beat=6)
    with pytest.raises(InvalidValue, match="bar -1 is not valid"):
        make_options(LENGTH, bar=-1)


def test_no_place_changes_nothing_about_the_old_behaviour() -> None:
    notes = groove()
    out = transform("drums_remove", notes, make_options(LENGTH, voices="kick")).notes
    assert not any(n.pitch in VOICES["kick"] for n in out) and len(out) == len(notes) - 8
