"""Benchmark: batched separation on a GPU vs demucs's ``apply_model`` called as its CLI calls it.

The htdemucs architecture (42 M parameters) with seeded random weights, saved and loaded through
demucs's own format; stereo 44.1 kHz test audio; everything in one process, one after another,
warm (one untimed run of each first, then the median of ``--repeats``). JSON goes to ``--out``
and a short table to stdout. Usage::

    python tools/bench/gpu_separation.py --out gpu_separation.json          # CUDA
    .venv/bin/python tools/bench/gpu_separation.py --device cpu --seconds 10 --repeats 1

Rows: ``ours`` is ``engines.separation.separate`` (the default path for the device: batched on
CUDA, demucs's loop elsewhere); ``ours_core_fp32`` the batched core alone in float32 on the
normalised mix; ``ours_cudnn_benchmark`` ``ours`` with cuDNN's autotuner on; ``ours_loop`` the same with ``batched=False`` (the path before
batching); ``ours_batched`` forced batching (CPU runs only); ``apply_model`` is demucs's
``apply_model(model, mix, shifts=1, split=True, overlap=0.25, device=...)`` on a mix normalised as
its CLI does, with the model kept on the CPU between calls as the CLI keeps it.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from engines.separation import load_model, separate  # noqa: E402
from engines.separation.batched import separate_batched  # noqa: E402
from engines.separation.random_model import save_random_model  # noqa: E402

RATE = 44100


def music(seconds: float, seed: int = 0) -> np.ndarray:
    """Stereo test audio: a few detuned tones with a beat, plus noise; peak below 1."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * RATE)) / RATE
    beat = (np.sin(2 * np.pi * 2 * t) > 0.9).astype(np.float64) * rng.standard_normal(t.size) * 0.3
    left = sum(0.15 * np.sin(2 * np.pi * f * t) for f in (55.0, 220.0, 331.0, 1250.0)) + beat
    right = sum(0.15 * np.sin(2 * np.pi * f * 1.003 * t) for f in (55.0, 220.0, 440.0, 2500.0)) + beat
    return (np.stack([left, right], axis=1) + 0.01 * rng.standard_normal((t.size, 2))).astype(np.float32)


def sync(device: str) -> None:
    if device.startswith("cuda"):
        torch.cuda.synchronize()


def timed(run: Callable[[], Any], device: str, repeats: int) -> dict[str, float]:
    """Median wall seconds after one untimed run, and the peak GPU memory of the runs."""
    run()
    if device.startswith("cuda"):
        torch.cuda.reset_peak_memory_stats()
    walls = []
    for _ in range(repeats):
        sync(device)
        start = time.perf_counter()
        run()
        sync(device)
        walls.append(time.perf_counter() - start)
    row = {"median_s": statistics.median(walls), "min_s": min(walls)}
    if device.startswith("cuda"):
        row["peak_gpu_gib"] = torch.cuda.max_memory_allocated() / 1024**3
    return row


def normalised(mix: np.ndarray) -> torch.Tensor:
    """(2, L) as demucs's CLI feeds apply_model: minus the mean, over the std of the mono mix."""
    x = torch.from_numpy(np.ascontiguousarray(mix.T))
    ref = x.mean(0)
    return (x - ref.mean()) / ref.std()


def sdr_db(reference: torch.Tensor, estimate: torch.Tensor) -> list[float]:
    """Signal-to-difference ratio of each stem (S, C, L) in dB."""
    ref, est = reference.double(), estimate.double()
    signal = (ref**2).sum(dim=(1, 2))
    noise = ((ref - est) ** 2).sum(dim=(1, 2)).clamp_min(1e-30)
    return [float(v) for v in 10 * torch.log10(signal / noise)]


def apply_model_cli(model: Any, x: torch.Tensor, device: str) -> torch.Tensor:
    from demucs.apply import apply_model

    return apply_model(model, x[None], shifts=1, split=True, overlap=0.25, device=device)[0]


