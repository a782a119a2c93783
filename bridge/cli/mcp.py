"""roo mcp: the MCP server for AI assistants (stdio, or --http on 127.0.0.1)."""

from __future__ import annotations

import argparse

from bridge import protocol
from bridge.cli.lifecycle import add_verbosity, log_level, on_sigterm

HELP = "serve MuseAroo and Live to AI assistants over MCP (stdio; --http for streamable HTTP)"
MCP_HTTP_PORT = 11043


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=protocol.DAEMON_PORT,
                        help="the daemon's UDP port: a running `roo serve` there is used, else one starts "
                        "in this process there (0: always here, on a free port)")  # fmt: skip
    parser.add_argument(
        "--live-port", type=int, default=protocol.LIVE_PORT, help="the Remote Script's UDP port"
    )
    parser.add_argument("--abletonosc-port", type=int, default=protocol.ABLETONOSC_PORT,
                        help="the Remote Script's AbletonOSC mode port (roo install --abletonosc)")  # fmt: skip
    parser.add_argument("--abletonosc-reply-port", type=int, default=0,
                        help="the port Live's AbletonOSC replies come to; 0 (default): a free port of this "
                        "process's own, which MuseAroo's AbletonOSC mode answers to, so any number of "
                        "`roo mcp` share one Live; 11001 for AbletonOSC itself (one client at a time)")  # fmt: skip
    parser.add_argument("--http", action="store_true", help="streamable HTTP on 127.0.0.1 instead of stdio")
    parser.add_argument("--http-port", type=int, default=MCP_HTTP_PORT, help="the HTTP port (0: a free one)")
    parser.add_argument(
        "--http-token",
        default=None,
        help="a Bearer token every HTTP request must carry (default: none needed)",
    )
    parser.add_argument("--no-history", action="store_true", help="a daemon started here records no takes")
    parser.add_argument("--list", action="store_true", help="print the tools and exit")
    add_verbosity(parser)


def run(args: argparse.Namespace) -> int:
    import asyncio
    import logging
    import sys

    from bridge.mcp import Options, serve_http, serve_stdio, tool_list

    # stdout is the MCP wire under stdio: logs go to stderr
    logging.basicConfig(
        level=log_level(args), stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s"
    )
    if args.list:
        for tool in tool_list():
            print(f"{tool.name}: {tool.description}")
        return 0
    options = Options(args.port, args.live_port, args.abletonosc_port, args.abletonosc_reply_port,
                      history=not args.no_history)  # fmt: skip

    def ready(port: int) -> None:
        print(f"MuseAroo MCP server on http://{protocol.HOST}:{port}/mcp", file=sys.stderr, flush=True)

    async def stdio() -> None:
        # SIGTERM (an MCP client whose server did not end within its grace after stdin closed, as the
        # SDK's does after 2 s; a supervisor) cancels the tool calls like Ctrl-C: each cancelled job
        # call sends /roo/cancel, so no MusicGen job runs on in the daemon for a client that left
        task = asyncio.current_task()
        assert task is not None
        loop = asyncio.get_running_loop()
        on_sigterm(lambda: loop.call_soon_threadsafe(task.cancel))
        await serve_stdio(options)

    try:
        if args.http:
            asyncio.run(serve_http(options, args.http_port, args.http_token, ready))
        else:
            asyncio.run(stdio())
    except (KeyboardInterrupt, asyncio.CancelledError):
        pass
    return 0
