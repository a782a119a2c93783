"""Scoped clauses (issue 55): "leave X alone", "X is fine", "keep Y straight", "don't touch Y",
"except the Z" protect their target, and the change goes to the other part of the sentence.

"don't touch the kick, just thin the chords" is the chords made simpler (the kick is never the
target); "shuffle the hats but leave the snare straight" swings the hats and nothing else; "thin
the drums but leave the kick alone" thins every drum voice but the kick. The clause is cut out,
the rest is read by the rules, and the protected target is taken out of what the rest changes.
When the rest would change the protected target itself, or cannot change its part without it,
nothing is read here (the caller falls back to the whole sentence). Sentences are normalised.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bridge.commands import clip_words as cw
from bridge.commands import vocab as v
from bridge.commands.asides import REST_KEPT
from bridge.commands.change_words import MUTE_ALL_BUT
from bridge.commands.intent import Intent, unknown
from bridge.commands.means import means_of
from bridge.commands.region_words import SECTIONS
from bridge.commands.track_words import INSTRUMENTS

# every drum voice a local drum transform can take (engines/transforms/drum_voices.py)
ALL_VOICES = ("kick", "snare", "clap", "hats", "ride", "toms", "cymbals", "percussion")
LOCAL_DRUM_KINDS = ("humanize", "quantize", "swing", "density", "ornament")  # these take voices
_TARGETS = "|".join(
    re.escape(p)
    for p in sorted({*v.PARTS, *cw.DRUM_VOICES, *INSTRUMENTS, "hat", "hi-hats"}, key=len, reverse=True)
)
_T = rf"(?:the |my |that |those |these |our )?(?P<t>{_TARGETS})(?: part| track| line| pattern| cymbals?)?"
_JOIN = r"(?: ?(?:but|and|just|only|then|so|though|while|however|please),?)*"
_KEPT = (
    "alone|as is|as it is|as they are|untouched|the same|how it is|how they are|where it is|where they are|"
    "unchanged|intact|exactly as is|out of it|out of this|straight|on the grid|dry|how it was|be|like it is|"
    "like they are|like it was|the way it is|the way they are"
)
_SECTIONS = "|".join(SECTIONS)
# "leave the verses as they are", "keep the verse chords as they are": a section kept (its part or all)
_KEPT_SECTION = re.compile(
    rf"{_JOIN} (?:leave|keep) (?:the |my |that |those |these |our |every |each |all the |both )?"
    rf"(?P<s>{_SECTIONS})(?:e?s)?(?: (?:{_TARGETS})(?: part| track| line| pattern)?)? (?:{_KEPT})(?= )"
)
# a change of "it" or "them" said after the praise: the part praised ("..., but make them busier")
_BACK = (
    r".* (?!(?:touch|leave|change|keep|alter|move|edit|where|as|how|like|is|s|was) )[a-z]+ (?:it|them|em) "
)
CLAUSES = (
    re.compile(rf"{_JOIN} (?:leave|keep) {_T} (?:{_KEPT})(?= )"),
    # "make the drums simpler but leave the kick": a part left last, nothing said after it (round 37: it was
    # read as the change's own target, the kick alone made simpler)
    re.compile(rf" (?:but|and|though|while)(?: just)? (?:leave|keep) {_T}(?= $)"),
    re.compile(
        rf"{_JOIN} (?:dont|do not|don't|never|no need to) (?:touch|change|mess with|alter|edit|move|"
        rf"fiddle with|mess up) {_T}(?= )"
    ),
    # "the bass is fine, ...", never "the bass is fine but make it louder": the part praised is changed
    re.compile(
        rf"{_JOIN} {_T} (?:is|are|r|s|sounds|sound|seems|seem|feels|feel) (?:already )?(?:fine|good|great|"
        rf"perfect|ok|okay|sorted|done|spot on|solid|right|nice)(?: as is| as it is| already)?(?= )(?!{_BACK})"
    ),
    re.compile(
        rf"{_JOIN} {_T} (?:stays|stay|remains|remain|is staying|are staying)(?= )"
    ),  # "kick stays, ..."
    re.compile(rf"(?: but)? (?:except|apart from|but not|other than|excluding|not) (?:for )?{_T}(?= )"),
    re.compile(rf"(?<= everything)(?<! do everything) but {_T}(?= )"),  # "everything but the bass"
    # "leave the kick, just thin out the hats": a part kept first, the change said "just" or "only" after it
    re.compile(
        rf"^ (?:leave|keep) {_T}(?= (?:but |and )?(?:just|only) (?!{_TARGETS}|the |my )(?!.* (?:it|them|this|that) ))"
    ),
)


# the words around a protection that ask it politely ("could you leave the kick as it is"): no request of their own
_ASKING = re.compile(
    r"\b(?:but|and|just|please|pls|kindly|so|then|(?:could|can|would|will) (?:you|u|we)(?: please)?)\b"
)


def protects_only(clause: str) -> bool:
    """Whether a clause is only a protection ("keep the verse chords as they are", "the drums are
    fine"): what it keeps is not a thing left undone."""
    rest = f" {' '.join(clause.split())} "
    for pattern in (_KEPT_SECTION, *CLAUSES, REST_KEPT):  # "leave the rest": what a change leaves anyway
        rest = pattern.sub(" ", rest)
    return rest != f" {' '.join(clause.split())} " and not _ASKING.sub("", rest).strip()


@dataclass(frozen=True)
class Scoped:
    rest: str  # the sentence without its scoped clauses (normalised, padded with spaces)
    protected: tuple[str, ...]  # what the clauses protect: a part, a drum voice, or ``track:<name>``
    kept_first: bool = False  # "leave the kick, just ...": the rest is the whole request


def target_of(words: str) -> str:
    """A protected target's name: a part ("bass line" -> "bass"), a drum voice, or a track."""
    if words in cw.DRUM_VOICES:
        return cw.DRUM_VOICES[words]
    if words in ("hat", "hi-hats"):
        return "hats"
    if words in v.PARTS:
        return v.PARTS[words]
    return f"track:{words}"


def scoped_of(s: str) -> Scoped | None:
    """The sentence's scoped clauses cut out, or None when it has none or nothing else is said."""
    protected: list[str] = []
    rest = s
    while (kept := _KEPT_SECTION.search(rest)) is not None:
        protected.append(f"section:{kept.group('s')}")
        rest = rest[: kept.start()] + " " + rest[kept.end() :]
    kept_first = False
    for clause in CLAUSES:
        while (m := clause.search(rest)) is not None:
            protected.append(target_of(m.group("t")))
            rest = rest[: m.start()] + " " + rest[m.end() :]
            kept_first = kept_first or clause is CLAUSES[-1]
    rest = re.sub(  # "could you [leave the kick alone] and just ...": the asking kept, the joining words not
        r"^((?: (?:(?:could|can|would|will) (?:you|u|we)|please|pls|kindly))*)(?: (?:but|and|just|only|then|so|please|"
        r"instead|,))+ ",
        r"\1 ",
        f" {' '.join(rest.split())} ",
    )
    if not protected or not rest.strip():
        return None
    return Scoped(rest, tuple(dict.fromkeys(protected)), kept_first)


def read_scoped(heard: str, s: str, read: Callable[[str], Intent]) -> Intent | None:
    """The intent of a sentence with scoped clauses (``read`` parses the rest), or None."""
    scoped = scoped_of(MUTE_ALL_BUT.sub("everything ", s))  # "mute every track except the drums": everything
    if scoped is None:
        return None
    if (but := _all_but(heard, scoped, read)) is not None:  # "keep everything but the bass": the bass out
        return but
    intent = read(scoped.rest)
    spared = [p for p in scoped.protected if p in v.EVERY_PART] if _EVERYTHING.search(scoped.rest) else []
    whole = intent if intent.understood or not spared else read(s)  # "make everything quieter" alone: asked
    if spared and whole.understood and whole.action != "mixer":  # "everything but the drums quieter": no one
        return _part_by_part(heard, whole, spared)  # op names the other parts, so each is asked for
    if not intent.understood and scoped.kept_first and str(intent.params.get("reason", "")).endswith("?"):
        return Intent(intent.action, intent.part, {**intent.params, "heard": heard}, heard)  # its question
    if not intent.understood or intent.action in ("confirm", "help", "undo", "play", "stop", "cancel"):
        return None
    sections = [p.split(":", 1)[1] for p in scoped.protected if p.startswith("section:")]
    if sections:  # "busier in the chorus but leave the verses as they are": the change is the chorus's
        region = intent.params.get("region")
        said = region.get("section") if isinstance(region, dict) else None
        if said is None or said in sections:  # the kept section is never the scope; no other section said
            return unknown(heard, f"which part of the song should change (the {sections[0]} stays as it is)?")
    kept = protect(intent, tuple(p for p in scoped.protected if not p.startswith("section:")))
    return None if kept is None else Intent(kept.action, kept.part, kept.params, heard)


_WHOLE = r"(?:everything|it all|all of it|all|all the parts|every part|the whole thing|the lot)"
_MORE = rf"(?P<more>(?: (?:and|,) (?:the )?(?:{_TARGETS}))*)"
_KEEP_ALL = re.compile(rf"^ (?:(?:please|just|so|ok) )*(?:keep|save) {_WHOLE}{_MORE}(?: please| pls)? $")
_DROP_ALL = re.compile(
    rf"^ (?:(?:please|just|so|ok) )*(?:get rid of|remove|delete|lose|drop|clear|take out|kill|ditch|bin|scrap) "
    rf"{_WHOLE}{_MORE}(?: please| pls)? $"
)


def _all_but(heard: str, scoped: Scoped, read: Callable[[str], Intent]) -> Intent | None:
    """ "keep everything but the bass" (the bass taken out: read as "remove the bass"; a drum voice likewise,
    never kept alone), or "get rid of everything except the chords" (the other parts' notes out or the chords
    soloed: asked, no one op takes three parts out); None for any other rest."""
    keep, drop = _KEEP_ALL.match(scoped.rest), _DROP_ALL.match(scoped.rest)
    found = keep or drop
    if found is None:
        return None
    more = re.findall(rf"(?:and|,) (?:the )?({_TARGETS})", found.group("more"))
    named = list(dict.fromkeys([*scoped.protected, *(target_of(w) for w in more)]))
    parts = [p for p in named if p in v.EVERY_PART]
    voices = [p for p in named if p in cw.DRUM_VOICES.values()]
    if len(parts) + len(voices) != len(named) or (parts and voices):
        return None
    if keep is not None:
        out = read(" remove " + " and ".join(f"the {p}" for p in named) + " ")
        return Intent(out.action, out.part, out.params, heard) if out.understood else None
    if voices:  # "get rid of everything except the kick": the drums' keep-only, read as the whole sentence
        return None
    rest = [p for p in v.EVERY_PART if p not in parts]
    kept = " and the ".join(parts)
    tips = [f"solo the {kept}", f"remove the {rest[0]}"]
    return unknown(
        heard,
        f"(e.g. '{tips[0]}', or '{tips[1]}' then 'remove the {rest[1]}') only the {kept}: soloed, "
        f"or every other part's notes taken out, one at a time?",
        tips,
    )


_EVERYTHING = re.compile(r" (?:everything|all|every part|the whole thing|all the parts) ")
_SAID = {"softer": "make the {} softer", "louder": "make the {} louder", "busier": "make the {} busier",
         "simpler": "make the {} simpler", "quantize": "quantize the {}", "humanize": "humanize the {}",
         "swing": "swing the {}", "vary": "vary the {}", "remove": "mute the {}", "transpose": "transpose the {} up an octave"}  # fmt: skip


def _part_by_part(heard: str, intent: Intent, spared: list[str]) -> Intent:
    """The question for a change of every part but some ("make everything but the drums quieter"): no one op
    names the rest, so each is asked for, the change said of two of them as examples."""
    said = _SAID.get(str(means_of(intent.as_dict()).get("op")), "vary the {}")
    examples = [said.format(p) for p in v.EVERY_PART if p not in spared][:2]
    tips = " then ".join(repr(e) for e in examples)
    return unknown(
        heard, f"(e.g. {tips}) every part but the {' and the '.join(spared)}: which, one at a time?", examples
    )


def protect(intent: Intent, protected: tuple[str, ...]) -> Intent | None:
    """``intent`` with the protected targets taken out of what it changes, or None when it cannot
    change what it names without changing one of them."""
    params = dict(intent.params)
    named = {intent.part, params.get("target"), *_track(params)}
    voices = [x for x in str(params.get("voices") or "").split(",") if x]
    if intent.action == "mixer" and intent.part == "all":  # "mute everything except the piano": a solo
        return (
            _solo(protected[0], intent.heard) if params.get("do") == "mute" and len(protected) == 1 else None
        )
    if named & set(protected) or set(voices) & set(protected):
        return None
    drum_voices = [p for p in protected if p in ALL_VOICES]
    if not drum_voices or intent.part not in ("drums", "all", None) or voices:
        return intent  # the change is on another part, or on voices of its own
    if intent.action == "adjust" and params.get("what") in ("density", "complexity"):
        amount = cw.DENSITY_AMOUNT["up" if params.get("direction") == "up" else "down"]
        params = {"kind": "density", "amount": amount}  # the drums thinned voice by voice, not regrown
        intent = Intent("transform", "drums", params, intent.heard)
    if intent.action == "transform" and params.get("kind") in LOCAL_DRUM_KINDS:
        others = ",".join(x for x in ALL_VOICES if x not in drum_voices)
        return Intent("transform", "drums", {**params, "voices": others}, intent.heard)
    return None  # a whole drum clip made again cannot keep one voice as it was


def _track(params: dict[str, object]) -> list[str]:
    return [f"track:{params['track_name']}"] if params.get("track_name") else []


def _solo(target: str, heard: str) -> Intent:
    """The protected target's track soloed (every other track muted)."""
    if target.startswith("track:"):
        return Intent("mixer", None, {"do": "solo", "track_name": target.split(":", 1)[1]}, heard)
    return Intent("mixer", target, {"do": "solo"}, heard)
