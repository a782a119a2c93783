"""The MCP server: its tool list generated from the tool tables, its calls, its resources.

Built on the SDK's low-level ``Server`` (list-tools and call-tool handlers), so the ~80 tools
are rows of ``roo_tools.ROO_TOOLS``, ``live_table.LIVE_TOOLS`` and the few store reads here,
not decorated functions. Annotations: a tool that only reads says ``readOnlyHint``; one that
deletes from the Set says ``destructiveHint``.
"""

from __future__ import annotations

import base64
import json
import logging
from typing import Any

import mcp_types as types
from mcp.server.context import ServerRequestContext
from mcp.server.lowlevel import Server

from bridge.actions.inputs import MAX_PATH, check_object, shown
from bridge.mcp import takes
from bridge.mcp.calls import Answer, Calls
from bridge.mcp.envelopes import BY_NAME as ENVELOPE_BY_NAME
from bridge.mcp.envelopes import ENVELOPE_TOOLS
from bridge.mcp.live_table import BY_NAME as LIVE_BY_NAME
from bridge.mcp.live_table import LIVE_TOOLS
from bridge.mcp.reads import SONG_ABOUT
from bridge.mcp.roo_tools import BY_NAME as ROO_BY_NAME
from bridge.mcp.roo_tools import ROO_TOOLS
from engines.errors import RooError

log = logging.getLogger(__name__)
NAME = "musearoo"
INSTRUCTIONS = (
    "MuseAroo puts AI music generation inside Ableton Live: generate parts that fit the song, vary and "
    "transform clips, analyse audio, split stems, make MusicGen loops, infill or continue clips, keep a "
    "take history; the live_* tools read and change the Set itself."
)
STORE_TOOLS: dict[str, tuple[str, dict[str, Any]]] = {
    "song": (SONG_ABOUT, {}),
    "take_show": ("A take from the history: its settings, where it landed in Live, its notes.",
                  {"take_id": takes.TAKE_FIELDS["take_id"]}),
    "take_diff": ("What changed between two takes (notes added, removed, moved).",
                  {"a": {"type": "string", "description": "the first take id"},
                   "b": {"type": "string", "description": "the second take id"}}),
    "take_export": ("Write a take's MIDI or audio files and a zip with its ancestry into a folder.",
                    {"take_id": takes.TAKE_FIELDS["take_id"],
                     "out_dir": {"type": "string", "format": "path", "maxLength": MAX_PATH,
                                 "description": "the folder to write into (made if missing; a relative path "
                                 "is from the server's working folder)"}}),
}  # fmt: skip
RESOURCES = (
    types.Resource(name="song", uri="musearoo://song", mime_type="application/json",
                   description="The song context: tempo, signature, key and scale, tracks, scenes."),
    types.Resource(name="takes", uri="musearoo://takes", mime_type="application/json",
                   description="The take history, newest first (50)."),
)  # fmt: skip
TEMPLATES = (
    types.ResourceTemplate(name="take", uri_template="musearoo://takes/{take_id}", mime_type="application/json",
                           description="One take: settings, where it landed, notes as JSON."),
    types.ResourceTemplate(name="take_midi", uri_template="musearoo://takes/{take_id}/midi", mime_type="audio/midi",
                           description="One take's notes as a Standard MIDI File."),
)  # fmt: skip


def _annotations(effect: str) -> types.ToolAnnotations:
    read = effect == "read"
    return types.ToolAnnotations(read_only_hint=read, destructive_hint=None if read else effect == "delete")


def tool_list() -> list[types.Tool]:
    """Every tool, MuseAroo's first, then the take store's, then Live's."""
    tools = [
        types.Tool(
            name=t.name, description=t.about, input_schema=t.schema(), annotations=_annotations(t.effect)
        )
        for t in ROO_TOOLS
    ]
    for name, (about, props) in STORE_TOOLS.items():
        schema = {
            "type": "object",
            "properties": props,
            "required": [p for p in props if "default" not in props[p]],
            "additionalProperties": False,
        }
        effect = "write" if name == "take_export" else "read"
        tools.append(
            types.Tool(name=name, description=about, input_schema=schema, annotations=_annotations(effect))
        )
    tools += [
        types.Tool(
            name=t.name, description=t.about, input_schema=t.schema(), annotations=_annotations(t.effect)
        )
        for t in LIVE_TOOLS
    ]
    tools += [
        types.Tool(
            name=t.name, description=t.about, input_schema=t.schema(), annotations=_annotations(t.effect)
        )
        for t in ENVELOPE_TOOLS
    ]
    return tools


