"""Time from "vary" to the loop in Live, with a take prepared in idle time and without one.

    .venv/bin/python tools/bench/prepare.py [--bars 4] [--runs 3]

The real daemon and the in-memory Live on loopback, the tiny random MusicGen model (no weights are
downloaded). Each run: one /roo/musicgen loop, then "give me another" on /roo/command, timed from the
send to its final status (and, as the peer, a MIDI /roo/generate of the same bars), once with pre-generation on (after the take is prepared) and once off.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[0] = str(ROOT)  # the project root, so tools.* and tests.* import as packages
GENERATE_S: list[float] = []


def vary_seconds(tiny: Path, bars: int, prepare: bool) -> tuple[float, str]:
    from bridge import protocol
    from livesim.host import LiveHost
    from tests.bridge.harness import Client, running_daemon

    os.environ["MUSEAROO_PREPARE"] = "1" if prepare else "0"
    os.environ["MUSEAROO_PREPARE_IDLE_S"] = "0.2"
    live = LiveHost(port=0).start_in_thread()
    try:
        with running_daemon(live_port=live.port) as daemon:
            client = Client(daemon.port)
            if prepare:  # the peer: a MIDI generate in the same daemon, same Live
                started = time.perf_counter()
                client.send(protocol.GENERATE, "drums", "track", 0, "slot", 5, "bars", bars, "seed", 1)
                done = client.wait_final(60)
                assert done[1] == "done", done
                GENERATE_S.append(time.perf_counter() - started)
            client.send(protocol.MUSICGEN, "lofi", bars, "model", str(tiny), "seed", 4)
            assert client.wait_final(600)[1] == "done"
            end = time.monotonic() + 600
            while prepare and (daemon.preparer is None or daemon.preparer.ready is None):
                assert time.monotonic() < end, "no take was prepared"
                time.sleep(0.05)
            started = time.perf_counter()
            client.send(protocol.COMMAND, "give me another")
            final = client.wait_final(600)
            took = time.perf_counter() - started
            client.close()
            assert final[1] == "done" and ("(prepared)" in str(final[3])) == prepare, final
            return took, str(final[3])
    finally:
        live.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bars", type=int, default=4)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from engines.musicgen.random_model import save_random_model

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["MUSEAROO_LOOPS_DIR"] = tmp
        tiny = save_random_model(Path(tmp) / "model", seed=21)
        for prepare in (True, False):
            times = [vary_seconds(tiny, args.bars, prepare)[0] for _ in range(args.runs)]
            label = "prepared take" if prepare else "rendered on request"
            print(
                f"vary -> loop in Live, {label}: median {1000 * statistics.median(times):.0f} ms "
                f"(runs: {', '.join(f'{1000 * t:.0f}' for t in times)} ms)"
            )
    gen = GENERATE_S
    print(
        f"MIDI generate (drums) -> clip in Live: median {1000 * statistics.median(gen):.0f} ms "
        f"(runs: {', '.join(f'{1000 * t:.0f}' for t in gen)} ms)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
