"""The meter and whether it is held on the real recordings of ../shared/eval/real (read in place).

.venv/bin/python -m tools.corpus.meter_real [--folder ../shared/eval/real]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main() -> int:
    from engines.analysis import analyze, read_audio

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=Path("../shared/eval/real"))
    args = parser.parse_args()
    for path in sorted(p for p in args.folder.iterdir() if p.suffix in (".wav", ".flac")):
        samples, sr = read_audio(path)
        r = analyze(samples, sr).to_dict()
        print(path.name, r["time_signature"], r["live_tempo_bpm"], "held" if r["meter_ambiguous"] else "sure",
              r["meter_rival"], flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
