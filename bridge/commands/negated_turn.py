"""A request said in the negative and then turned to another target (issue 55, round 24).

"don't quantize the drums, just the bass", "never humanize the hats, only the snare", "dont mute the bass,
the chords instead": what not to do is said first, and the turn says where the same act should go. On
main these were asked with the negated act itself ("quantize the drums") as a suggestion, the one reading
the sentence rules out. Here the negated clause's target (its last part, drum voice or hand-percussion
word) is replaced by the one said after the turn, and that sentence is read by the whole parser; "dont mute
the bass, mute the chords" (a request of its own after the turn) is that request read alone. Where the
sentence read so does not act, nothing is decided here and the sentence is read as before (``negated``
asks about one said only in the negative). "don't forget to ...", "don't worry, just ..." are no negated
request (``negated.NOT_OPPOSITE``). Stdlib only.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bridge.commands import change_words as cg
from bridge.commands import vocab as v
from bridge.commands.clip_words import PERCUSSION_WORDS
from bridge.commands.intent import Intent
from bridge.commands.negated import NOT_OPPOSITE
from bridge.commands.remarks import verb_first

_TURN = r"(?:but|just|only|instead|rather)"
# "don't V X, (just) Y": the negated clause, then the turn (a comma or stop, a dash, or a turn word)
_NEGATED = re.compile(
    rf"^\s*(?:(?:please|pls|ok|okay|no|nah|hey)\W+)*(?:don'?t|don’t|do not|never)\s+(?P<neg>[^,;.!?]+?)"
    rf"\s*(?:[,;.!?]+|\s-+|(?=\s{_TURN}\b))\s*(?P<rest>.+?)\W*$",
    re.IGNORECASE,
)
_NAMES = "|".join(
    re.escape(w)
    for w in sorted({*v.PARTS, *cg.VOICES, *PERCUSSION_WORDS}, key=len, reverse=True)
    if w.strip()
)
# a part or drum voice named, with its article
_TARGET = re.compile(rf"\b(?:(?:the|my|those|these|that) )?(?:{_NAMES})\b", re.IGNORECASE)
# the turn said with the other target alone: "just the bass", "the chords instead", "only on the snare"
_ALONE = re.compile(
    rf"^(?:(?:{_TURN}|do|please|pls|on|to|for|with)\s+)*(?P<target>(?:(?:the|my|those|these) )?(?:{_NAMES}))"
    r"(?:\s+(?:part|track|line|instead|then|please|pls|only|thanks|though))*$",
    re.IGNORECASE,
)


def turned(heard: str, parse: Callable[[str], Intent]) -> Intent | None:
    """The reading of a negated request turned to another target (module docstring), or None when the
    sentence is no such turn or the turned request is not read as an act."""
    m = _NEGATED.match(heard)
    if m is None or m.group("neg").split()[0].lower() in NOT_OPPOSITE:
        return None
    neg, rest = m.group("neg"), m.group("rest")
    first, _, after = [*re.split(r"(\s*[,;.!?]\s*)", rest, maxsplit=1), "", ""][:3]
    if (
        after and _ALONE.match(first) and not verb_first(after)
    ):  # "just the chords, they sound robotic": a reason after
        rest = first
    alone = _ALONE.match(rest)
    if alone is not None:
        targets = list(_TARGET.finditer(neg))
        if not targets or targets[-1].group(0).lower() == alone.group("target").lower():
            return None
        said = neg[: targets[-1].start()] + alone.group("target") + neg[targets[-1].end() :]
    else:
        said = re.sub(
            rf"^(?:{_TURN}\s+)+|\s+(?:instead|then|please|pls|though)$", "", rest, flags=re.IGNORECASE
        )
        if said.split()[0].lower() in ("dont", "don't", "never", "not", "do"):
            return None
    intent = parse(" ".join(said.split()))
    if not intent.understood:
        return None
    return Intent(intent.action, intent.part, intent.params, heard)
