"""Sung lines with known notes for the transcription engine (issue 54: "a sung line ... becomes MIDI").

Two sources of one-note lines (seeded, in a major key, steps and leaps, rests, same-pitch repeats):
``gm``: GM voice patches (Choir Aahs 52, Voice Oohs 53, Synth Voice 54) rendered by fluidsynth
through several soundfonts, with vibrato, scoops and a take's drift off the grid written into the
MIDI as pitch bends; ``synth``: tools/corpus/singer's synthetic voice (formants, breath, consonants,
legato re-articulations by a level dip). The truth is each note's written pitch and times.
Tune and test halves share no seed, no voice range and no soundfont-and-patch; nor does the ``fresh``
half (made later, once the test half had been scored three times), whose singer also sings other vowels,
nor do ``fresh2``, ``fresh3``, ``fresh4`` and ``fresh5`` (each made before it was first measured):
    .venv/bin/python -m tools.corpus.sung_set [--out DIR]   (renders the halves into the cache)
"""

from __future__ import annotations

import argparse
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import mido
import numpy as np
import soundfile as sf

from tools.corpus.singer import RATE_HZ, Sung, sing
from tools.eval.rendered import fluidsynth_or_exit, render_midi

SET_VERSION = 1
SOUNDFONTS = {
    "fluid": "/usr/share/sounds/sf2/FluidR3_GM.sf2",
    "musescore": "/usr/share/sounds/sf3/MuseScore_General_Lite.sf3",
    "timgm": "/usr/share/sounds/sf2/TimGM6mb.sf2",
    # the fresh half's (bench only: apt-get install csound-soundfont opl3-soundfont; not in .ci/run)
    "csound": "/usr/share/sounds/sf2/sf_GMbank.sf2",
    "opl3": "/usr/share/sounds/sf2/OPL-3_FM_128M.sf2",
}
# (soundfont, GM program 0-based) per half
TUNE_PATCHES = (("fluid", 52), ("fluid", 53))
TEST_PATCHES = (
    ("fluid", 54),
    ("musescore", 52),
    ("musescore", 53),
    ("musescore", 54),
    ("timgm", 52),
    ("timgm", 53),
)
# voice ranges: the line's central MIDI pitch
TUNE_RANGES = {"tenor": 57, "alto": 64}
TEST_RANGES = {"baritone": 50, "soprano": 69}
TUNE_SEEDS = (1, 2)
TEST_SEEDS = (101, 102, 103)
TUNE_TEMPOS_BPM = (80, 120)
TEST_TEMPOS_BPM = (72, 96, 132)
DRIFTS_CENTS = (0.0, -30.0, -40.0, -20.0, 15.0, 25.0)


@dataclass(frozen=True)
class FreshHalf:
    """A later held-out half: its GM patches (two takes each), two voice ranges, and the singer's
    seeds, tempos, drifts (cents) and vowels, none of them used by an earlier half."""

    patches: tuple[tuple[str, int], ...]
    ranges: dict[str, int]
    seeds: tuple[int, ...]
    tempos_bpm: tuple[int, ...]
    drifts_cents: tuple[float, ...]
    vowels: str


# issue 54's second pass: ``fresh`` was made once the test half had been scored three times (then
# measured once on main and once on the branch, and its errors looked at); ``fresh2`` after that;
# ``fresh3`` before torchcrepe was tried (main read it once, with the peers, before anything was tuned)
FRESH = {
    "fresh": FreshHalf(
        (("csound", 52), ("csound", 53), ("csound", 54), ("opl3", 52), ("opl3", 54)),
        {"mezzo": 66, "bass-baritone": 47},
        (201, 202, 203, 204, 205, 206),
        (66, 108, 144),
        (-35.0, 10.0, -15.0, 30.0, -25.0, 5.0),
        "oau",
    ),
    "fresh2": FreshHalf(  # FluidR3's Lead 6 (voice) and Pad 4 (choir), TimGM6mb's Synth Voice, ...
        (("fluid", 85), ("fluid", 91), ("timgm", 54), ("csound", 91), ("opl3", 53)),
        {"contralto": 61, "high-baritone": 53},
        (301, 302, 303, 304, 305, 306),
        (60, 84, 116),
        (-12.0, 28.0, -38.0, 8.0, -22.0, 35.0),
        "iea",
    ),
    # issue 54, torchcrepe's pass: Lead 6 (voice) and Pad 4 (choir) of MuseScore_General_Lite and
    # TimGM6mb, FluidR3's Pad 7 (halo); the singer's open-mid and lax vowels
    "fresh3": FreshHalf(
        (("musescore", 85), ("musescore", 91), ("timgm", 85), ("timgm", 91), ("fluid", 94)),
        {"lyric-tenor": 59, "light-soprano": 71},
        (401, 402, 403, 404, 405, 406),
        (76, 100, 126),
        (-18.0, 22.0, -5.0, 38.0, -32.0, 12.0),
        "EOU",
    ),
    # issue 54, the join of short touching notes (a62): made before it was first measured; csound's
    # GM bank Lead 6 (voice) and Pad 7 (halo), OPL3's Pad 4 (choir), MuseScore_General_Lite's and
    # TimGM6mb's Pad 7 (halo); the singer's lax front, front rounded and central vowels
    "fresh4": FreshHalf(
        (("csound", 85), ("csound", 94), ("opl3", 91), ("musescore", 94), ("timgm", 94)),
        {"lyric-baritone": 55, "countertenor": 67},
        (501, 502, 503, 504, 505, 506),
        (70, 92, 138),
        (-8.0, 18.0, -28.0, 33.0, -14.0, 3.0),
        "Iy@",
    ),
    # issue 54, a63: the join of short touching notes read once more, on a half made before it: OPL3's
    # Lead 6 (voice) and Pad 7 (halo), the last GM voice patches no half had (two takes each); the
    # singer's near-open front, open-mid back unrounded and close-mid front rounded vowels
    "fresh5": FreshHalf(
        (("opl3", 85), ("opl3", 94)),
        {"bass": 45, "dramatic-mezzo": 63},
        (601, 602, 603, 604, 605, 606),
        (64, 88, 112),
        (-10.0, 16.0, -36.0, 26.0, -24.0, 7.0),
        "{V2",
    ),
}
SPLITS = ("tune", "test", *FRESH)
RANGES = {**TUNE_RANGES, **TEST_RANGES, **{n: c for half in FRESH.values() for n, c in half.ranges.items()}}
MAJOR = (0, 2, 4, 5, 7, 9, 11)
NOTE_NAMES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")
BEND_STEP_S = 0.01
BEND_RANGE_CENTS = 200.0


