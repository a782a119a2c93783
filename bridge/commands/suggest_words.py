"""Values a suggestion's sentence says beyond its op's template (issue 55): what ``rephrase`` could not
say again, so a question offered no sentence for the learned op at all ("did you mean 'set the key to D
major' or 'remove the bass line'?" for "move the bass down to D major").

- a key a part is moved to is said "to D major" ("transpose the bass line to D major"; "in D major"
  is a new part's key, read as ``make``);
- several parts are said as a list ("keep only the kick and the snare in the intro");
- a genre a part or the clip is redone in ("redo this one as country": "make it country", a ``set``);
- a half of the clip ("in the second half") and the bars a jam keeps ("the last 16 from the jam");
- a fill's place at a section's end, whatever comes after it ("a fill at the end of the second chorus
  going into the bridge": "in the second chorus", where the rules put it).

Each says only a value the producer's sentence says; the sentence is still offered only when the
rules read it as its op (``suggested``)."""

from __future__ import annotations

import re

from bridge.commands import region_words as rg
from bridge.commands import vocab as v

KEY_MOVED = ("transpose",)  # ops whose key is where the part goes, said "to <key>"
# ops whose sentence may name several parts ("mute the kick and the snare"); a new part is one part
LISTED = ("keep_only", "remove", "mute", "unmute", "solo", "louder", "softer", "busier", "simpler", "quantize",
          "humanize", "swing", "vary", "add", "transpose", "shift")  # fmt: skip
SECTIONED = ("keep_only", "add")  # ops said over a section too ("keep only the kick in the intro")
_GENRE = re.compile(r" (" + "|".join(sorted(map(re.escape, v.GENRES), key=len, reverse=True)) + r")(?= )")
HALF = re.compile(r" (?:in |for |over |during )?the (first|second|1st|2nd|last) half(?= )")
_HALVES = {"1st": "first", "2nd": "second", "last": "second"}
# the bars kept from a jam: "the last 16 bars", "the last 16 from the jam"
JAM_BARS = re.compile(r" (?:the )?(?:last|final) (\d+)(?: bars?| measures?)?(?= )")
# "at the end of the second chorus": the fill's section, whatever follows it ("going into the bridge")
END_OF = re.compile(r" (?:at |on |in )?(?:the )?(?:very )?end of(?= )")
NTH = {2: "second", 3: "third", 4: "fourth", -1: "last"}


def parts(words: list[str]) -> str:
    """Several parts' words as one list: "the kick and the snare", "the kick, the snare and the hi hats"."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def restyled(the: str, genre: str) -> str:
    """A part redone in a genre, said as a change to it ("change the bass line to trap"; "make the bass
    line trap" is a new bass line to the learned reading); the clip or song: "make it trap"."""
    return f"make {the} {genre}" if the == "it" else f"change {the} to {genre}"


def genre_in(s: str) -> str | None:
    """The first genre word a normalised sentence says ("hip hop", "country"), as said."""
    found = _GENRE.search(s)
    return found.group(1) if found is not None else None


def half_in(s: str) -> str | None:
    """ "in the second half" when a normalised sentence says a half of the clip."""
    found = HALF.search(s)
    return None if found is None else f"in the {_HALVES.get(found.group(1), found.group(1))} half"


def jam_saved(s: str) -> str | None:
    """The jam's sentence keeping the bars said ("save the last 16 bars"), or None when none are said."""
    found = JAM_BARS.search(s)
    return None if found is None else f"save the last {found.group(1)} bars"


def fill_at_end(s: str) -> list[str] | None:
    """The section a fill goes at the end of ("in the second chorus"), or None when no section's end is said."""
    end = END_OF.search(s)
    found = rg.section_of(" the" + s[end.end() :]) if end is not None else None
    if found is None or found[0]["nth"] == 0:
        return None
    nth = NTH.get(int(found[0]["nth"]))
    return [f"in the {nth + ' ' if nth else ''}{found[0]['section']}"]
