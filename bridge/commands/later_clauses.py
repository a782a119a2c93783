"""A later clause of a sentence of several requests read as its own request (issue 55; ``compound``'s
helper): the first change on other parts ("the melody", "do the same to the keys"), else the clause
read alone, a pronoun in it the first request's target, a place said back ("there", "for it") the
first request's place."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bridge.commands import several_parts as multi
from bridge.commands.intent import Intent
from bridge.commands.made_parts import takes_of_made, takes_only
from bridge.commands.means import means_of
from bridge.commands.normalize import normalize

Reader = Callable[[str], Intent]

# an aside said with a request: "while you're at it", "while I check something", "real quick"
ASIDE = re.compile(
    r"[\s,]*(?:\bwhile (?:you|u|i|we)\b.*|\breal quick\b|\bfor me\b|\bplease\b|\bpls\b|\bafter(?:wards)?\b)\s*$",
    re.I,
)
PRONOUN = re.compile(r"\b(?:it|them|em|that|those|these|this one|that one)\b", re.I)
# "do the same to the chords", "same thing for the bass", "the same on the keys"
SAME = re.compile(
    r"^(?:and )?(?:(?:do|does|give|apply|make) )?(?:the )?same(?: thing| change| again)? (?:goes )?(?:to|for|on|with) (.+)$",
    re.I,
)
# keys an Intent names its target by, carried to a later clause that says only a pronoun
_TARGET_KEYS = ("track_name", "target", "voices")
# a later clause pointing back at the first request's place: "a bass for it too", "chords there as well"
_BACK = re.compile(r"\b(?:too|as well|there|for (?:it|that|them)|in (?:it|there)|on (?:it|there))\b", re.I)
_BACK_ONLY = re.compile(r"\s*\b(?:there|for (?:it|that)|in there|on there)\b\s*", re.I)
# the transport's requests: "play it from the top" after "mute the drums" plays the song, no part (intents.md)
_TRANSPORT = ("play", "stop")
# a pronoun that stands for a part said before ("then make that louder"; never "that bass", "that one")
_IT = re.compile(
    r"\b(?:it|them|that(?= (?:up|down|a|an|by|to|louder|softer|quieter|busier|simpler|more|less|back|out|in|again|too|as well)\b|$))\b",
    re.I,
)
_BACK_TO = re.compile(
    r"\b(?:them both|both of them|all of them|them all|them|em|it|both|those|these)\b", re.I
)
_EACH = re.compile(r"\b(?:them|em|those|these|both|each|they)\b", re.I)  # more than one thing said before
_PLACED = ("generate", "vary", "adjust", "transform", "automate", "mixer")  # requests said over a place
# round 38: what a request adds on a drum voice it does not name: a later "them" is that voice ("add ghost
# notes to the snare, then make them softer": the snare's hits, never the whole kit)
_ADDED_ON = {"ghost_notes": "snare"}


def later_request(first: Intent, clause: str, read_one: Reader) -> list[dict[str, Any]] | None:
    """A later clause as requests ``{"action", "part", "params"}`` (one, or one per part it is said of), or
    None when it is no request read surely: the first change on other parts ("the melody", "do the same to
    the keys"), else the clause read alone, a pronoun in it the first request's target: "them" after one
    change on several parts ("swing the bass and the melody, make them softer") each of those parts, "it"
    there no one of them (None: left undone, never the first named alone)."""
    said = clean(clause)
    same = SAME.match(said.lower())
    named = multi.parts_only(same.group(1) if same else said)
    if named and (same or multi.spreads(first)):
        return [multi.on_part(first, named[0])] if len(named) == 1 else None
    if named and first.action != "generate":  # "play the drums then the bass": no new part asked
        return None
    alone = multi.over_parts(said, read_one(said), read_one)  # "make the bass and the melody softer": each
    back = listed(first) and alone.action not in _TRANSPORT and not _own_target(alone)
    if back and len(_BACK_TO.findall(said)) == 1:
        return _each(first, said, read_one) if _EACH.search(said) else None  # "it" of two: neither alone
    place = first.params.get("region") if _BACK.search(said) else None
    if place and not alone.understood:  # "chords there too": the place said back, the request alone
        alone = read_one(_BACK_ONLY.sub(" ", said).strip())
    if not _own_target(alone) and (back_said := named_back(first, said)) is not None:
        again = read_one(back_said)  # "then make it a little bit louder": the bass, said by name, its size
        added = _voices_of(first) != first.params.get("voices")  # "them" the voice added on, never the kit
        alone = (
            again
            if _said_of(again, first) and (not alone.understood or added or _more(again, alone))
            else alone
        )
    if not alone.understood:  # "give me 3 options" alone asks; after a part made it counts its takes
        takes = takes_only(first, normalize(said)[0])
        return None if takes is None else [takes]
    spread = listed(alone)  # "then make the bass and the melody softer": one change on each part said
    if "not_done" in alone.params or len(spread) != len(alone.params.get("then", [])):
        return None
    params = {k: val for k, val in alone.params.items() if k != "then"}
    part = alone.part
    if PRONOUN.search(said) and part is None and _voices_of(first) != first.params.get("voices"):
        return None  # what was added is not the first request's target: asked, never the whole kit
    if (
        PRONOUN.search(said)
        and part is None
        and alone.action not in _TRANSPORT
        and not any(params.get(k) for k in _TARGET_KEYS)
    ):
        part = first.part
        params.update({k: first.params[k] for k in _TARGET_KEYS if first.params.get(k)})
    if place and "region" not in params and alone.action in _PLACED:  # no place of its own: the first's
        params["region"] = place
    params.pop("heard", None)
    made = takes_of_made(first, alone, said)
    if made is not None:
        return [made]
    own = {k: val for k, val in params.items() if k not in _TARGET_KEYS}
    others = [{"action": alone.action, "part": t["part"], "params": {**own, **_target_of(t)}} for t in spread]
    return [{"action": alone.action, "part": part, "params": params}, *others]


def listed(intent: Intent) -> list[dict[str, Any]]:
    """The other targets of one change said of several (``several_parts``: "swing the bass and the melody"):
    each later request of ``intent`` that is its own op and values on another part; [] for one target."""
    own = {
        k: val for k, val in intent.params.items() if k not in (*_TARGET_KEYS, "then", "not_done", "heard")
    }
    return [
        t
        for t in intent.params.get("then", [])
        if t["action"] == intent.action
        and {k: val for k, val in t["params"].items() if k not in _TARGET_KEYS} == own
    ]


def _each(first: Intent, said: str, read_one: Reader) -> list[dict[str, Any]] | None:
    """The later clause said back of each target of one change on several ("make them softer" after "swing
    the bass and the melody": "make the bass softer", "make the melody softer"), each read alone; None
    where one is not read surely or a target has no name to say it by."""
    steps = []
    for request in ({"part": first.part, "params": first.params}, *listed(first)):
        params = request["params"]
        if params.get("target") or request["part"] is None:
            return None
        track = params.get("track_name")
        name = str(params.get("voices") or request["part"]).replace(",", " and the ")
        name = (
            f"the {name}" if not track else track if str(track).startswith("track ") else f"the {track} track"
        )
        alone = read_one(_BACK_TO.sub(name, said, count=1))
        if not alone.understood or "then" in alone.params or "not_done" in alone.params:
            return None
        steps.append(
            {
                "action": alone.action,
                "part": alone.part,
                "params": {k: val for k, val in alone.params.items() if k != "heard"},
            }
        )
    return steps


def _own_target(intent: Intent) -> bool:
    return intent.understood and (intent.part is not None or any(intent.params.get(k) for k in _TARGET_KEYS))


def _target_of(request: dict[str, Any]) -> dict[str, Any]:
    return {k: request["params"][k] for k in _TARGET_KEYS if request["params"].get(k)}


def _more(again: Intent, alone: Intent) -> bool:
    """Whether the clause said with the first target by name reads the same op as it alone, and more: a size
    ("make it a tad louder": the dial of "it" has none) or another value."""
    named, bare = ({k: v for k, v in means_of(i.as_dict()).items() if k != "target"} for i in (again, alone))
    if named.get("op") != bare.get("op"):
        return False
    sized = "amount" in again.params and "amount" not in alone.params  # "a tad louder": the dial has no size
    return sized or set(named) > set(bare)


def _said_of(again: Intent, first: Intent) -> bool:
    """Whether a later clause said again with the first request's target by name (``_named_back``) is read
    as a request on that target: its part, and its track or drum voice where the first names one."""
    track, voices = first.params.get("track_name"), _voices_of(first)
    return (
        again.understood
        and again.part == first.part
        and again.params.get("track_name") == track
        and (voices is None or again.params.get("voices") == voices)
    )


def named_back(first: Intent, said: str) -> str | None:
    """The later clause with its one "it" or "them" said as the first request's part ("make it a little
    bit louder" after "quantize the bass": "make the bass a little bit louder"), where the first request
    names a whole part or one voice of the drums ("swing the hats, then make them a bit louder"); else
    None. Read only where the clause alone is not understood: alone, "it" is any clip, so the learned
    reading may ask which."""
    voices, track = _voices_of(first), first.params.get("track_name")
    if (first.part is None and not track) or first.params.get("target") or (track and voices):
        return None
    if voices is not None and not isinstance(voices, str):
        return None  # "the kick and the snare": said back as one, left to the question
    if len(_IT.findall(said)) != 1 or PRONOUN.search(_IT.sub(" ", said)):
        return None
    name = (
        f"the {voices or first.part}"
        if not track
        else track
        if track.startswith("track ")
        else f"the {track} track"
    )
    return _IT.sub(name, said)


def _voices_of(first: Intent) -> object:
    """The drum voices a later pronoun stands for: those the first request names, else the voice what it
    adds is played on (``_ADDED_ON``)."""
    return first.params.get("voices") or _ADDED_ON.get(str(first.params.get("kind")))


def clean(clause: str) -> str:
    return " ".join(ASIDE.sub("", clause).strip(" ,;.").split())
