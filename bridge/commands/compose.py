"""Issue 44's compositional grammar for clips: an operation on a target over a scope.

An operation (remove, keep only, add, louder, softer, busier, simpler, shift, quantize, humanize,
swing, a feel) is applied to a target (a drum voice or several, a part, "it") over a scope
(``scope_words``: bars, halves, first/last bars, after/before a bar, every Nth bar, offbeats,
downbeats, backbeat) with quantities (an amount, a time offset). Each operation is a /roo/transform
kind (engines/transforms), so ``compose`` gives ``Intent("transform", part, {"kind": ..., options})``
or None when the sentence is none of these. Words: the tables below (the parser's and ``grammar``'s)."""

from __future__ import annotations

import re
from typing import Any

from bridge.commands import clip_words as cw
from bridge.commands import counts as cn
from bridge.commands import place_words as pw
from bridge.commands import scope_words as sw
from bridge.commands import vocab as v
from bridge.commands.feel_words import FEELS
from bridge.commands.intent import Intent
from bridge.commands.said import said
from bridge.commands.shift_words import SHIFT_VERBS, offset_of
from bridge.commands.track_words import instrument_track

# spoken drum voice -> /roo/transform's voice name (clip_words' table and the rest a producer says)
VOICES: dict[str, str] = {**cw.DRUM_VOICES, **cw.PERCUSSION_WORDS, "ghost notes": "ghost_notes",
                          "ghost note": "ghost_notes", "ghosts": "ghost_notes", "crashes": "cymbals", "tom": "toms",
                          "open hat": "open", "hi hat": "hats", "hat": "hats", "kick drum": "kick"}  # fmt: skip
REMOVE = ("remove", "mute", "drop", "take out", "get rid of", "lose", "kill", "delete", "silence", "cut", "no",
          "without", "clear", "strip out", "leave out", "erase", "wipe", "turn off", "take away")  # fmt: skip
KEEP = ("just", "only", "keep only", "leave only", "only keep", "nothing but")
EXCEPT = re.compile(r" (?:everything|all|every voice|the rest) (?:except|but|apart from|other than) ")
ADD = ("add", "put", "throw", "throw in", "bring in", "give me", "i want", "stick", "drop in", "layer")
LOUDER = ("louder", "turn up", "bring up", "boost", "more volume", "up in the mix", "too quiet", "too soft",
          "pump up the volume", "dig in", "hit harder", "harder", "more velocity", "punchier", "more punch", "more loud")  # fmt: skip
SOFTER = ("quieter", "softer", "turn down", "bring down", "too loud", "too hot", "lower the volume", "less loud",
          "tame", "pull back", "back off", "ease off", "ease up on", "ease back", "lay off", "go easy on", "gentler", "less velocity",
          "lighter", "more softly", "more quietly", "more gently", "more quiet", "more soft")  # fmt: skip
BUSIER = ("busier", "more busy", "denser", "more notes", "fuller", "more hits", "too sparse", "too empty", "too bare",
          "too simple", "too plain", "rolls", "more rolls", "more going on", "not enough going on", "too little going on",
          "too little happening", "not enough happening")  # fmt: skip
SIMPLER = ("simpler", "sparser", "thinner", "fewer notes", "less notes", "less busy", "strip back", "thin out",
           "calm down", "fewer hits", "simplify", "thin", "fewer", "too busy", "too much going on", "too cluttered",
           "too complicated", "too complex", "less going on", "pare back", "more sparse", "less dense", "too much happening")  # fmt: skip
HIT_VERBS = ("hit", "hits", "play", "stab", "stabs", "land", "chop", "comp")
HUMANIZE = ("less robotic", "more human", "more humanized", "less stiff", "less quantized", "looser")
_LOOSEN = re.compile(
    r" loosen (?:(?:it|this|that|them|the \w+(?: \w+)?) )?(?:up|a little|a bit|slightly) | loosen (?:it|this|them|the \w+) $"
)
QUANTIZE = ("snap", "lock to the grid", "on the grid", "qunatize", "quantise", "quantize", "tighten", "to the grid",
            *cw.ON_THE_BEAT)  # fmt: skip
SWING_AMOUNTS = {"a little": 0.25, "a bit": 0.25, "slightly": 0.25, "a touch": 0.25} | dict.fromkeys(
    ("a lot", "heavily", "heavy", "hard", "way more", "a great deal", "a good deal", "very much"), 0.75)  # fmt: skip
