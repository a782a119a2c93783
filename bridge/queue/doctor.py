"""What ``roo doctor`` says about the worker queue: the broker, and each worker it sees."""

from __future__ import annotations

import json
from typing import Any

from bridge.queue.jobspec import musearoo_version
from bridge.queue.serve_worker import REGISTRY
from bridge.queue.settings import broker_url, make_redis, redact
from bridge.setup.doctor import Check


def registered_workers(client: Any) -> list[dict[str, Any]]:
    """The live workers' registry entries (name, device, warm models, versions, busy), by name."""
    found = []
    for key in client.scan_iter(f"{REGISTRY}*"):
        raw = client.get(key)
        if raw is not None:
            found.append(json.loads(raw))
    return sorted(found, key=lambda entry: str(entry.get("name")))


def queue_checks(url: str | None = None) -> list[Check]:
    """Nothing without a broker; else the broker's answer and one line per worker."""
    url = broker_url(url)
    if url is None:
        return []
    shown = redact(url)
    try:
        client = make_redis(url)
        client.ping()
        entries = registered_workers(client)
    except Exception as exc:  # any failure to reach Redis is this check's answer
        return [
            Check(
                "worker queue",
                False,
                f"worker queue unreachable at {shown}: {exc}",
                "start redis-server on the GPU machine (or fix the URL, password or TLS settings); "
                "`roo serve --fallback local` runs jobs here meanwhile",
            )
        ]
    if not entries:
        return [
            Check(
                "worker queue",
                False,
                f"broker {shown} answers, but no worker is registered",
                f"run `roo worker --broker {shown}` on the GPU machine",
            )
        ]
    checks = [Check("worker queue", True, f"broker {shown} answers; {len(entries)} worker(s)")]
    ours = musearoo_version()
    for entry in entries:
        warm = ", ".join(entry.get("warm", [])) or "none yet"
        busy = f"busy with {entry['busy']}" if entry.get("busy") else "idle"
        same = entry.get("musearoo") == ours
        checks.append(
            Check(
                f"worker {entry.get('name')}",
                same,
                f"on {entry.get('host')}, device {str(entry.get('device')).upper()}, warm models: {warm}; {busy}",
                ""
                if same
                else f"it runs MuseAroo {entry.get('musearoo')}, this is {ours}: update it "
                "(it refuses jobs from this version)",
            )
        )
    return checks