def build_server(calls: Calls) -> Server[Any]:
    """The low-level server over ``calls`` (its door to the daemon and its AbletonOSC client)."""
    tools = tool_list()
    schemas = {tool.name: tool.input_schema for tool in tools}

    async def list_tools(ctx: ServerRequestContext[Any], params: Any) -> types.ListToolsResult:
        return types.ListToolsResult(tools=tools)

    async def call_tool(
        ctx: ServerRequestContext[Any], params: types.CallToolRequestParams
    ) -> types.CallToolResult:
        values = dict(params.arguments or {})

        async def progress(fraction: float, message: str) -> None:
            await ctx.session.report_progress(fraction, 1.0, message)

        try:
            if params.name in schemas:
                check_object(params.name, schemas[params.name], values)
            answer = await _call(calls, params.name, values, progress)
        except RooError as exc:
            answer = Answer({"error": str(exc)}, error=True)
        except Exception as exc:  # the boundary: a bug's traceback goes to the log, never to the client
            log.exception("%s %s failed", params.name, shown(values))
            why = f"{params.name} failed inside MuseAroo ({type(exc).__name__}); the server's log has the details"
            answer = Answer({"error": why}, error=True)
        text = answer.data["error"] if "error" in answer.data else json.dumps(answer.data)
        return types.CallToolResult(
            content=[types.TextContent(text=text)], structured_content=answer.data, is_error=answer.error
        )

    async def list_resources(ctx: ServerRequestContext[Any], params: Any) -> types.ListResourcesResult:
        return types.ListResourcesResult(resources=list(RESOURCES))

    async def list_templates(
        ctx: ServerRequestContext[Any], params: Any
    ) -> types.ListResourceTemplatesResult:
        return types.ListResourceTemplatesResult(resource_templates=list(TEMPLATES))

    async def read_resource(
        ctx: ServerRequestContext[Any], params: types.ReadResourceRequestParams
    ) -> types.ReadResourceResult:
        return types.ReadResourceResult(contents=[await _resource(calls, str(params.uri))])

    return Server(
        NAME,
        instructions=INSTRUCTIONS,
        on_list_tools=list_tools,
        on_call_tool=call_tool,
        on_list_resources=list_resources,
        on_list_resource_templates=list_templates,
        on_read_resource=read_resource,
    )


async def _call(calls: Calls, name: str, values: dict[str, Any], progress: Any) -> Answer:
    if name in ROO_BY_NAME:
        return await calls.roo(ROO_BY_NAME[name], values, progress)
    if name in LIVE_BY_NAME:
        return await calls.live_tool(LIVE_BY_NAME[name], values)
    if name in ENVELOPE_BY_NAME:
        return await calls.envelope(ENVELOPE_BY_NAME[name], values)
    if name == "song":
        return Answer(await calls.song())
    if name == "take_show":
        return Answer(await takes.show(str(values.get("take_id", ""))))
    if name == "take_diff":
        return Answer(await takes.diff(str(values.get("a", "")), str(values.get("b", ""))))
    if name == "take_export":
        return Answer(await takes.export_to(str(values.get("take_id", "")), str(values.get("out_dir", "."))))
    known = ", ".join(t.name for t in tool_list())
    return Answer({"error": f"tool {name!r} is not known: expected one of {known}"}, error=True)


async def _resource(calls: Calls, uri: str) -> types.TextResourceContents | types.BlobResourceContents:
    if uri == "musearoo://song":
        return types.TextResourceContents(
            uri=uri, mime_type="application/json", text=json.dumps(await calls.song())
        )
    if uri == "musearoo://takes":
        listed = await calls.roo(ROO_BY_NAME["take_list"], {"limit": 50}, None)
        return types.TextResourceContents(uri=uri, mime_type="application/json", text=json.dumps(listed.data))
    rest = uri.removeprefix("musearoo://takes/")
    if rest != uri and rest.endswith("/midi"):
        blob = base64.b64encode(await takes.midi_file(rest.removesuffix("/midi"))).decode("ascii")
        return types.BlobResourceContents(uri=uri, mime_type="audio/midi", blob=blob)
    if rest != uri and rest:
        return types.TextResourceContents(
            uri=uri, mime_type="application/json", text=json.dumps(await takes.show(rest))
        )
    raise RooError(f"resource {uri!r} is not known: expected musearoo://song, musearoo://takes, "
                   "musearoo://takes/<take_id> or musearoo://takes/<take_id>/midi")  # fmt: skip
