"""Benchmark: the transcription engine beside Basic Pitch's own post-processing and a plain pyin
tracker, on rendered parts it was not tuned on (tools/corpus/transcription_set's test half, then
the tune half), and its speed warm and cold. Usage::

    .venv/bin/python tools/bench/transcription.py [--split test] [--kinds melody,drums] [--no-speed] [--json F]

Note F (onset within 50 ms, and onset+offset) is mir_eval's, per kind, pooled over the items
(mean of per-item F). Basic Pitch runs ``basic_pitch.inference.predict`` with its defaults on the
same WAV (same ONNX model); pyin is ``librosa.pyin`` with its frames cut into notes where the
rounded pitch changes. Drums: per-voice F over all hits of the kind's items (pooled counts).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from engines.transcription import transcribe  # noqa: E402
from tools.bench.transcription_score import VOICES, f_of, note_f, voice_counts  # noqa: E402
from tools.corpus import transcription_set as tset  # noqa: E402

PITCHED = ("melody", "bass", "piano", "chords")
PYIN_RANGE_HZ = {"bass": (30.0, 400.0)}
COLD = (
    "import sys, soundfile as sf; from engines.transcription import transcribe; "
    "y, r = sf.read(sys.argv[1], dtype='float32'); transcribe(y, r, kind=sys.argv[2])"
)
COLD_PEER = (
    "import sys; from basic_pitch.inference import predict, Model; from basic_pitch import ICASSP_2022_MODEL_PATH; "
    "predict(sys.argv[1], Model(ICASSP_2022_MODEL_PATH))"
)


def ours(path: str, kind: str, key: str | None = None) -> list[tuple[int, float, float, int]]:
    audio, rate = sf.read(path, dtype="float32")
    done = transcribe(audio, rate, kind=kind, key=key)
    return [(n.pitch, n.start_s, n.end_s, n.velocity) for n in done.notes]


def basic_pitch_notes(path: str) -> list[tuple[int, float, float, int]]:
    """Basic Pitch's own ``predict`` with its defaults (its note creation, melodia trick and all)."""
    from basic_pitch import ICASSP_2022_MODEL_PATH
    from basic_pitch.inference import Model, predict

    model = _peer_model(Model, ICASSP_2022_MODEL_PATH)
    _out, _midi, events = predict(path, model)
    return sorted((int(p), float(s), float(e), int(127 * a)) for s, e, p, a, *_ in events)


_PEER: dict[str, Any] = {}


def _peer_model(model_type: Any, path: Any) -> Any:
    if "model" not in _PEER:
        _PEER["model"] = model_type(path)
    return _PEER["model"]


def pyin_notes(path: str, kind: str) -> list[tuple[int, float, float, int]]:
    """A plain pitch tracker: librosa.pyin's voiced frames, a note per run of one rounded pitch."""
    import librosa

    y, rate = librosa.load(path, sr=22050, mono=True)
    low, high = PYIN_RANGE_HZ.get(kind, (60.0, 1600.0))
    f0, voiced, _p = librosa.pyin(y, fmin=low, fmax=high, sr=rate, frame_length=2048, hop_length=256)
    midi = np.where(voiced, np.round(librosa.hz_to_midi(np.nan_to_num(f0, nan=1.0))), -1)
    notes, start = [], 0
    for i in range(1, len(midi) + 1):
        if i == len(midi) or midi[i] != midi[start]:
            if midi[start] >= 0 and i - start >= 3:
                notes.append((int(midi[start]), start * 256 / rate, i * 256 / rate, 100))
            start = i
    return notes


def scores(items: list[tset.Item], *, peers: bool, kinds: tuple[str, ...]) -> dict[str, Any]:
    """Per kind: mean onset F and onset+offset F for each transcriber; drums: per-voice F (pooled)."""
    table: dict[str, Any] = {}
    for kind in kinds:
        chosen = [i for i in items if i.kind == kind]
        if kind == "drums":
            pooled = {v: [0, 0, 0] for v in VOICES}
            for item in chosen:
                for voice, counts in voice_counts(item.notes, ours(item.wav, kind)).items():
                    pooled[voice] = [a + b for a, b in zip(pooled[voice], counts, strict=True)]
            table[kind] = {
                "items": len(chosen),
                "ours": {v: (round(f_of(*c), 3), c) for v, c in pooled.items()},
            }
            continue
        runs: dict[str, list[tuple[float, float]]] = {"ours": [], "basic_pitch": [], "pyin": []}
        for item in chosen:
            found = {"ours": ours(item.wav, kind)}
            if peers:
                found["basic_pitch"] = basic_pitch_notes(item.wav)
                found["pyin"] = pyin_notes(item.wav, kind)
            for name, notes in found.items():
                onset = note_f(item.notes, notes, offsets=False)[2]
                both = note_f(item.notes, notes, offsets=True)[2]
                runs[name].append((onset, both))
        table[kind] = {
            "items": len(chosen),
            **{name: [round(float(x), 3) for x in np.mean(r, axis=0)] for name, r in runs.items() if r},
        }
    return table


def clip_20s(items: list[tset.Item], kind: str, out: Path) -> Path:
    """A 20 s WAV made of the kind's test renders joined end to end."""
    parts, total = [], 0
    for item in (i for i in items if i.kind == kind):
        audio, rate = sf.read(item.wav, dtype="float32")
        parts.append(audio)
        total += len(audio)
        if total >= 20 * rate:
            break
    path = out / f"twenty-{kind}.wav"
    sf.write(path, np.concatenate(parts)[: 20 * rate], rate)
    return path


def speed(path: Path, kind: str) -> dict[str, float]:
    """Audio seconds per wall second: ours warm (median of 3, in process) and cold (a fresh
    process: imports, model load, file read, transcription), and Basic Pitch's predict the same ways."""
    seconds = sf.info(str(path)).duration
    ours(str(path), kind)
    warm = statistics.median(_timed(lambda: ours(str(path), kind)) for _ in range(3))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cold = _timed(lambda: subprocess.run([sys.executable, "-c", COLD, str(path), kind], check=True, env=env))
    result = {"audio_s": seconds, "ours_warm_s": warm, "ours_cold_s": cold}
    if kind != "drums":
        basic_pitch_notes(str(path))
        result["peer_warm_s"] = statistics.median(
            _timed(lambda: basic_pitch_notes(str(path))) for _ in range(3)
        )
        result["peer_cold_s"] = _timed(
            lambda: subprocess.run(
                [sys.executable, "-c", COLD_PEER, str(path)], check=True, env=env, capture_output=True
            )
        )
    return {k: round(v, 3) for k, v in result.items()}


def _timed(action: Any) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=tset.default_out())
    parser.add_argument("--split", choices=("test", "tune", "both"), default="both")
    parser.add_argument("--kinds", default=",".join((*PITCHED, "drums")))
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--no-scores", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    report: dict[str, Any] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} at start",
    }
    splits = ("test", "tune") if args.split == "both" else (args.split,)
    for split in () if args.no_scores else splits:
        kinds = tuple(args.kinds.split(","))
        report[split] = scores(tset.items(args.out, split, kinds), peers=split == "test", kinds=kinds)
        print(json.dumps({split: report[split]}, indent=1), flush=True)
    if not args.no_speed:
        test_items = tset.items(args.out, "test")
        report["speed"] = {
            k: speed(clip_20s(test_items, k, args.out), k) for k in ("melody", "piano", "drums")
        }
        print(json.dumps({"speed": report["speed"]}, indent=1), flush=True)
    report["load_at_end"] = round(os.getloadavg()[0], 1)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
