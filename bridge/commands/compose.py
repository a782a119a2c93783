"""Issue 44's compositional grammar for clips: an operation on a target over a scope.

An operation (remove, keep only, add, louder, softer, busier, simpler, shift, quantize, humanize,
swing, a feel) is applied to a target (a drum voice or several, a part, "it") over a scope
(``scope_words``: bars, halves, first/last bars, after/before a bar, every Nth bar, offbeats,
downbeats, backbeat) with quantities (an amount, a time offset). Each operation is a /roo/transform
kind (engines/transforms), so ``compose`` gives ``Intent("transform", part, {"kind": ..., options})``
or None when the sentence is none of these. Words: ``change_words``; which operation is named:
``operation_words``."""

from __future__ import annotations

import re
from typing import Any

from bridge.commands import change_words as cg
from bridge.commands import clip_words as cw
from bridge.commands import counts as cn
from bridge.commands import scope_words as sw
from bridge.commands import vocab as v
from bridge.commands.amount_words import humanize_amount, quantize_strength
from bridge.commands.intent import Intent
from bridge.commands.operation_words import FEEL_SPANS, operation, pointed_level
from bridge.commands.said import said

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
    found = operation(rest, voices, scope, part)
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
    level = pointed_level(s) if found is None and part is None and not voices and not scope else None
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
    spans = kind in FEEL_SPANS or kind == "drums_add"  # "add a shaker from bar 9"
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
