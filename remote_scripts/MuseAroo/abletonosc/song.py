"""/live/song/...: the Song's properties and methods from grammar's tables, plus lists, cue points, beat.

Besides the generated get/set/listen/method addresses: ``get/num_tracks``, ``get/track_names``
(optionally a [first, last) index range), ``get/num_scenes``, ``get/scene_names``,
``get/cue_points`` (name, time pairs), ``cue_point/jump`` (an index or a name),
``cue_point/add_or_delete`` (at the song time), ``cue_point/set/name`` (index, name), and the
``beat`` listener: ``/live/song/get/beat`` (n) each time the song time enters a new beat.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import grammar
from .core import Listening, arg, generated, pick

if TYPE_CHECKING:
    from .core import Address, Handler


def _names(items: Sequence[Any], args: Sequence[Any]) -> tuple[Any, ...]:
    first = int(args[0]) if len(args) > 0 else 0
    last = int(args[1]) if len(args) > 1 else len(items)
    return tuple(item.name for item in items[first:last])


class SongHandlers:
    def __init__(self, song: Any, listening: Listening) -> None:
        self.song = song
        self.listening = listening
        self._last_beat = -1

    def handlers(self) -> dict[str, Handler]:
        table = generated("song", lambda args: self.song, self.listening)
        base = "/live/song/"
        table.update(
            {
                base + "get/num_tracks": lambda args, to: (len(self.song.tracks),),
                base + "get/track_names": lambda args, to: _names(self.song.tracks, args),
                base + "get/num_scenes": lambda args, to: (len(self.song.scenes),),
                base + "get/scene_names": lambda args, to: _names(self.song.scenes, args),
                base + "get/num_return_tracks": lambda args, to: (len(self.song.return_tracks),),
                base + "get/cue_points": self.cue_points,
                base + "cue_point/jump": self.jump_to_cue,
                base + "cue_point/add_or_delete": lambda args, to: self.song.set_or_delete_cue(),
                base + "cue_point/set/name": self.name_cue,
                base + "start_listen/" + grammar.SONG_BEAT: self.start_beat,
                base + "stop_listen/" + grammar.SONG_BEAT: self.stop_beat,
            }
        )
        return table

    # --- cue points -----------------------------------------------------------------------
    def cue_points(self, args: Sequence[Any], to: Address) -> Sequence[Any]:
        out: list[Any] = []
        for cue in self.song.cue_points:
            out.extend((cue.name, float(cue.time)))
        return out

    def jump_to_cue(self, args: Sequence[Any], to: Address) -> None:
        which = arg(args, 0, "cue point index or name")
        cues = list(self.song.cue_points)
        if isinstance(which, str):
            named = [cue for cue in cues if cue.name == which]
            if not named:
                raise ValueError(f"no cue point named {which!r}")
            named[0].jump()
        else:
            pick(cues, which, "cue point").jump()

    def name_cue(self, args: Sequence[Any], to: Address) -> None:
        cue = pick(list(self.song.cue_points), arg(args, 0, "cue point index"), "cue point")
        cue.name = str(arg(args, 1, "name"))

    # --- beat -----------------------------------------------------------------------------
    def start_beat(self, args: Sequence[Any], to: Address) -> None:
        self._last_beat = -1

        def beat() -> Sequence[Any] | None:
            now = int(self.song.current_song_time)
            if now == self._last_beat:
                return None
            self._last_beat = now
            return (now,)

        key = ("song", grammar.SONG_BEAT, ())
        self.listening.start(key, self.song, "current_song_time", to, "/live/song/get/beat", beat)

    def stop_beat(self, args: Sequence[Any], to: Address) -> None:
        self.listening.stop(("song", grammar.SONG_BEAT, ()))
