"""The Remote Script's clip-envelope requests as typed calls (remote_scripts/MuseAroo/automation.py).

Mixed into ``bridge.live.client.LiveClient``. ``envelope_target`` finds the clip (a session slot,
or with slot -1 the arrangement clip under ``at_beats``) and the parameter by name, and says what
shaping needs: the clip's start and length, the names found, the parameter's min, max and whether
it is quantized. ``write_envelope`` sends the steps (``engines.automation.Step``, times from the
region's start) as one blob; ``clear_envelope`` removes one envelope or all of a clip's;
``read_envelope`` reads the values at some times (the parameter's value where there is none).
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bridge import protocol
from engines.automation import Step

ENVELOPE_STEP = struct.Struct("<ddd")  # time_beats, duration_beats, value: RS_WRITE_ENVELOPE's blob
ENVELOPE_TIME = struct.Struct("<d")  # RS_READ_ENVELOPE's times, beats from the region's start


@dataclass(frozen=True, slots=True)
class EnvelopeTarget:
    track: int
    slot: int  # the session slot, or the arrangement clip's index on the track
    clip_start_beats: float  # 0 for a session clip
    clip_length_beats: float
    device: str  # as Live names it ("Mixer" for the track's mixer)
    parameter: str
    low: float
    high: float
    quantized: bool
    value: float  # the parameter's value now
    inserted: bool = False  # the device was loaded onto the track for this (it had none)


class LiveEnvelopes:
    async def request(
        self, address: str, *args: Any, timeout: float = 2.0, writes: bool = False
    ) -> list[Any]:
        raise NotImplementedError

    async def envelope_target(
        self, track: int, slot: int, at_beats: float, device: str, parameter: str, *, insert: bool = False
    ) -> EnvelopeTarget:
        """``insert``: a built-in device the track lacks is inserted (Live 12.3+; ``inserted`` says so)."""
        extra = (1,) if insert else ()
        reply = await self.request(
            protocol.RS_ENVELOPE_TARGET,
            track,
            slot,
            float(at_beats),
            device,
            parameter,
            *extra,
            writes=insert,
        )
        return EnvelopeTarget(
            int(reply[0]), int(reply[1]), float(reply[2]), float(reply[3]), str(reply[4]), str(reply[5]),
            float(reply[6]), float(reply[7]), bool(reply[8]), float(reply[9]), bool(insert and reply[10:11] == [1]),
        )  # fmt: skip

    async def write_envelope(
        self, track: int, slot: int, at_beats: float, device: str, parameter: str, steps: Sequence[Step], *,
        clear: bool,
    ) -> int:  # fmt: skip
        """Insert ``steps`` into the envelope there (as ``envelope_target`` found it) in one undo step
        (``clear``: the old envelope first)."""
        blob = b"".join(ENVELOPE_STEP.pack(s.time_beats, s.duration_beats, s.value) for s in steps)
        reply = await self.request(
            protocol.RS_WRITE_ENVELOPE, track, slot, float(at_beats), device, parameter,
            int(clear), blob, writes=True,
        )  # fmt: skip
        return int(reply[2])

    async def clear_envelope(
        self, track: int, slot: int, at_beats: float, device: str, parameter: str
    ) -> bool:
        """Remove the parameter's envelope there (both names "": every envelope); whether there was one."""
        reply = await self.request(
            protocol.RS_CLEAR_ENVELOPE, track, slot, float(at_beats), device, parameter, writes=True
        )
        return bool(reply[2])

    async def read_envelope(
        self, track: int, slot: int, at_beats: float, device: str, parameter: str, times: Sequence[float]
    ) -> dict[str, Any]:
        """The envelope's value at each of ``times``: device, parameter, min, max, has_envelope, values."""
        blob = b"".join(ENVELOPE_TIME.pack(float(t)) for t in times)
        reply = await self.request(
            protocol.RS_READ_ENVELOPE, track, slot, float(at_beats), device, parameter, blob
        )
        return {"track": int(reply[0]), "slot": int(reply[1]), "device": str(reply[2]), "parameter": str(reply[3]),
                "min": float(reply[4]), "max": float(reply[5]), "has_envelope": bool(reply[6]),
                "values": [float(v) for v in reply[7:]]}  # fmt: skip
