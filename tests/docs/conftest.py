"""The docs' examples run with a take history and their own cache, as `roo serve` runs."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from bridge.history import open_store


@pytest.fixture
def history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    monkeypatch.setenv("MUSEAROO_CACHE_DIR", str(tmp_path / "cache"))
    # `roo send` reads an argument of digits as an int, so a take id whose prefix happens to be all
    # digits (1 in 17 of 6) could not be sent as the docs send it: here every id starts with a letter
    lettered = SimpleNamespace(token_hex=lambda n: "a" + secrets.token_hex(n)[1:])
    for module in ("bridge.history.store", "bridge.history.pending"):
        monkeypatch.setattr(f"{module}.secrets", lettered)
    yield open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path)
