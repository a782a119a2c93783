"""Which operation a clip sentence names on its target (``compose``'s second step): its /roo/transform kind
and options (a feel, drum voices kept, taken out or put in, a level, a density, a shift, a quantize, a swing),
the level said of the selected clip alone, and the grid a quantize is said to. Words: ``change_words``."""

from __future__ import annotations

import re
from typing import Any

from bridge.commands import change_words as cg
from bridge.commands import clip_words as cw
from bridge.commands import place_words as pw
from bridge.commands import vocab as v
from bridge.commands.amount_words import change_size, swing_amount
from bridge.commands.feel_words import FEELS
from bridge.commands.said import said
from bridge.commands.shift_words import SHIFT_VERBS, how_far, mix_or_time, offset_of
from bridge.commands.track_words import instrument_track

# notes put onto the grid, whatever the verb ("straighten the notes onto the grid"): a quantize, no straight feel
_ONTO_GRID = re.compile(r" (?:onto|to|on) the grid ")


def operation(
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
        said(s, "to just", "to only") or not said(s, *cg.CHANGES) or cg.REST_FAULTED.search(s)
    )  # not "only X louder"; "keep only the kick, the rest is too busy": the rest's fault, the kick kept
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
        return "velocity", {"amount": cg.amount_of(loud, change_size(s))}
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
        return "density", {"amount": cg.amount_of(density, change_size(s))}
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
FEEL_SPANS = ("half_time", "double_time", "four_on_the_floor")  # engines.transforms.regions


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


def pointed_level(s: str) -> str | None:
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
