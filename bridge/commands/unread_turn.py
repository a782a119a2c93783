"""A target named in words no reader knows, then a request turned away from it with "just" (issue 55, round 36).

"<unread words> the kick, just make the hats simpler": the first clause names a target with no verb any reader
knows, and "just" (or "only") turns to the request. Said in English that is "leave the kick, just make the hats
simpler" (``scoped`` and ``negated_turn``): what the first clause wants of its target is unknown, but the turn
says the request is all that is to be done. The readers had read the whole sentence as one request and added
the first clause's target to it (the kick made simpler too). Here the sentence is read as the English kept
first, "leave <target>, just <request>", so the target is protected, never added; a reading that does not act
is the question it is. No word of any tongue is added to a table: the clause is judged by ``unread_mix.unread``
(a word no reader knows) and by the rules reading no request in it. Stdlib only.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bridge.commands.intent import Intent
from bridge.commands.negated_turn import TARGET
from bridge.commands.parser import parse as rules
from bridge.commands.unread_mix import WORDS, unread

# "<first clause>, just <request>": the turn after a comma, stop or dash
_TURNED = re.compile(
    r"^\s*(?P<first>[^,;.!?]+?)\s*(?:[,;.!?]+|\s-+)\s*(?:(?:but|and|so)\s+)?(?:just|only)\s+(?P<rest>.+?)\W*$",
    re.IGNORECASE,
)


def turned_away(heard: str, parse: Callable[[str], Intent]) -> Intent | None:
    """The reading of ``heard`` as "leave <target>, just <request>" where its first clause names a target in
    unread words with no request the rules read (module docstring), or None where it is no such sentence."""
    m = _TURNED.match(heard)
    if m is None:
        return None
    first = m.group("first")
    target = TARGET.search(first)
    if target is None or not any(unread(w, slips=True) for w in WORDS.findall(first) if w[0].isalpha()):
        return None
    if rules(first).understood:  # a request of its own ("swing the kick, just a little")
        return None
    read = parse(f"leave {target.group(0)}, just {m.group('rest')}")
    params = {**read.params, "heard": heard} if "heard" in read.params else read.params
    return Intent(read.action, read.part, params, heard)
