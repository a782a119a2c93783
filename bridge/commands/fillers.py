"""Spoken fillers and self-corrections (issue 55): what a speaker says that is not the request.

``marked`` works on the lower-cased sentence (punctuation still in it): a self-correction ("sixteen
bars no wait just eight", "the drums uh no the bass", "um actually no") becomes the marker
``_fix_`` (after a comma, also "no", "sorry", "actually", "make that", "or rather" before a value:
"4 bars, no 8"), then fillers go ("i mean" that ends a clause among them): hesitations ("um", "uh", "er"), "you know", "okay so" at a sentence's
start, typed laughter ("lol"), and "like" where it is no comparison ("at like one forty", "can you
just like fix it"; "sweet like a lullaby" and "i'd like" keep it). ``self_corrected`` works on the
words once numbers are digits: what follows each marker takes the place of what it corrects (a
number, a range or a bar, a phrase from its article on, a clause from its verb on, a word or words of
the same kind); "all of them" after an "only" takes the "only" back. Stdlib only.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bridge.commands import vocab as v
from bridge.commands.clip_words import DRUM_VOICES
from bridge.commands.numbers import NUMBER_WORDS, words_to_digits
from bridge.commands.take_counts import TAKE_WORDS
from bridge.commands.taken_back import TAKEN_BACK

FIX = "_fix_"
_HESITATION = r"(?:u+m+|u+h+m*|e+r+m*|h+m+|ah+)"
_NUMBER = r"(?:\d|(?:" + "|".join(sorted(NUMBER_WORDS)) + r")\b)"
# what a marker after a comma may correct ("4 bars, no 8", ", sorry 16", ", actually a fifth",
# ", no, bars 9 to 12", ", or rather e minor"): a number, a bar, an interval or a phrase, a key, a genre
_VALUE = (
    rf"{_NUMBER}|bars? {_NUMBER}|an? |the |just |only |[a-g](?: sharp| flat)? (?:major|minor)\b|"
    + "|".join(sorted((re.escape(g) + r"\b" for g in v.GENRES), key=len, reverse=True))
)
_MEAN_FILLER = re.compile(r"\bi mean\b(?=\s*(?:[,.!?]|$))")  # "to f minor i mean, the whole tune"
_FIXES = (
    re.compile(
        rf"(?:\b{_HESITATION},? )?\b(?:no,? wait|wait,? no|no,? sorry|sorry,? no|actually,? no|"
        r"no,? actually|i mean|i meant|or rather)\b,?"  # "scratch that" alone is undo, "no no" an answer
    ),
    re.compile(rf"\b{_HESITATION},? (?:no|sorry|wait|actually|rather)\b,?"),  # "the kick uh sorry the snare"
    re.compile(r"(?<=,) (?:no|sorry|wait)(?=,)"),  # "sixteen bars, no, eight"
    re.compile(rf"(?<=,) (?:well,? )?(?:no|sorry|actually|make that|or rather)\b,?(?= (?:{_VALUE}))"),
    re.compile(r"\bwell,? actually\b,?"),  # "i only need the vocal, well actually just give me all"
    TAKEN_BACK,  # round 38: "make the bass softer, actually make it louder": the later request only
)
# the value said before the marker: "three takes, two actually, two takes", "bar 5, bar 9 actually"
_FIX_AFTER = re.compile(
    rf"(?<=,) (?P<said>(?:bars? )?{_NUMBER}\w*|[a-g](?: sharp| flat)? (?:major|minor)) actually\b,?"
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
    re.compile(r"\boh,? (?=and\b)"),  # "..., oh and mute the bass": an "and"
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
_AFTER_FIX = frozenset({"just", "only", "like", "make", "it", "them", "more", "rather", "actually", FIX})
# words of one kind: a bare word after a marker takes the place of the last word of its kind
_KEYS = frozenset(
    f"{note}{sign} {mode}" for note in "abcdefg" for sign in ("", " sharp", " flat") for mode in v.MODES
)
_KINDS = (
    frozenset(v.PARTS),
    frozenset(DRUM_VOICES),
    frozenset(v.GENRES),
    _KEYS,
)  # "to d minor, or rather c minor"


_MODE_NAMES = "|".join(sorted((re.escape(m) for m in v.MODES), key=len, reverse=True))
_A_KEY = rf"[a-g](?: ?(?:sharp|flat|#|b))? ?(?:{_MODE_NAMES})"
# "in d dorian no wait a minor": the key said first and taken back goes, so the key read is the second
_KEY_TAKEN_BACK = re.compile(
    rf"\b{_A_KEY}[, ]+(?:{_HESITATION}[, ]+)?(?:no,? wait|wait,? no|no,? sorry|sorry,? no|actually,? no|no,? actually|"
    rf"i mean|i meant|or rather|no|sorry|wait)[, ]+(?:(?:make it|in|to) )?(?={_A_KEY}\b)"
)


# "to d minor, e minor actually": the key said after, with its marker after it
_KEY_SAID_AGAIN = re.compile(rf"\b{_A_KEY}, (?P<key>{_A_KEY}) actually\b,?")


def key_corrected(lowered: str) -> str:
    """The lower-cased sentence with a key taken back left out ("in d dorian no wait a minor", "to d
    minor, e minor actually" -> "in a minor", "to e minor"), read before the key is."""
    return _KEY_SAID_AGAIN.sub(r"\g<key>", _KEY_TAKEN_BACK.sub("", lowered))


def marked(lowered: str) -> str:
    """The lower-cased sentence with each self-correction as ``_fix_`` and its fillers taken out."""
    text = _FIX_AFTER.sub(rf" {FIX} \g<said>", _MEAN_FILLER.sub(" ", f" {lowered} "))
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
    """The words (numbers as digits) with every ``_fix_`` resolved: the correction wins; a bare "no" or
    "sorry" between two numbers ("two semitones no three", "8 bars sorry 12") is a correction too."""
    out = list(words)
    for i in range(1, len(out) - 1):
        said = out[i + 1 : i + 3]
        if out[i] == "no" and _same_kind(out[i - 1], out[i + 1 : i + 3]):  # "the kick no the snare"
            out[i] = FIX
        if out[i] in ("no", "sorry") and any(w.isdigit() for w in out[max(0, i - 2) : i]):
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
    if _WIDENED.match(" ".join(right)) and "only" in left:  # "i only need the vocal, actually all of them"
        only = left.index("only")
        return left[: only - 1 if only and left[only - 1] in _PRONOUNS else only]
    numbered = _numbers(left, right)
    if numbered is not None:
        return numbered
    if first in _ARTICLES:  # "the chords louder, no, the melody": the phrase of the same kind, in its place
        said = _phrase(right, 0)
        starts = [i for i, w in enumerate(left) if w in _ARTICLES]
        kind = next((k for k in _KINDS if set(right[:said]) & k), frozenset())
        at = next((i for i in reversed(starts) if set(left[i : _phrase(left, i)]) & kind), None)
        at = at if at is not None else (starts[-1] if starts else None)
        if at is not None:
            after, rest = left[_phrase(left, at) :], right[said:]
            if after[:1] == rest[:1]:  # "a sixteenth later, no, an eighth later": "later" once
                rest = rest[1:]
            return [*left[:at], *right[:said], *after, *rest]
    if first in _PREPOSITIONS:  # "in the verse uh no in the chorus": from the last one on
        at = _last(left, lambda w: w == first)
        if at is not None:
            return left[:at] + right
    for kind in _KINDS:  # "busier on the drums, sorry, bass"; "funk, no, hip hop"
        size = _kind_size(right, 0, kind)
        at = _last_kind(left, kind) if size else None
        if at is not None:
            return [*left[:at], *right[:size], *left[at + _kind_size(left, at, kind) :], *right[size:]]
    if first.endswith("er") and left[-1].endswith("er"):  # "louder uh no softer"
        return left[:-1] + right
    terse = _last(left, lambda w: w in _TERSE)  # "louder kick, scratch that, softer kick": the terse request
    if first in _TERSE and terse is not None and (terse == 0 or left[terse - 1] in ("and", "then")):
        return [*left[:terse], *right, *(left[terse + 1 :] if len(right) == 1 else [])]
    verb = _last(left, lambda w: w in v.GENERATE_VERBS or w in _CHANGE_VERBS)
    if (
        (first in v.GENERATE_VERBS or first in _CHANGE_VERBS)
        and verb is not None
        and right[1:2] in ([], ["it"], ["them"])
    ):  # "mute the bass, no wait, solo it": the verb
        return [*left[:verb], first, *left[verb + 1 :], *right[2:]]
    if (
        first in v.GENERATE_VERBS or first in _CHANGE_VERBS
    ):  # "mute the bass actually no solo the keys": the clause
        at = _last(left, lambda w: w in ("and", "then"))
        return (left[: at + 1] if at is not None else []) + right
    return left + right


_BAR_WORDS = frozenset({"bar", "bars", "measure", "measures"})
_PRONOUNS = frozenset({"i", "we"})
# a later wish that widens an earlier "only": "well actually just give me all of them"
_WIDENED = re.compile(
    r"(?:(?:give me|i want|i need|do|keep|separate) )?(?:all(?: of)? (?:them|it|the stems)|everything)\b"
)


def _numbers(left: list[str], right: list[str]) -> list[str] | None:
    """``left`` corrected by a number, a range or a bar ("16 bars no wait 8", "bars 5 to 8, no, 9 to
    12", "bar 9, no wait bar 17", "three versions, no two, two versions"), or None when ``right``
    starts with none or ``left`` has no number to take back."""
    said_at = 1 if right[0] in _BAR_WORDS and right[1:2] and right[1].isdigit() else 0
    at = _last(left, str.isdigit)
    if not right[said_at].isdigit():
        return None
    if at is None:  # "another take of the bass, two actually, two more": that many more
        more = _last(left, lambda w: w == "another")
        rest = right[said_at + 1 :]
        rest = rest[2:] if rest[:2] == [right[said_at], "more"] else rest
        if more is None:
            return None
        # a take by any name ("another go at the drums, two actually") is that many versions
        noun = ["versions" if w in TAKE_WORDS else w if w.endswith("s") or right[said_at] == "1" else f"{w}s"
                for w in left[more + 1 : more + 2]]  # fmt: skip
        return [*left[:more], right[said_at], "more", *noun, *left[more + 2 :], *rest]
    said_end = _range_end(right, said_at)
    if said_end > said_at + 1 and at >= 2 and left[at - 1] == "to" and left[at - 2].isdigit():
        at -= 2  # a range takes back a range
    start = at - 1 if at and left[at - 1] in _BAR_WORDS else at
    end = _range_end(left, at) if said_end > said_at + 1 else at + 1
    unit, said = right[:said_at] or left[start:at], right[said_at:said_end]
    tail, rest = left[end:], right[said_end:]
    if rest[:1] == said[:1]:  # "no two, two versions is plenty": the number said again
        rest = rest[2:] if rest[1:2] == tail[:1] else rest[1:]
        rest = [] if rest[:1] in (["is"], ["are"], ["should"], ["will"]) else rest  # "... is plenty"
    elif rest and tail and rest[0] == tail[0]:  # "16 bars, no, 8 bars of drums"
        return [*left[:start], *unit, *said, *rest, *tail[1:]]
    return [*left[:start], *unit, *said, *tail, *rest]


def _range_end(words: list[str], at: int) -> int:
    """Where the number at ``at`` ends: after "N to M" when it starts a range."""
    to_number = words[at + 1 : at + 2] == ["to"] and words[at + 2 : at + 3] and words[at + 2].isdigit()
    return at + 3 if to_number else at + 1


def _kind_size(words: list[str], at: int, kind: frozenset[str]) -> int:
    """How many words from ``at`` name one of ``kind`` ("hip hop" is two), 0 when none."""
    return next((n for n in (3, 2, 1) if " ".join(words[at : at + n]) in kind and at + n <= len(words)), 0)


def _last_kind(words: list[str], kind: frozenset[str]) -> int | None:
    """Where the last word (or words) of ``kind`` start, or None."""
    return next((i for i in range(len(words) - 1, -1, -1) if _kind_size(words, i, kind)), None)


def _same_kind(before: str, after: list[str]) -> bool:
    """Whether ``after`` (an article, a word) names a word of the kind of ``before``: a part, a drum
    voice or a genre ("the kick no the snare", "the bass no the chords")."""
    if len(after) < 2 or after[0] not in _ARTICLES or after[1] == before:
        return False
    return any(before in kind and after[1] in kind for kind in _KINDS)


_TERSE = frozenset(
    {"louder", "softer", "quieter", "busier", "simpler", "sparser", "denser", "faster", "slower"}
)
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
