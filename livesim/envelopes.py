"""Clip envelopes for the in-memory Live: Live.Clip.AutomationEnvelope and the Clip members that
make, find and clear them.

``Clip.automation_envelope(parameter)`` is the clip's envelope of a DeviceParameter (None when the
clip has none); ``create_automation_envelope(parameter)`` makes one, flat at the parameter's value,
and raises when one exists; ``clear_envelope(parameter)`` and ``clear_all_envelopes()`` remove them;
``has_envelopes`` says whether any is left. ``AutomationEnvelope.insert_step(time, length, value)``
holds ``value`` from ``time`` for ``length`` beats (a later step over an earlier one wins where they
overlap); a value outside the parameter's min..max raises, as Live does. ``value_at_time(time)``
reads it back. Every change is one undo entry (grouped by the caller's undo step).
"""

from __future__ import annotations

from typing import Any

from livesim.base import ArgumentError, check_args
from livesim.document import Document
from livesim.mixer import DeviceParameter

Step = tuple[float, float, float]  # time, length, value


class AutomationEnvelope:
    def __init__(self, doc: Document, parameter: DeviceParameter) -> None:
        self._doc = doc
        self._parameter = parameter
        self._flat = float(parameter.value)  # where no step lies
        self._steps: list[Step] = []

    def __repr__(self) -> str:
        return f"<AutomationEnvelope {self._parameter.name!r} {len(self._steps)} steps>"

    def insert_step(self, time: float, length: float, value: float, /) -> None:
        check_args("AutomationEnvelope.insert_step", (time, length, value), ("float", "float", "float"))
        self._doc.check_change("AutomationEnvelope.insert_step")
        low, high = self._parameter.min, self._parameter.max
        if not low <= value <= high:
            raise RuntimeError(f"Invalid value {value:g}: {self._parameter.name!r} takes {low:g}..{high:g}")
        if time < 0.0 or length <= 0.0:
            raise RuntimeError(f"Invalid step at {time:g} for {length:g} beats")
        before = list(self._steps)
        self._steps.append((float(time), float(length), float(value)))
        self._doc.record(lambda: setattr(self, "_steps", before))

    def value_at_time(self, time: float, /) -> float:
        check_args("AutomationEnvelope.value_at_time", (time,), ("float",))
        for start, length, value in reversed(self._steps):
            if start <= time < start + length:
                return value
        return self._flat


def _a_parameter(where: str, parameter: Any) -> None:
    if not isinstance(parameter, DeviceParameter):
        raise ArgumentError(
            f"Python argument types in\n    {where}({type(parameter).__name__})\ndid not match C++ "
            f"signature:\n    {where}(DeviceParameter)"
        )


class ClipEnvelopes:
    """The envelope members of Live.Clip (mixed into ``livesim.clip.Clip``)."""

    _doc: Document
    _envelopes: dict[int, AutomationEnvelope] | None = None

    def _table(self) -> dict[int, AutomationEnvelope]:
        if self._envelopes is None:
            self._envelopes = {}
        return self._envelopes

    def _swap(self, table: dict[int, AutomationEnvelope]) -> None:
        before = dict(self._table())
        self._envelopes = table
        self._doc.record(lambda: setattr(self, "_envelopes", before))

    def automation_envelope(self, parameter: Any, /) -> AutomationEnvelope | None:
        _a_parameter("Clip.automation_envelope", parameter)
        return self._table().get(id(parameter))

    def create_automation_envelope(self, parameter: Any, /) -> AutomationEnvelope:
        _a_parameter("Clip.create_automation_envelope", parameter)
        self._doc.check_change("Clip.create_automation_envelope")
        if id(parameter) in self._table():
            raise RuntimeError(f"The clip already has an envelope for {parameter.name!r}")
        made = AutomationEnvelope(self._doc, parameter)
        self._swap({**self._table(), id(parameter): made})
        return made

    def clear_envelope(self, parameter: Any, /) -> None:
        _a_parameter("Clip.clear_envelope", parameter)
        self._doc.check_change("Clip.clear_envelope")
        self._swap({k: v for k, v in self._table().items() if k != id(parameter)})

    def clear_all_envelopes(self) -> None:
        self._doc.check_change("Clip.clear_all_envelopes")
        self._swap({})

    def _envelope_copies(self) -> dict[int, AutomationEnvelope] | None:
        """The envelopes for a copy of the clip (duplicated with it, as Live does)."""
        copies = {}
        for key, envelope in self._table().items():
            twin = AutomationEnvelope(self._doc, envelope._parameter)
            twin._flat, twin._steps = envelope._flat, list(envelope._steps)
            copies[key] = twin
        return copies or None

    @property
    def has_envelopes(self) -> bool:
        return bool(self._table())
