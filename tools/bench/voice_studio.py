"""Spoken commands in studio conditions (issue 56): pocketsphinx alone beside pocketsphinx and Whisper
agreeing (``bridge.commands.spoken_agree``), on the same utterances in the same run.

``COMMANDS`` (written for this set, each a sentence of the speech grammar, none of an earlier set)
are spoken by the voices of ``--voices``' families (``voice_tts``: espeak-ng's formant voices, the
default; Flite's and Festival's natural-sounding ones), and each utterance is heard in three conditions:

- clean: as spoken;
- room: sox's reverb (reverberance 60 %, room scale 80 %) and pink noise 15 dB below the speech;
- song: a rendered loop under the voice (fluidsynth through FluidR3_GM: chords and drums generated
  by ``engines.generators`` in ``GENRES``, one per voice), its RMS 6 to 12 dB below the speech
  (drawn per utterance from a fixed seed).

The pair's limits (``AgreeLimits``) are tuned by cross-validation: on ``TUNE_VOICES`` x the first
``TUNE_COMMANDS`` commands the grid's setting with no misheard command acted on and the fewest
questions (then the most understood) is chosen, and the other voices and commands are reported with
it, the held-out voices x the commands not tuned on first. Beside it, main's rule before issue 56's
second round (``voice_studio_rules.main_decision``) with its limits and retuned the same way, and
pocketsphinx alone, which keeps its own limits
(``sphinx.LIMITS``, tuned on the development phrases) and its recheck, as ``speech._decision`` does.
Outcomes are ``voice_confidence.outcome``'s for a voice past its trust count: understood (acted on
rightly, or the intended command offered), misheard-acted, and asked (a question between readings).

``--current``: no tuning; the pair with the daemon's own limits (``agreeing.LIMITS``) beside pocketsphinx
alone and Whisper's best transcript alone read by the parser, per half, voice family and condition,
with how often some candidate the pair weighs was right (``--retune``: the pair's limits tuned first).

Usage: ``python -m tools.bench.voice_studio [--commands N] [--voices espeak,flite,festival] [--kept]
[--tuning-only] [--current]``; decodes are kept in ``.cache/voice_studio/hearings-<window>s.json`` (an
utterance kept there is not decoded again; ``--kept`` decodes nothing; ``--window-s``: Whisper's encoder
window, ``fast_whisper.WINDOW_S`` by default; ``--hearings PATH``: another file of kept decodes, e.g.
``hearings-10s-words.json``, the daemon's prompt's, made by ``voice_prompt``).
"""

from __future__ import annotations

import argparse
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
from bridge.commands.confidence import Hearing
from bridge.commands.fast_whisper import WINDOW_S, written
from bridge.commands.spoken_agree import AgreeLimits, proposals
from tools.bench.voice_studio_report import asked_why, current, line
from tools.bench.voice_studio_rules import (
    MAIN_LIMITS,
    SCORES,
    main_decision,
    pair_decision,
    rates,
    sphinx_decision,
    tune,
)
from tools.bench.voice_tts import FAMILIES, Voice, speak, voices

FOLDER = Path(".cache") / "voice_studio"
COMMANDS = (
    "make a funk bass line", "give me some jazz chords", "generate a house beat", "make the drums calmer",
    "make the melody busier", "vary the chords", "humanize the drums", "transpose up two semitones",
    "set the tempo to one hundred", "set the key to a minor", "undo that", "stop", "play",
    "separate the vocals", "start a jam in g minor", "make a loop of warm strings",
    "quantize the chords", "make the bass sparser", "try another melody", "reverse the bass",
    "mute the bass", "double the tempo", "make the chords simpler", "cancel that",
)  # fmt: skip
TUNE_VOICES = tuple((v.label, v.speed) for v in FAMILIES["espeak"][0])  # espeak-ng's (voice_moonshine)
HELD_OUT_VOICES = tuple((v.label, v.speed) for v in FAMILIES["espeak"][1])
GENRES = ("funk", "pop", "house", "jazz")
CONDITIONS = ("clean", "room", "song")
TUNE_COMMANDS = (
    12  # the limits are tuned on the first 12 commands (main tuned on the same), spoken by TUNE_VOICES
)


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


