"""A clause that may change the request before it, left unread (issue 55): "make the bass busier, but only the
zingers", "swing the drums, but not on the flurbs", "quantize the bass then instead do the opposite". A clause
that narrows, excludes or replaces what came before ("but only the", "except", "not on", "instead") is no
request of its own: where the whole sentence is read exactly as the request without it, the clause was not
read, and acting would do what it may have taken back or narrowed, so the request is asked about instead (the
request alone offered). A later request of its own ("..., then blorp the wibble") stays ``not_done`` beside a
first one done: it changes nothing done before it."""

from __future__ import annotations

import re
from collections.abc import Callable

from bridge.commands.intent import Intent, unknown
from bridge.commands.means import means_of

# after a comma, "but" or "then": a narrowing said against the request ("but only the", "but just on"), an
# exclusion ("except", "apart from", "but not on the"), a replacement ("instead", "or rather"); never a bare ", just"
# or ", only" (a description: "just me and the guitar", "only as a sketch"), nor "rather like" (a likeness)
_AMEND = re.compile(
    r"(?:\s*[,;.]\s*(?:but\s+|then\s+)?|\s+(?:but|then)\s+|\s+(?=(?:except|apart\s+from|other\s+than)\b))(?P<word>(?<=but )(?:only|just)(?=\s+(?:the|my|on|in|at|during|for\s+the\s+(?!moment|time))\b)|"
    r"except(?:\s+for)?|apart\s+from|other\s+than|not(?=\s+(?:on|in|at|the|my|during|for|over|across|when)\b)|instead|or\s+rather|rather\s+than)\b"
    r"(?P<rest>.*)$",
    re.I,
)


def unread_amend(heard: str, read: Intent, parse: Callable[[str], Intent]) -> Intent | None:
    """The question for a sentence read as its request alone while a clause after it that may narrow or replace
    it was not read; None where no such clause is said, or the reading carries it."""
    found = _AMEND.search(heard)
    if not read.understood or found is None or not found.group("rest").strip():
        return None
    before = heard[: found.start()].strip(" ,;.")
    if not before:
        return None
    alone = parse(before)
    if not alone.understood or _said(alone) != _said(read):
        return None  # the clause changed the reading: read
    clause = heard[found.start() :].strip(" ,;.")
    return unknown(heard, f"I read '{before}' but not '{clause}': what should that change?", [before])


def _said(intent: Intent) -> dict[str, object]:
    return {k: v for k, v in means_of(intent.as_dict()).items() if k != "not_done"}
