"""A real daemon with the in-memory Live, a take store, and its HTTP server on a free port."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bridge.daemon import Daemon
from bridge.history import Store, open_store
from bridge.web import WebServer
from livesim.host import LiveHost
from livesim.live_set import SetDesc
from tests.bridge.harness import running_daemon
from tests.conftest import missing, require_tool


@dataclass
class Served:
    daemon: Daemon
    web: WebServer
    live: LiveHost
    store: Store
    store_path: Path  # the SQLite file of the store, for tests that read it directly

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.web.port}"


def serve(tmp_path: Path, token: str | None = None, live_set: SetDesc | None = None) -> Iterator[Served]:
    live = LiveHost(live_set, port=0).start_in_thread()
    store = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path)
    try:
        with running_daemon(live_port=live.port, history=store) as daemon:
            assert daemon.app is not None
            loop = daemon.app.loop
            web = WebServer(daemon, "127.0.0.1", 0, token)
            asyncio.run_coroutine_threadsafe(web.start(), loop).result(10)
            try:
                yield Served(daemon, web, live, store, tmp_path / "h.db")
            finally:
                asyncio.run_coroutine_threadsafe(web.stop(), loop).result(10)
    finally:
        live.stop()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    yield from serve(tmp_path)


@pytest.fixture(scope="module")
def _chromium() -> Iterator[Any]:
    """One Chromium for a test file's page tests (its launch and close cost each test about 1.5 s of CPU, ci71);
    each test's pages live in browser contexts of their own (``browser`` closes them), which share no cookies,
    storage or cache. Not wider: while Playwright's sync API is open, the main thread has a running event loop,
    so ``asyncio.run`` (and another ``sync_playwright``) fails in any test of another file."""
    chromium = require_tool("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("the playwright package (pip install -e '.[dev]') is not installed")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def browser(_chromium: Any) -> Iterator[Any]:
    """The process's Chromium, with no context open; every context (and page) the test opens is closed after it."""
    assert not _chromium.contexts, [c.pages for c in _chromium.contexts]
    try:
        yield _chromium
    finally:
        for context in list(_chromium.contexts):
            context.close()
