"""Push-to-talk latency from the end of speech to the answer (issue 56): pocketsphinx alone and
Whisper tiny.en with pocketsphinx agreeing, on the same utterances in the same run.

Each utterance (espeak-ng, ``COMMANDS`` x ``VOICES``, clean) goes through the daemon's own path:
``speech.open_stream`` fed in the recorder's blocks (pocketsphinx decodes while the button is held),
then ``speech.hear_stream`` on release, whose ``decode_ms`` is what /roo/voice/stop reports ("N ms
after release"): from the release to the decision ready to dispatch. Each recogniser is loaded
once and pressed once first (a first press is decoded whole, as in the daemon); the two alternate
utterance by utterance, so the machine's load falls on both alike.

Usage: ``python -m tools.bench.voice_latency [--rounds N] [--main-rule]`` (prints p50 and p99 per
recogniser and the load average before and after; ``--main-rule`` adds the pair proposing only
Whisper's transcripts as written, the rule before issue 56's second round; ``--before-sounds`` the
pair before issue 56 part G's reading of Whisper's words by their sounds (and before part H);
``--before-sure`` the pair before part H's gate on Whisper's own confidence; ``--hand-picked`` the pair
with Whisper's prompt before v60a, ``whisper_prompt.HAND_PICKED``, beside today's grammar words;
``--also NAME=VALUE[,NAME=VALUE]``: the pair with limits changed beside today's (v80: ``scored_margin=-1``;
v83: ``again_prompt=2,again_even=true``);
``--prompt-cost``: Whisper's ``hear`` alone on the same utterances with each prompt, alternating, its
wall and CPU time, less moved by other processes' load than a whole press).
"""

from __future__ import annotations

import argparse
import os
import platform
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from bridge.commands.audio import read_speech_wav
from bridge.commands.fast_whisper import WINDOW_S
from bridge.commands.speech import hear_stream, open_stream

FOLDER = Path(".cache") / "voice_latency"
BLOCK = 1024  # samples at 16 kHz per block fed, about what the recorder delivers
COMMANDS = ("make the drums busier", "undo that", "set the key to a minor", "give me some jazz chords",
            "stop", "transpose up two semitones", "vary the bass", "start a jam in g minor")  # fmt: skip
VOICES = (("en-us", 165), ("en-gb-x-rp+f4", 185))


def press(recognizer: Any, backend: str, audio: Any) -> tuple[float, float]:
    """One push-to-talk press of ``audio``: (ms from release to the decision, CPU ms of this
    process meanwhile, all threads)."""
    import time

    stream = open_stream(recognizer)
    for at in range(0, len(audio), BLOCK):
        stream.feed(audio[at : at + BLOCK])
    cpu = time.process_time()
    heard = hear_stream(stream, time.perf_counter(), backend, recognizer)
    return heard.decode_ms, (time.process_time() - cpu) * 1000.0


def told(pair: Any, words: str) -> Any:
    """``pair`` with ``words`` as Whisper's prompt in place of ``agreeing.VOCABULARY`` (the song's track
    names still first)."""
    pair.prompt = lambda: (*pair.song_words, words)
    return pair


def prompt_cost(audios: list[Any], rounds: int, window_s: float) -> None:
    """Whisper's ``hear`` alone with each prompt (today's grammar words, the hand-picked words before
    v60a, none), the prompts alternating utterance by utterance: p50 / p99 wall and CPU ms."""
    import time

    from bridge.commands.agreeing import VOCABULARY
    from bridge.commands.fast_whisper import FastWhisper
    from bridge.commands.whisper_prompt import HAND_PICKED

    whisper = FastWhisper(window_s=window_s)
    prompts = {"grammar words": (VOCABULARY,), "hand-picked": (HAND_PICKED,), "no prompt": ()}
    whisper.hear(audios[0], prompts["grammar words"])
    wall: dict[str, list[float]] = {name: [] for name in prompts}
    cpu: dict[str, list[float]] = {name: [] for name in prompts}
    for _ in range(rounds):
        for audio in audios:
            for name, words in prompts.items():
                start, used = time.perf_counter(), time.process_time()
                whisper.hear(audio, words)
                cpu[name].append((time.process_time() - used) * 1000.0)
                wall[name].append((time.perf_counter() - start) * 1000.0)
    for name, words in prompts.items():
        tokens = len(whisper._tok.encode(" " + ", ".join(words))) if words else 0
        print(f"  Whisper's hear, {name} ({tokens} tokens): wall p50 {np.percentile(wall[name], 50):.0f} ms, "
              f"p99 {np.percentile(wall[name], 99):.0f} ms; CPU p50 {np.percentile(cpu[name], 50):.0f} ms, "
              f"p99 {np.percentile(cpu[name], 99):.0f} ms")  # fmt: skip


