"""N WebSocket clients of a daemon's /ws in one process of their own (as browsers on the studio
network are), for tools/bench/ping_ws.py: each reads every event and notes its delay from the
work's progress report (``reported_s``, before the hop onto the daemon's loop) or, for other events,
the daemon's publish time (``at_s``); same machine, same clock.

Prints ``ready`` once all are subscribed; on a line on stdin (or its end) prints one JSON line:
``{"received": [events per client], "delays_ms": [every event's delay, all clients]}``.
Usage: .venv/bin/python -m tools.bench.ws_clients PORT [--clients 20]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time

from websockets.asyncio.client import ClientConnection, connect


async def listen(ws: ClientConnection, received: list[int], i: int, delays: list[float]) -> None:
    async for message in ws:
        now = time.time()
        event = json.loads(message)
        received[i] += 1
        if "at_s" in event:  # from the work's progress report when it is one, else from the publish
            delays.append((now - event.get("reported_s", event["at_s"])) * 1000.0)


async def run(port: int, clients: int) -> dict[str, list[float] | list[int]]:
    received: list[int] = [0] * clients
    delays: list[float] = []
    sockets = [await connect(f"ws://127.0.0.1:{port}/ws") for _ in range(clients)]
    tasks = [asyncio.create_task(listen(ws, received, i, delays)) for i, ws in enumerate(sockets)]
    print("ready", flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    for ws in sockets:
        await ws.close()
    await asyncio.gather(*tasks, return_exceptions=True)
    return {"received": received, "delays_ms": delays}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("port", type=int)
    parser.add_argument("--clients", type=int, default=20)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(run(args.port, args.clients))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
