"""The one Chromium a test file's page tests share (conftest ``browser``): what a test leaves in it (a page still open, a
cookie, localStorage) never reaches the next test. The two tests are the same, so whichever runs second checks
what the first left."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest


@pytest.fixture(scope="module")
def origin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("site")
    (folder / "index.html").write_text("<!doctype html><title>a page</title>")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(SimpleHTTPRequestHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def leaves_its_mark(browser: Any, origin: str, name: str) -> None:
    assert browser.contexts == []  # the last test's pages are closed
    page = browser.new_page()
    page.goto(origin + "/index.html")
    assert page.evaluate("() => ({...localStorage})") == {}
    assert page.context.cookies() == []
    page.evaluate("name => { localStorage.setItem('left by', name); document.cookie = 'by=' + name }", name)
    assert page.evaluate("() => localStorage.getItem('left by')") == name
    assert [c["value"] for c in page.context.cookies()] == [name]
    # the page is left open, as the page tests leave theirs


def test_one_tests_storage_and_pages_do_not_reach_the_next(browser: Any, origin: str) -> None:
    leaves_its_mark(browser, origin, "first")


def test_the_other_order_too(browser: Any, origin: str) -> None:
    leaves_its_mark(browser, origin, "second")
