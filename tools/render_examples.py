"""Render one example per genre to audio with fluidsynth and a GM soundfont, and describe it.

    .venv/bin/python tools/render_examples.py [--out DIR] [--bars 8] [--seed 1] [--sf2 PATH]

Writes DIR/<genre>.mid and DIR/<genre>.wav (44.1 kHz) and prints per file: length, peak and
RMS level, the share of silent 50 ms frames, the spectral centroid, and the share of the low
(< 200 Hz) and high (> 4 kHz) bands, and clipped samples, as a listening check that can be read in a terminal.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from engines.generators import generate_parts  # noqa: E402
from engines.midi_file import write_midi  # noqa: E402
from engines.music import Key, MusicalContext  # noqa: E402
from engines.presets import load_genre, names  # noqa: E402

SF2 = "/usr/share/sounds/sf2/FluidR3_GM.sf2"
KEYS = {"pop": Key(0), "rock": Key(4, "Minor"), "jazz": Key(5), "electronic": Key(9, "Minor"),
        "hip-hop": Key(2, "Minor"), "classical": Key(7), "country": Key(7), "blues": Key(9),
        "reggae": Key(0), "ambient": Key(2)}  # fmt: skip


def describe(wav: Path) -> dict[str, float]:
    """Level and spectrum figures of a rendered file (mono mix)."""
    audio, rate = sf.read(str(wav), always_2d=True)
    mono = audio.mean(axis=1)  # spectrum and silence from the mix; levels from the channels
    frame = rate // 20
    frames = mono[: len(mono) // frame * frame].reshape(-1, frame)
    frame_rms = np.sqrt((frames**2).mean(axis=1))
    spectrum = np.abs(np.fft.rfft(mono))
    freqs = np.fft.rfftfreq(len(mono), 1 / rate)
    power = spectrum**2
    total = power.sum() or 1.0
    return {
        "seconds": round(len(mono) / rate, 2),
        "peak_dbfs": round(float(20 * np.log10(np.abs(audio).max() + 1e-12)), 1),
        "rms_dbfs": round(float(20 * np.log10(np.sqrt((audio**2).mean()) + 1e-12)), 1),
        "clipped_samples": int((np.abs(audio) >= 0.999).sum()),
        "silent_frames": round(float((frame_rms < 10 ** (-50 / 20)).mean()), 3),
        "centroid_hz": round(float((freqs * power).sum() / total)),
        "low_share": round(float(power[freqs < 200].sum() / total), 3),
        "high_share": round(float(power[freqs > 4000].sum() / total), 4),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="/tmp/roo_examples")
    ap.add_argument("--bars", type=int, default=8)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sf2", default=SF2)
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name in names("genres"):
        genre = load_genre(name)
        ctx = MusicalContext(
            tempo_bpm=genre.tempo_bpm, key=KEYS.get(name, Key(0)), genre=name, bars=args.bars
        )
        parts = generate_parts(ctx, seed=args.seed)
        mid, wav = out / f"{name}.mid", out / f"{name}.wav"
        programs = {part: int(getattr(genre, part)["program"]) for part in ("bass", "chords", "melody")}
        write_midi(mid, parts, tempo_bpm=ctx.tempo_bpm, signature=ctx.signature, key=ctx.key,
                   programs=programs, length_beats=ctx.length_beats + ctx.beats_per_bar)  # fmt: skip
        subprocess.run(
            ["fluidsynth", "-ni", "-q", "-g", "0.4", "-r", "44100", "-F", str(wav), args.sf2, str(mid)],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        counts = {part: len(notes) for part, notes in parts.items()}
        print(f"{name:11s} {ctx.key!s:9s} {ctx.tempo_bpm:5.0f} BPM {counts} {describe(wav)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
