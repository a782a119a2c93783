"""Whisper's near misses snapped to the grammar's words (issue 56).

Whisper writes what it hears in free English, and espeak-ng's voices often come out close to a
command but not in its words: "make a fun bass line", "makes the drum skalmer", "marry the chords",
"human ice that runs". ``snap`` replaces each word the speech grammar does not know with the grammar
word nearest in spelling (difflib's ratio at least ``CUTOFF``, a letter longer or shorter at most:
"should" stays, not "soul"), two unknown words written as one first ("human ice" -> "humanize").
With ``BY_SOUND`` (v64, off: on the studio bench's tuning half it offered the command said once less),
of the grammar words spelled near enough the one nearest in phones wins: "very" is "vary" (the same
phones), not "every" ("every the chords" reads as "generate the chords", which hid the transcript's own
suggestions). The result is only a candidate: Whisper scores it against the audio like any other, and
it acts only where pocketsphinx heard the same command (``spoken_agree``).
"""

from __future__ import annotations

import difflib
from functools import cache

from bridge.commands import jsgf
from bridge.commands.grammar import build_jsgf
from bridge.commands.sounds import distance

CUTOFF = 0.7  # difflib's similarity ratio a grammar word needs to replace an unknown one
JOINED_CUTOFF = 0.75  # and to replace two unknown words written apart ("human ice")
BY_SOUND = False  # True: the grammar word nearest in phones of those spelled near (v64, not adopted)


@cache
def grammar_words() -> tuple[str, ...]:
    """Every word of the speech grammar, sorted."""
    return tuple(sorted(jsgf.words(jsgf.parse_jsgf(build_jsgf()))))


def snap(sentence: str) -> str:
    """``sentence`` (as the parser reads it: lower case, no punctuation) with each word the grammar
    does not know replaced by its nearest grammar word, when one is near enough (else kept)."""
    known = grammar_words()
    vocabulary = frozenset(known)
    said = sentence.split()
    out: list[str] = []
    i = 0
    while i < len(said):
        word = said[i]
        if word in vocabulary:
            out.append(word)
            i += 1
            continue
        if i + 1 < len(said) and said[i + 1] not in vocabulary:
            joined = difflib.get_close_matches(word + said[i + 1], known, 1, JOINED_CUTOFF)
            if joined:
                out.append(joined[0])
                i += 2
                continue
        near = [w for w in difflib.get_close_matches(word, known, 3, CUTOFF) if abs(len(w) - len(word)) <= 1]
        out.append(min(near, key=lambda w: distance(w, word) if BY_SOUND else 0.0) if near else word)
        i += 1
    return " ".join(out)
