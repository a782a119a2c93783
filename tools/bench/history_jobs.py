"""The take history's share of two jobs, for tools/bench/history.py: recall and separation.

- Recall: /roo/history/recall of an 8-bar MIDI take to its "done", against one Live query
  (/live/song/get/tempo straight to the in-memory Live) in the same loop, each sent at a random
  phase of Live's 10 ms timer.
- Separation: one /roo/separate of the same clip through two daemons side by side, one with
  the SQLite store (the 4 stems hashed and copied into it) and one with the store off; the tiny
  random demucs layout (no weights downloaded), each daemon warmed by one untimed job first.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from bridge import protocol
from bridge.embedded import daemon_in_thread
from bridge.history import open_store
from tools.bench.latency import Client

TICK_S = 0.010  # the in-memory Live's timer, as Live's own


def recall_timing(client: Client, daemon_port: int, live_port: int, take_ids: list[str]) -> dict[str, Any]:
    """Recall each take into track 2 (its slot emptied after, untimed); a Live query alternates."""
    out: dict[str, list[float]] = {"recall of an 8-bar take -> done": [], "one Live query (tempo)": []}
    for i, take_id in enumerate(take_ids):
        slot = i % 8
        ms = client.round_trip(
            daemon_port,
            protocol.HISTORY_RECALL,
            [take_id, "track", 2, "slot", slot],
            lambda a, v: a == protocol.STATUS and v[1] in protocol.FINAL_STATES,
            phase_s=TICK_S,
        )
        if client.last[1] != "done":
            raise SystemExit(f"recall of {take_id} ended {client.last}")
        out["recall of an 8-bar take -> done"].append(ms)
        out["one Live query (tempo)"].append(
            client.round_trip(
                live_port,
                "/live/song/get/tempo",
                [],
                lambda a, v: a == "/live/song/get/tempo",
                phase_s=TICK_S,
            )
        )
        client.sock.sendto(_encode(protocol.CLIP_SLOT_DELETE_CLIP, [2, slot]), (protocol.HOST, live_port))
        time.sleep(0.02)  # the delete lands before the next recall
    return out


def _encode(address: str, args: list[Any]) -> bytes:
    from bridge import osc

    return osc.encode(address, args)


def separation_side_by_side(seconds: float, runs: int) -> dict[str, Any]:
    """Seconds per /roo/separate of a ``seconds`` clip, store on vs off, alternating, ``runs`` each."""
    import numpy as np
    import soundfile as sf

    from engines.separation.random_model import save_random_model
    from livesim.host import LiveHost
    from livesim.live_set import parse_set

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        model = save_random_model(folder / "model", "tiny", seed=5)
        song = folder / "song.wav"
        rate = 44100
        rng = np.random.default_rng(3)
        sf.write(
            song, (0.2 * rng.standard_normal((int(seconds * rate), 2))).clip(-1, 1), rate, subtype="PCM_16"
        )
        clip = {"slot": 0, "name": "Mix", "file": str(song), "warping": False}
        desc = parse_set({"tempo": 120, "tracks": [{"type": "audio", "name": "Mix", "clips": [clip]}]})
        live = LiveHost(desc, port=0).start_in_thread()
        store = open_store(f"sqlite:///{folder / 'h.db'}", folder / "data")
        times: dict[str, list[float]] = {"store off": [], "store on (SQLite)": []}
        commits: list[float] = []
        inner = store.commit

        def timed_commit(*args: Any, **kwargs: Any) -> str:
            start = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                commits.append(time.perf_counter() - start)

        store.commit = timed_commit  # type: ignore[method-assign]
        old = os.environ.get("MUSEAROO_STEMS_DIR")
        os.environ["MUSEAROO_STEMS_DIR"] = str(folder / "stems")
        client = Client()
        client.sock.settimeout(600)
        try:
            with daemon_in_thread(live.port) as off, daemon_in_thread(live.port, history=store) as on:
                for run in range(runs + 1):  # run 0 warms each daemon's worker (model loaded)
                    for name, daemon in (("store off", off), ("store on (SQLite)", on)):
                        ms = client.round_trip(
                            daemon.port,
                            protocol.SEPARATE,
                            [0, 0, str(model)],
                            lambda a, v: a == protocol.STATUS and v[1] in protocol.FINAL_STATES,
                        )
                        if client.last[1] != "done":
                            raise SystemExit(f"separation through {name} ended {client.last}")
                        if run:
                            times[name].append(ms / 1000.0)
        finally:
            if old is None:
                os.environ.pop("MUSEAROO_STEMS_DIR", None)
            else:
                os.environ["MUSEAROO_STEMS_DIR"] = old
            live.stop()
            store.close()
    return {
        "clip seconds": seconds,
        "layout": "tiny (random weights)",
        "runs": runs,
        "job s, store off": times["store off"],
        "job s, store on": times["store on (SQLite)"],
        "store.commit s (stems hashed and copied)": commits[1:],
    }


def print_separation(found: dict[str, Any]) -> None:
    import statistics

    off, on = statistics.median(found["job s, store off"]), statistics.median(found["job s, store on"])
    found["median job s, store off"], found["median job s, store on"] = off, on
    found["store share of the job (median on/off - 1)"] = on / off - 1.0
    print(json.dumps(found, indent=1))
