"""Typed words a producer got slightly wrong (issue 44): "melidy", "chrods", "humanise the drusm",
and part names glued to another word ("countermelody").

A word no command uses that is one edit (a letter changed, added, dropped, or two swapped) from
exactly one part name or a few operation words of five letters or more becomes that word; one that ends in a part's name
is split before it ("countermelody" -> "counter melody"). Words the vocabulary knows are left as
they are, and so are short words (one edit from a four-letter word is too often another word).
"""

from __future__ import annotations

from functools import cache

MIN_LENGTH = 5
# the command words a near miss may become besides the parts' names: words no English word is one
# edit from ("faster" is not here: "master" is one edit away, and a misheard word must not act)
OPERATIONS = ("quantize", "humanize", "transpose", "busier", "simpler", "variations", "tempo")


@cache
def _targets() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    from bridge.commands import vocab as v
    from bridge.commands.known import vocabulary_words

    known = vocabulary_words()
    parts = tuple(
        sorted((p for p in v.PARTS if " " not in p and len(p) >= MIN_LENGTH), key=len, reverse=True)
    )
    words = frozenset(w for w in (*parts, *OPERATIONS) if len(w) >= MIN_LENGTH)
    return known, parts, words


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


def corrected(words: list[str]) -> list[str]:
    """The words with near misses of command words put right and glued part names split."""
    known, parts, targets = _targets()
    out: list[str] = []
    for w in words:
        if w in known or w in targets or len(w) < MIN_LENGTH or not w.isalpha():
            out.append(w)
            continue
        near = [t for t in targets if one_edit(w, t)]
        glued = next((p for p in parts if w.endswith(p) and len(w) - len(p) >= 3), None)
        if len(near) == 1:
            out.append(near[0])
        elif glued is not None:
            out += [w[: -len(glued)], glued]
        else:
            out.append(w)
    return out
