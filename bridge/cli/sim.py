"""``roo sim``: the in-memory Live with the real Remote Script, listening where Live would."""

from __future__ import annotations

import argparse
import logging
import signal
import threading
from types import FrameType

from bridge import protocol
from bridge.cli.lifecycle import add_verbosity, log_level, on_sigterm, settle_heap

HELP = "run the in-memory Live with the MuseAroo Remote Script (for tests and demos without Live)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=protocol.LIVE_PORT, help="UDP port of the Remote Script")
    parser.add_argument(
        "--set",
        dest="set_file",
        metavar="FILE.yaml",
        help="a Set description (tempo, tracks, clips); default: six empty tracks at 120 BPM",
    )
    parser.add_argument(
        "--live-version",
        default="12.3.6",
        help="the Live version to pretend to be, e.g. 12.0.0 (no audio import) or 10.1.0 (no Timer)",
    )
    add_verbosity(parser)
    parser.add_argument(
        "--abletonosc",
        action="store_true",
        help="also serve AbletonOSC's grammar on UDP 11000 (replies to 11001); without --set, "
        "Live's default Set (2 MIDI, 2 audio tracks, 2 returns, 8 scenes)",
    )
    parser.add_argument("--abletonosc-port", type=int, default=protocol.ABLETONOSC_PORT,
                        help="with --abletonosc: the UDP port it listens on (default 11000; 0: a free one)")  # fmt: skip
    parser.add_argument("--abletonosc-reply-port", type=int, default=protocol.ABLETONOSC_REPLY_PORT,
                        help="with --abletonosc: the port of the sender's host it answers to (default 11001; "
                        "a client that sends /live/api/reply_to_sender is answered on its own port)")  # fmt: skip


def _version(text: str) -> tuple[int, int, int]:
    from engines.errors import InvalidValue

    parts = text.split(".")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        raise InvalidValue(f"--live-version {text!r}: expected MAJOR.MINOR.BUGFIX, e.g. 12.3.6")
    return int(parts[0]), int(parts[1]), int(parts[2])


def _ports(args: argparse.Namespace) -> dict[str, str]:
    """The AbletonOSC mode's ports for the script, where the options say (else its environment's)."""
    out = {}
    if args.abletonosc_port != protocol.ABLETONOSC_PORT:
        out[protocol.ABLETONOSC_PORT_ENV] = str(args.abletonosc_port)
    if args.abletonosc_reply_port != protocol.ABLETONOSC_REPLY_PORT:
        out[protocol.ABLETONOSC_REPLY_PORT_ENV] = str(args.abletonosc_reply_port)
    return out


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from livesim import LIVE_DEFAULT_SET, LiveHost, SetDesc, load_set

    console = Console(highlight=False)
    logging.basicConfig(level=log_level(args), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    default = LIVE_DEFAULT_SET if args.abletonosc else SetDesc()
    live_set = load_set(args.set_file) if args.set_file else default
    host = LiveHost(
        live_set,
        port=args.port,
        version=_version(args.live_version),
        on_log=None if args.quiet else lambda line: console.print(f"[dim]{line}[/dim]"),
        script_env={protocol.ABLETONOSC_ENV: "1" if args.abletonosc else "0", **_ports(args)},
    )
    # A SIGTERM may land as soon as the script's own "listening" log line is out, before the checks
    # below: the stop it asked for is then no failure to listen (CI saw exit 2 for it, once).
    terminated = threading.Event()

    def on_term() -> None:
        terminated.set()
        host.stop(timeout=0.0)

    on_sigterm(on_term)  # the main loop below sees the end
    host.start_in_thread()
    if not host.script.listening:
        host.stop()
        if terminated.is_set():  # set before the handler's stop, so never missed here
            return 0
        from engines.errors import LiveError

        raise LiveError(f"the Remote Script cannot listen on UDP {protocol.HOST}:{args.port} (port in use?)")
    compat = getattr(host.script, "abletonosc", None)
    if args.abletonosc and (compat is None or compat.socket is None):
        host.stop()
        if terminated.is_set():
            return 0
        from engines.errors import LiveError

        raise LiveError(
            f"cannot serve AbletonOSC's grammar: UDP {protocol.HOST}:{args.abletonosc_port} is taken "
            "(is AbletonOSC or another `roo sim --abletonosc` running? --abletonosc-port picks another)"
        )
    # Ctrl-C ends the loop below as SIGTERM does, by a handler set before the listening line: a
    # KeyboardInterrupt raised before the main thread reached the loop's try (a loaded machine, the
    # line already read and a query already answered by the script's thread) exited 130.
    interrupted = threading.Event()

    def on_ctrl_c(signum: int, frame: FrameType | None) -> None:
        interrupted.set()
        host.stop(timeout=0.0)

    signal.signal(signal.SIGINT, on_ctrl_c)
    # The Set and the script are made: later full collections walk only what comes after. Settled
    # before the listening line, so a Ctrl-C sent once it is read lands in the loop below.
    settle_heap()
    song = host.song
    console.print(
        f"[bold]in-memory Live {host.application.get_version_string()}[/bold]: "
        f"{len(song.tracks)} tracks, {len(song.scenes)} scenes, {song.tempo:g} BPM, "
        f"{song.signature_numerator}/{song.signature_denominator}"
    )
    console.print(f"Remote Script listening on UDP {protocol.HOST}:{host.port}; Ctrl-C stops")
    if compat is not None and compat.socket is not None:
        console.print(
            f"AbletonOSC's grammar on UDP {protocol.HOST}:{compat.port}, replies to port {compat.reply_port} "
            f"(to a sender's own port after {protocol.ABLETONOSC_REPLY_HERE}: any number of `roo mcp`)"
        )
    try:
        while host.wait(0.5):
            pass
    except KeyboardInterrupt:
        interrupted.set()
    if interrupted.is_set():
        console.print("stopping")
    host.stop()
    console.print(f"stopped: {host.script.requests} requests, {host.script.errors} errors")
    return 0
