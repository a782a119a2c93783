"""What a mutation run left: mutmut's statuses and diffs per mutant, and each surviving mutant's
kind (a changed number, operator, name, string ...), which ``tools/mutation.py`` reports.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tokenize
from difflib import SequenceMatcher
from pathlib import Path

STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 34: "skipped"}
STATUS.update({36: "timeout", 24: "timeout", -24: "timeout", 152: "timeout", 255: "timeout"})
STATUS.update({37: "caught by type check", -11: "segfault", -9: "segfault"})


FSTRING_START = getattr(tokenize, "FSTRING_START", -1)  # Python 3.12 and later


KEYWORDS = {"True", "False", "None", "and", "or", "not", "is", "in", "break", "continue", "return"}


def module_file(mutant: str) -> str:
    """engines.transforms.pitch.x_fold__mutmut_3 -> engines/transforms/pitch.py"""
    return "/".join(mutant.split(".")[:-1]) + ".py"


def statuses(folder: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in (folder / "mutants").rglob("*.py.meta"):
        for key, code in json.loads(meta.read_text())["exit_code_by_key"].items():
            found[key] = STATUS.get(code, "not checked" if code is None else "suspicious")
    return found


def diffs(folder: Path, names: list[str]) -> dict[str, str]:
    """Each mutant's diff, computed by mutmut itself in the area's folder (one process for all)."""
    code = (
        "import json,sys\n"
        "from mutmut.mutation.diff_apply import get_diff_for_mutant\n"
        "print(json.dumps({n: get_diff_for_mutant(n) for n in json.load(sys.stdin)}))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=folder,
        env=env,
        input=json.dumps(names),
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        return {n: "" for n in names}
    return dict(json.loads(done.stdout))


def _tokens(line: str) -> list[tokenize.TokenInfo]:
    try:
        return [
            t
            for t in tokenize.generate_tokens(io.StringIO(line.strip() + "\n").readline)
            if t.type
            not in (tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER, tokenize.INDENT, tokenize.DEDENT)
        ]
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return []


def kind_of(diff: str) -> str:
    """The kind of a mutation from its diff: what changed between the removed and the added line."""
    removed = [ln[1:] for ln in diff.splitlines() if ln.startswith("-") and not ln.startswith("---")]
    added = [ln[1:] for ln in diff.splitlines() if ln.startswith("+") and not ln.startswith("+++")]
    if not removed or not added:
        return "statement removed" if removed else "other"
    before, after = _tokens(" ".join(removed)), _tokens(" ".join(added))
    old, new = [], []
    matcher = SequenceMatcher(a=[t.string for t in before], b=[t.string for t in after], autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op != "equal":
            old += before[a0:a1]
            new += after[b0:b1]
    changed = old + new
    words = {t.string for t in changed}
    if not changed:
        return "other"
    if all(t.type == tokenize.NUMBER for t in changed):
        return "number"
    if all(t.type == tokenize.STRING for t in changed) or any(t.type == FSTRING_START for t in changed):
        return "string"
    if words <= KEYWORDS or (words - {"not"}) <= KEYWORDS:
        return "keyword (True/False/None, and/or, not, is/in, break/continue)"
    if all(t.type == tokenize.OP for t in changed):
        return "operator"
    if "None" in {t.string for t in new} and "=" in {t.string for t in after}:
        return "assignment to None"
    if not new or (
        len(new) < len(old) and all(t.string in {",", "None"} or t.type == tokenize.OP for t in new)
    ):
        return "argument removed or None"
    if "None" in {t.string for t in new}:
        return "argument removed or None"
    return "call or name swapped"
