"""The project's generated songs (tools/eval/generated: drums, bass, chords, melody in every genre
preset, each in its own signature and tempo) in the meter corpus' format, three keys a genre, so
the meter model trains on band textures too (issue 45).

    nice -n 10 .venv/bin/python -m tools.corpus.project_songs [--out .cache/meter_corpus/songs]
    nice -n 10 .venv/bin/python -m tools.corpus.meter_heard --corpus .cache/meter_corpus/songs
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from tools.eval import generated

TONICS = (0, 4, 8)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(".cache/meter_corpus/songs"))
    args = parser.parse_args()
    fluidsynth = shutil.which("fluidsynth")
    if fluidsynth is None:
        raise SystemExit("fluidsynth is not installed")
    args.out.mkdir(parents=True, exist_ok=True)
    pieces = []
    for genre, tonic, scale in generated.plan():
        if tonic not in TONICS:
            continue
        p = generated.render_piece(genre, tonic, scale, args.out, fluidsynth)
        (args.out / f"{p['name']}.mid").unlink(missing_ok=True)
        num, den = p["time_signature"]
        quarters = num * 4 / den
        live = p["tempo_bpm"]  # the generators' tempo is Live's: quarter notes a minute
        pieces.append({"name": f"project_song_{p['name']}", "wav": p["wav"], "time_signature": [num, den],
                       "bar_s": quarters * 60.0 / live, "live_tempo_bpm": live, "collection": "songs"})  # fmt: skip
        print(pieces[-1]["name"], num, den, live, file=sys.stderr)
    (args.out / "manifest.json").write_text(json.dumps({"version": 1, "pieces": pieces}, indent=1))
    print(len(pieces), "pieces")
    return 0


if __name__ == "__main__":
    sys.exit(main())
