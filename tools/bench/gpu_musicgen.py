"""MusicGen on a CUDA GPU: our graphed decoding loop vs plain ``model.generate`` vs fast-musicgen, one run.

The model is the musicgen-small layout (``small_config()``: T5-base, 24-layer 1024-wide decoder,
32 kHz EnCodec, 4 codebooks) with seeded random weights, fp16, built on the machine (speed does
not depend on the weight values). Same prompt, top-k 250, guidance 3, temperature 1, 16 s of audio
(803 decoding steps) at batch 1. Figures (JSON): end-to-end seconds (text encoder, decoding and
EnCodec, audio copied to the host) for ours and for ``generate``; ms per decoding step (ours: a
graph replay timed alone, and the decoding part of a whole call; fast-musicgen: its graphed loop
over 803 steps, language model only, its own text projection, text from our T5); 4 variations in
one batch against 1; first capture; cold load to first audio (a fresh process loading a saved
model folder, as the worker does) for ours and for ``generate``; peak GPU memory; teacher-forced
logits of the loop in fp16 against fp32, beside plain fp16 against fp32 on the same tokens.

    python3 tools/bench/gpu_musicgen.py [--seconds 16] [--repeats 3] [--json F] [--no-cold] [--no-peer]

fast-musicgen 0.1.0 (PyPI) must be importable for the peer; its ``CausalLM`` is built from the
same config (it loads audiocraft checkpoints otherwise).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TQDM_DISABLE", "1")

import torch

from engines.musicgen import fast, graphed
from engines.musicgen.generate import generate_audio, generate_takes
from engines.musicgen.models import MusicGenModel, silence_transformers
from engines.musicgen.random_model import build, small_config, tokenizer

PROMPT = "lofi drum beat with warm piano, 120 bpm"
COLD = """
import sys, time, os
t0 = time.perf_counter()
sys.path.insert(0, {root!r})
from engines.musicgen import models
from engines.musicgen.generate import generate_audio
mg = models.load({folder!r}, device="cuda", precision="fp16")
audio = generate_audio(mg, {prompt!r}, seconds={seconds}, seed=0)
print(round(time.perf_counter() - t0, 3), audio.shape[0])
"""


def timed(fn: Any) -> tuple[float, Any]:
    torch.cuda.synchronize()
    began = time.perf_counter()
    out = fn()
    torch.cuda.synchronize()
    return time.perf_counter() - began, out


def peak(fn: Any) -> tuple[float, float]:
    """(seconds, peak GPU GiB above what was allocated before)."""
    torch.cuda.synchronize()
    base = torch.cuda.memory_allocated()
    torch.cuda.reset_peak_memory_stats()
    seconds, _ = timed(fn)
    return seconds, round((torch.cuda.max_memory_allocated() - base) / 2**30, 3)


def step_ms(mg: MusicGenModel, steps: int) -> float:
    """One decoding step, graph replay alone, median of 5 x 100 replays (the state of the last call)."""
    loop = fast.loop_for(mg.model)
    (st, step) = next(reversed(loop.__dict__["graphs"].values()))
    times = []
    for _ in range(5):
        with torch.inference_mode():
            st.q.fill_(2)
        began = torch.cuda.Event(enable_timing=True)
        ended = torch.cuda.Event(enable_timing=True)
        began.record()
        for _ in range(min(100, steps - 2)):
            step()
        ended.record()
        torch.cuda.synchronize()
        times.append(began.elapsed_time(ended) / min(100, steps - 2))
    return round(statistics.median(times), 3)


def logits_check(model: Any) -> dict[str, float]:
    """Relative L2 of fp16 logits (plain forward, and our loop) against fp32 on the same tokens."""
    ref = build(small_config(), seed=0).cuda().float().eval()  # the same seeded weights, before .half()
    inputs = {k: v.cuda() for k, v in tokenizer()([PROMPT], return_tensors="pt").items()}
    gen = torch.Generator().manual_seed(0)
    tokens = torch.randint(0, 2048, (4, 64), generator=gen).cuda()
    tokens[:, 0] = 2048
    with torch.inference_mode():
        want = ref(**inputs, decoder_input_ids=tokens).logits.float()
        plain = model(**inputs, decoder_input_ids=tokens).logits.float()
        loop = fast.loop_for(model)
        _, cross, mask = fast._conditioning(model, loop, inputs, 1, False)
        st = loop.new_state(batch=1, length=64, text=cross.shape[1], guided=False, greedy=True, top_k=0)  # type: ignore[union-attr]
        loop.set_cross(st, cross, mask)  # type: ignore[arg-type]
        ours = loop.logits(loop.run(st, loop.embed_tokens(tokens[None]), torch.arange(64, device="cuda")))[0]
    del ref
    torch.cuda.empty_cache()
    rel = lambda x: float((x - want).norm() / want.norm())  # noqa: E731
    return {"plain_fp16_vs_fp32": round(rel(plain), 6), "loop_fp16_vs_fp32": round(rel(ours), 6)}


def cold(model: Any, seconds: float) -> dict[str, Any]:
    """A fresh process: load a saved folder on CUDA, make the first audio; ours and generate's."""
    from transformers import EncodecFeatureExtractor, MusicgenProcessor

    folder = Path(tempfile.mkdtemp()) / "small"
    model.save_pretrained(folder)
    extractor = EncodecFeatureExtractor(feature_size=1, sampling_rate=32000)
    MusicgenProcessor(feature_extractor=extractor, tokenizer=tokenizer()).save_pretrained(folder)
    out: dict[str, Any] = {}
    root = str(Path(__file__).resolve().parents[2])
    for name, graphs in (("ours", "1"), ("generate", "0")):
        code = COLD.format(root=root, folder=str(folder), prompt=PROMPT, seconds=seconds)
        env = {**os.environ, "MUSEAROO_MUSICGEN_GRAPHS": graphs}
        began = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        out[name] = {
            "process_s": round(time.perf_counter() - began, 3),
            "import_load_first_audio_s": float(done.stdout.split()[-2]),
        }
    return out


