"""Racks for the in-memory Live: Live.RackDevice, Live.Chain, Live.DrumPad and Live.DrumChain.

A rack (``Device.can_have_chains``: Instrument, Audio Effect, MIDI Effect and Drum Racks; class
names ``InstrumentGroupDevice``, ``AudioEffectGroupDevice``, ``MidiEffectGroupDevice``,
``DrumGroupDevice``) holds ``chains``, each with a ``name``, ``mute``, ``solo`` and its own
``devices``. A Drum Rack (``can_have_drum_pads``) has 128 ``drum_pads``, pad i on MIDI note i;
a pad's ``chains`` are DrumChains (``in_note`` the pad's note), and the rack's ``chains`` are
every pad's chains in note order, as Live lists them. ``DrumPad.name`` "depends on the
contained chains" (the stubs): here the first chain's name, "" for an empty pad (an assumption:
Live's text for an empty pad is not in the stubs). ``has_drum_pads`` is whether any pad holds a
chain. ``chains`` or ``drum_pads`` of a device that cannot have them raise, as Live does.
Changes go through ``Document.change`` (guards, one undo entry, a notification).
A rack's ``parameters`` are Device On and its 16 macros (Macro 1 .. Macro 16, 0..127), of which
``visible_macro_count`` show (8 in a new rack); ``add_macro`` / ``remove_macro`` show one more or
one fewer and raise at 16 or at 1, as the stubs say Live throws at the maximum and minimum.
"""

from __future__ import annotations

from collections.abc import Sequence

from livesim.base import Listeners
from livesim.document import Document
from livesim.mixer import Device, DeviceParameter
from livesim.props import add_listeners, read_only, value_property

MACROS = 16  # a rack's macro controls in Live 12: parameters 1..16 ("Macro 1" ...), parameter 0 is Device On
VISIBLE_MACROS = 8  # how many a new rack shows
RACK_CLASSES = ("InstrumentGroupDevice", "AudioEffectGroupDevice", "MidiEffectGroupDevice", "DrumGroupDevice")
DRUM_RACK = "DrumGroupDevice"
PADS = 128


class Chain:
    """One chain of a rack: a name, mute and solo, and its devices."""

    def __init__(self, doc: Document, name: str, devices: Sequence[Device] = ()) -> None:
        self._doc = doc
        self._listeners = Listeners("Chain", doc)
        self._name = name
        self._mute = False
        self._solo = False
        self._devices = list(devices)

    def __repr__(self) -> str:
        return f"<Chain {self._name!r} {len(self._devices)} devices>"

    name = value_property("name", "str")
    mute = value_property("mute", "bool")
    solo = value_property("solo", "bool")

    @property
    def devices(self) -> tuple[Device, ...]:
        return tuple(self._devices)


add_listeners(Chain, "name", "mute", "solo", "devices")


class DrumChain(Chain):
    """A chain of a drum pad: it plays on ``in_note`` (the pad's note)."""

    def __init__(self, doc: Document, name: str, in_note: int, devices: Sequence[Device] = ()) -> None:
        super().__init__(doc, name, devices)
        self._listeners = Listeners("DrumChain", doc)
        self._in_note = in_note
        self._out_note = 60  # Live plays a pad's chain on C3 unless told otherwise
        self._choke_group = 0

    in_note = read_only("in_note")
    out_note = value_property("out_note", "int", 0, 127)
    choke_group = value_property("choke_group", "int", 0, 16)


class DrumPad:
    """One of a Drum Rack's 128 pads: its note, mute, solo and chains."""

    def __init__(self, doc: Document, note: int) -> None:
        self._doc = doc
        self._listeners = Listeners("DrumPad", doc)
        self._note = note
        self._mute = False
        self._solo = False
        self._chains: list[DrumChain] = []

    def __repr__(self) -> str:
        return f"<DrumPad {self._note} {self.name!r}>"

    note = read_only("note")
    mute = value_property("mute", "bool")
    solo = value_property("solo", "bool")

    @property
    def name(self) -> str:
        return self._chains[0].name if self._chains else ""

    @property
    def chains(self) -> tuple[DrumChain, ...]:
        return tuple(self._chains)

    def delete_all_chains(self) -> None:
        """Empty the pad (as deleting a pad in Live does); one undo entry."""
        self._doc.check_change("DrumPad.delete_all_chains")
        self._doc.change(self, "chains", [])


add_listeners(DrumPad, "name", "mute", "solo", "chains")


class RackDevice(Device):
    """A rack: a Device whose ``chains`` (and, for a Drum Rack, ``drum_pads``) hold devices."""

    def __init__(
        self, doc: Document, name: str, class_name: str, kind: int, parameters: Sequence[DeviceParameter]
    ) -> None:
        if class_name not in RACK_CLASSES:
            raise ValueError(f"rack class {class_name!r}: expected one of {', '.join(RACK_CLASSES)}")
        super().__init__(doc, name, class_name, kind, parameters)
        self._chains: list[Chain] = []
        self._pads = [DrumPad(doc, note) for note in range(PADS)] if class_name == DRUM_RACK else []
        self._visible_macro_count = VISIBLE_MACROS

    @property
    def visible_macro_count(self) -> int:
        return self._visible_macro_count

    def add_macro(self) -> None:
        """Show one more macro control; raises when all 16 show."""
        self._doc.check_change("RackDevice.add_macro")
        if self._visible_macro_count >= MACROS:
            raise RuntimeError(f"Cannot add a macro: the rack already shows the maximum of {MACROS}")
        self._doc.change(self, "visible_macro_count", self._visible_macro_count + 1)

    def remove_macro(self) -> None:
        """Show one macro control fewer; raises when only one shows."""
        self._doc.check_change("RackDevice.remove_macro")
        if self._visible_macro_count <= 1:
            raise RuntimeError("Cannot remove a macro: the rack shows the minimum of 1")
        self._doc.change(self, "visible_macro_count", self._visible_macro_count - 1)

    @property
    def can_have_chains(self) -> bool:
        return True

    @property
    def can_have_drum_pads(self) -> bool:
        return self._class_name == DRUM_RACK

    @property
    def chains(self) -> tuple[Chain, ...]:
        if self.can_have_drum_pads:
            return tuple(chain for pad in self._pads for chain in pad._chains)
        return tuple(self._chains)

    @property
    def drum_pads(self) -> tuple[DrumPad, ...]:
        if not self.can_have_drum_pads:
            raise RuntimeError(f"{self._name!r} is not a Drum Rack: it has no drum pads")
        return tuple(self._pads)

    @property
    def has_drum_pads(self) -> bool:
        return any(pad._chains for pad in self.drum_pads)

    def _add_chain(self, chain: Chain) -> None:
        """Building a Set or loading a preset: a chain at the end (a DrumChain on its pad)."""
        if isinstance(chain, DrumChain) and self.can_have_drum_pads:
            self._pads[chain.in_note]._chains.append(chain)
        else:
            self._chains.append(chain)


add_listeners(RackDevice, "chains", "drum_pads", "has_drum_pads", "visible_macro_count")