@dataclass(frozen=True)
class SungItem:
    """One rendered take: its source (gm or synth), voice, half, wav and truth rows."""

    source: str
    voice: str
    range_name: str
    tempo_bpm: float
    seed: int
    drift_cents: float
    split: str
    wav: str
    notes: list[tuple[int, float, float, int]]


def default_out() -> Path:
    from engines.analysis.cache import cache_root

    return cache_root() / "eval" / f"sung-v{SET_VERSION}"


def line(seed: int, centre_midi: int, tempo_bpm: float, n_notes: int = 16) -> list[Sung]:
    """A seeded singable line around ``centre_midi``: scale steps, some leaps, rests and repeats."""
    rng = _line_rng(seed, centre_midi)
    tonic = centre_midi - 5 + int(rng.integers(0, 5))
    scale = [tonic + 12 * o + s for o in (-1, 0, 1) for s in MAJOR]
    degree = scale.index(min(scale, key=lambda p: abs(p - centre_midi)))
    beat_s = 60.0 / tempo_bpm
    now, notes = 0.3, list[Sung]()
    for _ in range(n_notes):
        move = rng.choice([0, 1, -1, 1, -1, 2, -2, 3, -3, 4, -4], p=[0.16, *[0.84 / 10] * 10])
        degree = int(np.clip(degree + move, 3, len(scale) - 4))
        length = float(rng.choice([0.5, 1.0, 1.0, 1.5, 2.0, 3.0])) * beat_s
        legato = bool(notes) and (move == 0 or rng.random() < 0.5) and notes[-1].end_s >= now - 1e-6
        notes.append(Sung(scale[degree], round(now, 5), round(now + length, 5), legato))
        now += length
        if rng.random() < 0.25:
            now += float(rng.choice([0.5, 1.0])) * beat_s
    return notes


def _line_rng(seed: int, centre_midi: int) -> np.random.Generator:
    return np.random.default_rng(seed * 7919 + centre_midi)


def written_key(item: SungItem) -> str:
    """The major key the take's line was written in ("D major"), as ``line`` chose its tonic."""
    centre = RANGES[item.range_name]
    tonic = centre - 5 + int(_line_rng(item.seed, centre).integers(0, 5))
    return f"{NOTE_NAMES[tonic % 12]} major"


def write_sung_midi(path: Path, notes: list[Sung], *, program: int, drift_cents: float, seed: int) -> None:
    """The line on channel 1 with vibrato, scoops and the drift written as pitch bends (range +-2)."""
    rng = np.random.default_rng(seed)
    vib_hz, vib_depth = rng.uniform(5.0, 7.0), rng.uniform(30.0, 90.0)
    events: list[tuple[float, int, mido.Message]] = []
    for note in notes:
        scoop = -rng.uniform(50.0, 150.0) if rng.random() < 0.7 else 0.0
        scoop_s = rng.uniform(0.05, 0.15)
        for step in range(int((note.end_s - note.start_s) / BEND_STEP_S)):
            age = step * BEND_STEP_S
            grow = min(1.0, max(0.0, (age - 0.15) / 0.3))
            cents = (
                drift_cents
                + scoop * np.exp(-age / (scoop_s / 3))
                + vib_depth * grow * np.sin(2 * np.pi * vib_hz * age)
            )
            bend = int(np.clip(round(cents / BEND_RANGE_CENTS * 8192), -8192, 8191))
            events.append((note.start_s + age, 1, mido.Message("pitchwheel", pitch=bend)))
        events.append((note.start_s + 1e-4, 2, mido.Message("note_on", note=note.pitch, velocity=90)))
        events.append((note.end_s, 0, mido.Message("note_off", note=note.pitch, velocity=0)))
    ticks, tempo = 480, mido.bpm2tempo(120)
    track = mido.MidiTrack()
    track.append(mido.MetaMessage("set_tempo", tempo=tempo, time=0))
    track.append(mido.Message("program_change", program=program, time=0))
    now = 0
    for at_s, _order, msg in sorted(events, key=lambda e: (e[0], e[1])):
        tick = round(mido.second2tick(at_s, ticks, tempo))
        track.append(msg.copy(time=tick - now))
        now = tick
    track.append(mido.MetaMessage("end_of_track", time=ticks))
    song = mido.MidiFile(type=0, ticks_per_beat=ticks)
    song.tracks.append(track)
    song.save(str(path))


