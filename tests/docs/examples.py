"""The docs' example answers, read from their code blocks and checked against what `roo send` prints.

Two forms are read. A transcript, as a terminal shows it: ``$ roo send ADDRESS ARGS`` and the lines
printed under it (``...`` stands for any lines: a job's queued and running statuses, a clip's
further notes). A short form, one request a line and its answer after ``->`` on the same line or
the next: ``-> done "message"`` (the job's final status) or ``-> /address args`` (the reply).
Take ids and times differ on every run: a take id in an answer stands for the id the daemon gave
(the same id wherever the example repeats it, its prefix too), an ISO time for any time.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field

FENCE = re.compile(r"^```[a-z]*\n(.*?)^```", re.S | re.M)
TAKE_ID = re.compile(r"\b[0-9a-f]{12}\b|(?<=take )[0-9a-f]{6,11}\b")  # a take id, or its prefix after "take"
WHEN = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"
REQUEST = ("/roo/", "/live/")


@dataclass
class Example:
    """One request of a docs block and the answer the docs show for it."""

    line: int  # the request's line in the doc, from 1
    args: list[str]  # roo send's arguments (address first)
    shown: list[str] = field(default_factory=list)  # transcript lines, or one short-form answer
    short: bool = False  # the "->" form


@dataclass
class Block:
    line: int  # the fence's line in the doc
    examples: list[Example]

    @property
    def key(self) -> str:
        return " ".join(self.examples[0].args)


def blocks(text: str) -> list[Block]:
    """Every fenced block of ``text`` holding a request with an answer shown."""
    found = []
    for match in FENCE.finditer(text):
        first = text.count("\n", 0, match.start(1)) + 1
        examples = _transcript(match.group(1), first) or _short(match.group(1), first)
        if any(e.shown for e in examples):
            found.append(Block(first - 1, examples))
    return found


def _transcript(body: str, first: int) -> list[Example]:
    examples: list[Example] = []
    for n, line in enumerate(body.splitlines(), first):
        if line.startswith("$ roo send "):
            examples.append(Example(n, shlex.split(line)[3:]))
        elif examples:
            examples[-1].shown.append(line)
    return examples


def _short(body: str, first: int) -> list[Example]:
    examples: list[Example] = []
    for n, line in enumerate(body.splitlines(), first):
        request, _, answer = line.partition("->")
        if request.startswith(REQUEST):
            words = re.split(r" {2,}", request.strip())[0]  # "   (a comment)" after the request
            examples.append(Example(n, shlex.split(words), short=True))
        if answer.strip() and examples:
            examples[-1].shown.append(answer.strip())
    return examples


class Ids:
    """The docs' take ids bound to the daemon's, in the order they first appear."""

    def __init__(self) -> None:
        self.real: dict[str, str] = {}

    def args(self, args: list[str]) -> list[str]:
        """The request as sent: a docs take id (or its prefix of 6+) as the daemon's."""
        out = []
        for arg in args:
            for doc, real in self.real.items():
                if len(arg) >= 6 and doc.startswith(arg):
                    arg = real[: len(arg)]
            out.append(arg)
        return out

    def pattern(self, text: str, caught: set[str]) -> str:
        """``text`` as a regular expression: bound ids as the daemon's, others caught (once, then the
        same again), times any."""
        out, at = [], 0
        for m in TAKE_ID.finditer(text):
            out.append(re.escape(text[at : m.start()]))
            doc = m.group()
            if doc in self.real:
                out.append(re.escape(self.real[doc]))
            else:
                out.append(f"(?P=t{doc})" if doc in caught else f"(?P<t{doc}>[0-9a-f]{{{len(doc)}}})")
                caught.add(doc)
            at = m.end()
        out.append(re.escape(text[at:]))
        return "".join(out)

    def bind(self, match: re.Match[str]) -> None:
        for name, value in match.groupdict().items():
            self.real.setdefault(name[1:], value)


def differs(example: Example, printed: str, ids: Ids) -> str:
    """'' when ``printed`` (roo send's output) is the answer the docs show, else what differs."""
    if example.short:
        return _short_differs(example.shown[0], printed.splitlines(), ids)
    lines, caught = [], set[str]()
    for shown in example.shown:
        if shown.strip() == "...":
            lines.append(r"(?:[^\n]*\n)*?")
        else:
            lines.append(_timed(ids.pattern(shown, caught)) + r"\n")
    match = re.fullmatch("".join(lines), printed if printed.endswith("\n") else printed + "\n")
    if match is None:
        return f"the docs show:\n{chr(10).join(example.shown)}\nroo send printed:\n{printed}"
    ids.bind(match)
    return ""


def _timed(pattern: str) -> str:
    """An escaped ISO time in ``pattern`` as any time."""
    return re.sub(r"\d{4}\\-\d\d\\-\d\dT\d\d:\d\d:\d\d\\\.\d{3}Z", lambda _: WHEN, pattern)


def _short_differs(shown: str, printed: list[str], ids: Ids) -> str:
    """The short form: ``done "m"`` against the final status, ``/address args`` against the reply."""
    want = shlex.split(shown)
    if want[0].startswith("/"):
        got = shlex.split(printed[0]) if printed else []
    else:
        finals = [shlex.split(p) for p in printed if p.startswith("/roo/status ")]
        got = [finals[-1][2], finals[-1][4]] if finals and len(finals[-1]) >= 5 else printed
    caught: set[str] = set()
    pattern = "\x00".join(_timed(ids.pattern(w, caught)) for w in want)
    match = re.fullmatch(pattern, "\x00".join(got))
    if match is None:
        return f"the docs show: {want}\nroo send printed: {printed}"
    ids.bind(match)
    return ""
