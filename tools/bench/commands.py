"""Commands benchmark: parser exact intent on the written phrase sets, then speech.

Speech: every speakable phrase of tests/data/commands.yaml is spoken by espeak-ng in two voices,
converted to 16 kHz mono with sox, and decoded clean and with pink noise (made by sox) mixed in
at 20 dB SNR. Side by side in the same run: pocketsphinx with the command grammar fed in 20 ms
blocks as a microphone would deliver them (ours, the push-to-talk path), the same grammar decoding
each utterance whole after release (ours before streaming, and ``roo listen``), and pocketsphinx
free decoding with its bundled language model (the peer). Latency is the time from the end of
the audio (release) to the intent ready to dispatch: for ours the last block, the end of the
search and the parse; whole, the decode and the parse. Decoding keeps pace with the microphone
when the time spent on the blocks is under the audio's duration: the slowest ratio is printed.
Usage: .venv/bin/python -m tools.bench.commands [--voices en-us en+f3] [--no-peer] [--show-misses]
Tuning: [--sets dev] [--every 2] [--option NAME=VALUE ...] [--floor-db -40] [--wav-cache DIR] [--summary]
(``--every 2 --sets dev`` is the tuning subset: every 2nd development phrase; never tune on held-out).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import soundfile as sf
import yaml

from bridge.commands import jsgf, parse
from bridge.commands.audio import read_speech_wav
from bridge.commands.grammar import build_jsgf
from bridge.commands.grammar import spoken as spoken_words
from bridge.commands.safety import HEAVY_ACTIONS, spoken, starts_heavy_job
from bridge.commands.sphinx import SphinxRecognizer

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
SNR_DB = 20.0
BLOCK = 320  # 20 ms at 16 kHz: about what a sound card hands over per callback
SETS = {"dev": "commands.yaml", "heldout": "commands_heldout.yaml"}


def load(name: str) -> list[dict[str, Any]]:
    return list(yaml.safe_load((DATA / name).read_text())["phrases"])


def exact(intent_dict: dict[str, Any], entry: dict[str, Any]) -> bool:
    if intent_dict["action"] != entry["action"] or intent_dict["part"] != entry["part"]:
        return False
    return entry["params"] is None or intent_dict["params"] == entry["params"]


def bench_parser(name: str) -> tuple[int, int, float]:
    phrases = load(name)
    start = time.perf_counter()
    hits = sum(exact(parse(e["text"]).as_dict(), e) for e in phrases)
    per_us = (time.perf_counter() - start) / len(phrases) * 1e6
    return hits, len(phrases), per_us


def speech_text(entry: dict[str, Any]) -> str:
    """What espeak-ng says, as the grammar's words (digits spelled out, no punctuation)."""
    text = entry.get("say") or entry["text"]
    words = " ".join(w for w in text.lower().replace(",", " ").split())
    # espeak-ng says "bpm" as its letters, which is how the grammar's word "bpm" is pronounced.
    return spoken_words(f" {words} ".replace(" b p m ", " bpm ").strip())


def synthesize(text: str, voice: str, folder: Path, index: str) -> Path:
    raw, out = folder / f"{voice}_{index}_raw.wav", folder / f"{voice}_{index}.wav"
    said = out.with_suffix(".txt")
    if not out.exists() or not said.exists() or said.read_text() != text:
        said.write_text(text)
        subprocess.run(["espeak-ng", "-v", voice, "-w", str(raw), text], check=True)
        subprocess.run(["sox", str(raw), "-r", "16000", "-c", "1", "-b", "16", str(out)], check=True)
    return out


