"""A question the rules ask about the sentence's own verb, and the readings it offers (issue 55).

"double that" is asked ("(e.g. 'make it double time' or 'transpose it up an octave') double or
halve what ...?"): the rules know the verb and what it can mean, and need one more word. A learned
reading of another op ("undo", read from "that" alone) leaves the verb unexplained, however sure it
is, so the question stands; a reading of one of the question's own examples answers it. Sentences
the rules do not read at all ("no command was recognised") and a part said with no verb (``agree``'s
``UNREAD_PART``) are no such question.
"""

from __future__ import annotations

import re
from functools import cache

from bridge.commands.explain import names_only
from bridge.commands.means import means_of
from bridge.commands.parser import parse as rules

_EXAMPLES = re.compile(r"^\((?:[^()']*?)e\.g\. ((?:'[^']+'(?:, | or |, or )?)+)\)[^?]*\?$")
_QUOTED = re.compile(r"'([^']+)'")


@cache
def offered_ops(reason: str) -> frozenset[str] | None:
    """The ops of the examples a question of the rules offers ("(e.g. 'make it double time' or
    'transpose it up an octave') ...?": feel, transpose), or None when the reason is no such question."""
    m = _EXAMPLES.match(reason.strip())
    if m is None:
        return None
    ops = set()
    for example in _QUOTED.findall(m.group(1)):
        read = rules(example)
        if read.understood:
            ops.add(str(means_of(read.as_dict())["op"]))
    return frozenset(ops) or None


def answered_by(reason: str, op: str, s: str = "") -> bool:
    """Whether a learned reading of ``op`` answers the rules' question ``reason``: it is one of the
    readings the question offers, the reason offers none (then nothing is known against it), or the
    normalised sentence ``s`` says that op outright ("pull the hats onto the grid": quantize)."""
    offered = offered_ops(reason)
    return offered is None or op in offered or names_only(op, "", s)
