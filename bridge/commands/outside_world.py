"""A question about the world outside the song, and the speaker's own plans (issue 55, round 28).

"can you tell me what time the club opens tonight, I might go hear the band play": the first clause asks
for a fact of the world (when a place opens, where something is, what time it is), which MuseAroo cannot
know; the second says what the speaker may do later, and its verb ("play") is no request to the product.
A sentence made only of such clauses (and fillers) is answered as not MuseAroo's, nothing done
(``outside_only``). A question that names the song's own things ("when does the chorus start", "what time
signature is this", "where is the kick") is no such question; a plan clause beside a real request ("mute the
hats, I might go hear it later") leaves the request as it was. Clauses are cut at the typed punctuation, so
the text read is the one typed (not normalised). Stdlib only, a few regular expressions a sentence.

``_OWN_PLAN`` is not ``clause_joins.PLAN`` on purpose: PLAN marks any clause the speaker says they will do
("I'll chop it later") as no request now beside a request; this one makes a whole sentence not ours, so it
wants the speaker going out to hear or see something ("go hear", "go see"), modal or not ("we go watch").
"""

from __future__ import annotations

import re
from functools import cache

# asking a fact of the world: a clock time (never "time signature"), or when, where or how late something is
_WORLD_QUESTION = re.compile(
    r"^(?:(?:so|hey|oh|and|now|say|well|son|please)\s+)*"
    r"(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?(?:tell|let)\s+me(?:\s+know)?\s+"
    r"|(?:do|would)\s+(?:you|u)\s+(?:happen\s+to\s+)?know\s+|tell\s+me\s+|any\s+idea\s+)?"
    r"(?:what\s+time(?!\s+sig)|how\s+late|when|where)\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
# the speaker's own plan: "I might go hear them play", "I'll go see the band", "we may go listen"
_OWN_PLAN = re.compile(
    r"^(?:(?:and|so|then|maybe|well)\s+)*(?:i|we)(?:'ll|'d|\s+will|\s+would|\s+might|\s+may|\s+could|\s+wanna|"
    r"\s+want\s+to|\s+am\s+going\s+to|'m\s+going\s+to|'m\s+gonna|\s+are\s+going\s+to|\s+gonna)?(?:\s+just)?"
    r"\s+go\s+(?:and\s+)?(?:hear|see|listen|watch|catch)\b",
    re.IGNORECASE,
)
_FILLER = re.compile(r"^(?:please|thanks|thank you|cheers|ok|okay|son|friend|tonight|later)?$", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;.!?]+")
_SONG_NOUNS = frozenset(
    {"song", "track", "clip", "loop", "take", "bar", "bars", "beat", "beats", "key", "tempo", "bpm", "chord",
     "chords", "tune", "mix", "stem", "stems", "session", "jam", "part", "parts", "scene", "slot", "it", "this"}
)  # fmt: skip


_FUNCTION_WORDS = frozenset({"the", "a", "an", "my", "our", "of", "and", "in", "on", "to", "for", "with"})


@cache
def _music_words() -> frozenset[str]:
    """The words that name the song's own things: its parts, sections and drum voices, and its nouns."""
    from bridge.commands import change_words as co
    from bridge.commands import vocab as v
    from bridge.commands.spelling import SECTION_WORDS, VOICE_WORDS

    named = {w for phrase in v.PARTS for w in phrase.split()} - _FUNCTION_WORDS  # "the bass": "bass"
    return frozenset(named | set(SECTION_WORDS) | set(VOICE_WORDS) | set(co.VOICES) | _SONG_NOUNS)


def asks_the_world(clause: str) -> bool:
    """Whether one typed clause asks a fact of the world ("can you tell me what time the hall opens"):
    a when, where or clock-time question that names none of the song's own things."""
    asked = _WORLD_QUESTION.match(clause.strip())
    if asked is None:
        return False
    words = re.findall(r"[a-z]+", asked.group("rest").lower())
    return not any(w in _music_words() for w in words)


def own_plan(clause: str) -> bool:
    """Whether one typed clause says what the speaker may go and do ("I might go hear them play")."""
    return _OWN_PLAN.match(clause.strip()) is not None


def outside_only(text: str) -> bool:
    """Whether the typed sentence is only questions about the world and the speaker's own plans (fillers
    aside): nothing of it is a request to MuseAroo."""
    clauses = [c.strip() for c in _CLAUSE.split(text) if c.strip()]
    asked = [asks_the_world(c) for c in clauses]
    planned = [own_plan(c) for c in clauses]
    if not any(asked) and not any(planned):
        return False
    return all(a or p or _FILLER.match(c) for a, p, c in zip(asked, planned, clauses, strict=True))
