"""What a new part's sentence says besides its slots (issue 55): its style and its section, for ``rephrase``.

A make read through the op's own sentence (``weighing.read_as``: the learned reading sure, the rules
reading another op or none) was said with the slots ``rephrase`` knows (bars, key, tempo, versions), so
"i need one trap beat in 130 bpm in F minor, 4 versions" became "make a drum beat in F minor 130 bpm 4
variations" and was asked about "... with 'trap'?", and "cumbia drums for the intro, 4 bars" "... with
'intro'?": a value the reading can carry, dropped by the sentence it was read through. Here:

- the style (``style_in``): the one genre the sentence says, as said ("trap", "cumbia", "hip hop"), said
  before the part ("make a trap drum beat"); none when it says two styles ("jazz or funk"), a genre heard
  against or likened to ("like a jazz drummer", "house instead of techno") or a word that is plain English
  as often ("pop", "soul": ``carried.NOT_GENRE``);
- the section (``section_in``): the one section the sentence names as a place ("for the verse", "the
  second chorus"), said after the values ("in the second chorus"); none for "every chorus" (nth 0) or when
  it names two sections.

Neither is carried when the sentence lists a part with a word no reader knows as one ("drums and grave for
the verse": the "grave" may be a second part, so acting on the drums alone may be wrong; ``listed_unknown``):
asked about as before; nor when a word of the sentence is one no reader knows ("a melody for the refrain, maqam
nahawand on C": what it says may be a value no slot holds, here a key; ``all_known``); nor by the reading
acted on in place of another op the rules read (``weighing``): the section never ("new 808 for verse 2", a
new take of the bass there, read as a new bass line: asked as before), the style only where the rules' reading
holds none ("..., key is E major, tempo 104" read as a setting; never "redo the drums as house").

Nothing is said that the sentence does not say; the rules read the result again, and what they read is
still judged against the whole sentence (``agree``). Sentences are normalised (padded, lower case).
"""

from __future__ import annotations

import re

from bridge.commands import clip_words as cw
from bridge.commands import region_words as rg
from bridge.commands import vocab as v

SAID_MORE = ("style", "section")  # what a make's sentence may carry besides its slots
# plain English as often as a style ("make the snare pop"): never carried (as ``carried.NOT_GENRE``)
NOT_GENRE = ("pop", "soul")
# a word before a genre that makes it what the part is heard against or likened to, not its style
COMPARED = frozenset({"like", "than", "instead", "of", "vs", "versus", "not", "no", "against", "unlike", "way",
                      "or", "from"})  # fmt: skip
_GENRE = re.compile(r" (" + "|".join(sorted(map(re.escape, v.GENRES), key=len, reverse=True)) + r")(?= )")
_LISTED = re.compile(r" ([a-z0-9]+) (?:and|n|plus|with) (?:the |some |a )?([a-z0-9]+)(?= )")
PART_WORDS = frozenset(
    w for name in (*v.PARTS, *cw.DRUM_VOICES) if " " not in name for w in (name, name + "s")
)
_STYLE_WORDS = frozenset(w for name in v.GENRES for w in name.split()) | frozenset(
    w for name in rg.SECTIONS for w in name.split()
)
NTH_WORDS = {2: "second", 3: "third", 4: "fourth", -1: "last"}


def style_in(s: str) -> str | None:
    """The one style a normalised sentence says as the part's, as said ("trap"), or None."""
    said = [m for m in _GENRE.finditer(s)]
    if len({v.GENRES[m.group(1)] for m in said}) != 1:
        return None
    for m in said:
        before = s[: m.start()].split()[-2:]
        after = s[m.end() :].split()[:1]
        if m.group(1) in NOT_GENRE or set(before) & COMPARED or after[:1] in (["or"], ["instead"]):
            return None
    return said[0].group(1)


def section_in(s: str) -> str | None:
    """ "in the <section>" for the one section a normalised sentence names as a place, or None."""
    found = rg.section_of(s)
    if found is None or found[0]["nth"] == 0 or rg.section_of(found[1]) is not None:
        return None
    nth = NTH_WORDS.get(int(found[0]["nth"]))
    return f"in the {nth + ' ' if nth else ''}{found[0]['section']}"


def all_known(s: str) -> bool:
    """Whether every word of a normalised sentence is one a reader knows, an English word of the project's
    sentences, a genre's, a section's or a number."""
    from bridge.commands.english import english_words
    from bridge.commands.unknown_parts import _known

    known, english = _known(), english_words()
    return all(
        w.isdigit() or w in known or w in english or w in _STYLE_WORDS or w == "_key_" or len(w) == 1
        for w in s.split()
    )


def listed_unknown(s: str) -> bool:
    """Whether a normalised sentence lists a part with a word that names no part ("drums and grave")."""
    return any((a in PART_WORDS) != (b in PART_WORDS) for a, b in _LISTED.findall(s))
