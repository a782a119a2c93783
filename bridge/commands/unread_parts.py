"""A part named beside words no reader knows, its fate unread: asked, never acted on (issue 55, round 37).

A word is unread as ``unread_mix.unread`` judges it (with ``slips``: an English typo only by a slip of the
fingers is read), the one test of every ``unread_*`` reader; a sentence in a tongue a table reads is left to
that table (``unread_mix.tabled``). A part *in hand* is one said with its determiner ("the kick",
"my bass"): "a bass line", "drums", a bare "hat" may be a new part or another tongue's word. Two places where
the readers acted on a guess:

- *a part left to unread words* (``left_to_unread``): a clause (cut at punctuation, "and", "but", "then")
  names a part in hand and holds an unread word, says no statement or likeness ("it's muddying the piano",
  "like the requinto guitar"), the rules read no request in it (none, or only a new part or a loop guessed
  from the part word, no verb of making said), and another clause names another target in a request the
  rules read. The readers dropped the part ("turn up the bass, then <unread> the piano"), drew it into the
  request ("<unread> the hats, make the snare louder": both louder) or, round 36 (``unread_turn``, gone),
  took it as kept ("<unread> the kick, just make the hats simpler"). What the unread words want of it is
  unknown: the question offers the request with the part left as it is, and with the part added to it;
- *a make read from a part in hand alone* (``made_unread``): a new part made where no verb of making is said,
  the part named in hand in a clause holding an unread word, where the verb may be ("<unread> the bass into
  reggae", "the bass <unread> in F minor"): a new part or a change to the part there; "drums please", "a
  bass line in D, 8 bars" say no unread word and still make. A bare part word beside an unread word still
  makes ("<unread> drums, house, 8 bars"): in the open sets that word is mostly "give me" or "please" in a
  tongue no table reads (docs/benchmarks/commands.md, round 37).

No word of any tongue is added to a table. Stdlib only.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bridge.commands import change_words as cg
from bridge.commands import vocab as v
from bridge.commands.clip_words import PERCUSSION_WORDS
from bridge.commands.intent import Intent, unknown
from bridge.commands.normalize import normalize
from bridge.commands.said import said
from bridge.commands.track_words import INSTRUMENTS
from bridge.commands.unexplained import CONTEXT
from bridge.commands.unread_mix import WORDS, tabled, unread

# where a sentence's clauses part: punctuation, a dash, and the joins of two requests
_CLAUSES = re.compile(r"[,.;:!?()]+|\s-\s|\s(?:and|but|then)\s", re.IGNORECASE)
_NOT_PARTS = frozenset(
    ("sample", "samples", "loop", "texture", "fx", "riser", "string")
)  # a clip or sound said
_NAMED = {
    *v.PARTS,
    *cg.VOICES,
    *PERCUSSION_WORDS,
    *INSTRUMENTS,
} - _NOT_PARTS  # a part, a drum voice, an instrument
_THINGS = "|".join(re.escape(w) for w in sorted(_NAMED, key=len, reverse=True) if w.strip())
_TARGET = re.compile(rf"\b(?:(?:the|my|those|these|that|this) )?(?:{_THINGS})\b", re.IGNORECASE)
# a part in hand, said with its determiner ("the kick", "my bass"): "a bass line", a bare "hat" may be new or a word
_OWNED = re.compile(rf"\b(?:the|my|our|your|those|these) (?:{_THINGS})\b", re.IGNORECASE)
_LEAD = re.compile(r"^(?:(?:just|only|now|pls|please|also)\s+)+", re.IGNORECASE)
# a statement's subject first ("it's muddying the piano"), or a likeness before the part ("like the requinto guitar")
_SAID_OF = re.compile(r"^(?:i|you|he|she|it|its|it's|they|we|that's|there|there's|which)\b", re.IGNORECASE)
_GUESSED = frozenset(("generate", "musicgen"))  # what the rules read from a thing's word alone


def _unread_in(text: str) -> str | None:
    """The first unread word of ``text`` (module docstring), or None."""
    return next((w for w in WORDS.findall(text) if w[0].isalpha() and unread(w, slips=True)), None)


def _making(s: str) -> bool:
    """Whether the normalised sentence ``s`` says a verb of making ("make", "give me", "write" ...)."""
    return said(s, *v.GENERATE_VERBS)


def _requested(clause: str, rules: Callable[[str], Intent]) -> bool:
    """Whether the rules read a request in ``clause`` alone: not a new part or a loop guessed from its words."""
    read = rules(clause)
    return read.understood and (read.action not in _GUESSED or _making(normalize(clause)[0]))


def _left(clause: str) -> tuple[re.Match[str], str] | None:
    """The part in hand ``clause`` names and its first unread word, where it says no statement or likeness."""
    owned = _OWNED.search(clause)
    word = _unread_in(clause)
    if owned is None or word is None or _SAID_OF.match(clause):
        return None
    before = {w.lower() for w in WORDS.findall(clause[: owned.start()])[-3:]}
    return None if before & CONTEXT else (owned, word)


def left_to_unread(
    heard: str, read: Intent, parse: Callable[[str], Intent], rules: Callable[[str], Intent]
) -> Intent | None:
    """The question for an acted reading ``read`` of ``heard`` where a part is left to unread words (module
    docstring): "leave the kick, just make the hats simpler" or "make the kick and the hats simpler"; else None."""
    if not read.understood or read.action == "musicgen" or tabled():
        return None
    clauses = [_LEAD.sub("", c.strip()) for c in _CLAUSES.split(heard) if c and c.strip()]
    left = [(c, *found) for c in clauses if (found := _left(c)) is not None and not _requested(c, rules)]
    if not left:
        return None
    clause, target, word = left[0]
    the = target.group(0)
    for request in clauses:
        said_there = _TARGET.search(request)
        if request == clause or said_there is None or _unread_in(request) or not _requested(request, rules):
            continue
        if said_there.group(0).lower().split()[-1] == the.lower().split()[-1]:
            return None  # the part the request acts on itself: nothing left out
        kept = f"leave {the}, just {request[0].lower()}{request[1:]}"
        both = (
            request[: said_there.start()] + f"{the} and {said_there.group(0)}" + request[said_there.end() :]
        )
        offered = [s for s in (kept, both) if parse(s).understood]
        if not offered:
            return None
        asked = " or ".join(f"'{s}'" for s in offered)
        return unknown(heard, f"what should happen to {the} ('{word}')? did you mean {asked}?", offered)
    return None


def made_unread(heard: str, s: str, chosen: Intent) -> str | None:
    """The unread word of ``heard`` (normalised ``s``) where a new part is read from the word of a part in hand
    alone (module docstring), or None: asked about as an unexplained word, "did you mean ... with '<word>'?"."""
    if chosen.action != "generate" or chosen.part not in v.PARTS.values() or _making(s) or tabled():
        return None
    for clause in _CLAUSES.split(heard):
        found = _left(clause.strip()) if clause else None
        if (
            found is not None and _part_of(found[0].group(0)) == chosen.part
        ):  # "over these chords": another part
            return found[1]
    return None


def _part_of(thing: str) -> str | None:
    """The part a thing said in hand is ("the bass line": bass, "my hats": drums), or None (an instrument)."""
    word = thing.lower().split(" ", 1)[1]
    return v.PARTS.get(word) or ("drums" if word in cg.VOICES else None)
