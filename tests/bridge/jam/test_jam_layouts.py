"""The jam's JACK port layouts (issue 31): a python-rtmidi client per part (what roo jam uses), or,
opt-in, one JACK client with a port per part whose process callback runs the schedule."""

from __future__ import annotations

import subprocess
import time

import pytest

from bridge.jam.sender import ProcessOutputs
from engines.errors import InvalidValue
from tests.bridge.jam.conftest import Events, Reader, hanging, note_ons, once_more_if_lost

PARTS = ("drums", "bass")


def _ports() -> list[str]:
    return subprocess.run(["jack_lsp"], capture_output=True, text=True, timeout=10).stdout.splitlines()


@pytest.mark.parametrize("layout", ["per-part", "one-client"])
def test_each_layout_names_its_clients_and_delivers_every_message_in_time_order(
    jack: str, layout: str
) -> None:
    pytest.importorskip("jack") if layout == "one-client" else None

    def scenario() -> tuple[Events, Events, list[str]]:
        outputs = ProcessOutputs(PARTS, "jack", log=True, layout=layout)
        try:
            ports = [p for p in _ports() if "MuseAroo" in p]
            reader = Reader(list(PARTS))
            start = time.monotonic() + 0.3
            for i in range(40):  # 40 notes a part, 25 ms apart, each 20 ms long
                for part, channel, pitch in (("drums", 9, 36 + i % 8), ("bass", 1, 40 + i % 12)):
                    outputs.send_at(part, [0x90 | channel, pitch, 100], start + i * 0.025)
                    outputs.send_at(part, [0x80 | channel, pitch, 0], start + i * 0.025 + 0.02)
            time.sleep(0.3 + 40 * 0.025 + 0.2)
        finally:
            outputs.close()
        return reader.events(), [(t, p, m) for t, p, m in outputs.sent], ports

    heard, ports = once_more_if_lost(scenario)
    if layout == "one-client":
        assert sorted(ports) == ["MuseAroo:MuseAroo bass", "MuseAroo:MuseAroo drums"], ports
    else:
        assert sorted(ports) == ["MuseAroo-bass:MuseAroo bass", "MuseAroo-drums:MuseAroo drums"], ports
    assert len(note_ons(heard, "drums")) == len(note_ons(heard, "bass")) == 40
    assert hanging(heard) == {}


def test_an_unknown_layout_or_one_client_without_jack_ports_is_refused_by_name() -> None:
    with pytest.raises(InvalidValue, match="port layout 'sideways' is not known"):
        ProcessOutputs(PARTS, "jack", layout="sideways")


def test_one_client_on_one_named_port_is_refused(jack: str) -> None:
    pytest.importorskip("jack")
    with pytest.raises(InvalidValue, match="one-client"):
        ProcessOutputs(PARTS, "jack", port="anything", layout="one-client")