_PERCENT = re.compile(
    r" (\d+) (?:percent |% )?swing | swing (?:of |at |to )?(\d+)(?: percent)? | (\d+) percent "
)
_DIAL = re.compile(
    r" (add|give|put|inject|take|less) (?:some |more |a bit of |a little |a lot of |the )?(energy|complexity|density) "
)
WHOLE_CLIP = ("half_time", "double_time", "retrograde", "fill", "waltz")  # engines.transforms.places
_BY_SEMITONES = re.compile(
    r" (raise|lift|lower|drop|up|down)(?: \w+){0,3} by (\d+) (?:semitones?|half steps?) "
)
_NEW_PART = re.compile(r"(?:^ |make |give me |write |create |generate |want |need |get |build )(?:me )?(?:a|an) (?:\w+ ){0,5}(?:beat|groove|drum beat|drum pattern|bassline|bass line|melody|"
                       r"chord progression|progression|pattern|waltz|song|cue|piece|ballad)(?= )")  # fmt: skip
_FOLLOWS = re.compile(
    r" (?:bass|bassline|chords|melody) (?:that|which|to) (?:follows?|locks? (?:to|with)|matches) "
)
_OUT_WORDS = "|".join(sorted((*VOICES, *(w for w in v.PARTS if " " not in w)), key=len, reverse=True))
_OUT = re.compile(
    rf"^ (?:and |then |ok |now )?(?:the )?({_OUT_WORDS}) out (?=(?:in|for|during|on|from|after|until) | *$)"
)
_REMOVE_PART = re.compile(
    r"^ (?:please |can you |now )?(?:remove|delete|get rid of|lose|kill|clear|erase|take out|drop|no) (?:the |my |all the |this )?(?:_ )*\w*(?: \w+)? $"
)
_BARE_STEPS = re.compile(
    r"^ (?:take|move|bring|put|shift|knock|pitch|transpose) (?:the |my |it |this )?(?:\w+ ){0,2}(up|down) (\d+) $"
)
_CALM = re.compile(r" (tone|calm|chill|pump) (?:it|this|that|them|things|the \w+(?: line)?) (?:down|out|up) ")
_BRING_IN = re.compile(r" (?:bring|brings|let|have|start) (?:the |some |a |in )?(?:_ )+in ")
LAY_OUT = ("lay out", "sit out", "drop out", "stop playing", "tacet")  # a player resting over a scope
_PLACED = re.compile(
    r"^ (?:and |then |also )?(?:a |an |some |one )?(?:_ )+(?:(?:on|at|in) |$)"
)  # the voice first
AMOUNT = {"louder": 0.75, "softer": 0.25, "busier": 0.7, "simpler": 0.3}
_CHANGES = (*BUSIER, *SIMPLER, *LOUDER, *SOFTER, *HUMANIZE, *QUANTIZE)  # "only X" said with a change


def voices_of(s: str) -> tuple[list[str], str]:
    """The drum voices named, in the sentence's order, and the sentence with them blanked."""
    found: list[tuple[int, str]] = []
    for phrase in sorted(VOICES, key=len, reverse=True):
        while (pos := s.find(f" {phrase} ")) >= 0:
            found.append((pos, VOICES[phrase]))
            s = s[:pos] + " _" * len(phrase.split()) + " " + s[pos + len(phrase) + 2 :]
    names = list(dict.fromkeys(name for _, name in sorted(found)))
    return names, s


