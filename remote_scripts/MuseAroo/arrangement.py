"""Arrangement-view clips: MIDI (/roo/live/write_arrangement_clip, Live 12.1.10+) and audio
(/roo/live/import_arrangement_audio, Live 12.0.5+).

``Track.create_midi_clip(start, length)`` appeared in Live 12.1.10; on an older Live the
request is answered on /live/error with the version, and callers keep to session clips
(scenes). Like write_clip, the request is validated completely before Live is touched and the
clip is created, named and filled inside one undo step.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import Live

from . import roo_protocol as protocol
from . import tempo_lock
from .clip import blob_specs
from .places import arrangement_clip_at, arrangement_clip_of, bar_at, bars_from_to, track_of
from .request import Request, RequestError, track_index
from .roo import AUDIO_CLIP_SINCE, MAX_CLIP_BEATS, live_version, request_id

if TYPE_CHECKING:
    Handler = Callable[[Request], Sequence[Any] | None]

ARRANGEMENT_CLIP_SINCE = (12, 1, 10)


class ArrangementHandler:
    def __init__(self, song: Live.Song.Song) -> None:
        self.song = song

    def handlers(self) -> dict[str, Handler]:
        return {
            protocol.RS_WRITE_ARRANGEMENT_CLIP: self.write_arrangement_clip,
            protocol.RS_IMPORT_ARRANGEMENT_AUDIO: self.import_arrangement_audio,
            protocol.RS_WRITE_ARRANGEMENT_CLIPS: self.write_arrangement_clips,
            protocol.RS_ARRANGEMENT_CLIP_AT: self.arrangement_clip_at,
            protocol.RS_REWRITE_ARRANGEMENT_CLIPS: self.rewrite_arrangement_clips,
        }

    def _refuse_overlap(self, target: Any, track: int, start: float, length: float) -> None:
        under = [c for c in target.arrangement_clips if c.start_time < start + length and start < c.end_time]
        if under:
            clip = under[0]
            raise RequestError(
                f"{arrangement_clip_of(self.song, track, clip)} (to {bar_at(clip.end_time, self.song)}) lies "
                f"over {bars_from_to(start, start + length, self.song)}: expected an empty region, or "
                "replace 1 (the new clip then cuts what lies under it)"
            )

    def import_arrangement_audio(self, request: Request) -> Sequence[Any]:
        """An audio file as an arrangement clip at start_beats, locked to tempo_bpm (warp 1) as
        import_audio locks a session clip; one undo step. Live 12.0.5+ (Track.create_audio_clip,
        which returns the clip from 12.2 on; before, the clip is found at its start)."""
        request.expect_count(8, 8, "req, track, start_beats, path, name, warp, tempo_bpm, replace")
        req = request_id(request)
        track = track_index(self.song, request.int_at(1, "track"), allow_selected=True)
        start = request.float_at(2, "start_beats", 0.0, MAX_CLIP_BEATS)
        path, name = request.str_at(3, "path"), request.str_at(4, "name")
        warp, tempo_bpm = request.int_at(5, "warp", 0, 1), request.float_at(6, "tempo_bpm", 0.0, 999.0)
        replace = request.int_at(7, "replace", 0, 1)
        target = self.song.tracks[track]
        version = live_version()
        if version < AUDIO_CLIP_SINCE or not hasattr(target, "create_audio_clip"):
            raise RequestError(
                "arrangement audio clips need Live 12.0.5 or newer (Track.create_audio_clip); this is Live "
                f"{'.'.join(str(v) for v in version)}"
            )
        if not target.has_audio_input:
            raise RequestError(f"{track_of(self.song, track)} is a MIDI track: expected an audio track")
        if not path or not os.path.isabs(path) or not os.path.isfile(path):
            raise RequestError(f"path {path!r}: expected the absolute path of an existing audio file")
        try:
            duration_s, beats = tempo_lock.plan(path, tempo_bpm) if warp and tempo_bpm > 0.0 else (0.0, 0.0)
        except tempo_lock.TempoLockError as exc:
            raise RequestError(f"{path!r}: {exc}; nothing was imported") from exc
        if not replace and beats > 0.0:
            self._refuse_overlap(target, track, start, beats)
        self.song.begin_undo_step()
        try:
            made = target.create_audio_clip(path, start)
            if made is None:  # Live before 12.2 returns nothing: the clip that starts there
                made = next(c for c in target.arrangement_clips if abs(c.start_time - start) < 1e-6)
            if name:
                made.name = name
            made.warping = bool(warp)
            if beats > 0.0:
                tempo_lock.lock(made, duration_s, beats)
        finally:
            self.song.end_undo_step()
        return (req, track, start, float(made.end_time - made.start_time))

    def write_arrangement_clip(self, request: Request) -> Sequence[Any]:
        request.expect_count(6, 7, "req, track, start_beats, length_beats, name, replace, notes blob")
        req = request_id(request)
        track = track_index(self.song, request.int_at(1, "track"), allow_selected=True)
        start = request.float_at(2, "start_beats", 0.0, MAX_CLIP_BEATS)
        length = request.float_at(3, "length_beats", 1.0 / 64, MAX_CLIP_BEATS)
        name = request.str_at(4, "name")
        replace = request.int_at(5, "replace", 0, 1)
        specs = blob_specs(request, 6)
        target = self._midi_target(track)
        if not replace:
            self._refuse_overlap(target, track, start, length)
        self.song.begin_undo_step()
        try:
            new = target.create_midi_clip(start, length)
            new.name = name
            new.add_new_notes(specs)
        finally:
            self.song.end_undo_step()
        return (req, track, start, len(specs))

    def _midi_target(self, track: int) -> Any:
        """The MIDI track an arrangement clip is written on; refused before Live 12.1.10."""
        target = self.song.tracks[track]
        version = live_version()
        if version < ARRANGEMENT_CLIP_SINCE or not hasattr(target, "create_midi_clip"):
            raise RequestError(
                "arrangement clips need Live 12.1.10 or newer (Track.create_midi_clip); this is Live "
                f"{'.'.join(str(v) for v in version)}, so only session clips (scenes) can be written"
            )
        if not target.has_midi_input:
            raise RequestError(
                f"{track_of(self.song, track)} is an audio track: write_arrangement_clip expected a MIDI track"
            )
        return target

    def write_arrangement_clips(self, request: Request) -> Sequence[Any]:
        """Several MIDI clips over one region, one per track, in one undo step: every track and note is
        checked (and, without replace, every overlap refused) before the first clip is made."""
        request.expect_count(7, None, "req, start_beats, length_beats, replace, (track, name, notes blob)+")
        if (len(request.args) - 4) % 3:
            raise RequestError(
                f"{len(request.args) - 4} arguments after replace: expected (track, name, notes blob) per clip"
            )
        req = request_id(request)
        start = request.float_at(1, "start_beats", 0.0, MAX_CLIP_BEATS)
        length = request.float_at(2, "length_beats", 1.0 / 64, MAX_CLIP_BEATS)
        replace = request.int_at(3, "replace", 0, 1)
        clips: list[tuple[int, Any, str, list[Any]]] = []
        for at in range(4, len(request.args), 3):
            track = track_index(self.song, request.int_at(at, "track"))
            if any(track == seen for seen, *_ in clips):
                raise RequestError(
                    f"{track_of(self.song, track)} is named twice: expected one clip per track"
                )
            target = self._midi_target(track)
            clips.append((track, target, request.str_at(at + 1, "name"), blob_specs(request, at + 2)))
        if not replace:
            for track, target, _name, _specs in clips:
                self._refuse_overlap(target, track, start, length)
        self.song.begin_undo_step()
        try:
            for _track, target, name, specs in clips:
                new = target.create_midi_clip(start, length)
                new.name = name
                new.add_new_notes(specs)
        finally:
            self.song.end_undo_step()
        return (req, start, *[v for track, _t, _n, specs in clips for v in (track, len(specs))])

    def rewrite_arrangement_clips(self, request: Request) -> Sequence[Any]:
        """MIDI clips each at its own start and length, cutting what lies under them, in one undo step;
        everything is checked before the first clip is made."""
        request.expect_count(
            6, None, "req, (track, start_beats, length_beats, name, note_count, notes blob)+"
        )
        req = request_id(request)
        clips: list[tuple[int, Any, float, float, str, list[Any]]] = []
        at = 1
        while at < len(request.args):
            if at + 5 > len(request.args):
                raise RequestError(
                    f"clip at argument {at}: expected track, start_beats, length_beats, name, note_count"
                )
            track = track_index(self.song, request.int_at(at, "track"))
            start = request.float_at(at + 1, "start_beats", 0.0, MAX_CLIP_BEATS)
            length = request.float_at(at + 2, "length_beats", 1.0 / 64, MAX_CLIP_BEATS)
            name, count = request.str_at(at + 3, "name"), request.int_at(at + 4, "note_count", 0)
            specs = blob_specs(request, at + 5) if count else []
            if len(specs) != count:
                where = arrangement_clip_at(track, start, self.song, str(self.song.tracks[track].name), name)
                raise RequestError(f"{where}: note_count {count}, the blob holds {len(specs)}")
            for other, _t, o_start, o_length, _n, _s in clips:
                if other == track and o_start < start + length and start < o_start + o_length:
                    raise RequestError(
                        f"{track_of(self.song, track)}: clips at {bar_at(o_start, self.song)} and "
                        f"{bar_at(start, self.song)} overlap: expected apart"
                    )
            clips.append((track, self._midi_target(track), start, length, name, specs))
            at += 6 if count else 5
        self.song.begin_undo_step()
        try:
            for _track, target, start, length, name, specs in clips:
                new = target.create_midi_clip(start, length)
                new.name = name
                new.add_new_notes(specs)
        finally:
            self.song.end_undo_step()
        return (req, *[v for track, _t, start, _l, _n, specs in clips for v in (track, start, len(specs))])

    def arrangement_clip_at(self, request: Request) -> Sequence[Any]:
        """The index (as clip_info counts it) of the track's arrangement clip that plays at beat."""
        request.expect_count(3, 3, "req, track, beat")
        req = request_id(request)
        track = track_index(self.song, request.int_at(1, "track"), allow_selected=True)
        beat = request.float_at(2, "beat", 0.0, MAX_CLIP_BEATS)
        clips = list(self.song.tracks[track].arrangement_clips)
        for index, clip in enumerate(clips):
            if clip.start_time <= beat < clip.end_time:
                return (req, track, index)
        held = ", ".join(bars_from_to(c.start_time, c.end_time, self.song) for c in clips)
        raise RequestError(
            f"{track_of(self.song, track)} holds no arrangement clip at {bar_at(beat, self.song)} (beat {beat:g}): "
            "expected a place inside one of "
            + (f"its clips ({held})" if held else "its clips, but it holds none")
        )
