"""Why the daemon's pair asks in the room and under the song (issue 56, v61a): each question of the
studio bench's kept decodes (``voice_studio``; by default the daemon's prompt's,
``hearings-10s-words.json``) sorted by the limit of ``spoken_agree`` that stopped it.

For each question: the reasons ``judge`` gave (several may hold), whether Whisper's transcripts all read
as no command, and which single limit, loosened alone, would have let a command act (and whether that
command is the one said): ``sphinx_margin``, ``whisper_margin``, ``whisper_fit``, ``lone_fit``,
``whisper_alone`` (Whisper's own command where pocketsphinx proposed none), the sounds (``sounds_within``
1.0, no margin), ``says_a_value`` (a number or a key acted on by its sounds: measured, never adopted)
and ``whisper_sure`` (Whisper's own command whatever its confidence).

Usage: ``python -m tools.bench.voice_asks [--half tuning] [--hearings PATH]``. The held-out half is
not read here unless ``--half held-out`` is given.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from bridge.commands import snapping, spoken_agree
from bridge.commands.agreeing import LIMITS
from bridge.commands.confidence import Decision
from bridge.commands.fast_whisper import Transcript
from bridge.commands.reply import reply
from bridge.commands.spoken_agree import AgreeLimits, heard, heard_as
from bridge.commands.spoken_check import is_check
from tools.bench.voice_confidence import TRUSTED, outcome
from tools.bench.voice_prompt import tuning_voices
from tools.bench.voice_studio import FOLDER
from tools.bench.voice_studio_report import _kind, line
from tools.bench.voice_studio_rules import pair_decision, rates, sphinx_decision

LOOSE = -99.0
LOOSENED: dict[str, AgreeLimits] = {
    "sphinx_margin": replace(LIMITS, sphinx_margin=LOOSE),
    "whisper_margin": replace(LIMITS, whisper_margin=LOOSE),
    "whisper_fit": replace(LIMITS, whisper_fit=LOOSE),
    "lone_fit": replace(LIMITS, lone_fit=LOOSE),
    "whisper_alone": replace(LIMITS, whisper_alone=True),
    "sounds": replace(LIMITS, sounds_within=1.0, sounds_apart=0.0),
    "whisper_sure": replace(LIMITS, whisper_sure=LOOSE),
}


@contextmanager
def values_by_sound() -> Iterator[None]:
    """``says_a_value`` answering no: a number or a key may act by its sounds (measured only)."""
    kept = spoken_agree.says_a_value
    spoken_agree.says_a_value = lambda intent: False  # type: ignore[assignment]
    try:
        yield
    finally:
        spoken_agree.says_a_value = kept


def cached_parse() -> None:
    """The parser's reading of each sentence kept for this run (the readers are pure; the bench decides
    every row many times)."""
    from functools import lru_cache

    from bridge.commands import spoken_check, spoken_offer, spoken_sounds, spoken_sure

    for module in (spoken_agree, spoken_check, spoken_offer, spoken_sounds, spoken_sure):
        module.parse = lru_cache(maxsize=None)(module.parse)  # type: ignore[attr-defined]


def asked(decision: Decision) -> bool:
    return reply(decision, TRUSTED).what == "ask"


def no_command_written(row: dict[str, Any]) -> bool:
    """Whisper wrote no command: none of its transcripts reads as one."""
    said = heard([Transcript(**t) for t in row["whisper"]])
    return not any(heard_as(s).understood for s in said)


def answered(d: Decision, row: dict[str, Any]) -> str:
    """What a decision that does not ask does: "right" (acts on the command said), "wrong" (acts on
    another: misheard acted on), "said back" (a read-back for a yes), "refused"."""
    if is_check(d):
        return "said back"
    if d.kind == "refuse":
        return "refused"
    return "right" if outcome(d, row["entry"]) == "understood" else "wrong"


def causes(row: dict[str, Any], decided: Callable[[dict[str, Any], AgreeLimits], Decision]) -> dict[str, str]:
    """For one question: each single loosening after which it is not asked, and what is done instead."""
    out = {}
    for name, limits in LOOSENED.items():
        d = decided(row, limits)
        if not asked(d):
            out[name] = answered(d, row)
    with values_by_sound():
        d = decided(row, LOOSENED["sounds"])
    if not asked(d) and "sounds" not in out:
        out["says_a_value (sounds 1.0)"] = answered(d, row)
    return out


def report(rows: list[dict[str, Any]], condition: str) -> None:
    sub = [r for r in rows if r["entry"]["condition"] == condition]
    questions = [(r, d) for r in sub if asked(d := pair_decision(r, LIMITS))]
    reasons: Counter[str] = Counter()
    alone: Counter[str] = Counter()
    freed: Counter[tuple[str, str]] = Counter()
    blank = 0
    for row, d in questions:
        kinds = {_kind(w) for w in d.why.split("; ")}
        reasons.update(kinds)
        if len(kinds) == 1:
            alone.update(kinds)
        blank += no_command_written(row)
        freed.update(causes(row, pair_decision).items())
    print(f"{condition}: {len(questions)} asked of {len(sub)}; Whisper wrote no command in {blank} of them")
    for kind, n in reasons.most_common():
        print(f"    {n:3} a reason, {alone[kind]:3} the only one: {kind}")
    for name in (*LOOSENED, "says_a_value (sounds 1.0)"):
        done = ", ".join(
            f"{what} {freed[(name, what)]}" for what in ("right", "wrong", "said back", "refused")
        )
        print(
            f"    loosened alone, {name:26} asks {sum(freed[(name, w)] for w in ('right', 'wrong', 'said back', 'refused')):3} fewer: {done}"
        )


def tried(rows: list[dict[str, Any]], change: str, spelling_base: bool = False) -> None:
    """The pair with one limit changed (``name=v1,v2``) on every condition of ``rows``, beside its own
    and pocketsphinx alone; each misheard act and wrong read-back of a changed limit listed.
    ``spelling_base``: the first line (the daemon's limits) snaps Whisper's words by spelling alone
    (``snapping.BY_SOUND`` False, the rule before v64), the others by sound."""
    name, values = change.split("=")
    conditions = ("all", "clean", "room", "song")
    before: dict[str, Decision] = {}
    for k, value in enumerate((getattr(LIMITS, name), *(_value(v) for v in values.split(",")))):
        if spelling_base:
            snapping.BY_SOUND = k > 0
            for r in rows:  # the candidates proposed again with this snapping
                r.pop("_found", None)
        limits = replace(LIMITS, **{name: value})
        decided = {r["wav"]: pair_decision(r, limits) for r in rows}
        before = before or decided
        for r in rows:  # each decision the change turned from understood or to it
            d, was, e = decided[r["wav"]], before[r["wav"]], r["entry"]
            if d != was and (outcome(d, e) == "understood") != (outcome(was, e) == "understood"):
                gained = "gained" if outcome(d, e) == "understood" else "lost"
                print(f"    {gained}: {e['voice']} {e['condition']} {e['text']!r}: {[c.heard for c in d.choices]}")  # fmt: skip
        for condition in conditions:
            sub = [r for r in rows if condition in ("all", r["entry"]["condition"])]
            base = " (spelling snap)" if spelling_base and k == 0 else ""
            print(
                "  "
                + line(f"{name}={value}{base}, {condition}", rates(sub, lambda r, dd=decided: dd[r["wav"]]))
            )
        for r in rows if k > 0 else ():
            d, e = decided[r["wav"]], r["entry"]
            if not asked(d) and answered(d, r) in ("wrong", "said back") and outcome(d, e) != "understood":
                w = r["whisper"][0]["text"] if r["whisper"] else ""
                print(f"    {answered(d, r)}: {e['voice']} {e['condition']} {e['text']!r} as {d.intent.heard!r}; Whisper {w!r}")  # fmt: skip
    for condition in conditions:
        sub = [r for r in rows if condition in ("all", r["entry"]["condition"])]
        print("  " + line(f"pocketsphinx alone, {condition}", rates(sub, sphinx_decision)))


def _value(text: str) -> float | str:
    """A limit's value as given: a number, else a word (``offer=whisper``)."""
    try:
        return int(text) if text.isdigit() else float(text)
    except ValueError:
        return text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--half", choices=("tuning", "held-out"), default="tuning")
    ap.add_argument("--hearings", type=Path, default=FOLDER / "hearings-10s-words.json")
    ap.add_argument("--conditions", default="room,song", help="the questions of these conditions, by cause")
    ap.add_argument("--try", dest="change", action="append", default=[], help="a limit's values: NAME=V1,V2")
    ap.add_argument("--spelling-base", action="store_true", help="the first line snaps by spelling (v63)")
    args = ap.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores; load {os.getloadavg()[0]:.1f}; {args.hearings}"
    )
    cached_parse()
    tune = tuning_voices()
    rows = [r for r in json.loads(args.hearings.read_text()) if (r["entry"]["voice"] in tune) == (args.half == "tuning")]  # fmt: skip
    for change in args.change:
        tried(rows, change, args.spelling_base)
    for condition in args.conditions.split(",") if not args.change else ():
        report(rows, condition)


if __name__ == "__main__":
    main()
