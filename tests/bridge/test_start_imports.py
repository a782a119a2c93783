"""What a daemon imports before it listens: the commands' rules and alembic wait for their first use.

The daemon needs neither to listen; the first /roo/command imports the rules (off the loop), a take
store's opening imports alembic, and ``roo serve`` loads the rules on a thread once it listens (unless
the tests' MUSEAROO_VOICE_PRELOAD=0 says not to), the learned reading's warm-up with them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from bridge.cli import serve

ROOT = Path(__file__).resolve().parents[2]
LATE = ("bridge.commands", "bridge.actions.intents", "alembic")


def _fresh(code: str, **env: str) -> str:
    """stdout of ``code`` in a fresh interpreter at the project root."""
    got = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        timeout=120,
    )
    assert got.returncode == 0, got.stderr
    return got.stdout.strip()


def test_the_daemon_and_its_page_import_neither_the_rules_nor_alembic() -> None:
    code = f"import sys, bridge.daemon, bridge.web; print([m for m in {LATE!r} if m in sys.modules])"
    assert _fresh(code) == "[]"


def test_roo_help_imports_no_database_module() -> None:
    code = (
        "import contextlib, io, sys\nfrom bridge.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit): main(['--help'])\n"
        "print([m for m in ('sqlalchemy', 'alembic', 'bridge.history') if m in sys.modules])"
    )
    assert _fresh(code) == "[]"


def test_the_first_command_loads_the_rules_and_is_read_by_them() -> None:
    """A fresh daemon (no Live) reads its first sentence: the rules come in on that command."""
    code = """
import sys
from bridge import protocol
from tests.bridge.harness import daemon_client
from tests.conftest import free_udp_port
with daemon_client(free_udp_port()) as client:
    before = "bridge.commands" in sys.modules
    client.send(protocol.COMMAND, "florp the wibble")
    final = client.wait_final(timeout=60)
    print(before, "bridge.commands" in sys.modules, final[1], "florp the wibble" in str(final[3]))
"""
    assert _fresh(code, MUSEAROO_READING="off") == "False True failed True"


def test_an_empty_command_is_still_refused_by_its_check() -> None:
    from bridge import protocol
    from bridge.actions import CHECKS
    from engines.errors import InvalidValue

    with pytest.raises(InvalidValue, match=r"needs a sentence, e\.g\."):
        CHECKS[protocol.COMMAND]([" "])
    assert CHECKS[protocol.COMMAND](["make", "the", "drums", "busier"]) == "make the drums busier"


@pytest.fixture
def warmed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The learned reading's warm-up, recorded instead of loading the encoder."""
    import bridge.commands.reader as reader

    calls: list[str] = []
    monkeypatch.setattr(reader, "warm", lambda: calls.append("warm"))
    return calls


def test_serve_preloads_the_rules_then_hands_on_the_voice(
    warmed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import bridge.actions

    monkeypatch.setattr(bridge.actions, "_loaded", [])  # as in a daemon that has read no command yet
    seen: list[bool] = []
    serve.preload_commands(True, lambda: seen.append(bool(bridge.actions._loaded))).join(30)
    assert warmed == ["warm"] and seen == [True]


@pytest.mark.parametrize(("reading", "expected"), [("off", []), ("on", ["warm"])])
def test_without_preload_only_the_reading_warms(
    warmed: list[str], monkeypatch: pytest.MonkeyPatch, reading: str, expected: list[str]
) -> None:
    """MUSEAROO_VOICE_PRELOAD=0 (the tests' daemons): the rules wait for a command; an encoder still
    loads at start when the learned reading is on (issue 55: never per command)."""
    import bridge.actions

    monkeypatch.setenv("MUSEAROO_READING", reading)
    monkeypatch.setattr(bridge.actions, "_loaded", [])
    handed = threading.Event()
    serve.preload_commands(False, handed.set).join(30)
    assert warmed == expected and handed.is_set()
    assert bridge.actions._loaded == []
