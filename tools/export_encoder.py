"""Export the sentence encoder to ONNX once (``make encoder-onnx``): the learned reading then reads through it.

    HF_HUB_OFFLINE=1 .venv/bin/python tools/export_encoder.py [--force]

Writes ``~/.cache/musearoo/encoder/minilm-<weights' hash>-opset17.onnx`` (about 90 MB; beside the
analysis cache, ``$MUSEAROO_CACHE_DIR``'s parent when that is set) unless it is there already, and
prints the max |difference| of its hidden states from the frozen trace. Without the export the
encoder reads through the trace (``bridge/reading/onnx_forward.py``), so a failure here is reported
and does not stop the setup.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--force", action="store_true", help="export again even when the file is there")
    args = ap.parse_args()
    from transformers import AutoModel, AutoTokenizer

    from bridge.reading import encoder, onnx_forward, traced

    where = encoder.source()
    path = onnx_forward.path_for(where)
    if path is None:
        print(f"encoder export: {where!r} is not a local folder of weights; the trace reads")
        return 0
    if path.is_file() and not args.force:
        print(f"encoder export: {path} is there")
        return 0
    start = time.perf_counter()
    with encoder._quiet():
        tokenizer = AutoTokenizer.from_pretrained(where)
        model = AutoModel.from_pretrained(where).eval()
        reference = traced.traced(model, tokenizer) or traced.eager(model)
    try:
        worst = onnx_forward.export(model, tokenizer, reference, path)
    except (ValueError, RuntimeError, ImportError) as exc:
        print(f"encoder export failed ({exc}); the trace reads", file=sys.stderr)
        return 0
    took = time.perf_counter() - start
    print(f"encoder export: {path} in {took:.1f} s (max |difference| from the trace {worst:.1e})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
