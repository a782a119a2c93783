"""A fix asked for with nothing said of what or where (issue 55, round 12): "fix the thing in the middle,
you know, it sounds off", "sort it out, something's wrong", "make it better, i dunno, more like the
reference", "something is off but i can't say what, can you fix it", "do your magic on it".

The rules find no command in these (or refuse them as not MuseAroo's, a "make" of no part); the
producer wants a change MuseAroo can make but says neither the part, nor the way, nor the place,
so the answer is a question, not a refusal. The reading is of the frame, not the words: a clause that
asks to fix or improve something unnamed ("fix it", "fix the bit ...", "fix whatever ..."), a "make it
better / right / work / pop / slap" of no part, or a fault of something unnamed ("something sounds
off", "it needs something"), in a sentence that names no part, drum voice, way (an operation's word),
section, genre or number: any of these said, the sentence is read as before. Where the rules recognise
nothing and the learned reading is sure the sentence must be asked about ("bridge feel too happy, this drama
scene is very sad": a complaint and why, no change said), ``asked_what`` asks what should change. Stdlib only.
"""

from __future__ import annotations

import re

from bridge.commands import change_words as co
from bridge.commands import vocab as v
from bridge.commands.energy_words import energy_question
from bridge.commands.faulted import PLAIN as _PLAIN
from bridge.commands.faulted import faulted_question
from bridge.commands.intent import Intent
from bridge.commands.region_words import SECTIONS
from bridge.commands.vague_words import OPERATIONS, SOMETHING, placed

QUESTION = (
    "(e.g. 'make the drums busier in the chorus' or 'give me another one') what should change, and where?"
)

_UNNAMED = (
    r"(?:it|this|that|them|everything|this one|things?|stuff|the (?:\w+ )?(?:thing|things|bit|bits|part|parts|spot|stuff|"
    r"middle|end|ending|start|beginning|whole thing|problem|issue)|whatever|what(?:ever)? (?:is|s) (?:wrong|off))"
)
# "fix it", "sort the thing out", "fix whatever sounds weird", "do your magic on it" ("fix the pitch on my
# vocal" names a thing: no question)
_FIX = re.compile(
    rf" (?:(?:fix|sort|tidy|touch|polish|improve|rework|tweak|sort out|fix up|work on|deal with|do something "
    rf"(?:about|with|to)|have a go at|take a look at|look at)(?: {_UNNAMED}(?: up| out)? |(?: up| out)? $)"
    r"|do (?:your|ur|some) (?:magic|thing|stuff) |work (?:your |some )?magic )"
)
# "make it better", "get this to hit different", "make it pop": a wish with no way said
_WISH = re.compile(
    r" (?:make|get|have) (?:it|this|that|everything|the whole thing)(?: to)? (?:sound |feel )?"
    r"(?:a lot |a bit |a little |way |so much |much )?(?:more |less )?(?:better|nicer|good|great|right|work|pop|slap|bang|"
    r"fire|special|professional|pro|polished|legit|finished|radio ready|expensive|amateur|hit different|hit|vibe) "
)
# "something is off", "somethings wrong with it", "it needs something"
_FAULT = re.compile(
    rf" (?:(?:{'|'.join(SOMETHING)})(?: s| is|s)?(?: just)? (?:sounds? |feels? |seems? )?(?:off|wrong|weird|missing"
    rf"|not right|broken)|(?:it|this|that|the whole thing) (?:just )?needs? (?:{'|'.join(SOMETHING)})) "
)
# a change asked of something said before, or of nothing said ("can you change it", "move it over a bit",
# "swap them round", "do the same thing on the other one", "do that same thing you did before to the other
# one", "make the same for the other track"): which, and what should change, is asked
_ALLUDED = re.compile(
    rf" (?:change|alter|move|shift) {_UNNAMED}(?: (?:over|around|round|a bit|a little|somehow|for me|again|too))* $"
    r"| (?:swap|switch|flip) (?:them|those|these|em|it|the two|those two|these two)(?: two)?(?: round| around| over)?"
    r"(?: (?:to|for|with) (?:the )?other (?:\w+ )?\w+)?(?: (?:would ya|would you|for me|again|too|please))* $"
    r"| (?:swap|switch) (?:it|this|that) to (?:the|an?) other \w+ $"
    r"| (?:do|make|apply) (?:the same(?: thing)?|that(?: same)? thing|the thing|that|what we did)"
    r"(?: (?:you|we|i) (?:just )?(?:did|done|made|used|tried)(?: (?:before|earlier|last|just now|there))?)?"
    r" (?:on|for|to|with|as) (?:the other|them|that"
    r"|it|the \w+ (?:one|level|track|bit))(?: \w+){0,6} $"
)
# a year or a decade said of a memory ("back in '78", "in the 80s", "from 1975"), or a time of day: no number of the request
_YEAR = re.compile(
    r" (?:back (?:in|from) (?:the )?\d\d(?: s|s)?|(?:in|from|since|of) (?:the )?(?:' ?\d\d|\d\d s|\d\ds|(?:19|20)\d\d))(?= )"
    # and a time of day said of a scene ("a smoky club at 2 in the morning", "at 3 am")
    r"| at (?:about |around )?\d\d?(?: \d\d)?(?: (?:in the (?:morning|afternoon|evening)|at night|am|pm|o clock))(?= )"
)
ALLUDED = "(e.g. 'make the drums busier' or 'give me another one') which one, and what should change?"
# a likeness wished for with no way said: "make it sound more like me", "make it feel more like a sunday morning"
# (a genre, a part, a feel or a number said: read as before)
_LIKENESS = re.compile(
    r" (?:make|get) (?:it|this|that|everything|the whole thing|this one) (?:sound |feel |be )?"
    r"(?:a (?:bit|little|lot) |a little bit |little |way |much |even )?more (?:like|similar to) (?!the other)"
)
# a likeness to the way others play it, said of a wish with no way: "make it lift more, the way the Kilfenora
# lads do it", "make it swing like my old band played it"
_THE_WAY = re.compile(
    r" (?:make|get) (?:it|this|that|everything|the whole thing|this one) .*(?:the way|like|how) (?:the |my |our |that "
    r"|those |them )?(?:\w+ ){1,4}(?:do|does|did|play|plays|played) (?:it|them|that) "
)
LIKENESS = (
    "(e.g. 'make the drums busier', 'make the chords simpler' or 'give me another one') more like it how: "
    "what should change, and in which part?"
)
# the words that name a part, a drum voice or a place
_NAMES = (
    frozenset(w for w, part in v.PARTS.items() if part not in ("all", "song"))
    | frozenset(co.VOICES)
    | frozenset(w for name in SECTIONS for w in name.split())
)
# the words that say what, how or where: with any of them the sentence is read as before
_SAID = _NAMES | (OPERATIONS - _PLAIN) | frozenset(v.GENRES)


