"""Real sampled drum kits for the drum classifier's training: Hydrogen's kits (Debian hydrogen-drumkits,
WAV/FLAC/AIFF samples and a drumkit.xml each), played here by placing their samples in numpy.

Only instruments whose names say they truly are a kick, snare (or side stick, clap), closed, pedal or
open hat, tom, ride or crash (and a cowbell or tambourine, the training parts' distractors) are
played, each on the GM notes of ``MAPS``; a GM note with several instruments picks one per hit. A
hit picks the instrument's layer by velocity (as Hydrogen does), scaled by velocity, the layer's and
instrument's gain and a small random gain; an open hat is choked by the next closed or pedal hat.
Left out: "The Black Pearl 1.0" (the same samples as AVL Drumkits' Black Pearl, the benchmark's
held-out kit), "Gimme A Hand" (hand percussion only, by AVL's author), "circAfrique" (djembes) and
the electronic ElectricEmpireKit and HardElectro1.
"""

from __future__ import annotations

import functools
import math
import random
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf
from scipy.signal import resample_poly

from engines.music import Note
from tools.corpus import drum_synth

KITS_DIR = Path("/usr/share/hydrogen/data/drumkits")
DEBIAN_PACKAGE = "hydrogen-drumkits"
LONGEST_S = 3.0  # a sample longer than this is cut (with a fade): a 12 s open hat rings under the next bars
GAIN_SPREAD_DB = 1.5
PEAK = 0.5  # a mixed part's peak level
KICK, STICK, SNARE, CLAP, CLOSED, PEDAL, OPEN = (35, 36), (37,), (38, 40), (39,), (42,), (44,), (46,)
LOW_TOM, MID_TOM, HIGH_TOM, CRASH, RIDE, BELL = (41, 43), (45, 47), (48, 50), (49, 57), (51, 59), (53,)
COWBELL, TAMBOURINE = (56,), (54,)


def _each(names: list[str], notes: tuple[int, ...]) -> dict[str, tuple[int, ...]]:
    return dict.fromkeys(names, notes)


