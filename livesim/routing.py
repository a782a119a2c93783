"""A track's input and output routing for the in-memory Live (Live 10+'s routing API).

As in Live, a route is a type (``Track.input_routing_type``: where from, e.g. "Ext. In") and
a channel of it (``input_routing_channel``: e.g. "1/2"), each set from the objects in the
track's ``available_*`` lists (a RoutingType or RoutingChannel not in them raises); setting a
type moves the channel to that type's first one. What each track kind offers:

- audio track inputs: Ext. In (1/2, 1, 2), Resampling, every other track (Pre FX, Post FX,
  Post Mixer), No Input;
- MIDI track inputs: All Ins and Computer Keyboard (All Channels, Ch. 1 .. Ch. 16), every other
  MIDI track (Pre FX, Post FX), No Input;
- outputs of audio and MIDI tracks: Ext. Out (1/2, 3/4, 1 .. 4), Master (Track In), Sends
  Only, every return track (Track In); a return track has no input and outputs to Ext. Out or
  Master.

Routing changes are not undoable here. Simplification: every track's output is audio (in Live a MIDI track without an instrument
lists MIDI outputs instead). A type without channels (Resampling, No Input, Sends Only) has an
empty channel list and a current channel whose display_name is "".
"""

from __future__ import annotations

from typing import Any

from livesim.base import ArgumentError, Listeners
from livesim.props import add_listeners

EXTERNAL, RESAMPLING, MASTER, TRACK, NONE = 0, 2, 3, 4, 6  # Live.Track.RoutingTypeCategory
MIDI_LAYOUT, MONO, STEREO = 0, 1, 2  # Live.Track.RoutingChannelLayout

MIDI_CHANNELS = ("All Channels", *(f"Ch. {n}" for n in range(1, 17)))
EXT_IN = ("1/2", "1", "2")
EXT_OUT = ("1/2", "3/4", "1", "2", "3", "4")


class RoutingType:
    def __init__(self, display_name: str, category: int, attached_object: Any = None) -> None:
        self._display_name = display_name
        self._category = category
        self._attached_object = attached_object

    def __repr__(self) -> str:
        return f"<RoutingType {self._display_name!r}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RoutingType) and (other._display_name, other._category) == (
            self._display_name,
            self._category,
        )

    def __hash__(self) -> int:
        return hash((self._display_name, self._category))

    @property
    def display_name(self) -> str:
        return self._display_name

    @property
    def category(self) -> int:
        return self._category

    @property
    def attached_object(self) -> Any:
        return self._attached_object


class RoutingChannel:
    def __init__(self, display_name: str, layout: int) -> None:
        self._display_name = display_name
        self._layout = layout

    def __repr__(self) -> str:
        return f"<RoutingChannel {self._display_name!r}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RoutingChannel) and other._display_name == self._display_name

    def __hash__(self) -> int:
        return hash(self._display_name)

    @property
    def display_name(self) -> str:
        return self._display_name

    @property
    def layout(self) -> int:
        return self._layout


def _layout(name: str, midi: bool) -> int:
    return MIDI_LAYOUT if midi else (MONO if name.isdigit() else STEREO)


