"""roo doctor's "prepared" line reads a running daemon's /api/health."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from bridge.prepare.doctor import prepared_summary
from tests.bridge.web.conftest import serve


@pytest.mark.parametrize(("setting", "said"), [("0", "off"), ("1", "nothing prepared")])
def test_doctor_says_what_the_daemon_has_prepared(
    setting: str, said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MUSEAROO_PREPARE", setting)
    for served in serve(tmp_path):
        assert prepared_summary(served.web.port).startswith(said)


def test_doctor_says_when_no_daemon_answers() -> None:
    with socket.socket() as sock:  # a port nothing listens on once closed
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    assert prepared_summary(port).startswith("no daemon answered at http://127.0.0.1:")
