"""`roo doctor`'s view of a running daemon's /metrics: jobs, queue, Live round trips, errors, drops."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections import defaultdict

from prometheus_client.parser import text_string_to_metric_families


def metrics_summary(port: int, host: str = "127.0.0.1", timeout_s: float = 1.0) -> list[str]:
    """A few lines from http://host:port/metrics; one line saying why when it cannot be read."""
    url = f"http://{host}:{port}/metrics"
    try:
        with urllib.request.urlopen(url, timeout=timeout_s) as response:
            text = response.read().decode()
    except urllib.error.HTTPError as exc:
        return [f"{url} answered {exc.code}: a daemon bound beyond loopback wants its Bearer token"]
    except OSError as exc:
        return [f"no metrics at {url} ({exc}): is `roo serve` running, without --no-http?"]
    values: dict[str, dict[tuple[tuple[str, str], ...], float]] = defaultdict(dict)
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            values[s.name][tuple(sorted(s.labels.items()))] = s.value
    jobs = {
        dict(k).get("kind", "?") + " " + dict(k).get("outcome", "?"): int(v)
        for k, v in values["roo_jobs_total"].items()
    }
    depth = {dict(k)["state"]: int(v) for k, v in values["roo_queue_depth"].items()}
    trips = sum(values["roo_live_round_trip_seconds_count"].values())
    trip_s = sum(values["roo_live_round_trip_seconds_sum"].values())
    errors = int(sum(values["roo_errors_total"].values()))
    dropped = {dict(k)["source"]: int(v) for k, v in values["roo_packets_dropped_total"].items()}
    http = int(sum(values["roo_http_request_seconds_count"].values()))
    return [
        f"jobs finished: {', '.join(f'{k} {v}' for k, v in sorted(jobs.items())) or 'none yet'}",
        f"queue: {depth.get('queued', 0)} queued, {depth.get('running', 0)} running",
        f"Live round trips: {int(trips)}" + (f", mean {1000 * trip_s / trips:.1f} ms" if trips else ""),
        f"requests answered on /roo/error: {errors}; HTTP requests: {http}",
        f"packets dropped: {', '.join(f'{k} {v}' for k, v in sorted(dropped.items()))}",
    ]
