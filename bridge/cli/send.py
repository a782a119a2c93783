"""roo send ADDRESS [ARG ...]: send one OSC message and print the reply.

``/live/*`` and ``/roo/live/*`` go to the Remote Script's port, everything else to the daemon's.
A getter returns after its reply; a job's statuses are followed to its final state (a result cut
to fit one datagram is printed whole, asked of the daemon part by part). Setters,
``/live/song/undo`` and other ``/live/*`` messages without ``/get/`` have no reply by design:
a getter sent right after is answered after them, and they succeed when no ``/live/error``
came before its reply.
"""

from __future__ import annotations

import argparse
import json
import socket
import time
from collections.abc import Sequence
from typing import Any

from bridge import osc, protocol
from bridge.cli.daemon_job import ANSWER_S
from bridge.jobs import results

CONFIRM = protocol.SONG_GET + "tempo"  # answered by every Remote Script version
HELP = "send one OSC message (types inferred: int, float, string) and print the reply"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("address", help="OSC address, e.g. /roo/ping or /live/song/get/tempo")
    parser.add_argument("args", nargs="*", help="arguments; 4 is an int, 4.0 a float, anything else a string")
    parser.add_argument(
        "--port",
        type=int,
        default=None,
        help=f"target UDP port (default: {protocol.LIVE_PORT} for /live/... and /roo/live/..., "
        f"else {protocol.DAEMON_PORT})",
    )
    parser.add_argument("--host", default=protocol.HOST, help="target host")
    parser.add_argument(
        "--wait",
        type=float,
        default=ANSWER_S,
        help="seconds to wait for a reply (a job waits until it ends; a setter this long for an error)",
    )
    parser.add_argument(
        "--all", action="store_true", help="keep listening until --wait passes without a message"
    )


def target_port(address: str) -> int:
    """The Remote Script's port for Live's grammar and MuseAroo's Live requests, else the daemon's."""
    return protocol.LIVE_PORT if address.startswith(("/live/", "/roo/live/")) else protocol.DAEMON_PORT


def expects_reply(address: str) -> bool:
    """False for Live messages answered only on error: setters, undo, create, add/remove notes."""
    return not address.startswith("/live/") or "/get/" in address


def run(args: argparse.Namespace) -> int:
    port = args.port or target_port(args.address)
    values = [osc.infer(a) for a in args.args]
    wait = max(args.wait, 0.05)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind((protocol.HOST, 0))
        sock.sendto(osc.encode(args.address, values), (args.host, port))
        if not expects_reply(args.address):
            return _confirm(sock, args.host, port, wait)
        return _replies(sock, args.host, port, wait, keep_listening=args.all, hint=silence_hint(args.address))


def silence_hint(address: str) -> str:
    """What to check when ``address`` got no reply: the daemon (`roo serve`) or Live (`roo sim`)."""
    if target_port(address) == protocol.LIVE_PORT:
        return "is Live (or `roo sim`) running there?"
    return "is the daemon running there? (start it with `roo serve`)"


def _replies(
    sock: socket.socket, host: str, port: int, wait: float, *, keep_listening: bool, hint: str
) -> int:
    """Print the first reply (a job's statuses to the final one; with keep_listening all of them)."""
    got_any, failed, job_open = False, False, False
    deadline = time.monotonic() + wait
    while True:
        sock.settimeout(30.0 if job_open else max(0.01, deadline - time.monotonic()))
        try:
            data, _ = sock.recvfrom(65536)
        except (TimeoutError, ConnectionRefusedError):
            break
        for address, reply in osc.decode(data):
            got_any = True
            reply = _whole(address, reply, host, port)
            for line in _lines(address, reply):
                print(line, flush=True)
            if address == protocol.STATUS and len(reply) >= 2:
                job_open = reply[1] not in protocol.FINAL_STATES
                failed = failed or reply[1] == "failed"
            failed = failed or address in (protocol.ERROR, protocol.LIVE_ERROR)
        if not (job_open or keep_listening):
            break  # the first reply (or a job's final status) is the answer
        deadline = time.monotonic() + wait
    if not got_any:
        print(f"no reply from {host}:{port} within {wait:g} s: {hint}")
        return 1
    return 1 if failed else 0


def _whole(address: str, reply: list[Any], host: str, port: int) -> list[Any]:
    """A /roo/result cut to fit one datagram, with its whole JSON asked of the daemon; others as they are."""
    if address != protocol.RESULT or len(reply) < 3 or not isinstance(reply[2], str):
        return reply
    try:
        result = json.loads(reply[2])
    except ValueError:
        return reply
    if not isinstance(result, dict) or not results.is_cut(result):
        return reply
    whole = results.fetch_whole(port, result["whole"], host)
    return [*reply[:2], json.dumps(whole), *reply[3:]]


def _confirm(sock: socket.socket, host: str, port: int, wait: float) -> int:
    """A message without a reply: a getter sent after it is answered after it (Live keeps order),
    so the getter's reply with no /live/error before it means the message was carried out."""
    sock.sendto(osc.encode(CONFIRM, []), (host, port))
    failed = False
    deadline = time.monotonic() + wait
    while True:
        sock.settimeout(max(0.01, deadline - time.monotonic()))
        try:
            data, _ = sock.recvfrom(65536)
        except (TimeoutError, ConnectionRefusedError):
            print(f"no reply from {host}:{port} within {wait:g} s: {silence_hint(protocol.SONG_GET)}")
            return 1
        for address, reply in osc.decode(data):
            if address == CONFIRM:
                if not failed:
                    print(f"done (no reply by design; Live answered after it with no {protocol.LIVE_ERROR})")
                return 1 if failed else 0
            print(*_lines(address, reply), sep="\n", flush=True)
            failed = failed or address == protocol.LIVE_ERROR


def _lines(address: str, reply: Sequence[object]) -> list[str]:
    """One line per message; a clip's notes one per line under it (pitch start duration velocity mute)."""
    width = len(protocol.NOTE_FIELDS)
    if address == protocol.CLIP_GET_NOTES and len(reply) >= 2 and (len(reply) - 2) % width == 0:
        head = f"{address} {_show(reply[0])} {_show(reply[1])} ({(len(reply) - 2) // width} notes)"
        rows = [reply[i : i + width] for i in range(2, len(reply), width)]
        return [head, *("  " + " ".join(_show(v) for v in row) for row in rows)]
    return [" ".join([address, *(_show(v) for v in reply)])]


def _show(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.7g}"  # OSC floats are 32-bit: print what was meant, not the binary tail
    if isinstance(value, bytes):
        return f"<blob {len(value)} bytes>"
    return repr(value) if isinstance(value, str) and (" " in value or not value) else str(value)