def compose(s: str) -> Intent | None:
    """A transform intent for a sentence that applies an operation to a clip's target, or None."""
    if said(s, *("fill",)) and not re.search(r" fill (?:in|the|bars?|out|it|this) | every | each ", s):
        place, _ = sw.scope_of(s)  # "put a drum fill at bar 8", "a fill in the last bar"
        if place and set(place) <= {"bar", "last_bars"}:
            return Intent("transform", "drums", {"kind": "fill", **place})
    if said(s, *("fill", "fills", "jam", "jamming", "musicgen", "loop of", "sample", "warp")):
        return None
    s = _OUT.sub(r" take out the \1 ", s)  # "percussion out in the breakdown": taken out there
    if (
        _NEW_PART.search(s) or _FOLLOWS.search(s) or cn.PART_FIRST.search(s)
    ):  # "a house beat four on the floor", "a bass that follows
        return None  # the kick", "melody in 3/4, 8 bars": a new part, not a change of one
    s = re.sub(r" (before|after|into|until|till) the drop ", r" \1 the _drop_ ", s)  # the section, not a verb
    scope, rest = sw.scope_of(s)
    voices, rest = voices_of(rest)
    pulse = re.sub(r" (?:behind|ahead of|on top of) the beat ", " ", rest)  # "sit behind the beat": not drums
    parts = [p for p in (v.PARTS.get(w) for w in _part_words(pulse)) if p]
    part = "drums" if voices else (parts[0] if parts else None)
    found = _operation(rest, voices, scope, part)
    dial = _DIAL.search(s) if found is None else None  # "add some energy to the chords": the dial
    if dial is not None:
        up = not dial.group(1).startswith(("take", "less"))
        return Intent("adjust", part, {"what": dial.group(2), "direction": "up" if up else "down"})
    calm = _CALM.search(s) if found is None and not scope else None  # "tone it down", "pump it up"
    if calm is not None:
        return Intent(
            "adjust", part, {"what": "energy", "direction": "up" if calm.group(1) == "pump" else "down"}
        )
    named = cw.transform_of(s) if found is None else None  # "take the hats out for the first 8 bars"
    if (
        named is not None
        and named[0] not in WHOLE_CLIP
        and scope
        and (set(scope) - {"bar", "beat"} or named[0] not in cw.LOCAL_KINDS)
    ):
        found = named[0], {k: v for k, v in named[1].items() if k not in ("voices", "bar", "beat")}
    if found is None and part and (bare := _BARE_STEPS.search(s)) is not None:  # "take the bass down 2"
        n = int(bare.group(2))
        found = "transpose", {"semitones": -n if bare.group(1) == "down" else n}
    if found is None and (by := _BY_SEMITONES.search(s)) is not None:  # "raise it by two semitones"
        n = int(by.group(2))
        found = "transpose", {"semitones": -n if by.group(1) in ("lower", "drop", "down", "lower it") else n}
    if found is None:
        return None
    kind, options = found
    if kind == "four_on_the_floor" and scope.get("on") == "downbeats":  # "kick on every beat, 4 to the floor"
        scope.pop("on")  # the feel is every beat already
    if "section" in scope:
        return None  # asked by the parser: no clip has sections yet
    if kind == "adjust":
        return Intent("adjust", part, options)
    if kind == "ask":
        return Intent("unknown", None, options)
    params: dict[str, Any] = {"kind": kind, **options}
    if voices and kind != "ghost_notes":
        params["voices"] = ",".join(voices)
    params.update(scope)
    return Intent("transform", part, params)


def _part_words(s: str) -> list[str]:
    found, _ = _take(s, v.PARTS)
    return found


def _take(s: str, table: dict[str, str]) -> tuple[list[str], str]:
    hits = sorted((s.find(f" {p} "), p) for p in sorted(table, key=len, reverse=True) if f" {p} " in s)
    return [p for _, p in hits], s


