"""A style said as an adjective, and said of a drum voice (issue 55, round 34).

A compound style ("hybrid-orchestral", round 38) is read as its genre half only when that half names a genre
preset ("neo-classical": classical); else it is carried as said, one word no table reads ("hybridorchestral"),
never the preset an alias of its half points to ("orchestral": classical).

"make the chords more poppy", "make the drums more rocky", "the bass a bit more latiny": a genre said as an
adjective no table lists (a "-y", "-ey" or "-ish" on the genre's name, its last letter doubled or not) is that
genre (``genre_of``), read where "more jazzy" is (``setting_words``). Two kinds are asked (``style_question``),
never acted on and never refused as no music:

- a drum voice wished more of a genre ("make the hats more trappy", "the snare should be more housey"): a voice
  has no genre of its own (it is played in the drums' style), so whether the whole drum part is made again in
  it is asked, with that change as the example;
- a style no genre preset holds, said as an adjective ("make the drums more dubby", "the chords a bit more
  folky"): which style it is, with the nearest one the product has as the example.
"""

from __future__ import annotations

import re
from functools import cache

from bridge.commands import vocab as v
from bridge.commands.change_words import VOICES
from bridge.commands.world_styles import NO_PRESET  # styles no preset holds, the nearest one the product has
from engines.preset_files import names

_SUFFIXES = ("ish", "ey", "y")


def _stems(word: str) -> list[str]:
    """The genre names ``word`` may be said from: "poppy" -> pop, "housey" -> house, "rocky" -> rock."""
    out = []
    for suffix in _SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3:
            out += [stem, stem + "e"] + ([stem[:-1]] if stem[-1] == stem[-2] else [])
    return out


def genre_of(word: str) -> str | None:
    """The genre a style adjective names ("poppy": pop, "latiny": latin), or None (a plain word, "punchy")."""
    if word in v.GENRES:
        return v.GENRES[word]
    return next((v.GENRES[s] for s in _stems(word) if s in v.GENRES), None)


_MORE_ADJECTIVE = re.compile(r"\bmore ([a-z]+(?:ish|ey|y))\b", re.I)
_MADE_PARTS = "|".join(sorted((re.escape(p) for p in v.PARTS), key=len, reverse=True))
# "a trappy beat", "some housey chords": said right before a part made (round 35)
_MADE_ADJECTIVE = re.compile(rf"\b(?:a|an|some) ([a-z]+(?:ish|ey|y))(?= (?:{_MADE_PARTS})s?\b)", re.I)


def said_plainly(heard: str) -> str:
    """``heard`` with "more" of a style adjective no table lists said as "more" of its genre's name, for every
    reader ("make the chords more poppy" -> "... more pop"), and one said before a part made as the genre's name
    ("a trappy beat" -> "a trap beat"); words a table knows ("more jazzy", "a funky beat") kept."""

    def plain(m: re.Match[str]) -> str:
        word = m.group(1).lower()
        stem = None if word in v.GENRES else next((s for s in _stems(word) if s in v.GENRES), None)
        return m.group(0) if stem is None else f"more {stem}"

    def made(m: re.Match[str]) -> str:
        word = m.group(1).lower()
        stem = None if word in v.GENRES else next((s for s in _stems(word) if s in v.GENRES), None)
        return m.group(0) if stem is None else m.group(0)[: m.start(1) - m.start()] + stem

    return _compounds(_MADE_ADJECTIVE.sub(made, _MORE_ADJECTIVE.sub(plain, heard)))


@cache
def _presets() -> frozenset[str]:
    return frozenset(names("genres"))


_COMPOUND = re.compile(r"\b([a-z]+)-([a-z]+)\b", re.I)


def _compounds(heard: str) -> str:
    """``heard`` with each hyphened compound of a word and a genre word none of whose genre halves names a preset
    said as one word ("hybrid-orchestral" -> "hybridorchestral"); "neo-classical", "lo-fi", "hip-hop" kept."""
    presets = _presets()

    def joined(m: re.Match[str]) -> str:
        halves = [h.lower() for h in m.groups()]
        if f"{halves[0]} {halves[1]}" in v.GENRES or m.group(0).lower() in presets:
            return m.group(0)  # "lo-fi", "hip-hop": a genre's own name
        said = [h for h in halves if h in v.GENRES]
        if not said or len(said) == 2 or any(h in presets for h in said):
            return m.group(0)
        return "".join(m.groups())

    return _COMPOUND.sub(joined, heard)


_PARTS = "|".join(sorted((re.escape(p) for p in v.PARTS), key=len, reverse=True))
_VOICES = "|".join(sorted((re.escape(w) for w in VOICES), key=len, reverse=True))
_DEGREE = r"(?:(?:a bit|a little|a touch|slightly|way|much|even|a lot) )?"
# "make the hats more trappy", "the snare should sound a bit more housey", "can the kick be trappier"
_STYLED = re.compile(
    rf" (?:the|my) ({_VOICES}|{_PARTS})(?: (?:should|could|can|must|would|needs? to|has to))?"
    rf"(?: (?:be|sound|feel|get))? {_DEGREE}(?:more ([a-z]+)|([a-z]+ier)) (?:(?:please|pls|thanks) )?$"
)
_COMPARED = {"jazzier": "jazz", "funkier": "funk", "bluesier": "blues", "poppier": "pop", "rockier": "rock",
             "housier": "house", "trappier": "trap"}  # fmt: skip


def style_question(s: str) -> str | None:
    """The question for a drum voice wished more of a genre, or for a part wished more of a style no preset
    holds (module docstring); None otherwise. ``s``: the normalised sentence (padded)."""
    m = _STYLED.search(s)
    if m is None:
        return None
    thing, word = m.group(1), m.group(2) or m.group(3)
    genre = _COMPARED.get(word) or genre_of(word)
    if thing in VOICES and thing not in v.PARTS and genre is not None:
        return (
            f"(e.g. 'change the drums to {genre}') {genre} is a style of the whole drum part, not of the {thing} "
            f"alone: should the drums be made again in {genre}?"
        )
    stem = next((s for s in _stems(word) if s in NO_PRESET), None)
    if stem is None or genre is not None:
        return None
    part = "drums" if thing in VOICES else thing
    return f"(e.g. 'change the {part} to {NO_PRESET[stem]}') no {stem} style is known: which style is {word}?"
