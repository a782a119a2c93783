"""Protocol facts: note blobs round-trip, the generated JSON carries every address the device needs."""

from __future__ import annotations

import json

import pytest

from bridge import osc, protocol
from engines.errors import ProtocolError


def test_note_blob_round_trip_is_exact() -> None:
    notes = [(36, 0.0, 0.25, 110, 0), (127, 31.999, 1 / 3, 1, 1), (0, 1e-9, 1024.5, 64, 0)]
    blob = protocol.pack_notes(notes)
    assert len(blob) == 3 * protocol.NOTE_RECORD.size
    assert protocol.unpack_notes(blob) == notes


def test_truncated_blob_is_refused_with_its_size() -> None:
    blob = protocol.pack_notes([(60, 0.0, 1.0, 100, 0)])[:-1]
    with pytest.raises(ValueError, match=f"{len(blob)} bytes"):
        protocol.unpack_notes(blob)


def test_a_full_message_of_notes_fits_one_datagram() -> None:
    notes = [(60, float(i), 0.5, 100, 0) for i in range(protocol.MAX_NOTES_PER_MESSAGE)]
    dgram = osc.encode(protocol.RS_WRITE_CLIP, [1, 0, 0, 64.0, "a name", 0, protocol.pack_notes(notes)])
    assert len(dgram) <= protocol.MAX_DATAGRAM_BYTES


def test_json_for_the_device_names_ports_and_addresses() -> None:
    facts = json.loads(protocol.as_json())
    assert facts["daemon_port"] == 11041 and facts["live_port"] == 11040
    assert facts["addresses"]["generate"] == "/roo/generate"
    assert facts["addresses"]["status"] == "/roo/status"
    assert facts["job_states"] == ["queued", "running", "done", "failed", "cancelled"]


def test_osc_encode_types_and_decode_round_trip() -> None:
    data = osc.encode("/x", [1, 2.5, "s", b"\x00\x01", True])
    assert list(osc.decode(data)) == [("/x", [1, 2.5, "s", b"\x00\x01", 1])]


@pytest.mark.parametrize(
    "packet", [b"", b"hello", b"/roo/ping\x00\x00\x00,i\x00\x00\x00\x01", b"#bundle\x00\x01"]
)
def test_malformed_packets_raise_protocol_error(packet: bytes) -> None:
    with pytest.raises(ProtocolError, match="bytes"):
        list(osc.decode(packet))


def test_unsendable_argument_is_named() -> None:
    with pytest.raises(ProtocolError, match=r"\[1, 2\]"):
        osc.encode("/x", [[1, 2]])


def test_infer_types_like_the_cli_says() -> None:
    assert [osc.infer(t) for t in ("4", "4.0", "-1", "drums", "1e3")] == [4, 4.0, -1, "drums", 1000.0]
