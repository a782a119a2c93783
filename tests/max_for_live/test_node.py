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
    env["ROO"] = str(ROOT / ".venv" / "bin" / "roo")
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
