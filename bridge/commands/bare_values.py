"""Values a producer says without the unit the parser reads them by (issue 55), said again with it, for
the op's own sentence (``rephrase``): "another 8" is "8 bars", "the last three changes" "3 times", "up to
174" "174 bpm", "a quaver earlier" "earlier by an eighth". Sentences are normalised (padded, lower case,
numbers as digits)."""

from __future__ import annotations

import re

# the words a bare number after them belongs to, never a tempo ("track 92", "bar 64", "every 96", "2 to 128");
# a count of bars before it leaves it a tempo ("8 bars 140")
_OWNERS = (
    r"(?:track|tracks|bar|bars|measure|measures|take|takes|version|versions|number|no|channel|scene|"
    r"clip|step|steps|by|every|each|first|last|from|till|until|through|thru|and|or|to|minus|plus|of|in|"
    r"for|x|times|swing|volume|level|velocity|gain|pan|percent)\b"
)
# a value said without its unit, said again with it: bars to go on for, history steps, a tempo
BARE: dict[str, tuple[re.Pattern[str], str]] = {
    "bars": (re.compile(r" (?:another|a further|an extra|extra|further) (\d+)(?= )(?! (?:bars?|measures?|times|"
                        r"versions|takes|variations|more)\b)"), "{} bars"),
    # "the drums last 8": the clip's last bars, said bare where the sentence ends ("last 8 bars" in the rules' words)
    "last": (re.compile(r" (?:the |for the |in the |over the )?(?:last|final) (\d{1,2})(?= $)"), "the last {} bars"),
    "times": (re.compile(r" (?:last |past |previous )?(\d+) (?:changes|steps|things|edits|moves|actions)(?= )"),
              "{} times"),
    # "gimme 2 more", "3 more bass takes", "two more times": that many new takes (never "2 more bars")
    "versions": (re.compile(r" (\d) more(?= )(?: (?:[a-z]+ )?(?:takes|times|versions|goes|tries|ones)(?= )|(?! [a-z]))"),
                 "{} variations"),
    "tempo": (re.compile(rf" (?:(?:at|to|around|about|roughly|approx|approximately|circa|like)(?: around| about|"
                         rf" roughly)?|\d+ (?:bars|measures)|(?!{_OWNERS})[a-z_]+) (\d{{2,3}})(?: beats (?:to|per|a) (?:the )?minute)?(?= )"
                         r"(?! (?:percent|db|bars?|measures?|hz|ms|semitones?|semis?|cents?|times|versions?|takes?|"
                         r"variations?|more|of|steps?|notes?|beats?|counts?|st|x|bpms?|bmp)\b)"), "{} bpm"),
}  # fmt: skip
# a bare number a tempo is not: another setting's value ("set the swing to 60")
NOT_TEMPO = re.compile(r" (?:swing|volume|level|velocity|gain|pan|cutoff|reverb|send|percent) ")


def _plausible(name: str, s: str, number: str) -> bool:
    """Whether a bare number is the value ``name`` (a tempo: 50 to 250, no other setting said)."""
    return name != "tempo" or (50 <= int(number) <= 250 and NOT_TEMPO.search(s) is None)


# a move said otherwise than "later by a sixteenth": the length first ("a quaver earlier"), an adverb on
# it ("by exactly one sixteenth"), or the way in the verb ("delay the snare by an eighth"); said again so
_UNITS = {"quaver": "eighth", "semiquaver": "sixteenth", "crotchet": "quarter note", "eighth": "eighth",
          "sixteenth": "sixteenth", "8th": "eighth", "16th": "sixteenth", "beat": "beat"}  # fmt: skip
_LENGTH = rf"(a|an|one|1) (?:exact |whole |single )?({'|'.join(_UNITS)})(?: note)?"
_WAYS = {"later": "later", "earlier": "earlier", "forward": "earlier", "ahead": "earlier", "back": "later",
         "behind": "later", "delay": "later", "postpone": "later", "prepone": "earlier"}  # fmt: skip
_WAY, _EXACTLY = "(later|earlier|forward|ahead|back|behind)", "(?:exactly |just |precisely )"
_MOVED = (
    re.compile(rf" (?:by )?{_EXACTLY}?{_LENGTH} {_WAY}(?= )"),  # "a quaver earlier"
    re.compile(rf" {_WAY} by {_EXACTLY}{_LENGTH}(?= )"),  # "later by exactly one sixteenth"
    re.compile(rf" (delay|postpone|prepone) (?:\w+ ){{1,3}}by {_EXACTLY}?{_LENGTH}(?= )"),  # in the verb
)


def _moved(s: str) -> str | None:
    """A move of the length and way ``s`` says, in the parser's words ("later by a sixteenth"), or None."""
    for pattern in _MOVED:
        if (m := pattern.search(s)) is not None:
            words = list(m.groups())
            way = next(w for w in words if w in _WAYS)
            unit = [w for w in words if w not in _WAYS][-1]
            return f"{_WAYS[way]} by {'an' if _UNITS[unit] == 'eighth' else 'a'} {_UNITS[unit]}"
    return None


def said_bare(s: str) -> set[str]:
    """The numbers ``s`` says without their unit ("another 8": 8) that a value of ``BARE`` reads."""
    return {m.group(1) for name, (pattern, _) in BARE.items() for m in pattern.finditer(s)
            if _plausible(name, s, m.group(1))}  # fmt: skip


def bare_values(s: str, found: dict[str, str]) -> dict[str, str]:
    """``found`` (the value phrases said with their units, by slot) with the ones said bare added."""
    found = dict(found)
    for name, (pattern, again) in BARE.items():  # "another 8", "the last three changes", "at 140"
        if name not in found and (m := pattern.search(s)) is not None and _plausible(name, s, m.group(1)):
            found[name] = again.format(m.group(1))
    moved = None if "shift" in found else _moved(s)
    return found if moved is None else {**found, "shift": moved}


def with_units(s: str) -> str:
    """``s`` with each number ``BARE`` reads said with its unit ("a house beat 124": "a house beat 124 bpm"),
    for the rules to read the whole sentence again (its genre and key kept, which no op's sentence says)."""
    for name, (pattern, again) in BARE.items():
        m = pattern.search(s)
        if m is not None and name in (
            "versions",
            "last",
        ):  # "give me 3 more bass takes": "give me 3 variations"
            s = f"{s[: m.start()]} {again.format(m.group(1))}{s[m.end() :]}"
        elif m is not None and _plausible(name, s, m.group(1)):
            s = f"{s[: m.start(1)]}{again.format(m.group(1))}{s[m.end(1) :]}"
    return s
