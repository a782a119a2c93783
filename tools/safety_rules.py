"""Break each safety rule on purpose, in a scratch copy, and check that its tests fail.

A safety rule is a line that keeps the product from doing something a producer did not ask for
(setting Live's key on a weak reading, taking ``true`` for track 1, acting on a voice not yet
trusted). Mutation testing (tools/mutation.py) samples every line of an area; this checks the
few rules that matter most, each with the one change that removes it, so a run takes minutes.

    python tools/safety_rules.py                 # every rule
    python tools/safety_rules.py open_cap trust  # some of them
    python tools/safety_rules.py --list

The scratch copy is the tracked files at HEAD plus the working tree's changes (``/tmp/roo-safety``),
so a rule's tests are run as they are now. Exit status 1 when a broken rule leaves its tests
passing (it survived: the suite would not notice it gone).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Rule:
    name: str
    what: str  # the rule, as a producer would meet it
    path: str
    kept: str  # the text that holds the rule (must occur once)
    broken: str  # the same text with the rule taken out
    tests: tuple[str, ...]


RULES = (
    Rule(
        "whole_bool",
        "a positional whole number (/roo/separate's track) refuses true and false",
        "bridge/actions/options.py",
        '    if not isinstance(value, int) or isinstance(value, bool):\n        raise InvalidValue(f"{what} {name}',
        '    if not isinstance(value, int):\n        raise InvalidValue(f"{what} {name}',
        ("tests/bridge/actions/test_options.py",),
    ),
    Rule(
        "open_cap",
        "a MIDI line whose mode is open (no third) never reaches apply's key level",
        "engines/symbolic/keys.py",
        "OPEN_CAP = 0.45",
        "OPEN_CAP = 0.95",
        ("tests/engines/test_midi_key.py", "tests/bridge/actions/analyze/test_analyze_midi_held.py"),
    ),
    Rule(
        "key_apply_level",
        "analyze apply 1 sets Live's key only at confidence 0.6 or more",
        "bridge/actions/analyze/apply.py",
        "KEY_CONFIDENCE_MIN = 0.6",
        "KEY_CONFIDENCE_MIN = 0.3",
        (
            "tests/bridge/actions/analyze/test_analyze_apply.py",
            "tests/bridge/actions/analyze/test_analyze_midi_held.py",
        ),
    ),
    Rule(
        "tempo_level_kept",
        "analyze apply 1 keeps Live's tempo level (a detected 2:1, 1:2, 3:2 or 2:3 of it)",
        "bridge/actions/analyze/apply.py",
        "TEMPO_LEVEL_TOLERANCE = 0.02",
        "TEMPO_LEVEL_TOLERANCE = -1.0",
        ("tests/bridge/actions/analyze/test_analyze_apply.py",),
    ),
    Rule(
        "odd_meter_share",
        "5 or 7 beats a bar only when clearly likelier than 3 and 4 (share 0.9)",
        "engines/analysis/levels.py",
        "ODD_METERS, ODD_METER_SHARE = (5, 7), 0.9",
        "ODD_METERS, ODD_METER_SHARE = (5, 7), 0.0",
        ("tests/engines/analysis/test_levels.py",),
    ),
    Rule(
        "odd_meter_held",
        "an odd meter (5/4, 7/8) is always held, never written to Live without force",
        "engines/analysis/madmom_backend.py",
        "            if meter in levels.ODD_METERS and tempo:\n",
        "            if False:\n",
        (
            "tests/engines/analysis/test_levels.py",
            "tests/bridge/actions/analyze/test_analyze_meter_held.py",
            "tests/engines/analysis/test_meter_counted.py",
        ),
    ),
    Rule(
        "meter_switch",
        "the meter model replaces the rules' bar only at its shipped switch confidence",
        "engines/analysis/meter_model/reading.py",
        "    if reading.confidence < threshold:\n        return None",
        "    if reading.confidence < 0.0:\n        return None",
        ("tests/engines/analysis/test_meter_model.py",),
    ),
    Rule(
        "voice_trust",
        "sure spoken commands are said back until the voice was heard right 8 times in a row",
        "bridge/commands/trust.py",
        "TRUST_AFTER = 8",
        "TRUST_AFTER = 1",
        ("tests/bridge/commands/test_trust.py", "tests/bridge/commands/test_confidence.py"),
    ),
    Rule(
        "replace_confirmed",
        "a spoken command that replaces a clip is said back and done only on yes",
        "bridge/commands/confidence.py",
        "        or intent.needs_confirmation\n",
        "",
        ("tests/bridge/commands/test_confidence.py",),
    ),
    Rule(
        "looped_refused",
        "a change over a section of a looped arrangement clip is refused, nothing written",
        "bridge/actions/sections/span.py",
        "    if not info.looping or loop <= 0.0 or end - start <= once + 1e-6:\n        return",
        "    if True:\n        return",
        ("tests/bridge/actions/sections/test_section_looped.py",),
    ),
)


def scratch_copy(work: Path) -> None:
    """The tracked files as they are in the working tree (uncommitted changes included)."""
    if work.exists():
        shutil.rmtree(work)
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, check=True, capture_output=True).stdout.split(
        b"\0"
    )
    for name in filter(None, files):
        source = ROOT / os.fsdecode(name)
        if source.is_file():
            target = work / os.fsdecode(name)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def check(rule: Rule, work: Path, timeout_s: float) -> tuple[str, str]:
    """Break ``rule`` in ``work``, run its tests, put it back: ("killed" | "SURVIVED" | a problem, detail)."""
    path = work / rule.path
    text = path.read_text()
    if text.count(rule.kept) != 1:
        return (
            "not found",
            f"{rule.path}: the rule's text occurs {text.count(rule.kept)} times (expected once)",
        )
    path.write_text(text.replace(rule.kept, rule.broken))
    try:
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-x",
                "-p",
                "no:randomly",
                "-p",
                "no:cacheprovider",
                *rule.tests,
            ],
            cwd=work,
            capture_output=True,
            text=True,
            timeout=timeout_s,
            env={**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(work)},
        )
    except subprocess.TimeoutExpired:
        return "timeout", f"its tests ran past {timeout_s:g} s"
    finally:
        path.write_text(text)
    last = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr.strip()[-200:]
    failed = [line.split(" ", 1)[1] for line in run.stdout.splitlines() if line.startswith("FAILED ")]
    if run.returncode == 1:
        return "killed", f"{last}; first failure: {failed[0] if failed else '?'}"
    if run.returncode == 0:
        return "SURVIVED", last
    return f"error (pytest exit {run.returncode})", last


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rules", nargs="*", help="rule names (default: all); --list names them")
    parser.add_argument("--list", action="store_true", help="list the rules and exit")
    parser.add_argument("--work", default="/tmp/roo-safety", help="the scratch copy (replaced)")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds for one rule's tests")
    args = parser.parse_args(argv)
    by_name = {r.name: r for r in RULES}
    if args.list:
        for r in RULES:
            print(f"{r.name:18} {r.path}: {r.what}")
        return 0
    unknown = [n for n in args.rules if n not in by_name]
    if unknown:
        parser.error(f"unknown rule(s) {', '.join(unknown)}: expected some of {', '.join(by_name)}")
    work = Path(args.work)
    scratch_copy(work)
    survived = 0
    for rule in [by_name[n] for n in args.rules] or list(RULES):
        outcome, detail = check(rule, work, args.timeout)
        survived += outcome != "killed"
        print(f"{rule.name:18} {outcome:9} {rule.path} ({', '.join(rule.tests)}): {detail}", flush=True)
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main())