class TrackRouting:
    """Track members about where its signal comes from and goes to."""

    _doc: Any
    _song: Any
    _midi: bool
    _is_return: bool
    _listeners: Listeners
    _input_route: tuple[str, str] | None = None  # (type, channel) display names; None: the default
    _output_route: tuple[str, str] | None = None

    # --- what the track kind offers -------------------------------------------------------
    def _input_types(self) -> list[RoutingType]:
        if self._is_return:
            return []
        others = [t for t in self._song._tracks if t is not self and (t._midi or not self._midi)]
        first = (
            [RoutingType("All Ins", EXTERNAL), RoutingType("Computer Keyboard", EXTERNAL)]
            if self._midi
            else [RoutingType("Ext. In", EXTERNAL), RoutingType("Resampling", RESAMPLING)]
        )
        tracks = [RoutingType(t._name, TRACK, t) for t in others]
        return [*first, *tracks, RoutingType("No Input", NONE)]

    def _input_channels(self, kind: RoutingType) -> tuple[str, ...]:
        if kind.category == EXTERNAL:
            return MIDI_CHANNELS if self._midi else EXT_IN
        if kind.category == TRACK:
            return ("Pre FX", "Post FX") if self._midi else ("Pre FX", "Post FX", "Post Mixer")
        return ()

    def _output_types(self) -> list[RoutingType]:
        first = [RoutingType("Ext. Out", EXTERNAL), RoutingType("Master", MASTER)]
        if self._is_return:
            return first
        returns = [RoutingType(t._name, TRACK, t) for t in self._song._returns]
        return [*first, RoutingType("Sends Only", NONE), *returns]

    def _output_channels(self, kind: RoutingType) -> tuple[str, ...]:
        if kind.category == EXTERNAL:
            return EXT_OUT
        if kind.category in (MASTER, TRACK):
            return ("Track In",)
        return ()

    # --- current routes ---------------------------------------------------------------------
    def _route(self, output: bool) -> tuple[RoutingType, str]:
        types = self._output_types() if output else self._input_types()
        chosen = self._output_route if output else self._input_route
        if chosen is None:
            default = ("Master" if output else types[0].display_name) if types else ""
            chosen = (default, "")
        kind = next((t for t in types if t.display_name == chosen[0]), RoutingType(chosen[0], NONE))
        channels = self._output_channels(kind) if output else self._input_channels(kind)
        channel = chosen[1] if chosen[1] in channels else (channels[0] if channels else "")
        return kind, channel

    def _channel(self, name: str) -> RoutingChannel:
        return RoutingChannel(name, _layout(name, self._midi))

    def _set_type(self, output: bool, value: Any) -> None:
        prop = "output_routing_type" if output else "input_routing_type"
        self._doc.check_change(f"Track.{prop}")
        if not isinstance(value, RoutingType):
            raise ArgumentError(
                f"Track.{prop} expects a RoutingType of available_*_routing_types, got {value!r}"
            )
        types = self._output_types() if output else self._input_types()
        if value not in types:
            names = ", ".join(t.display_name for t in types) or "none"
            raise RuntimeError(f"Invalid {prop} {value.display_name!r}: expected one of {names}")
        old_channel = self._route(output)[1]
        route = (value.display_name, "")
        self._store(output, route)
        self._listeners.notify(prop)
        if self._route(output)[1] != old_channel:
            self._listeners.notify("output_routing_channel" if output else "input_routing_channel")

    def _set_channel(self, output: bool, value: Any) -> None:
        prop = "output_routing_channel" if output else "input_routing_channel"
        self._doc.check_change(f"Track.{prop}")
        kind, _ = self._route(output)
        channels = self._output_channels(kind) if output else self._input_channels(kind)
        name = getattr(value, "display_name", None)
        if not isinstance(value, RoutingChannel) or name not in channels:
            raise RuntimeError(
                f"Invalid {prop} {name or value!r}: expected one of {', '.join(channels) or 'none'} "
                f"(the channels of {kind.display_name})"
            )
        self._store(output, (kind.display_name, str(name)))
        self._listeners.notify(prop)

    def _store(self, output: bool, route: tuple[str, str]) -> None:
        if output:
            self._output_route = route
        else:
            self._input_route = route

    # --- Live's properties ------------------------------------------------------------------
    @property
    def available_input_routing_types(self) -> tuple[RoutingType, ...]:
        return tuple(self._input_types())

    @property
    def available_input_routing_channels(self) -> tuple[RoutingChannel, ...]:
        return tuple(self._channel(c) for c in self._input_channels(self._route(False)[0]))

    @property
    def available_output_routing_types(self) -> tuple[RoutingType, ...]:
        return tuple(self._output_types())

    @property
    def available_output_routing_channels(self) -> tuple[RoutingChannel, ...]:
        return tuple(self._channel(c) for c in self._output_channels(self._route(True)[0]))

    @property
    def input_routing_type(self) -> RoutingType:
        return self._route(False)[0]

    @input_routing_type.setter
    def input_routing_type(self, value: RoutingType) -> None:
        self._set_type(False, value)

    @property
    def input_routing_channel(self) -> RoutingChannel:
        return self._channel(self._route(False)[1])

    @input_routing_channel.setter
    def input_routing_channel(self, value: RoutingChannel) -> None:
        self._set_channel(False, value)

    @property
    def output_routing_type(self) -> RoutingType:
        return self._route(True)[0]

    @output_routing_type.setter
    def output_routing_type(self, value: RoutingType) -> None:
        self._set_type(True, value)

    @property
    def output_routing_channel(self) -> RoutingChannel:
        return self._channel(self._route(True)[1])

    @output_routing_channel.setter
    def output_routing_channel(self, value: RoutingChannel) -> None:
        self._set_channel(True, value)


add_listeners(
    TrackRouting,
    "input_routing_type",
    "input_routing_channel",
    "output_routing_type",
    "output_routing_channel",
    "available_input_routing_types",
    "available_input_routing_channels",
    "available_output_routing_types",
    "available_output_routing_channels",
)
