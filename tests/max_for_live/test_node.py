"""The device's JavaScript under Node: the logic alone, then against the real daemon over UDP."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.conftest import missing, require_tool
from tests.max_for_live.device_files import ROOT

NODE_TESTS = Path(__file__).resolve().parent / "node"
NODE_MODULES = ROOT / "tools" / "node" / "node_modules"


def run_node_test(name: str, timeout_s: float = 90.0) -> str:
    """Run one node:test file with the stub max-api and the npm osc package on NODE_PATH."""
    node = require_tool("node")
    if not (NODE_MODULES / "osc").is_dir():
        missing(f"npm package osc is not installed in {NODE_MODULES} (run: cd tools/node && npm ci)")
    env = dict(os.environ)
    env["NODE_PATH"] = os.pathsep.join([str(NODE_TESTS / "stub_modules"), str(NODE_MODULES)])
    roo = ROOT / ".venv" / "bin" / "roo"
    if not roo.is_file():
        missing(f"{roo} is not installed (run: make setup)")
    env["ROO"] = str(roo)
    proc = subprocess.run(
        [node, "--test", "--test-reporter=tap", str(NODE_TESTS / name)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout_s,
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output[-6000:]
    assert "# fail 0" in output and "# pass 0" not in output, output[-3000:]
    return output


def test_device_logic_alone() -> None:
    out = run_node_test("logic.test.js")
    assert "daemon-down message once" in out


def test_node_osc_client_generate_round_trip() -> None:
    """npm osc with explicit type tags: ping, generate, notes read back from the in-memory Live."""
    out = run_node_test("osc_roundtrip.test.js")
    assert "the notes are in the in-memory Live" in out


def test_device_against_the_real_daemon() -> None:
    """The built patcher and its scripts: daemon-down hint, connect, own-track clips, restart."""
    out = run_node_test("device_daemon.test.js")
    assert "down hint, then connected and generating again" in out


def test_the_devices_bar_beat_is_the_daemons() -> None:
    """The device says a result's place in the Arrangement as the daemon's answers do (round 37): its
    ``barBeat`` and ``bridge.actions.place.places.bar_beat`` give the same text over every sixteenth
    of 40 bars, the 32nds between (a tie rounds to even, as Python rounds) and off the grid, in seven signatures."""
    from bridge.actions.place.places import bar_beat

    node = require_tool("node")
    signatures = [(4, 4), (3, 4), (6, 8), (7, 8), (5, 4), (2, 2), (12, 8)]
    beats = [
        step / 8 + (0.03 if step % 3 == 1 else 0.0) for step in range(40 * 32)
    ]  # 32nds: ties round to even
    script = (
        "const { barBeat } = require(process.argv[1]);"
        "const [beats, sigs] = JSON.parse(process.argv[2]);"
        "console.log(JSON.stringify(sigs.map(([n, d]) => beats.map((b) => barBeat(b, (n * 4) / d, 4 / d)))));"
    )
    logic = str(ROOT / "max_for_live" / "musearoo_logic.js")
    env = dict(os.environ, NODE_PATH=str(NODE_TESTS / "stub_modules"))
    import json

    out = subprocess.run(
        [node, "-e", script, logic, json.dumps([beats, signatures])],
        capture_output=True, text=True, timeout=60, env=env, cwd=ROOT,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    said = json.loads(out.stdout)
    for (num, den), row in zip(signatures, said, strict=True):
        assert row == [bar_beat(b, num * 4.0 / den, 4.0 / den) for b in beats], (num, den)