def peer(model: Any, steps: int, repeats: int) -> dict[str, Any]:
    """fast-musicgen's graphed loop on a CausalLM built from the same config (random fp16 weights)."""
    from fast_musicgen import lm as peer_lm

    config = small_config()
    torch.set_default_device("cuda")  # as its LMRunner does
    try:
        began = time.perf_counter()
        net = peer_lm.CausalLM(config, device="cuda").half().eval()
        net.set_cache(max_length=1500)
        runner = peer_lm.LMRunner.__new__(peer_lm.LMRunner)
        inputs = {k: v.cuda() for k, v in tokenizer()([PROMPT], return_tensors="pt").items()}
        with torch.inference_mode():
            text = model.text_encoder(**inputs).last_hidden_state
        runner.model, runner.cuda_graph, runner.max_length = net, True, 1500
        runner.prompt_max_len, runner.graphs, runner.graph_vars = text.shape[1], {}, {}
        runner.warmup()
        runner.capture_cuda_graph()
        setup = time.perf_counter() - began

        def run() -> Any:
            return runner.generate_with_cuda_graph(text_x=text, max_steps=steps, top_k=250, guidance_coef=3.0)

        first, _ = timed(run)
        times, mem = [], 0.0
        for _ in range(repeats):
            seconds, mem = peak(run)
            times.append(seconds)
    finally:
        torch.set_default_device("cpu")
    lm_s = statistics.median(times)
    return {
        "build_warmup_capture_s": round(setup, 3),
        "first_call_s": round(first, 3),
        "lm_s": round(lm_s, 3),
        "ms_per_step": round(1000 * lm_s / steps, 3),
        "peak_gib": mem,
    }


def attempt(fn: Any) -> Any:
    """fn(), or the error it raised (so one failing part leaves the other figures)."""
    try:
        return fn()
    except Exception as exc:  # a benchmark part that fails is reported, not hidden
        detail = getattr(exc, "stderr", "") or ""
        return {"error": f"{type(exc).__name__}: {exc}"[:500], "stderr": str(detail)[-1500:]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=16.0)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--no-cold", action="store_true")
    parser.add_argument("--no-peer", action="store_true")
    args = parser.parse_args()
    silence_transformers()
    torch.backends.cuda.matmul.allow_tf32 = False
    model = build(small_config(), seed=0).cuda().half().eval()
    mg = MusicGenModel(
        "bench", "random musicgen-small", model, tokenizer(), False, 32000, 50, 1, "cuda", "fp16"
    )
    steps = math.ceil(args.seconds * 50) + 3
    result: dict[str, Any] = {"device": torch.cuda.get_device_name(), "torch": torch.__version__}
    result["seconds_of_audio"], result["steps"] = args.seconds, steps
    one = lambda seed=0: generate_audio(mg, PROMPT, seconds=args.seconds, seed=seed, engine="loop")  # noqa: E731
    first, _ = timed(one)
    result["ours_first_call_s"] = round(first, 3)
    result["captures"] = list(graphed.CAPTURES)
    runs = [peak(lambda i=i: one(i)) for i in range(args.repeats)]
    result["ours_s"] = round(statistics.median(r[0] for r in runs), 3)
    result["ours_peak_gib"] = max(r[1] for r in runs)
    result["ours_step_ms_replay"] = step_ms(mg, steps)
    inputs = {k: v.cuda() for k, v in tokenizer()([PROMPT], return_tensors="pt").items()}
    codes_s = []
    with torch.inference_mode():
        for i in range(args.repeats):
            seconds, _ = timed(
                lambda i=i: fast.generate_codes(
                    model,
                    inputs,
                    steps=steps,
                    seeds=[i],
                    guidance_scale=3.0,
                    temperature=1.0,
                    top_k=250,
                    report=lambda f, m: None,
                )
            )
            codes_s.append(seconds)
    result["ours_text_and_decoding_s"] = round(statistics.median(codes_s), 3)
    result["ours_ms_per_step_in_call"] = round(1000 * statistics.median(codes_s) / steps, 3)
    four = lambda: generate_takes(mg, PROMPT, seconds=args.seconds, seeds=[0, 1, 2, 3], engine="loop")  # noqa: E731
    timed(four)
    runs4 = [peak(four) for _ in range(args.repeats)]
    result["ours_4_variations_s"] = round(statistics.median(r[0] for r in runs4), 3)
    result["ours_4_variations_peak_gib"] = max(r[1] for r in runs4)
    result["variations_ratio"] = round(result["ours_4_variations_s"] / result["ours_s"], 3)
    generate_audio(mg, PROMPT, seconds=1.0, seed=0, engine="generate")  # warm-up
    gen_runs = [peak(lambda: generate_audio(mg, PROMPT, seconds=args.seconds, seed=0, engine="generate"))]
    result["generate_s"] = round(gen_runs[0][0], 3)
    result["generate_peak_gib"] = gen_runs[0][1]
    result["generate_ms_per_step"] = round(1000 * gen_runs[0][0] / steps, 3)
    result["speedup_vs_generate"] = round(result["generate_s"] / result["ours_s"], 2)
    result["logits"] = attempt(lambda: logits_check(model))
    if not args.no_peer:
        result["fast_musicgen"] = attempt(lambda: peer(model, steps, args.repeats))
    if not args.no_cold:
        result["cold"] = attempt(lambda: cold(model, args.seconds))
    text = json.dumps(result, indent=2)
    print(text)
    if args.json is not None:
        args.json.write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
