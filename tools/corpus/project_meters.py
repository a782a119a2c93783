"""The project's own meter set (tools/eval/meters: written 3/4, 6/8, 12/8, 2/4, 4/4 pieces, piano and
band) in the folk corpus' manifest format, so the meter model trains on both (issue 45); 5/4 and 7/8
are left out (the model does not read odd meters).

    nice -n 10 .venv/bin/python -m tools.corpus.project_meters [--out .cache/meter_corpus/project]
    nice -n 10 .venv/bin/python -m tools.corpus.meter_heard --corpus .cache/meter_corpus/project
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from engines.analysis.result import quarters_per_beat
from tools.eval import meters


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(".cache/meter_corpus/project"))
    args = parser.parse_args()
    pieces = []
    for p in meters.build(meters.default_out()):
        num, den = p["time_signature"]
        if num in (5, 7):
            continue
        quarters_per_bar = num * 4 / den
        live = p["live_tempo_bpm"]
        assert abs(live / (p["tempo_bpm"] * quarters_per_beat((num, den))) - 1) < 1e-6, p["name"]
        wav = (meters.default_out() / p["wav"]).resolve()
        pieces.append({"name": f"project_{p['name']}", "wav": str(wav), "time_signature": [num, den],
                       "bar_s": quarters_per_bar * 60.0 / live, "live_tempo_bpm": live, "collection": "project"})  # fmt: skip
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "manifest.json").write_text(json.dumps({"version": 1, "pieces": pieces}, indent=1))
    print(len(pieces), "pieces")
    return 0


if __name__ == "__main__":
    sys.exit(main())
