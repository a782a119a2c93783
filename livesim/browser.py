"""Live.Browser for the in-memory Live: ``Application.browser``, its categories and load_item.

Each category (``instruments``, ``audio_effects``, ``midi_effects``, ``drums``, ``sounds``,
``samples``, ``user_library``, ``plugins``, ``max_for_live``, ``clips``, ``packs``,
``current_project``) is a BrowserItem (``name``, ``children``, ``is_folder``, ``is_loadable``,
``is_device``, ``uri``, ``source``). The content is a small stand-in for Live's: the stock
devices of ``livesim.devices.STOCK``, two drum kits (a Drum Rack whose pads hold a Simpler each),
a few instrument presets, a few one-shot samples. ``load_item(item)`` loads onto the selected
track as Live does: an instrument (or a kit, a preset, a sample, which load as one) replaces the
track's instrument, a MIDI effect goes after the last MIDI effect, an audio effect at the end;
one undo step. A folder or a track that cannot hold the device raises RuntimeError. Loading a
sample onto an audio track (Live puts a clip in a slot) is not modelled: it raises saying so.
``preview_item`` / ``stop_preview`` keep what is previewing (the in-memory Live plays no sound).
URIs here are ``query:<Category>#<path>``, Live's own are opaque strings of the same prefix.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from livesim.devices import AUDIO_EFFECT, INSTRUMENT, MIDI_EFFECT, STOCK, make_device
from livesim.mixer import Device
from livesim.racks import DrumChain, RackDevice

Make = Callable[[Any], Device]  # the Document -> a new device
KITS = {  # a kit's pads: note -> the chain's (and its Simpler's) name
    "808 Core Kit": {36: "Kick 808", 38: "Snare 808", 39: "Clap 808", 42: "Hihat Closed 808", 46: "Hihat Open 808"},
    "909 Core Kit": {36: "Kick 909", 38: "Snare 909", 42: "Hihat Closed 909", 46: "Hihat Open 909", 49: "Crash 909"},
}  # fmt: skip
PRESETS = {"Bass": {"Sub Bass": "Operator", "Wobble Bass": "Wavetable"},
           "Pad": {"Warm Pad": "Wavetable", "Analog Strings": "Analog"},
           "Keys": {"Soft Keys": "Drift"}}  # fmt: skip
SAMPLES = {"Drums": ("Kick Deep.wav", "Snare Tight.wav"), "Loops": ("Funk Break 100 bpm.wav",)}


class BrowserItem:
    def __init__(self, name: str, uri: str, children: Sequence[BrowserItem] = (), make: Make | None = None,
                 *, folder: bool = False, device: bool = False) -> None:  # fmt: skip
        self._name, self._uri, self._children, self._make = name, uri, tuple(children), make
        self._folder, self._device = folder, device

    def __repr__(self) -> str:
        return f"<BrowserItem {self._uri!r}>"

    name = property(lambda self: self._name)
    uri = property(lambda self: self._uri)
    children = property(lambda self: self._children)
    is_folder = property(lambda self: self._folder)
    is_device = property(lambda self: self._device)
    is_loadable = property(lambda self: self._make is not None)
    is_selected = property(lambda self: False)
    source = property(lambda self: "Live")

    def iter_children(self) -> Any:
        return iter(self._children)


def _stock(name: str) -> Make:
    return lambda doc: make_device(doc, name)


def _renamed(stock: str, name: str) -> Make:
    def make(doc: Any) -> Device:
        device = make_device(doc, stock)
        device._name = name  # a preset loads as its device, named after the preset
        return device

    return make


def _kit(name: str, pads: dict[int, str]) -> Make:
    def make(doc: Any) -> Device:
        rack = make_device(doc, "Drum Rack")
        assert isinstance(rack, RackDevice)
        rack._name = name
        for note, chain in pads.items():
            rack._add_chain(DrumChain(doc, chain, note, (_renamed("Simpler", chain)(doc),)))
        return rack

    return make


def _category(name: str, items: Sequence[BrowserItem]) -> BrowserItem:
    return BrowserItem(name, f"query:{name.replace(' ', '')}", items, folder=True)


def _devices(category: str, kind: int) -> BrowserItem:
    uri = f"query:{category.replace(' ', '')}#"
    items = [
        BrowserItem(n, uri + n, (), _stock(n), device=True) for n, spec in STOCK.items() if spec[1] == kind
    ]
    return _category(category, items)


def _folders(
    category: str, table: dict[str, Any], item: Callable[[str, str, str], BrowserItem]
) -> BrowserItem:
    uri = f"query:{category.replace(' ', '')}#"
    folders = [BrowserItem(f, uri + f, [item(uri + f + ":", n, v) for n, v in _pairs(content)], folder=True)
               for f, content in table.items()]  # fmt: skip
    return _category(category, folders)


def _pairs(content: Any) -> list[tuple[str, Any]]:
    return list(content.items()) if isinstance(content, dict) else [(n, n) for n in content]


class Browser:
    """Application.browser: the categories, load_item onto the selected track, preview."""

    def __init__(self, app: Any) -> None:
        self._app = app
        self._previewing: BrowserItem | None = None
        self.instruments = _devices("Instruments", INSTRUMENT)
        self.audio_effects = _devices("Audio Effects", AUDIO_EFFECT)
        self.midi_effects = _devices("MIDI Effects", MIDI_EFFECT)
        kits = [BrowserItem(k, f"query:Drums#{k}", (), _kit(k, pads)) for k, pads in KITS.items()]
        self.drums = _category("Drums", [BrowserItem("Drum Rack", "query:Drums#Drum Rack", (),
                                                     _stock("Drum Rack"), device=True), *kits])  # fmt: skip
        self.sounds = _folders(
            "Sounds", PRESETS, lambda uri, n, stock: BrowserItem(n, uri + n, (), _renamed(stock, n))
        )
        self.samples = _folders(
            "Samples",
            SAMPLES,
            lambda uri, n, _: BrowserItem(n, uri + n, (), _renamed("Simpler", n.rsplit(".", 1)[0])),
        )
        self.user_library = _category(
            "User Library", [BrowserItem("Presets", "userfolder:Presets", (), folder=True)]
        )
        self.plugins, self.max_for_live = _category("Plug-Ins", ()), _category("Max for Live", ())
        self.clips, self.packs = _category("Clips", ()), _category("Packs", ())
        self.current_project = _category("Current Project", ())

    def load_item(self, item: BrowserItem, /) -> None:
        song = self._app.document
        song._doc.check_change("Browser.load_item")
        if not isinstance(item, BrowserItem) or item._make is None:
            raise RuntimeError(f"Cannot load {item!r}: it is not a loadable browser item")
        track = song.view.selected_track
        if track is None:
            raise RuntimeError("Cannot load: no track is selected")
        if item.uri.startswith("query:Samples") and not track._midi:
            raise RuntimeError("Loading a sample onto an audio track is not modelled by the in-memory Live")
        device = item._make(song._doc)
        chain = [d for d in track._devices if not (device.type == INSTRUMENT and d.type == INSTRUMENT)]
        order = {MIDI_EFFECT: 0, INSTRUMENT: 1, AUDIO_EFFECT: 2}
        at = sum(order.get(d.type, 2) <= order.get(device.type, 2) for d in chain)
        track._check_chain([*chain[:at], device, *chain[at:]], device)
        song._doc.begin_undo_step()
        try:
            for old in [d for d in track._devices if d not in chain]:
                track._drop_device(old)
            track._put_device(at, device)
        finally:
            song._doc.end_undo_step()

    def preview_item(self, item: BrowserItem, /) -> None:
        if not isinstance(item, BrowserItem):
            raise RuntimeError(f"Cannot preview {item!r}: expected a BrowserItem")
        self._previewing = item

    def stop_preview(self) -> None:
        self._previewing = None
