"""Send one job request to the running daemon and wait for its final /roo/status (recall, fork)."""

from __future__ import annotations

import argparse
import json
import re
import socket
import time
from typing import Any

from bridge import osc, protocol
from engines.errors import LiveUnreachable

TAKE = re.compile(r"\(take ([0-9a-f, ]+)\)")


def add_port(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--port", type=int, default=protocol.DAEMON_PORT, help="the daemon's UDP port (default 11041)"
    )
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for the job to end")
    parser.add_argument("--json", action="store_true", help="print the final status as one JSON object")


def run_job(address: str, values: list[Any], args: argparse.Namespace) -> int:
    """Print the job's final status (text or JSON); 0 when done, 1 when it failed."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind((protocol.HOST, 0))
        sock.sendto(osc.encode(address, values), (protocol.HOST, args.port))
        end = time.monotonic() + args.timeout
        while True:
            sock.settimeout(max(0.01, end - time.monotonic()))
            try:
                data, _ = sock.recvfrom(65536)
            except (TimeoutError, ConnectionRefusedError) as exc:
                raise LiveUnreachable(
                    f"no final answer from the daemon on udp://{protocol.HOST}:{args.port} within "
                    f"{args.timeout:g} s: is `roo serve` running?"
                ) from exc
            for got, reply in osc.decode(data):
                if got == protocol.ERROR:
                    reply = [0, "failed", 0.0, str(reply[-1])]
                elif got != protocol.STATUS or reply[1] not in protocol.FINAL_STATES:
                    continue
                job_id, state, _, message = reply[:4]
                found = TAKE.search(str(message))
                if args.json:
                    takes = found.group(1).split(", ") if found else []
                    print(json.dumps({"job": job_id, "state": state, "message": message, "take_ids": takes}))
                else:
                    print(f"{state}: {message}")
                return 0 if state == "done" else 1
