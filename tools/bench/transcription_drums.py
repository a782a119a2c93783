"""Benchmark, drums: per-voice F on another soundfont's kits the classifier never heard
(``--source``: MuseScore_General's eight kits by default; ``avl``, AVL Drumkits' two multi-sampled
acoustic kits; ``csound``, csound's GM bank's eight kits; ``opl3``, an OPL3 FM kit), the generators' parts at the test half's seeds and tempos; and on
the same kits, grooves rich in open hats from tools/corpus/hat_grooves, the open-hat check), and
``roo transcribe --kind drums`` on a 20 s drum loop, cold (a fresh process each run) and warm (in
process), beside Basic Pitch's ``predict`` on the same file in the same run. Usage::

    .venv/bin/python tools/bench/transcription_drums.py [--source S] [--no-held-out] [--no-open-hats]
        [--no-speed] [--json F]

The test half's drum figures (FluidR3's Room, TR-808 and Jazz kits) come from
tools/bench/transcription.py --split test --kinds drums.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tools.bench.transcription import _timed, basic_pitch_notes, clip_20s, ours  # noqa: E402
from tools.bench.transcription_score import VOICES, f_of, voice_counts  # noqa: E402
from tools.corpus import drum_kits, hat_grooves  # noqa: E402
from tools.corpus import transcription_set as tset  # noqa: E402

COLD_PEER = (
    "import sys; from basic_pitch.inference import predict, Model; from basic_pitch import ICASSP_2022_MODEL_PATH; "
    "predict(sys.argv[1], Model(ICASSP_2022_MODEL_PATH))"
)


OPEN_HAT_TEMPOS_BPM = (96, 112, 124, 132)
OPEN_HAT_GROOVES = 32


def held_out(out: Path, kits: tuple[drum_kits.Kit, ...]) -> dict[str, Any]:
    """Per-voice F (pooled counts) over the generators' drum parts on a held-out source's kits."""
    return pooled_f(held_out_parts(out, kits))


def held_out_parts(out: Path, kits: tuple[drum_kits.Kit, ...]) -> list[tuple[str, drum_kits.Rows]]:
    made = []
    for kit in kits:
        made += drum_kits.parts(
            out, kit, seeds=tset.TEST_SEEDS, tempos=tset.TEST_TEMPOS_BPM, n_random=0, seed=0
        )
    return made


def open_hats(out: Path, kits: tuple[drum_kits.Kit, ...]) -> dict[str, Any]:
    """Per-voice F (pooled counts) over grooves rich in open hats (open_hat_parts)."""
    return pooled_f(open_hat_parts(out, kits))


def open_hat_parts(out: Path, kits: tuple[drum_kits.Kit, ...]) -> list[tuple[str, drum_kits.Rows]]:
    """Grooves rich in open hats (each style of hat_grooves, seeded by kit and style) on a held-out
    source's kits: a source of fewer than eight kits plays more rounds of grooves on each, so that
    each source is heard on 32 grooves."""
    made = []
    rounds = max(1, OPEN_HAT_GROOVES // (len(kits) * len(hat_grooves.STYLES)))
    for kit in kits:
        for turn, style in enumerate(hat_grooves.STYLES):
            for round_ in range(rounds):
                tag = f"hats-{style}" + (f"-{round_}" if round_ else "")
                rng = random.Random(f"open-hats-{kit.name}-{style}" + (f"-{round_}" if round_ else ""))
                tempo = OPEN_HAT_TEMPOS_BPM[(turn + kit.program + round_) % len(OPEN_HAT_TEMPOS_BPM)]
                made.append(drum_kits.render(out, kit, hat_grooves.groove(style, rng), tempo, tag))
    return made


def pooled_f(made: list[tuple[str, drum_kits.Rows]]) -> dict[str, Any]:
    pooled = {v: [0, 0, 0] for v in VOICES}
    for wav, rows in made:
        for voice, counts in voice_counts(rows, ours(wav, "drums")).items():
            pooled[voice] = [a + b for a, b in zip(pooled[voice], counts, strict=True)]
    return {"items": len(made), "ours": {v: (round(f_of(*c), 3), c) for v, c in pooled.items()}}


def speed(path: Path, runs: int = 3) -> dict[str, Any]:
    """Wall seconds: ``roo transcribe --kind drums`` in a fresh process (each run), ours warm in process
    (median of 3), Basic Pitch's ``predict`` warm (median of 3) and cold (a fresh process)."""
    import soundfile as sf

    roo = [str(Path(sys.executable).with_name("roo")), "transcribe", str(path), "--kind", "drums"]
    with tempfile.TemporaryDirectory() as scratch:
        mid = str(Path(scratch) / "drums.mid")
        cold = [
            _timed(lambda: subprocess.run([*roo, "--out", mid], check=True, capture_output=True))
            for _ in range(runs)
        ]
    ours(str(path), "drums")
    warm = statistics.median(_timed(lambda: ours(str(path), "drums")) for _ in range(3))
    basic_pitch_notes(str(path))
    peer_warm = statistics.median(_timed(lambda: basic_pitch_notes(str(path))) for _ in range(3))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    peer_cold = [
        _timed(
            lambda: subprocess.run(
                [sys.executable, "-c", COLD_PEER, str(path)], check=True, env=env, capture_output=True
            )
        )
        for _ in range(runs)
    ]
    audio_s = sf.info(str(path)).duration
    return {
        "audio_s": round(audio_s, 2),
        "roo_transcribe_cold_s": [round(t, 3) for t in cold],
        "ours_warm_s": round(warm, 3),
        "basic_pitch_warm_s": round(peer_warm, 3),
        "basic_pitch_cold_s": [round(t, 3) for t in peer_cold],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=drum_kits.default_out())
    parser.add_argument("--source", choices=tuple(drum_kits.HELD_OUT_SOURCES), default="musescore")
    parser.add_argument("--no-held-out", action="store_true")
    parser.add_argument("--no-open-hats", action="store_true")
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    kits = drum_kits.HELD_OUT_SOURCES[args.source]
    sections: dict[str, Callable[[], dict[str, Any]]] = {}
    if not args.no_held_out:
        sections[f"held_out_{args.source}"] = lambda: held_out(args.out, kits)
    if not args.no_open_hats:
        sections[f"open_hats_{args.source}"] = lambda: open_hats(args.out, kits)
    if not args.no_speed:
        test_items = tset.items(tset.default_out(), "test", ("drums",))
        sections["speed"] = lambda: speed(clip_20s(test_items, "drums", args.out))
    report: dict[str, Any] = {"machine": f"{platform.machine()}, {os.cpu_count()} cores"}
    for name, run in sections.items():
        report[name] = run() | {"load_after": round(os.getloadavg()[0], 1)}
        print(json.dumps({name: report[name]}, indent=1), flush=True)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
