"""Whether a split of a sentence into several requests is likely (issue 55; ``compound``'s helper): the
whole sentence's learned reading finds the first request's op plausible, or, where "then" says a later
request follows, its likeliest op is one of the split's (a fragment read out of its sentence may be misread)."""

from __future__ import annotations

from collections.abc import Callable

from bridge.commands.intent import Intent
from bridge.commands.means import means_of
from bridge.commands.reader import Reading

Likely = Callable[[Intent, bool], bool]
__all__ = ["LATER_PLAUSIBLE", "Likely", "likely_for"]

LATER_PLAUSIBLE = 0.25  # "..., then ...": a split whose requests' op the whole reading gives this much stands


def likely_for(reading_of: Callable[[], Reading | None], plausible: float) -> Likely:
    """Whether the whole sentence's learned reading (``reading_of``, asked for only when a split is
    weighed) finds a split plausible (always, without it): the first request's op at least
    ``plausible``, or, ``sequenced`` ("..., then ..."), its likeliest op one of the split's requests
    (such a sentence is often read as its last request) or one of those given ``LATER_PLAUSIBLE``."""
    got: list[Reading | None] = []

    def likely(split: Intent, sequenced: bool) -> bool:
        got.extend([] if got else [reading_of()])
        reading, op = got[0], _op(split)
        if reading is None or not reading.knows(op) or reading.p(op) >= plausible:
            return True
        ops = {_op(step) for step in split.steps()}  # a later request is often what the whole is read as
        return sequenced and (reading.ops[0][0] in ops or any(reading.p(o) >= LATER_PLAUSIBLE for o in ops))

    return likely


def _op(intent: Intent) -> str:
    return str(means_of(intent.as_dict())["op"])
