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
from bridge.commands.region_words import SECTIONS as SECTION_NAMES
from bridge.commands.track_words import instrument_track, sidechained

VOLUME_0DB = 0.85  # Live's track volume fader at 0 dB
DUCK_FLOOR = 0.3  # a duck's dip on Live's volume fader (about -18 dB)
FADE = re.compile(r" fade (?:(in|out|up|down|away) )?(?:the |my )?(\w+)?(?: (in|out|up|down|away))?(?= )")
# a fade out said by the part dying: "let the drums die out over the last 8 bars", "the chords should
# die away gradually" (a length, a place or a manner said after it: "the bass dies down in the chorus"
# alone is no automation)
DIES = re.compile(
    r"(?: (?:the|my) (\w+)(?: track| part)?)?(?: (?:to|can|should|could|will|slowly|gradually|just))* "
    r"(?:dies?|dying|taper|tapers|tapering|trails?|trailing) (out|away|off|down)"
    r"(?= (?:\w+ ){0,3}(?:over|across|during|gradually|slowly|in the (?:last|final|closing)|at the end))"
)
EASE = re.compile(
    r" (?:bring|ease|let|fade)()(?: the| my)? (\w+) (in|out)(?: slowly| gradually)? (?:over|across) "
)
# "gradually bring the drums in", "slowly fade the pad out": the manner said, no span
EASE_GRADUAL = re.compile(
    r" (?:gradually|slowly|gently|softly) (?:bring|ease|fade)()(?: the| my)? (\w+) (in|out)(?= )"
)
# "automate the volume of the bass down over 4 bars", "ramp the volume up on the pad": a drawn fade
RAMPED = re.compile(
    r" (?:automate|ramp) (?:the |a )?volume (?:of |on |for )?(?:the |my )?(?:(\w+) )?(up|down|in|out)(?= )"
    r"(?: (?:on|for|of) (?:the |my )?(\w+))?"
)
# the part said before the verb: "the hats should fade in over the first 2 bars"
BEFORE = re.compile(
    r" (?:the|my) (\w+)(?: track| part)?(?: (?:should|can|could|will|to|must|slowly|gradually|just|needs|has))*"
    r" (?:fade|fades|fading|die|dies|swell|swells|come|comes|creep|creeps)(?= )"
)
# a fade said by how the part starts or enters: "the pad starts really quiet and slowly comes in over 8
# bars", "let the strings creep in over 4 bars" (the name before the verb, when said)
ENTERS = re.compile(
    r"(?: (?:the|my) (\w+)(?: track| part)?)?(?: (?:to|can|should|could))? (?:starts?|begins?) (?:out )?(?:\w+ )?"
    r"(?:quiet|quietly|silent|soft|softly|from nothing|from silence)(?= )"
    r"|(?: (?:the|my) (\w+)(?: track| part)?)? (?:slowly |gradually )?(?:comes?|creeps?|sneaks?|fades?) in (?:\w+ ){0,4}"
    r"(?:over|across)(?= )"
)
DUCK = re.compile(
    r" (?:the|my) (\w+) (?:ducks?|pumps?|ducking|pumping) (?:on|every|each|in|to|with|along|hard)(?= )"
    r"| duck (?:the |my )?(\w+)| (?:make|have|let) (?:the |my )?(\w+) pump "
)  # "make the pad pump", "could the bass duck on every beat": the bass, said before the verb
SCORE_WORDS = ("crescendo", "decrescendo", "diminuendo")  # a fade in or out by its word in a score
CRESCENDO = re.compile(rf" ({'|'.join(SCORE_WORDS)})(?: (?:the |my )?(\w+))?")  # a fade by its score word
SWELL = re.compile(r" swell (?:the |my )?(\w+)")
FILTER = r"(?:filter|cutoff|low ?pass|high ?pass|lpf|hpf)"  # the Auto Filter's frequency, by its names
SWEEP = re.compile(
    rf" (?:{FILTER} sweep|sweep the {FILTER}|{FILTER} rise|{FILTER} fall)(?: (up|down))?| (open|close)(?: up)? the {FILTER}"
)
# a filter that moves, said in other words: "a rising filter on the pad", "open a filter up on the
# chords", "give the bass a filter that opens up", "close the filter down on the keys", "that whooshy
# filter thing" (a filter said with no movement, "a low pass filter on the bass", is none, and so is one
# said of how it is now: "the filter on the pad is closing too early")
FILTER_MOVES = re.compile(
    rf" (?:rising|opening|sweeping|falling|closing|whooshy?|swooshy?|swept) (?:\w+ )?{FILTER}(?= )"
    r"| (?:open|opens|opening|close|closes|closing|sweep|sweeps|bring|brings|ramp|push|pull|automate)(?: up| down)?"
    rf" (?:a|the|an|some|my|this|that)(?: \w+)? {FILTER}(?= )"
    rf"| {FILTER}(?: (?!is |are |was |were |keeps |isnt |doesnt |dont )\w+){{0,4}}"
    r" (?:opens?|opening|rises?|rising|closes?|closing|falls?|falling|sweeps?|sweeping)(?= )(?! too )"
)
DOWN = re.compile(r" (?:close|closes|closing|falls?|falling|down|darker|darken|darkens)(?= )")
ON_ON = re.compile(r" (?:on|for|of) (?:the |my )?(\w+)(?= )")
RATES = {"every beat": 1.0, "each beat": 1.0, "every half beat": 0.5, "every 8th": 0.5, "every bar": 4.0,
         "each bar": 4.0, "every 2 beats": 2.0, "on the beat": 1.0}  # fmt: skip
