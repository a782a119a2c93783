"""Spoken commands in studio conditions (issue 56): pocketsphinx alone beside pocketsphinx and Whisper
agreeing (``bridge.commands.spoken_agree``), on the same utterances in the same run.

``COMMANDS`` (written for this set, each a sentence of the speech grammar, none of an earlier set)
are spoken by espeak-ng in ``VOICES`` (voice, words per minute), and each utterance is heard in
three conditions:

- clean: as spoken;
- room: sox's reverb (reverberance 60 %, room scale 80 %) and pink noise 15 dB below the speech;
- song: a rendered loop under the voice (fluidsynth through FluidR3_GM: chords and drums generated
  by ``engines.generators`` in ``GENRES``, one per voice), its RMS 6 to 12 dB below the speech
  (drawn per utterance from a fixed seed).

The pair's limits (``AgreeLimits``) are tuned by cross-validation: on ``TUNE_VOICES`` the grid's
setting with no misheard command acted on and the fewest questions (then the most understood) is
chosen, and the other voices are reported with it, first. pocketsphinx alone keeps its own limits
(``sphinx.LIMITS``, tuned on the development phrases) and its recheck, as ``speech._decision`` does.
Outcomes are ``voice_confidence.outcome``'s for a voice past its trust count: understood (acted on
rightly, or the intended command offered), misheard-acted, and asked (a question between readings).

Usage: ``python -m tools.bench.voice_studio [--commands N] [--kept]``; decodes are kept in
``.cache/voice_studio/hearings-<window>s.json`` (``--kept`` re-decides from them; ``--window-s``:
Whisper's encoder window, ``fast_whisper.WINDOW_S`` by default).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import subprocess
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np
import soundfile as sf

from bridge.commands import parse
from bridge.commands.audio import SPEECH_RATE_HZ, read_speech_wav
from bridge.commands.confidence import Decision, Hearing, decide
from bridge.commands.fast_whisper import WINDOW_S, Transcript, clean, written
from bridge.commands.reply import reply
from bridge.commands.spoken_agree import AgreeLimits, candidates, judge
from tools.bench.voice_confidence import TRUSTED, hearing_of, outcome

FOLDER = Path(".cache") / "voice_studio"
COMMANDS = (
    "make a funk bass line", "give me some jazz chords", "generate a house beat", "make the drums calmer",
    "make the melody busier", "vary the chords", "humanize the drums", "transpose up two semitones",
    "set the tempo to one hundred", "set the key to a minor", "undo that", "stop", "play",
    "separate the vocals", "start a jam in g minor", "make a loop of warm strings",
    "quantize the chords", "make the bass sparser", "try another melody", "reverse the drums",
)  # fmt: skip
TUNE_VOICES = (("en-us", 165), ("en-gb-x-rp+f4", 185))
HELD_OUT_VOICES = (("en-us+f2", 150), ("en-gb-scotland+m3", 175))
GENRES = ("funk", "pop", "house", "jazz")
CONDITIONS = ("clean", "room", "song")
GRID = {
    "sphinx_margin": (-4.0, -2.0, -1.0, 0.0, 1.0, 2.0),
    "whisper_margin": (0.0, 0.25, 0.5, 1.0, 1.5, 2.0),
    "whisper_fit": (-99.0, -3.0, -2.0, -1.5, -1.0, -0.5),
}


def _sox(*args: str) -> None:
    subprocess.run(["sox", *args], check=True, capture_output=True)


def _loop(genre: str, out: Path) -> np.ndarray:
    """A chords-and-drums part of ``genre`` rendered by fluidsynth, as 16 kHz float."""
    from tools.eval.generated import render_piece
    from tools.eval.rendered import fluidsynth_or_exit

    entry = render_piece(genre, 0, "Minor", out, fluidsynth_or_exit("voice_studio"), only=("drums", "chords"))
    return read_speech_wav(out / entry["wav"]).astype(np.float32)


def _mix(speech: Any, under: Any, level_db: float, offset: int) -> Any:
    """``speech`` (int16) with ``under`` looped beneath it, its RMS ``level_db`` from the speech's."""
    x = speech.astype(np.float32)
    loop = np.resize(np.roll(under, -offset), len(x))
    gain = np.sqrt(np.mean(x**2) / max(1e-9, float(np.mean(loop**2)))) * 10 ** (level_db / 20)
    return np.clip(x + gain * loop, -32768, 32767).astype(np.int16)


