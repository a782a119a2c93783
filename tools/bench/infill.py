"""Speed of MIDI-GPT infill: 8 bars of one track rewritten with 8 bars of context, ours beside the library's.

    python tools/bench/infill.py [--layout small] [--runs 3] [--threads 1 [2]] [--json OUT]

The model is the published ``yellow_small`` shape (GPT-2, 512 wide, 6 layers, 8 heads, yellow's
647-token vocabulary) with random weights (engines/infill/random_model.py: the end-of-bar tokens
raised so a bar closes after a few notes, as a trained model's do), written to a temporary
checkpoint and loaded once by the library's own loader. The prompt: a 16-bar track, eighth notes,
bars 5-12 rewritten (bars 1-4 and 13-16 are the context). Per thread count, interleaved run by run
so a busy moment hits all alike, after one warm-up call each:

- ``library``: the peer, the library's own session loop on the library's own engine as
  ``InferenceEngine.from_checkpoint`` loads it (none of our wrappers), as its README shows an infill
  (``engine.session(score, GenerationRequest([TrackPrompt(0, bars)], InferenceConfig(model_dim=8,
  mask_mode="attention", seed)))``.run(): its defaults, one bar per step, 8 steps);
- ``ours``: ``engines.infill.infill`` on the same notes (two independent 8-bar windows, 4 bars
  each, the context on their outer sides), end to end from Live notes to Live notes, on the model
  as ``engines.infill.load`` gives it (SharedPrefill over LeanDecode, engines/infill/decode.py);
- ``ours_x4``: the same with ``variations=4`` (every window's 4 takes decode as one batch);
- ``ours_x4_unshared``: the same on the library's engine (no SharedPrefill, engines/infill/prefill.py,
  and no LeanDecode), so the library's batch feeds the prompt 4 times;
- ``ours_int8``, ``ours_int8_x4``: ``ours`` and ``ours_x4`` on the same weights with int8 Linear
  layers (``load(path, quantize="int8")``, engines/infill/quantize.py; the daemon's
  MUSEAROO_INFILL_INT8=1), so the takes differ from the float model's.

Seconds are medians over ``--runs``; tokens are what the model generated in that run (the plans
differ, so the counts do too: ms per token is printed beside them); steps are the model's forward
calls (a batch's 4 rows step together, until its longest take ends: ``x4_vs_x1_per_step`` is what
one batched step costs against one single-take step, apart from how long the random takes run).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def prompt() -> Any:
    from engines.infill import Part
    from engines.music import Note

    pitches = (60, 62, 64, 65, 67, 69, 71, 72)
    notes = tuple(Note(pitches[(b + i) % 8], b * 4.0 + i * 0.5, 0.5, 90) for b in range(16) for i in range(8))
    return Part(notes, 64.0, program=0, name="piano")


def calls_of(model: Any) -> int:
    """Forward calls (sampling steps; a batch's rows step together) the model has made so far."""
    return int(getattr(model.engine._model, "calls", 0))


def library_run(model: Any, part: Any, seed: int) -> tuple[float, int]:
    from midigpt.inference import GenerationRequest, InferenceConfig, TrackPrompt

    from engines.infill.score import to_score

    score = to_score([(part, list(part.notes))], n_bars=16, signature=(4, 4))
    request = GenerationRequest(
        tracks=[TrackPrompt(id=0, bars=list(range(4, 12)))],
        config=InferenceConfig(model_dim=8, mask_mode="attention", seed=seed),
    )
    started = time.perf_counter()
    session = model.engine.session(score, request)
    session.run()
    return time.perf_counter() - started, int(session.gen_count)


def ours_run(model: Any, part: Any, seed: int, variations: int) -> tuple[float, int]:
    from engines.infill import infill

    started = time.perf_counter()
    result = infill(part, first_bar=5, last_bar=12, model=model, seed=seed, variations=variations)
    return time.perf_counter() - started, result.tokens


def measure(layout: str, runs: int, threads: list[int], ends_logit: float) -> dict[str, Any]:
    import logging

    import torch

    from engines.infill import load
    from engines.infill.random_model import save_random_checkpoint

    logging.disable(logging.WARNING)  # the library logs every accepted step
    os.environ.setdefault("TQDM_DISABLE", "1")
    out: dict[str, Any] = {
        "layout": layout,
        "runs": runs,
        "ends_logit": ends_logit,
        "machine": platform.machine(),
    }
    with tempfile.TemporaryDirectory() as tmp:
        path = save_random_checkpoint(
            Path(tmp) / f"{layout}.safetensors", layout=layout, ends_logit=ends_logit
        )
        model = load(str(path))
        from midigpt.inference import InferenceEngine

        from engines.infill.models import describe

        unshared = describe("unshared", str(path), InferenceEngine.from_checkpoint(str(path)))
        quantized = load(str(path), quantize="int8")
        part = prompt()
        for n in threads:
            torch.set_num_threads(n)
            calls = {
                "library": lambda seed: library_run(unshared, part, seed),  # the library's engine, as loaded
                "ours": lambda seed: ours_run(model, part, seed, 1),
                "ours_x4": lambda seed: ours_run(model, part, seed, 4),
                "ours_x4_unshared": lambda seed: ours_run(unshared, part, seed, 4),
                "ours_int8": lambda seed: ours_run(quantized, part, seed, 1),
                "ours_int8_x4": lambda seed: ours_run(quantized, part, seed, 4),
            }
            for call in calls.values():
                call(100)  # warm-up
            got: dict[str, list[tuple[float, int]]] = {name: [] for name in calls}
            steps: dict[str, list[int]] = {name: [] for name in calls}
            stepped = {"library": unshared, "ours_x4_unshared": unshared, "ours_int8": quantized,
                       "ours_int8_x4": quantized}  # fmt: skip
            for run in range(runs):
                for name, call in calls.items():
                    before = calls_of(stepped.get(name, model))
                    got[name].append(call(run + 1))
                    steps[name].append(calls_of(stepped.get(name, model)) - before)
            row: dict[str, Any] = {}
            for name, values in got.items():
                seconds = [s for s, _ in values]
                tokens = [t for _, t in values]
                row[name] = {
                    "median_s": round(statistics.median(seconds), 3),
                    "all_s": [round(s, 3) for s in seconds],
                    "tokens": tokens,
                    "ms_per_token": round(1000 * sum(seconds) / max(1, sum(tokens)), 2),
                    "steps": steps[name],  # forward calls (0: not counted, the unshared engine)
                    "ms_per_step": round(1000 * sum(seconds) / sum(steps[name]), 2)
                    if sum(steps[name])
                    else None,
                }
            row["ours_vs_library"] = round(row["ours"]["median_s"] / row["library"]["median_s"], 3)
            row["x4_vs_x1"] = round(row["ours_x4"]["median_s"] / row["ours"]["median_s"], 3)
            row["x4_unshared_vs_x1"] = round(row["ours_x4_unshared"]["median_s"] / row["ours"]["median_s"], 3)
            row["int8_vs_library"] = round(row["ours_int8"]["median_s"] / row["library"]["median_s"], 3)
            row["int8_x4_vs_x1"] = round(row["ours_int8_x4"]["median_s"] / row["ours_int8"]["median_s"], 3)
            for kind, one, four in (("", "ours", "ours_x4"), ("int8_", "ours_int8", "ours_int8_x4")):
                row[f"{kind}x4_vs_x1_per_step"] = round(row[four]["ms_per_step"] / row[one]["ms_per_step"], 3)
            out[f"threads_{n}"] = row
            print(json.dumps({f"threads_{n}": row}), flush=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layout", default="small", choices=("tiny", "small", "medium"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--threads", type=int, nargs="+", default=[1])
    parser.add_argument("--ends-logit", type=float, default=3.0)
    parser.add_argument("--json", default=None, help="also write the figures here")
    args = parser.parse_args()
    started = time.monotonic()
    load_before = os.getloadavg()[0]
    out = measure(args.layout, args.runs, args.threads, args.ends_logit)
    out["load_before"] = round(load_before, 2)
    out["load_after"] = round(os.getloadavg()[0], 2)
    out["wall_s"] = round(time.monotonic() - started, 1)
    print(json.dumps(out))
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
