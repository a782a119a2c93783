"""Whether a word is an English word typed fast: one slip of the fingers from it (issue 55, ``unread_mix``).

A word of ``LONG`` letters or more is a slip of any English word one edit away ("quantaize", "littel",
"louderr"). A shorter word is judged more strictly, since most short words of another tongue are one edit
from some English word ("sama" same, "buat" boat, "coro" core, "quita" quite): it is a slip only when the
English word is reached by a letter dropped or doubled ("snre", "kickk"), two letters swapped ("hihg",
"bsas"), or one letter changed for a key beside it on a QWERTY keyboard ("snsre", "drims"); a vowel said for
another vowel is how a tongue spells, not how fingers slip.
"""

from __future__ import annotations

from collections.abc import Iterator

from bridge.commands.spelling import edits

LONG = 6  # a word this long is judged by any one edit
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _beside() -> dict[str, str]:
    """Each letter's neighbours on a QWERTY keyboard: beside it in its row, the two above it and the two below
    (the rows are staggered: above "s" are "w" and "e", below it "z" and "x")."""
    at = {(r, i): c for r, row in enumerate(_ROWS) for i, c in enumerate(row)}
    near = {(0, -1), (0, 1), (-1, 0), (-1, 1), (1, -1), (1, 0)}
    return {
        c: "".join(at[r + dr, i + di] for dr, di in sorted(near) if (r + dr, i + di) in at)
        for (r, i), c in at.items()
    }


BESIDE = _beside()


def _slips(word: str) -> Iterator[str]:
    """The words ``word`` may have been meant as, by one slip of the fingers (module docstring)."""
    yield from (word[:i] + word[i + 1 :] for i in range(len(word)))  # a letter typed twice or by mistake
    yield from (word[:i] + c + word[i:] for i in range(len(word) + 1) for c in "abcdefghijklmnopqrstuvwxyz")
    yield from (word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1))  # swapped
    yield from (word[:i] + c + word[i + 1 :] for i, k in enumerate(word) for c in BESIDE.get(k, ""))


def slip_of(word: str, english: frozenset[str]) -> bool:
    """Whether ``word`` (lower case) is one slip from a word of ``english`` (module docstring)."""
    if len(word) >= LONG:
        return not edits(word).isdisjoint(english)
    return any(s in english for s in _slips(word))
