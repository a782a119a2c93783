"""Every tool and every parameter described for an assistant (issue 53), from the one options table:
a parameter without a description (or with only a range) is counted, and the count must be 0; each
option of each request table has words; the HTTP API's /api/options words are the MCP schema's."""

from __future__ import annotations

from typing import Any

from bridge import protocol
from bridge.mcp import tool_list
from bridge.mcp.roo_tools import ROO_TOOLS

MIN_WORDS = 3


def undescribed() -> list[str]:
    out = []
    for tool in tool_list():
        if len((tool.description or "").split()) < MIN_WORDS:
            out.append(f"{tool.name}: the tool")
        for name, spec in tool.input_schema.get("properties", {}).items():
            words = str(spec.get("description", ""))
            if len(words.split()) < MIN_WORDS or words.startswith("range "):
                out.append(f"{tool.name}.{name}: {words!r}")
    return out


def test_no_parameter_lacks_a_description() -> None:
    assert undescribed() == []
    count = sum(len(t.input_schema.get("properties", {})) for t in tool_list())
    assert count > 350  # every parameter was looked at


def test_every_option_of_every_table_has_words() -> None:
    from bridge.actions.inputs import describe

    tables: dict[str, dict[str, str]] = {tool.address: dict(tool.options) for tool in ROO_TOOLS}
    missing = [f"{request} {name}" for request, table in tables.items() for name, kind in table.items()
               if not describe(name, request, kind)]  # fmt: skip
    assert missing == []


def test_the_words_say_units_formats_and_what_leaving_out_does() -> None:
    generate: dict[str, Any] = {t.name: t for t in tool_list()}["generate"].input_schema["properties"]
    assert "'A minor'" in generate["key"]["description"] and "Hirajoshi" in generate["key"]["description"]
    assert "leave out" in generate["track"]["description"] and "selected" in generate["track"]["description"]
    assert "in beats" in generate["at"]["description"]
    assert "phrase" in generate["fills"]["description"] and "hip-hop" in generate["genre"]["description"]
    automate = {t.name: t for t in tool_list()}["automate"].input_schema["properties"]
    assert "parameter's own units" in automate["from"]["description"]
    assert "parameter's own units" in automate["to"]["description"]
    assert generate["key"]["maxLength"] == 2000  # a string's limit is in its schema


def test_http_and_mcp_say_the_same_words() -> None:
    from bridge.web.api import _words

    generate = {t.name: t for t in tool_list()}["generate"].input_schema["properties"]
    words = _words(protocol.GENERATE, protocol.GENERATE_OPTIONS)
    assert words == {name: generate[name]["description"] for name in protocol.GENERATE_OPTIONS}
