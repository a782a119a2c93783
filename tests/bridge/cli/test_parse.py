from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bridge.cli import main


def test_roo_parse_json_prints_one_object_with_action_part_params() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "bridge", "parse", "make the drums busier", "--json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(out) == {
        "action": "adjust",
        "part": "drums",
        "params": {"what": "density", "direction": "up"},
    }
    assert out.count("\n") == 1


def test_words_may_come_unquoted(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "tempo", "one", "hundred", "twenty", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "action": "set_tempo",
        "part": None,
        "params": {"tempo_bpm": 120},
    }


def test_plain_output_is_one_readable_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "generate a bass line in A minor for eight bars"]) == 0
    assert capsys.readouterr().out == "generate bass: bars 8, key A minor\n"


def test_not_understood_exits_1_and_suggests_two_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "order a pizza", "--json"]) == 1
    got = json.loads(capsys.readouterr().out)
    assert got["action"] == "unknown" and got["part"] is None
    assert got["params"]["heard"] == "order a pizza"
    assert len(got["params"]["suggestions"]) == 2
    assert main(["parse", "order a pizza"]) == 1
    assert capsys.readouterr().out.startswith('did not understand "order a pizza"; try "')
