"""One place and one voice of a clip: a transform that works only there ("drop the kick on beat
one of bar four", "mute the hats in bar two", "swing the hats").

``bar`` (1-based, 0: every bar) and ``beat`` (1-based quarter-note beats of the bar, 0: the whole
bar) pick the notes by their start; a note up to a 64th early (a humanized hit) counts as on
its place. ``voices`` picks drum voices for the kinds that are not drums_keep/drums_remove (those
read voices themselves). Notes outside the pick come back unchanged.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from engines.errors import InvalidValue
from engines.music import Note
from engines.transforms.drum_voices import pitches_of
from engines.transforms.options import TransformOptions

EARLY_BEATS = 1 / 16  # a 64th: a hit this early still belongs to the place after it
WHOLE_CLIP_KINDS = (
    "half_time",
    "double_time",
    "retrograde",
    "fill",
    "waltz",
    "four_on_the_floor",
)  # they move time itself
DRUM_KINDS = ("drums_keep", "drums_remove", "drums_add")


SCOPE = ("bar", "beat", "from_bar", "to_bar", "half", "last_bars", "first_bars", "every", "on")


def is_local(kind: str, o: TransformOptions) -> bool:
    """Whether the transform works on a part of the clip (a place, or one voice of a kind that
    does not read voices itself)."""
    if kind in ("drums_add", "fill", "four_on_the_floor"):  # they place their notes themselves
        return False
    return any(getattr(o, name) for name in SCOPE) or bool(o.voices and kind not in DRUM_KINDS)


def check(kind: str, o: TransformOptions) -> None:
    if kind in WHOLE_CLIP_KINDS:
        raise InvalidValue(
            f"transform {kind} works on the whole clip: bar, beat and voices are for the other kinds"
        )
    bars = max(1, math.ceil(o.length_beats / o.beats_per_bar - 1e-9))
    if o.bar > bars:
        raise InvalidValue(f"bar {o.bar} is past the clip's end: expected 1..{bars} (0: every bar)")


def in_place(start_beats: float, o: TransformOptions) -> bool:
    t = start_beats + EARLY_BEATS
    if o.bar and not (o.bar - 1) * o.beats_per_bar <= t < o.bar * o.beats_per_bar:
        return False
    if not in_bars(int(t // o.beats_per_bar) + 1, o):
        return False
    if o.on and not _on(t % o.beats_per_bar, o.on):
        return False
    return not o.beat or o.beat - 1 <= t % o.beats_per_bar < o.beat


def in_bars(bar: int, o: TransformOptions) -> bool:
    """Whether the 1-based ``bar`` is in the bars the scope options name."""
    bars = max(1, math.ceil(o.length_beats / o.beats_per_bar - 1e-9))
    if (o.from_bar and bar < o.from_bar) or (o.to_bar and bar > o.to_bar):
        return False
    if o.half and (bar <= bars / 2) != (o.half == 1):
        return False
    if (o.last_bars and bar <= bars - o.last_bars) or (o.first_bars and bar > o.first_bars):
        return False
    return not o.every or bar % o.every == 0


def _on(t: float, on: str) -> bool:
    """Whether a time in the bar (nudged a 64th late) is on the named beats."""
    on_beat = t % 1.0 < 2 * EARLY_BEATS
    if on == "offbeats":
        return not on_beat
    if on == "downbeats":
        return on_beat
    return on_beat and int(t) % 2 == 1  # backbeat: beats 2 and 4


def split(kind: str, notes: Sequence[Note], o: TransformOptions) -> tuple[list[Note], list[Note]]:
    """(the notes the transform works on, the notes it leaves as they are)."""
    check(kind, o)
    voice = pitches_of(o.voices) if o.voices and kind not in DRUM_KINDS else None
    picked: list[Note] = []
    kept: list[Note] = []
    for n in notes:
        (picked if in_place(n.start_beats, o) and (voice is None or n.pitch in voice) else kept).append(n)
    return picked, kept
