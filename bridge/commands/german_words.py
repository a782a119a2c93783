"""Note names and a bar's unit of the German tradition said in English (issue 55): "a bass line in H minor",
"H-Dur", "drums for the intro, four Takt".

A writer schooled in German (Central European) music names the note B "H" and counts bars in "Takt":

- "H" before a mode word ("major", "minor", "dur", "moll", with a space or a hyphen: "H minor", "h-moll") is
  the note B: no English note is named H, so the letter there can be read safely ("H minor" had lost its
  root: the minor scale was made with no key). "B" is left as it is, in either tradition's spelling
  ("B minor", "B-Dur"): in German it is B-flat, in English B, and the sentence does not tell which, so it is
  read as English readers read it (the English note B) and never moved to B-flat here;
- a number followed by "Takt" ("four Takt", "8 Takt") is that many bars: a length, never the ordinal of a
  section said before it ("for the intro, four Takt" had been read as the 4th intro).

``german(text)`` says these in English before any reader reads the sentence (``heard.heard_as``); the
letter and the unit are read only in those places. A sentence with none of them is returned as it was.
Stdlib only.
"""

from __future__ import annotations

import re

# "H minor", "h-moll", "H-Dur", "H major": the note B with its mode (German "dur" major, "moll" minor)
_H_KEY = re.compile(r"(?<![\w'-])[Hh](?: ?- ?| )(major|minor|dur|moll)\b", re.IGNORECASE)
_MODE = {"major": "major", "minor": "minor", "dur": "major", "moll": "minor"}
_NUMBER = (
    r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"twenty|twenty four|thirty two|sixty four"
)
# "four Takt", "16 Takt": that many bars (the number kept as said; the readers read it)
_TAKT = re.compile(rf"\b({_NUMBER}) takt\b", re.IGNORECASE)


def german(text: str) -> str:
    """``text`` with the German note H before a mode said as B, and a count of "Takt" said in bars."""
    if "takt" not in text.lower() and not _H_KEY.search(text):
        return text
    said = _H_KEY.sub(lambda m: f"B {_MODE[m.group(1).lower()]}", text)
    return _TAKT.sub(r"\1 bars", said)