def accuracy(model: Any, x: torch.Tensor, device: str) -> dict[str, Any]:
    """fp32 batched vs apply_model (same shift), and half precision vs fp32 batched."""
    out: dict[str, Any] = {}
    random.seed(1)
    reference = apply_model_cli(model, x, device)
    for tf32 in (True, False):
        saved = torch.backends.cudnn.allow_tf32
        torch.backends.cudnn.allow_tf32 = tf32
        try:
            random.seed(1)
            mine = separate_batched(
                model, x, shifts=1, overlap=0.25, device=device, report=lambda f, m: None, half=torch.float32
            )
            random.seed(1)
            theirs = apply_model_cli(model, x, device) if not tf32 else reference
        finally:
            torch.backends.cudnn.allow_tf32 = saved
        out[f"fp32_max_abs_diff_vs_apply_model{'' if tf32 else '_no_tf32'}"] = float(
            (mine.cpu() - theirs.cpu()).abs().max()
        )
    out["stem_peak"] = float(reference.abs().max())
    if device.startswith("cuda"):
        for name, dtype in (("bf16", torch.bfloat16), ("fp16", torch.float16)):
            try:
                random.seed(1)
                half = separate_batched(
                    model, x, shifts=1, overlap=0.25, device=device, report=lambda f, m: None, half=dtype
                )
                random.seed(1)
                full = separate_batched(
                    model,
                    x,
                    shifts=1,
                    overlap=0.25,
                    device=device,
                    report=lambda f, m: None,
                    half=torch.float32,
                )
                out[f"{name}_sdr_vs_fp32_db"] = sdr_db(full, half)
            except Exception as exc:  # a dtype the model cannot run in is reported, not fatal
                out[f"{name}_error"] = f"{type(exc).__name__}: {exc}"[:300]
    return out


def measure(model: Any, seconds: float, device: str, repeats: int) -> dict[str, Any]:
    """One duration: ours, our old loop and apply_model, timed; then the accuracy figures."""
    mix = music(seconds)
    x = normalised(mix)
    row: dict[str, Any] = {"seconds": seconds}
    row["ours"] = timed(lambda: separate(mix, RATE, model, device=device), device, repeats)
    row["ours_loop"] = timed(
        lambda: separate(mix, RATE, model, device=device, batched=False), device, repeats
    )
    if not device.startswith("cuda"):
        row["ours_batched"] = timed(
            lambda: separate(mix, RATE, model, device=device, batched=True), device, 1
        )
    if device.startswith("cuda"):
        row["ours_core_fp32"] = timed(
            lambda: separate_batched(
                model, x, shifts=1, overlap=0.25, device=device, report=lambda f, m: None, half=torch.float32
            ),
            device,
            repeats,
        )
        with torch.backends.cudnn.flags(enabled=True, benchmark=True, deterministic=False, allow_tf32=True):
            row["ours_cudnn_benchmark"] = timed(
                lambda: separate(mix, RATE, model, device=device), device, repeats
            )
    model.cpu()  # the CLI holds the model on the CPU; apply_model moves it for each call
    row["apply_model"] = timed(lambda: apply_model_cli(model, x, device), device, repeats)
    row["speedup_vs_apply_model"] = row["apply_model"]["median_s"] / row["ours"]["median_s"]
    print(json.dumps(row), flush=True)
    row.update(accuracy(model, x, device) if device.startswith("cuda") or seconds <= 10 else {})
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", default="cuda")
    parser.add_argument("--seconds", type=float, nargs="+", default=[180.0, 30.0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--out", default=None, help="JSON file")
    args = parser.parse_args()
    device = args.device
    result: dict[str, Any] = {
        "device": torch.cuda.get_device_name(0)
        if device.startswith("cuda")
        else platform.processor() or "cpu",
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "runs": [],
    }
    if device.startswith("cuda"):
        start = time.perf_counter()
        torch.zeros(1, device=device)
        result["cuda_context_s"] = time.perf_counter() - start
    folder = save_random_model(tempfile.mkdtemp(), "htdemucs_random", layout="htdemucs")
    short = music(min(30.0, *args.seconds), seed=9)
    start = time.perf_counter()
    model = load_model(str(folder))
    result["model_load_s"] = time.perf_counter() - start
    separate(short, RATE, model, device=device)
    sync(device)
    result["cold_load_to_first_stems_s"] = time.perf_counter() - start
    result["first_stems_seconds_of_audio"] = len(short) / RATE
    result["parameters"] = sum(p.numel() for p in model.parameters())
    for seconds in args.seconds:
        row = measure(model, seconds, device, args.repeats)
        result["runs"].append(row)
        print(json.dumps(row), flush=True)
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=2))
    print(
        f"\n{result['device']}: cold load to first stems of {len(short) / RATE:.0f} s: "
        f"{result['cold_load_to_first_stems_s']:.2f} s"
    )
    print(f"{'seconds':>8} {'ours':>8} {'loop':>8} {'apply':>8} {'x':>6} {'peak GiB':>9}")
    for row in result["runs"]:
        print(
            f"{row['seconds']:8.0f} {row['ours']['median_s']:8.3f} {row['ours_loop']['median_s']:8.3f} "
            f"{row['apply_model']['median_s']:8.3f} {row['speedup_vs_apply_model']:6.2f} "
            f"{row['ours'].get('peak_gpu_gib', float('nan')):9.2f}"
        )


if __name__ == "__main__":
    main()
