"""Prometheus metrics for one daemon: HTTP latency per route, Live round trips, jobs, errors, drops.

Histograms are observed as things happen; counts the daemon already keeps (errors by address,
dropped packets, queue depth) are read at scrape time by a collector, so nothing is counted twice.
Each server has its own registry (no process-wide state; tests run several daemons).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from bridge import protocol
from bridge.daemon import Daemon
from bridge.web.events import Hub

FAST_BUCKETS_S = (0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)
JOB_BUCKETS_S = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0)


class _DaemonState(Collector):
    def __init__(self, daemon: Daemon, hub: Hub) -> None:
        self.daemon, self.hub = daemon, hub

    def collect(self) -> Iterator[Metric]:
        d, app = self.daemon, self.daemon.app
        jobs = list(app.jobs.jobs.values()) if app is not None else []
        depth = GaugeMetricFamily("roo_queue_depth", "jobs not yet finished, by state", labels=["state"])
        for state in ("queued", "running"):
            depth.add_metric([state], sum(1 for j in jobs if j.state == state))
        yield depth
        errors = CounterMetricFamily(
            "roo_errors", "requests answered on /roo/error, by request address", labels=["address"]
        )
        for address, count in sorted(d.errors_by_address.items()):
            errors.add_metric([address], count)
        yield errors
        dropped = CounterMetricFamily("roo_packets_dropped", "packets dropped, by where", labels=["source"])
        dropped.add_metric(["client"], d.errors_by_address.get("?", 0))
        dropped.add_metric(["live"], d.live.bad_replies)
        dropped.add_metric(["app"], app.dropped_packets if app is not None else 0)
        dropped.add_metric(["websocket"], self.hub.dropped)
        yield dropped
        yield CounterMetricFamily(
            "roo_osc_packets_received", "OSC packets received", value=d.packets_received
        )
        yield GaugeMetricFamily("roo_live_connected", "1 while Live answers", value=int(d.live_connected))
        yield GaugeMetricFamily(
            "roo_websocket_clients", "subscribed WebSocket clients", value=len(self.hub.clients)
        )


class Metrics:
    def __init__(self, daemon: Daemon, hub: Hub) -> None:
        self.daemon = daemon
        self.registry = CollectorRegistry()
        self.http_seconds = Histogram(
            "roo_http_request_seconds",
            "HTTP request latency by route",
            ["method", "route", "status"],
            buckets=FAST_BUCKETS_S,
            registry=self.registry,
        )
        self.live_seconds = Histogram(
            "roo_live_round_trip_seconds",
            "request to reply from Live's Remote Script, by address",
            ["address"],
            buckets=FAST_BUCKETS_S,
            registry=self.registry,
        )
        self.job_seconds = Histogram(
            "roo_job_seconds",
            "job duration from queued to its final state, by kind and outcome",
            ["kind", "outcome"],
            buckets=JOB_BUCKETS_S,
            registry=self.registry,
        )
        self.jobs = Counter(
            "roo_jobs", "finished jobs by kind and outcome", ["kind", "outcome"], registry=self.registry
        )
        self.registry.register(_DaemonState(daemon, hub))

    def attach(self) -> None:
        """Start observing: Live round trips and job outcomes (call once the daemon is started)."""
        self.daemon.live.on_round_trip = lambda address, s: self.live_seconds.labels(address).observe(s)
        assert self.daemon.app is not None
        self.daemon.app.watchers.append(self._job_event)

    def _job_event(self, event: dict[str, Any]) -> None:
        if event["type"] != "job" or event["state"] not in protocol.FINAL_STATES:
            return
        assert self.daemon.app is not None
        job = self.daemon.app.jobs.jobs.get(event["job_id"])
        if job is not None:
            self.job_seconds.labels(job.kind, job.state).observe(time.monotonic() - job.created_s)
            self.jobs.labels(job.kind, job.state).inc()

    def text(self) -> bytes:
        return generate_latest(self.registry)
