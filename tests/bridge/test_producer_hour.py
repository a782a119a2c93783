"""A producer's hour through real processes (issue 30): `roo sim` and `roo serve` as a new user runs
them, driven by OSC, typed commands and the HTTP API with the drum track selected all along.

In order: a jam recorded, generates of every part by OSC, by typed command and by HTTP, a
transform, a recall, a fork, every take exported (CLI) and previewed (HTTP), a restart of the
daemon and a generate after it. Asserted: every part lands on its own track (the track rule, said
in each done message), no part ever lands on the drum track but drums, every take exports and
previews, and `roo history` lists newest first within 100 columns.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bridge import protocol
from tests.bridge.harness import Client
from tests.bridge.jam.conftest import jack  # noqa: F401  # the fixture: a dummy JACK server
from tests.conftest import free_tcp_port, free_udp_port

ROOT = Path(__file__).resolve().parents[2]
PARTS = ("drums", "bass", "chords", "melody")
DRUM_ROWS = [[p, t * 0.5, 0.25, 100] for t in range(16) for p in ((36, 42) if t % 4 == 0 else (42,))]
SET = {
    "tempo": 100,
    "root": "G",
    "scale": "Major",
    "scenes": 12,
    "selected_track": 0,  # the drum track, on an empty slot: where a producer's hour begins
    "selected_scene": 2,
    "tracks": [
        {
            "type": "midi",
            "name": "Drums",
            "clips": [{"slot": 0, "name": "Beat", "length": 8, "notes": DRUM_ROWS}],
        },
        {"type": "midi", "name": "2-MIDI"},
        {"type": "midi", "name": "3-MIDI"},
        {"type": "audio", "name": "4-Audio"},
    ],
}
PLACED = re.compile(r"(drums|bass|chords|melody) -> track (\d+) '([^']*)' \(([^)]*)\)")
TAKE = re.compile(r"\(take ([0-9a-f]{12})\)")


def _env(data: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MUSEAROO_DATA_DIR": str(data), "HF_HUB_OFFLINE": "1"}
    env.pop("MUSEAROO_DB", None)
    return env


def _roo(env: dict[str, str], *args: str, timeout: float = 60.0) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bridge", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


# `roo export TAKE --out DIR` for each take, in one process (a process a take cost 1-3 s of start each)
EXPORT_EACH = """
import contextlib, io, json, sys
from bridge.cli import main
for take_id, out in json.loads(sys.argv[1]):
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            code = main(["export", take_id, "--out", out])
        except BaseException as exc:  # argparse's SystemExit, a crash: named
            code = repr(exc)
    print(json.dumps([take_id, code, err.getvalue().strip().splitlines()[-1:]]))
