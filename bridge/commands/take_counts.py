"""Counts of takes said loosely (issue 55): one more take taken back to a number ("give me another take
of the bass, two actually", "one more version, no wait, make it three", "another go at the chords,
actually 3 of them"): that many takes of the part.

A take word after "another" or "one more" with a number said next, marked as a correction before it
("actually", "no", "wait", "make it", "or", "scratch that") or after it ("actually", "more", "of
them"), is that many takes ("3 more versions of the bass"); a number that counts something else
after it ("2 bars", "3 semitones", "4 times") is no count of takes, and neither is one said with no
mark ("another take of the bass in 2 bars"). "N more of" a part ("2 more of the bass") is N takes
of it too. Sentences are normalised (padded, lower case,
numbers as digits, commas gone).
"""

from __future__ import annotations

import re

TAKE_WORDS = (
    "take",
    "version",
    "variation",
    "go",
    "try",
    "pass",
    "shot",
    "attempt",
    "one",
    "1",
    "flip",
    "spin",
)
_BEFORE = (
    r"(?:actually|no|nah|wait|make it|make that|or|or rather|scratch that|sorry|i mean|um|uh|maybe|like|but)"
)
_AFTER = r"(?:actually|more|of them|of those|takes|versions|please)"
_UNITS = r"(?:bars?|measures?|beats?|semitones?|octaves?|times|bpm|percent|steps?|notes?)"
_OF = r"(?: (?:of|at|on|for) (?:the |my |that |this |those )?[a-z]+(?: line| part| loop| groove)?)?"
_RECOUNTED = re.compile(
    rf" (?:another|1 more|one more) (?:{'|'.join(TAKE_WORDS)})(?P<of>{_OF})"
    rf"(?: (?:{_BEFORE} )+(?P<a>\d+)(?: {_AFTER})*| (?P<b>\d+)(?: {_AFTER})+)(?! {_UNITS})(?= )"
)
# "2 more of the bass", "3 more of that groove": takes of a part said by their count alone
_MORE_OF = re.compile(
    r" (\d+) more of (?=(?:the|that|this|those|my) (?:\w+ )?(?:drums?|beat|groove|bass|bassline|bass line|chords|"
    r"chord progression|progression|melody|lead|hook|riff|loop|pattern|part)(?= ))"
)
# "3 more shots at the bass" (a correction's count put before a take word): that many versions
_MORE_TAKES = re.compile(rf" ([2-9]|1\d|20) more (?:{'|'.join(TAKE_WORDS)})s?(?= (?:of|at|on|for) )")
MAX_RECOUNTED = 20  # a larger number is no count of takes ("another take, 2024 was the year")


def recounted(s: str) -> str:
    """``s`` with "another take of X, N actually" and "N more of X" said as "N more versions of X"."""

    def counted(m: re.Match[str]) -> str:
        n = int(m.group("a") or m.group("b"))
        if not 2 <= n <= MAX_RECOUNTED:
            return m.group(0)
        return f" {n} more versions{m.group('of')}"

    return _MORE_TAKES.sub(
        r" \1 more versions", _MORE_OF.sub(r" \1 more versions of ", _RECOUNTED.sub(counted, s))
    )
