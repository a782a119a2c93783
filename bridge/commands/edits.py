"""One typing slip between two words (issue 55): a leaf both the number reader (``numbers.slips_read``) and
the spelling corrector (``spelling``) use, so neither imports the other for it."""

from __future__ import annotations


def one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by one change, insertion, deletion or swap of neighbours."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])  # fmt: skip
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
