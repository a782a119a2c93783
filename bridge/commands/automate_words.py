"""Words for drawn automation: "fade the pad in over eight bars", "duck the bass on every beat",
"filter sweep up on the chords", "swell the strings", "fade out the drums".

``automate_of(s)`` reads a normalised sentence (padded, digits) into the parameters of an
``automate`` intent: what to move (the mixer's volume, or an Auto Filter's frequency), the shape,
its ends in the parameter's units where the words say them (a fade in starts silent and ends at
0 dB, 0.85 on Live's volume fader; a duck dips to 0.3 on each beat), the rate of a duck, and the
target (a part, or a track's name). None when the sentence asks for no automation.
"""

from __future__ import annotations

import re
from typing import Any

from bridge.commands import vocab as v
from bridge.commands.track_words import instrument_track, sidechained

VOLUME_0DB = 0.85  # Live's track volume fader at 0 dB
DUCK_FLOOR = 0.3  # a duck's dip on Live's volume fader (about -18 dB)
FADE = re.compile(r" fade (?:(in|out|up|down) )?(?:the |my )?(\w+)?(?: (in|out|up|down))?(?= )")
EASE = re.compile(
    r" (?:bring|ease|let|fade)()(?: the| my)? (\w+) (in|out)(?: slowly| gradually)? (?:over|across) "
)
# a fade said by how the part starts or enters: "the pad starts really quiet and slowly comes in over 8
# bars", "let the strings creep in over 4 bars" (the name before the verb, when said)
ENTERS = re.compile(
    r"(?: (?:the|my) (\w+)(?: track| part)?)?(?: (?:to|can|should|could))? (?:starts?|begins?) (?:out )?(?:\w+ )?"
    r"(?:quiet|quietly|silent|soft|softly|from nothing|from silence)(?= )"
    r"|(?: (?:the|my) (\w+)(?: track| part)?)? (?:slowly |gradually )?(?:comes?|creeps?|sneaks?|fades?) in (?:\w+ )?"
    r"(?:over|across)(?= )"
)
DUCK = re.compile(
    r" (?:the|my) (\w+) (?:ducks?|pumps?|ducking|pumping) (?:on|every|each|in|to|with|along|hard)(?= )"
    r"| duck (?:the |my )?(\w+)| (?:make|have|let) (?:the |my )?(\w+) pump "
)  # "make the pad pump", "could the bass duck on every beat": the bass, said before the verb
CRESCENDO = re.compile(
    r" (crescendo|decrescendo|diminuendo)(?: (?:the |my )?(\w+))?"
)  # a fade by its score word
SWELL = re.compile(r" swell (?:the |my )?(\w+)")
SWEEP = re.compile(
    r" (?:filter sweep|sweep the filter|filter rise|filter fall)(?: (up|down))?| (open|close)(?: up)? the filter"
)
ON_ON = re.compile(r" (?:on|for|of) (?:the |my )?(\w+)(?= )")
RATES = {"every beat": 1.0, "each beat": 1.0, "every half beat": 0.5, "every 8th": 0.5, "every bar": 4.0,
         "each bar": 4.0, "every 2 beats": 2.0, "on the beat": 1.0}  # fmt: skip
SAID = ("fade in", "fade out", "duck", "swell", "filter sweep", "sweep the filter")  # for suggestions


NOT_NAMES = frozenset(
    "it this in out up down over on into at to by whole everything all song as i a an the you we me he she they "
    "that which when so then again and or if like with from of for is my your our every each hard "
    "gradually slowly smoothly gently softly quickly steadily slightly nicely completely away".split()
)  # function words and a fade's manner, never a track's name ("a fade in, as a choir would enter";
# "a swell, i think"; "fade out gradually over 8 bars")
# a track named with an automation word: "the Choir Swell track", "mute the Pad Fade track" (its name)
NAMED_SO = re.compile(
    r"(?<= )(\w+) (swell|swells|fade|fades|sweep|sweeps|riser|duck|ducker)(?= (?:track|bus|channel|group) )"
)


def _target(word: str | None) -> dict[str, Any]:
    """A part ("the bass") or a track's name ("the pad")."""
    if not word or word in NOT_NAMES:
        return {}
    word = word.replace("_", " ")  # a name holding an automation word ("choir_swell": ``NAMED_SO``)
    part = v.PARTS.get(word)
    return {"target_part": part} if part else {"track_name": word}


def automate_of(s: str) -> dict[str, Any] | None:
    drawn = _drawn(NAMED_SO.sub(r"\1_\2", s))  # one word of the name: no fade of its own
    if drawn is not None and not ({"target_part", "track_name"} & set(drawn)):  # "make the strings swell"
        named = instrument_track(s)
        part = next(
            (p for w, p in v.PARTS.items() if f" {w} " in s and p not in ("all", "song") and w != "beat"),
            None,
        )
        drawn.update({"track_name": named} if named else {"target_part": part} if part else {})
    return drawn


def _drawn(s: str) -> dict[str, Any] | None:
    fade = FADE.search(s) or EASE.search(s)  # "slowly bring the pad in over 16 bars": a fade in
    if fade is not None:
        said = fade.group(1) or fade.group(3) or ("out" if " out " in s[fade.start() :] else "in")
        direction = said  # "fade the whole thing out at the end": out
        rising = direction in ("in", "up")
        shape = "rise" if rising else "fall"
        ends = (0.0, VOLUME_0DB) if rising else (VOLUME_0DB, 0.0)
        return {"device": "mixer", "parameter": "volume", "shape": shape, "from": ends[0], "to": ends[1],
                **_target(fade.group(2))}  # fmt: skip
    enters = ENTERS.search(s)
    if enters is not None and " over " in s[enters.start() :]:  # "the strings start quiet ... over 8 bars"
        return {"device": "mixer", "parameter": "volume", "shape": "rise", "from": 0.0, "to": VOLUME_0DB,
                **_target(enters.group(1) or enters.group(2))}  # fmt: skip
    if (score := CRESCENDO.search(s)) is not None:  # "crescendo the strings over 8 bars": a fade in
        rising = score.group(1) == "crescendo"
        ends = (0.0, VOLUME_0DB) if rising else (VOLUME_0DB, 0.0)
        return {"device": "mixer", "parameter": "volume", "shape": "rise" if rising else "fall", "from": ends[0],
                "to": ends[1], **_target(score.group(2))}  # fmt: skip
    side = sidechained(s)  # "sidechain the pad to the kick": the pad ducked on the beat
    if (duck := DUCK.search(s)) is not None or side is not None:
        rate = next((r for phrase, r in RATES.items() if f" {phrase} " in s), 1.0)
        target = (
            _target(side)
            if side is not None
            else _target(next((g for g in duck.groups() if g), None) if duck else None)
        )
        return {"device": "mixer", "parameter": "volume", "shape": "lfo", "from": DUCK_FLOOR, "to": VOLUME_0DB,
                "rate": rate, **target}  # fmt: skip
    if (swell := SWELL.search(s)) is not None:
        return {"device": "mixer", "parameter": "volume", "shape": "swell", "from": 0.0, "to": VOLUME_0DB,
                **_target(swell.group(1))}  # fmt: skip
    if (sweep := SWEEP.search(s)) is not None:
        down = sweep.group(1) == "down" or " filter fall" in s or sweep.group(2) == "close"
        on = ON_ON.search(s[sweep.end() - 1 :])
        return {"device": "Auto Filter", "parameter": "frequency", "shape": "fall" if down else "rise",
                **_target(on.group(1) if on else None)}  # fmt: skip
    return None
