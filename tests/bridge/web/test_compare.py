"""GET /api/diff: the history's comparison of two takes over HTTP, the same as `roo diff --json`."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from bridge.cli import main
from bridge.history import TakeDraft, note_dict
from tests.bridge.web.conftest import Served

A = [note_dict(36, 0.0, 0.5, 100), note_dict(38, 1.0, 0.5, 100), note_dict(42, 4.5, 0.25, 80)]
B = [note_dict(36, 0.0, 0.5, 120), note_dict(38, 1.5, 0.5, 100), note_dict(46, 6.0, 0.25, 80)]


def commit_pair(served: Served) -> tuple[str, str]:
    live = {"track": 0, "slot": 0, "length_beats": 8.0}
    ctx = {"tempo_bpm": 100.0, "signature": [4, 4]}
    a = served.store.commit(TakeDraft("generate", "drums", notes=A, live=live, context=ctx, parent_id=None))
    b = served.store.commit(TakeDraft("generate", "drums", notes=B, live=live, context=ctx, parent_id=a))
    return a, b


def test_diff_over_http_is_roo_diff(
    served: Served, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = commit_pair(served)
    with httpx.Client(base_url=served.url) as http:
        got = http.get("/api/diff", params={"a": a, "b": b})
    assert got.status_code == 200
    monkeypatch.setenv("MUSEAROO_DB", f"sqlite:///{tmp_path / 'h.db'}")
    monkeypatch.setenv("MUSEAROO_DATA_DIR", str(tmp_path))
    assert main(["diff", a, b, "--json"]) == 0
    assert got.json() == json.loads(capsys.readouterr().out)
    assert got.json()["summary"] == {"added": 1, "removed": 1, "moved": 1, "velocity": 1}


def test_diff_names_a_missing_take_and_a_missing_field(served: Served) -> None:
    a, _ = commit_pair(served)
    with httpx.Client(base_url=served.url) as http:
        missing = http.get("/api/diff", params={"a": a, "b": "nosuchtake"})
        half = http.get("/api/diff", params={"a": a})
    assert missing.status_code == 404 and "nosuchtake" in missing.text
    assert half.status_code == 422 and "b" in half.text
