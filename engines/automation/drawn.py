"""An envelope as MuseAroo drew it, kept with the take whose clip carries it, and as a MIDI CC lane.

``Drawn`` is the recipe (parameter, shape, from/to in the parameter's units, its range, where in
the clip and for how long): ``steps()`` redraws exactly what was written, ``as_json``/``from_json``
are its form in a take's ``live["envelopes"]``. ``cc_number`` says which MIDI controller a parameter
maps to (the mixer's volume CC 7, pan CC 10, a filter's cutoff CC 74; else None) and
``cc_values`` a drawn envelope's steps as (time in beats from the clip start, 0..127).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

from engines.automation.shapes import SHAPES, Step, envelope_steps
from engines.errors import InvalidValue

MIXER = ("mixer", "", "track")
FILTER_WORDS = ("filter", "autofilter", "eq")
CUTOFF_WORDS = ("freq", "cutoff")


NUMBERS = ("start", "end", "low", "high", "offset_beats", "length_beats", "rate_beats", "curve")


def _finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


@dataclass(frozen=True, slots=True)
class Drawn:
    device: str  # as Live named it ("Mixer" for the track's mixer)
    parameter: str
    shape: str
    start: float  # "from", in the parameter's units
    end: float
    low: float  # the parameter's range
    high: float
    offset_beats: float  # where the region starts in the clip
    length_beats: float
    rate_beats: float | None = None
    curve: float = 1.0
    quantized: bool = False

    def steps(self) -> list[Step]:
        """The steps as written, times from the region's start."""
        return envelope_steps(
            self.shape, self.length_beats, self.start, self.end, rate_beats=self.rate_beats,
            curve=self.curve, quantized=self.quantized,
        )  # fmt: skip

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Any) -> Drawn:
        """A stored envelope; InvalidValue naming what is wrong with one that is not."""
        if not isinstance(data, dict):
            raise InvalidValue(f"envelope {data!r}: expected an object with {', '.join(cls.__slots__)}")
        try:
            drawn = cls(**data)
        except TypeError as exc:
            raise InvalidValue(f"envelope {data!r}: {exc}") from exc
        for name in ("device", "parameter", "shape"):
            if not isinstance(getattr(drawn, name), str):
                raise InvalidValue(f"envelope {name} {getattr(drawn, name)!r}: expected text")
        for name in NUMBERS:
            value = getattr(drawn, name)
            if (value is not None or name != "rate_beats") and not _finite(value):
                raise InvalidValue(
                    f"envelope {drawn.parameter!r}: {name} {value!r}: expected a finite number"
                )
        if (
            drawn.shape not in SHAPES
            or not drawn.low <= min(drawn.start, drawn.end) <= max(drawn.start, drawn.end) <= drawn.high
        ):
            raise InvalidValue(
                f"envelope {drawn.parameter!r}: shape {drawn.shape!r} from {drawn.start} to {drawn.end}: "
                f"expected one of {', '.join(SHAPES)} within {drawn.low}..{drawn.high}"
            )
        if drawn.offset_beats < 0 or drawn.length_beats <= 0:
            raise InvalidValue(
                f"envelope {drawn.parameter!r} at {drawn.offset_beats} for {drawn.length_beats} beats: "
                "expected an offset >= 0 and a length > 0"
            )
        return drawn

    @property
    def same_place(self) -> tuple[str, str, float]:
        return self.device.lower(), self.parameter.lower(), round(self.offset_beats, 6)


def cc_number(device: str, parameter: str) -> int | None:
    """The MIDI controller a parameter maps to: mixer volume 7, pan 10, a filter's cutoff 74."""
    dev, par = device.strip().lower(), parameter.strip().lower()
    if dev in MIXER:
        return {"volume": 7, "pan": 10, "panning": 10}.get(par)
    if any(w in dev.replace(" ", "") for w in FILTER_WORDS) and any(w in par for w in CUTOFF_WORDS):
        return 74
    if "filter" in par and any(w in par for w in CUTOFF_WORDS):  # an instrument's "Filter 1 Freq"
        return 74
    return None


def cc_values(drawn: Drawn) -> list[tuple[float, int]]:
    """(time in beats from the clip start, controller value 0..127) at each step's start."""
    span = drawn.high - drawn.low
    out = []
    for step in drawn.steps():
        level = (step.value - drawn.low) / span if span > 0 else 0.0
        out.append((drawn.offset_beats + step.time_beats, max(0, min(127, round(level * 127)))))
    return out
