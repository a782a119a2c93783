"""``GET /api/diff?a=A&b=B``: what changed from take A to take B, the history's own comparison
(``bridge.history.diff.compare``, the same as ``roo diff A B --json``), run on the history thread."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from bridge.app import App
from engines.errors import InvalidValue, StoreError, TakeNotFound


def router(app: App) -> APIRouter:
    routes = APIRouter()

    @routes.get("/api/diff")
    async def diff(a: str, b: str) -> dict[str, Any]:
        """Notes added, removed, moved and re-velocitied per bar from take A to take B; audio per stem."""
        try:
            return await app.in_history(_compare, app, a, b)
        except TakeNotFound as exc:
            raise HTTPException(404, str(exc)) from exc
        except InvalidValue as exc:
            raise HTTPException(422, str(exc)) from exc
        except StoreError as exc:
            raise HTTPException(503, str(exc)) from exc

    return routes


def _compare(app: App, a: str, b: str) -> dict[str, Any]:
    from bridge.history.diff import compare

    return compare(app.history.get(a), app.history.get(b))
