"""Whether a split of a sentence into several requests is likely (issue 55; ``compound``'s helper): the
whole sentence's learned reading finds the first request's op plausible, or, where "then" says a later
request follows, its likeliest op is one of the split's (a fragment read out of its sentence may be misread)."""

from __future__ import annotations

import re
from collections.abc import Callable

from bridge.commands.intent import Intent
from bridge.commands.means import means_of
from bridge.commands.normalize import normalize
from bridge.commands.reader import Reading
from bridge.commands.remarks import verb_first
from bridge.commands.suggested import CONTRARY

Likely = Callable[[Intent, bool], bool]
__all__ = [
    "LATER_PLAUSIBLE",
    "Likely",
    "first_lost",
    "likely_for",
    "more_done",
    "multi_verbs",
    "not_carried",
    "op_of",
]

_TRANSPORT = ("play", "stop")  # the song's transport said after a request on "it" ("para the jam, stop it")
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
        best = reading.ops[0][0]  # the head often hears a level's way wrong ("a touch quieter" read louder)
        turned = any({best, o} in CONTRARY for o in ops)
        return sequenced and (best in ops or turned or any(reading.p(o) >= LATER_PLAUSIBLE for o in ops))

    return likely


def _op(intent: Intent) -> str:
    return str(means_of(intent.as_dict())["op"])


def op_of(intent: Intent) -> object:
    return means_of(intent.as_dict()).get("op")


def multi_verbs(heard: str, joint: re.Match[str]) -> bool:
    """Whether the clauses either side of ``joint`` ("and", "n", a comma) are each led by a verb, the
    later one or a part and its level after a change of another kind ("swing the hats a bit and kick
    +2 dB": two requests; "make the hats and kick louder", "turn the hats and kick up": one)."""
    first, later = normalize(heard[: joint.start()])[0], normalize(heard[joint.end() :])[0]
    levelled = _LEVELLED.match(later) is not None and not set(first.split()) & _COMPLEMENTED
    return verb_first(first) and (verb_first(later) or levelled)


_LEVELLED = re.compile(
    r"^ (?:the |my )?\w+(?: \w+)? (?:louder|softer|quieter) $"
)  # "kick +2 dB", read "kick louder"
# verbs whose complement the level may be: "make the hats and kick louder" is both louder
_COMPLEMENTED = frozenset(
    {"make", "turn", "get", "have", "keep", "leave", "set", "bring", "push", "pull", "let"}
)


def first_lost(alone: Intent, got: Intent) -> bool:
    """Whether ``got`` has no request of the op the sentence's first clause is read as alone (``alone``):
    "quantize the snare and make the chords busier" read as both parts busier, the quantize lost."""
    return alone.understood and not_carried(alone, got)


def more_done(split: Intent, got: Intent) -> bool:
    """Whether ``split`` does each request ``got`` does (op and target) and one ``got`` neither does nor carries
    as a value ("quantize it 25% and turn it into midi": the quantize a value of the transcription)."""
    done, more = ({_step(step) for step in intent.steps()} for intent in (got, split))
    ops = {op for op, _ in done}  # an op done on one part and not on another the split names ("them": each)
    new = [
        step
        for step in split.steps()
        if (not_carried(step, got) or (_step(step) not in done and _step(step)[0] in ops))
        and step.action not in _TRANSPORT
    ]
    return got.understood and done < more and bool(new)  # "stop the jam, stop it": the jam stopped, one


def _step(step: Intent) -> tuple[str, str]:
    said = means_of(step.as_dict())
    return str(said.get("op")), str(said.get("target"))


def not_carried(first: Intent, got: Intent) -> bool:
    """Whether ``got`` has no step of ``first``'s op nor carries it as a value ("quantize it 25% and turn it
    into midi": the quantize carried by the transcription)."""
    carried = {str(k) for step in got.steps() for k in (op_of(step), *means_of(step.as_dict()))}
    return str(op_of(first)) not in carried
