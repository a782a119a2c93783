"""Send one job request to the running daemon and wait for its final /roo/status (recall, fork).

One rule for every sub-command that talks to the daemon: it answers a request at once (a job's
``queued`` status, an error or a reply), so no answer within ANSWER_S means no daemon, said with the
hint; only a job that answered is then waited for, up to ``--timeout``. ``roo send`` waits as long.
"""

from __future__ import annotations

import argparse
import json
import re
import socket
import time
from typing import Any

from bridge import osc, protocol
from engines.errors import LiveUnreachable

ANSWER_S = 1.0  # the daemon answers every request at once; silence this long means it is not there
TAKE = re.compile(r"\(take ([0-9a-f, ]+)\)")


def add_port(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--port", type=int, default=protocol.DAEMON_PORT, help="the daemon's UDP port (default 11041)"
    )
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for the job to end")
    parser.add_argument("--json", action="store_true", help="print the final status as one JSON object")


def no_answer(port: int, waited_s: float, answered: bool) -> str:
    """What silence means: no daemon (with the hint), or a job that did not end within --timeout."""
    where = f"udp://{protocol.HOST}:{port}"
    if answered:
        return f"the job sent to the daemon on {where} did not end within {waited_s:.0f} s (--timeout)"
    return f"no answer from the daemon on {where} within {ANSWER_S:g} s: is `roo serve` running?"


def run_job(address: str, values: list[Any], args: argparse.Namespace) -> int:
    """Print the job's final status (text or JSON); 0 when done, 1 when it failed."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind((protocol.HOST, 0))
        sock.sendto(osc.encode(address, values), (protocol.HOST, args.port))
        started = time.monotonic()
        end, answered = started + min(ANSWER_S, args.timeout), False
        while True:
            sock.settimeout(max(0.01, end - time.monotonic()))
            try:
                data, _ = sock.recvfrom(65536)
            except (TimeoutError, ConnectionRefusedError) as exc:
                raise LiveUnreachable(no_answer(args.port, time.monotonic() - started, answered)) from exc
            if not answered:  # the daemon is there: the job may now take up to --timeout
                end, answered = started + args.timeout, True
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
