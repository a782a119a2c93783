"""Transforms of an existing clip: pure functions from notes to new notes, seeded.

``transform(kind, notes, options, seed)`` returns the new notes and the new clip length (only
half_time changes it). ``KINDS`` maps each name to its function; adding one is one function and
one line. Times are beats from the clip start; notes come back sorted by start, then pitch. A feel
over some bars (``regions``) keeps the clip's length and the notes outside those bars.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from engines.errors import InvalidValue
from engines.music import Note
from engines.transforms import accents, drum_voices, feels, pitch, places, regions, texture, timing
from engines.transforms.options import OPTION_TYPES, TransformOptions, make_options

__all__ = ["KINDS", "OPTION_TYPES", "TransformOptions", "Transformed", "make_options", "transform"]

Fn = Callable[[Sequence[Note], TransformOptions, int], "list[Note] | tuple[list[Note], float]"]


def _keep(notes: Sequence[Note], o: TransformOptions, seed: int) -> list[Note]:
    return drum_voices.drums_keep(notes, o.voices)


def _remove(notes: Sequence[Note], o: TransformOptions, seed: int) -> list[Note]:
    return drum_voices.drums_remove(notes, o.voices)


KINDS: dict[str, Fn] = {
    "vary": pitch.vary,
    "humanize": timing.humanize,
    "quantize": timing.quantize,
    "swing": timing.swing,
    "half_time": timing.half_time,
    "double_time": timing.double_time,
    "density": texture.density,
    "ornament": texture.ornament,
    "revoice": pitch.revoice,
    "transpose": pitch.transpose,
    "retrograde": timing.retrograde,
    "invert": pitch.invert,
    "fill": texture.fill,
    "drums_keep": _keep,
    "drums_remove": _remove,
    "drums_add": accents.drums_add,
    "clear": accents.clear,
    "velocity": accents.velocity,
    "shift": accents.shift,
    "waltz": accents.waltz,
    "sparse_hits": accents.sparse_hits,
    "straight": accents.straight,
    "syncopate": accents.syncopate,
    "four_on_the_floor": feels.four_on_the_floor,
    "offbeat_stabs": feels.offbeat_stabs,
    "ghost_notes": feels.ghost_notes,
    "more_movement": feels.more_movement,
}


@dataclass(frozen=True, slots=True)
class Transformed:
    notes: list[Note]
    length_beats: float


def transform(kind: str, notes: Sequence[Note], options: TransformOptions, seed: int = 0) -> Transformed:
    """Apply one transform; raises InvalidValue for an unknown kind or a bad option."""
    if kind not in KINDS:
        raise InvalidValue(f"transform {kind!r} is not known: expected one of {', '.join(KINDS)}")
    if regions.applies(kind, options):  # a feel over some bars (or voices): the rest stays as it is
        out = regions.within(kind, KINDS[kind], notes, options, seed)
        out.sort(key=lambda n: (n.start_beats, n.pitch))
        return Transformed(out, options.length_beats)
    kept: list[Note] = []
    if places.is_local(kind, options):  # one place or one voice: the rest stays as it is
        notes, kept = places.split(kind, notes, options)
    result = KINDS[kind](notes, options, seed)
    out, length = result if isinstance(result, tuple) else (result, options.length_beats)
    out = [*out, *kept]
    if kind == "humanize" and options.amount == 0 and not kept:
        return Transformed(list(notes), length)  # an exact copy, order included
    out.sort(key=lambda n: (n.start_beats, n.pitch))
    return Transformed(out, length)
