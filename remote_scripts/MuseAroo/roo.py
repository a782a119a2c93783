"""MuseAroo's own clip, track and scene messages (/roo/live/*): each one main-thread step.

Every request starts with a request id (int or string) that the reply repeats. Writes are
validated completely before Live is touched and then run inside one undo step, so Cmd-Z in
Live takes a whole generated clip back. Track -1 / slot -1 mean the selected track / scene.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import Live

from . import roo_protocol as protocol
from . import tempo_lock, timing
from .clip import blob_specs
from .places import clip_of, slot_of, track_at, track_of
from .request import Request, RequestError, arrangement_clip, clip, next_empty_slot, slot_index, track_index

if TYPE_CHECKING:
    Handler = Callable[[Request], Sequence[Any] | None]

MAX_CLIP_BEATS = 1576800.0
AUDIO_CLIP_SINCE = (12, 0, 5)


def request_id(request: Request) -> Any:
    if not request.args:
        raise RequestError(
            f"{request.address}: expected a request id (int or string) first, got no arguments"
        )
    req = request.args[0]
    if isinstance(req, bool) or not isinstance(req, (int, str)):
        raise RequestError(f"request id {req!r} ({type(req).__name__}): expected an int or a string")
    return req


def live_version() -> tuple:
    app = Live.Application.get_application()
    return (app.get_major_version(), app.get_minor_version(), app.get_bugfix_version())


class RooHandler:
    def __init__(self, song: Live.Song.Song) -> None:
        self.song = song

    def handlers(self) -> dict[str, Handler]:
        return {
            protocol.RS_WRITE_CLIP: self.write_clip,
            protocol.RS_IMPORT_AUDIO: self.import_audio,
            protocol.RS_COPY_TIMING: self.copy_timing,
            protocol.RS_CREATE_TRACKS: self.create_tracks,
            protocol.RS_DELETE_TRACKS: self.delete_tracks,
            protocol.RS_NAME_SCENE: self.name_scene,
            protocol.RS_TRACKS: self.tracks,
        }

    def _target(self, request: Request) -> tuple:
        track = track_index(self.song, request.int_at(1, "track"), allow_selected=True)
        slot = slot_index(self.song, request.int_at(2, "slot"), allow_selected=True)
        return track, slot

    def write_clip(self, request: Request) -> Sequence[Any]:
        request.expect_count(6, 7, "req, track, slot, length_beats, name, replace, notes blob")
        req = request_id(request)
        track, slot = self._target(request)
        length = request.float_at(3, "length_beats", 1.0 / 64, MAX_CLIP_BEATS)
        name = request.str_at(4, "name")
        replace = request.int_at(5, "replace", 0, 1)
        specs = blob_specs(request, 6)
        target = self.song.tracks[track]
        if not target.has_midi_input:
            raise RequestError(
                f"{track_of(self.song, track)} is an audio track: write_clip expected a MIDI track"
            )
        self.song.begin_undo_step()
        try:
            if target.clip_slots[slot].has_clip:
                if replace:
                    target.clip_slots[slot].delete_clip()
                else:
                    slot = next_empty_slot(self.song, track, slot)
            new = target.clip_slots[slot].create_clip(length)
            new.name = name
            new.looping = True
            new.add_new_notes(specs)
        finally:
            self.song.end_undo_step()
        return (req, track, slot, len(specs))

    def import_audio(self, request: Request) -> Sequence[Any]:
        """Import a file into a session slot; with warp 1 and tempo_bpm > 0, lock it to that tempo.

        tempo_bpm is the tempo at which the whole file spans its musical length: the clip gets
        warp markers (0 s, beat 0) and (file seconds, file seconds * tempo_bpm / 60 beats, on the
        1/64 beat when within a sample of it) and loops on that length. So a MusicGen loop of N
        bars rendered at the song tempo is exactly N bars, and a stem given its source clip's
        tempo (60 * the source's beats / its file's seconds) lines up with a source warped at one
        tempo from the file's start. warp 1 with tempo_bpm 0 keeps Live's own auto-warp; warp 0
        plays the file unwarped (tempo_bpm unused).
        The lock reads the length from the WAV header; for another format the clip stays with
        Live's own warping and the request is answered on /live/error. If Live refuses the
        markers, the clip is removed again and the error names the file.
        """
        request.expect_count(7, 7, "req, track, slot, path, name, warp, tempo_bpm")
        req = request_id(request)
        track, slot = self._target(request)
        path = request.str_at(3, "path")
        name = request.str_at(4, "name")
        warp = request.int_at(5, "warp", 0, 1)
        tempo_bpm = request.float_at(6, "tempo_bpm", 0.0, 999.0)
        version = live_version()
        target = self.song.tracks[track]
        if version < AUDIO_CLIP_SINCE or not hasattr(target.clip_slots[slot], "create_audio_clip"):
            raise RequestError(
                "import_audio needs Live 12.0.5 or newer (ClipSlot.create_audio_clip); "
                f"this is Live {'.'.join(str(v) for v in version)}"
            )
        if not target.has_audio_input:
            raise RequestError(
                f"{track_of(self.song, track)} is a MIDI track: import_audio expected an audio track"
            )
        if not path or not os.path.isabs(path):
            raise RequestError(f"path {path!r}: expected the absolute path of an audio file")
        if not os.path.isfile(path):
            raise RequestError(f"path {path!r}: no such file")
        duration_s = beats = 0.0
        unlocked = ""  # why a wanted tempo lock cannot be applied
        if warp and tempo_bpm > 0.0:
            try:
                duration_s, beats = tempo_lock.plan(path, tempo_bpm)
            except tempo_lock.TempoLockError as exc:
                unlocked = str(exc)
            if beats > MAX_CLIP_BEATS:
                raise RequestError(
                    f"{path!r}: {duration_s:g} s at {tempo_bpm:g} BPM is {beats:g} beats: "
                    f"expected at most {MAX_CLIP_BEATS:g}"
                )
        self.song.begin_undo_step()
        try:
            if target.clip_slots[slot].has_clip:
                slot = next_empty_slot(self.song, track, slot)
            try:
                new = target.clip_slots[slot].create_audio_clip(path)
            except RuntimeError as exc:  # Live's message need not name the file
                raise RequestError(f"{path!r}: Live raised {type(exc).__name__}: {exc}") from exc
            if name:
                new.name = name
            new.warping = bool(warp)
            if beats > 0.0:
                try:
                    tempo_lock.lock(new, duration_s, beats)
                except Exception as exc:  # TempoLockError, or what Live raised for a marker or loop
                    target.clip_slots[slot].delete_clip()
                    raise RequestError(
                        f"{path!r}: cannot lock the clip to {tempo_bpm:g} BPM "
                        f"({type(exc).__name__}: {exc}); nothing was imported"
                    ) from exc
        finally:
            self.song.end_undo_step()
        if unlocked:
            raise RequestError(
                f"{path!r}: {unlocked}; imported at {slot_of(self.song, track, slot)} with Live's own warping "
                f"instead of {tempo_bpm:g} BPM"
            )
        return (req, track, slot)

    def copy_timing(self, request: Request) -> Sequence[Any]:
        """Give the destination audio clip the source's warping, warp markers, markers and loop."""
        request.expect_count(
            5, 7, "req, src_track, src_slot, dst_track, dst_slot, [src_arrangement, dst_arrangement]"
        )
        req = request_id(request)
        ends = []
        for i, role in ((1, "src"), (3, "dst")):
            flag = 5 + (role == "dst")
            arranged = request.int_at(flag, f"{role}_arrangement", 0, 1) if len(request.args) > flag else 0
            if arranged:  # the slot is the index among the track's arrangement clips
                track, slot, found = arrangement_clip(self.song, request.int_at(i, f"{role}_track"),
                                                      request.int_at(i + 1, f"{role}_slot"))  # fmt: skip
            else:
                track = track_index(self.song, request.int_at(i, f"{role}_track"))
                slot = slot_index(self.song, request.int_at(i + 1, f"{role}_slot"))
                found = clip(self.song, track, slot)
            ends.append((track, slot, found, clip_of(self.song, track, slot, found, bool(arranged))))
        (_st, _ss, src, src_where), (dt, ds, dst, dst_where) = ends
        timing.copy(self.song, src, dst, src_where, dst_where)
        return (req, dt, ds)

    def create_tracks(self, request: Request) -> Sequence[Any]:
        request.expect_count(3, 67, "req, kind ('midi'|'audio'), after_track (-1 = at the end), name*")
        req = request_id(request)
        kind = request.str_at(1, "kind")
        if kind not in ("midi", "audio"):
            raise RequestError(f"kind {kind!r}: expected 'midi' or 'audio'")
        count = len(self.song.tracks)
        after = request.int_at(2, "after_track", -1, count - 1)
        names = [request.str_at(i, f"name {i - 3}") for i in range(3, len(request.args))] or [""]
        first = count if after == -1 else after + 1
        create = self.song.create_midi_track if kind == "midi" else self.song.create_audio_track
        selected = self.song.view.selected_track  # Live selects a new track: the producer's stays
        self.song.begin_undo_step()
        try:
            for offset, name in enumerate(names):
                track = create(first + offset)
                if name:
                    track.name = name
        finally:
            self.song.end_undo_step()
            if selected is not None:
                self.song.view.selected_track = selected
        return (req, first, len(names))

    def delete_tracks(self, request: Request) -> Sequence[Any]:
        """Take back tracks create_tracks made for a job that then failed: ``first_track`` and one
        track per name after it, each only while it still has that name and holds no clip (nothing
        the producer put there meanwhile). All are checked before Live is touched; one undo step."""
        request.expect_count(3, 66, "req, first_track, name+")
        req = request_id(request)
        names = [request.str_at(i, f"name {i - 2}") for i in range(2, len(request.args))]
        count = len(self.song.tracks)
        if len(names) >= count:
            raise RequestError(f"deleting {len(names)} of the {count} tracks would leave the Set without one")
        first = request.int_at(1, "first_track", 0, count - len(names))
        for index, name in enumerate(names, start=first):
            track = self.song.tracks[index]
            if track.name != name:
                raise RequestError(f"{track_at(index)} is {track.name!r}, not {name!r}: nothing deleted")
            session = any(slot.has_clip for slot in track.clip_slots)
            if session or len(getattr(track, "arrangement_clips", ())):
                raise RequestError(f"{track_at(index, name)} holds a clip: nothing deleted")
        self.song.begin_undo_step()
        try:
            for index in reversed(range(first, first + len(names))):
                self.song.delete_track(index)
        finally:
            self.song.end_undo_step()
        return (req, first, len(names))

    def tracks(self, request: Request) -> Sequence[Any]:
        """Each track's name and whether it takes MIDI (where a part may go), in Live's order."""
        request.expect_count(1, 1, "req")
        reply: list[Any] = [request_id(request)]
        for track in self.song.tracks:
            reply += [track.name, int(bool(track.has_midi_input))]
        return tuple(reply)

    def name_scene(self, request: Request) -> Sequence[Any]:
        request.expect_count(3, 3, "req, scene, name")
        req = request_id(request)
        scene = slot_index(self.song, request.int_at(1, "scene"), allow_selected=True)
        self.song.scenes[scene].name = request.str_at(2, "name")
        return (req, scene)
