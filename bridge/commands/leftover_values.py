"""The value words of a sentence that the reading about to be acted on leaves out (issue 55).

A reading should act only when it explains the sentence: a value the producer said and the reading
drops is a wrong act ("humanize a little the chords" done at full strength, "a drum intro" made as
plain drums), and asking first costs half as much. The words looked for carry a value, each of a
kind (``KINDS``):

- ``number``: a number (digits after ``normalize``) that no value of the reading holds (never "1",
  "this one"; never one before a unit stored scaled or not at all, "3 db"; a bound next to a bar
  read is read as the bar beside it, "till bar 9": up to bar 8; never the grid of "1/16");
- ``amount``: a strength said in words ("a little", "a lil", "a touch", "a lot", ``amount_words``)
  with an op that reads one (``AMOUNT_OPS``: swing, humanize) and read as no ``amount`` or another
  (a strength with "more" or "less" is relative and never read: "a touch more swing"; one said of how
  the part is now is no strength of the change: "it's a bit stiff");
- ``section``: a section of the song ("in the verse", "the drop") that no value of the reading names;
- ``part``: a part or a drum voice ("the bass", "the hats") that the reading neither targets nor carries;
- ``key``: a key said ("in 8A", "in D minor") that the reading does not carry;
- ``tempo``: "bpm" or "tempo" said where the reading carries no tempo and its op reads none.

Words in what is kept as it is, in the asides and in what the change is heard against or likened to
("under the strings", "like a jazz drummer") are no value of the request (``unexplained.request_of``,
``unexplained.CONTEXT``). Which kinds turn an act into a question is ``GUARDED``, chosen on the
leave-one-writer-out held-out readings (docs/benchmarks/commands.md, "Leftover values"). Sentences
are normalised (padded, lower case, numbers as digits, the key taken out as ``_key_``).
"""

from __future__ import annotations

import re

from bridge.commands import clip_words as cw
from bridge.commands import vocab as v
from bridge.commands.amount_words import STRENGTHS
from bridge.commands.carried import BOUNDS, SCALED
from bridge.commands.carried import unsaid as unsaid_first
from bridge.commands.intent import Intent
from bridge.commands.means import means_of
from bridge.commands.normalize import normalize
from bridge.commands.region_words import SECTIONS
from bridge.commands.unexplained import (
    CONTEXT,
    KEY,
    MODE_SAID,
    carried_words,
    request_of,
    targets_of,
    value_words,
)

KINDS = ("number", "amount", "section", "part", "key", "tempo")
GUARDED: tuple[str, ...] = ("amount",)  # the kinds whose leftover word turns an act into a question
TEMPO_OPS = ("set", "tempo", "analyze", "warp", "jam_start", "jam_set")  # ops that read or keep a tempo
_AMOUNT = re.compile(
    r" (" + "|".join(sorted(map(re.escape, STRENGTHS), key=len, reverse=True)) + r")(?! more | less )(?= )"
)
AMOUNT_OPS = ("swing", "humanize")  # the ops that read a strength said in words (docs/intents.md, amount)
# a strength said of how the part is now, not of the change ("they sound a bit robotic")
DESCRIBING = frozenset(
    {"is", "are", "its", "was", "sound", "sounds", "feel", "feels", "seem", "seems", "too"}
)
# names of a part that are as often a plain noun ("on every beat", "the rest of the kit", "the harmony")
COMMON_NAMES = frozenset({"beat", "groove", "grooves", "kit", "tune", "harmony", "comping", "voicings", "keys",
                          "progression", "progressions", "hook", "cue", "underscore", "piece", "lead"})  # fmt: skip
# the names of parts and drum voices a sentence says, longest first ("bass line" before "bass")
PART_NAMES = {**{n: p for n, p in v.PARTS.items() if p not in ("song", "all") and n not in COMMON_NAMES},
              **cw.DRUM_VOICES}  # fmt: skip
VOICED_BY = {"ghost_notes": "snare"}  # a target that says its voice ("ghost notes": on the snare)
# sections that are verbs too ("drop the bass an octave", "build me a beat"): a place only said after a
# determiner or a preposition ("in the drop", "for the build")
VERB_SECTIONS = ("drop", "build", "build up")
PLACE_BEFORE = frozenset({"the", "this", "that", "each", "every", "first", "second", "last", "next", "in", "into",
                          "for", "at", "before", "after", "till", "until", "during", "of", "on", "my"})  # fmt: skip
