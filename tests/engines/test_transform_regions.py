"""A feel over some bars (issue 55's 'half time for the last 8', 'bars 9-16 four on the floor'):
the notes in those bars change as the whole-clip feel changes them, the rest stays, sample-exact,
and nothing crosses the span's edges."""

from __future__ import annotations

from dataclasses import replace

import pytest

from engines.errors import InvalidValue
from engines.music import Note
from engines.transforms import make_options, transform
from tests.engines import test_transform_places as places
from tests.engines.test_transform_places import HAT, KICK, SNARE

BARS = 8
LENGTH = 4.0 * BARS


def groove() -> list[Note]:
    """Eight bars: the four of the places' groove (kick 1 and 3, snare 2 and 4, hats on 8ths), twice."""
    four = places.groove()
    return four + [replace(n, start_beats=n.start_beats + 16.0) for n in four]


def key(n: Note) -> tuple[int, float, float]:
    return n.pitch, round(n.start_beats, 6), round(n.duration_beats, 6)


def before(notes: list[Note], beat: float) -> list[tuple[int, float, float]]:
    return sorted(key(n) for n in notes if n.start_beats < beat)


def test_half_time_over_the_last_four_bars_stretches_them_and_keeps_the_first_four_exactly() -> None:
    notes = groove()
    out = transform("half_time", notes, make_options(LENGTH, last_bars=4))
    assert out.length_beats == LENGTH  # the clip keeps its length
    assert before(out.notes, 16.0) == before(notes, 16.0)
    kicks = sorted(n.start_beats for n in out.notes if n.pitch == KICK and n.start_beats >= 16.0)
    assert kicks == [16.0, 20.0, 24.0, 28.0]  # bars 5-6's kicks, twice as far apart
    snares = sorted(n.start_beats for n in out.notes if n.pitch == SNARE and n.start_beats >= 16.0)
    assert snares == [18.0, 22.0, 26.0, 30.0]
    assert all(n.duration_beats == 0.5 for n in out.notes if n.pitch == KICK and n.start_beats >= 16.0)
    assert all(n.start_beats + n.duration_beats <= LENGTH + 1e-9 for n in out.notes)


def test_double_time_over_bars_three_and_four_plays_them_twice_as_fast_there_only() -> None:
    notes = groove()
    out = transform("double_time", notes, make_options(LENGTH, from_bar=3, to_bar=4)).notes
    outside = sorted(key(n) for n in out if not 8.0 <= n.start_beats < 16.0)
    assert outside == sorted(key(n) for n in notes if not 8.0 <= n.start_beats < 16.0)
    kicks = sorted(n.start_beats for n in out if n.pitch == KICK and 8.0 <= n.start_beats < 16.0)
    assert kicks == [8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0]


def test_four_on_the_floor_in_the_second_half_leaves_the_first_half() -> None:
    notes = groove()
    out = transform("four_on_the_floor", notes, make_options(LENGTH, half=2)).notes
    assert before(out, 16.0) == before(notes, 16.0)
    kicks = sorted(n.start_beats for n in out if n.pitch == KICK and n.start_beats >= 16.0)
    assert kicks == [float(b) for b in range(16, 32)]


def test_double_time_on_the_hats_of_one_bar_leaves_the_kick_and_snare() -> None:
    notes = groove()
    out = transform("double_time", notes, make_options(LENGTH, voices="hats", bar=2)).notes
    assert sorted(key(n) for n in out if n.pitch != HAT) == sorted(key(n) for n in notes if n.pitch != HAT)
    hats = sorted(n.start_beats for n in out if n.pitch == HAT and 4.0 <= n.start_beats < 8.0)
    assert hats == [4.0 + i * 0.25 for i in range(16)]


def test_a_note_running_into_the_span_is_cut_at_its_start_and_one_running_out_is_cut_at_its_end() -> None:
    pad = [Note(60, 0.0, 16.0, 90), Note(64, 12.0, 3.0, 90), Note(67, 20.0, 4.0, 90)]
    out = transform("half_time", pad, make_options(LENGTH, from_bar=3, to_bar=4)).notes
    assert key(out[0]) == (60, 0.0, 8.0)  # started in bar 1, ran into bar 3: stops at the span's start
    assert all(n.pitch != 64 for n in out)  # bar 4's note: half time puts it past the span's end, left out
    assert (67, 20.0, 4.0) in {key(n) for n in out}  # bar 6: outside the span, as it was
    held = [Note(60, 8.0, 6.0, 90)]  # bar 3, six beats: half time makes it 12, cut at bar 4's end
    assert [
        key(n) for n in transform("half_time", held, make_options(LENGTH, from_bar=3, to_bar=4)).notes
    ] == [(60, 8.0, 8.0)]


def test_an_empty_span_gives_the_notes_back_as_they_were() -> None:
    notes = [n for n in groove() if n.start_beats < 16.0]  # bars 5-8 are silent
    out = transform("double_time", notes, make_options(LENGTH, last_bars=4)).notes
    assert sorted(key(n) for n in out) == sorted(key(n) for n in notes)
    bass = [Note(40, 0.0, 1.0, 90), Note(43, 4.0, 1.0, 90)]
    out = transform("four_on_the_floor", bass, make_options(LENGTH, half=2)).notes
    assert sorted(key(n) for n in out) == sorted(key(n) for n in bass)  # no kicks into a bass line


def test_a_span_past_the_clip_or_not_whole_bars_is_refused_naming_the_value() -> None:
    with pytest.raises(InvalidValue, match=r"last_bars 16 is past the clip's end: the clip has 8 bar"):
        transform("half_time", groove(), make_options(LENGTH, last_bars=16))
    with pytest.raises(InvalidValue, match=r"from_bar 9 is past the clip's end"):
        transform("four_on_the_floor", groove(), make_options(LENGTH, from_bar=9))
    with pytest.raises(InvalidValue, match=r"double_time over every 2: a feel changes whole bars"):
        transform("double_time", groove(), make_options(LENGTH, bar=2, every=2))
    with pytest.raises(InvalidValue, match=r"half_time over from_bar 6, half 1: those leave no bar"):
        transform("half_time", groove(), make_options(LENGTH, from_bar=6, half=1))
