"""Issue 44's transforms: a scope over bars and beats, the feels, and the hits added or moved."""

from __future__ import annotations

import pytest

from engines.errors import InvalidValue
from engines.music import Note
from engines.transforms import KINDS, make_options, transform

KICK, SNARE, HAT, CLAP, CRASH = 36, 38, 42, 39, 49
BARS = 4
LENGTH = 4.0 * BARS


def groove() -> list[Note]:
    """Four bars: kick on 1 and 3, snare on 2 and 4, hats on every 8th."""
    notes = []
    for bar in range(BARS):
        t0 = bar * 4.0
        notes += [Note(KICK, t0, 0.25, 100), Note(KICK, t0 + 2, 0.25, 100)]
        notes += [Note(SNARE, t0 + 1, 0.25, 100), Note(SNARE, t0 + 3, 0.25, 100)]
        notes += [Note(HAT, t0 + i * 0.5, 0.125, 80) for i in range(8)]
    return notes


def bar_of(n: Note) -> int:
    return int(n.start_beats // 4) + 1


def run(kind: str, notes: list[Note], **options: object) -> list[Note]:
    return transform(kind, notes, make_options(LENGTH, **options)).notes


def test_removing_the_snare_in_the_second_half_keeps_the_first_halfs_snares() -> None:
    out = run("drums_remove", groove(), voices="snare", half=2)
    assert sorted({bar_of(n) for n in out if n.pitch == SNARE}) == [1, 2]
    assert sum(n.pitch == HAT for n in out) == 32  # every other voice stays


@pytest.mark.parametrize(
    ("scope", "bars_left"),
    [({"from_bar": 2, "to_bar": 3}, [1, 4]), ({"last_bars": 1}, [1, 2, 3]), ({"every": 2}, [1, 3]),
     ({"to_bar": 2}, [3, 4]), ({"first_bars": 3}, [4]), ({"from_bar": 4}, [1, 2, 3])],
)  # fmt: skip
def test_a_scope_of_bars_picks_those_bars_only(scope: dict[str, int], bars_left: list[int]) -> None:
    out = run("drums_remove", groove(), voices="kick", **scope)
    assert sorted({bar_of(n) for n in out if n.pitch == KICK}) == bars_left


def test_on_the_offbeats_picks_the_ands_only() -> None:
    out = run("drums_remove", groove(), voices="hats", on="offbeats")
    assert all(n.start_beats % 1 == 0 for n in out if n.pitch == HAT)
    assert sum(n.pitch == HAT for n in out) == 16


def test_claps_added_on_the_backbeat_land_on_two_and_four() -> None:
    out = run("drums_add", groove(), voices="clap", on="backbeat")
    assert sorted(n.start_beats % 4 for n in out if n.pitch == CLAP) == [1.0] * 4 + [3.0] * 4


def test_a_crash_on_bar_three_is_one_hit_on_its_one() -> None:
    out = run("drums_add", groove(), voices="crash", bar=3)
    assert [n.start_beats for n in out if n.pitch == CRASH] == [8.0]


def test_four_on_the_floor_puts_a_kick_on_every_beat() -> None:
    out = run("four_on_the_floor", groove())
    assert sorted(n.start_beats for n in out if n.pitch == KICK) == [float(b) for b in range(16)]


def test_offbeat_stabs_play_a_held_chord_on_the_ands() -> None:
    chord = [Note(p, 0.0, 4.0, 90) for p in (60, 64, 67)]
    out = run("offbeat_stabs", chord)
    assert sorted({n.start_beats for n in out}) == [0.5, 1.5, 2.5, 3.5]
    assert all(n.duration_beats == 0.25 for n in out)


def test_ghost_notes_are_quiet_snares_and_removing_them_keeps_the_backbeat() -> None:
    added = run("ghost_notes", groove(), amount=1.0)
    ghosts = [n for n in added if n.pitch == SNARE and n.velocity < 60]
    assert ghosts
    back = run("drums_remove", added, voices="ghost_notes")
    order = lambda n: (n.start_beats, n.pitch)  # noqa: E731
    assert sorted(back, key=order) == sorted(groove(), key=order)


def test_more_movement_breaks_held_notes_into_moving_eighths() -> None:
    out = run("more_movement", [Note(40, 0.0, 2.0, 100)], amount=1.0)
    assert [n.pitch for n in out] == [40, 52, 47, 52]


def test_louder_and_softer_on_one_voice_only() -> None:
    out = run("velocity", groove(), voices="hats", amount=1.0)
    assert {n.velocity for n in out if n.pitch == HAT} == {127}  # 80 doubled, held at 127
    assert {n.velocity for n in out if n.pitch == KICK} == {100}
    softer = run("velocity", groove(), amount=0.0)
    assert {n.velocity for n in softer if n.pitch == KICK} == {50}


def test_shift_moves_notes_later_and_waltz_makes_three_beat_bars() -> None:
    out = run("shift", [Note(60, 1.0, 0.5, 90)], offset=0.25)
    assert out[0].start_beats == 1.25
    done = transform("waltz", groove(), make_options(LENGTH))
    assert done.length_beats == 12.0
    snares = sorted(n.start_beats for n in done.notes if n.pitch == SNARE)
    assert snares == [1.0, 4.0, 7.0, 10.0]  # beat 2 of each 3/4 bar; beat 4 dropped


def test_a_bad_scope_value_is_named() -> None:
    with pytest.raises(InvalidValue, match="half 3"):
        make_options(LENGTH, half=3)
    with pytest.raises(InvalidValue, match="on 'sideways'"):
        make_options(LENGTH, on="sideways")


def test_every_new_kind_is_known() -> None:
    for kind in ("drums_add", "velocity", "shift", "waltz", "four_on_the_floor", "offbeat_stabs", "ghost_notes",
                 "more_movement", "sparse_hits", "straight", "syncopate"):  # fmt: skip
        assert kind in KINDS


def test_a_fill_at_bar_two_ends_with_that_bar_and_leaves_the_rest() -> None:
    out = run("fill", groove(), bar=2)
    toms = [n.start_beats for n in out if n.pitch in (41, 43, 45, 47, 48, 50)]
    assert toms and all(6.0 <= t < 8.0 for t in toms)
    assert sum(n.pitch == HAT and n.start_beats >= 8.0 for n in out) == 16  # bars 3 and 4 untouched
