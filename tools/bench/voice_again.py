"""The second Whisper decode on the studio bench's kept decodes (v82, ``spoken_again``): where the pair asks and
Whisper wrote no command, the row's audio decoded again with the grammar's candidates as the prompt, and
the pair's decision on those transcripts.

For each decision (the daemon's limits, and with ``--stress`` v73's four looser ones: Whisper's gate
``whisper_sure`` -1.0 and -0.6, the learned reading starting commands, part G's sounds at 0.45 with no
margin), the rates without and with the second decode by condition, each row it changed, how often it
ran, and the CPU time of each second decode (``hear_again`` alone, the encoding kept). The prompted
transcripts are kept in ``--again`` (by audio and prompt), so a second run decodes nothing again.

Usage: ``python -m tools.bench.voice_again [--half tuning] [--hearings PATH] [--stress] [--prompt N] [--even]
[--unread on|off] [--set NAME=VALUE]`` (``--even``: v83's check, the prompt also given in reverse order and
both decisions acting on one command; ``--unread``: v84's unread rivals, else as the daemon's limits say;
``--set``: any other limit, ``plain_margin=1``, v85).
The held-out half is not read here unless ``--half held-out`` is given.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import time
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import numpy as np

from bridge.commands.agreeing import LIMITS
from bridge.commands.audio import read_speech_wav
from bridge.commands.confidence import Decision
from bridge.commands.fast_whisper import Transcript
from bridge.commands.spoken_again import again, second_limits
from bridge.commands.spoken_agree import AgreeLimits, heard
from tools.bench.voice_asks import _value, cached_parse
from tools.bench.voice_confidence import outcome
from tools.bench.voice_prompt import tuning_voices
from tools.bench.voice_studio import FOLDER
from tools.bench.voice_studio_report import line
from tools.bench.voice_studio_rules import SCORES, _found, pair_decision, rates, unread_of

STRESS: dict[str, dict[str, Any]] = {
    "gate -1.0": {"whisper_sure": -1.0},
    "gate -0.6": {"whisper_sure": -0.6},
    "learned starts": {"learned_starts": True},
    "sounds 0.45 / 0": {"sounds_within": 0.45, "sounds_apart": 0.0},
}


class Again:
    """The prompted decodes of the rows' audio, kept by (audio, prompt); the CPU ms of each one made."""

    def __init__(self, path: Path) -> None:
        self.path, self.cpu_ms = path, list[float]()
        self.kept: dict[str, list[dict[str, Any]]] = json.loads(path.read_text()) if path.exists() else {}
        self.ran: set[str] = set()

    def rehear(self, row: dict[str, Any]) -> Any:
        def decode(prompt: tuple[str, ...]) -> list[Transcript]:
            key = f"{row['wav']}|{' / '.join(prompt)}"
            self.ran.add(row["wav"])
            if key not in self.kept:
                if SCORES.whisper is None:
                    from bridge.commands.fast_whisper import FastWhisper

                    SCORES.whisper = FastWhisper(window_s=SCORES.window_s)
                whisper = SCORES.whisper
                whisper.listen(read_speech_wav(row["wav"]))
                used = time.process_time()
                self.kept[key] = [asdict(t) for t in whisper.hear_again(prompt)]
                self.cpu_ms.append((time.process_time() - used) * 1000.0)
                self.path.write_text(json.dumps(self.kept, indent=1))
            return [Transcript(**t) for t in self.kept[key]]

        return decode


def with_again(row: dict[str, Any], limits: AgreeLimits, kept: Again) -> Decision:
    """The pair's decision on the row, then ``spoken_again.again`` with the row's audio decoded again."""
    first = pair_decision(row, limits)
    skip = unread_of(row, limits)
    found, _ = _found(row, not limits.learned_starts, skip)
    said = [s for s in heard([Transcript(**t) for t in row["whisper"]]) if s not in skip]

    def redecide(prompted: list[Transcript]) -> tuple[Decision, str]:
        other = {k: v for k, v in row.items() if not k.startswith("_found")}
        other["whisper"] = [asdict(t) for t in prompted]
        d = pair_decision(other, second_limits(limits))
        return d, d.intent.heard

    logprob = row["whisper"][0]["score"] if row["whisper"] else -math.inf
    return again((first, first.intent.heard), found, said, limits, kept.rehear(row), redecide, None, logprob)[
        0
    ]


def compare(rows: list[dict[str, Any]], name: str, limits: AgreeLimits, kept: Again) -> None:
    """The rates by condition without and with the second decode; each row it changed."""
    kept.ran.clear()
    before = {r["wav"]: pair_decision(r, replace(limits, again_prompt=0)) for r in rows}
    after = {r["wav"]: with_again(r, limits, kept) for r in rows}
    for r in rows:
        d, was, e = after[r["wav"]], before[r["wav"]], r["entry"]
        if d != was:
            print(f"    {outcome(was, e)} -> {outcome(d, e)} ({d.kind}): {e['voice']} {e['condition']} "
                  f"{e['text']!r} as {d.intent.heard!r}")  # fmt: skip
    for condition in ("all", "clean", "room", "song"):
        sub = [r for r in rows if condition in ("all", r["entry"]["condition"])]
        print("  " + line(f"{name}, {condition}, off", rates(sub, lambda r: before[r["wav"]])))
        print("  " + line(f"{name}, {condition}, again", rates(sub, lambda r: after[r["wav"]])))
    print(f"  {name}: the second decode ran on {len(kept.ran)} of {len(rows)} rows")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--half", choices=("tuning", "held-out"), default="tuning")
    ap.add_argument("--hearings", type=Path, default=FOLDER / "hearings-10s-words.json")
    ap.add_argument("--again", type=Path, default=None, help="the prompted decodes kept (default beside it)")
    ap.add_argument("--prompt", type=int, default=LIMITS.again_prompt or 4, help="commands in the prompt")
    ap.add_argument("--stress", action="store_true", help="also v73's four looser decisions")
    ap.add_argument("--even", action="store_true", help="also told in reverse order, both agreeing (v83)")
    ap.add_argument("--unread", choices=("on", "off"), help="unread rivals (``spoken_unread``, v84)")
    ap.add_argument(
        "--set", action="append", default=[], help="another limit: NAME=VALUE (v85: plain_margin=1)"
    )
    args = ap.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores; load {os.getloadavg()[0]:.1f}; {args.hearings}"
    )
    cached_parse()
    tune = tuning_voices()
    rows = [r for r in json.loads(args.hearings.read_text()) if (r["entry"]["voice"] in tune) == (args.half == "tuning")]  # fmt: skip
    kept = Again(args.again or args.hearings.with_name(f"again-{args.half}.json"))
    limits = replace(LIMITS, again_prompt=args.prompt, again_even=args.even or LIMITS.again_even)
    if args.unread:
        limits = replace(limits, unread_rivals=args.unread == "on")
    for change in args.set:
        name, value = change.split("=")
        setting: dict[str, Any] = {name: _value(value)}
        limits = replace(limits, **setting)
    compare(rows, "daemon", limits, kept)
    for name, change in STRESS.items() if args.stress else ():
        compare(rows, name, replace(limits, **change), kept)
    if kept.cpu_ms:
        print(f"  second decodes made: {len(kept.cpu_ms)}, CPU ms p50 {np.percentile(kept.cpu_ms, 50):.0f}, "
              f"p99 {np.percentile(kept.cpu_ms, 99):.0f}; load {os.getloadavg()[0]:.1f}")  # fmt: skip


if __name__ == "__main__":
    main()
