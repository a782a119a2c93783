"""A tag word said at a clause's end is no word of the request (issue 55, round 39): "solo bass lah",
"cancel la, that job too slow", "then solo the guzheng track la", "take off the mute on the bass nah",
"then quantize it, bine?" are "solo bass", "cancel", "then solo the guzheng track", "take off the mute on
the bass", "then quantize it".

A TAG is known by its shape, not by a table of its meanings:

- it is the clause's last word, before a comma, a full stop, "!" or the sentence's end (before a "?" the
  sentence is asked, and is left as it is);
- it is a short word (two to four letters) that is neither an English word the project's sentences say
  (``english.english_words``) nor a word of some command (``known.vocabulary_words``), nor a note name
  ("in Db"); English's own clause-final tags "nah" and "ok" are tags too;
- it is said after the request's last word: a part, a drum voice, a command's verb, a unit ("bass", "kick",
  "cancel", "bars"), a number, "track", or "it", "this", "that", "them" (never after a modifier: "full wet") (so "mute the erhu" and "add some
  oud" keep their last word: an instrument said after "the" or "some" is never a tag);
- or it stands alone as the sentence's last clause, after a comma ("..., bine?"): that clause, and its
  question mark (the tag asks for agreement, the request is no question), are dropped.

"X can or not" (a request asked as "can or not") is "X": the question is the asker's politeness. Nothing
else in a sentence changes; a sentence with no tag is returned as it was. Stdlib and leaf modules only.
"""

from __future__ import annotations

import re
from functools import cache

from bridge.commands import clip_words as cw
from bridge.commands import vocab as v
from bridge.commands.english import english_words
from bridge.commands.known import known_commands, vocabulary_words

# English's own tag words, said after a request ("mute the bass nah", "solo it ok")
_ENGLISH_TAGS = frozenset({"nah", "ok"})
# what a request may end with before its tag: a pronoun object or the word "track"
_ENDS = frozenset({"it", "this", "that", "them", "track", "tracks"})
_END = r"(?=\s*(?:[,.;!]|$))"  # never before a "?": "can do same with the track mai?" stays a question
# "the bass nah", "cancel la,": the word before and the tag
_AFTER_WORD = re.compile(rf"\b([\w#']+) ([a-z]{{2,4}}){_END}", re.I)
_ALONE = re.compile(r"(?<=\w), ([a-z]{2,4})\s*[?!.]?\s*$", re.I)
# "chords up a whole tone can or not": the request, asked politely
_CAN_OR_NOT = re.compile(rf"\s*,? (?:can|could|ok|possible) or not{_END}\s*\??", re.I)
_NOTE = re.compile(r"[a-g][b#]?", re.I)


def is_tag(word: str) -> bool:
    """Whether a word said at a clause's end is a tag by its shape (module docstring)."""
    low = word.lower()
    if low in _ENGLISH_TAGS:
        return True
    return not (low in english_words() or low in vocabulary_words() or _NOTE.fullmatch(low))


@cache
def _last_words() -> frozenset[str]:
    """Words a request may end with before its tag: a part, a drum voice, a command's verb, a unit."""
    verbs = {s.split()[0] for s in known_commands()} - {"a", "an", "the", "my", "our", "your", "some"}
    return frozenset({*v.PARTS, *cw.DRUM_VOICES, *verbs, *v.BAR_WORDS, "bpm", "semitones", "tone", *_ENDS})


def _ends_request(word: str) -> bool:
    low = word.lower()
    return low.isdigit() or low in _last_words()  # never "full" in "full wet": a modifier before its noun


def _untag(m: re.Match[str]) -> str:
    before, tag = m.group(1), m.group(2)
    if is_tag(tag) and _ends_request(before):
        return before
    return m.group(0)


def untagged(text: str) -> str:
    """The sentence with each clause-final tag word dropped (module docstring)."""
    text = _CAN_OR_NOT.sub("", text)
    alone = _ALONE.search(text)
    if alone and is_tag(alone.group(1)) and alone.group(1).lower() not in _ENGLISH_TAGS:
        text = text[: alone.start()]
    return _AFTER_WORD.sub(_untag, text)
