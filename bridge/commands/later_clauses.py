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
    r"^(?:and )?(?:(?:do|does|give|apply) )?(?:the )?same(?: thing| again)? (?:to|for|on|with) (.+)$", re.I
)
# keys an Intent names its target by, carried to a later clause that says only a pronoun
_TARGET_KEYS = ("track_name", "target", "voices")
# a later clause pointing back at the first request's place: "a bass for it too", "chords there as well"
_BACK = re.compile(r"\b(?:too|as well|there|for (?:it|that|them)|in (?:it|there)|on (?:it|there))\b", re.I)
_BACK_ONLY = re.compile(r"\s*\b(?:there|for (?:it|that)|in there|on there)\b\s*", re.I)
# the transport's requests: "play it from the top" after "mute the drums" plays the song, no part (intents.md)
_TRANSPORT = ("play", "stop")
_IT = re.compile(r"\b(?:it|them)\b", re.I)  # a pronoun that stands for a part said before
_PLACED = ("generate", "vary", "adjust", "transform", "automate", "mixer")  # requests said over a place


def later_request(first: Intent, clause: str, read_one: Reader) -> dict[str, Any] | None:
    """A later clause as ``{"action", "part", "params"}``, or None when it is no request read surely:
    the first change on other parts ("the melody", "do the same to the keys"), else the clause read
    alone, a pronoun in it the first request's target."""
    said = clean(clause)
    same = SAME.match(said.lower())
    named = multi.parts_only(same.group(1) if same else said)
    if named and (same or multi.spreads(first)):
        return multi.on_part(first, named[0]) if len(named) == 1 else None
    if named and first.action != "generate":  # "play the drums then the bass": no new part asked
        return None
    alone = read_one(said)
    place = first.params.get("region") if _BACK.search(said) else None
    if place and not alone.understood:  # "chords there too": the place said back, the request alone
        alone = read_one(_BACK_ONLY.sub(" ", said).strip())
    if not alone.understood and (named_back := _named_back(first, said)) is not None:
        again = read_one(named_back)  # "then make it a little bit louder": the bass, said by name
        alone = again if again.part == first.part else alone
    if not alone.understood:  # "give me 3 options" alone asks; after a part made it counts its takes
        return takes_only(first, normalize(said)[0])
    if "not_done" in alone.params or "then" in alone.params:
        return None
    params = dict(alone.params)
    part = alone.part
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
    return takes_of_made(first, alone, said) or {"action": alone.action, "part": part, "params": params}


def _named_back(first: Intent, said: str) -> str | None:
    """The later clause with its one "it" or "them" said as the first request's part ("make it a little
    bit louder" after "quantize the bass": "make the bass a little bit louder"), where the first request
    names a whole part or one voice of the drums ("swing the hats, then make them a bit louder"); else
    None. Read only where the clause alone is not understood: alone, "it" is any clip, so the learned
    reading may ask which."""
    voices = first.params.get("voices")
    if first.part is None or first.params.get("track_name") or first.params.get("target"):
        return None
    if voices is not None and not isinstance(voices, str):
        return None  # "the kick and the snare": said back as one, left to the question
    if len(_IT.findall(said)) != 1 or PRONOUN.search(_IT.sub(" ", said)):
        return None
    return _IT.sub(f"the {voices or first.part}", said)


def clean(clause: str) -> str:
    return " ".join(ASIDE.sub("", clause).strip(" ,;.").split())