def make(
    commands: tuple[str, ...], spoken_by: tuple[Voice, ...], folder: Path = FOLDER
) -> list[dict[str, Any]]:
    """Every utterance of the set by the voices ``spoken_by`` (made once, kept in ``folder``): entry with
    its condition and WAV. The song's genre and level follow the voice's place (espeak-ng's first)."""
    from bridge.commands.parser import parse as rules
    from bridge.commands.sphinx_scores import in_grammar

    unheard = [c for c in commands if not in_grammar(c) or not rules(c).understood]
    if unheard:
        raise ValueError(f"commands {unheard} are not understood sentences of the speech grammar")
    intended = {c: (parse(c) if parse(c).understood else rules(c)).as_dict() for c in commands}
    if stray := [c for c in commands if not parse(c).understood]:  # the head's regression, not the set's
        print(f"commands the whole reading asks about (their intent: the rules' reading): {stray}")
    folder.mkdir(parents=True, exist_ok=True)
    noise = folder / "pink.wav"
    if not noise.exists():
        _sox(
            *f"-R -n -r {SPEECH_RATE_HZ} -c 1 -b 16 {noise} synth 60 pinknoise".split()
        )  # a path without spaces
    pink = read_speech_wav(noise).astype(np.float32)
    rng = np.random.default_rng(56)
    out = []
    for v, talker in enumerate(spoken_by):
        voice, speed = talker.label, talker.speed
        loop = _loop(GENRES[v % len(GENRES)], folder)
        for c, text in enumerate(commands):
            base = folder / f"{c:02d}_{voice}_{speed}"
            dry = base.with_name(base.name + "_clean.wav")
            if not dry.exists():
                speak(text, talker, dry)
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
                         "drums": False, "intent": intended[text], "song_db": round(level_db, 1)}  # fmt: skip
                out.append({"entry": entry, "wav": str(dry if condition == "clean" else wav)})
    return out


def decode(cases: list[dict[str, Any]], window_s: float, kept: Path) -> list[dict[str, Any]]:
    """Every case's decode: those kept in ``kept`` (by WAV) as they are, the others decoded now and
    added to it as they come (every 24)."""
    from bridge.commands.agreeing import Agreeing
    from bridge.commands.fast_whisper import FastWhisper
    from bridge.commands.sphinx import SphinxRecognizer

    every = json.loads(kept.read_text()) if kept.exists() else []
    done = {_wav(r): r for r in every}
    todo = [c for c in cases if c["wav"] not in done]
    if not todo:
        return [done[c["wav"]] for c in cases]
    sphinx, whisper = SphinxRecognizer(), FastWhisper(window_s=window_s)
    prompt = Agreeing(sphinx, whisper).prompt()
    for n, case in enumerate(todo):
        audio = read_speech_wav(case["wav"])
        start = time.perf_counter()
        words = sphinx.transcribe(audio)
        hearing = sphinx.last_hearing if words and sphinx.last_hearing else Hearing((), 1)
        recheck = sphinx.recheck()
        sphinx_ms = (time.perf_counter() - start) * 1000.0
        start = time.perf_counter()
        heard = whisper.hear(audio, prompt)
        sentences = [written(said.text) for said, _ in proposals(hearing, heard)]
        table = dict(zip(sentences, whisper.score(sentences), strict=True))
        whisper_ms = (time.perf_counter() - start) * 1000.0
        done[case["wav"]] = {"entry": case["entry"], "wav": case["wav"], "transcript": words, "hearing": asdict(hearing),
                             "recheck": recheck, "whisper": [asdict(t) for t in heard], "table": table,
                             "sphinx_ms": sphinx_ms, "whisper_ms": whisper_ms}  # fmt: skip
        if n % 24 == 23 or n == len(todo) - 1:
            kept.write_text(json.dumps(list(done.values())))
    return [done[c["wav"]] for c in cases]


def _wav(row: dict[str, Any]) -> str:
    """The row's WAV (decodes kept before the path was: from the command, voice and condition)."""
    if "wav" in row:
        return str(row["wav"])
    e = row["entry"]
    name = "clean" if e["condition"] == "clean" else e["condition"]
    return str(FOLDER / f"{COMMANDS.index(e['text']):02d}_{e['voice']}_{e['speed']}_{name}.wav")


