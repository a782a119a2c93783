"""roo serve: run the daemon in the foreground until Ctrl-C."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
from typing import TYPE_CHECKING

from bridge import protocol
from bridge.cli.lifecycle import add_verbosity, log_level, on_sigterm, settle_heap

if TYPE_CHECKING:
    from bridge.history import Store
from bridge.queue.options import add_queue_arguments, queue_from_args

HELP = "run the MuseAroo daemon (OSC on UDP, loopback by default)"


# MUSEAROO_VOICE_PRELOAD=0: the recogniser loads on the first press instead of at start (the tests'
# many short-lived daemons set it; a user's daemon loads it at start so the first press is quick).
PRELOAD_ENV = "MUSEAROO_VOICE_PRELOAD"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default=protocol.HOST, help="address to bind (default 127.0.0.1)")
    parser.add_argument(
        "--port", type=int, default=protocol.DAEMON_PORT, help="daemon UDP port (default 11041)"
    )
    parser.add_argument(
        "--live-port",
        type=int,
        default=protocol.LIVE_PORT,
        help="UDP port of the Remote Script in Live (default 11040)",
    )
    add_verbosity(parser)
    add_queue_arguments(parser)
    parser.add_argument(
        "--http-host",
        default=protocol.HOST,
        help="address of the studio page and HTTP API (default 127.0.0.1)",
    )
    parser.add_argument("--http-port", type=int, default=protocol.HTTP_PORT, help="HTTP port (default 11042)")
    parser.add_argument(
        "--http-token",
        default=None,
        help="Bearer token the HTTP API requires (default: none on loopback; beyond it one is generated)",
    )
    parser.add_argument("--no-http", action="store_true", help="do not serve the studio page / HTTP API")
    parser.add_argument(
        "--no-prepare",
        action="store_true",
        help="do not prepare the next MusicGen take in idle time (default: on unless MUSEAROO_PREPARE=0)",
    )
    parser.add_argument(
        "--no-history", action="store_true", help="do not record takes (MUSEAROO_DB / MUSEAROO_DATA_DIR)"
    )


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from bridge.daemon import Daemon, serve_forever
    from bridge.live.client import LiveContext, describe
    from bridge.setup.doctor import model_summary

    console = Console(stderr=False)
    logging.basicConfig(
        level=log_level(args),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    from bridge.commands import offered, parse
    from bridge.commands.reader import warm

    history, history_error = (None, "") if args.no_history else _open_history()
    daemon = Daemon(args.host, args.port, args.live_port, history, history_error)
    daemon.queue = queue_from_args(args)
    daemon.prepare = False if args.no_prepare else None
    web = None
    if not args.no_http:
        from bridge.web import WebServer, is_loopback, needs_token

        token = needs_token(args.http_host, args.http_token)
        web = WebServer(daemon, args.http_host, args.http_port, token)

    preloading: list[asyncio.Task[None]] = []  # kept referenced until done

    def ready(ctx: LiveContext | None) -> None:
        console.print(f"[bold green]MuseAroo daemon[/] listening on udp://{args.host}:{daemon.port}")
        if daemon.app is not None and os.environ.get(PRELOAD_ENV, "1") != "0":  # the voice recogniser, once
            from bridge.actions.intents.voice import preload

            preloading.append(asyncio.get_running_loop().create_task(preload(daemon.app)))
        if ctx is None:
            console.print(
                f"[yellow]Live did not answer[/] on udp://127.0.0.1:{args.live_port}: open Live with the "
                "MuseAroo control surface (or run `roo sim`); the daemon keeps trying per request."
            )
        else:
            console.print(f"Live answered on udp://127.0.0.1:{args.live_port}: {describe(ctx)}")
        for line in model_summary():
            console.print(f"  {line}")
        if history is not None:
            console.print(f"take history: {history.engine.url!r}, files in {history.root}")
        elif history_error:
            console.print(f"[red]take history NOT recorded[/]: {history_error} (generation still works)")
        if daemon.queue is not None:
            console.print(f"  heavy jobs go to {daemon.queue.describe()}")
        if web is not None and web.error:
            console.print(
                f"[red]studio page NOT served[/]: {web.error}; OSC works as ever "
                "(another roo serve? pass --http-port N or --no-http)",
                soft_wrap=True,
            )
        elif web is not None:
            console.print(f"studio page on http://{args.http_host}:{web.port}/", soft_wrap=True)
            if web.token is not None and not args.http_token:
                console.print(f"HTTP token (shown once): {web.token}", soft_wrap=True, highlight=False)
            if not is_loopback(args.http_host):
                console.print(
                    "[yellow]the HTTP API is reachable beyond this machine[/] with the Bearer token; "
                    "OSC stays on its own --host"
                )
        console.print("Ctrl-C stops the daemon.")
        settle_heap()  # up: later full collections walk only what comes after start-up
        # the commands' learned reading (issue 55) loads on a thread, then reads the examples questions offer;
        # started once "listening" is said: started first (or once the socket was bound) it slowed launch ->
        # listening by 0.4-1.0 s (round 39, docs/benchmarks/commands.md), and no command waits for it
        # (tests/bridge/commands/test_warm_up_waits_for_no_command.py)
        warm(then=lambda: offered.warm(parse))

    async def main() -> None:
        task = asyncio.current_task()
        loop = asyncio.get_running_loop()
        assert task is not None
        loop.add_signal_handler(signal.SIGINT, task.cancel)
        on_sigterm(lambda: loop.call_soon_threadsafe(task.cancel))
        await serve_forever(daemon, ready, web.start if web is not None else None)

    try:
        asyncio.run(main())
    except asyncio.CancelledError:
        pass
    except OSError as exc:
        console.print(
            f"[red]cannot listen on {args.host}:{args.port}: {exc}[/] (is another daemon running? "
            "try `roo send /roo/ping` or pick --port)"
        )
        return 1
    console.print("MuseAroo daemon stopped.")
    return 0


def _open_history() -> tuple[Store | None, str]:
    """The take store named by MUSEAROO_DB / MUSEAROO_DATA_DIR, or (None, why it cannot open)."""
    from bridge.history import open_store
    from engines.errors import StoreError

    try:
        return open_store(), ""
    except StoreError as exc:
        return None, str(exc)
