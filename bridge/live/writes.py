"""Writing a MIDI clip into a session slot: the one ``write`` every action calls (mixed into LiveClient).

``write(clip, expect=...)`` takes the clip (``ClipWrite``: where, how long, its name and notes,
whether it may replace a clip) and what the request expects of Live when it lands (``Expect``:
the pushed context version it was made for, whether the selection picked the slot, the source
clip's checks). It picks the Remote Script message itself:

- nothing expected, or no context pushed yet (version -1): /roo/live/write_clip, a plain write;
- a source clip to check: /roo/live/write_clip_from, refused with ``StaleSource`` (what the
  source holds now) when the source changed since it was read, and as below;
- otherwise: /roo/live/write_clip_for, refused with ``StaleContext`` (the context Live holds now)
  when the song context changed since in a way that matters to the write.

Live checks in the write's own main-thread step, so a stale write is refused instead of landing.
The three message calls stay public for the tests that watch a write in flight; actions call
``write`` only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bridge import protocol
from bridge.live.calls import DEFAULT_TIMEOUT_S, note_blob
from bridge.live.replies import LiveContext
from engines.errors import LiveError
from engines.music import Note

# replies that carry the context Live holds after the write: (req, track, slot, count, seq, context...)
CONTEXT_REPLIES = (protocol.RS_WRITE_CLIP_FOR, protocol.RS_WRITE_CLIP_FROM)
SLOT_WRITES = (protocol.RS_WRITE_CLIP, *CONTEXT_REPLIES)  # replies (req, track, slot, ...) of a clip write


class StaleContext(LiveError):
    """Live refused a write made for an older song context; carries the context Live holds now."""

    def __init__(self, seq: int, context: LiveContext) -> None:
        super().__init__(f"the song context changed (now {seq}) after the part was made for it")
        self.seq = seq
        self.context = context


@dataclass(frozen=True, slots=True)
class ClipWrite:
    """A MIDI clip to write into a session slot (Live moves it down to the next empty slot unless
    ``replace``)."""

    track: int
    slot: int
    length_beats: float
    name: str
    notes: Sequence[Note]
    replace: bool = False


@dataclass(frozen=True, slots=True)
class Expect:
    """What a request expects of Live when its clip lands.

    context_seq: the pushed context version the clip was made for (-1: none was pushed; the write
    is then plain and checks nothing); follows_selection: the selection picked the slot (a changed
    selection refuses the write); source: (track, slot, digest) of the source clip it was made
    from (digest "": made for that slot being empty), or None."""

    context_seq: int = -1
    follows_selection: bool = False
    source: tuple[int, int, str] | None = None


class ClipWrites:
    notes_at: dict[tuple[int, int], int]  # bridge.live.sources

    async def request(
        self, address: str, *args: Any, timeout: float = DEFAULT_TIMEOUT_S, writes: bool = False
    ) -> list[Any]:
        raise NotImplementedError

    def _pushed(self, seq: int, ctx: LiveContext) -> None:
        raise NotImplementedError

    def forget(self, track: int, slot: int | None = None) -> None:  # bridge.live.sources: kept readings
        raise NotImplementedError

    def wrote(self, address: str, values: Sequence[Any]) -> None:
        """A clip write's reply as it arrives (``values`` after the request id), in the order Live sent
        it: the context it carries is taken and the slot's kept readings go. Done here rather than
        when the writer resumes, because Live pushes the slot's new reading right after the reply (the
        same tick), and both can arrive first: forgetting then would drop the new reading."""
        if address in CONTEXT_REPLIES:
            self._pushed(int(values[3]), LiveContext.from_args(values[4:]))
        self.forget(int(values[0]), int(values[1]))
        self.notes_at[(int(values[0]), int(values[1]))] = int(values[2])  # a read of it waits for them

    async def write(self, clip: ClipWrite, expect: Expect | None = None) -> tuple[int, int, int]:
        """Write ``clip`` in one main-thread step of Live, checked against ``expect``; returns
        (track, slot, note count) where it landed. Raises StaleContext or StaleSource when Live
        refused it as stale."""
        c = clip
        if expect is None or expect.context_seq < 0:
            return await self.write_clip(c.track, c.slot, c.length_beats, c.name, c.notes, c.replace)
        seq, follows = expect.context_seq, expect.follows_selection
        if expect.source is not None:
            return await self.write_clip_from(
                expect.source, seq, follows, c.track, c.slot, c.length_beats, c.name, c.notes, c.replace
            )
        return await self.write_clip_for(
            seq, follows, c.track, c.slot, c.length_beats, c.name, c.notes, c.replace
        )

    async def write_clip(
        self, track: int, slot: int, length_beats: float, name: str, notes: Sequence[Note], replace: bool
    ) -> tuple[int, int, int]:
        """/roo/live/write_clip: a whole MIDI clip in one main-thread step, nothing checked."""
        reply = await self.request(
            protocol.RS_WRITE_CLIP, track, slot, float(length_beats), name, int(replace), *note_blob(notes),
            writes=True,
        )  # fmt: skip
        return int(reply[0]), int(reply[1]), int(reply[2])  # the kept readings went on arrival (wrote)

    async def write_clip_for(
        self,
        context_seq: int,
        follows_selection: bool,
        track: int,
        slot: int,
        length_beats: float,
        name: str,
        notes: Sequence[Note],
        replace: bool,
    ) -> tuple[int, int, int]:
        """/roo/live/write_clip_for: made for context ``context_seq``; raises StaleContext."""
        reply = await self.request(
            protocol.RS_WRITE_CLIP_FOR, int(context_seq), int(follows_selection), track, slot,
            float(length_beats), name, int(replace), *note_blob(notes), writes=True,
        )  # fmt: skip
        return self._landed(reply)

    async def write_clip_from(
        self,
        source: tuple[int, int, str],
        context_seq: int,
        follows_selection: bool,
        track: int,
        slot: int,
        length_beats: float,
        name: str,
        notes: Sequence[Note],
        replace: bool,
    ) -> tuple[int, int, int]:
        """/roo/live/write_clip_from: write_clip_for made from ``source``; raises StaleSource (with
        what the source holds now) when it changed since it was read, StaleContext as above."""
        reply = await self.request(
            protocol.RS_WRITE_CLIP_FROM, int(context_seq), int(follows_selection), *source, track, slot,
            float(length_beats), name, int(replace), *note_blob(notes), writes=True,
        )  # fmt: skip
        return self._landed(reply)

    def _landed(self, reply: list[Any]) -> tuple[int, int, int]:
        """A write_clip_for or write_clip_from that Live ran: its reply is (track, slot, note count,
        context seq, context...); its context and the slot's kept readings were seen to on arrival."""
        return int(reply[0]), int(reply[1]), int(reply[2])
