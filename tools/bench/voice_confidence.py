"""Spoken commands end to end (issue 35): understood, refused and misheard-acted rates.

Each utterance is decoded whole by pocketsphinx with the command grammar (what ``roo listen``
does; push-to-talk keeps the same scores) and its ``Hearing`` turned into a decision
(``bridge.commands.confidence``). Counted per utterance:

- understood: the intended command is acted on, or said back / offered in a question (the
  producer answers "yes", "the first" or "the second");
- refused: nothing is done (not a command, or a question that does not offer the intended one);
- misheard-acted: a different command is acted on without a question.

Side by side, from the same decodes: the rule before issue 35 (act on the best reading; a heavy
job or a replace waits for "yes"; a MusicGen prompt needs its keyword). And the same decisions
as sessions (``session``): each voice's utterances in order through /roo/voice/stop's trust rule
(``bridge.commands.trust``: a new voice has sure commands said back until it has been heard right
``TRUST_AFTER`` times in a row), with the producer answering every question truthfully.

The rates per set and voice are the trusted-voice decision (a voice past its trust count: what
/roo/voice/stop does once trust is earned): understood, refused, misheard-acted, asked (the share
of utterances answered with a question between readings, "did you mean ...?") and read back (a
sure command that still waits for "yes": a key, tempo or scale, a replace, a long job).

Sets: ``voice35`` (default): ``tools.eval.voice_set`` (made first if missing: 166 commands x 4
voices, a third over drums); ``fresh``: its second held-out set (60 commands x 4 other voices); ``fresh2``: a third (60 more
commands in 4 more voices). ``dev``: the tuning set, the speakable phrases of
tests/data/commands.yaml and commands_heldout.yaml in en-us and en-us+f2 (clean).
Usage: ``python -m tools.bench.voice_confidence [--set voice35|fresh|fresh2|dev] [--show] [--sweep | --kept]
[--warps 0.88,1.0,1.16]``; decodes are kept in ``.cache/<set>/hearings.json`` (``--sweep`` and
``--kept`` re-decide from them). The default decodes with the warp search (``warps.WARPS``, which
the recogniser does only when asked); ``--warps 1.0`` is the recogniser's default: one factor, the
second decode over a louder noise floor (kept in ``hearings-1.0.json``).

Studio conditions (the song under the voice, a room's reverb and noise) and pocketsphinx with
Whisper agreeing (issue 56) are measured by ``tools.bench.voice_studio``, beside this one.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bridge.commands import jsgf, parse
from bridge.commands.audio import read_speech_wav
from bridge.commands.confidence import Decision, Hearing, Limits, Reading, decide
from bridge.commands.grammar import build_jsgf
from bridge.commands.reply import reply
from bridge.commands.safety import needs_spoken_yes, spoken
from bridge.commands.sphinx import LIMITS, SphinxRecognizer
from bridge.commands.trust import TRUST_AFTER, Trust
from bridge.commands.warps import WARPS

CACHE = Path(".cache")
DEV_VOICES = ("en-us", "en-us+f2")
TRUSTED = Trust(TRUST_AFTER)  # a voice past its trust count (never written: no path)


def spoken_set(name: str) -> list[tuple[dict[str, Any], Path]]:
    """A set of ``tools.eval.voice_set`` (made first when missing)."""
    from tools.eval.voice_set import make

    folder = CACHE / name
    return [(e, folder / e["wav"]) for e in make(folder, name)]


def dev() -> list[tuple[dict[str, Any], Path]]:
    from tools.bench.commands import SETS, load, speech_text, synthesize

    rules = jsgf.parse_jsgf(build_jsgf())
    folder = CACHE / "voice_dev"
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name in SETS.values():
        for e in load(name):
            said = speech_text(e)
            if e.get("typed") or e["action"] == "unknown" or not jsgf.accepts(rules, "command", said):
                continue
            for voice in DEV_VOICES:
                entry = {"text": said, "voice": voice, "drums": False, "expected": e}
                out.append((entry, synthesize(said, voice, folder, f"{name}_{said}")))
    return out


def right(intent: dict[str, Any], entry: dict[str, Any]) -> bool:
    if "expected" in entry:
        from tools.bench.commands import exact

        return exact(intent, entry["expected"])
    return intent == entry["intent"]


def outcome(decision: Decision, entry: dict[str, Any]) -> str:
    """understood, refused or misheard (acted on a wrong command)."""
    if decision.kind == "act":
        return "understood" if right(decision.intent.as_dict(), entry) else "misheard"
    if any(right(c.as_dict(), entry) for c in decision.choices):
        return "understood"
    return "refused"


def outcome_before(transcript: str, entry: dict[str, Any]) -> str:
    intent = spoken(parse(transcript))
    if not intent.understood:
        return "refused"
    ok = right(intent.as_dict(), entry)
    if needs_spoken_yes(intent):
        return "understood" if ok else "refused"
    return "understood" if ok else "misheard"


def decode(
    cases: list[tuple[dict[str, Any], Path]], cache: Path, warps: tuple[float, ...]
) -> list[dict[str, Any]]:
    recognizer = SphinxRecognizer(warps=warps)
    rows = []
    for entry, wav in cases:
        start = time.perf_counter()
        transcript = recognizer.transcribe(read_speech_wav(wav))
        hearing = recognizer.last_hearing or Hearing.plain(transcript)
        recheck = recognizer.recheck()  # the second opinion (speech._decision), timed with the first
        ms = (time.perf_counter() - start) * 1000.0
        row = {
            "entry": entry,
            "transcript": transcript,
            "ms": ms,
            "hearing": asdict(hearing),
            "recheck": recheck,
            "warps": [asdict(w) for w in recognizer.last_warps],
        }
        rows.append(row)
    cache.write_text(json.dumps(rows))
    return rows


def hearing_of(row: dict[str, Any]) -> Hearing:
    h = dict(row["hearing"])
    h["readings"] = tuple(Reading(**r) for r in h["readings"])
    return Hearing(**h)


def decision_of(row: dict[str, Any], limits: Limits) -> Decision:
    """As ``speech._decision``: the hearing and the second decode's transcript."""
    return decide(hearing_of(row), limits, row.get("recheck"))