def _report(title: str, rows: list[dict[str, Any]], limits: AgreeLimits, main_limits: AgreeLimits) -> None:
    print(title)
    for condition in ("all", *CONDITIONS):
        sub = [r for r in rows if condition in ("all", r["entry"]["condition"])]
        print("  " + line(f"{condition}: pair", rates(sub, lambda r: pair_decision(r, limits))))
        print("  " + line(f"{condition}: main's rule, its limits", rates(sub, main_decision)))
        print(
            "  "
            + line(f"{condition}: main's rule, retuned", rates(sub, lambda r: main_decision(r, main_limits)))
        )
        print("  " + line(f"{condition}: pocketsphinx alone", rates(sub, sphinx_decision)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--commands", type=int, default=len(COMMANDS), help="the first N commands only")
    ap.add_argument("--kept", action="store_true", help="re-decide the kept decodes")
    ap.add_argument("--window-s", type=float, default=WINDOW_S, help="Whisper's encoder window")
    ap.add_argument("--tuning-only", action="store_true", help="tune and report the tuning rows only")
    ap.add_argument(
        "--voices", default="espeak", help="voice families, comma-separated: " + ",".join(FAMILIES)
    )
    ap.add_argument("--current", action="store_true", help="the daemon's limits, no tuning (see above)")
    ap.add_argument("--decode", choices=("all", "tuning"), default="all", help="the voices decoded now")
    ap.add_argument("--why", action="store_true", help="with --current: why the pair asked (tuning voices)")
    ap.add_argument("--retune", action="store_true", help="with --current: the pair's limits tuned as below")
    ap.add_argument(
        "--retune-half", action="store_true", help="with --current: tuned on the whole tuning half"
    )
    ap.add_argument("--hearings", type=Path, help="the kept decodes to read (default: by the window)")
    args = ap.parse_args()
    SCORES.window_s = args.window_s
    kept = args.hearings or FOLDER / f"hearings-{args.window_s:g}s.json"
    tune_voices, held_voices = voices(args.voices.split(","))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores; load {os.getloadavg()[0]:.1f}")
    if not args.kept:
        speakers = tune_voices + (held_voices if args.decode == "all" else ())
        decode(make(COMMANDS[: args.commands], speakers), args.window_s, kept)
    every = json.loads(kept.read_text())
    for r in every:
        r.setdefault("wav", _wav(r))  # decodes kept before the path was
    spoken_by = {v.label for v in tune_voices + held_voices}
    rows = [
        r
        for r in every
        if r["entry"]["text"] in COMMANDS[: args.commands] and r["entry"]["voice"] in spoken_by
    ]
    held = {v.label for v in held_voices}
    tuned = set(COMMANDS[:TUNE_COMMANDS])

    def part(voices_held: bool, commands_tuned: bool) -> list[dict[str, Any]]:
        return [r for r in rows if (r["entry"]["voice"] in held) == voices_held and (r["entry"]["text"] in tuned) == commands_tuned]  # fmt: skip

    if args.why:
        asked_why(part(False, False) + part(False, True), CONDITIONS)
        return
    if args.current:
        limits = tune(part(False, True)) if args.retune else None
        limits = tune(part(False, False) + part(False, True)) if args.retune_half else limits
        if limits is not None:
            commands = "all commands" if args.retune_half else f"the first {TUNE_COMMANDS} commands"
            print(f"limits tuned on {[v.label for v in tune_voices]} x {commands}: {limits}")
        held_rows, tune_rows = part(True, False) + part(True, True), part(False, False) + part(False, True)
        current(held_rows, tune_rows, held_voices, CONDITIONS, limits)
        _keep_rescored(kept, every)
        return
    limits, main_limits = tune(part(False, True)), tune(part(False, True), main_decision)
    print(f"Whisper window {args.window_s:g} s")
    print(f"limits tuned on {[v.label for v in tune_voices]} x the first {TUNE_COMMANDS} commands: {limits}")
    print(
        f"main's rule (Whisper's transcripts as written only): its limits {MAIN_LIMITS}, retuned {main_limits}"
    )
    sections = [("tuning voices x tuning commands (tuned on)", part(False, True))]
    if not args.tuning_only:
        sections = [
            ("held-out voices x new commands (nothing tuned on)", part(True, False)),
            ("held-out voices x tuning commands", part(True, True)),
            ("held-out voices, all commands", part(True, False) + part(True, True)),
            ("tuning voices x new commands", part(False, False)),
            *sections,
        ]
    for title, sub in sections:
        if sub:
            _report(title, sub, limits, main_limits)
    for key in ("sphinx_ms", "whisper_ms"):
        ms = sorted(r[key] for r in rows)
        print(
            f"  {key}: median {ms[len(ms) // 2]:.0f} ms, p95 {ms[int(0.95 * (len(ms) - 1))]:.0f} ms (whole utterance)"
        )
    _keep_rescored(kept, every)


def _keep_rescored(kept: Path, every: list[dict[str, Any]]) -> None:
    if SCORES.rescored:
        print(f"  {SCORES.rescored} utterances scored again for candidates proposed since their decode")
        kept.write_text(json.dumps([{k: v for k, v in r.items() if not k.startswith("_")} for r in every]))


if __name__ == "__main__":
    main()
