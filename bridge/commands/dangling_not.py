"""A sentence that ends on a negation governing nothing is never acted on (issue 55 and 56).

"make the melody does not", "add the hats, not", "make the bass, don't": the request before the
negation is read in full, and the negation names nothing, so what is meant may be its opposite. A
typed sentence like this is rare; a recogniser's transcript of a longer command is not (Whisper wrote
"Make, the melody does not." for "make the melody busier", and its reading as "make a melody" agreed
with pocketsphinx's "make the melody": a misheard command acted on). Such a sentence is asked about.

Only negations that cannot end a statement about the music count: "not" and the contracted "don't",
"doesn't", "didn't", "won't", "can't", "shouldn't", "wouldn't". "is my drop good or not" is a question
about the song, answered as one before this is asked; "the song isn't" (slower) ends a comparison;
"before, no" and "nah" are answers, read elsewhere.
"""

from __future__ import annotations

# the sentence's last word (normalised: lower case, apostrophes out) after which nothing is said
DANGLING = frozenset({"not", "dont", "doesnt", "didnt", "wont", "cant", "shouldnt", "wouldnt"})


def dangling_not(s: str) -> bool:
    """Whether the normalised sentence ``s`` ends on a negation that governs nothing after it."""
    words = s.split()
    return bool(words) and words[-1] in DANGLING