def rates(rows: list[dict[str, Any]], limits: Limits) -> dict[str, Any]:
    counts = {"understood": 0, "refused": 0, "misheard": 0, "asked": 0, "read_back": 0, "before_understood": 0,
              "before_refused": 0, "before_misheard": 0}  # fmt: skip
    for row in rows:
        decision = decision_of(row, limits)
        counts[outcome(decision, row["entry"])] += 1
        what = reply(decision, TRUSTED).what  # as /roo/voice/stop answers a voice past its trust count
        counts["asked"] += what == "ask"
        counts["read_back"] += what == "read back"
        counts["before_" + outcome_before(row["transcript"], row["entry"])] += 1
    return counts


def session(rows: list[dict[str, Any]], limits: Limits) -> dict[str, int]:
    """Each voice's utterances in set order as one producer's session through /roo/voice/stop, with
    the voice's trust (``bridge.commands.trust``) starting from nothing: the producer answers every
    question truthfully ("the first" / "the second" when the intended command is offered, else
    "no") and says "undo" at once after a wrong command is done."""
    counts = {"understood": 0, "refused": 0, "misheard": 0, "acted": 0}
    trusts: dict[str, Trust] = {}
    for row in rows:
        entry = row["entry"]
        trust = trusts.setdefault(entry["voice"], Trust())
        decision = trust.gate(decision_of(row, limits))
        result = outcome(decision, entry)
        counts[result] += 1
        if decision.kind == "act":
            counts["acted"] += 1
            if result == "misheard":
                trust.heard_wrong()
        elif decision.kind == "ask" or (decision.kind == "confirm" and not needs_spoken_yes(decision.intent)):
            offered = [right(c.as_dict(), entry) for c in decision.choices]
            trust.heard_right() if offered[:1] == [True] else trust.heard_wrong()
    return counts


