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

from bridge.commands import change_words as cg
from bridge.commands import clip_words as cw
from bridge.commands import counts as cn
from bridge.commands import place_words as pw
from bridge.commands import scope_words as sw
from bridge.commands import vocab as v
from bridge.commands.amount_words import humanize_amount, quantize_strength, swing_amount
from bridge.commands.feel_words import FEELS
from bridge.commands.intent import Intent
from bridge.commands.said import said
from bridge.commands.shift_words import SHIFT_VERBS, how_far, mix_or_time, offset_of
from bridge.commands.track_words import instrument_track

_TRACK = re.compile(r" (?:track|channel)s? ")


def voices_of(s: str) -> tuple[list[str], str]:
    """The drum voices named, in the sentence's order, and the sentence with them blanked."""
    found: list[tuple[int, str]] = []
    for phrase in sorted(cg.VOICES, key=len, reverse=True):
        start = 0
        while (pos := s.find(f" {phrase} ", start)) >= 0:
            start = pos + 1
            if phrase in cw.PERCUSSION_WORDS and _TRACK.match(s, pos + len(phrase) + 1):
                continue  # "the tabla track": Live's track so named, no voice of the drums
            found.append((pos, cg.VOICES[phrase]))
            s = s[:pos] + " _" * len(phrase.split()) + " " + s[pos + len(phrase) + 2 :]
    names = list(dict.fromkeys(name for _, name in sorted(found)))
    return names, s


def compose(s: str) -> Intent | None:
    """A transform intent for a sentence that applies an operation to a clip's target, or None."""
    s = cg.ONLY_SO_MUCH.sub(r" \1 ", s)
    if said(s, *("fill",)) and not re.search(r" fill (?:in|the|bars?|out|it|this) | every | each ", s):
        place, _ = sw.scope_of(s)  # "put a drum fill at bar 8", "a fill in the last bar"
        if place and set(place) <= {"bar", "last_bars"}:
            return Intent("transform", "drums", {"kind": "fill", **place})
    if said(s, *cg.HIDDEN):  # "can't hear the snare under the sample": the snare, made louder
        s = cg.MASKED_BY.sub(" ", s)
    if said(s, *("fill", "fills", "jam", "jamming", "musicgen", "loop of", "sample", "warp")):
        return None
    s = cg.OUT.sub(
        _taken_out, s
    )  # "percussion out in the breakdown", "hats off the offbeats": taken out there
    if (
        cg.NEW_PART.search(s) or cg.FOLLOWS.search(s) or cn.PART_FIRST.search(s)
    ):  # "a house beat four on the floor", "a bass that follows
        return None  # the kick", "melody in 3/4, 8 bars": a new part, not a change of one
    s = re.sub(r" (before|after|into|until|till) the drop ", r" \1 the _drop_ ", s)  # the section, not a verb
    scope, rest = sw.scope_of(s)
    others = cg.OTHERS.sub(
        " the rest ", rest
    )  # "keep the kick, take away all the other percussion": the rest goes
    if said(rest, *cg.KEEP) or cg.EXCEPT.search(rest) or cg.REST_GOES.search(others):
        rest = others
    voices, rest = voices_of(rest)
    if "ghost_notes" in voices and cg.SNARE_GHOSTS.search(s):  # "the ghost notes on the snare": not the snare
        voices = [name for name in voices if name != "snare"]
    pulse = re.sub(r" (?:behind|ahead of|on top of) the beat ", " ", rest)  # "sit behind the beat": not drums
    parts = [p for p in (v.PARTS.get(w) for w in _part_words(pulse)) if p]
    part = "drums" if voices else (parts[0] if parts else None)
    found = _operation(rest, voices, scope, part)
    dial = cg.DIAL.search(s) if found is None else None  # "add some energy to the chords": the dial
    if dial is not None:
        up = dial.group(1) != "less" and (dial.group(1) != "take" or " up " in s[dial.end() - 1 :])
        return Intent("adjust", part, {"what": dial.group(2), "direction": "up" if up else "down"})
    calm = cg.CALM.search(s) if found is None and not scope else None  # "tone it down", "pump it up"
    if calm is not None:
        what = "density" if calm.group(1, 2) == ("calm", "down") else "energy"
        return Intent(
            "adjust", part, {"what": what, "direction": "up" if calm.group(1) == "pump" else "down"}
        )
    level = _pointed_level(s) if found is None and part is None and not voices and not scope else None
    if level is not None:  # "make it louder", "turn this up": the selected clip, as "make it softer" is
        return Intent("adjust", None, {"what": "energy", "direction": level})
    named = cw.transform_of(s) if found is None else None  # "take the hats out for the first 8 bars"
    if (
        named is not None
        and (named[0] not in cg.WHOLE_CLIP or named[0] == "retrograde")  # a span reversed: there only
        and scope
        and (set(scope) - {"bar", "beat"} or named[0] not in cw.LOCAL_KINDS)
    ):
        found = named[0], {k: v for k, v in named[1].items() if k not in ("voices", "bar", "beat")}
    if found is None and part and (bare := cg.BARE_STEPS.search(s)) is not None:  # "take the bass down 2"
        n = int(bare.group(2))
        found = "transpose", {"semitones": -n if bare.group(1) == "down" else n}
    if found is None and (by := cg.BY_SEMITONES.search(s)) is not None:  # "raise it by two semitones"
        n = int(by.group(2))
        found = "transpose", {"semitones": -n if by.group(1) in ("lower", "drop", "down", "lower it") else n}
    if found is None:
        return None
    kind, options = found
    if kind == "four_on_the_floor" and scope.get("on") == "downbeats":  # "kick on every beat, 4 to the floor"
        scope.pop("on")  # the feel is every beat already
    at = scope.get("bar")
    spans = kind in _FEEL_SPANS or kind == "drums_add"  # "add a shaker from bar 9"
    if spans and at and re.search(rf" from (?:the )?(?:bar {at}|{at}(?:st|nd|rd|th) bar) ", s):
        scope = {"from_bar": scope.pop("bar"), **scope}  # "double time the hats from bar 5": bar 5 on
    if "section" in scope:
        return None  # asked by the parser: no clip has sections yet
    if kind == "adjust":
        return Intent("adjust", part, options)
    if kind == "ask":
        return Intent("unknown", None, options)
    params: dict[str, Any] = {"kind": kind, **options}
    if kind == "humanize" and "amount" not in params and (strength := humanize_amount(s)) is not None:
        params["amount"] = strength  # "humanize the keys a bit": 0.25
    if kind == "quantize" and (strength := quantize_strength(s)) is not None:
        params["strength"] = strength  # "quantize the drums 50%": halfway to the grid
    if voices and kind != "ghost_notes":
        params["voices"] = ",".join(voices)
    params.update(scope)
    return Intent("transform", part, params)