def question(s: str) -> str | None:
    """The question for a normalised sentence (padded with spaces) that asks for a fix and says
    nothing of what, how or where; None for any other."""
    padded = f" {' '.join(_YEAR.sub(' ', s).split())} "
    like = _LIKENESS.search(padded) or _THE_WAY.search(padded)
    said = padded if like is None else _likened(padded, like)
    if any(ch.isdigit() for ch in padded) or "_key_" in s or any(f" {w} " in said for w in _SAID):
        return None
    if _ALLUDED.search(padded):
        return ALLUDED
    if like is not None:
        return LIKENESS
    return QUESTION if any(p.search(padded) for p in (_FIX, _WISH, _FAULT)) else None


_DETERMINERS = frozenset(
    ("the", "my", "our", "your", "a", "an", "this", "that", "those", "these", "his", "her", "their")
)


def _likened(padded: str, like: re.Match[str]) -> str:
    """The sentence with no part's, voice's or place's word said bare in what it is likened to: "more like Tom
    Jobim" names a player, no part ("tom"); "more like the drums in the chorus" names the drums, and a genre
    there stays said ("make it sound more like reggae")."""
    if _LIKENESS.search(padded) is like:
        return f"{padded[: like.end()]}{_unnamed(padded[like.end() :])}"
    return _unnamed(padded)


def _unnamed(words: str) -> str:
    """``words`` without a part's word said bare, as a name ("tom jobim"), or a genre's word said as the thing a
    scene is ("a smoky club at 2 in the morning": a place, no style; "a funk record" names funk); one said after
    a determiner names the part ("more like the drums in the chorus")."""
    said = words.split()
    kept = [
        w
        for i, w in enumerate(said)
        if (w not in _NAMES or (i and said[i - 1] in _DETERMINERS)) and not _scene_noun(said, i)
    ]
    return f" {' '.join(kept)} "


_AFTER_SCENE = frozenset(("at", "in", "on", "with", "during", "after", "before", "full", "late"))


def _scene_noun(said: list[str], i: int) -> bool:
    """Whether ``said[i]``, a genre's or a way's word, ends a noun said after "a" or "an" (a describing word or two between),
    the scene likened to: "a smoky club at 2 in the morning" (never "a funk record", "a house track")."""
    if said[i] in _NAMES or said[i] not in _SAID or not (i + 1 == len(said) or said[i + 1] in _AFTER_SCENE):
        return False
    return any(w in ("a", "an") for w in said[max(i - 3, 0) : i]) and i > 0 and said[i - 1] not in ("a", "an")


def named_question(s: str) -> str | None:
    """The question for a normalised sentence that names a part or a place, complains of it or asks a fix
    with no direction ("the bridge is a bit naff, sort it out", "fix track 5": ``faulted``); None for any other
    (a way said: "too busy, sort it")."""
    return faulted_question(s)


def no_way_said(s: str) -> bool:
    """Whether a normalised sentence asks for a fix and says no way (either question above, or a wish for a
    place in the mix, a groove or a length in seconds: ``vague_words.placed``, or energy of a kind:
    ``energy_words``): no learned guess of a way ("the breakdown is not good, fix it": simpler? "get the
    drums to bop": busier? "need more rave energy": louder?) may act on it."""
    if question(s) is not None or named_question(s) is not None:
        return True
    return placed(s) is not None or energy_question(s) is not None


WHAT_CHANGE = "what should change, and how?"


def asked_what(refused: Intent) -> Intent:
    """The rules' refusal asked as a question of what should change, its examples the first two suggestions."""
    tips = [f"'{t}'" for t in refused.params.get("suggestions", [])[:2]]
    examples = f"(e.g. {' or '.join(tips)}) " if tips else ""
    params = {**refused.params, "reason": f"{examples}{WHAT_CHANGE}"}
    return Intent(refused.action, refused.part, params, refused.heard)
