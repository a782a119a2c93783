"""engines.warping: warp markers that put analysed bars on the Set's bar lines, and times through them."""

from __future__ import annotations

import random

import pytest

from engines.analysis.result import ChordSegment
from engines.errors import InvalidValue
from engines.warping import beat_length, beats_at, chords_through, plan_warp
from engines.warping.plan import INNER_BEAT_TOLERANCE_S


def grid(bpm: float, count: int, offset_s: float = 0.5) -> list[float]:
    return [round(offset_s + i * 60.0 / bpm, 4) for i in range(count)]


def test_a_steady_take_gets_one_marker_a_bar_and_its_bars_on_bar_lines() -> None:
    beats = grid(76.0, 35)  # two pickup beats, then 8 bars and a last downbeat
    downs = beats[2::4]
    plan = plan_warp(
        beats, downs, beats_per_bar=4, signature=(4, 4), region_start_s=0.0, region_end_s=beats[-1] + 0.1
    )
    assert plan.markers == tuple((d, 4.0 * k) for k, d in enumerate(downs))  # no pickup, no inner beat
    assert (plan.start_beats, plan.end_beats, plan.bars, plan.loop) == (0.0, 32.0, 8, (0.0, 32.0))
    for i, t in enumerate(beats[2:]):  # the beats between are on Live's beats too
        assert beats_at(plan.markers, t) == pytest.approx(i, abs=1e-3)


