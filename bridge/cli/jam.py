"""roo jam: play drums, bass, chords and melody live as MIDI, a port per part, until stopped."""

from __future__ import annotations

import argparse
import signal
from typing import Any

HELP = "play parts live as MIDI (a port 'MuseAroo <part>' each), locked to Link, MIDI clock or our clock"


def configure(parser: argparse.ArgumentParser) -> None:
    sync = parser.add_mutually_exclusive_group()
    sync.add_argument(
        "--link", action="store_true", help="join the Ableton Link session (tempo and bar lines)"
    )
    sync.add_argument("--clock", action="store_true", help="follow MIDI clock arriving at 'MuseAroo clock'")
    parser.add_argument("--tempo", type=float, default=120.0, help="BPM (with --link: until a peer sets it)")
    parser.add_argument("--genre", default="pop", help="e.g. pop, rock, jazz, electronic")
    parser.add_argument("--key", default="C major", help='e.g. "D minor", "F# major"')
    parser.add_argument("--parts", default="drums,bass,chords,melody", help="comma-separated parts")
    parser.add_argument("--bars", type=int, default=None, help="stop cleanly after N bars (default: Ctrl-C)")
    parser.add_argument("--midi", default="auto", help="auto, alsa, jack, coremidi or winmm")
    parser.add_argument(
        "--port",
        default=None,
        help="send every part to this existing port instead (default: a virtual port per part)",
    )
    parser.add_argument(
        "--record", default=None, metavar="FILE.mid", help="write what was played (default: nothing written)"
    )
    parser.add_argument(
        "--force", action="store_true", help="overwrite the --record file if it exists (default: refused)"
    )
    parser.add_argument("--signature", default="4/4", help="time signature, e.g. 4/4, 3/4")
    parser.add_argument("--seed", type=int, default=0, help="same seed, same jam")


def run(args: argparse.Namespace) -> int:
    from bridge.jam.launch import JamOptions, launch

    options = JamOptions(
        sync="link" if args.link else "clock" if args.clock else "own",
        tempo_bpm=args.tempo,
        genre=args.genre,
        key=args.key,
        parts=args.parts,
        bars=args.bars,
        midi=args.midi,
        port=args.port,
        record=args.record,
        signature=args.signature,
        seed=args.seed,
        force=args.force,
    )
    store = _store() if options.record else None
    try:
        session = launch(options, store)
    except BaseException:
        if store is not None:
            store.close()
        raise
    print(f"roo jam: playing {args.parts} in {args.key} ({args.genre}), {options.sync} sync", flush=True)
    previous = signal.signal(signal.SIGTERM, _terminated)  # SIGTERM ends the jam as Ctrl-C does
    try:
        while not session.jam.wait(0.2):
            pass
    finally:  # Ctrl-C and SIGTERM included: every note off, the recording written, before leaving
        signal.signal(signal.SIGTERM, previous)
        try:
            session.close()
        finally:
            if store is not None:
                store.close()
        if session.written:
            kept = (
                "" if session.keeper is None else f" and {len(session.keeper.take_ids)} takes in the history"
            )
            print(f"roo jam: recorded to {session.written}{kept}", flush=True)
    return 0


def _terminated(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def _store() -> Any:
    """The take history (MUSEAROO_DB / MUSEAROO_DATA_DIR), or None with a note when it cannot open."""
    try:
        from bridge.history import open_store

        return open_store()
    except Exception as exc:  # the MIDI file is still written
        print(f"roo jam: the take history is not available ({exc}); recording to the file only", flush=True)
        return None
