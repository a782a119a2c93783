"""Typed and spoken jam commands through the real path: /roo/command -> daemon -> the playing jam.

The daemon runs with the in-memory Live and a dummy JACK server (the jam's ports); each sentence
goes over OSC as a user types it, and the jam's control timeline shows what changed from which bar.
The spoken path: espeak-ng says the sentence, pocketsphinx hears it, the parser gives the jam intent.
"""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bridge import protocol
from bridge.actions.place.track import part_named
from bridge.cli import main
from bridge.daemon import Daemon
from bridge.jam.session import controls_at
from bridge.live.client import ClipWrite, LiveClient
from engines.errors import LiveError
from engines.music import parse_key
from livesim.host import LiveHost
from tests.bridge.harness import Client, running_daemon
from tests.conftest import require_tool


@pytest.fixture
def with_live(jack: str) -> Iterator[tuple[Daemon, Client, LiveHost]]:
    live = LiveHost(port=0).start_in_thread()
    try:
        with running_daemon(live_port=live.port) as running:
            client = Client(running.port)
            yield running, client, live
            client.close()
    finally:
        live.stop()


@pytest.fixture
def daemon(with_live: tuple[Daemon, Client, LiveHost]) -> tuple[Daemon, Client]:
    return with_live[0], with_live[1]


def command(client: Client, text: str) -> tuple[dict, str, str]:
    """One sentence as typed: the intent (/roo/result) and the final state and message."""
    client.send(protocol.COMMAND, text)
    _, kind, payload = client.wait_for(protocol.RESULT)
    assert kind == "intent"
    _, state, _, message = client.wait_final()
    return json.loads(payload), state, message


