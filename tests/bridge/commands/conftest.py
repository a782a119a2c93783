"""The in-memory Live and a daemon client, shared with tests/bridge/test_whole_path.py."""

from __future__ import annotations

from tests.bridge.test_whole_path import client, live

__all__ = ["client", "live"]
