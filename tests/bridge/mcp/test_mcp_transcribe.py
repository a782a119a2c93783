"""The MCP tool ``transcribe`` (issue 54): its schema comes from /roo/transcribe's options table with every
parameter described, and a call builds exactly the OSC arguments the request parser takes."""

from __future__ import annotations

from pathlib import Path

import pytest

from bridge import protocol
from bridge.actions import CHECKS
from bridge.actions.transcribe.request import TranscribeRequest
from bridge.mcp.roo_tools import BY_NAME
from engines.errors import InvalidValue


def test_the_schema_holds_every_option_with_its_range_and_the_description_names_them() -> None:
    tool = BY_NAME["transcribe"]
    assert tool.address == protocol.TRANSCRIBE and tool.job
    props = tool.schema()["properties"]
    assert set(props) == {"track", "slot", *protocol.TRANSCRIBE_OPTIONS}
    assert (props["quantize"]["minimum"], props["quantize"]["maximum"]) == (0.0, 1.0)
    assert all(props[name].get("description") or name in tool.about for name in props), props
    assert all(kind in tool.about for kind in protocol.TRANSCRIBE_KINDS)


def test_a_call_builds_the_request_the_parser_takes_and_a_bad_kind_is_refused_by_name() -> None:
    tool = BY_NAME["transcribe"]
    args = tool.build({"track": 2, "slot": 1, "kind": "bass", "quantize": 0.5})
    assert args == [2, 1, "kind", "bass", "quantize", 0.5]
    assert CHECKS[protocol.TRANSCRIBE](args) == TranscribeRequest(2, 1, "bass", 0.5)
    arranged = tool.build({"kind": "drums", "arrangement": 1, "source_track": 0, "source_at": 16.0})
    assert CHECKS[protocol.TRANSCRIBE](arranged) == TranscribeRequest(-1, -1, "drums", 0.0, True, 0, 16.0)
    with pytest.raises(InvalidValue, match=r"'violin'.*melody"):
        CHECKS[protocol.TRANSCRIBE](tool.build({"kind": "violin"}))
    with pytest.raises(InvalidValue, match=r"quantize 2\.0 is out of range"):
        CHECKS[protocol.TRANSCRIBE](tool.build({"quantize": 2.0}))


def test_a_key_is_checked_and_named_before_any_job() -> None:
    tool = BY_NAME["transcribe"]
    assert (
        "key" in tool.schema()["properties"]
        and "'A minor'" in tool.schema()["properties"]["key"]["description"]
    )
    args = tool.build({"track": 0, "slot": 0, "kind": "melody", "key": "F#m"})
    assert args == [0, 0, "kind", "melody", "key", "F#m"]
    assert CHECKS[protocol.TRANSCRIBE](args).key == "F# minor"
    with pytest.raises(
        InvalidValue, match=r"/roo/transcribe key 'H minor' is not valid: expected a note A\.\.G"
    ):
        CHECKS[protocol.TRANSCRIBE](tool.build({"key": "H minor"}))


def test_the_tool_s_key_reads_a_take_55_cents_flat_on_its_notes_in_a_set_nobody_keyed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the daemon and the in-memory Live with the arguments the MCP tool builds: a C major line sung
    55 cents flat (the audio alone: the line a semitone lower, 45 cents sharp) in a Set left at Live's default
    key reads a semitone low without ``key`` and on its written notes with ``key`` "C major"."""
    import soundfile as sf

    from livesim.host import LiveHost
    from livesim.live_set import parse_set
    from tests.bridge.actions.transcribe.test_transcribe_whole_path import transcribe
    from tests.engines.transcription.test_sung import LINE
    from tools.corpus.singer import RATE_HZ, sing

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("MUSEAROO_DATA_DIR", str(tmp_path / "data"))
    wav = tmp_path / "take.wav"
    sf.write(wav, sing(LINE, 6, drift_cents=-55.0), RATE_HZ)
    hum = {"slot": 0, "name": "Hum", "file": str(wav), "warping": False}
    read: dict[str | None, list[int]] = {}
    for key in (None, "C major"):
        desc = parse_set({"tempo": 90.0, "tracks": [{"type": "audio", "name": "Vox", "clips": [hum]}]})
        live = LiveHost(desc, port=0).start_in_thread()
        try:
            status, result = transcribe(
                live, *BY_NAME["transcribe"].build({"track": 0, "slot": 0, "kind": "melody", "key": key})
            )
            assert status[1] == "done", status
            read[key] = [n[0] for n in live.clip_notes(1, 0)]
            assert result is not None and [row["pitch"] for row in result["notes"]] == read[key]
        finally:
            live.stop()
    assert read["C major"] == [n.pitch for n in LINE]
    assert read[None] == [n.pitch - 1 for n in LINE]
