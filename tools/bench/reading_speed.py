"""How long the learned reading takes: the encoder's cold load, then warm per-sentence reads.

    HF_HUB_OFFLINE=1 .venv/bin/python -m tools.bench.reading_speed [--sentences 300]

Cold: a fresh process imports ``bridge.reading`` and reads one sentence (torch, transformers and the
weights load then). Warm: each sentence of the generated corpus read alone (encoder + head), as a
typed command is; beside it, in the same run, today's phrase parser (``bridge.commands.parse``) on
the same sentences, the peer. Prints p50 / p99 in milliseconds and the torch thread count.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

import numpy as np

COLD = (
    "import time; t = time.perf_counter(); import bridge.reading as r; r.read('make me a beat'); "
    "print(time.perf_counter() - t)"
)


def percentiles_ms(seconds: list[float]) -> str:
    p50, p99 = np.percentile(np.array(seconds) * 1000.0, [50, 99])
    return f"p50 {p50:6.2f} ms  p99 {p99:6.2f} ms  (n={len(seconds)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=300)
    args = parser.parse_args()
    cold = float(
        subprocess.run([sys.executable, "-c", COLD], capture_output=True, text=True, check=True).stdout
    )
    print(f"cold (new process: import, load encoder and head, read one sentence): {cold:.2f} s")

    import torch

    from bridge.commands import parse
    from bridge.reading import read
    from tools.corpus.command_corpus import generate

    texts = [e.text for e in generate(seed=300)][::3][: args.sentences]
    read("warm up")
    reading, phrases = [], []
    for text in texts:
        t = time.perf_counter()
        read(text)
        reading.append(time.perf_counter() - t)
        t = time.perf_counter()
        parse(text)
        phrases.append(time.perf_counter() - t)
    print(f"torch threads: {torch.get_num_threads()}")
    print(f"learned reading (encode + head), warm: {percentiles_ms(reading)}")
    print(f"phrase parser bridge.commands.parse:   {percentiles_ms(phrases)}")


if __name__ == "__main__":
    main()