def add_noise(clean: np.ndarray, folder: Path, seconds: float, seed: int) -> np.ndarray:
    """Pink noise from sox, scaled so speech power / noise power is SNR_DB."""
    noise_path = folder / f"noise_{seed}_{seconds:.3f}.wav"
    synth = ["synth", f"{seconds:.3f}", "pinknoise", "vol", "0.5"]
    if not noise_path.exists():
        subprocess.run(
            ["sox", "-R", "-n", "-r", "16000", "-c", "1", "-b", "16", str(noise_path), *synth], check=True
        )
    noise = sf.read(str(noise_path), dtype="float32")[0][: len(clean)]
    speech = clean.astype(np.float32) / 32768.0
    gain = np.sqrt(np.mean(speech**2) / (np.mean(noise**2) * 10 ** (SNR_DB / 10)))
    mixed = np.clip(speech + gain * noise, -1.0, 1.0)
    return (mixed * 32767.0).astype(np.int16)


def run_speech(
    recognizer: SphinxRecognizer, cases: list[tuple[dict[str, Any], np.ndarray]], *, streaming: bool
) -> dict[str, Any]:
    ok, latencies_ms, cpu_ms, misses, pace = [], [], [], [], []
    heavy = {
        "misheard_before": 0,
        "misheard_after": 0,
        "misheard_held": 0,
        "right_heavy": 0,
        "right_refused": 0,
    }
    for entry, audio in cases:
        if streaming:
            stream, fed_s = recognizer.stream(), 0.0
            starts = list(range(0, len(audio), BLOCK))
            for i in starts[:-1]:  # all but the last block, while "recording"
                t = time.perf_counter()
                stream.feed(audio[i : i + BLOCK])
                fed_s += time.perf_counter() - t
            pace.append(fed_s / (len(audio) / 16000))
        start, start_cpu = time.perf_counter(), time.thread_time()
        if streaming:
            stream.feed(audio[starts[-1] :])
            transcript = stream.finish()
        else:
            transcript = recognizer.transcribe(audio)
        intent = parse(transcript)
        latencies_ms.append((time.perf_counter() - start) * 1000.0)
        cpu_ms.append((time.thread_time() - start_cpu) * 1000.0)
        ok.append(exact(intent.as_dict(), entry))
        if not ok[-1]:
            misses.append((speech_text(entry), transcript))
        # voice safety: before, a spoken intent ran at once as a typed one does; now spoken() and the yes rule
        now = spoken(intent)
        if not ok[-1]:
            heavy["misheard_before"] += starts_heavy_job(intent, source="typed")
            heavy["misheard_after"] += starts_heavy_job(now, source="voice")
            heavy["misheard_held"] += now.action in HEAVY_ACTIONS
        elif intent.action in HEAVY_ACTIONS:
            heavy["right_heavy"] += 1
            heavy["right_refused"] += not now.understood
    ordered = sorted(latencies_ms)
    return {
        "ok": ok,
        "median_ms": statistics.median(ordered),
        "p95_ms": ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))],
        "max_ms": ordered[-1],
        "cpu_median_ms": statistics.median(cpu_ms),
        "pace_max": max(pace, default=0.0),
        "misses": misses,
        "heavy": heavy,
    }


