"""DrummaRoo: GM notes, genre grooves, fills, density monotonic, odd meters, golden output."""

from __future__ import annotations

import itertools

import pytest

from engines.generators import drums
from engines.music import Note
from engines.presets import DRUM_NOTES
from tests.engines.generators.helpers import GENRES, ctx

KICK, SNARE, RIM, RIDE, CRASH = 36, 38, 37, 51, 49


def hits(notes: list[Note], pitch: int, bar: float, beat: float) -> list[Note]:
    return [n for n in notes if n.pitch == pitch and abs(n.start_beats - bar * 4 - beat) < 0.05]


def grid(notes: list[Note]) -> set[tuple[int, int]]:
    return {(n.pitch, round(n.start_beats * 12)) for n in notes}


def test_golden_rock_bar() -> None:
    notes = drums.generate(ctx("rock"), seed=1)
    first = [(n.pitch, round(n.start_beats * 4) / 4) for n in notes if n.start_beats < 2.1]
    assert first == [
        (36, 0.0),
        (51, 0.0),
        (51, 0.5),
        (38, 1.0),
        (51, 1.0),
        (51, 1.5),
        (36, 2.0),
        (51, 2.0),
        (53, 2.0),
    ]


@pytest.mark.parametrize("genre", GENRES)
def test_only_gm_drum_notes_and_deterministic(genre: str) -> None:
    c = ctx(genre)
    notes = drums.generate(c, seed=3)
    assert notes == drums.generate(c, seed=3)
    assert {n.pitch for n in notes} <= set(DRUM_NOTES.values())
    assert all(0 <= n.start_beats < c.length_beats and 1 <= n.velocity <= 127 for n in notes)


@pytest.mark.parametrize("genre", GENRES)
def test_density_adds_hits_monotonically(genre: str) -> None:
    for seed in range(3):
        layers = [grid(drums.generate(ctx(genre), density=d / 4, seed=seed)) for d in range(5)]
        assert all(a <= b for a, b in itertools.pairwise(layers))
    assert len(layers[0]) < len(layers[-1]) or genre == "classical"


def test_backbeat_four_on_the_floor_and_one_drop() -> None:
    for seed in range(5):
        rock = drums.generate(ctx("rock"), seed=seed)
        assert all(hits(rock, SNARE, b, 1.0) and hits(rock, SNARE, b, 3.0) for b in range(8))
        edm = drums.generate(ctx("electronic"), seed=seed)
        assert all(hits(edm, KICK, b, float(q)) for b in range(8) for q in range(4))
        reggae = drums.generate(ctx("reggae"), seed=seed)
        assert all(
            hits(reggae, KICK, b, 2.0) and hits(reggae, RIM, b, 2.0) + hits(reggae, SNARE, b, 2.0)
            for b in range(8)
        )
        assert not any(hits(reggae, KICK, b, 0.0) for b in range(8))


def test_jazz_ride_is_swung() -> None:
    ride = [n.start_beats % 1 for n in drums.generate(ctx("jazz"), seed=2) if n.pitch == RIDE]
    offbeats = [f for f in ride if 0.1 < f < 0.9]
    assert offbeats and all(abs(f - 2 / 3) < 0.05 for f in offbeats)


def test_fill_at_the_phrase_end_and_crash_after() -> None:
    notes = drums.generate(ctx("rock", bars=8), complexity=1.0, seed=4)
    toms_or_snares = [n for n in notes if 7 * 4 + 2 <= n.start_beats and n.pitch in (38, 41, 45, 47, 50)]
    assert len(toms_or_snares) >= 4
    assert hits(notes, CRASH, 4, 0.0)  # the fill ending bar 4 leads to a crash on bar 5
    assert not drums.generate(ctx("ambient"), density=0.0, seed=1)  # ambient: no drums at low density


@pytest.mark.parametrize(
    ("sig", "backbeats"), [((3, 4), (1.0, 2.0)), ((6, 8), (1.5,)), ((7, 8), (1.0,)), ((5, 4), (1.0,))]
)
def test_odd_meters_put_the_kick_on_every_downbeat(
    sig: tuple[int, int], backbeats: tuple[float, ...]
) -> None:
    c = ctx("rock", signature=sig)
    bar = c.beats_per_bar
    notes = drums.generate(c, seed=0, fills=False)
    for b in range(8):
        assert any(n.pitch == KICK and abs(n.start_beats - b * bar) < 0.05 for n in notes)
        for beat in backbeats:
            assert any(n.pitch == SNARE and abs(n.start_beats - b * bar - beat) < 0.05 for n in notes)
    assert max(n.start_beats for n in notes) < c.length_beats


def test_kick_beats_reads_the_kick() -> None:
    notes = [Note(36, 1.0, 0.25), Note(38, 1.0, 0.25), Note(36, 0.0, 0.25)]
    assert drums.kick_beats(notes) == [0.0, 1.0]
