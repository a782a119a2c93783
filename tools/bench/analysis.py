"""Benchmark BrainAroo analysis: accuracy on real and rendered clips, speed cold and cached.

    .venv/bin/python tools/bench/analysis.py [--real] [--rendered] [--generated] [--parts] [--speed]
        [--long] [--json OUT]

With no section flag every section runs. Peers are measured side by side in the same run:
plain madmom (RNNBeatProcessor + DBNBeatTrackingProcessor, called directly on the same audio),
the librosa backend, and for speed and memory (--long: 4 and 9 minute files) a fresh process that
calls madmom's processors directly.
Real recordings are read from ../shared/eval/real (never copied); the rendered set is built by
tools/eval/rendered.py into a cache folder.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tools.bench.analysis_long import long_section  # noqa: E402
from tools.bench.analysis_parts import parts_section  # noqa: E402
from tools.bench.analysis_sets import beat_f, generated_section, rendered_section  # noqa: E402

REAL_DIR = ROOT.parent / "shared" / "eval" / "real"
ROO = [str(Path(sys.executable).with_name("roo"))]  # the installed console script, as a user runs it
os.environ.setdefault("HF_HUB_OFFLINE", "1")

PEER_SCRIPT = """
import sys, soundfile as sf, numpy as np
import onnxruntime; onnxruntime.set_default_logger_severity(3)
from madmom.audio.signal import Signal
from madmom.features.beats import RNNBeatProcessor, DBNBeatTrackingProcessor
from madmom.features.downbeats import RNNDownBeatProcessor, DBNDownBeatTrackingProcessor
from madmom.features.key import CNNKeyRecognitionProcessor
from madmom.features.chords import CNNChordFeatureProcessor, CRFChordRecognitionProcessor
x, sr = sf.read(sys.argv[1], dtype="float32", always_2d=True)
sig = Signal(x.mean(axis=1), sample_rate=sr, num_channels=1)
beats = DBNBeatTrackingProcessor(fps=100)(RNNBeatProcessor()(sig))
bars = DBNDownBeatTrackingProcessor(beats_per_bar=[3, 4], fps=100)(RNNDownBeatProcessor()(sig))
key = CNNKeyRecognitionProcessor()(sig)
chords = CRFChordRecognitionProcessor()(CNNChordFeatureProcessor()(sig))
print(len(beats), len(bars), key.argmax(), len(chords))
"""


def tempo_of(beats_s: np.ndarray) -> float:
    return 60.0 / float(np.median(np.diff(beats_s)))


def real_section() -> dict[str, Any]:
    from madmom.audio.signal import Signal
    from madmom.features.beats import DBNBeatTrackingProcessor, RNNBeatProcessor

    from engines.analysis import analyze, keys, madmom_backend, read_audio
    from engines.analysis.core import resample

    plain_rnn, plain_dbn = RNNBeatProcessor(), DBNBeatTrackingProcessor(fps=100)
    deep_chroma = madmom_backend.models()["chroma"]
    rows = {}
    for audio in sorted(p for p in REAL_DIR.iterdir() if p.suffix in (".wav", ".flac")):
        ann = np.loadtxt(audio.with_suffix(".beats"), ndmin=2)
        ref_beats = ann[:, 0]
        ref_down = ann[ann[:, 1] == 1, 0] if ann.shape[1] > 1 else None
        samples, sr = read_audio(audio)
        ours = analyze(samples, sr, backend="madmom")
        lib = analyze(samples, sr, backend="librosa")
        signal = Signal(resample(samples, sr, 44100), sample_rate=44100, num_channels=1)
        plain = plain_dbn(plain_rnn(signal))
        ref_tempo = tempo_of(ref_beats)
        rows[audio.stem] = {
            "beat_f_ours": beat_f(ref_beats, np.array(ours.beats_s)),
            "beat_f_plain_madmom": beat_f(ref_beats, plain),
            "beat_f_librosa": beat_f(ref_beats, np.array(lib.beats_s)),
            "downbeat_f_ours": None if ref_down is None else beat_f(ref_down, np.array(ours.downbeats_s)),
            "downbeat_f_librosa": None if ref_down is None else beat_f(ref_down, np.array(lib.downbeats_s)),
            "tempo_ref_bpm": ref_tempo,
            "tempo_ours_bpm": ours.tempo_bpm,
            "tempo_error": abs((ours.tempo_bpm or 0.0) - ref_tempo) / ref_tempo,
            "tempo_error_librosa": abs((lib.tempo_bpm or 0.0) - ref_tempo) / ref_tempo,
            "meter_ours": None if ours.time_signature is None else list(ours.time_signature),
            "key_ours": ours.key,
            "pitched_share": keys.pitched_share(deep_chroma(signal)),
        }
        print(audio.stem, {k: v for k, v in rows[audio.stem].items()}, file=sys.stderr)
    return rows


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, all threads) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def speed_section(repeats: int) -> dict[str, Any]:
    import soundfile as sf

    from engines.analysis import analyze_file, read_audio
    from engines.analysis.core import resample

    samples, sr = read_audio(REAL_DIR / "hainsworth_001.flac", start_s=0.0, end_s=30.0)
    with tempfile.TemporaryDirectory() as tmp:
        clip = Path(tmp) / "clip30.wav"
        sf.write(clip, resample(samples, sr, 44100), 44100)
        peer = Path(tmp) / "peer.py"
        peer.write_text(PEER_SCRIPT)
        cold, peer_s, cli_cached = [], [], []
        for i in range(repeats):  # interleaved, so both see the same machine load
            env = {**os.environ, "MUSEAROO_CACHE_DIR": str(Path(tmp) / f"cache{i}")}
            cold.append(timed([*ROO, "analyze", str(clip), "--json"], env))
            cli_cached.append(timed([*ROO, "analyze", str(clip), "--json"], env))
            peer_s.append(timed([sys.executable, str(peer), str(clip)], env))
        cache_dir = Path(tmp) / "cache0"
        analyze_file(clip, cache_dir=cache_dir)  # warm imports; the entry exists from the CLI run
        hits = []
        for _ in range(20):
            start = time.perf_counter()
            analyze_file(clip, cache_dir=cache_dir)
            hits.append(time.perf_counter() - start)

    def median(runs: list[tuple[float, float]], i: int) -> float:
        return statistics.median(r[i] for r in runs)

    return {
        "clip": "hainsworth_001.flac 0..30 s as 44.1 kHz WAV",
        "cold_cli_s": median(cold, 0),
        "cold_cli_cpu_s": median(cold, 1),
        "peer_madmom_direct_s": median(peer_s, 0),
        "peer_madmom_direct_cpu_s": median(peer_s, 1),
        "ratio_cold_vs_peer": median(cold, 0) / median(peer_s, 0),
        "ratio_cold_vs_peer_cpu": median(cold, 1) / median(peer_s, 1),
        "cached_cli_s": median(cli_cached, 0),
        "cached_cli_cpu_s": median(cli_cached, 1),
        "cached_in_process_ms": 1000 * statistics.median(hits),
        "load_average_1min_after": os.getloadavg()[0],
        "runs_wall_cpu": {"cold": cold, "peer": peer_s, "cached_cli": cli_cached},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real", action="store_true")
    parser.add_argument("--rendered", action="store_true")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--generated", action="store_true", help="MuseAroo's own rendered songs")
    parser.add_argument("--parts", action="store_true", help="each part of six songs rendered alone")
    parser.add_argument("--long", action="store_true", help="peak memory and time on 4 and 9 minute files")
    parser.add_argument(
        "--limit", type=int, default=371, help="Riemenschneider numbers 1 to N (the first 20 are analysed)"
    )
    parser.add_argument("--repeats", type=int, default=3, help="speed runs per contender")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    every = not (args.real or args.rendered or args.speed or args.generated or args.parts or args.long)
    figures: dict[str, Any] = {}
    sections = (
        ("real", args.real, real_section),
        ("rendered", args.rendered, lambda: rendered_section(args.limit)),
        ("generated", args.generated, lambda: generated_section(None)),
        ("parts", args.parts, parts_section),
        ("speed", args.speed, lambda: speed_section(args.repeats)),
        ("long", args.long, lambda: long_section(REAL_DIR, ROO, PEER_SCRIPT, args.repeats)),
    )
    for name, wanted, section in sections:
        if wanted or every:
            figures[name] = section()
            if args.json:  # after each section, so a later failure keeps the earlier figures
                args.json.write_text(json.dumps(figures, indent=1))
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
