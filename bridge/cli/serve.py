"""roo serve: run the daemon in the foreground until Ctrl-C."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal

from bridge import protocol
from bridge.queue.options import add_queue_arguments, queue_from_args

HELP = "run the MuseAroo daemon (OSC on UDP, loopback by default)"


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
    parser.add_argument("--verbose", "-v", action="store_true", help="log every request")
    add_queue_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from bridge.daemon import Daemon, serve_forever
    from bridge.doctor import model_summary
    from bridge.live_client import LiveContext, describe

    console = Console(stderr=False)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    daemon = Daemon(args.host, args.port, args.live_port)
    daemon.queue = queue_from_args(args)

    def ready(ctx: LiveContext | None) -> None:
        console.print(f"[bold green]MuseAroo daemon[/] listening on udp://{args.host}:{daemon.port}")
        if ctx is None:
            console.print(
                f"[yellow]Live did not answer[/] on udp://127.0.0.1:{args.live_port}: open Live with the "
                "MuseAroo control surface (or run `roo sim`); the daemon keeps trying per request."
            )
        else:
            console.print(f"Live answered on udp://127.0.0.1:{args.live_port}: {describe(ctx)}")
        for line in model_summary():
            console.print(f"  {line}")
        if daemon.queue is not None:
            console.print(f"  heavy jobs go to {daemon.queue.describe()}")
        console.print("Ctrl-C stops the daemon.")

    async def main() -> None:
        task = asyncio.current_task()
        loop = asyncio.get_running_loop()
        assert task is not None
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, task.cancel)
        await serve_forever(daemon, ready)

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
