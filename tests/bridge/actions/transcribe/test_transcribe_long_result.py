"""A transcription result too long for one datagram (10,000 notes, about 1 MB of JSON; the model worker
runs ``many_notes.piano_of_many``) still reaches each requester through the real daemon: the OSC
requester gets /roo/result in one datagram, every contract field there and its notes cut saying so,
and the whole part by part (/roo/result/get) or over HTTP; ``roo send`` and the MCP tool print and
answer the whole."""

from __future__ import annotations

import argparse
import ast
import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pytest
import soundfile as sf

from bridge import protocol
from bridge.actions.transcribe import job as transcribe_job
from bridge.cli import send
from bridge.jobs.results import fetch_whole
from bridge.mcp.calls import Calls
from bridge.mcp.door import Door
from bridge.mcp.roo_tools import BY_NAME as ROO_TOOLS
from engines.errors import InvalidValue
from livesim.live_set import parse_set
from tests.bridge.actions.transcribe.many_notes import NOTE_COUNT
from tests.bridge.actions.transcribe.test_transcribe_whole_path import SET_TEMPO_BPM, _ask
from tests.bridge.harness import Client
from tests.bridge.web.conftest import Served, serve

PITCHES = [36 + i * 7 % 48 for i in range(NOTE_COUNT)]  # many_notes' notes, in order


@pytest.fixture
def piece(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Served]:
    """The daemon (and its HTTP server) on a Set holding a 172 s piano piece's audio clip at 0 0."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setattr(transcribe_job, "TARGET", "tests.bridge.actions.transcribe.many_notes:piano_of_many")
    sf.write(tmp_path / "piece.wav", np.zeros(8000 * 172, dtype=np.float32), 8000)
    clip = {"slot": 0, "name": "Piece", "file": str(tmp_path / "piece.wav"), "warping": False}
    desc = parse_set(
        {"tempo": SET_TEMPO_BPM, "tracks": [{"type": "audio", "name": "Piano", "clips": [clip]}]}
    )
    yield from serve(tmp_path, live_set=desc)


def every_note(notes: list[dict[str, Any]]) -> None:
    assert [n["pitch"] for n in notes] == PITCHES
    assert all(
        set(n) == {"pitch", "start_s", "end_s", "velocity", "start_beats", "duration_beats"} for n in notes
    )


def test_an_osc_requester_gets_the_result_cut_to_one_datagram_and_the_whole_on_asking(piece: Served) -> None:
    client = Client(piece.daemon.port)
    try:
        status, result = _ask(client, 0, 0, "kind", "piano")
    finally:
        client.close()
    assert status[1] == "done", status
    assert result is not None, "no /roo/result reached the requester"
    assert set(protocol.TRANSCRIBE_RESULT_FIELDS) <= set(result)
    assert result["note_count"] == NOTE_COUNT and result["track"] == 1 and result["slot"] == 0
    carried = len(result["notes"])
    assert 0 < carried < NOTE_COUNT
    assert result["cut"] == {"notes": {"count": NOTE_COUNT, "carried": carried}}
    assert result["notes"] == [] or [n["pitch"] for n in result["notes"]] == PITCHES[:carried]
    whole_at = result["whole"]
    assert whole_at["job"] == status[0] and whole_at["result"] == 0 and whole_at["parts"] > 1
    assert whole_at["http"] == f"/api/jobs/{status[0]}/result"

    whole = fetch_whole(piece.daemon.port, whole_at)
    every_note(whole["notes"])
    assert whole["notes"][:carried] == result["notes"]
    assert {k: v for k, v in whole.items() if k != "notes"} == {
        k: v for k, v in result.items() if k not in ("notes", "cut", "whole")
    }
    assert len(json.dumps(whole)) == whole_at["bytes"]
    with pytest.raises(InvalidValue, match=f"job {status[0]}'s result 0 has no part {whole_at['parts']}"):
        fetch_whole(piece.daemon.port, {**whole_at, "parts": whole_at["parts"] + 1})
    with pytest.raises(InvalidValue, match=f"job {status[0]} has no result 1: expected 0..0"):
        fetch_whole(piece.daemon.port, {**whole_at, "result": 1})
    with httpx.Client(base_url=piece.url) as http:
        got = http.get(whole_at["http"])
    assert got.status_code == 200, got.text
    assert got.json() == {"job_id": status[0], "results": [{"kind": "transcribe", "result": whole}]}


def test_roo_send_prints_the_whole_result(piece: Served, capsys: pytest.CaptureFixture[str]) -> None:
    asked = argparse.Namespace(
        address=protocol.TRANSCRIBE,
        args=["0", "0", "kind", "piano"],
        port=piece.daemon.port,
        host=protocol.HOST,
        wait=5.0,
        all=False,
    )
    assert send.run(asked) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith(protocol.RESULT + " ")]
    assert len(lines) == 1, lines
    _, _, kind, text = lines[0].split(" ", 3)
    result = json.loads(ast.literal_eval(text))
    assert kind == "transcribe" and result["note_count"] == NOTE_COUNT
    assert "cut" not in result and "whole" not in result
    every_note(result["notes"])


def test_the_mcp_tool_answers_every_note(piece: Served) -> None:
    tool = ROO_TOOLS["transcribe"]
    answer = asyncio.run(
        Calls(Door(piece.daemon.port), None).roo(tool, {"track": 0, "slot": 0, "kind": "piano"}, None)
    )  # type: ignore[arg-type]
    assert not answer.error, answer.data
    (result,) = answer.data["results"]
    assert result["kind"] == "piano" and result["note_count"] == NOTE_COUNT
    assert "cut" not in result and "whole" not in result
    every_note(result["notes"])
