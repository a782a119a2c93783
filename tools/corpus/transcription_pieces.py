"""Short public-domain pieces written out by hand for a fresh read of the transcription engine (a82):
a Bach minuet's right hand, Frere Jacques, Ode to Joy, Pachelbel's ground then a bass leaping octaves,
and the minuet with a simple left hand as ``piano``; each on GM programs that neither the
transcription set nor the sung set ever used, rendered through FluidR3 by fluidsynth into the cache
(never into the repository). Read once on main in round 35; a later read of it is no longer fresh.

    .venv/bin/python -m tools.corpus.transcription_pieces [--peer] [--json F]

prints onset F / onset+offset F per kind (mir_eval, 50 ms) for this tree's engine and, with
``--peer``, Basic Pitch's own ``predict`` on the same audio.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np
import soundfile as sf

from engines.music import Note
from tools.corpus.transcription_set import write_part
from tools.eval.rendered import fluidsynth_or_exit, render_midi

Q, H, E, DH = 1.0, 2.0, 0.5, 3.0
PLAYED = 0.92  # a player's share of each written length
Row = tuple[int, float, float]  # pitch, start in beats, beats


def _seq(notes: list[tuple[int, float]]) -> list[Row]:
    out, now = [], 0.0
    for pitch, beats in notes:
        out.append((pitch, now, beats))
        now += beats
    return out


# Minuet in G (BWV Anh. 114), right hand, bars 1-16
_B = {
    1: [(74, Q), (67, E), (69, E), (71, E), (72, E)],
    2: [(74, Q), (67, Q), (67, Q)],
    3: [(76, Q), (72, E), (74, E), (76, E), (78, E)],
    4: [(79, Q), (67, Q), (67, Q)],
    5: [(72, Q), (74, E), (72, E), (71, E), (69, E)],
    6: [(71, Q), (72, E), (71, E), (69, E), (67, E)],
    7: [(66, Q), (67, E), (69, E), (71, E), (67, E)],
    8: [(69, DH)],
    15: [(69, Q), (71, E), (69, E), (67, E), (66, E)],
    16: [(67, DH)],
}
MINUET = _seq([n for b in (1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 15, 16) for n in _B[b]])
_LEFT = [(55, DH), (59, DH), (60, DH), (59, DH), (57, DH), (55, DH), (62, Q), (59, Q), (55, Q)]
MINUET_LEFT = _seq(
    [*_LEFT, (62, Q), (50, Q), (60, Q), *_LEFT[:6], (62, Q), (50, Q), (54, Q), (55, H), (43, Q)]
)
FRERE = _seq(
    [(67, Q), (69, Q), (71, Q), (67, Q)] * 2
    + [(71, Q), (72, Q), (74, H)] * 2
    + [(74, E), (76, E), (74, E), (72, E), (71, Q), (67, Q)] * 2
    + [(67, Q), (62, Q), (67, H)] * 2
)
_ODE = [
    (64, Q),
    (64, Q),
    (65, Q),
    (67, Q),
    (67, Q),
    (65, Q),
    (64, Q),
    (62, Q),
    (60, Q),
    (60, Q),
    (62, Q),
    (64, Q),
]
ODE = _seq([*_ODE, (64, 1.5), (62, E), (62, H), *_ODE, (62, 1.5), (60, E), (60, H)])
_GROUND = [(50, Q), (45, Q), (47, Q), (42, Q), (43, Q), (38, Q), (43, Q), (45, Q)] * 2
BASS = _seq(
    _GROUND + [(p + o, E) for low in (38, 37, 35, 33, 31, 33, 35, 37) for p in (low,) * 2 for o in (0, 12)]
)
# (name, kind, rows, GM programs no transcription or sung half used, tempo)
PIECES: tuple[tuple[str, str, list[Row], tuple[int, ...], float], ...] = (
    ("minuet", "melody", MINUET, (74, 69, 11, 24), 120.0),  # recorder, English horn, vibraphone, nylon guitar
    ("frere", "melody", FRERE, (22, 72, 66), 100.0),  # harmonica, piccolo, tenor sax
    ("ode", "melody", ODE, (60, 75, 41), 108.0),  # French horn, pan flute, viola
    ("bass", "bass", BASS, (43, 58, 36, 39, 42), 96.0),  # contrabass, tuba, slap bass 1, synth bass 2, cello
    ("minuet2", "piano", sorted(MINUET + MINUET_LEFT, key=lambda r: (r[1], r[0])), (3, 6), 112.0),
)


def default_out() -> Path:
    from engines.analysis.cache import cache_root

    return cache_root() / "eval" / "transcription-pieces-v1"


def items(out: Path) -> list[dict[str, Any]]:
    """Every piece on every program: kind, program, wav (rendered once, cached) and truth rows in seconds."""
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for name, kind, rows, programs, bpm in PIECES:
        s_per_beat = 60.0 / bpm
        truth = [
            (p, round(b * s_per_beat, 5), round((b + d * PLAYED) * s_per_beat, 5), 90) for p, b, d in rows
        ]
        for program in programs:
            wav = out / f"{name}-{program}.wav"
            if not wav.exists():
                midi = wav.with_suffix(".mid")
                notes = [Note(p, b, d * PLAYED, 90) for p, b, d in rows]
                write_part(midi, notes, tempo_bpm=bpm, program=program, drums=False)
                render_midi(fluidsynth_or_exit("the written pieces"), midi, wav, gain=0.6)
            made.append({"piece": name, "kind": kind, "program": program, "wav": str(wav), "truth": truth})
    return made


def main() -> None:
    from engines.transcription import transcribe
    from tools.bench.transcription import basic_pitch_notes
    from tools.bench.transcription_score import note_f

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=default_out())
    parser.add_argument("--peer", action="store_true", help="Basic Pitch's predict beside ours")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    table: dict[str, dict[str, list[tuple[float, float]]]] = {}
    for item in items(args.out):
        audio, rate = sf.read(item["wav"], dtype="float32")
        found = {
            "ours": [(n.pitch, n.start_s, n.end_s) for n in transcribe(audio, rate, kind=item["kind"]).notes]
        }
        if args.peer:
            found["basic_pitch"] = [r[:3] for r in basic_pitch_notes(item["wav"])]
        for name, notes in found.items():
            f = (
                note_f(item["truth"], notes, offsets=False)[2],
                note_f(item["truth"], notes, offsets=True)[2],
            )
            table.setdefault(item["kind"], {}).setdefault(name, []).append(f)
            print(item["piece"], item["program"], name, [round(x, 3) for x in f], flush=True)
    report = {
        kind: {name: [round(float(x), 3) for x in np.mean(fs, axis=0)] for name, fs in runs.items()}
        for kind, runs in table.items()
    }
    print(json.dumps(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
