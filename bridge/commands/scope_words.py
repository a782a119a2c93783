"""Where in a clip a command works: the scope of issue 44's grammar, as /roo/transform options.

"in bar 3" ``{"bar": 3}``, "in bars 5 to 8" ``{"from_bar": 5, "to_bar": 8}``, "in the second half"
``{"half": 2}``, "in the first 4 bars" ``{"first_bars": 4}``, "in the last two bars" ``{"last_bars": 2}``,
"only after bar four" ``{"from_bar": 5}``, "from bar 9" (on, or "bring it in from bar 9") ``{"from_bar": 9}``, "before bar nine"
or "till bar 9" ``{"to_bar": 8}`` ("up to bar 8" ``{"to_bar": 8}``), "every fourth bar" ``{"every": 4}``, "on the offbeats" ``{"on": "offbeats"}``,
"on beat 3" ``{"beat": 3}`` (a bar and a beat as ``place_words`` reads them). A section ("in the chorus") is returned as ``{"section": "chorus"}``:
no clip has sections yet, so the parser asks which bars it means. Sentences are normalised (padded,
numbers as digits); ``scope_of`` gives the options and the sentence with the scope words blanked.
"""

from __future__ import annotations

import re
from typing import Any

from bridge.commands import place_words as pw
from bridge.commands.place_words import ORDINALS

_ORD = "|".join(sorted(ORDINALS, key=len, reverse=True))
_N = rf"(\d+|{_ORD})"
_BAR = r"(?:bars?|measures?)"
# "from bar 17 on the offbeats": the "on" says where in the beat, not "from bar 17 on(wards)"
_ON_BEATS = r" (?:the |every |each |all the )?(?:off ?beats?|up ?beats?|down ?beats?|back ?beat|beats?|ands) "
SECTIONS = ("chorus", "verse", "intro", "outro", "bridge", "breakdown", "hook section", "pre chorus", "drop")
# "in the last eight", "for the first 4": bars, unless another unit or thing follows the count
_UNITS = (
    r"(?:seconds?|secs?|minutes?|mins?|beats?|notes?|hits?|steps?|takes?|versions?|changes?|edits?|things?|"
    r"ones?|times?|tries|goes|clips?|loops?|tracks?|sixteenths?|eighths?|8ths?|16ths?|ms|percent|db)\b"
)
# pattern -> how its groups become options; tried in order, each found once
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf" (?:from )?{_BAR} {_N} (?:to|through|till|til|until) {_BAR} {_N} "), "range"),
    (
        re.compile(rf" (?:at|on|from) the (?:very )?(?:start|beginning|top|downbeat|1) of {_BAR} {_N} "),
        "bar_start",
    ),
    (
        re.compile(
            r" (?:at|from) the (?:very )?(?:start|beginning|top)(?: of (?:the |this )?(?:clip|loop|song|it|bar 1))? "
        ),
        "start",
    ),
    (
        re.compile(
            rf" (?:in |on |for |over |across |from |during )?(?:the )?{_BAR} {_N} (?:to|through|thru|till|til|until|and|-)? ?{_N} "
        ),
        "range",
    ),
    (
        re.compile(
            r" (?:in |on |for |over |during )?(?:the )?(first|second|1st|2nd|last) half(?: of (?:it|this|the clip|the loop|the song|the track))? "
        ),
        "half",
    ),
    # "the opening 4 bars", "the last couple of bars" (2: ``loose_counts``, in ``normalize``)
    (
        re.compile(
            rf" (?:in |on |for |over |during )?(?:the )?(first|last|final|opening|closing) (?:{_N} )?{_BAR} "
        ),
        "ends",
    ),
    (
        re.compile(
            rf" (?:in|on|for|over|during|across|through|throughout) the (first|last|final) (\d+) (?!{_UNITS})"
        ),
        "ends",
    ),
    (re.compile(rf" (?:only )?(?:after|past) (?:the )?(?:{_BAR} {_N}|{_N} {_BAR}) "), "after"),
    (
        re.compile(
            rf" (?:from|starting at|starting on|starting in|starting from) (?:the )?(?:{_BAR} {_N}|{_N} {_BAR}) (?:on(?!{_ON_BEATS})|onwards|onward) | starting (?:at|on|in|from) (?:the )?(?:{_BAR} {_N}|{_N} {_BAR}) "
            rf"|^ from (?:the )?(?:{_BAR} {_N}|{_N} {_BAR}) (?!to |through |thru |until |till |til |-)"  # said first
            rf"|(?<= in) from (?:the )?(?:{_BAR} {_N}|{_N} {_BAR}) (?!to |through |thru |until |till |til |and |-)"  # comes in
        ),
        "from",
    ),
    # "bring in a shaker from bar nine", "busier from the fifth bar": bar 9 on (a range was read before)
    (
        re.compile(
            rf" (?:from|(?:starting|beginning) with|beginning (?:at|on|in|from)) (?:the )?(?:{_BAR} {_N}|{_N} {_BAR}) (?!\d)"
        ),
        "from_said",
    ),
    (re.compile(rf" (?:only )?(?:before) (?:the )?(?:{_BAR} {_N}|{_N} {_BAR}) "), "before"),
    # "till bar 9" is where the change stops (bars 1-8, as "before bar 9"); "up to bar 8" and "through bar 8" hold bar 8
    (re.compile(rf" (?:up )?(?:until|till|til) (?:the )?(?:{_BAR} {_N}|{_N} {_BAR}) "), "before"),
    (re.compile(rf" (?:up to|through|thru) (?:the )?(?:{_BAR} {_N}|{_N} {_BAR}) "), "until"),
    (re.compile(rf" (?:on |in )?(?:every|each) (?:{_N} {_BAR}|(other) {_BAR}) "), "every"),
    (
        re.compile(
            r" (?:on|in) (?:the |every |each |all the )?(off ?beats?|up ?beats?|ands|and of each beat) "
        ),
        "offbeats",
    ),
    (
        re.compile(r" (?:on|in) (?:the )?(down ?beats?) | (?:on|in) (?:every|each|all the) (beat|beats) "),
        "downbeats",
    ),
    (
        re.compile(r" (?:on|in) (?:the )?(back ?beat|(?:beats )?2 and (?:the )?4|twos and fours|2s and 4s) "),
        "backbeat",
    ),
    (re.compile(rf" (?:in|during|for|on) the ({'|'.join(SECTIONS)})s? "), "section"),
)