def ceiling(rows: list[dict[str, Any]]) -> tuple[int, int]:
    """(best reading right, some reading right): the n-best's first reading, and any reading of the
    n-best or the second decode, leads to the intended command (no decision understands more)."""
    best = some = 0
    for row in rows:
        texts = [r.text for r in hearing_of(row).readings] + [row.get("recheck") or ""]
        oks = [right(spoken(parse(t)).as_dict(), row["entry"]) for t in texts if t]
        best += oks[:1] == [True]
        some += any(oks)
    return best, some


def show(rows: list[dict[str, Any]], limits: Limits) -> None:
    for row in rows:
        decision = decision_of(row, limits)
        result = outcome(decision, row["entry"])
        if result != "understood" or decision.kind == "ask":
            e = row["entry"]
            print(f"  [{result}] {e['voice']}{' drums' if e['drums'] else ''}: said {e['text']!r} heard "
                  f"{row['transcript']!r} -> {decision.kind} {[c.heard for c in decision.choices]} ({decision.why})")  # fmt: skip


def sweep(rows: list[dict[str, Any]]) -> None:
    print("margin fit posterior: understood refused misheard asked")
    for margin, fit, post in itertools.product(
        (0.0, 1.0, 2.0, 2.5, 3.0, 3.5, 4.0, 6.0), (-99, -52, -50, -48, -46, -44), (0.0, 0.5, 0.8)
    ):
        c = rates(rows, Limits(margin, fit, post))
        print(f"{margin:4} {fit:4} {post:4}: {c['understood']} {c['refused']} {c['misheard']} {c['asked']}")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", choices=("voice35", "fresh", "fresh2", "dev"), default="voice35")
    ap.add_argument("--show", action="store_true", help="list every utterance not acted on rightly")
    ap.add_argument("--sweep", action="store_true", help="re-decide the kept decodes over a grid of limits")
    ap.add_argument(
        "--kept", action="store_true", help="re-decide the kept decodes with LIMITS (no decoding)"
    )
    ap.add_argument(
        "--warps", default=",".join(map(str, WARPS)), help="warp factors searched (1.0 alone: the peer)"
    )
    args = ap.parse_args()
    warps = tuple(float(w) for w in args.warps.split(","))
    name = "hearings.json" if warps == WARPS else f"hearings-{args.warps}.json"
    cache = CACHE / ("voice_dev" if args.set == "dev" else args.set) / name
    if args.sweep:
        sweep(json.loads(cache.read_text()))
        return
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores; load {os.getloadavg()[0]:.1f}")
    rows = (
        json.loads(cache.read_text())
        if args.kept
        else decode(dev() if args.set == "dev" else spoken_set(args.set), cache, warps)
    )
    groups: dict[str, list[dict[str, Any]]] = {"all": rows}
    for row in rows:
        e = row["entry"]
        groups.setdefault(f"{e['voice']}{' (drums)' if e['drums'] else ''}", []).append(row)
    print(f"{args.set}: {len(rows)} utterances; warps {warps}; limits {LIMITS}")
    for name, group in groups.items():
        c, n = rates(group, LIMITS), len(group)
        print(f"  {name:24} n={n:4}  understood {c['understood'] / n:.3f}  refused {c['refused'] / n:.3f}  "
              f"misheard-acted {c['misheard']}  asked {c['asked'] / n:.3f} ({c['asked']}; read back {c['read_back']})  |  before: understood "
              f"{c['before_understood'] / n:.3f} refused {c['before_refused'] / n:.3f} misheard-acted {c['before_misheard']}")  # fmt: skip
    c, n = session(rows, LIMITS), len(rows)
    print(f"  as sessions, a new voice earning trust: understood {c['understood'] / n:.3f}  refused "
          f"{c['refused'] / n:.3f}  misheard-acted {c['misheard']}  (done at once {c['acted']})")  # fmt: skip
    best, some = ceiling(rows)
    print(f"  best reading right {best} ({best / n:.3f}); some reading right {some} ({some / n:.3f})")
    ms = sorted(r["ms"] for r in rows)
    print(
        f"  decode + scores per utterance: median {ms[len(ms) // 2]:.0f} ms, p95 {ms[int(0.95 * (len(ms) - 1))]:.0f} ms"
    )
    if args.show:
        show(rows, LIMITS)


if __name__ == "__main__":
    main()
