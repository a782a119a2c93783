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

import julius
import numpy as np
import soundfile as sf
import torch

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bridge.jobs.board import Job  # noqa: E402
from bridge.jobs.worker import Worker  # noqa: E402
from engines.separation.random_model import save_random_model  # noqa: E402

MEASURE = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True); "
    "wall = time.perf_counter() - t; u = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(r.returncode, wall, u.ru_utime + u.ru_stime, u.ru_maxrss); "
    "sys.stderr.write(r.stderr[-2000:] if r.returncode else '')"
)


def timed_process(command: list[str]) -> dict[str, float]:
    """Wall seconds, CPU seconds and peak RSS (MiB) of one fresh process running ``intents.job``."""
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True
    )
    code, wall, cpu, rss_kib = out.stdout.split()
    if code != "0":
        raise SystemExit(f"{command[0]} failed ({code}):\n{out.stderr}")
    return {"wall_s": float(wall), "cpu_s": float(cpu), "peak_mib": int(rss_kib) / 1024}


def _proc_cpu_s(pid: int) -> float:
    """User + system CPU seconds a live process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _proc_peak_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def worker_runs(audio: Path, model_dir: Path, out: Path, repeats: int, device: str) -> list[dict[str, Any]]:
    """Cold (process start, imports, model load) then warm calls through the daemon's model worker."""

    async def main() -> list[dict[str, Any]]:
        worker = Worker(nice_increment=0)  # the daemon lowers it; here it races the CLI at equal priority
        job = Job(0, "bench", ("127.0.0.1", 0))
        runs: list[dict[str, Any]] = []
        cpu_before = 0.0
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
                wall = time.perf_counter() - t
                assert worker.pid is not None
                cpu = _proc_cpu_s(worker.pid)
                runs.append(
                    {"wall_s": wall, "cpu_s": cpu - cpu_before, "peak_mib": _proc_peak_mib(worker.pid)}
                )
                cpu_before = cpu
            runs.append(await alignment(worker, job, audio, model_dir, out, device))
        finally:
            worker.close()
        return runs

    return asyncio.run(main())


async def alignment(
    worker: Worker, job: Job, audio: Path, model_dir: Path, out: Path, device: str
) -> dict[str, Any]:
    """The same audio as 48 kHz mono with --exact-sum: frame counts and the null-test residual."""
    mix, rate = sf.read(audio, dtype="float64")
    mono48 = out / "mono48.wav"
    resampled = julius.resample_frac(torch.from_numpy(mix.mean(axis=1)), rate, 48000).numpy()
    sf.write(mono48, resampled, 48000, subtype="FLOAT")
    source = sf.read(mono48, dtype="float64")[0]
    paths = await worker.call(
        job,
        "engines.separation.files:separate_file",
        path=str(mono48),
        out_dir=str(out / "aligned"),
        model=str(model_dir),
        exact_sum=True,
        device=device,
    )
    stems = [sf.read(p, dtype="float64")[0] for p in paths.values()]
    return {
        "alignment_source_frames": len(source),
        "alignment_stem_frames": sorted({len(s) for s in stems}),
        "alignment_rates": sorted({sf.info(p).samplerate for p in paths.values()}),
        "alignment_channels": sorted({sf.info(p).channels for p in paths.values()}),
        "alignment_max_residual": float(np.abs(sum(stems) - source).max()),
    }


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
        demucs_runs = [timed_process(demucs_cmd)]
        roo_cold = timed_process(roo_cmd)
        worker = worker_runs(audio, model_dir, tmp, args.repeats, args.device)
        aligned = worker.pop()
        demucs_runs.append(timed_process(demucs_cmd))

    def median(runs: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in runs)

    rows = {
        "demucs CLI (median of 2)": {k: median(demucs_runs, k) for k in ("wall_s", "cpu_s", "peak_mib")},
        "roo separate CLI, cold": roo_cold,
        "model worker, cold (spawn, imports, load)": worker[0],
        f"model worker, warm (median of {args.repeats})": {
            k: median(worker[1:], k) for k in ("wall_s", "cpu_s", "peak_mib")
        },
    }
    demucs, warm = rows["demucs CLI (median of 2)"], list(rows.values())[3]
    figures = {
        "audio_s": args.seconds,
        "layout": args.layout,
        "device": args.device,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "load_average_after": os.getloadavg(),
        "runs": {"demucs_cli": demucs_runs, "roo_cli_cold": roo_cold, "worker": worker},
        **aligned,
        "warm_ratio_wall": warm["wall_s"] / demucs["wall_s"],
        "warm_ratio_cpu": warm["cpu_s"] / demucs["cpu_s"],
        "cold_cli_ratio_wall": roo_cold["wall_s"] / demucs["wall_s"],
        "cold_cli_ratio_cpu": roo_cold["cpu_s"] / demucs["cpu_s"],
    }
    per = args.seconds
    print("| run | wall s | CPU s | wall s per s of audio | CPU s per s of audio | peak MiB |")
    print("|---|---|---|---|---|---|")
    for name, r in rows.items():
        print(
            f"| {name} | {r['wall_s']:.2f} | {r['cpu_s']:.2f} | {r['wall_s'] / per:.3f} | "
            f"{r['cpu_s'] / per:.3f} | {r['peak_mib']:.0f} |"
        )
    print(
        f"warm / demucs CLI: wall {figures['warm_ratio_wall']:.2f}, CPU {figures['warm_ratio_cpu']:.2f}; "
        f"roo CLI cold / demucs CLI: wall {figures['cold_cli_ratio_wall']:.2f}, "
        f"CPU {figures['cold_cli_ratio_cpu']:.2f}; load average after: "
        + ", ".join(f"{x:.1f}" for x in figures["load_average_after"])  # type: ignore[attr-defined]
    )
    print(
        f"48 kHz mono, --exact-sum: source {aligned['alignment_source_frames']} frames, stems "
        f"{aligned['alignment_stem_frames']} frames at {aligned['alignment_rates']} Hz, channels "
        f"{aligned['alignment_channels']}, max |sum of stems - source| {aligned['alignment_max_residual']:.2e}"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
