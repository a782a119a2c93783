"""MusicGen speed: our generation path against plain ``model.generate``, same weights, prompt and settings.

The model is the musicgen-small layout (T5-base text encoder, 24-layer 1024-wide decoder, 32 kHz
EnCodec with 4 codebooks, 587 M parameters) with seeded random weights: no hub is reachable, and
speed does not depend on the weight values. Both sides sample with MusicGen's defaults (top-k 250,
classifier-free guidance 3) for the same number of audio frames; runs alternate so that load from
other processes on shared cores falls on both. Figures: audio seconds per second of compute (wall
and process CPU), their ratio, and how far the int8 decoder's logits are from fp32 ones on the same
tokens (teacher forced), which is the stated tolerance.

    .venv/bin/python tools/bench/musicgen.py --seconds 1.5 --repeats 3 [--variants int8,bf16] [--json F]
    .venv/bin/python tools/bench/musicgen.py --alignment [--json F]

``--alignment`` needs no model: click tracks played 3 to 8 % off the song tempo go through the
loop maker; it reports the loop length error in frames and how far each click lands from the
song's beat grid, for our beat slicing and for a phase vocoder (librosa's time_stretch) on the
same audio.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np
import torch

from engines.musicgen.generate import generate_audio
from engines.musicgen.models import MusicGenModel, silence_transformers
from engines.musicgen.random_model import build, small_config, tokenizer

PROMPT = "lofi drum beat with warm piano, 120 bpm"


def variant(model: Any, name: str) -> MusicGenModel:
    """A copy of the fp32 model prepared the way ``models.load`` does for this precision."""
    from torch.ao.quantization import quantize_dynamic

    twin = copy.deepcopy(model)
    if name == "int8":
        quantize_dynamic(twin.decoder, {torch.nn.Linear}, dtype=torch.qint8, inplace=True)
    elif name == "bf16":  # the decoder and what feeds it; EnCodec stays fp32
        for part in (twin.decoder, twin.text_encoder, twin.enc_to_dec_proj):
            part.to(torch.bfloat16)
    elif name != "fp32":
        raise SystemExit(f"unknown variant {name!r}: expected int8, bf16 or fp32")
    return MusicGenModel(
        "bench", "random musicgen-small", twin, tokenizer(), False, 32000, 50, 1, "cpu", name
    )


def plain(model: Any, seconds: float, seed: int) -> np.ndarray:
    """What a user of transformers writes: processor output straight into model.generate."""
    inputs = tokenizer()([PROMPT], padding=True, return_tensors="pt")
    torch.manual_seed(seed)
    with torch.inference_mode():
        out = model.generate(
            **inputs, max_new_tokens=round(seconds * 50) + 3, do_sample=True, top_k=250, guidance_scale=3.0
        )
    return np.asarray(out[0].float().numpy().T)


def timed(fn: Any) -> tuple[float, float, Any]:
    wall, cpu = time.perf_counter(), time.process_time()
    value = fn()
    return time.perf_counter() - wall, time.process_time() - cpu, value


def logit_error(model: Any, other: MusicGenModel) -> dict[str, float]:
    """Teacher-forced logits of fp32 and the variant on the same 100 random audio tokens."""
    gen = torch.Generator().manual_seed(0)
    codes = torch.randint(0, 2048, (4, 100), generator=gen)
    text = tokenizer()([PROMPT], return_tensors="pt")
    with torch.inference_mode():
        ref = model(**text, decoder_input_ids=codes).logits.float()
        got = other.model(**text, decoder_input_ids=codes).logits.float()
    p_ref, p_got = torch.softmax(ref, -1), torch.log_softmax(got, -1)
    kl = float((p_ref * (torch.log(p_ref) - p_got)).sum(-1).mean())
    return {
        "max_abs_logit_error": float((ref - got).abs().max()),
        "logit_error_rms_over_logit_std": float((ref - got).pow(2).mean().sqrt() / ref.std()),
        "top1_agreement": float((ref.argmax(-1) == got.argmax(-1)).float().mean()),
        "top250_overlap": float(_topk_overlap(ref, got, 250)),
        "kl_nats_per_token": kl,
    }


def _topk_overlap(a: torch.Tensor, b: torch.Tensor, k: int) -> float:
    ia, ib = a.topk(k, -1).indices, b.topk(k, -1).indices
    same = (ia.unsqueeze(-1) == ib.unsqueeze(-2)).any(-1).float().sum(-1) / k
    return float(same.mean())


def click_track(tempo_bpm: float, seconds: float, offset_s: float, rate: int = 32000) -> np.ndarray:
    y = np.zeros(int(seconds * rate), dtype=np.float32)
    n = np.arange(int(0.02 * rate))
    click = np.exp(-n / 100.0) * np.sin(2 * np.pi * 1000 * n / rate)
    for t in np.arange(offset_s, seconds - 0.03, 60.0 / tempo_bpm):
        y[round(t * rate) : round(t * rate) + len(click)] += click
    return y[:, None]


def onset_errors_ms(loop: np.ndarray, tempo_bpm: float, rate: int, beats: int) -> list[float]:
    """Distance (ms) from each grid beat to the click onset nearest it (first rise over 30 % of peak)."""
    env, beat = np.abs(loop[:, 0]), 60.0 / tempo_bpm * rate
    out = []
    for k in range(1, beats):
        centre, half = round(k * beat), round(beat / 4)
        window = env[centre - half : centre + half]
        out.append(abs(int(np.argmax(window > 0.3 * window.max())) - half) / rate * 1000)
    return out


def alignment() -> dict[str, Any]:
    import librosa
    import soxr

    from engines.musicgen import loop

    rows = []
    for tempo, played, bars, rate in [
        (120.0, 114.0, 2, 48000),
        (97.0, 100.0, 2, 44100),
        (133.0, 125.0, 4, 48000),
    ]:
        seconds = loop.generation_seconds(bars, 4.0, tempo)
        audio = click_track(played, seconds, 0.3)
        beats = np.arange(0.3, seconds - 0.03, 60.0 / played)
        ours, info = loop.make_loop(
            audio,
            32000,
            bars=bars,
            beats_per_bar=4.0,
            tempo_bpm=tempo,
            beats_s=beats,
            downbeats_s=beats[::4],
            out_sample_rate_hz=rate,
        )
        expected = loop.loop_frames(bars, 4.0, tempo, rate)
        start = round(info.start_s * 32000)
        stretched = librosa.effects.time_stretch(audio[start:, 0], rate=info.stretch_rate)
        vocoder = np.asarray(soxr.resample(stretched[:, None], 32000, rate, "HQ"))[:expected]
        ours_ms, peer_ms = (
            onset_errors_ms(ours, tempo, rate, bars * 4),
            onset_errors_ms(vocoder, tempo, rate, bars * 4),
        )
        rows.append(
            {
                "song_bpm": tempo,
                "played_bpm": played,
                "bars": bars,
                "rate_hz": rate,
                "length_error_frames": len(ours) - expected,
                "ours_beat_slice_max_ms": round(max(ours_ms), 2),
                "ours_median_ms": round(float(np.median(ours_ms)), 2),
                "peer_phase_vocoder_max_ms": round(max(peer_ms), 2),
                "peer_median_ms": round(float(np.median(peer_ms)), 2),
            }
        )
    return {"alignment": rows}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=1.5, help="audio per run (default 1.5)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--variants", default="int8", help="comma list of int8, bf16, fp32 (ours: int8)")
    parser.add_argument("--threads", type=int, default=torch.get_num_threads())
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--alignment", action="store_true", help="loop alignment figures only (no model)")
    args = parser.parse_args()
    if args.alignment:
        text = json.dumps(alignment(), indent=2)
        print(text)
        if args.json is not None:
            args.json.write_text(text + "\n")
        return 0
    silence_transformers()
    torch.set_num_threads(args.threads)
    load_before = os.getloadavg()
    started = time.perf_counter()
    model = build(small_config(), seed=0)
    params = sum(p.numel() for p in model.parameters())
    build_s = time.perf_counter() - started
    names = [v.strip() for v in args.variants.split(",") if v.strip()]
    variants = {name: variant(model, name) for name in names}
    frames = round(args.seconds * 50)
    audio_s = frames * 640 / 32000
    runs: dict[str, list[tuple[float, float]]] = {"plain": [], **{n: [] for n in names}}
    plain(model, 0.1, 0)  # warm-up: first calls allocate and pick kernels
    for mg in variants.values():
        generate_audio(mg, PROMPT, seconds=0.1, seed=0)
    for r in range(args.repeats):
        wall, cpu, _ = timed(lambda r=r: plain(model, args.seconds, r))
        runs["plain"].append((wall, cpu))
        for name, mg in variants.items():
            wall, cpu, _ = timed(lambda mg=mg, r=r: generate_audio(mg, PROMPT, seconds=args.seconds, seed=r))
            runs[name].append((wall, cpu))
        print(
            f"repeat {r + 1}: " + ", ".join(f"{k} {v[-1][0]:.2f} s" for k, v in runs.items()), file=sys.stderr
        )
    report: dict[str, Any] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, torch {torch.__version__}, {args.threads} threads",
        "parameters_m": round(params / 1e6, 1),
        "build_s": round(build_s, 1),
        "audio_s_per_run": audio_s,
        "repeats": args.repeats,
        "load_average_before_after": [round(load_before[0], 2), round(os.getloadavg()[0], 2)],
    }
    base_wall = statistics.median(w for w, _ in runs["plain"])
    base_cpu = statistics.median(c for _, c in runs["plain"])
    for name, values in runs.items():
        wall = statistics.median(w for w, _ in values)
        cpu = statistics.median(c for _, c in values)
        report[name] = {
            "median_wall_s": round(wall, 3),
            "median_cpu_s": round(cpu, 3),
            "audio_s_per_wall_s": round(audio_s / wall, 4),
            "speedup_wall_vs_plain": round(base_wall / wall, 3),
            "speedup_cpu_vs_plain": round(base_cpu / cpu, 3),
        }
        if name != "plain":
            report[name]["tolerance"] = {
                k: round(v, 5) for k, v in logit_error(model, variants[name]).items()
            }
    text = json.dumps(report, indent=2)
    print(text)
    if args.json is not None:
        args.json.write_text(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
