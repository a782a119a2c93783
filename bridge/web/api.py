"""The FastAPI application: the daemon's actions, jobs, takes and song context over HTTP and /ws.

Every handler runs on the daemon's own event loop and calls what the OSC dispatcher calls
(``Daemon.submit``, ``JobBoard.cancel``, the take store on the history thread): no second copy.
"""

from __future__ import annotations

import html
import json
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import asdict
from importlib import resources
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, HTTPException, Request, Response, WebSocket
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from bridge import protocol
from bridge.actions import CHECKS
from bridge.actions.inputs import describe
from bridge.actions.takes import VERSION
from bridge.app import App
from bridge.daemon import Daemon
from bridge.jobs.board import Address, Job
from bridge.web import compare, downloads, requests, results, security
from bridge.web.events import Hub
from bridge.web.guard import Guard, served_hosts
from bridge.web.metrics import Metrics
from engines.errors import InvalidValue, RooError, StoreError, TakeNotFound
from engines.infill import DEFAULT_MODEL as DEFAULT_INFILL_MODEL
from engines.infill import PARTS as INFILL_PARTS

HTTP_CLIENT: Address = ("127.0.0.1", 0)  # port 0: statuses go to the watchers, not over UDP
TAKE_JOBS = (protocol.HISTORY_RECALL, protocol.HISTORY_FORK, protocol.HISTORY_STAR, protocol.HISTORY_MESSAGE)
MAX_BODY_BYTES = 64 * 1024
MAX_LIST = 10_000  # the most takes one GET /api/takes lists
STATIC = resources.files("bridge.web") / "static"


def job_json(job: Job) -> dict[str, Any]:
    return {
        "job_id": job.id,
        "kind": job.kind,
        "state": job.state,
        "progress": job.progress,
        "message": job.message,
        "elapsed_ms": round(job.elapsed_s * 1000.0, 1),  # the daemon's request-to-final time (so far)
    }


