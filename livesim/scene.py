"""Live.Scene for the in-memory Live: a row of the Session view, its name, color, tempo and signature.

A scene reads its row through what the Song hands it (``Rows``: the track and scene lists, the
tempo and signature it sets when fired, the view whose selection ``fire_as_selected`` moves),
so it imports nothing of the Song. As in Live, a scene's time signature reads -1 while it is off,
and setting a part of it switches it on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from livesim.base import Listeners, adder, check_args, has_listener, remover
from livesim.document import Document
from livesim.props import value_property

SWITCHED = {  # a switch, and the parts that read -1 while it is off
    "tempo_enabled": ("tempo",),
    "time_signature_enabled": ("time_signature_numerator", "time_signature_denominator"),
}


class Rows(Protocol):
    """What a scene reads of the Song that owns it."""

    @property
    def _tracks(self) -> Sequence[Any]: ...

    @property
    def _scenes(self) -> Sequence[Scene]: ...

    tempo: float  # a scene with its own tempo sets it when fired
    signature_numerator: int  # and its time signature
    signature_denominator: int

    @property
    def view(self) -> Any: ...


class Scene:
    """A row of the Session view: a name and one clip slot per track."""

    def __init__(self, doc: Document, song: Rows) -> None:
        self._doc = doc
        self._song = song
        self._name = ""
        self._listeners = Listeners("Scene", doc)

    @property
    def name(self) -> str:
        return self._name

    @name.setter
    def name(self, value: str) -> None:
        check_args("Scene.name", (value,), ("str",))
        self._doc.change(self, "name", value)

    @property
    def clip_slots(self) -> tuple[Any, ...]:
        index = self._song._scenes.index(self)
        return tuple(track._slots[index] for track in self._song._tracks)

    color = value_property("color", "int", 0, 0xFFFFFF)
    _color = 0  # Live's default: no color of its own
    _tempo = 120.0
    _tempo_enabled = False  # when on, firing the scene sets the Song's tempo
    _color_index: int | None = None  # Live: None for a scene without a color of its own
    _time_signature_enabled = False  # when on, firing the scene sets the Song's time signature
    _time_signature_numerator = 4
    _time_signature_denominator = 4

    @property
    def color_index(self) -> int | None:
        return self._color_index

    @color_index.setter
    def color_index(self, value: int | None) -> None:
        if value is not None:
            check_args("Scene.color_index", (value,), ("int",))
            if not 0 <= value <= 69:
                raise RuntimeError(f"Invalid color_index {value}: expected 0..69 or None")
        self._doc.change(self, "color_index", value)

    # --- a tempo and a signature of its own: each reads -1 while switched off, as in Live ------
    @property
    def tempo(self) -> float:
        return self._tempo if self._tempo_enabled else -1.0

    @tempo.setter
    def tempo(self, value: float) -> None:
        check_args("Scene.tempo", (value,), ("float",))
        if not 20.0 <= value <= 999.0:
            raise RuntimeError(f"Invalid tempo {value}: expected 20..999 BPM")
        self._set_switched("tempo", float(value))

    @property
    def tempo_enabled(self) -> bool:
        return self._tempo_enabled

    @tempo_enabled.setter
    def tempo_enabled(self, value: bool) -> None:
        self._switch("tempo_enabled", value)

    @property
    def time_signature_numerator(self) -> int:
        return self._time_signature_numerator if self._time_signature_enabled else -1

    @time_signature_numerator.setter
    def time_signature_numerator(self, value: int) -> None:
        check_args("Scene.time_signature_numerator", (value,), ("int",))
        if not 1 <= value <= 99:
            raise RuntimeError(f"Invalid time signature numerator {value}: expected 1..99")
        self._set_switched("time_signature_numerator", int(value))

    @property
    def time_signature_denominator(self) -> int:
        return self._time_signature_denominator if self._time_signature_enabled else -1

    @time_signature_denominator.setter
    def time_signature_denominator(self, value: int) -> None:
        check_args("Scene.time_signature_denominator", (value,), ("int",))
        if value not in (1, 2, 4, 8, 16):
            raise RuntimeError(f"Invalid time signature denominator {value}: expected 1, 2, 4, 8 or 16")
        self._set_switched("time_signature_denominator", int(value))

    @property
    def time_signature_enabled(self) -> bool:
        return self._time_signature_enabled

    @time_signature_enabled.setter
    def time_signature_enabled(self, value: bool) -> None:
        self._switch("time_signature_enabled", value)

    def _switch(self, switch: str, value: bool) -> None:
        """Switch a scene tempo or signature on or off; what its parts read changes with it."""
        check_args(f"Scene.{switch}", (value,), ("bool",))
        if bool(value) != getattr(self, "_" + switch):
            self._doc.change(self, switch, bool(value))
            for part in SWITCHED[switch]:
                self._listeners.notify(part)

    def _set_switched(self, prop: str, value: Any) -> None:
        """Setting a part gives the scene a tempo or signature of its own (switches it on), as Live does."""
        switch = next(name for name, parts in SWITCHED.items() if prop in parts)
        if getattr(self, "_" + switch):
            self._doc.change(self, prop, value)
            return
        self._doc.begin_undo_step()
        try:
            self._doc.check_change(f"Scene.{prop}")
            old = getattr(self, "_" + prop)
            setattr(self, "_" + prop, value)  # quietly: it reads -1 until the switch, which tells its parts
            self._doc.record(lambda: setattr(self, "_" + prop, old))
            self._switch(switch, True)
        finally:
            self._doc.end_undo_step()

    @property
    def is_empty(self) -> bool:
        return not any(slot.has_clip for slot in self.clip_slots)

    @property
    def is_triggered(self) -> bool:
        return any(slot.is_triggered for slot in self.clip_slots)

    def fire(self) -> None:
        """Fire every slot of the row (empty ones stop their tracks), as Live's scene launch does."""
        self._doc.check_change("Scene.fire")
        if self._tempo_enabled:
            self._song.tempo = self._tempo
        if self._time_signature_enabled:
            self._song.signature_numerator = self._time_signature_numerator
            self._song.signature_denominator = self._time_signature_denominator
        for slot in self.clip_slots:
            slot.fire()

    def fire_as_selected(self, force_legato: bool = False, /) -> None:
        """Fire the scene and select the next one (the selected scene's launch button in Live)."""
        check_args("Scene.fire_as_selected", (force_legato,), ("bool",))
        self.fire()
        scenes = self._song._scenes
        following = scenes.index(self) + 1
        if following < len(scenes):
            self._song.view.selected_scene = scenes[following]

    add_name_listener = adder("name")
    remove_name_listener = remover("name")
    name_has_listener = has_listener("name")
    add_tempo_listener = adder("tempo")
    remove_tempo_listener = remover("tempo")
    tempo_has_listener = has_listener("tempo")
    add_tempo_enabled_listener = adder("tempo_enabled")
    remove_tempo_enabled_listener = remover("tempo_enabled")
    tempo_enabled_has_listener = has_listener("tempo_enabled")
    add_color_listener = adder("color")
    remove_color_listener = remover("color")
    color_has_listener = has_listener("color")
    add_is_triggered_listener = adder("is_triggered")
    remove_is_triggered_listener = remover("is_triggered")
    is_triggered_has_listener = has_listener("is_triggered")
    add_color_index_listener = adder("color_index")
    remove_color_index_listener = remover("color_index")
    color_index_has_listener = has_listener("color_index")
    add_time_signature_numerator_listener = adder("time_signature_numerator")
    remove_time_signature_numerator_listener = remover("time_signature_numerator")
    time_signature_numerator_has_listener = has_listener("time_signature_numerator")
    add_time_signature_denominator_listener = adder("time_signature_denominator")
    remove_time_signature_denominator_listener = remover("time_signature_denominator")
    time_signature_denominator_has_listener = has_listener("time_signature_denominator")
    add_time_signature_enabled_listener = adder("time_signature_enabled")
    remove_time_signature_enabled_listener = remover("time_signature_enabled")
    time_signature_enabled_has_listener = has_listener("time_signature_enabled")
