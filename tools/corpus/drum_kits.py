"""Rendered drums for the drum classifier: the kits it may learn from, the parts played on them, and
the variations (speed, tone, room) that keep it from learning one kit's sound.

Kits come from two General MIDI soundfonts, FluidR3_GM (Debian fluid-soundfont-gm) and TimGM6mb
(Debian timgm6mb-soundfont), and from tools/corpus/drum_synth (kits synthesized from a seed). The Room, TR-808 and Jazz kits of every soundfont (and their variants)
are left out: they are the test half's kits (tools/corpus/transcription_set). Each kit belongs to a
family (a kit and its numbered variants share samples), and leave-one-out runs by family.
MuseScore_General (Debian musescore-general-soundfont-small) is never trained on: its kits are a
further held-out check of the benchmark (``HELD_OUT``), and so are the sources of ``HELD_OUT_SOURCES``
(bench material only: AVL Drumkits' two multi-sampled acoustic kits, csound's GM bank, an OPL3 FM bank).
Hydrogen's real sampled kits (tools/corpus/hydrogen_kits, ``REAL_KITS``) are training material when asked.
"""

from __future__ import annotations

import random
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import soundfile as sf
from scipy.signal import resample_poly

from engines.music import Note
from engines.transcription.audio import prepare
from engines.transcription.notes import VOICE_OF_GM_NOTE
from tools.corpus import drum_synth, hydrogen_kits
from tools.corpus import transcription_set as tset
from tools.eval.rendered import SOUNDFONT, fluidsynth_or_exit, render_midi

SET_VERSION = 1
SOUNDFONTS = {
    "fluid": SOUNDFONT,
    "timgm": Path("/usr/share/sounds/sf2/TimGM6mb.sf2"),
    "musescore": Path("/usr/share/sounds/sf3/MuseScore_General_Lite.sf3"),
}
DEBIAN_PACKAGE = {"fluid": "fluid-soundfont-gm", "timgm": "timgm6mb-soundfont"}
DEBIAN_PACKAGE["musescore"] = "musescore-general-soundfont-small"
# held-out sources of the benchmark only (never trained on; Debian packages of the bench, not of CI)
SOUNDFONTS |= {
    "avl-pearl": Path("/usr/share/sounds/sf2/Black_Pearl_4_LV2.sf2"),
    "avl-zeppelin": Path("/usr/share/sounds/sf2/Red_Zeppelin_4_LV2.sf2"),
    "csound": Path("/usr/share/sounds/sf2/sf_GMbank.sf2"),
    "opl3": Path("/usr/share/sounds/sf2/OPL-3_FM_128M.sf2"),
}
DEBIAN_PACKAGE |= {"avl-pearl": "avldrums.lv2-soundfont", "avl-zeppelin": "avldrums.lv2-soundfont"}
DEBIAN_PACKAGE |= {"csound": "csound-soundfont", "opl3": "opl3-soundfont"}
# AVL Drumkits' kits are bank 0 presets (played on channel 1) whose keys are not GM's (read from the
# sf2's instrument zones and sample names): 46 a semi-open hat, 48 a "swish" hat, 41/43 the floor
# tom (and its edge), 45/47 the 12-14" tom, 50/52/58 cymbal chokes, 61 maracas. A GM note maps to
# the key that truly is that voice; GM notes with no such key (cabasa, claves) are left out of the part.
AVL_KEYS = {35: 36, 36: 36, 37: 37, 38: 38, 39: 39, 40: 40, 42: 42, 44: 44, 46: 46}
AVL_KEYS |= {49: 49, 51: 51, 53: 53, 55: 55, 57: 57, 59: 59, 54: 54, 56: 56, 70: 61}
AVL_KEYS |= {41: 41, 43: 41, 45: 45, 47: 45, 48: 45, 50: 45}
NOT_GM = {"avl-pearl": AVL_KEYS, "avl-zeppelin": AVL_KEYS}


