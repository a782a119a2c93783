"""Several requests in one sentence (issue 55; docs/intents.md "Several requests in one sentence").

The first request stays the Intent; each later request asked now goes in ``params["then"]``, a list
of ``{"action", "part", "params"}`` (``Intent.as_dict()``'s shape) in the order said:

- "transpose it up a fifth, then quantize it", "set the tempo first and then make a drum loop": the
  sentence is split where a later request starts ("then", "after that", "afterwards"), "first" said
  of the first one dropped; each clause is read alone by the whole reader (``read_one``: the rules,
  the learned reading and their agreement gate), and the split is used when the first clause is
  understood and each later one is a request, a plan, a condition or a reason;
- a clause the whole sentence's reading left undone (``not_done``: "mute the pad track and solo the
  bass") is read alone the same way;
- one change on several parts ("humanise the chords and the melody", "both the bass and the keys"):
  the first part's Intent, the others in ``then`` with the same action and params (``parts``);
- "... and do the same to the chords": the first change on that part.

A later clause read alone as a request the reading is not sure of (a question, a refusal) stays in
``not_done`` and is never acted on. A pronoun ("quantize it", "fade them in") is the first request's
target; a later clause with no place of its own that points back ("a bass for it too", "chords
there as well") is for the first request's place. A plan ("I'll chop it after", "we'll add vocals
later"), a condition on the listener ("star it if it's good") or a reason ("so I can sample it")
is neither ``then`` nor ``not_done``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bridge.commands import several_parts as multi
from bridge.commands import split_likely as sl
from bridge.commands.intent import Intent
from bridge.commands.made_parts import made_together, takes_of_made, takes_only
from bridge.commands.means import means_of
from bridge.commands.normalize import normalize
from bridge.commands.remarks import requested, verb_first
from bridge.commands.scoped import protects_only
from bridge.commands.split_likely import LATER_PLAUSIBLE, Likely, likely_for  # noqa: F401 (agree reads them here)

Reader = Callable[[str], Intent]

# where a later request starts: "..., then", "and then", "and after that", "afterwards"
_LATER = re.compile(
    r"(?:\s*[,;.]\s*|\s+)(?:and\s+|but\s+)?(?:then|after\s+that|afterwards|after\s+which)\b[\s,]*", re.I
)
# "first ..." / "... first" said of a request ("set the tempo to 128 first"), not "the first" (a take, a bar)
_FIRST = re.compile(
    r"^\s*(?:first(?:ly)?|first of all|to start|to begin)\b[\s,]*|(?<!\bthe)(?<!\bmy)(?<!\bthat)[\s,]+first\s*$",
    re.I,
)
# an aside said with a request: "while you're at it", "while I check something", "real quick"
_ASIDE = re.compile(
    r"[\s,]*(?:\bwhile (?:you|u|i|we)\b.*|\breal quick\b|\bfor me\b|\bplease\b|\bpls\b|\bafter(?:wards)?\b)\s*$",
    re.I,
)
_COMMA = re.compile(r"\s*[,;]\s*")
# a join: "and", "plus", "n", "an", "also", a comma not before "just" (a later clause starts with its verb)
_AND = re.compile(r"\s*,?\s+(?:and|&|plus|n|an)\s+(?:also\s+)?|\s*,?\s+also,?\s+|\s*[,;]\s*(?!\s*(?:but\s+)?(?:just|only)\b)", re.I)  # fmt: skip
# a plan for later, said by the producer of themself: "I'll chop it", "we will add chords later"
_PLAN = re.compile(
    r"^(?:and |so |then |but |maybe )*(?:i ?'?ll|we ?'ll|we ll|i will|we will|i'?m (?:gonna|going to)|im (?:gonna|going to)|"
    r"we'?re (?:gonna|going to)|were (?:gonna|going to)|i can|we can|i might|we might|let me|lemme|i want to|i wanna|"
    r"i'?d like to|i need to|we need to|i have to|we have to)\b",
    re.I,
)
# a condition on the listener ("if it slaps", "unless it clashes") or a reason ("so I can chop it")
_CONDITION = re.compile(r"\b(?:if|unless|in case|assuming|provided)\b", re.I)
_REASON = re.compile(
    r"^(?:and )?(?:so (?:that |i |we |it |they |you )|because|cause|cos|coz|cuz|since|as i |to make)\b", re.I
)
_PRONOUN = re.compile(r"\b(?:it|them|em|that|those|these|this one|that one)\b", re.I)
# "do the same to the chords", "same thing for the bass", "the same on the keys"
_SAME = re.compile(
    r"^(?:and )?(?:(?:do|does|give|apply) )?(?:the )?same(?: thing| again)? (?:to|for|on|with) (.+)$", re.I
)
# keys an Intent names its target by, carried to a later clause that says only a pronoun
_TARGET_KEYS = ("track_name", "target", "voices")
# a later clause pointing back at the first request's place: "a bass for it too", "chords there as well"
_BACK = re.compile(r"\b(?:too|as well|there|for (?:it|that|them)|in (?:it|there)|on (?:it|there))\b", re.I)
_PLACED = ("generate", "vary", "adjust", "transform", "automate", "mixer")  # requests said over a place
_BACK_ONLY = re.compile(r"\s*\b(?:there|for (?:it|that)|in there|on there)\b\s*", re.I)


def clauses(heard: str) -> list[str]:
    """The clauses a sentence said in order ("..., then ...") is read as, each alone (none for one
    request): read ahead with the whole sentence, in one call of the learned reading."""
    pieces = [p for p in _LATER.split(heard) if p.strip()]
    return [_clean(_FIRST.sub("", p)) for p in pieces] if len(pieces) > 1 else []


def is_aside(clause: str) -> bool:
    """A plan, a condition on the listener or a reason: no request now."""
    said = " ".join(clause.lower().split())
    if _PLAN.match(said) or _CONDITION.search(said) or _REASON.match(said):
        return True
    return protects_only(normalize(clause)[0])  # "and keep the verse chords as they are"


def read(heard: str, whole: Intent, read_one: Reader, likely: Likely = lambda *_: True, paired: bool = False) -> Intent:  # fmt: skip
    """The whole sentence's reading ``whole`` with its later requests in ``params["then"]``. A split
    is used only where it is ``likely`` (``likely(split, sequenced)``: the whole sentence's learned
    reading finds the first request's op plausible, or, where "then" says a later request follows,
    its likeliest op is one of the split's: a fragment read out of its sentence may be misread);
    ``paired``: two clauses each led by its verb, joined by "and", are weighed as if "then" joined them."""
    tail = _COMMA.split(heard)
    if len(tail) > 1 and _PLAN.match(tail[-1].strip()):  # "..., we'll add chords later": not asked now
        cut = read_one(heard[: heard.rfind(tail[-1])].rstrip(" ,;"))
        heard, whole = (cut.heard, cut) if cut.understood else (heard, whole)
    pieces = [p for p in _LATER.split(heard) if p.strip()]
    if len(pieces) > 1:
        split = _split(heard, pieces, read_one)
        if split is not None and likely(split, True):
            return split
    got = _one(heard, read_one, whole)
    first = _AND.search(heard)  # "quantize the snare and make the chords busier" read as both busier: two
    lost = first is not None and sl.multi_verbs(heard, first) and sl.first_op_lost(_clean(heard[: first.start()]), got, read_one)  # fmt: skip
    if (got.params.get("then") or got.params.get("not_done")) and not lost:
        return got
    for joint in _AND.finditer(heard):  # "mute the pad track and solo the bass": read as two requests
        rest = _clean(heard[joint.end() :])
        said = normalize(rest)[0]
        comma = not joint.group(0).strip(
            " ,;"
        )  # "mute bass, solo drums": only two requests, each with its verb
        verbs = sl.multi_verbs(heard, joint)
        if comma and not verbs:
            continue
        if not (verb_first(said) or _SAME.match(rest.lower()) or (requested(said) and _PRONOUN.search(rest))):
            continue  # "tighten it up", "beef it up": a phrasal verb round a pronoun is a request too
        split = _split(heard, [heard[: joint.start()], rest], read_one)
        if split is None:
            got = got if comma else _first_lost(_clean(heard[: joint.start()]), got, rest, read_one)
            continue
        # two requests each led by its verb ("swing the hats and make the bass louder") are as plainly two as
        # "..., then ...": the whole's learned reading is often its last one, and one that lost the first's op
        # ("quantize the snare and make the chords busier" read as both busier) is no reading of it
        if not likely(split, paired and verbs):
            continue
        if verbs and not comma and got.understood and sl.not_carried(split, got):  # fmt: skip
            return split
        # an understood reading stands unless it is the first clause's alone, the rest a request read, or
        # the rest points back at the first's target ("mute the drums and thin them out": two); after a comma
        # only a reading that spread one change over a part the split changes another way ("louder kick, ...")
        if (
            not got.understood
            or multi.swallowed(got, split)
            or (not comma and _same_request(split, got) and "not_done" not in split.params)
        ):
            return split
        if (
            not comma
            and _PRONOUN.search(rest)
            and split.params.get("then")
            and "not_done" not in split.params
        ):
            if _only(got, read_one(rest), target=False):
                return split
    return got


def _only(whole: Intent, rest: Intent, target: bool) -> bool:
    """Whether the whole sentence's reading is the later clause's alone (its target aside unless
    ``target``): the first clause's request is nowhere in it ("quantize it 25% and turn it into
    midi", one transcription quantized, is not)."""
    said = {k: v for k, v in means_of(whole.as_dict()).items() if k not in ("then", "not_done")}
    alone = {k: v for k, v in means_of(rest.as_dict()).items() if k not in ("then", "not_done")}
    if target:
        return said == alone
    return rest.understood and {k: v for k, v in said.items() if k != "target"}.items() <= alone.items()


def _first_lost(head: str, got: Intent, rest: str, read_one: Reader) -> Intent:
    """``got``, read as the later clause ``rest`` alone, with a first clause it left out and that
    cannot be read alone ("pull it down and tighten it up" read as the second) named in
    ``not_done``: a request said is never lost silently."""
    if not got.understood or is_aside(head) or not requested(normalize(head)[0]):
        return got
    if not _only(got, read_one(rest), target=True):
        return got
    if head in got.params.get("not_done", []) or read_one(head).understood:
        return got
    then = list(got.params.get("then", []))
    return _with(got, then, [*got.params.get("not_done", []), head])


def _repeats(first: Intent, later: dict[str, Any]) -> bool:
    params = {k: v for k, v in first.params.items() if k not in ("then", "not_done", "heard")}
    return (later["action"], later["part"], later["params"]) == (first.action, first.part, params)


def _same_request(split: Intent, whole: Intent) -> bool:
    first = {k: v for k, v in split.params.items() if k not in ("then", "not_done")}
    return (split.action, split.part, first) == (whole.action, whole.part, whole.params)


def _one(text: str, read_one: Reader, whole: Intent | None = None) -> Intent:
    """One clause's reading (``whole`` when already read): a change on two parts spread over them,
    a clause it left undone read alone."""
    intent = read_one(text) if whole is None else whole
    made = made_together(text, intent, read_one)  # "a drum beat and a bass line": each part made
    if made is not intent:
        return made
    spread = multi.over_parts(text, intent, read_one)
    return _undone(intent, read_one) if spread is intent else spread


def _split(heard: str, pieces: list[str], read_one: Reader) -> Intent | None:
    """The first clause's Intent with the later ones as ``then`` (or ``not_done``), or None when the
    first is not understood or a later clause is neither a request nor an aside."""
    said = _clean(_FIRST.sub("", pieces[0]))
    if protects_only(normalize(said)[0]):  # "leave the kick alone and thin out the rest": one change
        return None
    first = _one(said, read_one)
    if not first.understood:
        return None
    then, left = list(first.params.get("then", [])), list(first.params.get("not_done", []))
    for piece in pieces[1:]:
        clause = _clean(_FIRST.sub("", piece))
        if is_aside(clause):
            continue
        later = later_request(first, clause, read_one)
        if later is not None:  # the first request said again ("what key and tempo this is in"): one
            then += [] if _repeats(first, later) else [later]
        elif requested(normalize(clause)[0]):
            left.append(clause)
        else:
            return None  # "then it drops": a description, not a request: the whole reading stands
    return _with(Intent(first.action, first.part, first.params, heard), then, left)


def _undone(whole: Intent, read_one: Reader) -> Intent:
    """``whole`` with each clause it left undone read alone: a request read surely goes in ``then``."""
    left = whole.params.get("not_done")
    if not left:
        return whole
    then: list[dict[str, Any]] = list(whole.params.get("then", []))
    still: list[str] = []
    for clause in left:
        if is_aside(clause):
            continue
        later = later_request(whole, clause, read_one)
        if later is None:
            still.append(clause)
        else:
            then.append(later)
    return _with(whole, then, still)


def later_request(first: Intent, clause: str, read_one: Reader) -> dict[str, Any] | None:
    """A later clause as ``{"action", "part", "params"}``, or None when it is no request read surely:
    the first change on other parts ("the melody", "do the same to the keys"), else the clause read
    alone, a pronoun in it the first request's target."""
    said = _clean(clause)
    same = _SAME.match(said.lower())
    named = multi.parts_only(same.group(1) if same else said)
    if named and (same or multi.spreads(first)):
        return multi.on_part(first, named[0]) if len(named) == 1 else None
    if named and first.action != "generate":  # "play the drums then the bass": no new part asked
        return None
    alone = read_one(said)
    place = first.params.get("region") if _BACK.search(said) else None
    if place and not alone.understood:  # "chords there too": the place said back, the request alone
        alone = read_one(_BACK_ONLY.sub(" ", said).strip())
    if not alone.understood:  # "give me 3 options" alone asks; after a part made it counts its takes
        return takes_only(first, normalize(said)[0])
    if "not_done" in alone.params or "then" in alone.params:
        return None
    params = dict(alone.params)
    part = alone.part
    if _PRONOUN.search(said) and part is None and not any(params.get(k) for k in _TARGET_KEYS):
        part = first.part
        params.update({k: first.params[k] for k in _TARGET_KEYS if first.params.get(k)})
    if place and "region" not in params and alone.action in _PLACED:  # no place of its own: the first's
        params["region"] = place
    params.pop("heard", None)
    return takes_of_made(first, alone, said) or {"action": alone.action, "part": part, "params": params}


def _clean(clause: str) -> str:
    return " ".join(_ASIDE.sub("", clause).strip(" ,;.").split())


def _with(first: Intent, then: list[dict[str, Any]], left: list[str]) -> Intent:
    """``first`` with its later requests and the clauses left undone; a part made and then said made
    again in a setting ("write a bassline and make it funky") is one part made in that setting."""
    params = {k: v for k, v in first.params.items() if k not in ("then", "not_done")}
    for later in list(then):
        again = later["action"] == first.action == "generate" and later["params"].get("again")
        said = set(later["params"]) - {"variations"}  # takes counted later: the make's (takes_of_made)
        if again and later["part"] in (first.part, None) and not said & set(params):
            params.update({k: v for k, v in later["params"].items() if k != "again"})
            then.remove(later)
    if then:
        params["then"] = then
    if left:
        params["not_done"] = left
    return Intent(first.action, first.part, params, first.heard)
