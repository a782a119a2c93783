"""The encoder through its ONNX export beside its frozen trace: same numbers? how much faster a call?

    HF_HUB_OFFLINE=1 PYTHONPATH=$PWD .venv/bin/python -m tools.bench.encoder_onnx [--step K] [--repeat N]

Needs the export (``tools/export_encoder.py``, ``make encoder-onnx``, or a daemon's first start). Every sentence of
tests/data/commands*.yaml (every K-th with ``--step``) is encoded alone by both (384 numbers, mean
pooled and normalised as ``encoder.encode`` does): prints the max |difference|. Then the time of one
forward call, interleaved trace / export, for the shortest and the longest quarter of the sentences
(by tokens), p50 and p99 in ms, on one thread, pinned to one core when taskset is there.
"""

from __future__ import annotations

import argparse
import os
import time

import numpy as np

from tools.bench.parser_latency import sentences


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--step", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3, help="timed calls per sentence and forward")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) >= 2:
        os.sched_setaffinity(0, {0})
    import torch
    from transformers import AutoModel

    from bridge.reading import encoder, onnx_forward, traced

    tokenizer, exported = encoder._load()
    if encoder.reads_with() != "onnx":
        raise SystemExit("no ONNX export to compare: run tools/export_encoder.py first")
    trace = traced.traced(AutoModel.from_pretrained(encoder.source()).eval(), tokenizer)
    assert trace is not None
    texts = sentences()[:: args.step]

    def vector(forward: traced.Forward, text: str) -> np.ndarray:
        b = tokenizer([text], return_tensors="pt")
        with torch.inference_mode():
            pooled = forward(b["input_ids"], b["attention_mask"]).mean(dim=1)
            return torch.nn.functional.normalize(pooled, p=2, dim=1).numpy()[0]

    worst = max(float(np.abs(vector(exported, t) - vector(trace, t)).max()) for t in texts)
    hidden = onnx_forward.max_difference(exported, trace, tokenizer, tuple(texts[:64]))
    print(
        f"{len(texts)} sentences: max |difference| of the 384 numbers {worst:.2e}; hidden states {hidden:.2e}"
    )

    by_length = sorted(texts, key=lambda t: len(tokenizer(t)["input_ids"]))
    quarter = max(1, len(by_length) // 4)
    for name, group in (("short", by_length[:quarter]), ("long", by_length[-quarter:])):
        tokens = [len(tokenizer(t)["input_ids"]) for t in group]
        took: dict[str, list[float]] = {"trace": [], "onnx": []}
        for text in group * args.repeat:
            b = tokenizer([text], return_tensors="pt")
            for label, forward in (("trace", trace), ("onnx", exported)):
                start = time.perf_counter()
                with torch.inference_mode():
                    forward(b["input_ids"], b["attention_mask"])
                took[label].append(time.perf_counter() - start)
        line = "  ".join(
            f"{label} p50 {np.percentile(v, 50) * 1e3:5.2f} p99 {np.percentile(v, 99) * 1e3:5.2f} ms"
            for label, v in took.items()
        )
        print(f"{name} ({min(tokens)}-{max(tokens)} tokens, n={len(group)}): {line}")
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