SAID = ("fade in", "fade out", "duck", "swell", "filter sweep", "sweep the filter")  # for suggestions


# where in the clip a drawn change runs: "over the last 8 bars", "across the final two", "during the
# first 4 bars", "in the last bar" (the bar word may go unsaid after a number: "over the first four");
# "at the end, over 4 bars" is the last 4 bars. "over 8 bars" alone is a length (``bars``), from the start
UNITS = "takes?|notes?|beats?|versions?|seconds?|secs?|hits?|steps?|times?|clips?|loops?|ones?|tracks?|parts?"
SPAN = re.compile(
    r"(?: (?:over|across|in|during|for|through|within|on|into))?(?: the)? (last|final|closing|first|opening) "
    rf"(?:(\d+) (?:bars?|measures?)|(\d+)(?! (?:{UNITS}) )|(bar|measure))(?= )"
)
AT_END = re.compile(
    r" (?:at|towards?|near|by|for|in) the (?:very )?(?:end|ending|finish|tail end|close)(?= )"
)
LENGTH = re.compile(
    r" (?:over|across|for|during|in|within)(?: the(?: next| course of)?)? (\d+) (?:bars?|measures?)(?= )"
)
_ORDINAL = "first|second|third|last|final"
OF_SECTION = re.compile(
    r" (?:bars?|measures?|\d+) (?:of|in) (?:the (?!clip|loop|song|track|it)\w+"
    rf"|(?:(?:{_ORDINAL}) )?(?:{'|'.join(SECTION_NAMES)})(?= ))"  # "the last 8 bars of outro": no "the" typed
)


def span_of(s: str) -> dict[str, int]:
    """The scope a drawn change is said over (``first_bars`` or ``last_bars``), or {}."""
    if (m := SPAN.search(s)) is not None:
        count = int(m.group(2) or m.group(3) or 1)
        return {"first_bars" if m.group(1) in ("first", "opening") else "last_bars": count}
    if (length := LENGTH.search(s)) is not None and AT_END.search(s) is not None:
        return {"last_bars": int(length.group(1))}  # "fade it out at the end, over 4 bars"
    return {}


