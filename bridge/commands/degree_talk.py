"""Chords named by their degrees, said around a request (issue 55): talk, never a value of it.

"need a bass line for the chorus that just walks the 1 4 and 5", "some chords goin 1 5 6 4 in G
major", "a melody that climbs over the 4 chord", "we're studying the two five one", "voice a ii-V-I":
the numbers are the degrees of the chords the producer hears or wants, which no field of an intent
holds (docs/intents.md). ``without_degrees`` takes them out of a normalised sentence (padded, numbers
as digits) before its value words are weighed (``unexplained.request_of``), so "4" is no count of bars
left unread. A run needs three degrees ("on 2 and 4" is a beat scope; "bars 5 6 7" are bars, never
degrees after a bar word), and one degree needs "chord" after it ("the 4 chord"). Stdlib only.
"""

from __future__ import annotations

import re

_ARABIC = r"[1-7]"
_ROMAN = r"(?:i|ii|iii|iv|v|vi|vii)"
_JOIN = r" (?:(?:and|to|then|an|n) )?"
# a word before a run that makes its numbers bars, beats ("on 1 2 and 3") or takes, not degrees
_COUNTED_BEFORE = r"(?<!\d )(?<!on )(?<!at )(?<!every )(?<!bar )(?<!bars )(?<!beat )(?<!beats )(?<!measure )(?<!measures )(?<!take )(?<!takes )"
_COUNTED_AFTER = (
    r"(?! (?:\d|[ivx]+\b|bars?|beats?|measures?|takes?|versions?|times|semitones?|steps?|octaves?|bpm|db)\b)"
)
# three degrees or more in a row: "1 4 and 5", "1 5 6 4", "2 5 1", "ii v i" (roman numerals need one that
# is no word: "ii", "iv", "vi")
_RUN = re.compile(
    rf" {_COUNTED_BEFORE}(?:{_ARABIC}(?:{_JOIN}{_ARABIC}){{2,}}"
    rf"|(?=[iv ]*\b(?:ii|iii|iv|vi|vii)\b){_ROMAN}(?:{_JOIN}{_ROMAN}){{2,}}){_COUNTED_AFTER}(?= )"
)
# one degree named as a chord: "over the 4 chord", "the iv chord", "on the 5"
_ONE = re.compile(rf" (?:the )?(?:{_ARABIC}|{_ROMAN}) chords?(?= )")


def without_degrees(s: str) -> str:
    """The normalised, padded sentence ``s`` without the chords it names by their degrees; ``s`` itself
    when it names none."""
    cut = _ONE.sub(" ", _RUN.sub(" ", s))
    return s if cut == s else " " + " ".join(cut.split()) + " "
