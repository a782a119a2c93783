"""The take history as the MCP server reads it: show, diff, export and a take's MIDI file.

Reads go to the same store the daemon writes (``MUSEAROO_DB`` / ``MUSEAROO_DATA_DIR``, as `roo
show` reads it), on a worker thread, opened for each read and closed after. Where a job's take
landed is its ``live`` field: ``{"track", "slot"}`` in Session view, ``{"track", "start_beats",
"length_beats"}`` in the Arrangement.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import anyio

from bridge.history import Store, open_store
from bridge.history.diff import compare
from bridge.history.export import export
from engines.errors import RooError

T = TypeVar("T")
TAKE_FIELDS = {
    "take_id": {
        "type": "string",
        "maxLength": 64,
        "description": "a take id (12 hex characters, from take_list) or a prefix of 6+ of them",
    }
}


async def reading(fn: Callable[[Store], T]) -> T:
    """``fn(store)`` on a worker thread with the store open; closed after."""

    def run() -> T:
        store = open_store()
        try:
            return fn(store)
        finally:
            store.close()

    return await anyio.to_thread.run_sync(run)


async def show(take_id: str) -> dict[str, Any]:
    return await reading(lambda s: s.get(take_id).detail())


async def diff(a: str, b: str) -> dict[str, Any]:
    return await reading(lambda s: compare(s.get(a), s.get(b)))


async def export_to(take_id: str, out_dir: str) -> dict[str, Any]:
    return await reading(lambda s: export(s, take_id, Path(out_dir)))


async def midi_file(take_id: str) -> bytes:
    """The take's notes as a Standard MIDI File (what `roo export` writes); StoreError for audio."""

    def make(store: Store) -> bytes:
        with tempfile.TemporaryDirectory(prefix="roo-mcp-") as folder:
            written = export(store, take_id, Path(folder))
            mids = [Path(f) for f in written["files"] if f.endswith(".mid")]
            if not mids:
                raise RooError(f"take {take_id} has no MIDI file: it is audio ({written['files']})")
            return mids[0].read_bytes()

    return await reading(make)


def where(live: Any) -> Any:
    """The agreed shape of where a clip landed: Session ``{track, slot}``, Arrangement ``{track,
    start_beats, length_beats}`` (the store may keep more, e.g. a note count)."""
    if not isinstance(live, dict) or "track" not in live:
        return live
    keys = ("track", "start_beats", "length_beats") if "start_beats" in live else ("track", "slot")
    return {k: live[k] for k in keys if k in live}


async def landed(take_ids: list[str]) -> list[dict[str, Any]]:
    """Where each take landed (its ``live`` field), for a tool's answer; a store error is said."""
    out: list[dict[str, Any]] = []
    for take_id in take_ids:
        try:
            detail = await show(take_id)
            out.append({"take_id": detail["take_id"], "part": detail["part"], "live": where(detail["live"])})
        except RooError as exc:
            out.append({"take_id": take_id, "error": str(exc)})
    return out


async def placed(take_ids: list[str]) -> dict[str, dict[str, Any]]:
    """For a take list: each take's track and slot (or start in the Arrangement) and its transform
    kind (None for a take that is not a transform), read in one store visit; a take not found is left out."""

    def read(store: Store) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for take_id in take_ids:
            try:
                detail = store.get(take_id).detail()
            except RooError:
                continue
            live = where(detail.get("live")) or {}
            params = detail.get("params") or {}
            out[take_id] = {
                "track": live.get("track") if isinstance(live, dict) else None,
                "slot": live.get("slot") if isinstance(live, dict) else None,
                "start_beats": live.get("start_beats") if isinstance(live, dict) else None,
                "kind": params.get("kind") if isinstance(params, dict) else None,
            }
        return out

    return await reading(read)
