"""Ordinal words typed with a slip (issue 55): "the frist 2 bars", "the secnd one", "the thrid take",
"the fouth chorus", and an ordinal's ending typed apart ("the sixteen th notes", "the 4 th bar").

A word no command uses that is one edit (a letter changed, added, dropped, or two swapped) from
exactly one ordinal word, and from no number word unless it ends as an ordinal does ("nineth"), is
that ordinal; an ordinal of eight letters or more may be two edits off a word of seven or more that
ends as an ordinal does ("sixteeth", "elevneth"; "element" is no "eleventh"). The guards keep a real
word from turning into a place: the words any command uses, the number words, and the English words
one slip from an ordinal ("fist", "forth", "filth", "teeth", "fifty", "thirds") are left as they are
(but "the forth take", "the fist 4 bars": ``IN_PLACE``), and so is a word under four letters. (Cardinal numbers typed with a slip are
``numbers.slips_read``'s, read only where a count follows them.)
"""

from __future__ import annotations

import re
from functools import cache

from bridge.commands.numbers import NUMBER_WORDS
from bridge.commands.spelling import near_index, two_edits, within_one

ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "sixteenth")  # fmt: skip
# English words one or two slips from an ordinal: never read as one
REAL_NEAR = frozenset({
    "fist", "fists", "firs", "firth", "firsts", "seconds", "secant", "thirds", "thirst", "thirty", "forth",
    "fourths", "fifths", "filth", "fifty", "sixths", "sixty", "sevenths", "seventy", "eights", "eighths", "eighty",
    "ninths", "tenths", "tent", "tents", "teeth", "tenet", "twelfths", "sixteenths", "sixteens", "birth",
    "north", "worth", "fourty", "month", "girth", "forte", "heath", "tench", "thirl",
})  # fmt: skip
MIN_SLIP = 4  # "frst", "thrd" are read; a shorter word is one letter from too many
LONG_ORDINAL = 8  # an ordinal this long may be two slips off a word of ``LONG_ORDINAL - 1`` letters or more
# an ordinal's ending typed apart: "sixteen th", "4 th", "seven th"
_APART = re.compile(
    r"\b(four|six|seven|eigh|nin|ten|eleven|twelf|thirteen|fourteen|fifteen|sixteen|\d+) th\b"
)


@cache
def _kept() -> frozenset[str]:
    from bridge.commands.known import vocabulary_words

    return vocabulary_words() | NUMBER_WORDS | REAL_NEAR


_NUMBERS, _ORDINALS = near_index(NUMBER_WORDS), near_index(ORDINALS)  # looked up, never scanned


def ordinal_of(word: str) -> str | None:
    """The ordinal ``word`` is a slip of, or None (a word of its own, or near none or several)."""
    if len(word) < MIN_SLIP or not word.isalpha() or word in ORDINALS or word in _kept():
        return None
    if not word.endswith("th") and within_one(word, _NUMBERS, NUMBER_WORDS):  # "sixt": six or sixth
        return None  # (an ordinal's own ending says which: "nineth" is ninth, never ninety)
    near = within_one(word, _ORDINALS, ORDINALS)
    if not near and len(word) >= LONG_ORDINAL - 1 and word.endswith("th"):  # "element" is no eleventh
        near = [o for o in ORDINALS if len(o) >= LONG_ORDINAL and two_edits(word, o)]
    return near[0] if len(near) == 1 else None


# an English word a slip from an ordinal is that ordinal only between "the" and a place or a take ("the
# forth take", "the fist 4 bars"); elsewhere it is the word ("go forth", "a fist pump")
IN_PLACE = {"forth": "fourth", "fist": "first"}
PLACED_AFTER = frozenset({"take", "takes", "one", "1", "version", "variation", "bar", "bars", "measure", "half",
                          "chorus", "verse", "beat", "time", "note", "drop", "section", "go"})  # fmt: skip


def ordinals_read(words: list[str]) -> list[str]:
    """``words`` with each ordinal typed with a slip read as that ordinal."""
    out = [ordinal_of(w) or w for w in words]
    for i in range(1, len(out) - 1):
        after = out[i + 1]
        if out[i] in IN_PLACE and out[i - 1] == "the" and (after in PLACED_AFTER or after.isdigit()):
            out[i] = IN_PLACE[out[i]]
    return out


_FIRST_BARS = re.compile(r"\b1st (?=\w+ (?:bars?|measures?)\b)")  # "the 1st 4 bars": the first 4


def joined(lowered: str) -> str:
    """ "the sixteen th notes" -> "the sixteenth notes", "bar 4 th" -> "bar 4th", "the 1st 4 bars" -> "the
    first 4 bars"."""
    return _FIRST_BARS.sub("first ", _APART.sub(lambda m: m.group(1) + "th", lowered))
