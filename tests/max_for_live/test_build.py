"""The build step: protocol.json from the protocol module, the .amxd's chunks, committed = fresh."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bridge import protocol
from tests.max_for_live.device_files import DEVICE_DIR, build_module, read_chunks


def test_protocol_json_is_the_protocol_module() -> None:
    assert (DEVICE_DIR / "protocol.json").read_text() == protocol.as_json()
    facts = json.loads(protocol.as_json())
    assert facts["daemon_port"] == protocol.DAEMON_PORT
    assert facts["addresses"]["generate"] == protocol.GENERATE


def test_committed_device_files_equal_a_fresh_build() -> None:
    for name, data in build_module().built_files().items():
        committed = DEVICE_DIR / name
        assert committed.is_file(), f"{committed} is missing: run make device"
        assert committed.read_bytes() == data, f"{committed} is stale: run make device and commit it"


def test_amxd_is_a_midi_effect_with_the_patcher_in_its_ptch_chunk() -> None:
    data = (DEVICE_DIR / "MuseAroo.amxd").read_bytes()
    chunks = read_chunks(data)
    assert [tag for tag, _ in chunks] == [b"ampf", b"meta", b"ptch"]
    body = dict(chunks)
    assert body[b"ampf"] == b"mmmm"
    assert len(body[b"meta"]) == 4
    assert body[b"ptch"].endswith(b"\x00") and body[b"ptch"].count(b"\x00") == 1
    shipped = json.loads(body[b"ptch"][:-1])
    assert shipped == json.loads((DEVICE_DIR / "MuseAroo.maxpat").read_text())
    assert shipped["patcher"]["boxes"] and shipped["patcher"]["lines"]
    assert sum(8 + len(payload) for _, payload in chunks) == len(data)


def test_chunk_reader_refuses_a_truncated_device() -> None:
    data = (DEVICE_DIR / "MuseAroo.amxd").read_bytes()
    with pytest.raises(AssertionError, match="past the end"):
        read_chunks(data[:-10])


def test_check_flag_finds_stale_and_missing_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build = build_module()
    assert build.main(["--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["MuseAroo.amxd", "MuseAroo.maxpat", "protocol.json"]
    assert build.main(["--out", str(tmp_path), "--check"]) == 0
    (tmp_path / "protocol.json").write_text("{}\n")
    (tmp_path / "MuseAroo.amxd").unlink()
    assert build.main(["--out", str(tmp_path), "--check"]) == 1
    err = capsys.readouterr().err
    assert "MuseAroo.amxd" in err and "protocol.json" in err and "MuseAroo.maxpat" not in err


def test_build_is_deterministic() -> None:
    build = build_module()
    assert build.built_files() == build.built_files()
