"""Benchmark (issue 54): the join of short touching notes (``mono.fragments_joined``, kind
``melody``) against the engine without it, both from one engine run per take: the notes going into
the join are main's melody notes (what ``_pitched`` returned before it), the notes coming out are
the branch's. Per source of a sung half (tools/corpus/sung_set), or per GM program of the
instruments' half (tools/corpus/transcription_set, ``--instruments``). Usage::

    .venv/bin/python tools/bench/transcription_join.py --split tune|test|fresh4|fresh5 [--instruments]

F is mir_eval's note F (onset 50 ms, same pitch; then onset+offset), mean over the takes; a join
is sorted by what was written within 50 ms of the note it removed: nothing (a fragment), a note of
its pitch (a repeat lost), or of another pitch (a note the engine had misheard).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import engines.transcription as engine  # noqa: E402
from engines.transcription import mono, transcribe, tuning  # noqa: E402
from engines.transcription.audio import prepare  # noqa: E402
from engines.transcription.notes import TranscribedNote  # noqa: E402
from tools.bench.transcription_score import note_f  # noqa: E402
from tools.corpus import sung_set  # noqa: E402
from tools.corpus import transcription_set as tset  # noqa: E402

Row = tuple[int, float, float, int]


def both_readings(wav: str) -> tuple[list[Row], list[Row]]:
    """(main's notes, the branch's) for one take, from one engine run: the join's input, timed
    back onto the original clip as the engine does, and the engine's output."""
    seen: list[list[TranscribedNote]] = []
    join: Callable[..., list[TranscribedNote]] = mono.fragments_joined

    def recording(notes: list[TranscribedNote], accents: np.ndarray) -> list[TranscribedNote]:
        seen.append(notes)
        return join(notes, accents)

    audio, rate = sf.read(wav, dtype="float32")
    mono.fragments_joined = recording  # type: ignore[assignment]
    try:
        after = transcribe(audio, rate, kind="melody").notes
    finally:
        mono.fragments_joined = join  # type: ignore[assignment]
    before = seen[0]
    cents = tuning.offset_cents(prepare(audio, rate))
    if abs(cents) >= tuning.MIN_CENTS:
        before = engine._retuned_back(before, cents)
    return [_row(n) for n in before], [_row(n) for n in after]


def _row(n: TranscribedNote) -> Row:
    return (n.pitch, n.start_s, n.end_s, n.velocity)


def joins(truth: list[Row], before: list[Row], after: list[Row]) -> tuple[int, int, int]:
    """Notes of ``before`` gone from ``after``: (none written there, a written onset of their pitch
    within 50 ms: a repeat lost, a written onset of another pitch: a note the engine had misheard)."""
    starts = {(p, s) for p, s, _e, _v in after}
    gone = [(p, s) for p, s, _e, _v in before if (p, s) not in starts]
    same = sum(any(tp == p and abs(ts - s) <= 0.05 for tp, ts, _te, _tv in truth) for p, s in gone)
    other = sum(any(abs(ts - s) <= 0.05 for _tp, ts, _te, _tv in truth) for p, s in gone) - same
    return len(gone) - same - other, same, other


def report(name: str, takes: list[tuple[list[Row], str]]) -> dict[str, Any]:
    """Main's and the branch's mean F for these (truth, wav) takes, and the joins made."""
    main_f, branch_f, counts = [], [], np.zeros(3, dtype=int)
    for truth, wav in takes:
        before, after = both_readings(wav)
        main_f.append([note_f(truth, before, offsets=o)[2] for o in (False, True)])
        branch_f.append([note_f(truth, after, offsets=o)[2] for o in (False, True)])
        counts += joins(truth, before, after)
    m, b = np.mean(main_f, axis=0), np.mean(branch_f, axis=0)
    line = f"{name} ({len(takes)}): main {m[0]:.3f} / {m[1]:.3f}, join {b[0]:.3f} / {b[1]:.3f}"
    print(
        f"{line}; joins: no written onset {counts[0]}, a repeat lost {counts[1]}, at another pitch's {counts[2]}"
    )
    return {
        "takes": len(takes),
        "main": m.round(3).tolist(),
        "join": b.round(3).tolist(),
        "joins": counts.tolist(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tune", "test", *sung_set.FRESH), default="tune")
    parser.add_argument("--instruments", action="store_true", help="the instruments' half, kind melody")
    args = parser.parse_args()
    print(f"{platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} at start")
    if args.instruments:
        items = tset.items(tset.default_out(), args.split, ("melody",))
        for program in sorted({i.program for i in items}):
            report(
                f"{args.split} program {program}", [(i.notes, i.wav) for i in items if i.program == program]
            )
        report(f"{args.split} melody, all", [(i.notes, i.wav) for i in items])
    else:
        takes = sung_set.items(sung_set.default_out(), args.split)
        for source in ("gm", "synth"):
            report(f"{args.split} {source}", [(t.notes, t.wav) for t in takes if t.source == source])
    print(f"load {os.getloadavg()[0]:.1f} at end")


if __name__ == "__main__":
    main()