def test_a_drifting_drummer_gets_markers_where_beats_leave_the_bar_s_line() -> None:
    rng = random.Random(4)
    beats, t = [], 0.3
    for i in range(33):  # 92 -> 106 BPM, +-12 ms on every beat
        beats.append(round(t + (rng.uniform(-0.012, 0.012) if i else 0.0), 4))
        t += 60.0 / (92.0 + 14.0 * i / 32)
    beats[13] = round(beats[13] - 0.03, 4)  # a rushed fill: 30 ms early in bar 4
    downs = beats[::4]
    plan = plan_warp(
        beats, downs, beats_per_bar=4, signature=(4, 4), region_start_s=0.0, region_end_s=beats[-1] + 0.05
    )
    marked = {s for s, _ in plan.markers}
    for i, t in enumerate(beats):
        beat = beats_at(plan.markers, t)
        if i % 4 == 0:
            assert beat == 4.0 * (i // 4)  # exactly on the bar line
        elif t in marked:
            assert beat == pytest.approx(i, abs=1e-9)
        else:  # left to the bar's straight line: off Live's beat by no more than the tolerance
            bar_s = (beats[i - i % 4 + 4] - beats[i - i % 4]) / 4
            assert abs(beat - i) * bar_s <= INNER_BEAT_TOLERANCE_S + 1e-9
    assert beats[13] in marked and len(downs) < len(plan.markers) < len(beats)


def test_a_missed_downbeat_makes_a_two_bar_span() -> None:
    beats = grid(120.0, 17)
    downs = [beats[0], beats[8], beats[12], beats[16]]  # the tracker missed the one at beat 4
    plan = plan_warp(
        beats, downs, beats_per_bar=4, signature=(4, 4), region_start_s=0.0, region_end_s=beats[-1]
    )
    assert [beats_at(plan.markers, d) for d in downs] == [0.0, 8.0, 12.0, 16.0]


def test_times_are_seconds_of_the_region_and_markers_seconds_of_the_file() -> None:
    beats = grid(100.0, 9, offset_s=0.1)
    plan = plan_warp(
        beats, beats[::4], beats_per_bar=4, signature=(4, 4), region_start_s=2.0, region_end_s=2.0 + beats[-1]
    )
    assert plan.markers[0] == (2.0 + beats[0], 0.0) and plan.end_beats == 8.0


@pytest.mark.parametrize(
    ("end_beat", "end_beats", "pinned"),
    [
        (11.8, 12.0, True),  # 0.2 beat short of the bar line after the last beat: pinned onto it
        (12.4, 12.0, True),  # a little past it: pinned too
        (10.0, 8.0, False),  # half a bar after the last bar line: the clip ends there
        (8.3, 8.0, False),  # just past the last downbeat: back onto it
    ],
)
def test_the_clip_ends_on_a_bar_line(end_beat: float, end_beats: float, pinned: bool) -> None:
    beats = grid(100.0, 12)  # 0.6 s a beat, downbeats at beats 0, 4 and 8, the last beat is 11
    end_s = 0.5 + end_beat * 0.6
    plan = plan_warp(
        beats, beats[::4], beats_per_bar=4, signature=(4, 4), region_start_s=0.0, region_end_s=end_s
    )
    assert plan.end_beats == end_beats
    assert (plan.markers[-1] == (end_s, end_beats)) is pinned


@pytest.mark.parametrize(
    ("beats_per_bar", "signature", "step"),
    [
        (4, (4, 4), 1.0),
        (3, (3, 4), 1.0),
        (6, (6, 8), 0.5),
        (2, (6, 8), 1.5),
        (4, (12, 8), 1.5),
        (7, (7, 8), 0.5),
    ],
)
def test_an_analysed_beat_is_a_beat_of_the_set_s_meter(
    beats_per_bar: int, signature: tuple[int, int], step: float
) -> None:
    assert beat_length(beats_per_bar, signature) == step


def test_meters_that_differ_are_refused_with_what_to_do() -> None:
    with pytest.raises(InvalidValue, match=r"3 beats a bar and the Set is in 4/4.*time signature to 3/4"):
        plan_warp(
            grid(120, 9),
            grid(120, 9)[::3],
            beats_per_bar=3,
            signature=(4, 4),
            region_start_s=0,
            region_end_s=5,
        )


def test_too_little_to_warp_by_is_refused() -> None:
    with pytest.raises(InvalidValue, match="no downbeat"):
        plan_warp(grid(120, 8), [], beats_per_bar=4, signature=(4, 4), region_start_s=0.0, region_end_s=5.0)
    beats = grid(120, 8)
    with pytest.raises(InvalidValue, match="found 1 beat from the first downbeat on"):
        plan_warp(beats, beats[-1:], beats_per_bar=4, signature=(4, 4), region_start_s=0.0, region_end_s=5.0)


def test_beats_at_follows_live_s_segments_and_carries_the_ends_on() -> None:
    markers = [(1.0, 0.0), (2.0, 4.0), (2.5, 6.0)]
    assert beats_at(markers, 1.5) == 2.0 and beats_at(markers, 2.0) == 4.0
    assert beats_at(markers, 0.5) == -2.0  # the first segment's tempo before the first marker
    assert beats_at(markers, 3.0) == 8.0  # the last segment's tempo after the last
    with pytest.raises(InvalidValue, match="1 warp markers"):
        beats_at(markers[:1], 1.0)


def test_chords_go_through_the_markers_and_are_cut_to_the_clip() -> None:
    markers = [(1.0, 0.0), (3.0, 4.0), (4.0, 8.0)]  # a slow bar then a fast one, from 1 s of the file
    chords = [
        ChordSegment(0.0, 0.5, "N"),
        ChordSegment(0.5, 1.5, "A:min"),  # starts before the clip (the pickup): cut at its start
        ChordSegment(1.5, 2.5, "F:maj"),
        ChordSegment(2.5, 3.5, "C:maj"),  # runs past the end: cut at it
    ]
    got = chords_through(chords, markers, region_start_s=0.5, start_beats=0.0, end_beats=6.0)
    assert [(c.start_beats, c.duration_beats, c.root, c.quality) for c in got] == [
        (0.0, 2.0, 9, "min"),
        (2.0, 2.0, 5, "maj"),
        (4.0, 2.0, 0, "maj"),
    ]
