"""Spoken fillers and self-corrections (issue 55): what a speaker says that is not the request.

``marked`` works on the lower-cased sentence (punctuation still in it): a self-correction ("sixteen
bars no wait just eight", "the drums uh no the bass", "um actually no") becomes the marker
``_fix_``, then fillers go: hesitations ("um", "uh", "er"), "you know", "okay so" at a sentence's
start, typed laughter ("lol"), and "like" where it is no comparison ("at like one forty", "can you
just like fix it"; "sweet like a lullaby" and "i'd like" keep it). ``self_corrected`` works on the
words once numbers are digits: what follows each marker takes the place of what it corrects (a
number, a phrase from its article on, a clause from its verb on, a word of the same kind). Stdlib only.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bridge.commands import vocab as v
from bridge.commands.clip_words import DRUM_VOICES
from bridge.commands.numbers import NUMBER_WORDS, words_to_digits

FIX = "_fix_"
_HESITATION = r"(?:u+m+|u+h+m*|e+r+m*|h+m+|ah+)"
_FIXES = (
    re.compile(
        rf"(?:\b{_HESITATION},? )?\b(?:no,? wait|wait,? no|no,? sorry|sorry,? no|actually,? no|"
        r"no,? actually|i mean|i meant|or rather)\b,?"  # "scratch that" alone is undo, "no no" an answer
    ),
    re.compile(rf"\b{_HESITATION},? (?:no|sorry|wait|actually|rather)\b,?"),  # "the kick uh sorry the snare"
    re.compile(r"(?<=,) (?:no|sorry|wait)(?=,)"),  # "sixteen bars, no, eight"
)
_LAUGH = r"(?:lol+|lmao+|lmfao|rofl|haha+|hehe+|xd|o{2,}h+|wow+)"  # and "ooh", "wow"
# a stutter on a small word ("turn up the the the thing"): said once
_STUTTER = re.compile(r"\b(the|a|an|to|i|it|and|of|in|on|my|this|that)(?: \1\b)+")
_DROPPED = (
    re.compile(rf"\b(?:{_HESITATION}|{_LAUGH})\b"),
    re.compile(
        r"(?<!\bdo )(?<!\bdid )(?<!\bif )(?<!\blet me )\b(?:you|u|ya) know\b(?! (?:what|which|how|if))"
    ),
    re.compile(r"^\s*(?:(?:okay|ok|alright|right|yeah|well|um|uh)[ ,]+)+so\b"),  # "okay so a bass line"
)
# "like" before a number is "about"; after these (or a sentence's start), before no article, a filler
_LIKE_BEFORE = re.compile(
    r"(?P<who>\b(?:i|you|u|we|they|would|d|id|really|dont|do) )?\blike,? "
    r"(?=(?:\d|a couple\b|a hundred\b|(?:" + "|".join(sorted(NUMBER_WORDS)) + r")\b))"
)  # "i'd like 2 more": the verb
_LIKE_AFTER = r"(?:^|,|\bjust|\bbut|\band|\bso|\bthen|\bis|\bare|\bwas|\bwere|\bits|\bit s|\breally|\bto|\bof|\bcan you|\bcan u)"
_NOT_FILLER_NEXT = (
    r"(?:a|an|the|this|that|these|those|my|your|his|her|our|their|it|them|him|me|us|what|how|when|some|"
    r"something|anything|one|i|you|u|we)\b"
)
_LIKE = re.compile(rf"(?P<lead>{_LIKE_AFTER}) like,?(?! {_NOT_FILLER_NEXT})")
_ARTICLES = frozenset({"the", "a", "an", "my", "this", "that", "some", "those", "these", "our"})
_PREPOSITIONS = frozenset({"with", "without", "in", "at", "for", "on", "from", "into", "to", "by"})
_AFTER_FIX = frozenset({"just", "only", "like", "make", "it", "more", "rather", "actually", FIX})
# words of one kind: a bare word after a marker takes the place of the last word of its kind
_KINDS = (frozenset(v.PARTS), frozenset(DRUM_VOICES), frozenset(v.GENRES))


_MODE_NAMES = "|".join(sorted((re.escape(m) for m in v.MODES), key=len, reverse=True))
_A_KEY = rf"[a-g](?: ?(?:sharp|flat|#|b))? ?(?:{_MODE_NAMES})"
# "in d dorian no wait a minor": the key said first and taken back goes, so the key read is the second
_KEY_TAKEN_BACK = re.compile(
    rf"\b{_A_KEY}[, ]+(?:{_HESITATION}[, ]+)?(?:no,? wait|wait,? no|no,? sorry|sorry,? no|actually,? no|no,? actually|"
    rf"i mean|i meant|or rather|no|sorry|wait)[, ]+(?:(?:make it|in|to) )?(?={_A_KEY}\b)"
)


def key_corrected(lowered: str) -> str:
    """The lower-cased sentence with a key taken back left out ("in d dorian no wait a minor" -> "in a
    minor"), read before the key is."""
    return _KEY_TAKEN_BACK.sub("", lowered)


def marked(lowered: str) -> str:
    """The lower-cased sentence with each self-correction as ``_fix_`` and its fillers taken out."""
    text = f" {lowered} "
    for pattern in _FIXES:
        text = pattern.sub(f" {FIX} ", text)
    for pattern in _DROPPED:
        text = " ".join(pattern.sub(" ", text).split())
    text = _STUTTER.sub(r"\1", text)
    text = _LIKE_BEFORE.sub(lambda m: m.group(0) if m.group("who") else " ", f" {text} ")
    text = _LIKE.sub(lambda m: f"{m.group('lead')} ", text)
    return " ".join(text.split())


def as_meant(text: str) -> str:
    """A sentence that corrects itself ("the drums uh no the bass") as meant: its words with the
    correction made (lower case, numbers as digits), for a reader of whole sentences; any other
    sentence unchanged."""
    said = marked(text.lower())
    words = words_to_digits(re.sub(r"[^a-z0-9_'/ ]+", " ", said).split())
    meant = self_corrected(words)
    return " ".join(meant) if FIX in words or meant != words else text


def self_corrected(words: list[str]) -> list[str]:
    """The words (numbers as digits) with every ``_fix_`` resolved: the correction wins; a bare "no"
    between two numbers ("two semitones no three") is a correction too."""
    out = list(words)
    for i in range(1, len(out) - 1):
        said = out[i + 1 : i + 3]
        if out[i] == "no" and _same_kind(out[i - 1], out[i + 1 : i + 3]):  # "the kick no the snare"
            out[i] = FIX
        if out[i] == "no" and any(w.isdigit() for w in out[max(0, i - 2) : i]):
            if said[:1] and (
                said[0].isdigit() or (said[0] in ("just", "only") and said[1:2] and said[1].isdigit())
            ):
                out[i] = FIX
    while FIX in out:
        at = out.index(FIX)
        out = _replaced(out[:at], out[at + 1 :])
    return out


def _replaced(left: list[str], right: list[str]) -> list[str]:
    """``left`` corrected by ``right`` (the words after the marker)."""
    while len(right) > 1 and right[0] in _AFTER_FIX:
        right = right[1:]
    if not right or not left:
        return left + right
    first = right[0]
    if first.isdigit():  # "16 bars no wait 8": the last number said
        at = _last(left, str.isdigit)
        if at is not None:
            tail = left[at + 1 :]
            if len(right) > 1 and tail and right[1] == tail[0]:  # "16 bars, no, 8 bars of drums"
                return left[:at] + right + tail[1:]
            return [*left[:at], first, *tail, *right[1:]]
    if first in _ARTICLES:  # "the chords louder, no, the melody": the phrase of the same kind, in its place
        said = _phrase(right, 0)
        starts = [i for i, w in enumerate(left) if w in _ARTICLES]
        kind = next((k for k in _KINDS if set(right[:said]) & k), frozenset())
        at = next((i for i in reversed(starts) if set(left[i : _phrase(left, i)]) & kind), None)
        at = at if at is not None else (starts[-1] if starts else None)
        if at is not None:
            return [*left[:at], *right[:said], *left[_phrase(left, at) :], *right[said:]]
    if first in _PREPOSITIONS:  # "in the verse uh no in the chorus": from the last one on
        at = _last(left, lambda w: w == first)
        if at is not None:
            return left[:at] + right
    for kind in _KINDS:  # "busier on the drums, sorry, bass"
        at = _last(left, kind.__contains__) if first in kind else None
        if at is not None:
            return [*left[:at], first, *left[at + 1 :], *right[1:]]
    if first.endswith("er") and left[-1].endswith("er"):  # "louder uh no softer"
        return left[:-1] + right
    verb = _last(left, lambda w: w in v.GENERATE_VERBS or w in _CHANGE_VERBS)
    if (
        (first in v.GENERATE_VERBS or first in _CHANGE_VERBS)
        and verb is not None
        and right[1:] in ([], ["it"], ["them"])
    ):
        return [*left[:verb], first, *left[verb + 1 :]]  # "mute the bass, no wait, solo it": the verb
    if (
        first in v.GENERATE_VERBS or first in _CHANGE_VERBS
    ):  # "mute the bass actually no solo the keys": the clause
        at = _last(left, lambda w: w in ("and", "then"))
        return (left[: at + 1] if at is not None else []) + right
    return left + right


def _same_kind(before: str, after: list[str]) -> bool:
    """Whether ``after`` (an article, a word) names a word of the kind of ``before``: a part, a drum
    voice or a genre ("the kick no the snare", "the bass no the chords")."""
    if len(after) < 2 or after[0] not in _ARTICLES or after[1] == before:
        return False
    return any(before in kind and after[1] in kind for kind in _KINDS)


_CHANGE_VERBS = v.CHANGE_VERBS | {"keep"}  # "mute the bass, no wait, keep it"


def _phrase(words: list[str], at: int) -> int:
    """Where the phrase that starts with an article at ``at`` ends: before a preposition, a number, a
    comparative ("louder") or a particle."""
    end = at + 1
    while end < len(words) and not (
        words[end] in _PREPOSITIONS
        or words[end] in _ENDS
        or words[end].isdigit()
        or words[end].endswith("er")
    ):
        end += 1
    return end


_ENDS = frozenset({"and", "then", "up", "down", "out", "off", "but", FIX})


def _last(words: list[str], test: Callable[[str], bool]) -> int | None:
    """The index of the last word passing ``test``, or None."""
    return next((i for i in range(len(words) - 1, -1, -1) if test(words[i])), None)
