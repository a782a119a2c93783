"""The in-memory Live and a daemon client, shared with tests/bridge/test_whole_path.py; ``executed``, the
voice actions' stand-in for /roo/command (test_confidence.py), shared with test_trust.py."""

from __future__ import annotations

from tests.bridge.commands.test_confidence import executed
from tests.bridge.test_whole_path import client, live

__all__ = ["client", "executed", "live"]