def _operation(
    s: str, voices: list[str], scope: dict[str, Any], part: str | None
) -> tuple[str, dict[str, Any]] | None:
    """(kind, options) of the operation the sentence names on its target, or None."""
    feel = next((FEELS[p] for p in sorted(FEELS, key=len, reverse=True) if f" {p} " in s), None)
    if scope.get("on") == "offbeats" and part not in (None, "drums") and said(s, *HIT_VERBS):
        scope.pop("on")
        return "offbeat_stabs", {}
    if feel is not None and feel not in ("double_time", "half_time") and not said(s, *(REMOVE[:3])):
        return feel, {}
    if feel in ("double_time", "half_time") and voices:
        return feel, {}
    kept = said(s, *KEEP) and (said(s, "to just", "to only") or not said(s, *_CHANGES))  # not "only X louder"
    if voices and (kept or EXCEPT.search(s)) and not said(s, *(ADD[:1])):
        return "drums_keep", {}
    if (
        "ghost_notes" in voices and set(voices) <= {"ghost_notes", "snare"} and not said(s, *REMOVE)
    ):  # snare ones
        return "ghost_notes", {}
    if voices and said(s, *REMOVE):
        return "drums_remove", {}
    if not voices and part in ("drums", "bass", "chords", "melody") and not scope and _REMOVE_PART.search(s):
        return "clear", {}  # "remove the bass": its notes out, in a new clip (the old one kept)
    if (
        not voices
        and scope
        and said(s, *(*REMOVE, *LAY_OUT))  # "mute the bass after bar 12": its notes there
    ):
        return "clear", {}
    pitched = pw.interval_of(s) is not None or " semitone" in s  # "bring the melody up a major third"
    loud = None if sp_dimension(s) or pitched else _loudness(s)
    dial = said(s, *(tuple(v.ADJUSTMENTS)))  # "softer drums": the energy dial of the part, as before
    if loud is not None and (voices or scope or (part and not dial) or (not part and instrument_track(s))):
        return "velocity", {"amount": AMOUNT[loud]}
    other = cw.transform_of(s) is not None or " swing " in s
    bring_in = _BRING_IN.search(s) is not None
    if voices == ["percussion"] and said(s, *MAKING):  # "three new takes of the percussion": the drums part
        return None
    placed = _PLACED.match(s) is not None and bool(scope)  # "crash on beat 1 of bar 17": a voice put there
    if (
        voices
        and not other
        and (said(s, *ADD) or bring_in or placed or (scope.get("on") and not said(s, *(SIMPLER + BUSIER))))
    ):
        return "drums_add", {}
    density = "busier" if said(s, *BUSIER) else "simpler" if said(s, *SIMPLER) else None
    voiced = voices not in ([], ["percussion"])  # "hihats need to be busier": the hats only, not the kit
    if density is not None and (scope or voiced):
        return "density", {"amount": AMOUNT[density]}
    if density is not None and part and not voices and not said(s, *(tuple(v.ADJUSTMENTS))) and not other:
        return "adjust", {
            "what": "density",
            "direction": "up" if density == "busier" else "down",
        }  # "strip back"
    offset = offset_of(s)
    if offset is not None:
        return "shift", offset
    if (
        voices and said(s, *SHIFT_VERBS) and not pw.interval_of(s) and not said(s, *("out", "in"))
    ):  # "move the snare to beat 3": where exactly?
        return "ask", {
            "reason": "(e.g. 'nudge the snare a sixteenth later' or 'add a snare on beat 3') move it how far?"
        }
    if said(s, *HUMANIZE) or _LOOSEN.search(s):
        return "humanize", {}
    if said(s, *QUANTIZE) and (voices or part or scope or said(s, *("it", "this"))):
        return "quantize", _grid(s)
    amount = _swing_amount(s)
    if amount is not None:
        return "swing", {"amount": amount}
    shuffled = said(s, *("shuffle feel", "a shuffle", "shuffled", "shuffle groove")) and not said(
        s, *("no shuffle",)
    )
    if shuffled or (
        voices and said(s, *("shuffle",)) and not said(s, *("no shuffle",))
    ):  # "make the hats shuffle"
        return "swing", {"amount": cw.SWING_MORE_AMOUNT}
    named = cw.transform_of(s)  # "humanize the hats in the second half": a transform word, over a scope
    if named is not None and named[0] in cw.LOCAL_KINDS and set(scope) - {"bar", "beat"}:
        return named[0], {k: v for k, v in named[1].items() if k not in ("voices", "bar", "beat")}
    return None


def sp_dimension(s: str) -> bool:
    return said(s, *("density", "complexity", "energy"))


# the grid a quantize is said to, in beats ("to 8ths", "to sixteenths", "to 1/16": ``1 16`` once normalised)
_GRIDS = {**dict.fromkeys(("8ths", "eighths", "8th notes", "eighth notes", "1 8", "1 8th"), 0.5),
          **dict.fromkeys(("16ths", "sixteenths", "16th notes", "sixteenth notes", "1 16", "1 16th"), 0.25),
          **dict.fromkeys(("32nds", "32nd notes", "1 32"), 0.125)}  # fmt: skip


def _grid(s: str) -> dict[str, float]:
    return next(({"grid": grid} for words, grid in _GRIDS.items() if said(s, words)), {})


def _loudness(s: str) -> str | None:
    if said(s, *SOFTER):
        return "softer"
    if said(s, *LOUDER) or re.search(r" (?:bring|turn|push) (?:the |that |those )?\w+(?: \w+)? up ", s):
        return "louder"
    if re.search(r" (?:bring|turn) (?:the |that |those )?\w+(?: \w+)? down ", s):
        return "softer"
    return None


LESS_SWING = 0.33
MAKING = ("takes", "versions", "variations", "_key_", "bars", "new", "that fits", "over this", "for my")


def _has_less_swing(s: str) -> bool:
    return " less swing " in s or " swing less " in s or " less swingy " in s


def _swing_amount(s: str) -> float | None:
    """The amount of a swing said with a strength ("swing it a lot", "50% swing on the bass")."""
    if _has_less_swing(s):  # "make the hats swing less": a lighter lilt
        return LESS_SWING
    m = _PERCENT.search(s)
    if m and " swing " in s:
        return min(1.0, int(m.group(1) or m.group(2) or m.group(3)) / 100)
    if (
        " swing " in s
        and " more " not in s
        and (said := next((a for p, a in SWING_AMOUNTS.items() if f" {p} " in s), None))
    ):
        return said
    return None
