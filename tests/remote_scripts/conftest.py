"""A running in-memory Live with the real Remote Script, and a client talking to it over UDP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import soundfile

from bridge import protocol
from livesim import LIVE_DEFAULT_SET, LiveHost, SetDesc, TrackDesc
from tests.remote_scripts.osc_client import OscClient

AOSC_PORT_ENV = "MUSEAROO_ABLETONOSC_PORT"
AOSC_REPLY_ENV = "MUSEAROO_ABLETONOSC_REPLY_PORT"


@pytest.fixture
def wav_file(tmp_path: Path) -> Path:
    """A 2 s mono 44.1 kHz WAV (4 beats at 120 BPM)."""
    path = tmp_path / "loop.wav"
    t = np.arange(88200) / 44100.0
    soundfile.write(path, 0.2 * np.sin(2 * np.pi * 220.0 * t), 44100)
    return path


def start_host(live_set: SetDesc | None = None, **kwargs: object) -> LiveHost:
    return LiveHost(live_set, port=0, **kwargs).start_in_thread()  # type: ignore[arg-type]


@pytest.fixture
def host() -> Iterator[LiveHost]:
    live = start_host()
    yield live
    live.stop()
    assert live.errors == [], "exceptions escaped into Live"
    assert not live.running


@pytest.fixture
def client(host: LiveHost) -> Iterator[OscClient]:
    c = OscClient(host.port)
    yield c
    c.close()


@pytest.fixture
def aosc() -> Iterator[tuple[LiveHost, OscClient]]:
    """Live's default set with the Remote Script's AbletonOSC mode on, and a client of that mode."""
    client = OscClient(0)
    env = {protocol.ABLETONOSC_ENV: "1", AOSC_PORT_ENV: "0", AOSC_REPLY_ENV: str(client.port)}
    host = LiveHost(LIVE_DEFAULT_SET, port=0, script_env=env).start_in_thread()
    client.target = (protocol.HOST, host.script.abletonosc.port)
    assert client.receive() == ("/live/startup", [])  # AbletonOSC announces itself on its reply port
    yield host, client
    client.close()
    host.stop()
    assert host.errors == [], "exceptions escaped into Live"


def small_set(scenes: int = 2) -> SetDesc:
    """Two MIDI tracks and one audio track over few scenes, to fill slots quickly."""
    tracks = (TrackDesc("midi", "Drums"), TrackDesc("midi", "Keys"), TrackDesc("audio", "Loops"))
    return SetDesc(tracks=tracks, scene_names=("",) * scenes)
