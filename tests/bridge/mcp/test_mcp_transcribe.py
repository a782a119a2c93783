"""The MCP tool ``transcribe`` (issue 54): its schema comes from /roo/transcribe's options table with every
parameter described, and a call builds exactly the OSC arguments the request parser takes."""

from __future__ import annotations

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
