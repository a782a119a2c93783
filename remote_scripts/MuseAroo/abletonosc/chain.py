"""/live/track/...: a track's device chain (insert and delete devices) and its input and output routing.

``insert_device`` (track, device_name[, device_index = -1]) loads one of Live's built-in devices
by its browser name through Live 12.3's ``Track.insert_device`` and answers (track,
device_index); before Live 12.3, or for a name Live does not know, it answers (track, -1) as
AbletonOSC's proposed address does, after /live/error with the reason. ``delete_device``
(track, device_index) is generated from grammar's METHODS. Routes travel by display name:
``get/<route>`` -> (track, name); ``set/<route>`` (track, name) picks the entry of that name
from the track's ``available_*`` list (an unknown name is answered on /live/error with the
names there are; AbletonOSC only logs a warning); ``get/available_<...>`` -> (track, name, ...).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import grammar
from .core import Listening, arg, index_of, pick

if TYPE_CHECKING:
    from collections.abc import Callable

    from .core import Address, Handler


class ChainHandlers:
    def __init__(self, song: Any, listening: Listening, error: Callable[[Address, str], None]) -> None:
        self.song = song
        self.listening = listening
        self._error = error  # /live/error to the client, then the AbletonOSC-shaped answer

    def track(self, args: Sequence[Any]) -> Any:
        return pick(self.song.tracks, arg(args, 0, "track_id"), "track")

    def handlers(self) -> dict[str, Handler]:
        base = "/live/track/"
        table: dict[str, Handler] = {base + "insert_device": self.insert_device}
        for route in grammar.ROUTES:
            table[f"{base}get/{route}"] = self._get_route(route)
            table[f"{base}set/{route}"] = self._set_route(route)
            plural = route.replace("_type", "_types").replace("_channel", "_channels")
            table[f"{base}get/available_{plural}"] = self._available(f"available_{plural}")
        return table

    def insert_device(self, args: Sequence[Any], to: Address) -> Sequence[Any]:
        track = self.track(args)
        track_id = index_of(args[0], "track_id")
        name = arg(args, 1, "device_name")
        if not isinstance(name, str):
            raise ValueError(f"device_name {name!r}: expected the name of a built-in device, e.g. 'Reverb'")
        index = index_of(args[2], "device_index") if len(args) > 2 else -1
        insert = getattr(track, "insert_device", None)
        if insert is None:
            self._error(to, "insert_device needs Live 12.3 or later (Track.insert_device)")
            return (track_id, -1)
        try:
            device = insert(name, index)
        except RuntimeError as exc:  # an unknown name, a wrong track kind, a full chain
            self._error(to, f"insert_device {name!r}: {exc}")
            return (track_id, -1)
        return (track_id, list(track.devices).index(device))

    def _get_route(self, route: str) -> Handler:
        def get(args: Sequence[Any], to: Address) -> Sequence[Any]:
            return (index_of(args[0], "track_id"), getattr(self.track(args), route).display_name)

        return get

    def _set_route(self, route: str) -> Handler:
        plural = route.replace("_type", "_types").replace("_channel", "_channels")

        def set_(args: Sequence[Any], to: Address) -> None:
            track = self.track(args)
            name = str(arg(args, 1, route))
            choices = list(getattr(track, f"available_{plural}"))
            for choice in choices:
                if choice.display_name == name:
                    setattr(track, route, choice)
                    return
            names = ", ".join(repr(c.display_name) for c in choices) or "none"
            raise ValueError(
                f"no {route.replace('_', ' ')} named {name!r} on this track: expected one of {names}"
            )

        return set_

    def _available(self, prop: str) -> Handler:
        def get(args: Sequence[Any], to: Address) -> Sequence[Any]:
            items = getattr(self.track(args), prop)
            return (index_of(args[0], "track_id"), *(item.display_name for item in items))

        return get
