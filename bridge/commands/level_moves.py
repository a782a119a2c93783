"""A level moved by a size said after its part (issue 55, round 38): "turn the strings up a notch", "lower the
hats a lot", "bring the pads down a touch", "knock the kick down a notch", "drop the hats a hair".

A size said after a move says the move is graded: a knob turned, never a part taken out ("drop the hats",
"knock the kick out") nor a new one made ("lower the bass" alone reads as a bass). ``level_moved`` says it as
the rules read a level moved ("turn the hats down a lot"), the size as ``amount_words`` reads it ("a notch",
"a touch" small: "a little"; "a lot", "loads", "a few notches" large: "a lot"), so the answer carries the
graded amount; ``graded_level`` names the change for ``weighing``, where the rules' reading acts whatever the
learned op (taught on parts, it reads "turn the strings up" by the instrument word, not the knob). Which
way: "up"/"down" said, or the verb's own ("raise", "boost" up; "lower", "drop", "cut", "dip" down). "raise", "lower", "drop", "lift" and "take" of a pitched part are left as said
("lower the melody a bit" may be its pitch); a drum, a drum voice or a track by name is a level, and so is any
part moved by a knob's step (round 39: "lower the melody a touch", "drop the chords a notch": no pitch moves by
a notch, a touch, a tad or a hair). Nothing
is read where the size is a pitch's ("an octave", "a semitone") or says more of something ("a bit more"), nor
of "it" ("bring it down a touch" is read already, and said of the clip in hand).
"""

from __future__ import annotations

import re

from bridge.commands import vocab as v
from bridge.commands.change_words import VOICES

_LITTLE = ("a notch", "a touch", "a tad", "a hair", "a smidge", "a smidgen", "a bit", "a little bit", "a little",
           "a tiny bit", "a wee bit", "a small amount", "slightly", "one notch", "a click")  # fmt: skip
_LOT = ("a lot", "a whole lot", "loads", "lots", "tons", "a ton", "heaps", "a good bit", "a fair bit", "a few notches",
        "a couple of notches", "a couple notches", "two notches", "several notches", "way more", "massively", "big time")  # fmt: skip
_KNOB = frozenset(s for s in (*_LITTLE, *_LOT) if re.search(r"notch|touch|tad|hair|smidge|click", s))
_SIZE = "|".join(sorted((re.escape(s) for s in (*_LITTLE, *_LOT)), key=len, reverse=True))
_TURNED = r"(?:turn|bring|knock|nudge|dial|crank|pump|push|pull|ease|back|roll|notch|take|move|kick|pop)"  # + up/down
_UP = r"(?:raise|boost|lift)"
_DOWN = r"(?:lower|drop|cut|dip|reduce|duck|tame)"
_OBJECT = (
    r"(?:(?:the|my|our|that|this|those) (?!volume\b|level\b|mix\b)\w+(?: \w+)??)"  # "it" is read already
)
_AFTER = (
    r"(?:just |only )?("
    + _SIZE
    + r")(?! (?:more|less|of|higher|lower|in pitch|octaves?|semitones?|steps?|tones?)\b)(?=\W|$)"
)
_MOVES = (
    re.compile(rf"\b{_TURNED} (up|down) ({_OBJECT}) {_AFTER}", re.I),
    re.compile(rf"\b{_TURNED} ({_OBJECT}) (up|down) {_AFTER}", re.I),
    re.compile(rf"\b({_UP}|{_DOWN}) ({_OBJECT}) {_AFTER}", re.I),
)
_PITCH_MOVES = ("raise", "lower", "drop", "lift", "take", "move")  # may move a pitched part's notes
_DRUMS = frozenset((*VOICES, "drums", "drum", "kit", "beat", "percussion", "hats", "hi hats"))


def level_moved(text: str) -> str:
    """``text`` with a level moved by a size said put as "make <part> a little|a lot louder|softer"."""
    for i, pattern in enumerate(_MOVES):
        m = pattern.search(text)
        if m is None:
            continue
        way, said, size = (
            (m.group(1), m.group(2), m.group(3)) if i != 1 else (m.group(2), m.group(1), m.group(3))
        )
        verb = m.group(0).split()[0].lower()
        up = way.lower() == "up" or re.fullmatch(_UP, way.lower()) is not None
        if verb in _PITCH_MOVES and not _drum_or_track(said) and not _knob_on_part(size, said):
            continue
        graded = "a lot" if size.lower() in _LOT else "a little"
        return f"{text[: m.start()]}turn {said} {'up' if up else 'down'} {graded}{text[m.end() :]}"
    return text


def _drum_or_track(said: str) -> bool:
    """Whether a thing said is the drums, a drum voice or a track by name (a level; never a pitch moved)."""
    words = said.lower().split()[1:]
    return " ".join(words) in _DRUMS or any(w == "track" or w in _DRUMS for w in words[-1:])


def _knob_on_part(size: str, said: str) -> bool:
    """Whether a knob's step ("a notch", "a touch") is said of a part ("the melody"; never "the jam")."""
    return size.lower() in _KNOB and " ".join(said.lower().split()[1:]) in v.PARTS


def graded_level(s: str) -> str | None:
    """The level change ("louder", "softer") a move said with its size names in the sentence ``s``, or None: the
    rules' reading of it is acted on, whatever the learned op (a size says a knob turned)."""
    for i, pattern in enumerate(_MOVES):
        m = pattern.search(s)
        if m is not None:
            way = m.group(2) if i == 1 else m.group(1)
            if (
                m.group(0).split()[0].lower() in _PITCH_MOVES
                and not _drum_or_track(m.group(1 if i == 1 else 2))
                and not _knob_on_part(m.group(3), m.group(1 if i == 1 else 2))
            ):
                continue
            return "louder" if way.lower() == "up" or re.fullmatch(_UP, way.lower()) else "softer"
    return None