"""


def _roo_export_each(env: dict[str, str], take_ids: list[str], folder: Path) -> list[tuple[str, Any, Any]]:
    """Each take exported by the CLI's ``main`` into ``folder/<take id>``: (take id, exit code, its last
    error line) each, in the order given."""
    jobs = json.dumps([(take_id, str(folder / take_id)) for take_id in take_ids])
    done = subprocess.run(
        [sys.executable, "-c", EXPORT_EACH, jobs],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    rows = [tuple(json.loads(line)) for line in done.stdout.splitlines() if line.startswith("[")]
    assert [row[0] for row in rows] == take_ids, done.stdout[-2000:]
    return rows  # type: ignore[return-value]


class Hour:
    """The two processes, the OSC client and the HTTP base of one producer's hour."""

    def __init__(self, tmp: Path) -> None:
        self.data = tmp / "data"
        self.env = _env(self.data)
        (tmp / "set.yaml").write_text(json.dumps(SET))  # JSON is YAML
        self.live_port, self.port, self.http = free_udp_port(), free_udp_port(), free_tcp_port()
        self.sim = subprocess.Popen(
            [sys.executable, "-m", "bridge", "sim", "--port", str(self.live_port), "--set", str(tmp / "set.yaml"), "-q"],
            env=self.env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        self.live = Client(self.live_port)  # the common grammar, to read what Live holds
        self._until(lambda: self._asks_live(), "roo sim did not answer")
        self.daemon: subprocess.Popen[bytes] | None = None
        self.client: Client | None = None
        self.start_daemon()

    def _until(self, ok: Any, what: str, timeout_s: float = 60.0) -> None:
        end = time.monotonic() + timeout_s
        while not ok():
            assert time.monotonic() < end, what
            time.sleep(0.1)

    def _asks_live(self) -> bool:
        assert self.sim.poll() is None, self.sim.stderr.read() if self.sim.stderr else ""
        self.live.send(protocol.SONG_GET + "num_tracks")
        try:
            return self.live.recv(0.5)[0] == protocol.SONG_GET + "num_tracks"
        except TimeoutError:
            return False

    def start_daemon(self) -> None:
        args = [
            "serve",
            "--port",
            str(self.port),
            "--live-port",
            str(self.live_port),
            "--http-port",
            str(self.http),
        ]
        self.daemon = subprocess.Popen(
            [sys.executable, "-m", "bridge", *args, "--no-prepare"],
            env=self.env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        self.client = Client(self.port)
        self._until(self._pong, "roo serve did not answer /roo/ping")
        self._until(lambda: self.get("/api/context") is not None, "the daemon never saw Live")

    def _pong(self) -> bool:
        assert self.daemon is not None and self.client is not None
        assert self.daemon.poll() is None, self.daemon.stderr.read() if self.daemon.stderr else ""
        self.client.send(protocol.PING)
        try:
            return self.client.recv(0.5)[0] == protocol.PONG
        except TimeoutError:
            return False

    def stop_daemon(self) -> None:
        assert self.daemon is not None and self.client is not None
        self.daemon.send_signal(signal.SIGTERM)
        self.daemon.wait(30)
        self.client.close()

    def close(self) -> None:
        for proc in (self.daemon, self.sim):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.wait(10)
        if self.client is not None:
            self.client.close()
        self.live.close()

    # --- talking to it ------------------------------------------------------------------------
    def job(self, address: str, *args: Any, timeout: float = 60.0) -> str:
        assert self.client is not None
        self.client.send(address, *args)
        _job, state, _progress, message = self.client.wait_final(timeout=timeout)
        assert state == "done", f"{address} {args}: {message}"
        return str(message)

    def get(self, path: str) -> Any:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.http}{path}", timeout=10) as reply:
                body = reply.read()
                return json.loads(body) if reply.headers.get_content_type() == "application/json" else body
        except (OSError, ValueError):
            return None

    def post(self, path: str, body: dict[str, Any]) -> Any:
        data = json.dumps(body).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.http}{path}", data, {"Content-Type": "application/json"}, method="POST"
        )
        with urllib.request.urlopen(request, timeout=10) as reply:
            return json.loads(reply.read())

    def http_job(self, action: str, body: dict[str, Any]) -> str:
        job = self.post(f"/api/{action}", body)["job_id"]
        end = time.monotonic() + 60
        while (found := self.get(f"/api/jobs/{job}")) is None or found["state"] not in protocol.FINAL_STATES:
            assert time.monotonic() < end, f"HTTP job {job} did not end"
            time.sleep(0.1)
        assert found["state"] == "done", found
        return str(found["message"])

    def clip_name(self, track: int, slot: int) -> str | None:
        self.live.send(protocol.CLIP_SLOT_HAS_CLIP, track, slot)
        if not self.live.wait_for(protocol.CLIP_SLOT_HAS_CLIP)[2]:
            return None
        self.live.send(protocol.CLIP_GET + "name", track, slot)
        return str(self.live.wait_for(protocol.CLIP_GET + "name")[2])

    def track_names(self) -> list[str]:
        self.live.send(protocol.SONG_GET + "track_names")
        return [str(n) for n in self.live.wait_for(protocol.SONG_GET + "track_names")]


@pytest.fixture
def hour(tmp_path: Path, jack: str) -> Iterator[Hour]:  # noqa: F811
    h = Hour(tmp_path)
    try:
        yield h
    finally:
        h.close()


def placed(message: str) -> dict[str, int]:
    """Each part's track index (from 0, as OSC takes it) from a done message, which counts from 1 as Live
    shows them (the track rule)."""
    return {part: int(track) - 1 for part, track, _name, _why in PLACED.findall(message)}