def _taken_out(m: re.Match[str]) -> str:
    """ "hats off the offbeats": the hats taken out on the offbeats."""
    on = m.group(2) == "off" and m.string[m.end() :].startswith("the ")
    return f" take out the {m.group(1)} {'on ' if on else ''}"


def _part_words(s: str) -> list[str]:
    found, _ = _take(s, v.PARTS)
    return found


def _take(s: str, table: dict[str, str]) -> tuple[list[str], str]:
    hits = sorted((s.find(f" {p} "), p) for p in sorted(table, key=len, reverse=True) if f" {p} " in s)
    return [p for _, p in hits], s


# notes put onto the grid, whatever the verb ("straighten the notes onto the grid"): a quantize, no straight feel
_ONTO_GRID = re.compile(r" (?:onto|to|on) the grid ")


def _operation(
    s: str, voices: list[str], scope: dict[str, Any], part: str | None
) -> tuple[str, dict[str, Any]] | None:
    """(kind, options) of the operation the sentence names on its target, or None."""
    feel = next((FEELS[p] for p in sorted(FEELS, key=len, reverse=True) if f" {p} " in s), None)
    if feel == "straight" and _ONTO_GRID.search(s):  # "straighten the notes onto the grid": put on the grid
        feel = None
    if scope.get("on") == "offbeats" and part not in (None, "drums") and said(s, *cg.HIT_VERBS):
        scope.pop("on")
        return "offbeat_stabs", {}
    if feel is not None and feel not in ("double_time", "half_time") and not said(s, *(cg.REMOVE[:3])):
        return feel, {}
    if feel in ("double_time", "half_time") and (voices or _span(scope)):  # "half time for the last 8"
        return feel, {}
    kept = said(s, *cg.KEEP) and (
        said(s, "to just", "to only") or not said(s, *cg.CHANGES)
    )  # not "only X louder"
    if voices and (kept or cg.EXCEPT.search(s) or cg.REST_GOES.search(s)) and not said(s, *(cg.ADD[:1])):
        return "drums_keep", {}
    if (
        "ghost_notes" in voices and set(voices) <= {"ghost_notes", "snare"} and not said(s, *cg.REMOVE)
    ):  # snare ones
        return "ghost_notes", {}
    if voices and said(s, *cg.REMOVE):
        return "drums_remove", {}
    if (
        not voices
        and part in ("drums", "bass", "chords", "melody")
        and not scope
        and cg.REMOVE_PART.search(s)
    ):
        return "clear", {}  # "remove the bass": its notes out, in a new clip (the old one kept)
    if (
        not voices
        and scope
        and said(s, *(*cg.REMOVE, *cg.LAY_OUT))  # "mute the bass after bar 12": its notes there
    ):
        return "clear", {}
    pitched = pw.interval_of(s) is not None or " semitone" in s  # "bring the melody up a major third"
    loud = None if sp_dimension(s) or pitched else _loudness(s)
    dial = said(s, *(tuple(v.ADJUSTMENTS)))  # "softer drums": the energy dial of the part, as before
    if loud is not None and (voices or scope or (part and not dial) or (not part and instrument_track(s))):
        return "velocity", {"amount": cg.AMOUNT[loud]}
    other = cw.transform_of(s) is not None or " swing " in s
    bring_in = cg.BRING_IN.search(s) is not None
    if voices == ["percussion"] and said(s, *MAKING):  # "three new takes of the percussion": the drums part
        return None
    placed = cg.PLACED.match(s) is not None and bool(scope)  # "crash on beat 1 of bar 17": a voice put there
    if (
        voices
        and not other
        and (
            said(s, *cg.ADD)
            or bring_in
            or placed
            or (scope.get("on") and not said(s, *(cg.SIMPLER + cg.BUSIER)))
        )
    ):
        return "drums_add", {}
    density = "busier" if said(s, *cg.BUSIER) else "simpler" if said(s, *cg.SIMPLER) else None
    # "hihats need to be busier", "the shakers are too bare, make them busier": that voice only, never the kit
    if density is not None and (scope or voices):
        return "density", {"amount": cg.AMOUNT[density]}
    if density is not None and part and not voices and not said(s, *(tuple(v.ADJUSTMENTS))) and not other:
        return "adjust", {
            "what": "density",
            "direction": "up" if density == "busier" else "down",
        }  # "strip back"
    offset = offset_of(s)
    if offset is not None and offset.get("mix_or_time"):  # "nudge the bass back": in time or in the mix?
        return "ask", {"reason": mix_or_time(s, voices[0] if voices else part)}
    if offset is not None:
        return "shift", offset
    if (
        voices and said(s, *SHIFT_VERBS) and not pw.interval_of(s) and not said(s, *("out", "in"))
    ):  # "move the snare to beat 3": where exactly?
        return "ask", {"reason": how_far(s, voices)}
    if said(s, *cg.HUMANIZE) or cg.LOOSEN.search(s):
        return "humanize", {}
    if said(s, *cg.QUANTIZE) and (voices or part or scope or said(s, *("it", "this", *NOTES_SAID))):
        return "quantize", _grid(s)
    amount = swing_amount(s)
    if amount is not None:
        return "swing", {"amount": amount}
    shuffled = said(s, *("shuffle feel", "a shuffle", "shuffled", "shuffle groove")) and not said(
        s, *("no shuffle",)
    )
    if shuffled or (
        (voices or (part and _span(scope))) and said(s, *("shuffle",)) and not said(s, *("no shuffle",))
    ):  # "make the hats shuffle", "shuffle the bass in the second half"
        return "swing", {"amount": cw.SWING_MORE_AMOUNT}
    named = cw.transform_of(s)  # "humanize the hats in the second half": a transform word, over a scope
    if named is not None and named[0] in cw.LOCAL_KINDS and set(scope) - {"bar", "beat"}:
        return named[0], {k: v for k, v in named[1].items() if k not in ("voices", "bar", "beat")}
    return None


