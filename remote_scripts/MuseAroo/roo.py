"""MuseAroo's own clip, track and scene messages (/roo/live/*): each one main-thread step.

Every request starts with a request id (int or string) that the reply repeats. Writes are
validated completely before Live is touched and then run inside one undo step, so Cmd-Z in
Live takes a whole generated clip back. Track -1 / slot -1 mean the selected track / scene.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import Live

from . import roo_protocol as protocol
from .clip import check_note, note_spec
from .request import Request, RequestError, clip, next_empty_slot, slot_index, track_index

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
            protocol.RS_CREATE_TRACKS: self.create_tracks,
            protocol.RS_CLIP_INFO: self.clip_info,
            protocol.RS_NAME_SCENE: self.name_scene,
        }

    def _target(self, request: Request) -> tuple:
        track = track_index(self.song, request.int_at(1, "track"), allow_selected=True)
        slot = slot_index(self.song, request.int_at(2, "slot"), allow_selected=True)
        return track, slot

    def write_clip(self, request: Request) -> Sequence[Any]:
        # python-osc cannot build an empty blob: a request without notes may leave the blob out
        request.expect_count(6, 7, "req, track, slot, length_beats, name, replace, notes blob")
        req = request_id(request)
        track, slot = self._target(request)
        length = request.float_at(3, "length_beats", 1.0 / 64, MAX_CLIP_BEATS)
        name = request.str_at(4, "name")
        replace = request.int_at(5, "replace", 0, 1)
        try:
            rows = protocol.unpack_notes(request.blob_at(6, "notes blob") if len(request.args) == 7 else b"")
        except ValueError as exc:
            raise RequestError(str(exc)) from exc
        specs: list[Any] = []
        for n, (pitch, start, duration, velocity, mute) in enumerate(rows):
            check_note(n, pitch, start, duration, velocity)
            if mute > 1:
                raise RequestError(f"note {n}: mute {mute}: expected 0 or 1")
            specs.append(note_spec(pitch, start, duration, float(velocity), bool(mute)))
        target = self.song.tracks[track]
        if not target.has_midi_input:
            raise RequestError(
                f"track {track} ({target.name!r}) is an audio track: write_clip expected a MIDI track"
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
        request.expect_count(7, 7, "req, track, slot, path, name, warp, tempo_bpm")
        req = request_id(request)
        track, slot = self._target(request)
        path = request.str_at(3, "path")
        name = request.str_at(4, "name")
        warp = request.int_at(5, "warp", 0, 1)
        request.float_at(6, "tempo_bpm", 0.0, 999.0)  # the file's own tempo; 0 = unknown (not applied yet)
        version = live_version()
        target = self.song.tracks[track]
        if version < AUDIO_CLIP_SINCE or not hasattr(target.clip_slots[slot], "create_audio_clip"):
            raise RequestError(
                "import_audio needs Live 12.0.5 or newer (ClipSlot.create_audio_clip); "
                f"this is Live {'.'.join(str(v) for v in version)}"
            )
        if not target.has_audio_input:
            raise RequestError(
                f"track {track} ({target.name!r}) is a MIDI track: import_audio expected an audio track"
            )
        if not path:
            raise RequestError("path '': expected the absolute path of an audio file")
        self.song.begin_undo_step()
        try:
            if target.clip_slots[slot].has_clip:
                slot = next_empty_slot(self.song, track, slot)
            new = target.clip_slots[slot].create_audio_clip(path)
            if name:
                new.name = name
            new.warping = bool(warp)
        finally:
            self.song.end_undo_step()
        return (req, track, slot)

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
        self.song.begin_undo_step()
        try:
            for offset, name in enumerate(names):
                track = create(first + offset)
                if name:
                    track.name = name
        finally:
            self.song.end_undo_step()
        return (req, first, len(names))

    def clip_info(self, request: Request) -> Sequence[Any]:
        request.expect_count(3, 3, "req, track, slot")
        req = request_id(request)
        track, slot = self._target(request)
        found = clip(self.song, track, slot)
        audio = bool(found.is_audio_clip)
        warping = bool(found.warping) if audio else False
        # An unwarped audio clip measures in seconds; the reply is in beats at the Set's tempo.
        scale = self.song.tempo / 60.0 if audio and not warping else 1.0
        return (
            req,
            track,
            slot,
            found.name,
            int(audio),
            found.file_path if audio else "",
            float(found.length) * scale,
            float(found.start_marker) * scale,
            float(found.end_marker) * scale,
            int(warping),
            float(found.sample_rate) if audio else 0.0,
            self.song.tracks[track].name,
        )

    def name_scene(self, request: Request) -> Sequence[Any]:
        request.expect_count(3, 3, "req, scene, name")
        req = request_id(request)
        scene = slot_index(self.song, request.int_at(1, "scene"), allow_selected=True)
        self.song.scenes[scene].name = request.str_at(2, "name")
        return (req, scene)
