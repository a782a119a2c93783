"""The Remote Script's requests as typed calls: context, clips, audio, timing, tracks, scenes.

Mixed into ``bridge.live.client.LiveClient``, which sends them and matches the replies (a write
outlives its caller's cancellation until Live says whether it ran). Session MIDI clips are written
through ``bridge.live.writes`` (the one ``write``); the arrangement, audio, warp markers, tracks,
scenes and the context's settable fields here; the pushed context and its version in
``bridge.live.versions``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bridge import protocol
from bridge.live.replies import ClipInfo, LiveContext
from bridge.live.versions import DEFAULT_TIMEOUT_S, ContextCalls
from engines.errors import ProtocolError
from engines.music import Note


def check_note_count(count: int) -> None:
    """Refuse a write of more notes than its parts can carry (one that does not fit one datagram
    travels in RS_PART parts: ``LiveClient.request``)."""
    if count > protocol.MAX_NOTES_PER_WRITE:
        raise ProtocolError(
            f"{count:,} notes in one write: expected at most {protocol.MAX_NOTES_PER_WRITE:,}"
        )


def note_blob(notes: Sequence[Note]) -> tuple[bytes, ...]:
    """The notes as one NOTE_RECORD blob argument, or no argument for no notes (python-osc cannot
    send an empty blob)."""
    check_note_count(len(notes))
    return (protocol.pack_notes([n.as_tuple() for n in notes]),) if notes else ()


class LiveCalls(ContextCalls):
    track_list: list[tuple[str, bool]] | None

    async def query(self, address: str, *args: Any, timeout: float = DEFAULT_TIMEOUT_S) -> list[Any]:
        raise NotImplementedError

    def _pushed(self, seq: int, ctx: LiveContext) -> None:
        raise NotImplementedError

    async def write_arrangement_clip(
        self,
        track: int,
        start_beats: float,
        length_beats: float,
        name: str,
        notes: Sequence[Note],
        replace: bool = True,
    ) -> tuple[int, float, int]:
        """Write a MIDI clip into the arrangement at start_beats (Live 12.1.10+); returns
        (track, start_beats, note count). Without ``replace`` a region over another clip is refused."""
        reply = await self.request(
            protocol.RS_WRITE_ARRANGEMENT_CLIP,
            track,
            float(start_beats),
            float(length_beats),
            name,
            int(replace),
            *note_blob(notes),
            writes=True,
        )
        return int(reply[0]), float(reply[1]), int(reply[2])

    async def write_arrangement_clips(
        self,
        start_beats: float,
        length_beats: float,
        clips: Sequence[tuple[int, str, Sequence[Note]]],
        replace: bool,
    ) -> list[tuple[int, int]]:
        """Several MIDI clips (track, name, notes; each with notes) over one region in one undo step
        (Live 12.1.10+); returns (track, note count) per clip."""
        total = sum(len(notes) for _t, _n, notes in clips)
        check_note_count(total)
        flat = [v for track, name, notes in clips for v in (track, name, *note_blob(notes))]
        reply = await self.request(
            protocol.RS_WRITE_ARRANGEMENT_CLIPS, float(start_beats), float(length_beats), int(replace), *flat,
            writes=True,
        )  # fmt: skip
        return [(int(reply[i]), int(reply[i + 1])) for i in range(1, len(reply) - 1, 2)]

    async def rewrite_arrangement_clips(
        self, clips: Sequence[tuple[int, float, float, str, Sequence[Note]]]
    ) -> list[tuple[int, float, int]]:
        """MIDI clips (track, start, length, name, notes) each cutting what lies under it, in one undo
        step (Live 12.1.10+); returns (track, start_beats, note count) per clip."""
        total = sum(len(notes) for *_head, notes in clips)
        check_note_count(total)
        flat = [
            v
            for t, s, n, name, notes in clips
            for v in (t, float(s), float(n), name, len(notes), *note_blob(notes))
        ]
        reply = await self.request(protocol.RS_REWRITE_ARRANGEMENT_CLIPS, *flat, writes=True)
        return [(int(reply[i]), float(reply[i + 1]), int(reply[i + 2])) for i in range(0, len(reply) - 2, 3)]

    async def arrangement_clip_at(self, track: int, beat: float) -> tuple[int, int]:
        """(track, index) of the arrangement clip that plays at ``beat`` on ``track`` (-1: the selected)."""
        reply = await self.request(protocol.RS_ARRANGEMENT_CLIP_AT, track, float(beat))
        return int(reply[0]), int(reply[1])

    async def cues(self) -> list[tuple[float, str]]:
        """Every cue point in the Arrangement as (beats, name), earliest first."""
        reply = await self.request(protocol.RS_CUES)
        return [(float(reply[i]), str(reply[i + 1])) for i in range(0, len(reply) - 1, 2)]

    async def set_cues(self, cues: Sequence[tuple[float, str]]) -> int:
        """Named cue points at these beats (an existing one renamed); Live must be stopped."""
        flat = [v for beats, name in cues for v in (float(beats), name)]
        return int((await self.request(protocol.RS_SET_CUES, *flat, writes=True))[0])

    async def import_audio(
        self, track: int, slot: int, path: str, name: str, warp: bool, tempo_bpm: float
    ) -> tuple[int, int]:
        reply = await self.request(
            protocol.RS_IMPORT_AUDIO, track, slot, path, name, int(warp), float(tempo_bpm), writes=True
        )
        return int(reply[0]), int(reply[1])

    async def import_arrangement_audio(
        self,
        track: int,
        start_beats: float,
        path: str,
        name: str,
        tempo_bpm: float,
        replace: bool,
        warp: bool = True,
    ) -> tuple[int, float, float]:
        """An audio file as a tempo-locked arrangement clip (Live 12.0.5+); (track, start, length in beats).
        ``warp`` False: it plays unwarped from its first sample (tempo_bpm 0)."""
        reply = await self.request(
            protocol.RS_IMPORT_ARRANGEMENT_AUDIO, track, float(start_beats), path, name, int(warp), float(tempo_bpm),
            int(replace), writes=True,
        )  # fmt: skip
        return int(reply[0]), float(reply[1]), float(reply[2])

    async def copy_timing(
        self,
        src_track: int,
        src_slot: int,
        dst_track: int,
        dst_slot: int,
        arrangement: tuple[bool, bool] = (False, False),
    ) -> tuple[int, int]:
        """Give the audio clip at dst the warping, warp markers, markers and loop of the one at src.

        Both files must have the same length in samples (a stem and its source); returns (track, slot).
        ``arrangement`` (src, dst): that end's slot is an arrangement clip's index.
        """
        flags = (int(arrangement[0]), int(arrangement[1])) if any(arrangement) else ()
        reply = await self.request(
            protocol.RS_COPY_TIMING, src_track, src_slot, dst_track, dst_slot, *flags, writes=True
        )
        return int(reply[0]), int(reply[1])

    async def create_tracks(self, kind: str, after_track: int, names: Sequence[str]) -> int:
        reply = await self.request(protocol.RS_CREATE_TRACKS, kind, after_track, *names, writes=True)
        return int(reply[0])

    async def delete_tracks(self, first_track: int, names: Sequence[str]) -> int:
        """Take back tracks ``create_tracks`` made (``first_track`` and one per name after it) for a job
        that then failed; Live refuses, deleting nothing, when one was renamed or holds a clip."""
        reply = await self.request(protocol.RS_DELETE_TRACKS, first_track, *names, writes=True)
        return int(reply[1])

    async def tracks(self) -> list[tuple[str, bool]]:
        """Each track's name and whether it is a MIDI track, in Live's order: as Live pushed them when
        they agree with the pushed context's track count, else asked (one round trip)."""
        pushed = self.track_list
        if pushed is not None and self.pushed is not None and len(pushed) == self.pushed.num_tracks:
            return list(pushed)
        reply = await self.request(protocol.RS_TRACKS)
        return [(str(reply[i]), bool(int(reply[i + 1]))) for i in range(0, len(reply) - 1, 2)]

    async def clip_info(self, track: int, slot: int) -> ClipInfo:
        reply = await self.request(protocol.RS_CLIP_INFO, track, slot)
        return ClipInfo(*reply[2:])

    async def clip_notes(self, track: int, slot: int) -> list[Note]:
        """The notes of the MIDI clip at track/slot (common grammar), sorted by start then pitch."""
        reply = await self.query(protocol.CLIP_GET_NOTES, track, slot)
        values = reply[2:]
        if len(values) % len(protocol.NOTE_FIELDS):
            raise ProtocolError(f"{protocol.CLIP_GET_NOTES} reply of {len(values)} values is not whole notes")
        notes = [
            Note(int(p), float(s), float(d), int(v), bool(m))
            for p, s, d, v, m in zip(*[iter(values)] * len(protocol.NOTE_FIELDS), strict=True)
        ]
        return sorted(notes, key=lambda n: (n.start_beats, n.pitch))

    async def clip_info_at(self, track: int, slot: int, arrangement: bool) -> tuple[int, int, ClipInfo]:
        """(track, slot, info) of a session clip or, with arrangement, an arrangement clip by index
        (-1 / -1: the one in Live's Clip View); the reply names the clip actually read."""
        reply = await self.request(protocol.RS_CLIP_INFO, track, slot, int(arrangement))
        return int(reply[0]), int(reply[1]), ClipInfo(*reply[2:])

    async def write_warp_markers(
        self,
        track: int,
        slot: int,
        arrangement: bool,
        markers: Sequence[tuple[float, float]],
        *,
        start_beats: float,
        end_beats: float,
        loop_start_beats: float,
        loop_end_beats: float,
    ) -> int:
        """Warp an audio clip with (sample seconds, beats) markers, its start/end markers and loop
        in one main-thread step and undo step; returns the marker count Live took."""
        if not 2 <= len(markers) <= protocol.MAX_WARP_MARKERS_PER_MESSAGE:
            raise ProtocolError(
                f"{len(markers)} warp markers: expected 2..{protocol.MAX_WARP_MARKERS_PER_MESSAGE} per clip"
            )
        reply = await self.request(
            protocol.RS_WRITE_WARP_MARKERS,
            track,
            slot,
            int(arrangement),
            float(start_beats),
            float(end_beats),
            float(loop_start_beats),
            float(loop_end_beats),
            protocol.pack_warp_markers([(float(s), float(b)) for s, b in markers]),
            writes=True,
        )
        return int(reply[2])

    async def name_scene(self, scene: int, name: str) -> None:
        await self.request(protocol.RS_NAME_SCENE, scene, name, writes=True)

    async def set_context(self, **values: Any) -> None:
        args: list[Any] = []
        for name, value in values.items():
            if name not in protocol.SETTABLE_CONTEXT:
                raise ProtocolError(
                    f"context field {name!r} cannot be set: expected one of {protocol.SETTABLE_CONTEXT}"
                )
            args += [name, value]
        await self.request(protocol.RS_SET_CONTEXT, *args, writes=True)

    async def set_data(self, key: str, value: str) -> None:
        """Keep ``value`` (JSON text) in the Set under ``key`` (Song.set_data; saved with the Set)."""
        await self.request(protocol.RS_SET_DATA, key, value)

    async def get_data(self, key: str) -> str:
        """What the Set keeps under ``key``; "" when nothing is stored."""
        reply = await self.request(protocol.RS_GET_DATA, key)
        return str(reply[0])

    async def loop_brace(self) -> tuple[float, float]:
        """The Arrangement's loop brace: (start, length) in beats."""
        start = await self.query(protocol.SONG_GET + "loop_start")
        length = await self.query(protocol.SONG_GET + "loop_length")
        return float(start[-1]), float(length[-1])
