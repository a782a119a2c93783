"""A musical director's rehearsal-room orders in the words the readers know (issue 55, set 159).

``plain_words.plain`` takes these after the text speak:

- a player "tacet", laying or sitting out: "Strings track, tacet please" (the track muted), "drums tacet
  in the first verse", "the bass lays out in the chorus" (its notes taken out there); never a part made
  nor a MusicGen prompt of a track word and a word it does not know;
- the band sent back to the start: "take it from the top", "go again from the top (of the show)",
  "once more from the top": played from the start;
- a part made in British slang: "knock me up some chords", "knock together a melody", "rustle up a
  groove", "whip up a bass line": made.

A sentence with none of these is returned as it was.
"""

from __future__ import annotations

import re

# "drums tacet in the first verse", "strings track, tacet please", "the bass lays out in the chorus": the
# player said first, then its rest; a place said after it takes its notes out there, none mutes it
_RESTS = re.compile(
    r"^(\W*(?:(?:right|ok|okay|now|and|so)\W+)*)(?:the |my |our )?([a-z]+(?: [a-z]+)?)( tracks?)?,? (?:(?:is|are|goes?|go) )?"
    r"(?:tacet|lays? out|sits? out)\b(?:,? please)?",
    re.I,
)
_PLACE = re.compile(r"^\W*(?:in|for|during|through|over|across|on|at|from|after|until|till|before) \w", re.I)
# "take it from the top", "let's go again from the top of the show", "once more from the top": played
_TOP = re.compile(
    r"\b(?:take it|take that|go again|go|start again|start it|run it|once more|again|one more time) from the "
    r"(?:very )?top(?: of (?:the|this) (?:show|number|song|act|scene|cue|piece))?\b",
    re.I,
)
# "knock me up some chords", "knock together a melody", "rustle up a rock groove", "whip up a bass line"
_MADE = re.compile(
    r"\b(?:knock|rustle|whip) (me |us )?(?:up|together)\b|\bknock (me |us )?(?:up )?together\b", re.I
)


def _rest(found: re.Match[str]) -> str:
    """The player's rest said plainly: taken out over the place said next, else muted."""
    lead, player, track = found.group(1), found.group(2), found.group(3) or ""
    verb = "remove" if _PLACE.match(found.string[found.end() :]) else "mute"
    return f"{lead}{verb} the {player}{track}"


def rehearsed(text: str) -> str:
    """The sentence with a rehearsal room's orders said plainly (module docstring)."""
    text = _RESTS.sub(_rest, text, count=1)
    text = _TOP.sub("play from the top", text)
    return _MADE.sub(lambda m: "make " + (m.group(1) or m.group(2) or ""), text)
