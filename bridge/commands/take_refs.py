"""More ways to say which take (issue 44, fifth round), read by ``session_words``: "the one before
that" is the previous take, "put take 7c19e2 back" recalls it, "redo the last 2" counts 2, "my
starred ones" are the starred takes. Stdlib only; the sentence is normalised (padded, digits).
"""

from __future__ import annotations

import re

# "unstar the one before that", "the take before the last one": the one before the last
BEFORE_THAT = re.compile(
    r" (?:the )?(?:one|take|version) before(?: (?:that|this|it|the last(?: one| take)?|the latest(?: one)?))? $|"
    r" (?:the )?(?:one|take|version) before (?:that|this|it|the last(?: one| take)?|the latest(?: one)?) |"
    # "the last take and the one before": after a join, the one before the take just named
    r"(?:(?<= and)|(?<= with)|(?<= vs)) (?:the )?(?:one|take|version) before (?!bars? |the |that |this |it |\d)"
)
# "put take 7c19e2 back", "put the second one back": a take brought back
PUT_BACK = re.compile(r" put (?:\w+ ){1,3}back ")
# "redo the last 2", "redo last 3": a count of redos
REDO_LAST = re.compile(r" redo (?:the )?last (\d+)(?: things?| changes?| steps?)? ")
# a star or unstar said of a take by its place keeps the place ("star the last one": last)
MARK = re.compile(r"^ (?:please )?(?:un)?star ")
# "what changed between ...", "wats the difference between ...", "what is different between ...": a comparison
COMPARED = re.compile(
    r" (?:compare|diff|what changed|changed between|difference between|different between|differs|against|versus|vs"
    r"|what (?:is |s )?different) "  # "what different": the question said without its verb
)
# "that last take", "the previous version": a take said by its place, with its own noun
THAT_TAKE = re.compile(
    r" (?:that|the|this) (?:last|latest|previous|earlier) (?:take|version|variation|one|1) "
)
# two takes said as a pair in a comparison: "the first two takes", "the last 2", "takes 1 and 2"
_PAIR = re.compile(
    r" (?:the )?(first|last) 2 (?:(?:takes|ones|versions|variations|ideas) |$)|"
    r" takes? ([1-4]) (?:and|&|n|with|to|vs|versus|against) (?:takes? )?([1-4]) "
)
_NTH = {"1": "first", "2": "second", "3": "third", "4": "fourth"}


def paired(s: str) -> list[str]:
    """The two takes a comparison names as a pair, in order ("the last two": the one before the
    last, then the last), or none."""
    pair = _PAIR.search(s) if COMPARED.search(s) else None
    if pair is None:
        return []
    if pair.group(1):
        return ["first", "second"] if pair.group(1) == "first" else ["previous", "last"]
    return [_NTH[pair.group(2)], _NTH[pair.group(3)]]
