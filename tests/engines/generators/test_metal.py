"""Metal (g72): played as metal, not as rock: double kick, gallops, blasts and a half-time
breakdown; a bass chugging the kick's rhythm on the root; power chords low; minor riffs with bII."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from engines.generators import bass, chords, drums, generate, generate_parts
from engines.generators.arrangement import plan_song
from engines.generators.harmony import progression
from engines.generators.theory import ChordTimeline
from engines.genre_names import genre_name
from engines.music import Key, MusicalContext, parse_key
from engines.presets import DRUM_NOTES, load_genre, load_groove
from tools.bench.quality_checks import drum_bars, write

KICK, SNARE = DRUM_NOTES["kick"], DRUM_NOTES["snare"]


def metal(key: str = "E minor", bars: int = 8, signature: tuple[int, int] = (4, 4)) -> MusicalContext:
    return MusicalContext(tempo_bpm=180, signature=signature, key=parse_key(key), genre="metal", bars=bars)


def kicks_per_bar(genre: str, seeds: range = range(8)) -> float:
    ctx = MusicalContext(tempo_bpm=180, key=parse_key("E minor"), genre=genre, bars=4)
    hits = [sum(n.pitch == KICK for n in generate("drums", ctx, seed=s)) for s in seeds]
    return sum(hits) / (4 * len(seeds))


def test_metal_is_its_own_preset_fast_straight_and_tight() -> None:
    genre = load_genre("metal")
    assert genre.name == "metal" and genre.groove == "metal" and genre.progression == "metal"
    assert 160 <= genre.tempo_bpm <= 200
    assert genre.swing == genre.swing16 == 0.0 and genre.humanize <= 0.15 and genre.ghosts == 0.0
    assert genre.chords["voicing"] == "power" and genre.bass["style"] == "chug"
    assert {"4/4", "3/4", "6/8"} <= set(load_groove("metal").meters)
    for spelling in ("Metal", "heavy metal", "thrash", "death metal", "metalcore"):
        assert genre_name(spelling) == "metal"


def test_the_groove_holds_double_kick_gallops_a_blast_and_a_half_time_breakdown() -> None:
    _spb, variants = load_groove("metal").meters["4/4"]
    kicks = [v["kick"] for v in variants]
    assert "XxxxXxxxXxxxXxxx" in kicks  # sixteenths the whole bar
    assert any("." in k[:8] and k.endswith("XxxxXxxx") for k in kicks)  # a burst on 3 and 4
    assert "X.xxX.xxX.xxX.xx" in kicks  # gallops: an eighth and two sixteenths
    snares = [v.get("snare", "") for v in variants]
    assert snares.count("....X.......X...") >= 3  # 2 and 4
    assert "X.x.X.x.X.x.X.x." in snares  # the blast: snare on every beat (and eighth)
    assert "........X......." in snares  # the half-time breakdown: snare on 3
    assert all("crash" in v or "china" in v for v in variants)
    assert any("china" in v for v in variants)


def test_double_kick_far_more_kicks_than_rock() -> None:
    metal_kicks, rock_kicks = kicks_per_bar("metal"), kicks_per_bar("rock")
    assert metal_kicks >= 10 and metal_kicks >= 2.5 * rock_kicks, (metal_kicks, rock_kicks)


def test_the_judge_hears_metal_in_90_percent_of_written_bars_and_none_in_rock(tmp_path: Path) -> None:
    bars: list[int] = []
    for seed in range(4):
        for key in (Key(4, "Minor"), Key(9, "Minor")):
            path = str(tmp_path / f"{seed}-{key.tonic}.mid")
            write(path, "metal", key, seed)
            bars += drum_bars(path, "metal")
    assert len(bars) == 64 and sum(bars) / len(bars) >= 0.9, bars
    write(str(tmp_path / "rock.mid"), "rock", Key(4, "Minor"), 1)
    assert sum(drum_bars(str(tmp_path / "rock.mid"), "metal")) == 0


def test_no_swing_and_tight() -> None:
    notes = generate("drums", metal(), seed=0)
    assert all(abs(n.start_beats * 4 - round(n.start_beats * 4)) < 0.02 for n in notes)  # on the 16th grid


def test_a_crash_after_a_fill_is_not_doubled() -> None:
    for seed in range(6):
        notes = drums.generate(metal(bars=8), complexity=1.0, seed=seed, crash_first=True)
        crashes = Counter(round(n.start_beats, 1) for n in notes if n.pitch == DRUM_NOTES["crash"])
        assert crashes and max(crashes.values()) == 1


@pytest.mark.parametrize("seed", range(6))
def test_the_bass_chugs_the_kicks_rhythm_on_the_root(seed: int) -> None:
    ctx = metal()
    parts = generate_parts(ctx, seed=seed)
    kicks = [round(n.start_beats * 4) for n in parts["drums"] if n.pitch == KICK]
    onsets = [round(n.start_beats * 4) for n in parts["bass"]]
    assert sorted(set(onsets)) == sorted(set(kicks))  # a bass note on every kick, none elsewhere
    timeline = ChordTimeline(progression(ctx, seed=seed))
    for n, after in zip(parts["bass"], [*parts["bass"][1:], None], strict=True):
        chord = timeline.at(n.start_beats + 0.01)
        assert chord is not None and n.pitch % 12 == chord.root, n
        assert 28 <= n.pitch <= 39  # as low as the range allows: E1 .. D#2
        if after is not None:  # palm-muted: half the time to the next note, or less
            assert n.duration_beats <= 0.5 * (after.start_beats - n.start_beats) + 0.01, (n, after)
    assert bass.generate(ctx, seed=seed) == parts["bass"]  # alone, it locks to the same kick


def test_power_chords_root_fifth_octave_low() -> None:
    for seed in range(4):
        notes = chords.generate(metal(), seed=seed)
        by_onset: dict[float, list[int]] = {}
        for n in notes:
            by_onset.setdefault(round(n.start_beats, 1), []).append(n.pitch)
        for pitches in by_onset.values():
            root, *rest = sorted(pitches)
            assert 40 <= root <= 51 and rest == [root + 7, root + 12], pitches


def test_minor_riffs_move_to_bII_bVI_and_bVII_with_no_v_i_cadence() -> None:
    roots: Counter[int] = Counter()
    for seed in range(24):
        for chord in progression(metal(), seed=seed):
            roots[(chord.root - 4) % 12] += 1
    assert {0, 1, 8, 10} <= set(roots)  # i, bII (Phrygian), bVI, bVII over E
    assert roots[7] == 0  # no V


def test_the_bII_keeps_its_root_in_bass_and_chords() -> None:
    found = 0
    for seed in range(24):
        ctx = metal()
        prog = progression(ctx, seed=seed)
        parts = generate_parts(ctx, seed=seed)
        for chord in (c for c in prog if (c.root - 4) % 12 == 1):  # F over E minor
            found += 1
            at = [n for n in parts["bass"] if abs(n.start_beats - chord.start_beats) < 0.02]
            assert [n.pitch for n in at] == [29], at  # F1, not the chord's in-scale third
            low = min(n.pitch for n in parts["chords"] if abs(n.start_beats - chord.start_beats) < 0.02)
            assert low % 12 == 5
    assert found


@pytest.mark.parametrize("signature", [(3, 4), (6, 8), (7, 8)])
def test_other_meters(signature: tuple[int, int]) -> None:
    parts = generate_parts(metal(signature=signature, bars=4), seed=2)
    assert all(parts.values())
    assert sum(n.pitch == KICK for n in parts["drums"]) >= 8


def test_a_whole_song_in_metal() -> None:
    ctx = MusicalContext(tempo_bpm=200, key=parse_key("E minor"), genre="metal", bars=8)
    sections = plan_song(ctx, seed=5)
    assert [s.name for s in sections] == [f.name for f in load_genre("metal").form]
    for section in sections:
        kit = section.parts["drums"]
        assert sum(n.pitch == KICK for n in kit) >= 6 * section.bars, section.name
        assert any(n.pitch == SNARE for n in kit)
    chorus = next(s for s in sections if s.name == "chorus")
    assert chorus.parts["bass"] and all(n.pitch <= 39 for n in chorus.parts["bass"])
