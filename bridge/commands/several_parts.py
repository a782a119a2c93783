"""One change on several parts (issue 55): "humanise the chords and the melody", "both the bass and
the keys quieter", "mute the drums plus the bass"; round 33, three or more listed ("make the bass, chords
and melody quieter"; under a mixer switch tracks too: "mute keys, pads and strings"). The first part's Intent, each other part a request
in ``params["then"]`` with the same action and params (``means.py`` reads such a chain as one op
with a target list). Only the changes, the mixer's switches and the take ops spread over parts: "make
drums and bass" asks for two new parts (or the genre), never one change. Stdlib only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bridge.commands import vocab as v
from bridge.commands.intent import Intent, unknown
from bridge.commands.means import means_of
from bridge.commands.normalize import normalize
from bridge.commands.rephrase import sentence_for
from bridge.commands.spotting import take
from bridge.commands.track_words import INSTRUMENTS

SPREADS = ("transform", "adjust", "vary", "infill", "mixer", "history", "automate", "continue")
MAIN = frozenset({"drums", "bass", "chords", "melody"})
_PHRASES = sorted((p for p, part in v.PARTS.items() if part in MAIN), key=len, reverse=True)
_PART = r"(?:the\s+|my\s+|our\s+)?(" + "|".join(re.escape(p) for p in _PHRASES) + r")"
# "the chords and the melody", "both the bass and the keys", "drums plus bass", "the bass & the kit", "and also"
_PAIR = re.compile(
    r"\b(?:both\s+)?" + _PART + r"\s*,?\s+(?:and(?:\s+also)?|plus|&|n|as well as)\s+" + _PART + r"\b", re.I
)
# a list of three or more ("the bass, chords and melody", "keys, pads and strings", "the bass and the chords and
# the melody"): parts, or tracks named by their instrument (a mixer switch), the last joined by "and" or a comma
_TRACKS = tuple(sorted((w for w in INSTRUMENTS if w not in v.PARTS), key=len, reverse=True))
_ITEM = (
    r"(?:the\s+|my\s+|our\s+)?(?:"
    + "|".join(re.escape(p) for p in (*_PHRASES, *_TRACKS))
    + r")(?:\s+(?:part|track|line))?"
)
_SEP = r"(?:\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|plus|&|n)\s+)"
_LIST = re.compile(rf"\b(?:all\s+(?:of\s+)?|both\s+)?{_ITEM}(?:{_SEP}{_ITEM}){{2,}}\b", re.I)
_ONE = re.compile(
    r"(?:the\s+|my\s+|our\s+)?("
    + "|".join(re.escape(p) for p in sorted((*_PHRASES, *_TRACKS), key=len, reverse=True))
    + r")(?:\s+(?:part|track|line))?\b",
    re.I,
)
_FILLERS = frozenset({"the", "my", "our", "both", "too", "also", "as", "well", "and", "plus", "&", "n", "_"})
_TARGET_KEYS = ("track_name", "target", "voices", "heard", "then", "not_done")


def spreads(intent: Intent) -> bool:
    """Whether ``intent``'s change is one that another part named with it gets too."""
    return intent.understood and intent.action in SPREADS


def parts_only(text: str) -> list[str]:
    """The main parts a clause names when it names nothing else ("the melody", "the keys too")."""
    s = normalize(text)[0]
    found, rest = take(s, dict(zip(_PHRASES, (v.PARTS[p] for p in _PHRASES), strict=True)))
    if not found or any(w not in _FILLERS for w in rest.split()):
        return []
    return list(dict.fromkeys(found))


def on_part(first: Intent, part: str) -> dict[str, Any]:
    """The first request's change on another part, as a ``then`` entry."""
    params = {k: val for k, val in first.params.items() if k not in _TARGET_KEYS}
    return {"action": first.action, "part": part, "params": params}


def over_parts(heard: str, intent: Intent, read_one: Callable[[str], Intent]) -> Intent:
    """``intent`` (the sentence's reading) or, where the sentence names two parts joined ("the chords
    and the bass") and reads as a change on the first alone, that change with the second in ``then``."""
    listed = _listed(heard, intent, read_one)
    if listed is not None:
        return listed
    pair = _PAIR.search(heard)
    if pair is None:
        return intent
    one, other = (v.PARTS[pair.group(i).lower()] for i in (1, 2))
    if one == other:
        return intent
    if intent.understood and (not spreads(intent) or "," in str(intent.params.get("voices", ""))):
        return intent  # "make drums and bass": two parts made; "keep the kick and the snare": one op on both
    alone = read_one(f"{heard[: pair.start()]}the {pair.group(1)}{heard[pair.end() :]}")
    if not intent.understood and _asks(alone, read_one):  # "shuffle the drums and the bass": asked of both
        asked = _asked(heard, [one, other], [alone], read_one)
        if str(asked.params.get("reason")).startswith("did you mean"):
            return asked
    if not spreads(alone) or alone.part != one or "not_done" in alone.params or "then" in alone.params:
        return intent
    if intent.understood and intent.action != alone.action:
        return intent
    return _each_alone(heard, pair.span(), alone, [(other, pair.group(2))], read_one)