def make(commands: tuple[str, ...]) -> list[dict[str, Any]]:
    """Every utterance of the set (made once, kept in FOLDER): entry with its condition and WAV."""
    from bridge.commands.sphinx_scores import in_grammar
    from tools.eval.voice_set import speak

    unheard = [c for c in commands if not in_grammar(c) or not parse(c).understood]
    if unheard:
        raise ValueError(f"commands {unheard} are not understood sentences of the speech grammar")
    FOLDER.mkdir(parents=True, exist_ok=True)
    noise = FOLDER / "pink.wav"
    if not noise.exists():
        _sox(
            "-R",
            "-n",
            "-r",
            str(SPEECH_RATE_HZ),
            "-c",
            "1",
            "-b",
            "16",
            str(noise),
            "synth",
            "60",
            "pinknoise",
        )
    pink = read_speech_wav(noise).astype(np.float32)
    rng = np.random.default_rng(56)
    out = []
    for v, (voice, speed) in enumerate(TUNE_VOICES + HELD_OUT_VOICES):
        loop = _loop(GENRES[v % len(GENRES)], FOLDER)
        for c, text in enumerate(commands):
            base = FOLDER / f"{c:02d}_{voice}_{speed}"
            dry = base.with_name(base.name + "_clean.wav")
            if not dry.exists():
                speak(text, voice, speed, dry)
            wet = base.with_name(base.name + "_reverb.wav")
            if not wet.exists():
                _sox(str(dry), str(wet), "reverb", "60", "50", "80", "pad", "0", "0.3")
            speech = read_speech_wav(dry)
            level_db, offset = float(rng.uniform(-12.0, -6.0)), int(rng.integers(0, SPEECH_RATE_HZ * 4))
            audio = {
                "clean": speech,
                "room": _mix(read_speech_wav(wet), pink, -15.0, offset),
                "song": _mix(speech, loop, level_db, offset),
            }
            for condition in CONDITIONS:
                wav = base.with_name(f"{base.name}_{condition}.wav")
                if condition != "clean":
                    sf.write(wav, audio[condition], SPEECH_RATE_HZ, subtype="PCM_16")
                entry = {"text": text, "voice": voice, "speed": speed, "condition": condition,
                         "drums": False, "intent": parse(text).as_dict(), "song_db": round(level_db, 1)}  # fmt: skip
                out.append({"entry": entry, "wav": str(dry if condition == "clean" else wav)})
    return out


def decode(cases: list[dict[str, Any]], window_s: float) -> list[dict[str, Any]]:
    from bridge.commands.agreeing import Agreeing
    from bridge.commands.fast_whisper import FastWhisper
    from bridge.commands.sphinx import SphinxRecognizer

    sphinx, whisper = SphinxRecognizer(), FastWhisper(window_s=window_s)
    prompt = Agreeing(sphinx, whisper).prompt()
    rows = []
    for case in cases:
        audio = read_speech_wav(case["wav"])
        start = time.perf_counter()
        words = sphinx.transcribe(audio)
        hearing = sphinx.last_hearing if words and sphinx.last_hearing else Hearing((), 1)
        recheck = sphinx.recheck()
        sphinx_ms = (time.perf_counter() - start) * 1000.0
        start = time.perf_counter()
        heard = whisper.hear(audio, prompt)
        sentences = [written(r.text) for r in hearing.readings] + [written(clean(t.text)) for t in heard]
        sentences = [s for s in sentences if s.strip()]
        table = dict(zip(sentences, whisper.score(sentences), strict=True))
        whisper_ms = (time.perf_counter() - start) * 1000.0
        rows.append({"entry": case["entry"], "transcript": words, "hearing": asdict(hearing), "recheck": recheck,
                     "whisper": [asdict(t) for t in heard], "table": table,
                     "sphinx_ms": sphinx_ms, "whisper_ms": whisper_ms})  # fmt: skip
    return rows


