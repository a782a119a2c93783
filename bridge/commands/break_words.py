"""A drum break named as the drums it is (issue 55): "quantise the break, it's flammy", "thin out the
amen in the last eight", "the breakbeat is dragging, tighten it" ask a change of the drums.

"the amen", "the breakbeat", "the drum break" are the drums, but where it is audio ("warp my amen to the
song", "this amen": the clip); "the break" is the drums only where a drum change is asked of it and it
is said as a thing, not a place: "humanise the break", "make the break busier" (the drums) but "swing the hats in the break", "a crash after the break", "vary the
break" (the section, as ``region_words`` reads it). A loop made with MusicGen keeps its prompt's words.
Sentences are normalised (padded, lower case, no apostrophes: "the amen's" is "the amens").
"""

from __future__ import annotations

import re

from bridge.commands import musicgen_words as mw
from bridge.commands import vocab as v
from bridge.commands.clip_words import PERCUSSION_WORDS
from bridge.commands.said import said

# the drums by a sampled break's name, whatever is asked of them but an audio edit
_ALWAYS = re.compile(r" (the|my|your|our) (?:amen(?: break)?|break ?beat|drum break)s?(?= )")
_BREAK = re.compile(r" (the|my|your|our) breaks?(?= )")
# a new break of a style asked for, "a jungle break", "some breakbeats", "3 versions of a dnb break": a drum
# beat of that style, as is a new rhythm of hand drums ("a bodhran rhythm") (a break said with no style, "add a break before the drop", is left as it is)
_GENRE_WORDS = "|".join(sorted((re.escape(g) for g in v.GENRES), key=len, reverse=True))
_NEW_BREAK = re.compile(
    rf" (a|an|some|another) ((?:{_GENRE_WORDS}) )?(?:amen |drum )?(?:break ?beats?|breaks?)(?= )"
)


# a new rhythm of hand drums ("a bodhran rhythm", "some conga patterns"): a drum beat, as "a conga beat" is
_HAND_RHYTHM = re.compile(
    rf" (a|an|some|another) ((?:{'|'.join(sorted(PERCUSSION_WORDS, key=len, reverse=True))}) )(?:rhythms?|patterns?)(?= )"
)


def _new_break(m: re.Match[str]) -> str:
    return f" {m.group(1)} {m.group(2) or ''}drum beat" if m.group(2) or "beat" in m.group(0) else m.group(0)


# the words before "the break" that make it a place: "in the break", "the end of the break"
_PLACE_WORDS = frozenset({"in", "into", "after", "before", "during", "through", "throughout", "till", "until",
                          "for", "at", "on", "of", "from", "to", "across", "over", "past", "around", "by",
                          "under", "within", "inside", "than", "like"})  # fmt: skip
# what is done to a break as audio (the clip, "this amen": never the drums part)
AUDIO_WORDS = ("warp", "warped", "stems", "stem", "separate", "split", "transcribe", "midi", "chop", "slice", "sample",
               "resample", "bounce", "reverse", "reversed", "stretch", "pitch")  # fmt: skip
# what is asked only of drums (their timing, feel and density), never of a section as a whole
DRUM_CHANGES = ("quantize", "quantise", "humanize", "humanise", "swing", "swingy", "shuffle", "shuffled",
                "tighten", "tighter", "tight", "loosen", "looser", "flam", "flams", "flammy", "sloppy", "messy",
                "thin", "thinner", "busier", "too busy", "simpler", "simplify", "sparser", "stiff", "robotic",
                "ghost notes", "half time", "double time", "groove", "groovier", "dragging", "rushing",
                "off the grid", "on the grid", "snap", "choppier")  # fmt: skip


def drums_for_break(s: str) -> str:
    """The normalised sentence with a drum break said as a thing named "the drums" (see above)."""
    if mw.anywhere(s) or said(s, *mw.STRONG_TRIGGERS, *AUDIO_WORDS):  # "musicgen: a dusty amen break": a
        return s  # prompt's words; "warp my amen to the song": the audio clip
    s = _HAND_RHYTHM.sub(r" \1 \2beat", _NEW_BREAK.sub(_new_break, _ALWAYS.sub(r" \1 drums", s)))
    if not said(s, *DRUM_CHANGES):
        return s
    out, end = [], 0
    for m in _BREAK.finditer(s):
        before = s[: m.start()].split()
        if before and before[-1] in _PLACE_WORDS:  # "swing the hats in the break": the section
            continue
        out.append(s[end : m.start()] + f" {m.group(1)} drums")
        end = m.end()
    return "".join(out) + s[end:]