# "swing the hats, just the last 4 bars": "just" before a place says where, not which part is kept
_JUST_THERE = re.compile(
    rf"(?<!keep)(?<!leave)(?<!play) (?:just|only)(?= (?:in |on |for |over |during )?(?:the )?(?:(?:first|last|final) "
    rf"(?:{_N} )?{_BAR}|(?:first|second|1st|2nd|last) half|{_BAR} \d+ ))"
)


# what is taken "from" a bar is taken out of it; a one-shot "from bar 9" is put there
_ONE_BAR = re.compile(
    r" (?:remove|take|delete|get rid|clear|cut|lose|erase|kill|pull|drop|strip) | (?:crash|crashes|fill|fills|cymbals?|"
    r"riser|sweep|hit|stab|drop) "
)


def only_there(s: str) -> str:
    """The normalised sentence with "just" or "only" said before a place blanked ("..., just the last 4
    bars": in the last 4 bars); "keep only the first 4 bars" as it was."""
    return _JUST_THERE.sub("", s)


def _num(text: str | None) -> int:
    if text is None:
        return 0
    return int(text) if text.isdigit() else ORDINALS.get(text, 0)


def _first_of(groups: tuple[str | None, ...]) -> int:
    return next((_num(g) for g in groups if g), 0)


def scope_of(s: str) -> tuple[dict[str, Any], str]:
    """(transform scope options, the sentence with those words blanked)."""
    out: dict[str, Any] = {}
    for pattern, how in _PATTERNS:
        m = pattern.search(s)
        if m is None:
            continue
        g = m.groups()
        if how == "range":
            first, last = _num(g[0]), _num(g[1])
            out.update(from_bar=min(first, last), to_bar=max(first, last))
        elif how == "start":
            out["bar"] = 1
        elif how == "bar_start":  # "a crash at the start of bar 9": its first beat
            out.update(bar=_num(g[0]), beat=1)
        elif how == "half":
            out["half"] = 1 if g[0] in ("first", "1st") else 2
        elif how == "ends":
            count = _num(g[1]) or 1
            out["first_bars" if g[0] in ("first", "opening") else "last_bars"] = count
        elif how == "after":
            out["from_bar"] = _first_of(g) + 1
        elif how == "from":
            out["from_bar"] = _first_of(g)
        elif how == "from_said":
            if _ONE_BAR.search(s[: m.start()]) or "from_bar" in out:
                continue  # "remove the hi hats from bar one": taken out of that bar; "a crash from bar 9"
            out["from_bar"] = _first_of(g)
        elif how == "before":
            out["to_bar"] = max(1, _first_of(g) - 1)
        elif how == "until":  # "up to bar 8", "through bar 8": bar 8 is the last
            out["to_bar"] = _first_of(g)
        elif how == "every":
            out["every"] = 2 if g[-1] == "other" else _num(g[0])
        elif how in ("offbeats", "downbeats", "backbeat"):
            out["on"] = how
        elif how == "section":
            out["section"] = g[0]
        s = s[: m.start()] + " " + s[m.end() :]
    if not ({"from_bar", "to_bar", "first_bars", "last_bars", "every"} & set(out)):
        out.update(pw.place_of(s))  # "on the first beat of bar 4", "in bar 2", "bar 2"
    return out, s
