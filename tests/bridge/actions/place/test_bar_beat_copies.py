"""Live's bar.beat is written four times (the daemon's places.py, the Remote Script's, the page's
page.js and the device's musearoo_logic.js: a browser, Max's Node and Live 11's Python share no
file): both JS copies run under Node against the daemon's rule on the same places, in 4/4, 3/4, 6/8
and 7/8, on and off the grid, and refuse the same places (before 1.1, past Live's last beat, no
number). The Remote Script's copy is held to the daemon's in tests/remote_scripts/test_places_agree.py,
the refused places too."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from bridge.actions.place import places
from tests.conftest import require_tool

ROOT = Path(__file__).resolve().parents[4]
PAGE = ROOT / "bridge" / "web" / "static" / "page.js"
DEVICE = ROOT / "max_for_live" / "musearoo_logic.js"
METERS = [(4, 4), (3, 4), (6, 8), (7, 8)]
REFUSED = [-1.0, -0.5, -0.13, 1576800.2, 1e9, 1e300, "inf", "-inf", "nan"]  # JSON cannot carry inf/nan
SIGNED = [0.0, 0.12, -0.12, 1576800.0, 1576800.12]  # a sliver either side of 1.1 and the last beat


def places_to_read() -> list[float]:
    """Every 32nd of 13 bars of 7/8 .. 4/4 (ties round to even), off-grid fractions, far places."""
    grid = [step / 8 for step in range(13 * 32)]
    off = [b + f for b in range(0, 48, 5) for f in (0.01, 0.1, 0.3333, 0.49, 0.51, 0.6667, 0.99)]
    far = [1000.375, 65536.0625, 99999.9, 1576799.75]
    return grid + off + far


def page_functions() -> str:
    """page.js is a browser script: its rounding and barBeat (and MAX_BEATS) cut out for Node."""
    text = PAGE.read_text()
    found = [re.search(p, text, re.S | re.M) for p in (
        r"^const MAX_BEATS = [^\n]*$", r"^function roundHalfEven\(.*?^}$", r"^function barBeat\(.*?^}$",
    )]  # fmt: skip
    assert all(found), "page.js no longer holds MAX_BEATS, roundHalfEven and barBeat as this test reads them"
    return "\n".join(m.group(0) for m in found if m) + "\nmodule.exports = { barBeat };\n"


SCRIPT = """
const { barBeat } = require(process.argv[1]);
const [beats, meters] = JSON.parse(process.argv[2]);
const said = (b, per, beat) => {
  const value = typeof b === "string" ? Number(b) : b;
  try { return barBeat(value, per, beat); } catch (e) { return e instanceof RangeError ? "refused" : String(e); }
};
console.log(JSON.stringify(meters.map(([n, d]) => beats.map((b) => said(b, (n * 4) / d, 4 / d)))));
"""


def node_reads(module: Path, beats: list[float | str]) -> list[list[str]]:
    node = require_tool("node")
    out = subprocess.run(
        [node, "-e", SCRIPT, str(module), json.dumps([beats, METERS])],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    rows: list[list[str]] = json.loads(out.stdout)
    return rows


def python_reads(rule: object, beats: list[float | str], per_bar: float, per_beat: float) -> list[str]:
    said = []
    for b in beats:
        try:
            said.append(rule(float(b), per_bar, per_beat))  # type: ignore[operator]
        except ValueError:
            said.append("refused")
    return said


@pytest.fixture(scope="module")
def page_module(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("page") / "page_bar_beat.js"
    path.write_text(page_functions())
    return path


@pytest.mark.parametrize("copy", ["page", "device"])
def test_the_js_copies_say_every_place_as_the_daemon(copy: str, page_module: Path) -> None:
    beats: list[float | str] = [*places_to_read(), *SIGNED, *REFUSED]
    rows = node_reads(page_module if copy == "page" else DEVICE, beats)
    for (num, den), row in zip(METERS, rows, strict=True):
        want = python_reads(places.bar_beat, beats, num * 4.0 / den, 4.0 / den)
        wrong = [(b, w, g) for b, w, g in zip(beats, want, row, strict=True) if w != g]
        assert wrong == [], f"{copy} in {num}/{den}: (beats, daemon, {copy}) {wrong[:8]}"
