"""roo doctor: check Python, packages, ports, Live, GPU and model caches, with a fix for each."""

from __future__ import annotations

import argparse

from bridge import protocol

HELP = "check the installation and say how to fix each problem"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=protocol.DAEMON_PORT, help="daemon UDP port")
    parser.add_argument("--live-port", type=int, default=protocol.LIVE_PORT, help="Remote Script UDP port")
    parser.add_argument(
        "--http-port", type=int, default=protocol.HTTP_PORT, help="the daemon's HTTP port, for its metrics"
    )


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from bridge.doctor import checks

    console = Console()
    problems = 0
    for check in checks(args.port, args.live_port):
        mark = "[green]ok[/]  " if check.ok else "[red]FIX[/] "
        console.print(f"{mark} {check.name}: {check.detail}")
        if not check.ok:
            problems += 1
            console.print(f"      -> {check.fix}")
    from bridge.web.summary import metrics_summary

    console.print("running daemon (/metrics):")
    for line in metrics_summary(args.http_port):
        console.print(f"      {line}", highlight=False)
    console.print(f"{problems} problem(s)" if problems else "everything looks fine")
    return 1 if problems else 0