def report(label: str, r: dict[str, Any], show_misses: bool) -> None:
    hits, n = sum(r["ok"]), len(r["ok"])
    print(
        f"  {label:44} exact intent {hits:3}/{n:3} = {100 * hits / n:5.1f} %, latency median {r['median_ms']:4.0f} ms,"
        f" p95 {r['p95_ms']:4.0f} ms, max {r['max_ms']:5.0f} ms; CPU median {r['cpu_median_ms']:4.0f} ms"
        + (f"; blocks decoded at <= {r['pace_max']:.2f}x real time" if r["pace_max"] else "")
        + f" (load {os.getloadavg()[0]:.1f})"
    )
    h = r["heavy"]
    print(
        f"  {'':44} misheard commands that start a heavy job: {h['misheard_before']} before, "
        f"{h['misheard_after']} now ({h['misheard_held']} held for a yes); rightly heard heavy commands {h['right_heavy']} (now wait for a yes), "
        f"{h['right_refused']} of them refused by voice for want of the MusicGen keyword"
    )
    if show_misses:
        for said, heard in r["misses"]:
            print(f"      said {said!r} heard {heard!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--voices", nargs="+", default=["en-us", "en-us+f2"])
    ap.add_argument(
        "--peer-every", type=int, default=4, help="the peer decodes every Nth phrase (it is slow)"
    )
    ap.add_argument("--no-peer", action="store_true", help="skip free decoding (the peer)")
    ap.add_argument("--no-whole", action="store_true", help="skip ours decoding whole utterances")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--sets", nargs="+", choices=list(SETS), default=list(SETS))
    ap.add_argument("--every", type=int, default=1, help="only every Nth phrase (tuning subsets)")
    ap.add_argument("--option", nargs="*", default=[], help="pocketsphinx option NAME=VALUE for ours")
    ap.add_argument("--floor-db", type=float, default=None, help="noise floor below the utterance, dB")
    ap.add_argument("--wav-cache", type=Path, default=None, help="keep the spoken audio in this folder")
    ap.add_argument("--summary", action="store_true", help="one total line per set for ours")
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print("load average at start (1, 5, 15 min): " + ", ".join(f"{x:.1f}" for x in os.getloadavg()))
    for name in SETS.values():
        hits, n, per_us = bench_parser(name)
        print(
            f"parser {name}: exact intent {hits}/{n} = {100 * hits / n:.1f} %, {per_us:.0f} us per sentence"
        )

    rules = jsgf.parse_jsgf(build_jsgf())
    options = dict(_option(o) for o in args.option)
    floor = {} if args.floor_db is None else {"noise_floor_db": args.floor_db}
    ours = SphinxRecognizer(options=options, **floor)
    whole = None if args.no_whole else SphinxRecognizer(options=options, **floor)
    peer = None if args.no_peer else SphinxRecognizer(grammar=False)
    if options or floor:
        print(f"ours with {options} {floor}")
    with tempfile.TemporaryDirectory(prefix="roo_cmd_bench_") as tmp:
        folder = args.wav_cache or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for name in (SETS[s] for s in args.sets):
            speakable = [e for e in load(name) if not e.get("typed") and e["action"] != "unknown"]
            chosen = [e for e in speakable if jsgf.accepts(rules, "command", speech_text(e))]
            print(f"speech {name}: {len(speakable)} speakable phrases, {len(chosen)} inside the grammar")
            chosen = chosen[:: args.every]
            total: list[bool] = []
            for voice in args.voices:
                clean = []
                for entry in chosen:
                    wav = synthesize(speech_text(entry), voice, folder, f"{name}_{speech_text(entry)}")
                    clean.append((entry, read_speech_wav(wav)))
                noisy = [(e, add_noise(a, folder, len(a) / 16000 + 0.1, i)) for i, (e, a) in enumerate(clean)]
                for condition, cases in (("clean", clean), (f"{SNR_DB:.0f} dB SNR", noisy)):
                    r = run_speech(ours, cases, streaming=True)
                    total += r["ok"]
                    report(f"{voice} {condition}, grammar, streamed (ours)", r, args.show_misses)
                    if whole is not None:
                        report(
                            f"{voice} {condition}, grammar, whole",
                            run_speech(whole, cases, streaming=False),
                            args.show_misses,
                        )
                    if peer is None:
                        continue
                    subset = cases[:: args.peer_every]
                    p = run_speech(peer, subset, streaming=False)
                    ours_there = sum(r["ok"][:: args.peer_every])
                    print(
                        f"  {'':44} on every {args.peer_every}th phrase ours gets {ours_there}/{len(subset)}:"
                    )
                    report(f"{voice} {condition}, free decoding (peer)", p, args.show_misses)
            if args.summary:
                print(
                    f"  total ours {name}: {sum(total)}/{len(total)} = {100 * sum(total) / len(total):.1f} %"
                )


def _option(text: str) -> tuple[str, Any]:
    """NAME=VALUE with VALUE as a bool, int, float or string."""
    name, _, value = text.partition("=")
    lowered = value.lower()
    if lowered in ("true", "yes", "false", "no"):
        return name, lowered in ("true", "yes")
    for kind in (int, float):
        try:
            return name, kind(value)
        except ValueError:
            pass
    return name, value


if __name__ == "__main__":
    main()