@dataclass(frozen=True)
class Kit:
    """A drum kit: its soundfont's short name, its program in bank 128, its family (for leave-one-out),
    and ``plays``: a key of ``PLAYS`` where its parts keep only those GM notes ('': every note)."""

    soundfont: str
    program: int
    family: str
    plays: str = ""

    @property
    def name(self) -> str:
        return f"{self.soundfont}-{self.program}" + (f"-{self.plays}" if self.plays else "")


TRAIN_KITS = (
    *(Kit("fluid", p, "fluid-standard") for p in range(8)),
    *(Kit("fluid", p, "fluid-power") for p in (16, 17, 18, 19)),
    Kit("fluid", 24, "fluid-electronic"),
    *(Kit("fluid", p, "fluid-brush") for p in (40, 41, 42)),
    Kit("fluid", 48, "fluid-orchestra"),
    *(Kit("timgm", p, f"timgm-{n}") for p, n in ((0, "standard"), (16, "power"), (24, "electronic"))),
    *(Kit("timgm", p, f"timgm-{n}") for p, n in ((40, "brush"), (48, "orchestra"))),
    *(Kit("synth", seed, f"synth-{seed % 2}") for seed in range(8)),  # tools/corpus/drum_synth, by seed
)
# tools/corpus/drum_synth's kits with a TR-808-style kick and toms (synth_808_kit); one family, trained
# on only when asked (drum_train --kicks-808) and never left out nor scored in leave-one-family-out
KICK_808_KITS = tuple(Kit("synth808", seed, "synth-808") for seed in range(100, 104))
KICK_808_FAMILY = "synth-808"
# the notes a kit of ``Kit.plays`` keeps: 'kicktoms', the kick and the toms (issue 54 part O's recipe R:
# the 808 kits heard only where they differ from synth_kit, none of their synthesized hats or cymbals)
PLAYS = {"kicktoms": frozenset(p for p, v in VOICE_OF_GM_NOTE.items() if v in ("kick", "tom"))}
KICK_TOM_808_KITS = tuple(Kit(k.soundfont, k.program, k.family, "kicktoms") for k in KICK_808_KITS)
KITS_808 = {"": (), "all": KICK_808_KITS, "kicktoms": KICK_TOM_808_KITS}  # drum_train --kicks-808 [kicktoms]
# tools/corpus/hydrogen_kits (Debian hydrogen-drumkits): real sampled kits, by their index there; trained
# on only when asked (drum_train --real-kits): the shipped classifier was not (see transcription.md)
REAL_KITS = tuple(
    Kit("hydrogen", i, hydrogen_kits.FAMILIES[n]) for i, n in enumerate(hydrogen_kits.KIT_NAMES)
)
# never trained on: the benchmark's further held-out check on another soundfont's kits
GM_KITS = (0, 8, 16, 24, 25, 32, 40, 48)  # Standard, Room, Power, Electronic, TR-808, Jazz, Brush, Orchestra
HELD_OUT = tuple(Kit("musescore", p, "musescore") for p in GM_KITS)
HELD_OUT_SOURCES = {
    "musescore": HELD_OUT,
    "avl": (Kit("avl-pearl", 0, "avl"), Kit("avl-zeppelin", 0, "avl")),
    "csound": tuple(Kit("csound", p, "csound") for p in GM_KITS),
    "opl3": (Kit("opl3", 0, "opl3"),),
}
SYNTHESIZED = {"synth": drum_synth.synth_kit, "synth808": drum_synth.synth_808_kit}
DISTRACTORS = (54, 56, 69, 70, 75)  # tambourine, cowbell, cabasa, maracas, claves: no voice of ours
VOICE_ODDS = {36: 0.3, 38: 0.2, 37: 0.03, 39: 0.05, 42: 0.4, 44: 0.05, 46: 0.1, 51: 0.12, 53: 0.02}
VOICE_ODDS |= {49: 0.02, 57: 0.01, 41: 0.015, 45: 0.015, 48: 0.015, 50: 0.015}
OPEN_ODDS = 0.3
Rows = list[tuple[int, float, float, int]]


