"""Groove controls: swing, humanize, accent, intensity and fills override the genre's defaults."""

from __future__ import annotations

import statistics
from dataclasses import replace

import pytest

from engines.errors import InvalidValue
from engines.generators import generate, generate_parts
from engines.music import Feel, MusicalContext, Note, parse_key
from engines.presets import DRUM_NOTES
from tests.engines.generators.helpers import GENRES

GRID = 24  # per beat: sixteenths, 32nds and the triplets of both land on it
TOMS = {DRUM_NOTES[n] for n in ("tom_high", "tom_mid", "tom_low", "floor")}


def ctx(genre: str, feel: Feel, key: str = "D minor", bars: int = 8) -> MusicalContext:
    return MusicalContext(tempo_bpm=100, key=parse_key(key), genre=genre, bars=bars, feel=feel)


def off_grid(notes: list[Note]) -> list[Note]:
    return [n for n in notes if abs(n.start_beats * GRID - round(n.start_beats * GRID)) > 0.01]


@pytest.mark.parametrize("genre", GENRES)
def test_humanize_0_and_swing_0_put_every_onset_on_the_grid(genre: str) -> None:
    for seed in range(3):
        parts = generate_parts(ctx(genre, Feel(swing=0.0, humanize=0.0)), seed=seed, complexity=0.9)
        for name, notes in parts.items():
            assert not off_grid(notes), (genre, name, off_grid(notes)[:3])


def test_the_genres_own_feel_is_off_the_grid_where_it_swings_or_humanizes() -> None:
    for genre in ("jazz", "hip-hop", "neo-soul", "lo-fi"):
        parts = generate_parts(ctx(genre, Feel()), seed=1)
        assert off_grid(parts["drums"]), genre


def test_swing_moves_the_off_beat_eighths_to_the_last_triplet() -> None:
    straight = generate("drums", ctx("rock", Feel(swing=0.0, humanize=0.0)), seed=2, density=1.0)
    swung = generate("drums", ctx("rock", Feel(swing=1.0, humanize=0.0)), seed=2, density=1.0)
    offs = {round(n.start_beats % 1, 4) for n in swung}
    assert 0.5 not in offs and 0.6667 in offs
    assert 0.5 in {round(n.start_beats % 1, 4) for n in straight}


def test_accent_sets_the_velocity_range() -> None:
    def spread(accent: float | None) -> float:
        notes = generate("drums", ctx("funk", Feel(accent=accent)), seed=3)
        return statistics.pstdev(n.velocity for n in notes)

    assert spread(0.0) == 0.0
    assert spread(0.25) < spread(None) < spread(1.0)
    assert spread(0.5) == pytest.approx(spread(None), abs=0.6)  # 0.5 is the genre's own range


def test_intensity_adds_notes_and_energy() -> None:
    counts, loudness = [], []
    for intensity in (0.0, 0.5, 1.0):
        parts = generate_parts(ctx("pop", Feel(intensity=intensity)), seed=4)
        counts.append(sum(len(v) for v in parts.values()))
        loudness.append(statistics.mean(n.velocity for v in parts.values() for n in v))
    assert counts[0] < counts[1] < counts[2]
    assert loudness[0] < loudness[1] < loudness[2]


def fill_bars(notes: list[Note]) -> set[int]:
    return {int(n.start_beats // 4) for n in notes if n.pitch in TOMS}


def test_fills_none_phrase_and_every_4_bars() -> None:
    def fills(mode: str | None, bars: int = 16) -> set[int]:
        found: set[int] = set()
        for seed in range(6):  # a fill may be all snare: toms in any seed mark the bar
            found |= fill_bars(
                generate("drums", ctx("rock", Feel(fills=mode), bars=bars), seed=seed, complexity=0.9)
            )
        return found

    assert fills("none") == set()
    assert fills("phrase") == {7, 15}
    assert fills("4") == {3, 7, 11, 15}
    assert fills(None) <= {3, 7, 11, 15}  # the genre's own: phrase ends, some at random


def test_house_plays_no_fills_unless_asked() -> None:
    assert not fill_bars(generate("drums", ctx("house", Feel()), seed=1, complexity=1.0))
    assert fill_bars(generate("drums", ctx("house", Feel(fills="4")), seed=1, complexity=1.0))


def test_neo_soul_lays_the_snare_back_by_its_humanize() -> None:
    def lateness(humanize: float) -> float:
        notes = generate("drums", ctx("neo-soul", Feel(humanize=humanize, swing=0.0)), seed=5)
        snares = [n for n in notes if n.pitch == DRUM_NOTES["snare"] and n.velocity > 60]
        return statistics.mean(n.start_beats - round(n.start_beats * 4) / 4 for n in snares)

    assert lateness(0.0) == 0.0
    assert 0.04 < lateness(1.0) < 0.08  # laid_back 1 at humanize 1: 0.06 beats late, with jitter


def test_trap_hats_roll_in_triplets() -> None:
    notes = generate("drums", ctx("trap", Feel(humanize=0.0)), seed=6, complexity=0.8)
    hats = [n.start_beats % 1 for n in notes if n.pitch == DRUM_NOTES["hat"]]
    triplets = [x for x in hats if min(abs(x - t) for t in (1 / 6, 1 / 3, 2 / 3, 5 / 6)) < 0.002]
    assert triplets, "trap hats roll in triplet sixteenths"


@pytest.mark.parametrize(
    ("feel", "named"),
    [
        (Feel(swing=1.5), "swing 1.5"),
        (Feel(humanize=-0.1), "humanize -0.1"),
        (Feel(accent=2.0), "accent 2.0"),
        (Feel(intensity=9.0), "intensity 9.0"),
        (Feel(fills="8"), "fills '8'.*none, phrase, 4"),
    ],
)
def test_bad_groove_controls_are_named(feel: Feel, named: str) -> None:
    with pytest.raises(InvalidValue, match=named):
        generate("drums", replace(ctx("pop", Feel()), feel=feel))


@pytest.mark.parametrize("signature", [(6, 8), (9, 8), (12, 8), (7, 8)])
def test_eighths_do_not_swing_in_eighth_meters_so_the_beats_stay_put(signature: tuple[int, int]) -> None:
    """Jazz swings its eighths in 4/4; in 6/8 the eighths divide the beat in three, so swinging them
    would move the second dotted quarter from 1.5 to 1.667 quarters."""
    for genre in ("jazz", "blues", "reggae"):
        c = replace(ctx(genre, Feel(humanize=0.0)), signature=signature)
        for name, notes in generate_parts(c, seed=5).items():
            thirds = [
                n for n in notes if abs((n.start_beats * 3) % 1) < 1e-6 and n.start_beats * 2 % 1 > 1e-6
            ]
            assert not thirds, (genre, signature, name, thirds[:3])
    swung = generate("drums", replace(ctx("rock", Feel(swing=1.0, humanize=0.0)), signature=(6, 8)), seed=2)
    assert {round(n.start_beats % 0.5, 4) for n in swung} <= {0.0, 0.25, 0.3333}  # sixteenths swing
