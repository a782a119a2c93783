"""Words that split a track said by its number ("split track 2 into stems") send /roo/separate that track's clip,
not the selected one (round 35: the sentence asked). Through the real daemon and the in-memory Live; the
separation itself is recorded, not run (its own tests run it: test_separate_request.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile as sf

import bridge.actions.separate as separate_action
from bridge import protocol
from bridge.commands import agree
from livesim.host import LiveHost
from livesim.live_set import parse_set
from tests.bridge.harness import Client, running_daemon


@pytest.mark.parametrize(
    ("text", "track"),
    [
        ("split track 2 into stems", "track 2"),
        ("separate the clip on track 3", "track 3"),
        ("split this into stems", None),
    ],
)
def test_the_track_said_is_read(text: str, track: str | None) -> None:
    intent = agree.parse(text)
    assert intent.action == "separate" and intent.params.get("track_name") == track, intent


def test_split_track_2_sends_that_tracks_clip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sent: list[list[Any]] = []

    async def recorded(app: object, job: object, args: list[Any]) -> str:
        sent.append(list(args))
        return "recorded"

    monkeypatch.setattr(separate_action, "run", recorded)
    sf.write(tmp_path / "mix.wav", np.zeros((44100, 2)), 44100)
    song = {"slot": 1, "name": "Mix", "file": str(tmp_path / "mix.wav"), "warping": False}
    desc = parse_set({"tempo": 100, "selected_track": 0, "selected_scene": 1,
                      "tracks": [{"type": "midi", "name": "Keys"}, {"type": "audio", "name": "Mix", "clips": [song]}]})  # fmt: skip
    live = LiveHost(desc, port=0).start_in_thread()
    try:
        with running_daemon(live_port=live.port) as daemon:
            client = Client(daemon.port)
            try:
                client.send(protocol.COMMAND, "split track 2 into stems")
                _, state, _, message = client.wait_final(30)
                assert state == "done", message
                client.send(protocol.COMMAND, "split this into stems")
                _, state, _, message = client.wait_final(30)
                assert state == "done", message
            finally:
                client.close()
    finally:
        live.stop()
    assert sent == [[1, 1], []]  # Live's second track's clip; then the selected clip, as before
