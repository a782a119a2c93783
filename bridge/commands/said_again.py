"""A clause cut out as no request (a plan, a purpose) that is the request said again with its values (issue 55).

"that last bass take aint quite it, lemme hear two more of the bass" and "try the bassline again, so i can
hear 3 other versions" end on a clause that reads as a plan ("let me ...") or a purpose ("so i can ...").
Cutting it leaves the request without the values only that clause said (the 2 or 3 takes), or another
request ("try the bassline again" alone is a new bass): the values are dropped and the rest acted on. Where the clause, read alone by the rules, is the whole reading's own op
and holds every value the cut reading drops, it is the request said again and the whole reading stands.
A purpose that is another action ("so i can rap over it for 16 bars": no request of its own) is still cut, and
so is any purpose of a part soloed or muted: that switch is made to hear something, and what is to be heard is
no request ("solo the bass so I can hear the walk-ups": no movement added).

``said_again(whole, cut, clause)``: the three readings (the whole sentence, the sentence without the
clause, the clause alone); no encoder is run here, the caller reads the clause with the rules alone. The
clause's reading may be given as how to read it, then read only where the cut reading drops a value (lat80:
a clause no rule reads costs its suggestions, milliseconds, and was read for every aside cut).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bridge.commands.intent import Intent
from bridge.commands.means import means_of

_NOT_VALUES = ("op", "then", "not_done")
_FOR_HEARING = ("solo", "mute", "unmute")  # switches made so that something is heard


def _values(intent: Intent) -> dict[str, Any]:
    return {k: v for k, v in means_of(intent.as_dict()).items() if k not in _NOT_VALUES and v is not None}


def dropped(whole: Intent, cut: Intent) -> dict[str, Any]:
    """The values the whole reading holds that the cut reading does not (whatever op the cut reading is:
    "try the bassline again" alone is a new bass made); empty when either is not understood."""
    if not (whole.understood and cut.understood):
        return {}
    kept = _values(cut)
    return {k: v for k, v in _values(whole).items() if kept.get(k) != v}


def said_again(whole: Intent, cut: Intent, clause: Intent | Callable[[], Intent]) -> bool:
    """Whether the clause cut out is the whole reading's request said again: the cut reading loses values
    of it (``dropped``), and the clause alone reads the same op holding each of them (a target it does not
    name aside: "lemme hear two more" is of the bass said before it)."""
    gone = dropped(whole, cut)
    if not gone:
        return False
    clause = clause if isinstance(clause, Intent) else clause()
    if not clause.understood or means_of(cut.as_dict()).get("op") in _FOR_HEARING:
        return False
    own = means_of(clause.as_dict())
    if own.get("op") != means_of(whole.as_dict()).get("op"):
        return False
    held = {k: v for k, v in gone.items() if not (k == "target" and own.get(k) is None)}
    return bool(held) and all(own.get(k) == v for k, v in held.items())
