"""An unread word where a request's join, its second request, a track's name or its part stands (issue 55).

``unread_mix.unread_needed`` asks about a clause crowded with words no reader knows. One unread word can matter
as much, where it stands in the request's own frame; measured leave-one-tongue-out (a tabled tongue's sets with
its table switched off, ``tools/bench/tongue_out.py``), these acted on a wrong or incomplete reading:

- *the join*: an unread word before words that the rules read as a request the reading does not do ("undo
  that terus play it again", "unmute the hats og solo the kick": the second request lost);
- *the join between two things*: an unread word between two things named (parts, voices, sections, takes or
  numbers: "compare take 2 ve take 5", "the kick meg the snare"), read as one of them or neither;
- *a track's name*: a track read by a name holding an unread word, with no "track" or "channel" said ("unmute
  the bass ancora": a track "bass ancora");
- *the part dropped*: a request acting on a part read with none (the selected clip), no "it", "this" or
  "clip" said, and an unread word in the clause of its verb ("quantize het basje", "remove o baixo after bar
  8": the part said in the other tongue).

``unread_between`` returns that word (asked about as ``unread_needed``'s are), or None. A sentence in a tongue a
table reads is left to the table (``unread_mix.tabled``), as is a MusicGen prompt or a take's name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bridge.commands.intent import Intent
from bridge.commands.means import SELECTED_OPS, means_of
from bridge.commands.tongues import FUNCTION
from bridge.commands.unread_mix import _CLAUSES, _POINTERS, _WORDS, named_words, tabled, unread

_TRACK_SAID = re.compile(r"\b(?:tracks?|channels?)\b", re.IGNORECASE)
_COUNTED = frozenset(("take", "takes", "version", "versions", "bar", "bars"))  # things said with a number
_JOINS = frozenset(
    ("and", "then", "also", "plus", "after")
)  # a join read: the next request is the compound's
_NOUN_BEFORE = frozenset(("the", "a", "an", "this", "that", "my", "your", "our", "of", "from", "some"))
_NOUN_AFTER = frozenset(("track", "tracks", "channel", "loop", "sample", "clip", "part", "line", "sound"))


def _thing(word: str) -> bool:
    """Whether ``word`` names a thing two requests or a comparison may join: a part, voice, section, a take
    or a number."""
    low = word.lower()
    return word.isdigit() or low in _COUNTED or (low not in FUNCTION and low in named_words())


def _named_here(clause: list[str], i: int) -> bool:
    """Whether the unread word ``clause[i]`` stands in a noun's place: after an article or "of", or before
    "track", "loop", "sample" ... (a thing's name in the other tongue, no join)."""
    before = clause[i - 1].lower() if i else ""
    after = clause[i + 1].lower() if i + 1 < len(clause) else ""
    return before in _NOUN_BEFORE or after in _NOUN_AFTER


def _ops(intent: Intent) -> set[str]:
    """The ops a reading does: its own and its later requests'."""
    read = means_of(intent.as_dict())
    return {
        str(read.get("op")),
        *(str(t.get("op")) for t in read.get("then", []) or [] if isinstance(t, dict)),
    }


def unread_between(heard: str, chosen: Intent, rules: Callable[[str], Intent]) -> str | None:
    """The first unread word of ``heard`` standing as a join, in a track's name or beside the part the reading
    ``chosen`` dropped, or None (module docstring); ``rules``: the rules' reading, read on what follows."""
    if not chosen.understood or chosen.action == "musicgen" or chosen.params.get("do") == "name":
        return None
    clauses = [_WORDS.findall(c) for c in _CLAUSES.split(heard)]
    if not any(w[0].isalpha() and unread(w) for c in clauses for w in c) or tabled():
        return None
    done: set[str] | None = None
    for c in clauses:
        for i, w in enumerate(c):
            if not (w[0].isalpha() and unread(w)):
                continue
            if _named_here(c, i):
                continue  # "mute the suling track", "something the baglamas can play": a thing's name
            if 0 < i < len(c) - 1 and _thing(c[i - 1]) and _thing(c[i + 1]):
                return w  # "take 2 ve take 5"
            ahead = c[i + 1 :]
            ahead = ahead[: next((j for j, x in enumerate(ahead) if x.lower() in _JOINS), len(ahead))]
            rest = [x for x in ahead if not (x[0].isalpha() and unread(x))]
            if any(x.lower() not in FUNCTION for x in rest):
                again = rules(" ".join(rest))
                done = _ops(chosen) if done is None else done
                if again.understood and not _ops(again) <= done:
                    return w  # "undo that terus play it again": the second request
    name = chosen.params.get("track_name")
    if isinstance(name, str) and not _TRACK_SAID.search(heard):
        if said := next((w for w in name.split() if unread(w)), None):
            return said  # "unmute the bass ancora"
    words = {w.lower() for c in clauses for w in c}
    read = means_of(chosen.as_dict())
    if read.get("op") in SELECTED_OPS and read.get("target") in (None, "this") and not _POINTERS & words:
        verb = next((c for c in clauses if any(not unread(w) and w.lower() not in FUNCTION for w in c)), [])
        return next((w for w in verb if w[0].isalpha() and unread(w)), None)  # "quantize het basje"
    return None
