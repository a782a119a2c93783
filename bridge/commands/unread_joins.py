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
from bridge.commands.unread_mix import CLAUSES, POINTERS, WORDS, named_words, tabled, unread

_TRACK_SAID = re.compile(r"\b(?:tracks?|channels?)\b", re.IGNORECASE)
_COUNTED = frozenset(("take", "takes", "version", "versions", "bar", "bars"))  # things said with a number
_JOINS = frozenset(
    ("and", "then", "also", "plus", "after")
)  # a join read: the next request is the compound's
_NOUN_BEFORE = frozenset(("the", "a", "an", "my", "your", "our", "of", "from", "some"))
_NOUN_AFTER = frozenset(("track", "tracks", "channel", "loop", "sample", "clip", "part", "line", "sound"))
# another tongue's articles: the word after one is a noun, the article no join ("stop le jam")
ARTICLES = frozenset("le la les un une des du il lo gli der die das den dem ein eine el los las o os".split())
# a subject before the word (the word a statement's verb: "so they smear behind the beat"), a place after it
_SUBJECTS = frozenset("i you he she it we they who".split())
_PLACES = frozenset("behind over under into onto through until before around across along within".split())
# the ops that change a part's notes: one read with no part changes the selected clip
_PART_OPS = SELECTED_OPS - {
    "analyze",
    "warp",
    "separate",
    "star",
    "unstar",
    "name",
    "compare",
    "recall",
    "set",
}


def _unread(word: str) -> bool:
    return word[0].isalpha() and unread(word, slips=True)


def _counted(word: str) -> bool:
    return word.isdigit() or word.lower() in _COUNTED


def _thing(word: str) -> bool:
    """Whether ``word`` names a thing: a part, voice, section, a take or a number."""
    low = word.lower()
    return _counted(word) or (low not in FUNCTION and low in named_words())


def _named_here(clause: list[str], i: int) -> bool:
    """Whether the unread word ``clause[i]`` stands in a noun's place or is an article: after an article or
    "of", before "track", "loop", "sample" ... (a thing's name in the other tongue, no join)."""
    before = clause[i - 1].lower() if i else ""
    after = clause[i + 1].lower() if i + 1 < len(clause) else ""
    return before in _NOUN_BEFORE or after in _NOUN_AFTER or clause[i].lower() in ARTICLES


def _read(intent: Intent) -> list[dict[str, object]]:
    """A reading's requests, in the schema (``means_of``): its own and its later ones'."""
    read = means_of(intent.as_dict())
    then = [t for t in read.pop("then", []) or [] if isinstance(t, dict)]
    return [read, *then]


def _new_request(rest: list[str], chosen: Intent, rules: Callable[[str], Intent]) -> bool:
    """Whether ``rest`` (the words after an unread one, up to a join read) says a request of its own: it starts
    with no function word and no thing named, the rules read it as an op the reading ``chosen`` does not do,
    and its values are not all read already ("play from the top" after "undo that"; not "G minor", a key
    set, after "a bassline in": the key is read; not "behind the beat" after "push the chords later")."""
    if not rest or rest[0].lower() in FUNCTION | _PLACES or _thing(rest[0]):
        return False
    again = rules(" ".join(rest))
    if not again.understood:
        return False
    done = _read(chosen)
    for request in _read(again):
        values = [(k, v) for k, v in request.items() if k != "op"]
        if all(r.get("op") != request.get("op") for r in done) and not (
            values and all(any(r.get(k) == v for r in done) for k, v in values)
        ):
            return True
    return False


def unread_between(heard: str, chosen: Intent, rules: Callable[[str], Intent]) -> str | None:
    """The first unread word of ``heard`` standing as a join, in a track's name or beside the part the reading
    ``chosen`` dropped, or None (module docstring); ``rules``: the rules' reading, read on what follows."""
    if not chosen.understood or chosen.action == "musicgen" or chosen.params.get("do") == "name":
        return None
    clauses = [WORDS.findall(c) for c in CLAUSES.split(heard)]
    if not any(_unread(w) for c in clauses for w in c) or tabled():
        return None
    for c in clauses:
        for i, w in enumerate(c):
            if not _unread(w) or _named_here(c, i):
                continue  # "mute the suling track", "something the baglamas can play": a thing's name
            if (
                0 < i < len(c) - 1
                and _thing(c[i - 1])
                and _thing(c[i + 1])
                and _counted(c[i - 1]) | _counted(c[i + 1])
            ):
                return w  # "take 2 ve take 5": a join of two things counted
            if (
                not any(not _unread(x) and x.lower() not in FUNCTION for x in c[:i])
                or c[i - 1].lower() in _SUBJECTS
            ):
                continue  # no request said before it (its verb, maybe: "sors la basse ..."), or a statement's verb
            ahead = c[i + 1 :]
            ahead = ahead[: next((j for j, x in enumerate(ahead) if x.lower() in _JOINS), len(ahead))]
            if _new_request([x for x in ahead if not _unread(x)], chosen, rules):
                return w  # "undo that terus play it again": the second request
    name = chosen.params.get("track_name")
    if isinstance(name, str) and not _TRACK_SAID.search(heard):
        if said := next((w for w in name.split() if _unread(w)), None):
            return said  # "unmute the bass ancora"
    words = {w.lower() for c in clauses for w in c}
    read = means_of(chosen.as_dict())
    if read.get("op") in _PART_OPS and read.get("target") in (None, "this") and not POINTERS & words:
        verb = next((c for c in clauses if any(not _unread(w) and w.lower() not in FUNCTION for w in c)), [])
        return next((w for w in verb if _unread(w)), None)  # "quantize het basje"
    return None
