"""roo send ADDRESS [ARG ...]: send one OSC message and print the replies."""

from __future__ import annotations

import argparse
import socket
import time

from bridge import osc, protocol

HELP = "send one OSC message (types inferred: int, float, string) and print the replies"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("address", help="OSC address, e.g. /roo/ping or /live/song/get/tempo")
    parser.add_argument("args", nargs="*", help="arguments; 4 is an int, 4.0 a float, anything else a string")
    parser.add_argument(
        "--port", type=int, default=None, help="target UDP port (default 11040 for /live/..., else 11041)"
    )
    parser.add_argument("--host", default=protocol.HOST)
    parser.add_argument(
        "--wait",
        type=float,
        default=1.0,
        help="seconds to wait for replies after the last one (a job waits until it ends)",
    )


def run(args: argparse.Namespace) -> int:
    port = args.port or (protocol.LIVE_PORT if args.address.startswith("/live/") else protocol.DAEMON_PORT)
    values = [osc.infer(a) for a in args.args]
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind((protocol.HOST, 0))
        sock.sendto(osc.encode(args.address, values), (args.host, port))
        got_any, failed = False, False
        deadline = time.monotonic() + max(args.wait, 0.05)
        job_open = False
        while time.monotonic() < deadline or job_open:
            sock.settimeout(max(0.01, deadline - time.monotonic()) if not job_open else 30.0)
            try:
                data, _ = sock.recvfrom(65536)
            except TimeoutError:
                break
            for address, reply in osc.decode(data):
                got_any = True
                print(address, *(_show(v) for v in reply), flush=True)
                if address == protocol.STATUS and len(reply) >= 2:
                    job_open = reply[1] not in protocol.FINAL_STATES
                    failed = failed or reply[1] == "failed"
                failed = failed or address in (protocol.ERROR, protocol.LIVE_ERROR)
            deadline = time.monotonic() + args.wait
    if not got_any:
        print(f"no reply from {args.host}:{port} within {args.wait:g} s")
        return 1
    return 1 if failed else 0


def _show(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.7g}"  # OSC floats are 32-bit: print what was meant, not the binary tail
    if isinstance(value, bytes):
        return f"<blob {len(value)} bytes>"
    return repr(value) if isinstance(value, str) and (" " in value or not value) else str(value)