def render(out: Path, source: str, voice: str, range_name: str, centre: int, tempo_bpm: float,
           seed: int, drift_cents: float, split: str, vowels: str = "aeiou") -> SungItem:  # fmt: skip
    """Render one take (cached by its content) and give it with its truth rows."""
    notes = line(seed, centre, tempo_bpm)
    rows = [(n.pitch, n.start_s, n.end_s, 90) for n in notes]
    named = [source, voice, tempo_bpm, seed, drift_cents, rows] + ([vowels] if vowels != "aeiou" else [])
    if source == "gm":  # the soundfont's size: a take once rendered through a missing one is not reused
        used = Path(SOUNDFONTS[voice.split(":")[0]])
        named.append(used.stat().st_size if used.is_file() else -1)  # missing: render_midi says so
    name = hashlib.sha256(json.dumps(named).encode()).hexdigest()
    wav = out / f"{source}-{voice}-{name[:16]}.wav"
    if not wav.exists():
        out.mkdir(parents=True, exist_ok=True)
        if source == "synth":
            sf.write(wav, sing(notes, seed, drift_cents=drift_cents, vowels=vowels), RATE_HZ)
        else:
            font, program = voice.split(":")
            midi = wav.with_suffix(".mid")
            write_sung_midi(midi, notes, program=int(program), drift_cents=drift_cents, seed=seed)
            soundfont = Path(SOUNDFONTS[font])
            render_midi(fluidsynth_or_exit("the sung set"), midi, wav, gain=0.6, soundfont=soundfont)
    return SungItem(source, voice, range_name, tempo_bpm, seed, drift_cents, split, str(wav), rows)


def items(out: Path, split: str) -> list[SungItem]:
    """One half: each GM patch at two seeds, and the synthetic singer at each seed and range."""
    if split in FRESH:
        return _fresh(out, split)
    tune = split == "tune"
    patches = TUNE_PATCHES if tune else TEST_PATCHES
    ranges = TUNE_RANGES if tune else TEST_RANGES
    seeds = TUNE_SEEDS if tune else TEST_SEEDS
    tempos = TUNE_TEMPOS_BPM if tune else TEST_TEMPOS_BPM
    made, turn = [], 0
    for font, program in patches:
        for seed in seeds[:2]:
            name = list(ranges)[turn % len(ranges)]
            drift = DRIFTS_CENTS[turn % len(DRIFTS_CENTS)]
            made.append(render(out, "gm", f"{font}:{program}", name, ranges[name],
                               tempos[turn % len(tempos)], seed, drift, split))  # fmt: skip
            turn += 1
    for name, centre in ranges.items():
        for seed in seeds:
            drift = DRIFTS_CENTS[turn % len(DRIFTS_CENTS)]
            made.append(
                render(out, "synth", name, name, centre, tempos[turn % len(tempos)], seed, drift, split)
            )
            turn += 1
    return made


def _fresh(out: Path, split: str) -> list[SungItem]:
    """A fresh half: two GM takes a patch (10 for 5 patches) and 6 of the singer (2 ranges x 3 seeds)."""
    half = FRESH[split]
    made = []
    names = list(half.ranges)
    for turn in range(2 * len(half.patches)):
        font, program = half.patches[turn // 2]
        name = names[turn % 2]
        made.append(render(out, "gm", f"{font}:{program}", name, half.ranges[name],
                           half.tempos_bpm[turn % 3], half.seeds[turn % 6],
                           half.drifts_cents[turn % 6], split))  # fmt: skip
    for turn in range(6):
        name = names[turn % 2]
        made.append(render(out, "synth", name, name, half.ranges[name], half.tempos_bpm[(turn + 1) % 3],
                           half.seeds[turn], half.drifts_cents[(turn + 2) % 6], split,
                           vowels=half.vowels))  # fmt: skip
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=default_out())
    args = parser.parse_args()
    for split in SPLITS:
        print(f"{split}: {len(items(args.out, split))} takes in {args.out}")


if __name__ == "__main__":
    main()