GM_KIT: dict[
    str, tuple[int, ...]
] = {  # Hydrogen's General-MIDI-ordered default names (the Millo kits and Audiophob use them)
    "Kick": KICK,
    "Stick": STICK,
    "Snare Jazz": SNARE,
    "Hand Clap": CLAP,
    "Snare Rock": SNARE,
    "Tom Low": LOW_TOM,
    "Closed HH": CLOSED,
    "Tom Mid": MID_TOM,
    "Pedal HH": PEDAL,
    "Tom Hi": HIGH_TOM,
    "Open HH": OPEN,
    "Cowbell": COWBELL,
    "Ride Jazz": RIDE,
    "Crash": CRASH,
    "Ride Rock": RIDE,
    "Crash Jazz": CRASH,
}
FORZEE: dict[str, tuple[int, ...]] = {
    "Kick": KICK,
    "Rim Click": STICK,
    "Snare": SNARE,
    "Snare Rimshot": SNARE,
    "Snare 2": SNARE,
}
FORZEE |= {"Snare 2 Rimshot": SNARE, "Hi-Hat Closed": CLOSED, "Hi-Hat Pedal": PEDAL, "Hi-Hat Open": OPEN}
FORZEE |= {"Hi-Hat Semiopen": OPEN, "Tom Low": LOW_TOM, "Tom Mid": MID_TOM, "Tom High": HIGH_TOM}
FORZEE |= {"Ride": RIDE, "Ride Bow": RIDE, "Ride Bell": BELL, "Crash": CRASH, "Tambourine": TAMBOURINE}
# instrument name (Forzee's without its parenthesised make) -> the GM notes it plays, per kit
MAPS: dict[str, dict[str, tuple[int, ...]]] = {
    "BJA_Pacific": {"BassDrum": KICK, "Snare": SNARE, "Snare Dry": SNARE, "Hi Hat Closed": CLOSED + PEDAL}
    | {"Hi Hat Opened": OPEN, "Floor Tom": LOW_TOM, "Tom": MID_TOM + HIGH_TOM, "Crash Left": CRASH}
    | {"Crash Right": CRASH, "Ride": RIDE, "Ride 2": RIDE, "Ride Bell": BELL},
    # its "Pedal HH" plays semi-open hat samples; its crash16inch mixes crash and ride strokes, its
    # ride-crash20inch and ride-cup are a crash played as a ride: left out
    "ColomboAcousticDrumkit": {"BassDrum": KICK, "Stick": STICK, "Snare1": SNARE, "Snare Rock": SNARE}
    | {"redo super opaco": SNARE, "Closed HH": CLOSED + PEDAL, "Open HH": OPEN, "Pedal HH": OPEN}
    | {"Tom Low": LOW_TOM, "Tom Mid": MID_TOM, "Tom Hi": HIGH_TOM, "crash20inch--2": CRASH},
    "ForzeeStereo": FORZEE,
    "Millo-Drums_v.1": GM_KIT,
    "Millo_MultiLayered2": {
        k: v for k, v in GM_KIT.items() if k != "Cowbell"
    },  # its cowbell's file is missing
    "Millo_MultiLayered3": {k: v for k, v in GM_KIT.items() if k in ("Kick", "Stick", "Snare Rock")}
    | {k: v for k, v in GM_KIT.items() if "Tom" in k or "HH" in k or k in ("Cowbell", "Ride Jazz", "Crash")},
    "rumpf_kit_z01_h2": _each(
        [f"{key} - bass drum {n}" for key, n in (("c3", 1), ("f3", 2), ("g3", 3))], KICK
    )
    | {"a3 - bass drum 4": KICK, "c#3 - stick": STICK, "d3 - snare 1": SNARE, "e3 - snare 2": SNARE}
    | {"d#3 - clap": CLAP, "f#3 - hi-hat closed": CLOSED, "g#3 - hi-hat pedal": PEDAL}
    | {"a#3 - hi-hat open": OPEN, "b3 - low tom": LOW_TOM, "c4 - middle tom": MID_TOM}
    | {"d4 - high tom": HIGH_TOM, "c#4 - crash": CRASH, "f4 - ride bell": BELL, "g#4 - cowbell": COWBELL},
    "VariBreaks": _each([f"VariBreaks Kick {n}" for n in (1, 2, 3)], KICK)
    | _each([f"VariBreaks Snare {n}" for n in (1, 2, 3)], SNARE)
    | _each([f"VariBreaks Hat {n} Cl" for n in (1, 2, 3)], CLOSED)
    | {"VariBreaks Hat 1 Pd": PEDAL, "VariBreaks Hat 1 Op": OPEN, "VariBreaks Tom Low": LOW_TOM}
    | {"VariBreaks Tom Mid": MID_TOM, "VariBreaks Tom Hi": HIGH_TOM},
    # its "Kick" and "Stick" are tom samples, its "Pedal HH" a shaker, its "Snare Jazz" an 8-bit snare, its "Ride
    # Jazz" a muted cymbal: left out
    "Audiophob": {
        k: v
        for k, v in list(GM_KIT.items())[:14]
        if k not in ("Kick", "Stick", "Pedal HH", "Snare Jazz", "Ride Jazz")
    },
}
# leave-one-out families: the three Millo kits (one author, some samples shared) are one
FAMILIES = {name: "hydrogen-" + name.split("_")[0].split("-")[0].lower()[:7] for name in MAPS}
KIT_NAMES = tuple(MAPS)


@dataclass(frozen=True)
class Layer:
    low: float  # velocity range (0..1) the layer plays
    high: float
    gain: float
    audio: np.ndarray  # mono, drum_synth.RATE_HZ


def kit_dir_or_exit(name: str) -> Path:
    folder = KITS_DIR / name
    if not (folder / "drumkit.xml").exists():
        raise SystemExit(f"the Hydrogen kit {folder} is missing (Debian: {DEBIAN_PACKAGE})")
    return folder


