"""The MCP server: every MuseAroo capability and the whole of Live as tools for AI assistants.

``roo mcp`` runs it over stdio (or ``--http``: streamable HTTP on 127.0.0.1). Its MuseAroo tools
are thin faces over the daemon's job board (the same OSC requests the device sends; schemas from
the options table), its Live tools AbletonOSC requests to MuseAroo's Remote Script. Nothing in
the daemon imports this room. ``Options`` says where the daemon and Live are; ``serve_stdio`` and
``serve_http`` run the server; ``tool_list`` is what it offers.
"""

from __future__ import annotations

from bridge.mcp.server import build_server, tool_list
from bridge.mcp.transports import Options, serve_http, serve_stdio

__all__ = ["Options", "build_server", "serve_http", "serve_stdio", "tool_list"]