def pair_decision(row: dict[str, Any], limits: AgreeLimits) -> Decision:
    """As the daemon's pair decides, from the kept scores (candidates parsed once per row)."""
    if "_found" not in row:
        table = row["table"]
        heard = [Transcript(**t) for t in row["whisper"]]
        row["_found"] = candidates(hearing_of(row), heard, lambda sentences: [table[s] for s in sentences])
    found, free = row["_found"]
    return judge(found, free, row["hearing"]["frames"], limits)[0]


def sphinx_decision(row: dict[str, Any]) -> Decision:
    from bridge.commands.sphinx import LIMITS

    return decide(hearing_of(row), LIMITS, row.get("recheck"))


def rates(rows: list[dict[str, Any]], decided: Any) -> dict[str, float]:
    n = max(1, len(rows))
    counts = {"understood": 0, "misheard": 0, "asked": 0, "refused": 0}
    for row in rows:
        decision = decided(row)
        counts[outcome(decision, row["entry"])] += 1
        counts["asked"] += reply(decision, TRUSTED).what == "ask"
    return {"n": len(rows), "understood": counts["understood"] / n, "asked": counts["asked"] / n,
            "misheard": counts["misheard"]}  # fmt: skip


def tune(rows: list[dict[str, Any]]) -> AgreeLimits:
    """The grid's limits with no misheard command acted on and the fewest questions, then the most understood."""
    best: tuple[tuple[float, float, float], AgreeLimits] | None = None
    for values in itertools.product(*GRID.values()):
        limits = AgreeLimits(*values)
        r = rates(rows, lambda row, lim=limits: pair_decision(row, lim))
        key = (float(r["misheard"]), r["asked"], -r["understood"])
        if best is None or key < best[0]:
            best = (key, limits)
    assert best is not None
    return best[1]


def _line(name: str, r: dict[str, float]) -> str:
    return f"{name:34} n={int(r['n']):3}  understood {r['understood']:.3f}  asked {r['asked']:.3f}  misheard-acted {int(r['misheard'])}"  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--commands", type=int, default=len(COMMANDS), help="the first N commands only")
    ap.add_argument("--kept", action="store_true", help="re-decide the kept decodes")
    ap.add_argument("--window-s", type=float, default=WINDOW_S, help="Whisper's encoder window")
    args = ap.parse_args()
    kept = FOLDER / f"hearings-{args.window_s:g}s.json"
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores; load {os.getloadavg()[0]:.1f}")
    if args.kept:
        rows = json.loads(kept.read_text())
    else:
        rows = decode(make(COMMANDS[: args.commands]), args.window_s)
        kept.write_text(json.dumps(rows))
    held = {v for v, _ in HELD_OUT_VOICES}
    tuning = [r for r in rows if r["entry"]["voice"] not in held]
    limits = tune(tuning)
    print(f"Whisper window {args.window_s:g} s")
    print(f"limits tuned on {[v for v, _ in TUNE_VOICES]}: {limits}")
    for title, part in (("held-out voices (untuned)", [r for r in rows if r["entry"]["voice"] in held]),
                        ("tuning voices", tuning)):  # fmt: skip
        print(title)
        for condition in ("all", *CONDITIONS):
            sub = [r for r in part if condition in ("all", r["entry"]["condition"])]
            print(
                "  "
                + _line(
                    f"{condition}: whisper + pocketsphinx", rates(sub, lambda r: pair_decision(r, limits))
                )
            )
            print("  " + _line(f"{condition}: pocketsphinx alone", rates(sub, sphinx_decision)))
    for key in ("sphinx_ms", "whisper_ms"):
        ms = sorted(r[key] for r in rows)
        print(
            f"  {key}: median {ms[len(ms) // 2]:.0f} ms, p95 {ms[int(0.95 * (len(ms) - 1))]:.0f} ms (whole utterance)"
        )


if __name__ == "__main__":
    main()
