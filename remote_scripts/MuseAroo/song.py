"""Song messages of the common grammar: /live/song/get|set/<property>, tracks, scenes, transport, undo.

Addresses are generated from roo_protocol's property lists; replies repeat the address with
the value(s). Setters check ranges here so the error names the value and Live's range.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import Live

from . import roo_protocol as protocol
from .request import Request, RequestError

if TYPE_CHECKING:
    Handler = Callable[[Request], Sequence[Any] | None]


# Live's ranges for the writable song properties: (kind, low, high, allowed values)
SETTABLE: dict[str, tuple[str, Any, Any]] = {
    "tempo": ("float", 20.0, 999.0),
    "signature_numerator": ("int", 1, 99),
    "signature_denominator": ("int", 1, 16),
    "root_note": ("int", 0, 11),
    "scale_name": ("str", None, None),
}
DENOMINATORS = (1, 2, 4, 8, 16)


def read(song: Live.Song.Song, prop: str) -> Any:
    """One song property as it travels on the wire (counts for lists, 0|1 for flags)."""
    if prop == "num_tracks":
        return len(song.tracks)
    if prop == "num_scenes":
        return len(song.scenes)
    if prop in ("is_playing", "scale_mode"):
        return int(getattr(song, prop))
    if prop == "track_names":
        return tuple(track.name for track in song.tracks)
    return getattr(song, prop)


def checked_value(request: Request, index: int, prop: str) -> Any:
    """The value for song property prop at request.args[index], range-checked."""
    kind, low, high = SETTABLE[prop]
    if kind == "float":
        return request.float_at(index, prop, low, high)
    if kind == "int":
        value = request.int_at(index, prop, low, high)
        if prop == "signature_denominator" and value not in DENOMINATORS:
            raise RequestError(f"signature_denominator {value}: expected one of 1, 2, 4, 8, 16")
        return value
    return request.str_at(index, prop)


class SongHandler:
    def __init__(self, song: Live.Song.Song) -> None:
        self.song = song

    def handlers(self) -> dict[str, Handler]:
        table: dict[str, Handler] = {}
        for prop in protocol.SONG_PROPERTIES_GET:
            table[protocol.SONG_GET + prop] = self._getter(prop)
        for prop in protocol.SONG_PROPERTIES_SET:
            table[protocol.SONG_SET + prop] = self._setter(prop)
        table[protocol.SONG_CREATE_MIDI_TRACK] = lambda r: self._create(
            r, "track", self.song.create_midi_track
        )
        table[protocol.SONG_CREATE_AUDIO_TRACK] = lambda r: self._create(
            r, "track", self.song.create_audio_track
        )
        table[protocol.SONG_CREATE_SCENE] = lambda r: self._create(r, "scene", self.song.create_scene)
        table[protocol.SONG_START_PLAYING] = lambda r: self._call(r, self.song.start_playing)
        table[protocol.SONG_STOP_PLAYING] = lambda r: self._call(r, self.song.stop_playing)
        table[protocol.SONG_UNDO] = lambda r: self._call(r, self.song.undo)
        table[protocol.SONG_REDO] = lambda r: self._call(r, self.song.redo)
        table[protocol.TRACK_SET_MUTE] = lambda r: self._switch(r, "mute")
        table[protocol.TRACK_SET_SOLO] = lambda r: self._switch(r, "solo")
        return table

    def _switch(self, request: Request, prop: str) -> None:
        """A track's mute or solo switch: track index, 0|1."""
        request.expect_count(2, 2, f"track, {prop} 0|1")
        track = request.int_at(0, "track index", 0, len(self.song.tracks) - 1)
        setattr(self.song.tracks[track], prop, bool(request.int_at(1, prop, 0, 1)))

    def _getter(self, prop: str) -> Handler:
        def get(request: Request) -> Sequence[Any]:
            request.expect_count(0, 0, "none")
            value = read(self.song, prop)
            return value if isinstance(value, tuple) else (value,)

        return get

    def _setter(self, prop: str) -> Handler:
        def set_(request: Request) -> None:
            request.expect_count(1, 1, prop)
            setattr(self.song, prop, checked_value(request, 0, prop))

        return set_

    def _create(self, request: Request, what: str, create: Callable[[int], Any]) -> None:
        request.expect_count(0, 1, "index (-1 = end)")
        count = len(self.song.tracks) if what == "track" else len(self.song.scenes)
        index = request.int_at(0, f"{what} index", -1, count) if request.args else -1
        create(index)

    def _call(self, request: Request, method: Callable[[], Any]) -> None:
        request.expect_count(0, 0, "none")
        method()
