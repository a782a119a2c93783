"""Benchmark: sung lines (tools/corpus/sung_set) through the transcription engine as ``melody``,
beside Basic Pitch's own ``predict`` and librosa pyin on the same audio in the same run, per source
(GM voice patches, the synthetic singer) and half; and what ``auto`` chose for each take. Usage::

    .venv/bin/python tools/bench/transcription_sung.py [--split test|tune|fresh|...|fresh5|both|held] [--json F]

``--kind bass --max-centre 50`` reads the low takes (a voice range centred at or below MIDI 50: the
baritone, bass-baritone and bass lines) as a sung bass, with ``melody`` on the same takes beside it
(``ours_melody``); ``held`` is every half but ``tune``. ``--key written`` gives the engine (ours, and
auto) the key each take's line was written in, as a producer who told MuseAroo the song's key would;
``--no-auto`` skips auto's choice. F is mir_eval's note F (onset within 50 ms,
same pitch; and onset+offset), mean over the takes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from engines.transcription import transcribe  # noqa: E402
from tools.bench.transcription import basic_pitch_notes, ours, pyin_notes  # noqa: E402
from tools.bench.transcription_score import note_f  # noqa: E402
from tools.corpus import sung_set  # noqa: E402


def auto_kind(path: str, key: str | None = None) -> str:
    audio, rate = sf.read(path, dtype="float32")
    return transcribe(audio, rate, kind="auto", key=key).kind


def scores(
    takes: list[sung_set.SungItem],
    *,
    peers: bool,
    kind: str = "melody",
    keyed: bool = False,
    auto: bool = True,
) -> dict[str, Any]:
    """Per source: mean onset F and onset+offset F for each transcriber, and auto's choices; a ``kind``
    other than melody is scored beside melody on the same takes."""
    table: dict[str, Any] = {}
    for source in ("gm", "synth"):
        chosen = [t for t in takes if t.source == source]
        runs: dict[str, list[tuple[float, float]]] = {
            "ours": [],
            "ours_melody": [],
            "basic_pitch": [],
            "pyin": [],
        }
        for take in chosen:
            key = key_of(take, keyed)
            found = {"ours": ours(take.wav, kind, key)}
            if kind != "melody":
                found["ours_melody"] = ours(take.wav, "melody", key)
            if peers:
                found["basic_pitch"] = basic_pitch_notes(take.wav)
                found["pyin"] = pyin_notes(take.wav, kind)
            for name, notes in found.items():
                runs[name].append(
                    (note_f(take.notes, notes, offsets=False)[2], note_f(take.notes, notes, offsets=True)[2])
                )
        table[source] = {
            "takes": len(chosen),
            **{name: [round(float(x), 3) for x in np.mean(r, axis=0)] for name, r in runs.items() if r},
            "ours_per_take": [round(r[0], 3) for r in runs["ours"]],
            "voices": [f"{t.voice} {t.range_name}" for t in chosen],
            **(
                {"auto_chose": dict(Counter(auto_kind(t.wav, key_of(t, keyed)) for t in chosen))}
                if auto
                else {}
            ),
        }
    return table


def key_of(take: sung_set.SungItem, keyed: bool) -> str | None:
    return sung_set.written_key(take) if keyed else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=sung_set.default_out())
    parser.add_argument("--split", choices=("test", "tune", *sung_set.FRESH, "both", "held"), default="both")
    parser.add_argument("--kind", choices=("melody", "bass"), default="melody")
    parser.add_argument("--max-centre", type=int, help="only the takes of a voice range centred at or below")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument(
        "--key", choices=("none", "written"), default="none", help="the key given to the engine"
    )
    parser.add_argument("--no-auto", action="store_true", help="skip auto's choice of kind")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    report: dict[str, Any] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} at start",
    }
    splits = {"both": ("test", "tune"), "held": ("test", *sung_set.FRESH)}.get(args.split, (args.split,))
    report["kind"], report["key"] = args.kind, args.key
    for split in splits:
        takes = sung_set.items(args.out, split)
        if args.max_centre is not None:
            takes = [t for t in takes if sung_set.RANGES[t.range_name] <= args.max_centre]
        if not takes:
            continue
        report[split] = scores(
            takes, peers=not args.no_peers, kind=args.kind, keyed=args.key == "written", auto=not args.no_auto
        )
        print(json.dumps({split: report[split]}), flush=True)
    report["load_at_end"] = round(os.getloadavg()[0], 1)
    print(f"load at end {report['load_at_end']}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
