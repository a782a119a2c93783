"""roo doctor: check Python, packages, ports, Live, GPU and model caches, with a fix for each."""

from __future__ import annotations

import argparse
from pathlib import Path

from bridge import protocol

HELP = "check the installation and say how to fix each problem"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=protocol.DAEMON_PORT, help="daemon UDP port")
    parser.add_argument("--live-port", type=int, default=protocol.LIVE_PORT, help="Remote Script UDP port")
    parser.add_argument("--abletonosc-port", type=int, default=protocol.ABLETONOSC_PORT,
                        help="the AbletonOSC mode's UDP port the MCP Live tools use")  # fmt: skip
    parser.add_argument(
        "--user-library",
        type=Path,
        default=None,
        help="Ableton User Library to check the install in (default: Live's default on macOS and Windows)",
    )
    parser.add_argument(
        "--broker", default=None, metavar="URL", help="check this worker queue (default: $MUSEAROO_BROKER)"
    )
    parser.add_argument(
        "--http-port", type=int, default=protocol.HTTP_PORT, help="the daemon's HTTP port, for its metrics"
    )


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from bridge.queue.doctor import queue_checks
    from bridge.setup.doctor import checks
    from bridge.setup.doctor_install import install_checks

    console = Console()
    problems = 0
    for check in [
        *checks(args.port, args.live_port, args.abletonosc_port),
        *install_checks(args.live_port, args.user_library),
        *queue_checks(args.broker),
    ]:
        mark = "[green]ok[/]  " if check.ok else "[red]FIX[/] "
        console.print(f"{mark} {check.name}: {check.detail}", soft_wrap=True)
        if not check.ok:
            problems += 1
            console.print(f"      -> {check.fix}", soft_wrap=True, markup=False, highlight=False)
    from bridge.web.summary import metrics_summary

    console.print("running daemon (/metrics):")
    for line in metrics_summary(args.http_port):
        console.print(f"      {line}", highlight=False)
    from bridge.prepare.doctor import prepared_summary

    console.print(f"      prepared: {prepared_summary(args.http_port)}", highlight=False)
    from engines.presets import load_licences

    console.print("model licences (check them before you release music made with them):")
    for family, licence in load_licences().items():
        console.print(f"      {family}: {licence}", highlight=False, markup=False, soft_wrap=True)
    console.print(f"{problems} problem(s)" if problems else "everything looks fine")
    return 1 if problems else 0
