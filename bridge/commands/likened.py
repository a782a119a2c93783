"""A likeness said after the request (issue 55): what the request is likened to names no value of it.

Said last, with no verb of its own, a likeness points at a sound the producer has in mind; its words
(a genre inside an artist's name, a place's scene) are no genre, part or place of the request:

- "think ..." opening the likeness ("a techno beat 16 bars at 128, think Swedish House Mafia early
  stuff"), never "I think ..." or "do you think ..." (an opinion or a question: read as before);
- "that ... pump / sound / vibe / feel / bounce / groove / thing" closing the sentence ("duck the bass
  on every beat, that swedish house pump", "that old school garage bounce").

``without_likened`` gives the normalised sentence with the likeness blanked (unchanged when it has
none); ``unexplained`` reads the request without it, so a style word in it asks nothing. The likeness
is said after the request's own words: a sentence that is only a likeness is left as it is."""

from __future__ import annotations

import re

# "think" opening a likeness at the end: not after a pronoun or a verb asking an opinion
_THINK = re.compile(r"(?<=\w)(?<! i)(?<! you)(?<! we)(?<! they)(?<! do)(?<! dont)(?<! don t) think (?!about |of |it |its |that |this |we |i |you )\w.*$")  # fmt: skip
_THAT_SOUND = re.compile(
    r"(?<=\w) (?:that|this|the) (?:\w+ ){1,4}(?:pump|pumping|sound|vibe|feel|bounce|groove|thing|energy)(?: \w+)? $"
)
_OWN_WORDS = 3  # the request before a likeness says at least this many words


def without_likened(s: str) -> str:
    """The normalised sentence ``s`` without a likeness said after its request (blanked: " ")."""
    for pattern in (_THINK, _THAT_SOUND):
        m = pattern.search(s)
        if m is not None and len(s[: m.start()].split()) >= _OWN_WORDS:
            return s[: m.start()] + " "
    return s
