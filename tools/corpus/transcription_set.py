"""Rendered material with known notes for the transcription engine: the project's own generators'
parts on GM instruments and kits, at several tempos, rendered through FluidR3_GM by fluidsynth.

Each item is one part (melody, bass, piano, chords or drums) on one instrument at one tempo and
seed; ``split`` says whether it is for tuning (the drum classifier's training and any threshold
chosen by hand) or for testing. The halves share no instrument and no seed, so a test figure is
on sounds and lines the engine was never tuned on. Renders are cached by content:
    .venv/bin/python -m tools.corpus.transcription_set [--out DIR]   (renders the whole set)
"""

from __future__ import annotations

import argparse
import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

import mido

from engines.generators import generate
from engines.music import Key, MusicalContext, Note
from tools.eval.rendered import fluidsynth_or_exit, render_midi

SET_VERSION = 1
BARS = 4
GENRES = ("pop", "rock", "funk", "house", "hip-hop", "jazz", "reggae", "techno")
# GM programs (0-based) per kind; for drums the kit's program on channel 10 (FluidR3's bank 128)
TUNE_PROGRAMS = {
    "melody": (73, 40, 80),  # flute, violin, square lead
    "bass": (33, 38),  # finger bass, synth bass 1
    "piano": (0,),  # acoustic grand
    "chords": (4, 48),  # electric piano 1, string ensemble
    "drums": (0, 16, 24, 40, 48),  # standard, power, electronic, brush, orchestra kits
}
TEST_PROGRAMS = {
    "melody": (56, 65, 71, 68),  # trumpet, alto sax, clarinet, oboe
    "bass": (32, 34, 35),  # acoustic, picked, fretless bass
    "piano": (1, 2),  # bright acoustic, electric grand
    "chords": (5, 19, 25),  # electric piano 2, church organ, steel guitar
    "drums": (8, 25, 32),  # room, TR-808, jazz kits
}
TUNE_TEMPOS_BPM = (90, 110, 128)
TEST_TEMPOS_BPM = (84, 100, 120, 140)
TUNE_SEEDS = (1, 2, 3)
TEST_SEEDS = (101, 102)
PART_OF_KIND = {"melody": "melody", "bass": "bass", "piano": "chords", "chords": "chords", "drums": "drums"}


@dataclass(frozen=True)
class Item:
    """One rendered part: its wav and its notes as (pitch, start_s, end_s, velocity) rows."""

    kind: str
    program: int
    tempo_bpm: float
    seed: int
    genre: str
    split: str
    wav: str
    notes: list[tuple[int, float, float, int]]


def default_out() -> Path:
    from engines.analysis.cache import cache_root

    return cache_root() / "eval" / f"transcription-v{SET_VERSION}"


def part_notes(kind: str, genre: str, tempo_bpm: float, seed: int) -> list[Note]:
    """The generator's notes for a kind (piano: chords with the melody over them)."""
    ctx = MusicalContext(tempo_bpm=tempo_bpm, bars=BARS, genre=genre, key=Key(seed % 12, "Major"))
    notes = generate(PART_OF_KIND[kind], ctx, seed=seed)
    if kind == "piano":
        notes = notes + generate("melody", ctx, seed=seed)
    notes = [n for n in notes if not n.mute]
    if kind in ("melody", "bass"):  # one note at a time, as the truth of a monophonic line
        notes = sorted(notes, key=lambda n: n.start_beats)
        notes = [
            Note(n.pitch, n.start_beats, min(n.duration_beats, nxt.start_beats - n.start_beats), n.velocity)
            for n, nxt in zip(notes, [*notes[1:], Note(0, 1e9, 1.0)], strict=True)
            if nxt.start_beats - n.start_beats > 0.05
        ]
    return notes


def write_part(path: Path, notes: list[Note], *, tempo_bpm: float, program: int, drums: bool) -> None:
    """A one-track MIDI file: the program (or kit) on channel 1 (or 10) and the notes."""
    ticks = 480
    channel = 9 if drums else 0
    track = mido.MidiTrack()
    track.append(mido.MetaMessage("set_tempo", tempo=mido.bpm2tempo(tempo_bpm), time=0))
    track.append(mido.Message("program_change", channel=channel, program=program, time=0))
    events = []
    for n in notes:
        events.append((round(n.start_beats * ticks), 1, n.pitch, n.velocity))
        events.append((round((n.start_beats + n.duration_beats) * ticks), 0, n.pitch, 0))
    now = 0
    for tick, on, pitch, vel in sorted(events):
        kind = "note_on" if on else "note_off"
        track.append(mido.Message(kind, channel=channel, note=pitch, velocity=vel, time=tick - now))
        now = tick
    track.append(mido.MetaMessage("end_of_track", time=ticks * 2))
    song = mido.MidiFile(type=0, ticks_per_beat=ticks)
    song.tracks.append(track)
    song.save(str(path))


def render_item(
    out: Path, kind: str, program: int, tempo_bpm: float, seed: int, genre: str, split: str
) -> Item:
    """Render one part (cached by its content) and give it with its notes in seconds."""
    notes = part_notes(kind, genre, tempo_bpm, seed)
    s_per_beat = 60.0 / tempo_bpm
    rows = [
        (
            n.pitch,
            round(n.start_beats * s_per_beat, 5),
            round((n.start_beats + n.duration_beats) * s_per_beat, 5),
            n.velocity,
        )
        for n in sorted(notes, key=lambda n: (n.start_beats, n.pitch))
    ]
    name = hashlib.sha256(json.dumps([kind, program, tempo_bpm, rows]).encode()).hexdigest()[:16]
    wav = out / f"{kind}-{program}-{name}.wav"
    if not wav.exists():
        out.mkdir(parents=True, exist_ok=True)
        midi = wav.with_suffix(".mid")
        write_part(midi, notes, tempo_bpm=tempo_bpm, program=program, drums=kind == "drums")
        render_midi(fluidsynth_or_exit("the transcription set"), midi, wav, gain=0.6)
    return Item(kind, program, tempo_bpm, seed, genre, split, str(wav), rows)


def items(out: Path, split: str, kinds: tuple[str, ...] = tuple(PART_OF_KIND)) -> list[Item]:
    """Every item of one half (``tune`` or ``test``): each program at each seed, tempos and genres cycled."""
    programs, tempos, seeds = (
        (TUNE_PROGRAMS, TUNE_TEMPOS_BPM, TUNE_SEEDS)
        if split == "tune"
        else (TEST_PROGRAMS, TEST_TEMPOS_BPM, TEST_SEEDS)
    )
    made = []
    for kind in kinds:
        turn = list(PART_OF_KIND).index(kind)  # each kind's items are the same whichever kinds are asked
        for program in programs[kind]:
            for seed in seeds:
                tempo, genre = tempos[turn % len(tempos)], GENRES[(turn * 3 + seed) % len(GENRES)]
                turn += 1
                made.append(render_item(out, kind, program, tempo, seed, genre, split))
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=default_out())
    args = parser.parse_args()
    for split in ("tune", "test"):
        rendered = items(args.out, split)
        print(f"{split}: {len(rendered)} items in {args.out}")
    (args.out / "manifest.json").write_text(
        json.dumps([asdict(i) for s in ("tune", "test") for i in items(args.out, s)], indent=1)
    )


if __name__ == "__main__":
    main()
