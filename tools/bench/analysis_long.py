"""Long-file section of the analysis benchmark: peak memory and time of a whole song or a long take.

A producer drops bounced songs and long recordings as well as loops. The four real clips
(../shared/eval/real, read in place) are joined at 44.1 kHz stereo and repeated to each length,
written to a temporary folder, and analysed cold in a fresh process by ``roo analyze --no-cache``
and by the peer, madmom's processors called directly (``PEER_SCRIPT``), alternately. Peak memory is
each process's maximum resident set size. Run through tools/bench/analysis.py --long.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

LENGTHS_MIN = (4.0, 9.0)
CLIPS = (
    "gtzan_country_00000.wav",
    "hainsworth_001.flac",
    "ballroom_waltz_Media-105901.wav",
    "simac_greek_01.flac",
)
# Runs the command given after it; prints its peak resident memory (MB), wall and CPU (user + system)
# seconds on the first line, then the command's own output.
MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], check=True, capture_output=True, text=True)
wall = time.perf_counter() - start
use = resource.getrusage(resource.RUSAGE_CHILDREN)
print(use.ru_maxrss / 1024, wall, use.ru_utime + use.ru_stime)
print(done.stdout, end="")
"""


def long_file(real_dir: Path, minutes: float, out: Path) -> Path:
    """The real clips joined (44.1 kHz stereo) and repeated to ``minutes``, as a 16-bit WAV."""
    import soundfile as sf

    from engines.analysis.core import resample
    from engines.audio_io import read_frames

    joined = []
    for name in CLIPS:
        frames, rate = read_frames(real_dir / name)
        channels = [resample(frames[:, min(c, frames.shape[1] - 1)], rate, 44100) for c in range(2)]
        joined.append(np.stack(channels, axis=1))
    one = np.vstack(joined)
    want = round(minutes * 60 * 44100)
    audio = np.vstack([one] * (want // len(one) + 1))[:want]
    path = out / f"long_{minutes:g}min.wav"
    sf.write(path, audio, 44100, subtype="PCM_16")
    return path


def measured(cmd: list[str], env: dict[str, str]) -> tuple[dict[str, float], str]:
    """Peak memory (MB), wall and CPU seconds of ``cmd`` in a fresh process, and what it printed."""
    figures, _, printed = subprocess.run(
        [sys.executable, "-c", MEASURE, *cmd], check=True, capture_output=True, text=True, env=env
    ).stdout.partition("\n")
    peak_mb, wall_s, cpu_s = (float(v) for v in figures.split())
    return {"peak_mb": peak_mb, "wall_s": wall_s, "cpu_s": cpu_s}, printed


def long_section(real_dir: Path, roo: list[str], peer_script: str, repeats: int) -> dict[str, Any]:
    rows: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        peer = Path(tmp) / "peer.py"
        peer.write_text(peer_script)
        env = {**os.environ, "MUSEAROO_CACHE_DIR": str(Path(tmp) / "cache")}
        for minutes in LENGTHS_MIN:
            path = long_file(real_dir, minutes, Path(tmp))
            ours, theirs, printed = [], [], ""
            for _ in range(repeats):  # alternately, so both see the same machine load
                figures, printed = measured([*roo, "analyze", str(path), "--json", "--no-cache"], env)
                ours.append(figures)
                theirs.append(measured([sys.executable, str(peer), str(path)], env)[0])
            found = json.loads(printed)  # the last run's result
            row = {
                f"{who}_{k}": statistics.median(r[k] for r in runs)
                for who, runs in (("ours", ours), ("peer", theirs))
                for k in ("peak_mb", "wall_s", "cpu_s")
            }
            row |= {f"ratio_{k}": row[f"ours_{k}"] / row[f"peer_{k}"] for k in ("peak_mb", "wall_s", "cpu_s")}
            row |= {
                "tempo_bpm": found["tempo_bpm"],
                "time_signature": found["time_signature"],
                "runs": repeats,
            }
            rows[f"{minutes:g} min"] = row
            print(f"{minutes:g} min", row, file=sys.stderr, flush=True)
    rows["load_average_1min_after"] = os.getloadavg()[0]
    return rows
