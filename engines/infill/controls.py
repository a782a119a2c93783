"""MuseAroo's words (density, complexity, key) as MIDI-GPT attribute levels and sampling controls.

Each model has its own attribute controls (``InfillModel.attribute_sizes``): yellow has note
density (drum tracks), min/max polyphony and min/max note duration (melodic tracks); prism and
expressive have a key signature, onset polyphony, note durations and per-bar density, polyphony
and pitch-class count. Only the attributes a model has, for the kind of track (drums or not), are
set; the others are left to the model. The key also becomes the library's ``pitch_mask`` control
(a hard restriction of a melodic track's pitches to the scale's pitch classes), which every model
takes. Levels are the library's quantized bins, 0 .. size-1.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from engines.errors import InvalidValue
from engines.infill.models import InfillModel
from engines.music import Key

_MINOR_THIRD, _MAJOR_THIRD = 3, 4


@dataclass(frozen=True, slots=True)
class Controls:
    """density and complexity 0..1 (None: the model's own choice); key: restrict and sign the key."""

    density: float | None = None
    complexity: float | None = None
    key: Key | None = None


@dataclass(frozen=True, slots=True)
class TrackControls:
    """What goes into one MIDI-GPT TrackPrompt: attributes, per-bar attributes and controls."""

    attributes: dict[str, int] = field(default_factory=dict)
    bar_attributes: dict[int, dict[str, int]] = field(default_factory=dict)
    controls: dict[str, Any] = field(default_factory=dict)


def check(controls: Controls) -> None:
    """InvalidValue naming a density or complexity outside 0..1."""
    for name in ("density", "complexity"):
        value = getattr(controls, name)
        if value is not None and not 0.0 <= value <= 1.0:
            raise InvalidValue(f"{name} {value} is out of range: expected 0..1")


def key_signature_level(key: Key) -> int:
    """MIDI-GPT's key signature bin: 0..11 major on that tonic, 12..23 minor (a minor third, no major)."""
    steps = set(key.intervals)
    minor = _MINOR_THIRD in steps and _MAJOR_THIRD not in steps
    return key.tonic % 12 + (12 if minor else 0)


def for_track(model: InfillModel, controls: Controls, *, drums: bool, bars: Sequence[int]) -> TrackControls:
    """The attributes and controls for one generated track (``bars``: 0-based bars it writes)."""
    check(controls)
    sizes, kinds, levels = model.attribute_sizes, model.attribute_track_types, model.attribute_levels

    def fits(name: str) -> bool:
        kind = kinds.get(name, "both")
        return name in sizes and (kind == "both" or (kind == "drum") == drums)

    track: dict[str, int] = {}
    per_bar: dict[str, int] = {}

    def put(name: str, level: float) -> None:
        if fits(name):
            value = max(0, min(sizes[name] - 1, round(level)))
            (per_bar if levels.get(name) == "bar" else track)[name] = value

    if controls.density is not None:
        for name in ("note_density", "bar_note_density"):
            put(name, controls.density * (sizes.get(name, 1) - 1))
    if controls.complexity is not None and not drums:
        c = controls.complexity
        put("max_polyphony", c * 5.0)  # bin = voices - 1: 1 .. 6 voices
        put("min_polyphony", c * 1.0)
        put("bar_max_polyphony", c * 5.0)
        put("bar_min_polyphony", c * 1.0)
        put("onset_polyphony", 1.0 + 3.0 * c)  # notes struck together: 1 .. 4
        shortest = 3.0 - 2.0 * c  # duration bins: 0 32nd, 1 16th, 2 8th, 3 quarter, 4 half, 5 whole
        put("min_note_duration", shortest)
        put("max_note_duration", shortest + 2.0)
    extra: dict[str, Any] = {}
    if controls.key is not None and not drums:
        put("key_signature", key_signature_level(controls.key))
        extra["pitch_mask"] = {"pitch_classes": sorted(controls.key.pitch_classes)}
    return TrackControls(
        attributes=track,
        bar_attributes={b: dict(per_bar) for b in bars} if per_bar else {},
        controls=extra,
    )
