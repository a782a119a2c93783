"""Benchmark (issue 54): does a monophonic pitch tracker (CREPE tiny, tools/bench/crepe_tiny) help
the engine's sung lines? Per take of a sung half (tools/corpus/sung_set), the engine's ``melody``
notes as they are (``main``), then post-processed: ``repitch`` (each note takes the key most of
its middle's sure CREPE frames round to), ``octave`` (only where that key is an octave away),
``merge`` (a note under 0.4 s touching the one before is joined to it where CREPE's key for it is
that note's pitch) and ``merge_no_crepe`` (the same join where the note's own pitch is that
pitch: no tracker). ``any_pitch`` is main's onset F with pitch ignored (the ceiling a pitch fix
can reach). Usage::

    .venv/bin/python tools/bench/transcription_crepe.py --split tune|test|fresh3 [--only main,merge]

F is mir_eval's note F (onset 50 ms, same pitch; then onset+offset), mean over the takes.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

import mir_eval
import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from engines.transcription import transcribe, tuning  # noqa: E402
from engines.transcription.audio import prepare  # noqa: E402
from engines.transcription.model import MODEL_RATE_HZ  # noqa: E402
from tools.bench import crepe_tiny  # noqa: E402
from tools.bench.transcription_score import _intervals, note_f  # noqa: E402
from tools.corpus import sung_set  # noqa: E402

Row = tuple[int, float, float, int]
MERGE_UNDER_S = 0.4  # a note shorter than this may be joined to the one before
TOUCHING_S = 0.03  # when it starts within this of that note's end


def repitched(notes: list[Row], heard: list[int | None], *, octave_only: bool) -> list[Row]:
    """Each note at the key CREPE heard in its middle (where it heard one)."""
    return [
        (h if h is not None and (not octave_only or abs(h - p) == 12) else p, s, e, v)
        for (p, s, e, v), h in zip(notes, heard, strict=True)
    ]


def merged(notes: list[Row], heard: list[int | None]) -> list[Row]:
    """A short note touching the one before is joined to it where its heard key is that one's pitch."""
    out: list[Row] = []
    for (p, s, e, v), h in zip(notes, heard, strict=True):
        if (
            out
            and h is not None
            and h == out[-1][0]
            and e - s < MERGE_UNDER_S
            and s - out[-1][2] < TOUCHING_S
        ):
            out[-1] = (out[-1][0], out[-1][1], e, out[-1][3])
        else:
            out.append((p, s, e, v))
    return out


def readings(take: sung_set.SungItem) -> tuple[list[Row], list[int | None], float]:
    """The engine's melody notes, CREPE's key for each note's middle, and CREPE's seconds."""
    audio, rate = sf.read(take.wav, dtype="float32")
    notes = [(n.pitch, n.start_s, n.end_s, n.velocity) for n in transcribe(audio, rate, kind="melody").notes]
    y = prepare(audio, rate)
    spans = [(s, e) for _, s, e, _ in notes]
    started = time.monotonic()
    times = crepe_tiny.note_times(spans)
    midi, periodicity = crepe_tiny.track(y, MODEL_RATE_HZ, times)
    heard = crepe_tiny.keys_heard(spans, times, midi, periodicity, tuning.offset_cents(y))
    return notes, heard, time.monotonic() - started


VARIANTS: dict[str, Callable[[list[Row], list[int | None]], list[Row]]] = {
    "main": lambda notes, heard: notes,
    "repitch": lambda notes, heard: repitched(notes, heard, octave_only=False),
    "octave": lambda notes, heard: repitched(notes, heard, octave_only=True),
    "merge": merged,
    "merge_no_crepe": lambda notes, heard: merged(notes, [p for p, *_ in notes]),
}


def any_pitch_f(truth: list[Row], found: list[Row]) -> float:
    if not truth or not found:
        return 0.0
    (ri, rp), (ei, ep) = _intervals(truth), _intervals(found)
    return float(mir_eval.transcription.precision_recall_f1_overlap(
        ri, rp, ei, ep, onset_tolerance=0.05, offset_ratio=None, pitch_tolerance=1e6)[2])  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=sung_set.default_out())
    parser.add_argument("--split", choices=("tune", "test", *sung_set.FRESH), default="tune")
    parser.add_argument("--only", default=",".join(VARIANTS), help="variants to score, comma separated")
    args = parser.parse_args()
    chosen = args.only.split(",")
    print(f"{platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} at start")
    takes = sung_set.items(args.out, args.split)
    read = [(take, *readings(take)) for take in takes]
    for source in ("gm", "synth"):
        mine = [r for r in read if r[0].source == source]
        for name in chosen:
            fs = [
                (note_f(t.notes, found, offsets=False)[2], note_f(t.notes, found, offsets=True)[2])
                for t, notes, heard, _ in mine
                for found in [VARIANTS[name](notes, heard)]
            ]
            onset, both = np.mean(fs, axis=0)
            print(f"{args.split} {source} ({len(mine)}) {name}: {onset:.3f} / {both:.3f}", flush=True)
        if "main" in chosen:
            ceiling = np.mean([any_pitch_f(t.notes, notes) for t, notes, *_ in mine])
            print(f"{args.split} {source} main, any pitch: {ceiling:.3f}")
    print(
        f"CREPE {sum(r[3] for r in read):.1f} s over {len(read)} takes; load {os.getloadavg()[0]:.1f} at end"
    )


if __name__ == "__main__":
    main()