_PART = re.compile(r" (" + "|".join(sorted(map(re.escape, PART_NAMES), key=len, reverse=True)) + r")(?= )")
PLACES = tuple(name for name in SECTIONS if name != "break")  # "this break": a drum break as often
_SECTION = re.compile(r" (" + "|".join(sorted(map(re.escape, PLACES), key=len, reverse=True)) + r")s?(?= )")


def leftover(heard: str, intent: Intent, kinds: tuple[str, ...] = KINDS) -> list[tuple[str, str]]:
    """(word, kind) for each value word of ``heard`` of ``kinds`` that the understood ``intent`` leaves
    out, in the sentence's order; [] for an intent not understood."""
    if not intent.understood:
        return []
    means = means_of(intent.as_dict())
    carried = carried_words(means, intent)
    s, key, _ = normalize(heard)
    request = request_of(s)
    found: list[tuple[int, str, str]] = []
    words = request.split()
    starts = _starts(request)
    for i, word in enumerate(words):
        if word.isdigit() and _number_left(word, words[max(i - 2, 0) : i], words[i + 1 : i + 2], carried):
            found.append((starts[i], word, "number"))
    for m in _AMOUNT.finditer(request):  # a strength said and read as none, or as another ("a lil": 0.66)
        read = means.get("amount", intent.params.get("amount"))  # a humanize's strength: params only
        if means["op"] not in AMOUNT_OPS or set(_before(request, m, 2)) & DESCRIBING:
            continue
        if not isinstance(read, int | float) or abs(read - STRENGTHS[m.group(1)]) > 0.01:
            found.append((m.start(1), m.group(1), "amount"))
    for m in _SECTION.finditer(request):
        name = m.group(1)
        if set(name.split()) <= carried or _against(request, m.start(1)):
            continue
        if name not in VERB_SECTIONS or set(_before(request, m, 1)) & PLACE_BEFORE:
            found.append((m.start(1), name, "section"))
    targets = (
        targets_of(means) | {str(means.get("follow"))} | {VOICED_BY.get(t, t) for t in targets_of(means)}
    )
    for m in _PART.finditer(request):
        name = m.group(1)
        if PART_NAMES[name] in targets or set(name.split()) <= carried or _against(request, m.start(1)):
            continue
        if means["op"] == "automate" and _before(request, m, 2)[:1] == [
            "to"
        ]:  # "sidechain the pad to the kick"
            continue
        found.append((m.start(1), name, "part"))
    if (
        key is not None
        and f" {KEY} " in request
        and not value_words(key) <= carried
        and MODE_SAID.search(heard.lower())
    ):
        found.append((request.find(f" {KEY} ") + 1, key, "key"))
    tempo = re.search(r" (bpm|tempo)(?= )", request)
    if tempo is not None and "tempo_bpm" not in means and means["op"] not in TEMPO_OPS:
        found.append((tempo.start(1), tempo.group(1), "tempo"))
    return [(word, kind) for _, word, kind in sorted(found) if kind in kinds]


def unsaid(heard: str, intent: Intent) -> str | None:
    """The first value word of ``heard`` that ``intent`` does not carry: ``carried.unsaid``'s (a count,
    a take's place, a section, a genre), else the first leftover word of a ``GUARDED`` kind; or None."""
    return unsaid_first(heard, intent) or first_left(heard, intent)


def first_left(heard: str, intent: Intent) -> str | None:
    """The first value word of a ``GUARDED`` kind that ``intent`` leaves out of ``heard``, or None."""
    left = leftover(heard, intent, GUARDED)
    return left[0][0] if left else None


def _starts(s: str) -> list[int]:
    starts, at = [], 0
    for word in s.split():
        at = s.index(word, at)
        starts.append(at)
        at += len(word)
    return starts


def _before(s: str, m: re.Match[str], n: int) -> list[str]:
    """The ``n`` words before the match ``m`` (its first group)."""
    return s[: m.start(1)].split()[-n:]


def _against(s: str, at: int) -> bool:
    """Whether the word at ``at`` is said as what the change is heard against or likened to."""
    return bool(set(s[:at].split()[-3:]) & CONTEXT)


def _number_left(word: str, before: list[str], after: list[str], carried: set[str]) -> bool:
    nxt = after[0] if after else ""
    if word in carried or word == "1" or nxt in SCALED or before[-1:] == ["1"]:
        return False
    if nxt.startswith("octave") and str(12 * int(word)) in carried:  # "2 octaves": 24 semitones
        return False
    return (
        not (set(before) & set(BOUNDS) or nxt in BOUNDS)
        or not {str(int(word) - 1), str(int(word) + 1)} & carried
    )