# the selected clip's notes said as what a quantize moves ("lock my notes onto the grid")
NOTES_SAID = ("my notes", "the notes", "these notes", "those notes", "all the notes", "all my notes")
_FEEL_SPANS = ("half_time", "double_time", "four_on_the_floor")  # engines.transforms.regions


def _span(scope: dict[str, Any]) -> bool:
    """Whether the scope is a span of bars a feel can fill (engines.transforms.regions)."""
    return bool(scope) and set(scope) <= {"bar", "from_bar", "to_bar", "half", "first_bars", "last_bars"}


def sp_dimension(s: str) -> bool:
    return said(s, *("density", "complexity", "energy"))


# the grid a quantize is said to, in beats ("to 8ths", "to sixteenths", "to 1/16": ``1 16`` once normalised)
_GRIDS = {**dict.fromkeys(("8ths", "eighths", "8th notes", "eighth notes", "1 8", "1 8th"), 0.5),
          **dict.fromkeys(("16ths", "sixteenths", "16th notes", "sixteenth notes", "1 16", "1 16th"), 0.25),
          **dict.fromkeys(("32nds", "32nd notes", "1 32"), 0.125)}  # fmt: skip


def _grid(s: str) -> dict[str, float]:
    return next(({"grid": grid} for words, grid in _GRIDS.items() if said(s, words)), {})


# the selected clip pointed at ("make it louder", "turn this one up"), with no number ("bring it up to 90": a tempo)
_POINTED = re.compile(
    r" (?:it|this|that|this one|(?:this|the) (?:selected )?(?:clip|loop|part)|the selection) "
)


def _pointed_level(s: str) -> str | None:
    """ "up" or "down" for a level change said of the selected clip alone, else None."""
    if not _POINTED.search(s) or re.search(r"\d", s) or sp_dimension(s) or pw.interval_of(s) is not None:
        return None
    loud = _loudness(s)
    return None if loud is None else "up" if loud == "louder" else "down"


def _loudness(s: str) -> str | None:
    if said(s, *cg.SOFTER):
        return "softer"
    if said(s, *cg.LOUDER, *cg.HIDDEN) or re.search(
        r" (?:bring|turn|push) (?:the |that |those )?\w+(?: \w+){0,2} up ", s
    ):
        return "louder"
    if re.search(
        r" (?:bring|turn) (?:the |that |those )?\w+(?: \w+){0,2} down ", s
    ):  # "the choir swell track"
        return "softer"
    return None


MAKING = ("takes", "versions", "variations", "_key_", "bars", "new", "that fits", "over this", "for my")
