"""A part named in a word nobody knows (issue 55, round 22): "regenerate the grave in the second verse",
"new notes in the last 2 bars of the grave", "put the grave down for one octave", "the grave is too loud,
is eating the kick", "solo the grave" (a Brazilian producer's "grave", the bass). Neither reader knows the
word as a part, so the change acted on the selected clip, on another part the sentence names, or on a
track called "grave". It is asked instead: "which part is the grave?", its examples the same sentence with
the likeliest parts said in its place (each read by the rules as the op).

The word is the one in the change's part's place: "the X" (or "my X") right after the request's verb
("regenerate the X", "put the X down"), after "bars of" ("the last 2 bars of the X"), or as the subject of
a complaint ("the X is too loud"). It is never asked about when it is known: a part, voice, section or
instrument word, a word a track is named for, "it/this/that/one/beat/track/song/mix/selection/clip", a
word the labelled sentences explain (``unexplained.table``) or say at all (``english.ENGLISH_WORDS``: "the
jam", "the take", "the bpm"), a plural or "'s" of one ("the drop's"), a name written with a capital ("solo
the Cuica": Live's track), or a word followed by anything but a place, a particle, a preposition or a
complaint's verb ("the gordo bass": a kind of bass; "the cuica track": Live's track). Sentences are normalised (padded,
lower case); the capital is looked for in the sentence as typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar
from functools import cache

from bridge.commands import change_words as co
from bridge.commands import vocab as v
from bridge.commands.english import ENGLISH_WORDS
from bridge.commands.intent import Intent, unknown
from bridge.commands.normalize import normalize
from bridge.commands.region_words import SECTIONS
from bridge.commands.track_words import FILLER, GENERIC, INSTRUMENTS
from bridge.commands.unexplained import table

# the words that name the selection, the song or a place, never a part asked about
PLAIN = frozenset(
    "it this that one ones beat beats track tracks song mix selection selected clip clips whole rest thing "
    "things same other next last first previous new entire end start top tempo key volume level levels "
    "sound sounds vibe feel groove energy bar bars bit way mood tone timing rhythm balance dynamics".split()
)
# what may follow the part's word: a place, a particle, a value's preposition, a complaint's verb
_ENDS = frozenset(
    "in on at for from to by with into during over under down up out back a an is s are sounds feels "
    "seems too and but so its it please pls".split()
)
# words that start a sentence without being its verb ("in the X", "and the X")
_NOT_VERBS = frozenset("in on at for of to into from with and but so the my a an".split())
_LEAD = r"^ (?:(?:please|pls|can you|could you|would you|now|just|yo|hey|ok|okay) )*"
# "regenerate the X", "put the X down", "bring up the X"
_AFTER_VERB = re.compile(
    _LEAD + r"([a-z]+)(?: (?:up|down|out|back|in))? (?:the|my|ur|your) ([a-z]+)( [a-z0-9]+)?"
)
# "the last 2 bars of the X"
_BARS_OF = re.compile(r" (?:bars?|beats?|measures?) of (?:the|my) ([a-z]+)( [a-z0-9]+)?")
# "the X is too loud", "my X sounds off"
_SUBJECT = re.compile(
    _LEAD + r"(?:the|my) ([a-z]+) (?:is|s|are|sounds?|feels?|seems?|kinda|way|too|a bit)()(?= )"
)


@cache
def _parts() -> frozenset[str]:
    """Every single word of a part, voice, instrument or track's filler word ("line", "track")."""
    return frozenset(w for phrase in {*v.PARTS, *co.VOICES, *INSTRUMENTS, *FILLER} for w in phrase.split())


@cache
def _known() -> frozenset[str]:
    """Every single word that names a part, voice, section, instrument or something labelled."""
    said = set(ENGLISH_WORDS.read_text().split())  # every word the project's sentences say
    return _parts() | frozenset(
        w for phrase in {*SECTIONS, *GENERIC, *PLAIN, *table(), *said} for w in phrase.split()
    )


def unknown_part(s: str, typed: str) -> str | None:
    """The word said in the change's part's place that nothing knows as a part (module docstring), or
    None. ``s`` is the normalised sentence, ``typed`` the sentence as written (for a capitalised name)."""
    known = _known()
    for pattern in (_AFTER_VERB, _BARS_OF, _SUBJECT):
        m = pattern.search(s)
        if m is None:
            continue
        if pattern is _AFTER_VERB:
            verb, word, after = m.group(1), m.group(2), m.group(3)
            if verb in _NOT_VERBS:
                continue
        else:
            word, after = m.group(1), m.group(2)
        after = (after or "").strip()
        if word in known or word.isdigit() or (word.endswith("s") and word[:-1] in known):  # "the drop's"
            continue
        if after and after not in _ENDS:  # "the gordo bass": a kind of bass, "the tumba loop": a track
            continue
        if re.search(rf"\b{word[0].upper()}{re.escape(word[1:])}\b", typed):  # "solo the Grave": a track
            continue
        return word
    return None


def part_asked(intent: Intent, s: str, typed: str, rules: Callable[[str], Intent]) -> str | None:
    """The unknown part word of a sentence read as ``intent``, when the intent would act (a change, a
    mix move) on the selection, another part or a track of that name; else None. A word the ``rules``
    read ("the breakbeat": the drums) is known: their reading changes when it is said as another."""
    if not intent.understood or _ASKING.get():  # an example being read is never asked about again
        return None
    word = unknown_part(s, typed)
    if word is None or intent.params.get("track_name") not in (None, word):
        return None
    other = re.sub(rf"\b{re.escape(word)}\b", "zorq", typed, flags=re.I)
    ruled, again = rules(typed), rules(other)
    if (ruled.action, ruled.part) != (again.action, again.part):
        return None
    return word


_ASKING: ContextVar[bool] = ContextVar("asking_which_part", default=False)
LIKELY = ("bass", "drums", "chords", "melody")  # the parts offered, after the learned reading's own


def which_part(heard: str, word: str, target: str | None, read: Callable[[str], Intent]) -> Intent:
    """ "which part is the X?": its examples the sentence with the likeliest parts said for the word
    (the learned reading's target first), the first two that ``read`` (the whole parse) acts on."""
    parts = dict.fromkeys([*([target] if target in LIKELY else []), *LIKELY])
    said = [re.sub(rf"\b{re.escape(word)}\b", part, heard, flags=re.I) for part in parts]
    tips: list[str] = []
    token = _ASKING.set(True)
    try:
        for sentence in said:  # the first two the parser acts on
            # a sentence whose word was not typed as it was read still holds it: never offered
            asked = unknown_part(normalize(sentence)[0], sentence)
            if len(tips) < 2 and asked is None and read(sentence).understood:
                tips.append(sentence)
    finally:
        _ASKING.reset(token)
    return unknown(heard, f"which part is the {word}?", tips)