def build_app(daemon: Daemon, *, token: str | None = None, served: list[str] | None = None) -> FastAPI:
    """The app for a started daemon; ``token``: required on every request but /api/health;
    ``served``: the Host names answered (default: the loopback names, ``guard.served_hosts``)."""
    hub = Hub()
    metrics = Metrics(daemon, hub)
    metrics.attach()
    app_state = daemon.app
    assert app_state is not None, "start the daemon before building its HTTP app"
    app_state.watchers.append(hub.publish)
    # /docs is our own page from the OpenAPI schema: the stock one loads its scripts from a CDN
    web = FastAPI(title="MuseAroo", version=VERSION, docs_url=None, redoc_url=None)
    web.state.hub, web.state.metrics = hub, metrics

    def roo() -> App:
        assert daemon.app is not None
        return daemon.app

    @web.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        started = time.perf_counter()
        if not security.allowed(
            request.url.path, request.headers.get("authorization"), request.query_params.get("token"), token
        ):
            return JSONResponse({"detail": "a Bearer token is required"}, status_code=401)
        if request.method == "POST" and not request.headers.get("content-type", "").startswith(
            "application/json"
        ):  # a cross-site form or text/plain POST (no CORS preflight) never reaches an action
            return JSONResponse({"detail": "POST bodies must be application/json"}, status_code=415)
        response = await call_next(request)
        route = request.scope.get("route")
        path = getattr(route, "path", "unmatched")
        metrics.http_seconds.labels(request.method, path, str(response.status_code)).observe(
            time.perf_counter() - started
        )
        return response

    @web.get("/api/health")
    async def health() -> dict[str, Any]:
        from bridge.prepare import describe

        prepared = describe(daemon.app) if daemon.app is not None else "off"
        return {"ok": True, "live": daemon.live_connected, "version": VERSION, "prepared": prepared}

    @web.get("/api/context")
    async def context() -> dict[str, Any]:
        try:
            ctx = await roo().live.context(timeout=1.0)
        except RooError as exc:
            raise HTTPException(503, str(exc)) from exc
        song = roo().song
        chords = [
            {"label": c.label, "start_beats": c.start_beats, "duration_beats": c.duration_beats}
            for c in song.chords
        ]
        return {**asdict(ctx), "chords": chords, "chords_source": song.chords_source}

    @web.get("/api/options")
    async def options() -> dict[str, Any]:
        """What the forms offer: the device's parts and options; MIDI-GPT's parts and options."""
        return {
            "parts": list(protocol.PARTS),
            "generate_options": protocol.GENERATE_OPTIONS,
            "infill_parts": list(INFILL_PARTS),
            "infill_options": protocol.INFILL_OPTIONS,
            "continue_options": protocol.CONTINUE_OPTIONS,
            "accompany_options": protocol.ACCOMPANY_OPTIONS,
            "infill_model": DEFAULT_INFILL_MODEL,
            "descriptions": {  # each option in words, as the MCP tools' schemas say it (one table)
                "generate": _words(protocol.GENERATE, protocol.GENERATE_OPTIONS),
                "infill": _words(protocol.INFILL, protocol.INFILL_OPTIONS),
                "continue": _words(protocol.CONTINUE, protocol.CONTINUE_OPTIONS),
                "accompany": _words(protocol.ACCOMPANY, protocol.ACCOMPANY_OPTIONS),
            },
        }

    @web.post("/api/cancel")
    async def cancel_body(request: Request) -> dict[str, Any]:
        body = await _body(request)
        if not isinstance(body.get("job_id"), int):
            raise HTTPException(422, f"cancel: expected {{'job_id': <int>}}, got {body!r}")
        return _cancel(body["job_id"])

    @web.post("/api/{action}", status_code=202)
    async def start(action: str, request: Request) -> dict[str, Any]:
        if action not in requests.ACTIONS:
            raise HTTPException(
                404, f"action {action!r} is not known: expected one of {', '.join(requests.ACTIONS)}"
            )
        address, layout = requests.ACTIONS[action]
        try:
            args = layout(await _body(request))
            CHECKS[address](args)  # the job's own request check, so a bad value is a 422, not a failed job
        except InvalidValue as exc:
            raise HTTPException(422, str(exc)) from exc
        if address in TAKE_JOBS:
            await _known_take(str(args[0]))
        job = daemon.submit(address, args, HTTP_CLIENT)
        return {"job_id": job.id}

    @web.get("/api/jobs")
    async def jobs() -> list[dict[str, Any]]:
        return [job_json(j) for j in sorted(roo().jobs.jobs.values(), key=lambda j: -j.id)[:100]]

    @web.get("/api/jobs/{job_id}")
    async def job(job_id: int) -> dict[str, Any]:
        found = roo().jobs.jobs.get(job_id)
        if found is None:
            raise HTTPException(404, f"job {job_id} is not known")
        return job_json(found)

    @web.delete("/api/jobs/{job_id}")
    async def cancel(job_id: int) -> dict[str, Any]:
        return _cancel(job_id)

    def _cancel(job_id: int) -> dict[str, Any]:
        if not roo().jobs.cancel(job_id):
            found = roo().jobs.jobs.get(job_id)
            if found is None:
                raise HTTPException(404, f"job {job_id} is not known")
            raise HTTPException(409, f"job {job_id} cannot be cancelled: it is already {found.state}")
        return job_json(roo().jobs.jobs[job_id])

    @web.get("/api/takes")
    async def takes(
        project: str | None = None, part: str | None = None, starred: bool = False, limit: int = 200
    ) -> list[dict[str, Any]]:
        if not 1 <= limit <= MAX_LIST:
            raise HTTPException(422, f"limit {limit} is out of range: expected 1..{MAX_LIST} (the cap)")

        def listing() -> list[dict[str, Any]]:
            found = roo().history.takes(project=project, part=part, starred=starred, limit=limit)
            return [t.summary(roo().set_id) for t in found]

        return await _store(listing)

    @web.get("/api/takes/{take_id}")
    async def take(take_id: str) -> dict[str, Any]:
        return await _store(lambda: roo().history.get(take_id).detail())

    async def _known_take(take_id: str) -> None:
        """422 naming a take id the history does not hold (a store that cannot answer: the job says)."""
        if roo().history is None:
            return
        try:
            await roo().in_history(lambda: roo().history.get(take_id))
        except TakeNotFound as exc:
            raise HTTPException(422, f"take_id {take_id!r} is not known: {exc}") from exc
        except InvalidValue as exc:  # an ambiguous prefix
            raise HTTPException(422, str(exc)) from exc
        except StoreError:
            return

    async def _store(call: Callable[[], Any]) -> Any:
        try:
            return await roo().in_history(call)
        except TakeNotFound as exc:
            raise HTTPException(404, str(exc)) from exc
        except InvalidValue as exc:
            raise HTTPException(422, str(exc)) from exc
        except StoreError as exc:
            raise HTTPException(503, str(exc)) from exc

    web.include_router(downloads.router(app_state))
    web.include_router(compare.router(app_state))
    web.include_router(results.router(app_state))

    @web.get("/docs", response_class=HTMLResponse)
    async def docs() -> str:
        return openapi_page(web.openapi())

    @web.get("/metrics")
    async def prometheus() -> Response:
        return Response(metrics.text(), media_type="text/plain; version=0.0.4; charset=utf-8")

    @web.websocket("/ws")
    async def events(ws: WebSocket) -> None:
        if not security.allowed("/ws", ws.headers.get("authorization"), ws.query_params.get("token"), token):
            await ws.close(code=4401)
            return
        if not security.same_origin(ws.headers.get("origin"), ws.headers.get("host")):
            await ws.close(code=4403)  # another site's page may not read our events
            return
        await ws.accept()
        await hub.stream(ws, {"type": "live", "connected": daemon.live_connected})

    @web.get("/", response_class=HTMLResponse)
    async def page(request: Request) -> str:
        html = (STATIC / "index.html").read_text()
        given = request.query_params.get("token")
        if given:  # the browser loads the assets without our header: they carry the token too
            query = "?token=" + quote(given, safe="")
            html = html.replace('.css"', f'.css{query}"').replace('.js"', f'.js{query}"')
        return html

    web.mount("/static", StaticFiles(packages=[("bridge.web", "static")]), name="static")
    # outermost (added last): Host/Origin before the token, the body limit before any handler reads
    web.state.body_read = {}  # the guard's counts: the most body bytes read for one request, 413s
    web.add_middleware(
        Guard,
        served=served or served_hosts("127.0.0.1"),
        max_body_bytes=MAX_BODY_BYTES,
        read=web.state.body_read,
    )
    return web