def _asks(intent: Intent, read_one: Callable[[str], Intent]) -> bool:
    """Whether ``intent`` is a question offering changes only ("did you mean 'vary the drums' or 'swing the
    drums'?"); one offering a new part ("make a drum beat") is no change said of the parts listed."""
    reason = str(intent.params.get("reason", ""))
    said = re.findall(r"'([^']+)'", reason)
    return reason.startswith("did you mean") and all(_op(read_one(x)) not in (None, "make") for x in said)


def _target(words: str) -> str:
    """A listed item's target: a part ("keys" -> "chords") or ``track:<name>`` ("pads")."""
    words = words.lower()
    return v.PARTS[words] if words in v.PARTS else f"track:{words}"


def _listed(heard: str, intent: Intent, read_one: Callable[[str], Intent]) -> Intent | None:
    """The change on each of three or more targets listed ("make the bass, chords and melody quieter"): the
    first as said alone, each other in ``then``; None where the sentence lists none or the change does not
    spread (a track, "pads", only under a mixer switch)."""
    found = _LIST.search(heard)
    if found is None or (intent.understood and not spreads(intent)):
        return None
    said = [m.group(1) for m in _ONE.finditer(found.group(0))]
    targets = list(dict.fromkeys(_target(w) for w in said))
    if len(targets) < 2:
        return None
    first = said[[_target(w) for w in said].index(targets[0])]
    alone = read_one(f"{heard[: found.start()]}the {first}{heard[found.end() :]}")
    if not spreads(alone) or "not_done" in alone.params or "then" in alone.params:
        return None
    if intent.understood and intent.action != alone.action:
        return None
    tracks = any(t.startswith("track:") for t in targets)
    if tracks and alone.action != "mixer":
        return None
    others = [(t, said[[_target(w) for w in said].index(t)]) for t in targets[1:]]
    return _each_alone(heard, found.span(), alone, others, read_one)


def _op(intent: Intent) -> object:
    return means_of(intent.as_dict()).get("op") if intent.understood else None


def _each_alone(
    heard: str,
    span: tuple[int, int],
    alone: Intent,
    others: list[tuple[str, str]],
    read_one: Callable[[str], Intent],
) -> Intent:
    """``alone`` (the change read on the list's first part) with each other part in ``then``, as the sentence
    said of that part alone reads it ("shuffle the bass and the drums": the drums read alone too, never the
    bass's reading copied); a question where a part alone reads another op or is asked about. A part said
    by another word that reads another op alone is read by its own name too ("the comping": "the chords"): the
    learned reading doubts a word it was never taught as a part alone more than in its sentence."""
    op, then, readings = _op(alone), [], [alone]
    for target, word in others:
        own = read_one(f"{heard[: span[0]]}the {word}{heard[span[1] :]}")
        if _op(own) != op and target in MAIN and word.lower() != target:  # "the comping": as "the chords" too
            own = read_one(f"{heard[: span[0]]}the {target}{heard[span[1] :]}")
        readings.append(own)
        if _op(own) != op:
            continue
        mine = (
            own.part == target and own.action == alone.action and not {"then", "not_done"} & set(own.params)
        )
        then.append(on_part(own, target) if mine else _on_target(alone, target))
    if len(then) == len(others):
        return Intent(alone.action, alone.part, {**alone.params, "then": then}, heard)
    return _asked(heard, [alone.part, *(t for t, _ in others)], readings, read_one)


def _asked(
    heard: str, targets: list[Any], readings: list[Intent], read_one: Callable[[str], Intent]
) -> Intent:
    """The question for parts whose readings alone differ: the sentence said of them all with each op a part
    alone is read as, or a question of that part offers ("did you mean 'vary the bass line and the drums' or
    'swing the bass line and the drums'?")."""
    ops: list[object] = []
    for reading in readings:
        asked = re.findall(r"'([^']+)'", str(reading.params.get("reason", "")))
        ops += [_op(reading)] if reading.understood else [_op(read_one(x)) for x in asked]
    s, key, _ = normalize(heard)
    targets = [t for t in targets if isinstance(t, str) and not t.startswith("track:")]
    said = [x for o in dict.fromkeys(ops) if o and (x := sentence_for(str(o), targets, s, key, offered=True))]
    if not said:
        return unknown(heard, "what should change in each of them?")
    return unknown(heard, "did you mean " + " or ".join(f"'{x}'" for x in said[:3]) + "?", said[:3])


def _on_target(first: Intent, target: str) -> dict[str, Any]:
    if not target.startswith("track:"):
        return on_part(first, target)
    params = {k: val for k, val in first.params.items() if k not in _TARGET_KEYS}
    return {"action": first.action, "part": None, "params": {**params, "track_name": target[6:]}}


def swallowed(whole: Intent, split: Intent) -> bool:
    """Whether the whole sentence's change was spread over a part that a later request of it changes
    another way ("make the kick louder and quantize the hats": the hats quantized, not louder; "make the kick
    louder, make the hats softer": the kick louder, not softer)."""
    then = split.params.get("then")
    if not whole.understood or not then or "not_done" in split.params:
        return False
    said = means_of(whole.as_dict())
    targets = said.get("target")
    later = [means_of(step) for step in then] + [means_of(split.as_dict())]  # the first request too
    return isinstance(targets, list) and any(
        m["op"] != said["op"] and m.get("target") in targets for m in later
    )
