"""Benchmark: stem separation speed, ours (CLI cold, model worker cold and warm) vs the demucs CLI.

All runs use the same model file (the htdemucs architecture with random weights, saved through
demucs's own format and loaded by its loader), the same audio and the same settings (one random
shift, 25 % overlap, CPU unless --device), one after another in this run. Peak memory is the
largest resident set of each process. Usage::

    .venv/bin/python tools/bench/separation.py --seconds 15
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bridge.jobs import Job  # noqa: E402
from bridge.worker import Worker  # noqa: E402
from engines.separation.random_model import save_random_model  # noqa: E402

MEASURE = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True); "
    "wall = time.perf_counter() - t; rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss; "
    "print(r.returncode, wall, rss); sys.stderr.write(r.stderr[-2000:] if r.returncode else '')"
)


def timed_process(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one fresh process running ``command``."""
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True
    )
    code, wall, rss_kib = out.stdout.split()
    if code != "0":
        raise SystemExit(f"{command[0]} failed ({code}):\n{out.stderr}")
    return float(wall), int(rss_kib) / 1024


def worker_runs(audio: Path, model_dir: Path, out: Path, repeats: int, device: str) -> dict[str, Any]:
    """Cold (process start, imports, model load) then warm calls through the daemon's model worker."""

    async def main() -> dict[str, Any]:
        worker = Worker(nice_increment=0)  # the daemon lowers it; here it races the CLI at equal priority
        job = Job(0, "bench", ("127.0.0.1", 0))
        times = []
        try:
            for i in range(repeats + 1):
                t = time.perf_counter()
                await worker.call(
                    job,
                    "engines.separation.files:separate_file",
                    path=str(audio),
                    out_dir=str(out / f"worker{i}"),
                    model=str(model_dir),
                    device=device,
                )
                times.append(time.perf_counter() - t)
            pid = worker.pid
            rss = _rss_mib(pid) if pid else float("nan")
        finally:
            worker.close()
        return {"cold_s": times[0], "warm_s": times[1:], "rss_mib": rss}

    return asyncio.run(main())


def _rss_mib(pid: int) -> float:
    """Peak resident set (VmHWM) of a live process, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15.0, help="length of the test audio")
    parser.add_argument("--layout", default="htdemucs", choices=("htdemucs", "tiny"))
    parser.add_argument("--repeats", type=int, default=2, help="warm calls after the cold one")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    os.environ["HF_HUB_OFFLINE"] = "1"
    bindir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        model_dir = save_random_model(tmp / "model", "bench", layout=args.layout, seed=0)
        rng = np.random.default_rng(0)
        t = np.arange(round(args.seconds * 44100)) / 44100
        mix = 0.3 * np.sin(2 * np.pi * 220 * t)[:, None] + 0.05 * rng.standard_normal((t.size, 2))
        audio = tmp / "mix.wav"
        sf.write(audio, mix, 44100, subtype="PCM_16")
        demucs_cmd = [str(bindir / "demucs"), "-n", "bench", "--repo", str(model_dir), "-d", args.device]
        demucs_cmd += ["--float32", "-o", str(tmp / "demucs"), str(audio)]
        roo_cmd = [str(bindir / "roo"), "separate", str(audio), "--out", str(tmp / "roo"), "--model"]
        roo_cmd += [str(model_dir), "--device", args.device]
        demucs_first = timed_process(demucs_cmd)
        roo_cold = timed_process(roo_cmd)
        worker = worker_runs(audio, model_dir, tmp, args.repeats, args.device)
        demucs_second = timed_process(demucs_cmd)
    demucs_s = statistics.median([demucs_first[0], demucs_second[0]])
    warm_s = statistics.median(worker["warm_s"])
    figures = {
        "audio_s": args.seconds,
        "layout": args.layout,
        "device": args.device,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "demucs_cli_s": [demucs_first[0], demucs_second[0]],
        "demucs_cli_peak_mib": max(demucs_first[1], demucs_second[1]),
        "roo_cli_cold_s": roo_cold[0],
        "roo_cli_peak_mib": roo_cold[1],
        "worker_cold_s": worker["cold_s"],
        "worker_warm_s": worker["warm_s"],
        "worker_peak_mib": worker["rss_mib"],
        "warm_ratio_vs_demucs_cli": warm_s / demucs_s,
        "cold_ratio_vs_demucs_cli": roo_cold[0] / demucs_s,
    }
    per = args.seconds
    print("| run | seconds | s per s of audio | peak MiB |\n|---|---|---|---|")
    print(
        f"| demucs CLI (median of 2) | {demucs_s:.2f} | {demucs_s / per:.3f} | {figures['demucs_cli_peak_mib']:.0f} |"
    )
    print(f"| roo separate CLI, cold | {roo_cold[0]:.2f} | {roo_cold[0] / per:.3f} | {roo_cold[1]:.0f} |")
    print(f"| model worker, cold | {worker['cold_s']:.2f} | {worker['cold_s'] / per:.3f} | - |")
    print(
        f"| model worker, warm (median of {args.repeats}) | {warm_s:.2f} | {warm_s / per:.3f} | {worker['rss_mib']:.0f} |"
    )
    print(
        f"warm ratio vs demucs CLI: {figures['warm_ratio_vs_demucs_cli']:.2f}; cold (CLI) ratio: "
        f"{figures['cold_ratio_vs_demucs_cli']:.2f}"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
