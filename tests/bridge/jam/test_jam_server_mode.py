"""The jam says so when JACK runs asynchronously, where a reader late in a cycle loses notes (issue 31)."""

from __future__ import annotations

import logging
import os
import subprocess
from collections.abc import Iterator

import pytest

from bridge.jam import jack_cycles
from bridge.jam.sender import ProcessOutputs
from tests.bridge.jam.conftest import jack_up, stop_jackd
from tests.conftest import require_tool
from tests.servers import bound_popen


@pytest.fixture(params=[[], ["-S"]], ids=["async", "sync"])
def server(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    for tool in ("jackd", "jack_wait"):
        require_tool(tool)
    name = f"roo-jam-mode-{os.getpid()}"
    monkeypatch.setenv("JACK_DEFAULT_SERVER", name)
    monkeypatch.setenv("JACK_NO_AUDIO_RESERVATION", "1")
    flags: list[str] = request.param
    server = bound_popen(
        ["jackd", "-n", name, *flags, "--no-realtime", "-d", "dummy", "-p", "256"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert jack_up(server, 10.0)
        yield flags
    finally:
        stop_jackd(server, name)


def test_an_asynchronous_server_is_named_with_what_to_do(
    server: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="bridge.jam.sender"):
        outputs = ProcessOutputs(("bass",), "jack")
        outputs.close()
    warned = [r.getMessage() for r in caplog.records if "asynchronously" in r.getMessage()]
    if server:
        assert warned == []
    else:
        assert len(warned) == 1 and "jackd -S" in warned[0] and os.environ["JACK_DEFAULT_SERVER"] in warned[0]


@pytest.mark.parametrize(
    ("args", "name", "sync"),
    [
        (["-n", "a", "-S", "-d", "dummy"], "a", True),
        (["--name=b", "-RS", "-d", "alsa"], "b", True),
        (["--sync", "--name", "c", "-d", "dummy"], "c", True),
        (["-R", "-P20", "-d", "alsa", "-S"], "default", False),  # the driver's own -S (ALSA: 16 bits)
        (["-R", "-d", "dummy"], "default", False),
    ],
)
def test_jackd_arguments_read_for_name_and_sync(args: list[str], name: str, sync: bool) -> None:
    found = jack_cycles._server_args(args)
    assert (found.get("name", "default"), bool(found.get("sync"))) == (name, sync)
