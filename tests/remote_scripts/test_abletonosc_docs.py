"""docs/protocol.md's address table of the AbletonOSC mode matches what the mode serves, and each
address it lists as supported or refused is driven by a test: the table-driven rows by
test_abletonosc_grammar.py (its COVERED set), every other address by a test that sends it
literally (the quoted address in one of tests/remote_scripts/test_abletonosc*.py)."""

from __future__ import annotations

import re
from pathlib import Path

from livesim import LiveHost
from tests.conftest import ROOT
from tests.remote_scripts.osc_client import OscClient
from tests.remote_scripts.test_abletonosc_grammar import COVERED

SECTION = "### The whole AbletonOSC grammar, address by address (issue 33)"
SENT_BY_THE_MODE = {"/live/error", "/live/startup", "/live/song/get/beat"}


def documented() -> dict[str, str]:
    text = (ROOT / "docs" / "protocol.md").read_text(encoding="utf-8")
    assert SECTION in text, f"docs/protocol.md has no section {SECTION!r}"
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(/live/[^`]+)` \| (.+?) \|$", section, re.MULTILINE)
    table = dict(rows)
    assert len(table) == len(rows), "an address is listed twice"
    return table


def sent_by_tests() -> set[str]:
    here = Path(__file__).resolve().parent
    text = "".join(
        p.read_text(encoding="utf-8")
        for p in sorted(here.glob("test_abletonosc*.py"))
        if p.name != Path(__file__).name
    )
    return set(re.findall(r'"(/live/[^"\s]+)"', text))


def test_the_table_lists_exactly_what_the_mode_serves(aosc: tuple[LiveHost, OscClient]) -> None:
    host, _client = aosc
    served = set(host.script.abletonosc.handlers)
    table = documented()
    listed = {a for a in table if "*" not in a and a not in SENT_BY_THE_MODE}
    assert sorted(served - listed) == [], "served but not in docs/protocol.md"
    assert sorted(listed - served) == [], "in docs/protocol.md but not served"
    for address, status in table.items():
        assert re.match(r"(supported|refused: \S|sent by)", status), (address, status)


def test_every_supported_or_refused_address_is_driven_by_a_test() -> None:
    covered = COVERED | sent_by_tests()
    untested = [
        address
        for address, status in documented().items()
        if status.startswith(("supported", "refused")) and address not in covered
    ]
    assert untested == [], (
        f"listed as supported or refused in docs/protocol.md, but no test sends: {untested}"
    )