def _words(request: str, table: Mapping[str, str]) -> dict[str, str]:
    return {name: describe(name, request, kind) for name, kind in table.items()}


def openapi_page(schema: dict[str, Any]) -> str:
    """The OpenAPI schema as a plain HTML table (method, path, summary); the JSON is /openapi.json."""
    rows = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            summary = html.escape(op.get("description") or op.get("summary") or "")
            rows.append(
                f"<tr><td>{method.upper()}</td><td><code>{html.escape(path)}</code></td><td>{summary}</td></tr>"
            )
    return (
        f"<!doctype html><html lang=en><meta charset=utf-8><title>{html.escape(schema['info']['title'])} API</title>"
        "<h1>MuseAroo HTTP API</h1><p>Schema: <a href=openapi.json>/openapi.json</a>; events: <code>WS /ws</code>.</p>"
        f"<table><tr><th>method</th><th>path</th><th>what</th></tr>{''.join(rows)}</table></html>"
    )


async def _body(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if len(raw) > MAX_BODY_BYTES:
        raise HTTPException(413, f"request body over {MAX_BODY_BYTES} bytes")
    try:
        body = json.loads(raw or b"{}")
    except ValueError as exc:
        raise HTTPException(422, f"the body is not JSON: {exc}") from exc
    if not isinstance(body, dict):
        raise HTTPException(422, f"expected a JSON object, got {type(body).__name__}")
    return body
