"""Live's browser in AbletonOSC's pattern (its grammar has none): list, load onto a track, preview.

A path names an item: a category of grammar.BROWSER_CATEGORIES ("drums"), then the names of
children down to it, joined by "/" ("drums/808 Core Kit"). ``/live/browser/get/children/<prop>``
(path) -> (path, a value per child) for name, is_folder, is_loadable, is_device, uri; the empty
path lists the categories (their names are the category words). ``/live/browser/load`` (track,
path) selects the track, loads the item as Live's browser does (Browser.load_item) and answers
(track, device_index, device_name) of the device that landed (-1, "" when none did).
``/live/browser/preview`` (path) -> (path); ``/live/browser/stop_preview``. A path that does not
exist is refused naming the part not found and the names there are.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import Live

from . import grammar
from .core import arg, index_of, pick, wire

if TYPE_CHECKING:
    from .core import Address, Handler

BASE = "/live/browser/"


class BrowserHandlers:
    def __init__(self, song: Any, listening: Any) -> None:
        self.song = song

    @staticmethod
    def browser() -> Any:
        return Live.Application.get_application().browser

    def item(self, path: str) -> Any:
        """The browser item at path ("" is not an item: the categories are listed by ``children``)."""
        parts = [p for p in path.split("/") if p]
        if not parts:
            raise ValueError("browser path '': expected a category and names, e.g. 'drums/808 Core Kit'")
        if parts[0] not in grammar.BROWSER_CATEGORIES:
            raise ValueError(
                f"browser path {path!r}: no category {parts[0]!r}: expected one of "
                f"{', '.join(grammar.BROWSER_CATEGORIES)}"
            )
        item = getattr(self.browser(), parts[0])
        for depth, name in enumerate(parts[1:], start=1):
            found = [child for child in item.children if child.name == name]
            if not found:
                names = ", ".join(repr(c.name) for c in item.children) or "nothing"
                where = "/".join(parts[:depth])
                raise ValueError(f"browser path {path!r}: {where!r} has no {name!r}: it holds {names}")
            item = found[0]
        return item

    def handlers(self) -> dict[str, Handler]:
        table: dict[str, Handler] = {
            BASE + "load": self.load,
            BASE + "preview": self.preview,
            BASE + "stop_preview": lambda args, to: self.browser().stop_preview(),
        }
        for prop in grammar.BROWSER_ITEMS:
            table[f"{BASE}get/children/{prop}"] = self._children(prop)
        return table

    def _children(self, prop: str) -> Handler:
        def get(args: Sequence[Any], to: Address) -> Sequence[Any]:
            path = str(args[0]) if args else ""
            if not path.strip("/"):
                roots = [getattr(self.browser(), c) for c in grammar.BROWSER_CATEGORIES]
                values = grammar.BROWSER_CATEGORIES if prop == "name" else [getattr(r, prop) for r in roots]
                return (path, *(wire(v) for v in values))
            return (path, *(wire(getattr(child, prop)) for child in self.item(path).children))

        return get

    def load(self, args: Sequence[Any], to: Address) -> Sequence[Any]:
        track_id = index_of(arg(args, 0, "track_id"), "track_id")
        track = pick(self.song.tracks, track_id, "track")
        item = self.item(str(arg(args, 1, "path")))
        if not item.is_loadable:
            raise ValueError(
                f"browser item {args[1]!r} is a folder or not loadable: list its children instead"
            )
        before = [id(d) for d in track.devices]
        self.song.view.selected_track = track
        self.browser().load_item(item)
        for index, device in enumerate(track.devices):
            if id(device) not in before:
                return (track_id, index, device.name)
        return (track_id, -1, "")

    def preview(self, args: Sequence[Any], to: Address) -> Sequence[Any]:
        path = str(arg(args, 0, "path"))
        self.browser().preview_item(self.item(path))
        return (path,)