def test_a_producers_hour_keeps_every_part_on_its_own_track(hour: Hour) -> None:
    homes: dict[str, int] = {}

    def lands(message: str, part: str) -> None:
        """The part is said to land on one track, the same all hour, and never another part's."""
        where = placed(message)
        assert part in where, message
        homes.setdefault(part, where[part])
        assert where[part] == homes[part], f"{part} moved from track {homes[part]}: {message}"
        assert list(homes.values()).count(where[part]) == 1, f"{part} shares a track: {homes}"

    # a jam recorded (its takes go to the history, its MIDI to the data folder)
    assert hour.client is not None
    hour.client.send(protocol.JAM_START, "midi", "jack", "tempo", 300.0, "parts", "drums,bass", "bars", 4,
                     "record", "jam.mid")  # fmt: skip
    while (state := hour.client.wait_for(protocol.JAM_STATE, timeout=60.0))[0] != "stopped":
        assert state[0] != "failed", state
    assert json.loads(str(state[1]))["takes"] >= 1

    # every part by OSC, the drum track selected: drums stay on it, the others get their own
    for part in PARTS:
        said = hour.job(protocol.GENERATE, part, "bars", 2)
        lands(said, part)
        assert "following" in said, said  # the done message always says what was followed
    assert homes["drums"] == 0 and "(last written for the part)" in hour.job(
        protocol.GENERATE, "drums", "bars", 1
    )
    # typed, as a producer types them (the drum track still selected)
    lands(hour.job(protocol.COMMAND, "give me a funky bassline for this"), "bass")
    lands(hour.job(protocol.COMMAND, "put a dorian chord progression in here"), "chords")
    lands(hour.job(protocol.COMMAND, "write a melody"), "melody")
    # the page's Generate with part bass, no track
    lands(hour.http_job("generate", {"part": "bass", "bars": 2}), "bass")

    # a transform of the drums, a recall and a fork of the bass
    said = hour.job(protocol.TRANSFORM, "drums_remove", "track", homes["drums"], "slot", 0, "voices", "hats")
    assert f"in track {homes['drums'] + 1}, scene" in said, said
    takes = hour.get("/api/takes?limit=500")
    bass = next(t for t in takes if t["part"] == "bass" and t["action"] == "generate")
    said = hour.job(protocol.HISTORY_RECALL, bass["take_id"])
    assert f"in track {homes['bass'] + 1}" in said and "scene" in said, said
    said = hour.job(protocol.HISTORY_FORK, bass["take_id"], "density", 0.9)
    assert f"track {homes['bass'] + 1}" in said, said

    # a restart of the daemon: the parts keep their tracks (the take history remembers them)
    hour.stop_daemon()
    hour.start_daemon()
    for part in ("bass", "melody"):
        said = hour.job(protocol.GENERATE, part, "bars", 2)
        lands(said, part)
        assert "(last written for the part)" in said, said

    # Live holds no clip of one part on another part's track (clip names start with their part)
    for part, track in homes.items():
        words = {(hour.clip_name(track, slot) or "").split(" ")[0] for slot in range(12)}
        assert not words & (set(PARTS) - {part}), (part, track, words)

    # every take in the history: on its part's track, exported by the CLI, previewed by the page
    takes = hour.get("/api/takes?limit=500")
    assert len(takes) >= 14
    elsewhere, unexported, unpreviewed = [], [], []
    for summary in takes:
        take_id, part = summary["take_id"], summary["part"]
        detail = hour.get(f"/api/takes/{take_id}")
        track = detail.get("live", {}).get("track")
        if track is not None and part in homes and track != homes[part]:
            elsewhere.append((take_id, summary["action"], part, track))
        preview = hour.get(f"/api/takes/{take_id}/preview")
        if part in homes and not (isinstance(preview, bytes) and preview[:4] == b"RIFF"):
            unpreviewed.append((take_id, summary["action"], part))
    for take_id, code, said in _roo_export_each(
        hour.env, [t["take_id"] for t in takes], hour.data / "exports"
    ):
        if code != 0 or not (hour.data / "exports" / take_id).is_dir():
            unexported.append((take_id, code, said))
    assert not elsewhere, f"takes filed on another part's track: {elsewhere}"
    assert not unexported, f"takes that do not export: {unexported}"
    assert not unpreviewed, f"takes without a preview: {unpreviewed}"

    # `roo history`: one line per take, newest first, within 100 columns
    listing = _roo(hour.env, "history")
    assert listing.returncode == 0, listing.stderr
    lines = [line for line in listing.stdout.splitlines() if line.strip()]
    assert all(len(line) <= 100 for line in lines), max(lines, key=len)
    rows = [(found.group(0), line) for line in lines if (found := re.search(r"\b[0-9a-f]{12}\b", line))]
    assert [i for i, _ in rows] == [t["take_id"] for t in takes], listing.stdout[:2000]  # newest first
    assert all(t["part"] in line for t, (_i, line) in zip(takes, rows, strict=True)), listing.stdout[:2000]