def wait_until(check: object, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_typed_commands_start_steer_and_stop_a_jam_at_the_end_of_the_phrase(
    daemon: tuple[Daemon, Client],
) -> None:
    running, client = daemon
    intent, state, message = command(client, "jam some rock in D minor at 300 bpm")
    assert intent["action"] == "jam" and state == "done", message
    assert intent["params"] == {"do": "start", "genre": "rock", "key": "D minor", "tempo_bpm": 300}
    wait_until(running.jam.playing)
    assert running.jam.session is not None
    jam = running.jam.session.jam
    assert jam.timeline[0][1].key == parse_key("D minor") and jam.timeline[0][1].genre == "rock"

    intent, state, message = command(client, "busier")
    assert (intent["action"], state) == ("adjust", "done"), message
    assert "jam density up to 0.7 (from 0.5)" in message
    intent, state, message = command(client, "calmer")
    assert state == "done" and "jam intensity down to 0.35 (from 0.5)" in message, message
    for text in ("drop the bass", "fill", "break"):
        intent, state, message = command(client, text)
        assert (intent["action"], state) == ("jam", "done"), message
    intent, state, message = command(client, "bring the bass back")
    assert state == "done" and "jam bass in from bar" in message, message
    applied = {name: (value, bar) for name, value, bar in jam.applied}
    assert applied["density"][0] == "0.7" and applied["intensity"][0] == "0.35"
    assert applied["bass"][0] == "1"  # the last word on the bass: back in
    bar_beats = jam.bar_beats
    off_bar = next(bar for name, value, bar in jam.applied if (name, value) == ("bass", "0"))
    during = controls_at(jam.timeline, off_bar * bar_beats)
    after = controls_at(jam.timeline, (applied["bass"][1] + 1) * bar_beats)
    assert during.density == 0.7 and during.intensity == 0.35
    assert applied["fill"][1] in during.fill_bars and during.breakdown
    if applied["bass"][1] > off_bar:  # the bass was out for at least a bar, then back
        assert "bass" not in during.parts
    assert "bass" in after.parts

    intent, state, message = command(client, "stop at the end of the phrase")
    assert intent["params"] == {"do": "stop", "at": "phrase"} and state == "done", message
    assert jam.wait(30)
    assert jam.bars_played() % jam.phrase_bars == 0  # it finished the phrase it was in


def test_start_a_jam_then_stop_the_jam_and_jam_words_without_a_jam_are_refused(
    daemon: tuple[Daemon, Client],
) -> None:
    running, client = daemon
    _, state, message = command(client, "fill")
    assert state == "failed" and "no jam is playing" in message
    _, state, message = command(client, "start a jam")
    assert state == "done" and message.endswith("jam starting on the next bar"), message
    wait_until(running.jam.playing)
    _, state, message = command(client, "start a jam")
    assert state == "failed" and "already playing" in message
    _, state, message = command(client, "stop the jam")
    assert state == "done" and message.endswith("jam stopped"), message
    wait_until(lambda: not running.jam.playing())
    assert running.jam.session is not None and running.jam.session.jam.stopped()


def test_a_plain_stop_stops_the_playing_jam_and_lives_transport(
    with_live: tuple[Daemon, Client, LiveHost],
) -> None:
    running, client, live = with_live
    assert command(client, "play")[1:] == ("done", 'heard "play": playing')
    _, state, message = command(client, "start a jam")
    assert state == "done", message
    wait_until(running.jam.playing)
    intent, state, message = command(client, "stop")
    assert (intent["action"], state) == ("stop", "done"), message
    assert message == 'heard "stop": jam stopped; stopped'
    wait_until(lambda: not running.jam.playing())
    assert running.jam.session is not None and running.jam.session.jam.stopped()
    assert live.call(lambda: live.song.is_playing) is False
    _, state, message = command(client, "stop")  # no jam now: Live's transport alone, as before
    assert (state, message) == ("done", 'heard "stop": stopped')


def test_save_the_last_bars_writes_what_each_part_played_into_a_clip_on_its_track(
    with_live: tuple[Daemon, Client, LiveHost],
) -> None:
    running, client, live = with_live
    client.send(protocol.JAM_START, "midi", "jack", "tempo", 300.0, "parts", "drums,bass", "bars", 8)
    wait_until(running.jam.playing)
    wait_until(lambda: not running.jam.playing(), 30)
    assert running.jam.session is not None and running.jam.session.tail is not None
    running.jam.session.jam.wait(10)
    played = running.jam.session.tail.last(4)  # what the player sent in the last 4 bars
    assert played.get("drums") and played.get("bass")
    intent, state, message = command(client, "save the last four bars")
    assert intent["params"] == {"do": "clips", "bars": 4} and state == "done", message
    app = running.app
    assert app is not None
    tracks: dict[int, str] = {}
    for part in ("drums", "bass"):
        found = re.search(rf"{part} (\d+) notes -> track (\d+), scene (\d+)", message)
        assert found, message
        count, track, slot = (int(g) for g in found.groups())
        track, slot = track - 1, slot - 1  # the answer counts from 1, as Live shows them
        assert count == len(played[part])
        over_osc = asyncio.run_coroutine_threadsafe(app.live.clip_notes(track, slot), app.loop).result(10)
        want = [(n.pitch, n.start_beats, n.duration_beats, n.velocity) for n in played[part]]
        got = [(n.pitch, n.start_beats, n.duration_beats, n.velocity) for n in over_osc]
        assert len(got) == len(want)
        for g, w in zip(sorted(got), sorted(want), strict=True):  # floats travel as 32-bit over OSC
            assert (g[0], g[3]) == (w[0], w[3]) and g[1:3] == pytest.approx(w[1:3], abs=1e-4)
        props = live.clip_properties(track, slot)
        assert props is not None and props["length"] == 16.0 and part in str(props["name"])
        names = [str(n) for n in asyncio.run_coroutine_threadsafe(
            app.live.query(protocol.SONG_GET + "track_names"), app.loop).result(10)]  # fmt: skip
        # the part's own track by the track rule (issue 30): one named for it, or the selected free one
        assert part_named(names[track]) in (part, None) and tracks.setdefault(track, part) == part
    names = live.call(lambda: [t.name for t in live.song.tracks])
    assert not [n for n in names if part_named(n) in ("chords", "melody")], names  # they played nothing
    _, state, message = command(client, "save the last 100 bars")
    assert state == "failed" and "bars 100 is out of range" in message


def test_saving_the_last_bars_takes_back_the_tracks_it_made_when_a_write_fails(
    with_live: tuple[Daemon, Client, LiveHost], monkeypatch: pytest.MonkeyPatch
) -> None:
    running, client, live = with_live
    live.call(lambda: [setattr(t, "name", f"Audio {i}") for i, t in enumerate(live.song.tracks)])
    before = live.call(lambda: [t.name for t in live.song.tracks])
    client.send(protocol.JAM_START, "midi", "jack", "tempo", 300.0, "parts", "drums,bass", "bars", 8)
    wait_until(running.jam.playing)
    wait_until(lambda: not running.jam.playing(), 30)
    assert running.jam.session is not None
    running.jam.session.jam.wait(10)
    written = LiveClient.write
    writes: list[int] = []

    async def refuse_the_second(
        self: LiveClient, clip: ClipWrite, expect: Any = None
    ) -> tuple[int, int, int]:
        writes.append(clip.track)
        if len(writes) == 2:
            raise LiveError(f"track {clip.track}: Live refused the clip (forced by the test)")
        return await written(self, clip, expect)

    monkeypatch.setattr(LiveClient, "write", refuse_the_second)
    _, state, message = command(client, "save the last four bars")
    assert state == "failed" and "Live refused the clip (forced by the test)" in message, message
    drums_track, bass_track = writes  # the drums went to a track the Set had; the bass got a new one
    assert drums_track < len(before) <= bass_track, (writes, before)
    assert message.endswith(f"; the new track {bass_track + 1} 'Bass' it made was deleted again"), message
    assert live.call(lambda: [t.name for t in live.song.tracks]) == before  # the Set as it was, but
    assert live.clip_properties(drums_track, 0) is not None  # for the drums' clip, written before


@pytest.mark.parametrize(
    ("text", "params"),
    [
        ("start a jam", {"do": "start"}),
        ("bring the drums back", {"do": "set", "name": "drums", "value": "1"}),
        ("drop the bass", {"do": "set", "name": "bass", "value": "0"}),
        ("fill", {"do": "set", "name": "fill", "value": "1"}),
        ("break", {"do": "set", "name": "break", "value": "1"}),
        ("stop at the end of the phrase", {"do": "stop", "at": "phrase"}),
        ("stop the jam", {"do": "stop", "at": "now"}),
    ],
)
def test_spoken_jam_commands_are_heard_as_typed(
    text: str, params: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    require_tool("espeak-ng")
    wav = tmp_path / "said.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(wav), text], check=True)
    assert main(["listen", str(wav), "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert (got["action"], got["params"], got["heard"]) == ("jam", params, text)


def test_a_spoken_jam_in_a_key_starts_a_jam_in_a_minor_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The key letter itself is often misheard from espeak-ng (D heard as B, E and G as D), so
    only the frame is asserted here: a jam start that carries a minor key."""
    require_tool("espeak-ng")
    wav = tmp_path / "said.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(wav), "jam in D minor"], check=True)
    assert main(["listen", str(wav), "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["action"] == "jam" and got["params"]["do"] == "start"
    assert got["params"]["key"].endswith(" minor") and got["heard"].startswith("jam in ")


def test_a_plain_stop_said_while_the_jam_starts_stops_it(daemon: tuple[Daemon, Client]) -> None:
    running, client = daemon
    _, state, message = command(client, "start a jam")
    assert state == "done", message
    assert not running.jam.playing()  # still opening its ports and joining Link
    _, state, message = command(client, "stop the jam")
    assert state == "done" and message.endswith("jam stopped"), message
    wait_until(lambda: running.jam.session is not None)
    wait_until(lambda: running.jam.session.jam.stopped())
    assert running.jam.session.jam.bars_played() == 0
    _, state, message = command(client, "start a jam")  # and a new one can start afterwards
    assert state == "done", message
    wait_until(running.jam.playing)
    command(client, "stop the jam")


def test_speeding_the_playing_jam_up_changes_its_clock_and_starts_no_other(
    daemon: tuple[Daemon, Client],
) -> None:
    """Issue 44: "speed the jam up to one twenty eight" started a jam on main; now it sets the
    playing jam's tempo, and "make the jam busier" moves its dial."""
    running, client = daemon
    _, state, message = command(client, "start a jam at 100 bpm")
    assert state == "done", message
    wait_until(running.jam.playing)
    session = running.jam.session
    intent, state, message = command(client, "speed the jam up to one twenty eight")
    assert intent["action"] == "set_tempo" and state == "done", message
    assert "jam tempo 100 -> 128 bpm" in message
    assert running.jam.session is session
    wait_until(lambda: session.clock.sample()[2] == 128.0)
    intent, state, message = command(client, "make the jam busier")
    assert state == "done" and "jam density up" in message, message
    assert command(client, "stop the jam")[1] == "done"
