"""/live/song/...: the Song's properties and methods from grammar's tables, plus lists, cue points, beat.

Besides the generated get/set/listen/method addresses: ``get/num_tracks``, ``get/track_names``
(optionally a [first, last) index range), ``get/num_scenes``, ``get/scene_names``, ``get/track_data`` (track_min, track_max, then
``track.<p>``/``clip.<p>``/``clip_slot.<p>`` names),
``get/cue_points`` (name, time pairs), ``cue_point/jump`` (an index or a name),
``cue_point/add_or_delete`` (at the song time), ``cue_point/set/name`` (index, name), and the
``beat`` listener: ``/live/song/get/beat`` (n) each time the song time enters a new beat.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import grammar
from .core import Listening, OutOfRange, arg, generated, pick, wire

if TYPE_CHECKING:
    from .core import Address, Handler


def _names(items: Sequence[Any], args: Sequence[Any]) -> tuple[Any, ...]:
    first = int(args[0]) if len(args) > 0 else 0
    last = int(args[1]) if len(args) > 1 else len(items)
    if last == -1:  # AbletonOSC's "to the end"
        last = len(items)
    return tuple(item.name for item in items[first:last])


class SongHandlers:
    def __init__(self, song: Any, listening: Listening) -> None:
        self.song = song
        self.listening = listening

    def handlers(self) -> dict[str, Handler]:
        table = generated("song", lambda args: self.song, self.listening)
        base = "/live/song/"
        table.update(
            {
                base + "get/num_tracks": lambda args, to: (len(self.song.tracks),),
                base + "get/track_names": lambda args, to: _names(self.song.tracks, args),
                base + "get/num_scenes": lambda args, to: (len(self.song.scenes),),
                base + "get/scene_names": lambda args, to: _names(self.song.scenes, args),
                base + "get/scenes/name": lambda args, to: _names(
                    self.song.scenes, args
                ),  # AbletonOSC's code
                base + "get/num_return_tracks": lambda args, to: (len(self.song.return_tracks),),
                base + "get/track_data": self.track_data,
                base + "get/cue_points": self.cue_points,
                base + "cue_point/jump": self.jump_to_cue,
                base + "cue_point/add_or_delete": lambda args, to: self.song.set_or_delete_cue(),
                base + "cue_point/set/name": self.name_cue,
                base + "start_listen/" + grammar.SONG_BEAT: self.start_beat,
                base + "stop_listen/" + grammar.SONG_BEAT: self.stop_beat,
            }
        )
        return table

    # --- bulk ---------------------------------------------------------------------------
    def track_data(self, args: Sequence[Any], to: Address) -> Sequence[Any]:
        """Tracks first..last-1, for each the asked properties: ``track.<p>`` once per track,
        ``clip.<p>`` and ``clip_slot.<p>`` once per slot (None for an empty slot's clip)."""
        first, last = int(arg(args, 0, "track_min")), int(arg(args, 1, "track_max"))
        tracks = self.song.tracks
        if last == -1:  # AbletonOSC's "to the end"
            last = len(tracks)
        if not 0 <= first <= last <= len(tracks):
            raise OutOfRange(
                f"track indexes {first}..{last} (0-based): expected 0 <= min <= max <= {len(tracks)}"
            )
        out: list[Any] = []
        for track in tracks[first:last]:
            for spec in args[2:]:
                kind, _, prop = str(spec).partition(".")
                if kind == "track":
                    out.append(wire(getattr(track, prop)))
                elif kind == "clip":
                    out.extend(wire(getattr(s.clip, prop)) if s.has_clip else None for s in track.clip_slots)
                elif kind == "clip_slot":
                    out.extend(wire(getattr(s, prop)) for s in track.clip_slots)
                else:
                    raise ValueError(f"property {spec!r}: expected track.<p>, clip.<p> or clip_slot.<p>")
        return out

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
        """Send the beat now, then as AbletonOSC does: when the song time enters a new beat or
        goes back (a jump, a stop and restart)."""
        last = [-1.0]

        def beat() -> Sequence[Any] | None:
            now = float(self.song.current_song_time)
            new = now < last[0] or int(now) > int(last[0]) or last[0] < 0
            last[0] = now
            return (int(now),) if new else None

        key = ("song", grammar.SONG_BEAT, ())
        self.listening.start(key, self.song, "current_song_time", to, "/live/song/get/beat", beat)

    def stop_beat(self, args: Sequence[Any], to: Address) -> None:
        self.listening.stop(("song", grammar.SONG_BEAT, ()))