def random_pattern(rng: random.Random, bars: int = 4) -> list[Note]:
    """Drum notes on a 16th grid, each voice drawn on its own (and now and then a distractor)."""
    notes: list[Note] = []
    for step in range(bars * 16):
        beat = step / 4
        for pitch, odds in VOICE_ODDS.items():
            hat_clash = pitch == 46 and any(n.pitch == 42 and n.start_beats == beat for n in notes)
            if rng.random() < odds and not hat_clash:
                notes.append(Note(pitch, beat, 0.25, rng.randint(50, 127)))
        if rng.random() < 0.04:
            notes.append(Note(rng.choice(DISTRACTORS), beat, 0.25, rng.randint(60, 120)))
    return notes


def hat_line_pattern(rng: random.Random, bars: int = 4) -> list[Note]:
    """A random pattern whose hats are one hi-hat line (8ths or 16ths, a few left out) in which any hat
    may open (``OPEN_ODDS``), choked by the next: open hats as often as real grooves play them."""
    notes = [n for n in random_pattern(rng, bars) if n.pitch not in (42, 44, 46)]
    step_beats = rng.choice((0.25, 0.5))
    for step in range(int(bars * 4 / step_beats)):
        if rng.random() < 0.85:
            pitch = 46 if rng.random() < OPEN_ODDS else rng.choice((42, 42, 42, 44))
            notes.append(Note(pitch, step * step_beats, 0.25, rng.randint(50, 127)))
    return sorted(notes, key=lambda n: (n.start_beats, n.pitch))


def default_out() -> Path:
    return tset.default_out().parent / f"drum-kits-v{SET_VERSION}"


def soundfont_or_exit(name: str) -> Path:
    path = SOUNDFONTS[name]
    if not path.exists():
        raise SystemExit(f"the drum kits need {path} (Debian: {DEBIAN_PACKAGE[name]})")
    return path


def render(out: Path, kit: Kit, notes: list[Note], tempo_bpm: float, tag: str) -> tuple[str, Rows]:
    """One part on one kit (cached by name): its wav and its notes in seconds (GM notes; on a kit
    whose keys are not GM's, each played on its own key and those the kit lacks left out)."""
    notes, played = on_kit_keys(kit, notes)
    wav = out / f"drums-{kit.name}-{tag}-{tempo_bpm:g}.wav"
    if not wav.exists() and kit.soundfont in SYNTHESIZED:
        out.mkdir(parents=True, exist_ok=True)
        sounds = SYNTHESIZED[kit.soundfont](kit.program)
        sf.write(wav, drum_synth.play(sounds, notes, tempo_bpm), drum_synth.RATE_HZ)
    elif not wav.exists() and kit.soundfont == "hydrogen":
        out.mkdir(parents=True, exist_ok=True)
        name = hydrogen_kits.KIT_NAMES[kit.program]
        sf.write(wav, hydrogen_kits.play(name, notes, tempo_bpm, wav.name), drum_synth.RATE_HZ)
    elif not wav.exists():
        out.mkdir(parents=True, exist_ok=True)
        midi = wav.with_suffix(".mid")
        drums = kit.soundfont not in NOT_GM  # a GM kit: bank 128 on channel 10
        tset.write_part(midi, played, tempo_bpm=tempo_bpm, program=kit.program, drums=drums)
        fluidsynth = fluidsynth_or_exit("the drum kits")
        render_midi(fluidsynth, midi, wav, gain=0.6, soundfont=soundfont_or_exit(kit.soundfont))
    s_per_beat = 60.0 / tempo_bpm
    rows = [
        (n.pitch, n.start_beats * s_per_beat, (n.start_beats + n.duration_beats) * s_per_beat, n.velocity)
        for n in sorted(notes, key=lambda n: (n.start_beats, n.pitch))
    ]
    return str(wav), rows