def _limit(name: str, value: str) -> tuple[str, Any]:
    """One ``--also`` limit: an int, a float, or true / false."""
    if value.lower() in ("true", "false"):
        return name, value.lower() == "true"
    return name, int(value) if value.lstrip("-").isdigit() else float(value)


def main() -> None:
    from bridge.commands.agreeing import Agreeing
    from bridge.commands.fast_whisper import FastWhisper
    from bridge.commands.sphinx import SphinxRecognizer
    from tools.bench.voice_studio_rules import MAIN_LIMITS
    from tools.eval.voice_set import speak

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=1, help="times through every utterance")
    ap.add_argument("--window-s", type=float, default=WINDOW_S, help="Whisper's encoder window")
    ap.add_argument(
        "--main-rule",
        action="store_true",
        help="also the pair proposing as before issue 56's second round (Whisper's transcripts only)",
    )
    ap.add_argument(
        "--before-sounds",
        action="store_true",
        help="also the pair without reading Whisper's words by their sounds (before issue 56 part G)",
    )
    ap.add_argument(
        "--before-sure",
        action="store_true",
        help="also the pair without Whisper's own confidence as a gate (before issue 56 part H)",
    )
    ap.add_argument(
        "--hand-picked",
        action="store_true",
        help="also the pair with Whisper's prompt before v60a (whisper_prompt.HAND_PICKED, 75 tokens)",
    )
    ap.add_argument("--prompt-cost", action="store_true", help="Whisper's hear alone with each prompt")
    ap.add_argument("--also", action="append", default=[], help="also the pair with one limit: NAME=VALUE")
    args = ap.parse_args()
    FOLDER.mkdir(parents=True, exist_ok=True)
    audios = []
    for c, text in enumerate(COMMANDS):
        for voice, speed in VOICES:
            wav = FOLDER / f"{c:02d}_{voice}_{speed}.wav"
            if not wav.exists():
                speak(text, voice, speed, wav)
            audios.append(read_speech_wav(wav))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores; load before {os.getloadavg()[0]:.1f}; "
          f"Whisper window {args.window_s:g} s")  # fmt: skip
    if args.prompt_cost:
        prompt_cost(audios, args.rounds, args.window_s)
        print(f"load after {os.getloadavg()[0]:.1f}; {len(audios) * args.rounds} utterances each")
        return
    pair = Agreeing(SphinxRecognizer(), FastWhisper(window_s=args.window_s))
    recognizers = {
        "pocketsphinx alone": SphinxRecognizer(),
        f"whisper {pair.whisper.name} + pocketsphinx": pair,
    }
    if args.main_rule:
        before = Agreeing(SphinxRecognizer(), pair.whisper, MAIN_LIMITS, proposing=(0, False))
        recognizers["the pair, main's rule"] = before
    if args.before_sounds:
        unsounded = replace(pair.limits, sounds_within=-1.0, whisper_sure=1.0)
        recognizers["the pair before part G"] = Agreeing(SphinxRecognizer(), pair.whisper, unsounded)
    if args.before_sure:
        unsure = replace(pair.limits, whisper_sure=1.0)
        recognizers["the pair before part H"] = Agreeing(SphinxRecognizer(), pair.whisper, unsure)
    if args.hand_picked:
        from bridge.commands.whisper_prompt import HAND_PICKED

        recognizers["the pair, hand-picked prompt"] = told(
            Agreeing(SphinxRecognizer(), pair.whisper), HAND_PICKED
        )
    for change in args.also:  # "scored_margin=-1"; "again_prompt=2,again_even=true" (v83: several, one pair)
        limit: dict[str, Any] = dict(_limit(*part.split("=")) for part in change.split(","))
        changed = replace(pair.limits, **limit)
        recognizers[f"the pair, {change}"] = Agreeing(SphinxRecognizer(), pair.whisper, changed)
    times: dict[str, list[float]] = {name: [] for name in recognizers}
    cpu: dict[str, list[float]] = {name: [] for name in recognizers}
    for name, rec in recognizers.items():
        press(rec, name, audios[0])  # the first press is decoded whole and teaches the stream
    for _ in range(args.rounds):
        for audio in audios:
            for name, rec in recognizers.items():
                wall_ms, cpu_ms = press(rec, name, audio)
                times[name].append(wall_ms)
                cpu[name].append(cpu_ms)
    print(f"load after {os.getloadavg()[0]:.1f}; {len(audios) * args.rounds} presses each")
    for name, ms in times.items():
        p50, p99 = np.percentile(ms, 50), np.percentile(ms, 99)
        print(f"  {name:40} release to decision: p50 {p50:.0f} ms, p99 {p99:.0f} ms, max {max(ms):.0f} ms; "
              f"CPU time p50 {np.percentile(cpu[name], 50):.0f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
