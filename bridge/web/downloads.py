"""Downloads of takes: a take's exported .mid or .zip (with its ancestry), and its stored audio with
HTTP range requests, and MIDI takes' previews rendered by fluidsynth (bridge.web.preview). Only files the store owns are opened: the client names a take and an output,
never a path.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse, Response

from bridge.app import App
from bridge.web.preview import Previews
from engines.errors import InvalidValue, StoreError, TakeNotFound


def router(app: App) -> APIRouter:
    routes = APIRouter()

    async def store_call(fn: Any, *args: Any) -> Any:
        try:
            return await app.in_history(fn, *args)
        except TakeNotFound as exc:
            raise HTTPException(404, str(exc)) from exc
        except InvalidValue as exc:
            raise HTTPException(422, str(exc)) from exc
        except StoreError as exc:
            raise HTTPException(503, str(exc)) from exc

    @routes.get("/api/takes/{take_id}/audio/{name}")
    async def audio(take_id: str, name: str) -> FileResponse:
        """A take's stored audio output by name (range requests answered with 206)."""
        take = await store_call(app.history.get, take_id)
        for out in take.outputs:
            if out["kind"] == "audio" and out.get("name") == name and "path" in out:
                path = Path(out["path"])
                return FileResponse(path, filename=f"{take.take_id}-{name}{path.suffix}")
        names = [o.get("name") for o in take.outputs if o["kind"] == "audio"]
        raise HTTPException(404, f"take {take.take_id} has no audio {name!r}: it has {names or 'none'}")

    @routes.get("/api/takes/{take_id}/export/{what}")
    async def export(take_id: str, what: str) -> Response:
        """``mid``: the take's notes as a MIDI file; ``zip``: it and its ancestry with a manifest."""
        if what not in ("mid", "zip"):
            raise HTTPException(404, f"export {what!r} is not offered: expected mid or zip")
        data, filename = await store_call(_export, app, take_id, what)
        media = "audio/midi" if what == "mid" else "application/zip"
        return Response(
            data, media_type=media, headers={"Content-Disposition": f'attachment; filename="{filename}"'}
        )

    previews = Previews(app.history.root) if app.history is not None else None

    @routes.get("/api/takes/{take_id}/preview")
    async def preview(take_id: str) -> FileResponse:
        """A MIDI take rendered by fluidsynth with the GM SoundFont, as WAV (the page's player); cached
        in the data folder by content, range requests answered with 206."""
        midi, _ = await store_call(_export, app, take_id, "mid")
        if previews is None:
            raise HTTPException(503, "the take history is not open: no data folder for previews")
        try:
            path = await previews.wav(midi)
        except OSError as exc:
            raise HTTPException(503, str(exc)) from exc
        return FileResponse(
            path, media_type="audio/wav", filename=f"{take_id}-preview.wav", content_disposition_type="inline"
        )

    return routes


def _export(app: App, take_id: str, what: str) -> tuple[bytes, str]:
    """Runs on the history thread: export into a throwaway folder and read back the one file."""
    from bridge.history.export import export

    with tempfile.TemporaryDirectory(prefix="roo-export-") as folder:
        written = export(app.history, take_id, Path(folder))
        if what == "zip":
            path = Path(written["zip"])
        else:
            mids = [Path(p) for p in written["files"] if p.endswith(".mid")]
            if not mids:
                raise InvalidValue(f"take {written['take_id']} has no notes: no MIDI to export")
            path = mids[0]
        return path.read_bytes(), path.name