NOT_NAMES = frozenset(
    "it this in out up down over on into at to by whole full entire complete total overall everything all song as i a an the you we me he she they "
    "that which when so then again and or if like with from of for is my your our every each hard "
    "gradually slowly smoothly gently softly quickly steadily slightly nicely completely away first last final "
    "opening closing towards toward near till until before after across through during".split()
)  # function words and a fade's manner, never a track's name ("a fade in, as a choir would enter";
# "a swell, i think"; "fade out gradually over 8 bars"), nor a word of wholeness ("fade the full arrangement in")
# a track named with an automation word: "the Choir Swell track", "mute the Pad Fade track" (its name)
TRACK_NUMBER = re.compile(r" (?:track|channel) (\d+)(?= )")
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
    s = TRACK_NUMBER.sub(r" track_\1", s)  # "fade out track 3": Live's third track, one word of the name
    drawn = _drawn(NAMED_SO.sub(r"\1_\2", s))  # one word of the name: no fade of its own
    before = BEFORE.search(s)  # "the hats should fade in": the name before the verb
    if drawn is not None and not ({"target_part", "track_name"} & set(drawn)) and before is not None:
        drawn.update(_target(before.group(1)))
    if drawn is not None and not ({"target_part", "track_name"} & set(drawn)):  # "make the strings swell"
        named = instrument_track(s)
        part = next(
            (p for w, p in v.PARTS.items() if f" {w} " in s and p not in ("all", "song") and w != "beat"),
            None,
        )
        drawn.update({"track_name": named} if named else {"target_part": part} if part else {})
    numbered = re.search(r" track_(\d+) ", s)  # "fade out the last 4 bars of track 2": no name read before it
    if drawn is not None and not ({"target_part", "track_name"} & set(drawn)) and numbered is not None:
        drawn["track_name"] = f"track {numbered.group(1)}"
    if drawn is not None and (span := span_of(s)):  # "fade the lead out across the last 8 bars"
        drawn["scope"] = span
    return drawn


def _way_after(rest: str) -> str | None:
    """The way a fade goes said later in the sentence than its verb: out (or away) first, then in (or
    up); None when neither is said."""
    if re.search(r" from (?:nothing|silence|zero) ", rest):  # "let the pad fade up from nothing": in
        return "in"
    if re.search(r" (?:out|away) | (?:in)?to (?:nothing|silence|zero|niente) ", rest):  # "fade to nothing"
        return "out"
    return "in" if re.search(r" (?:in|up) ", rest) else None


def _drawn(s: str) -> dict[str, Any] | None:
    fade = (
        FADE.search(s) or EASE.search(s) or EASE_GRADUAL.search(s)
    )  # "slowly bring the pad in over 16 bars"
    if fade is not None:
        said = (
            fade.group(1)
            or fade.group(3)
            or _way_after(s[fade.start() :])  # "fade the pad track in", "fade the whole thing out at the end"
        )
        if (
            said is None
        ):  # no way read ("fade the melody ower the last 4 bars"): asked, never a fade in by default
            return {"device": "mixer", "parameter": "volume", "shape": None, **_target(fade.group(2))}
        direction = "out" if said == "away" else said  # "fade the whole thing out at the end": out
        rising = direction in ("in", "up")
        shape = "rise" if rising else "fall"
        ends = (0.0, VOLUME_0DB) if rising else (VOLUME_0DB, 0.0)
        return {"device": "mixer", "parameter": "volume", "shape": shape, "from": ends[0], "to": ends[1],
                **_target(fade.group(2))}  # fmt: skip
    if (ramp := RAMPED.search(s)) is not None:  # "automate the volume of the bass down": a fade out
        rising = ramp.group(2) in ("up", "in")
        ends = (0.0, VOLUME_0DB) if rising else (VOLUME_0DB, 0.0)
        return {"device": "mixer", "parameter": "volume", "shape": "rise" if rising else "fall", "from": ends[0],
                "to": ends[1], **_target(ramp.group(1) or ramp.group(3))}  # fmt: skip
    enters = ENTERS.search(s)
    if enters is not None and " over " in s[enters.start() :]:  # "the strings start quiet ... over 8 bars"
        return {"device": "mixer", "parameter": "volume", "shape": "rise", "from": 0.0, "to": VOLUME_0DB,
                **_target(enters.group(1) or enters.group(2))}  # fmt: skip
    if (dies := DIES.search(s)) is not None:  # "let the bass die out over the last 4 bars": a fade out
        return {"device": "mixer", "parameter": "volume", "shape": "fall", "from": VOLUME_0DB, "to": 0.0,
                **_target(dies.group(1))}  # fmt: skip
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
    if (sweep := SWEEP.search(s) or FILTER_MOVES.search(s)) is not None:
        down = DOWN.search(s[sweep.start() : sweep.end() + 6]) is not None
        on = ON_ON.search(s[sweep.end() - 1 :])
        return {"device": "Auto Filter", "parameter": "frequency", "shape": "fall" if down else "rise",
                **_target(on.group(1) if on else None)}  # fmt: skip
    return None