def on_kit_keys(kit: Kit, notes: list[Note]) -> tuple[list[Note], list[Note]]:
    """(the GM notes the kit can play, the same notes on the kit's own keys): a GM kit plays every
    note on its own key; a kit of ``NOT_GM`` drops the notes it has no key for and moves the rest; a
    kit that ``plays`` only some notes drops the others first."""
    if kit.plays:
        notes = [n for n in notes if n.pitch in PLAYS[kit.plays]]
    if kit.soundfont == "hydrogen":
        kept = [n for n in notes if n.pitch in hydrogen_kits.playable(hydrogen_kits.KIT_NAMES[kit.program])]
        return kept, kept
    keys = NOT_GM.get(kit.soundfont)
    if keys is None:
        return notes, notes
    kept = [n for n in notes if n.pitch in keys]
    return kept, [replace(n, pitch=keys[n.pitch]) for n in kept]


def parts(
    out: Path,
    kit: Kit,
    *,
    seeds: tuple[int, ...],
    tempos: tuple[float, ...],
    n_random: int,
    seed: int,
    n_hat_lines: int = 0,
):
    """The generators' drum parts (genres cycled), ``n_random`` random patterns and ``n_hat_lines``
    patterns with a hi-hat line (``hat_line_pattern``) on one kit."""
    # by soundfont and program: a kit that plays only some notes draws the same parts as the full kit
    rng = random.Random(f"{seed}-{kit.soundfont}-{kit.program}")
    made = []
    for turn, part_seed in enumerate(seeds):
        tempo = tempos[(turn + kit.program) % len(tempos)]
        genre = tset.GENRES[(turn * 3 + part_seed + kit.program) % len(tset.GENRES)]
        notes = [n for n in tset.part_notes("drums", genre, tempo, part_seed) if not n.mute]
        made.append(render(out, kit, notes, tempo, f"{genre}-{part_seed}"))
    for index in range(n_random):
        tempo = rng.choice((80, 96, 112, 126, 140, 160))
        made.append(render(out, kit, random_pattern(rng), tempo, f"random-{seed}-{index}"))
    for index in range(n_hat_lines):
        tempo = rng.choice((80, 96, 112, 126, 140, 160))
        made.append(render(out, kit, hat_line_pattern(rng), tempo, f"hatline-{seed}-{index}"))
    return made


def with_room(wav: str) -> str:
    """The wav through sox's reverb (a small room, half wet), cached beside it."""
    wet = Path(wav).with_suffix(".room.wav")
    if not wet.exists():
        subprocess.run(
            ["sox", "-R", "-D", wav, str(wet), "reverb", "40", "50", "35", "100", "0", "-3"], check=True
        )
    return str(wet)


def variation(wav: str, rows: Rows, rng: random.Random) -> tuple[np.ndarray, Rows, float]:
    """The clip (mono, 22,050 Hz) played a little faster or slower (pitch and decays move with it),
    maybe in a room, and a spectral tilt (log10 units per band, for the features) drawn for it."""
    source = with_room(wav) if rng.random() < 0.5 else wav
    audio, rate = sf.read(source, dtype="float32")
    y = prepare(audio, rate)
    up = rng.choice((13, 14, 15, 16, 17))  # speed 15/up: 0.88 .. 1.15
    stretched = resample_poly(y, up, 15).astype(np.float32) if up != 15 else y
    factor = len(stretched) / len(y)
    moved = [(p, s * factor, e * factor, v) for p, s, e, v in rows]
    return stretched, moved, rng.uniform(-0.4, 0.4)


def plain(wav: str) -> np.ndarray:
    audio, rate = sf.read(wav, dtype="float32")
    return prepare(audio, rate)
