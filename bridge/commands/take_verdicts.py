"""A verdict on a part said after a request on takes (issue 55): what the take has, never a target.

"star the last take, that bass is brutal", "keep this one, the drums are fire": a request on takes
(star, unstar, keep, go back to) followed by a clause that judges a part of what was made. A take holds
every part, so the part judged names no target of the request; yet the reason cutter
(``reasons.without_reasons``) keeps any clause naming a part the request does not name, as it may be a
request of its own ("mute the bass, the drums are too quiet"), and the sentence was asked about
("did you mean 'star the last take' with 'bass'?").

``without_take_verdict`` cuts the clause when the request before its comma is read by the rules as an op
on takes and the clause is a verdict: "that/this/the/those/these <part> is/are/was/sounds/feels/goes
<anything>", with no request in it (``remarks.requested``), no number, no "too", "more" or "less" (a
complaint may ask for a change: "star it, the bass is too loud"). Sentences as written; stdlib and the
rules only.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bridge.commands.intent import Intent
from bridge.commands.normalize import normalize
from bridge.commands.remarks import requested

TAKE_ACTIONS = ("history",)  # the rules' action for star, unstar, recall, compare and the takes' list
# "that bass is brutal", "the drums are fire", "this melody sounds sick": a part judged
_VERDICT = re.compile(
    r"^(?:that|this|the|those|these)\s+[a-z0-9']+(?:\s+[a-z0-9']+)?\s+"
    r"(?:is|are|was|were|s|sounds|sound|feels|feel|goes|go|hits|hit|slaps|bangs)\b"
)
# what makes a clause a complaint that may ask for a change, not a verdict
_CHANGE = re.compile(r"\b(?:too|more|less|not|isn'?t|aren'?t|needs?|should|could)\b|\d")


def without_take_verdict(heard: str, rules: Callable[[str], Intent]) -> str | None:
    """``heard`` without its last clause when that clause judges a part of a take the request before
    it acts on (``rules``: the parser, ``str -> Intent``), or None."""
    if "," not in heard:
        return None
    request, clause = heard.rsplit(",", 1)
    clause = clause.strip().lower().rstrip(" .!")
    if not _VERDICT.search(clause) or _CHANGE.search(clause) or requested(normalize(clause)[0]):
        return None
    return request.strip() if rules(request.strip()).action in TAKE_ACTIONS else None