def _text(node: ET.Element, tag: str, ns: str, default: str = "") -> str:
    found = node.find(ns + tag)
    return found.text or default if found is not None and found.text is not None else default


def _sample(path: Path) -> np.ndarray:
    audio, rate = sf.read(path, dtype="float32", always_2d=True)
    mono = audio.mean(axis=1)
    step = math.gcd(drum_synth.RATE_HZ, rate)
    if rate != drum_synth.RATE_HZ:
        mono = resample_poly(mono, drum_synth.RATE_HZ // step, rate // step).astype(np.float32)
    mono = mono[: int(LONGEST_S * drum_synth.RATE_HZ)]
    fade = min(len(mono), drum_synth.RATE_HZ // 20)
    mono[len(mono) - fade :] *= np.linspace(1.0, 0.0, fade, dtype=np.float32)
    return mono


@functools.cache
def load(name: str) -> dict[int, tuple[tuple[Layer, ...], ...]]:
    """GM note -> the instruments that play it (each its velocity layers), from the kit's drumkit.xml."""
    folder = kit_dir_or_exit(name)
    root = ET.parse(folder / "drumkit.xml").getroot()
    ns = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""
    wanted = MAPS[name]
    found: dict[str, tuple[Layer, ...]] = {}
    for instrument in root.iter(ns + "instrument"):
        label = _text(instrument, "name", ns).split(" (")[0]
        if label not in wanted or label in found:
            continue
        gain = float(_text(instrument, "volume", ns, "1")) * float(_text(instrument, "gain", ns, "1"))
        nodes = list(instrument.iter(ns + "layer")) or [instrument]  # an old kit: one sample, no layers
        found[label] = tuple(
            Layer(
                float(_text(node, "min", ns, "0")),
                float(_text(node, "max", ns, "1")),
                gain * float(_text(node, "gain", ns, "1")),
                _sample(folder / _text(node, "filename", ns)),
            )
            for node in nodes
        )
    missing = sorted(set(wanted) - set(found))
    if missing:
        raise SystemExit(f"the Hydrogen kit {name} has no instrument {', '.join(missing)} (expected by MAPS)")
    notes: dict[int, list[tuple[Layer, ...]]] = {}
    for label, pitches in wanted.items():
        for pitch in pitches:
            notes.setdefault(pitch, []).append(found[label])
    return {pitch: tuple(instruments) for pitch, instruments in notes.items()}


def hit_sound(instruments: tuple[tuple[Layer, ...], ...], velocity: int, rng: random.Random) -> np.ndarray:
    """One hit: an instrument drawn, its layer for the velocity (the nearest if none covers it),
    scaled by velocity, gains and a random gain of up to GAIN_SPREAD_DB either way."""
    layers = instruments[rng.randrange(len(instruments))]
    level = velocity / 127
    layer = min(
        layers,
        key=lambda lay: (
            0.0 if lay.low <= level <= lay.high else min(abs(lay.low - level), abs(lay.high - level))
        ),
    )
    spread = 10 ** (rng.uniform(-GAIN_SPREAD_DB, GAIN_SPREAD_DB) / 20)
    return layer.audio * np.float32(level * layer.gain * spread)


def play(name: str, notes: list[Note], tempo_bpm: float, seed: str) -> np.ndarray:
    """The notes (those of ``playable``) on the kit, mixed at drum_synth.RATE_HZ to a peak of PEAK,
    every draw seeded by ``seed``."""
    kit = load(name)
    rng = random.Random(seed)
    sounds = {id(n): hit_sound(kit[n.pitch], n.velocity, rng) for n in notes if n.pitch in kit}
    out = drum_synth.mix(lambda n: sounds.get(id(n)), notes, tempo_bpm)
    return PEAK * out / max(float(np.abs(out).max()), 1e-9)


def playable(name: str) -> frozenset[int]:
    """The GM notes the kit plays (others are left out of a part, and of its truth)."""
    return frozenset(pitch for pitches in MAPS[name].values() for pitch in pitches)
