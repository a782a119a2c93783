"""Reading a source clip in one round trip, and keeping what was read (mixed into LiveClient).

``clip_read`` answers a clip's facts, notes and digest (/roo/live/clip_read). A generate that
follows a clip may take the reading kept from an earlier request (``cached``) and write with a
source check (``bridge.live.writes``): the Remote Script checks, in the write's own main-thread
step, that the source still has that digest, and otherwise refuses with what it holds now (``StaleSource``), so
the part is made again from it. A kept reading is never used without that check; it is dropped
when the daemon writes into its slot, when Live pushes that its slot filled or emptied, and when
the track or scene lists change. The selected clip Live pushes as it changes (``clip_pushed``) is
kept the same way, so following it needs no read at click time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from bridge import protocol
from bridge.live.parts import notes_wait_s
from bridge.live.replies import ClipInfo
from bridge.live.versions import DEFAULT_TIMEOUT_S
from engines.errors import LiveError, ProtocolError
from engines.music import Note

FACTS = len(protocol.CLIP_INFO_FIELDS)
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Reading:
    """A session clip as one clip_read saw it."""

    track: int
    slot: int
    digest: str
    info: ClipInfo
    notes: list[Note]


class StaleSource(LiveError):
    """Live refused a write made from a source clip that has changed since; carries what it holds
    now (None: the slot is empty)."""

    def __init__(self, track: int, slot: int, reading: Reading | None) -> None:
        super().__init__(f"track {track} slot {slot} changed after the part was made from it")
        self.track, self.slot, self.reading = track, slot, reading


def parse_reading(track: int, slot: int, values: Sequence[Any]) -> Reading | None:
    """A Reading from clip_read's values after track and slot (digest, facts, [notes blob])."""
    if not values or values[0] == "":
        return None
    if len(values) not in (1 + FACTS, 2 + FACTS):
        raise ProtocolError(f"a clip reading of {len(values)} values: expected {1 + FACTS} or {2 + FACTS}")
    try:
        rows = protocol.unpack_notes(bytes(values[1 + FACTS])) if len(values) > 1 + FACTS else []
    except (TypeError, ValueError) as exc:
        raise ProtocolError(f"a clip reading's notes: {exc}") from exc
    notes = [Note(int(p), float(s), float(d), int(v), bool(m)) for p, s, d, v, m in rows]
    return Reading(track, slot, str(values[0]), ClipInfo(*values[1 : 1 + FACTS]), notes)


class SourceCalls:
    readings: dict[tuple[int, int], Reading]
    notes_at: dict[tuple[int, int], int]  # the notes a session slot's clip was last seen to hold
    slots: dict[int, str]
    on_reading: Callable[[Reading], None] | None

    async def request(
        self, address: str, *args: Any, timeout: float = 2.0, writes: bool = False
    ) -> list[Any]:
        raise NotImplementedError

    async def clip_read(
        self, track: int, slot: int, *, cached: bool = False, arrangement: bool = False
    ) -> Reading:
        """The session clip at track/slot (-1: the selected track / scene) in one round trip; an
        audio clip has no notes. cached: a kept reading of a MIDI clip with notes, if there is one
        (only for a write that checks its source). arrangement: the track's arrangement clip of
        index ``slot`` (by start time; its info says where it starts), never kept."""
        if arrangement:
            reply = await self.request(protocol.RS_CLIP_READ, track, slot, 1)
            found = parse_reading(int(reply[0]), int(reply[1]), reply[2:])
            if found is None:
                raise ProtocolError(f"{protocol.RS_CLIP_READ} answered an arrangement clip as empty")
            return found
        kept = self.readings.get((track, slot)) if cached else None
        if kept is not None:
            return kept
        wait_s = notes_wait_s(DEFAULT_TIMEOUT_S, self.notes_at.get((track, slot), 0))  # Live reads each
        reply = await self.request(protocol.RS_CLIP_READ, track, slot, timeout=wait_s)
        reading = parse_reading(int(reply[0]), int(reply[1]), reply[2:])
        if reading is None:
            raise ProtocolError(f"{protocol.RS_CLIP_READ} answered an empty slot as a clip")
        self.notes_at[(reading.track, reading.slot)] = len(reading.notes)
        if reading.notes and not reading.info.is_audio_clip:
            self.readings[(reading.track, reading.slot)] = reading
        return reading

    def clip_pushed(self, track: int, slot: int, values: Sequence[Any]) -> None:
        """Live pushed the selected slot (RS_CLIP_PUSH): a MIDI clip with notes is kept as if read
        (a write made from it still checks it in Live), and anything else kept of that slot goes."""
        try:
            reading = parse_reading(track, slot, values)
        except ProtocolError as exc:
            log.warning("dropped a bad selected-clip push from Live: %s", exc)
            return
        self.forget(track, slot)
        self.notes_at[(track, slot)] = len(reading.notes) if reading is not None else 0
        if reading is not None and reading.notes and not reading.info.is_audio_clip:
            self.readings[(track, slot)] = reading
            if self.on_reading is not None:
                self.on_reading(reading)

    def forget(self, track: int, slot: int | None = None) -> None:
        """Drop the kept readings of a slot (None: of the whole track)."""
        for key in [k for k in self.readings if k[0] == track and slot in (None, k[1])]:
            del self.readings[key]

    def stale_source(self, args: Sequence[Any]) -> StaleSource:
        """The exception for an RS_STALE_SOURCE refusal's values after the request id."""
        track, slot = int(args[0]), int(args[1])
        reading = parse_reading(track, slot, args[2:])
        self.forget(track, slot)
        if reading is not None and reading.notes and not reading.info.is_audio_clip:
            self.readings[(track, slot)] = reading
        fill = self.slots.get(track, "")
        if slot < len(fill):  # what Live answered is newer than the fill state it pushed
            self.slots[track] = fill[:slot] + ("0" if reading is None else "1") + fill[slot + 1 :]
        return StaleSource(track, slot, reading)
