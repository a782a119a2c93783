"""Takes keep their envelopes (issue 43): what /roo/automate draws on a take's clip is kept with the
take, a recall (after a daemon restart) puts it back on the new clip, and ``roo export`` writes it as
MIDI CC lanes where a CC fits (volume 7, pan 10, a filter's cutoff 74; else skipped and said),
read back with mido. Real daemon, real Remote Script, in-memory Live."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import mido
import pytest

from bridge import protocol
from bridge.cli import main
from bridge.history import open_store
from livesim.host import LiveHost
from livesim.live_set import SetDesc, TrackDesc
from tests.bridge.harness import Client, running_daemon

TAKE = re.compile(r"\(take ([0-9a-f]+)\)")


def ask(client: Client, address: str, *args: object) -> str:
    client.send(address, *args)
    _, state, _, message = client.wait_final(30)
    assert state == "done", message
    return str(message)


def host() -> LiveHost:
    tracks = (TrackDesc("midi", "Chords"), TrackDesc("midi", "Bass"))
    live = LiveHost(SetDesc(tracks=tracks), port=0, version=(12, 3, 6)).start_in_thread()
    live.call(lambda: live.song.tracks[0].insert_device("Auto Filter"))
    return live


def envelope(live: LiveHost, clip_of: Any, param_of: Any, times: list[float]) -> list[float] | None:
    def read() -> list[float] | None:
        env = clip_of(live.song).automation_envelope(param_of(live.song))
        return None if env is None else [round(env.value_at_time(t), 6) for t in times]

    return live.call(read)


def volume(song: Any) -> Any:
    return song.tracks[0].mixer_device.volume


def panning(song: Any) -> Any:
    return song.tracks[0].mixer_device.panning


def cutoff(song: Any) -> Any:
    return next(p for p in song.tracks[0].devices[0].parameters if p.name == "Frequency")


def resonance(song: Any) -> Any:
    return next(p for p in song.tracks[0].devices[0].parameters if p.name == "Resonance")


def slot(n: int) -> Any:
    return lambda song: song.tracks[0].clip_slots[n].clip


TIMES = [0.0, 1.5, 3.0, 7.75, 12.0, 15.9]
PARAMS = (volume, panning, cutoff, resonance)


def test_envelopes_kept_recalled_after_a_restart_and_exported_as_cc_lanes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MUSEAROO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MUSEAROO_DB", raising=False)
    live = host()
    store = open_store()
    try:
        with running_daemon(live_port=live.port, history=store) as daemon:
            client = Client(daemon.port)
            try:
                said = ask(client, protocol.GENERATE, "chords", "track", 0, "slot", 0, "bars", 4, "seed", 7)
                take_id = TAKE.search(said).group(1)  # type: ignore[union-attr]
                for args in (
                    ("mixer", "volume", "rise", "from", 0.2, "to", 0.85),
                    ("mixer", "pan", "lfo", "from", -0.5, "to", 0.5, "rate", 4),
                    ("Auto Filter", "Frequency", "fall", "bars", 2),
                    ("Auto Filter", "Resonance", "swell"),
                ):
                    said = ask(client, protocol.AUTOMATE, 0, *args, "slot", 0)
                    assert f"kept with take {take_id[:6]}" in said, said
                # drawn again: the kept one of that parameter is replaced, not doubled
                ask(
                    client,
                    protocol.AUTOMATE,
                    0,
                    "mixer",
                    "volume",
                    "rise",
                    "from",
                    0.1,
                    "to",
                    0.85,
                    "slot",
                    0,
                )
            finally:
                client.close()
        kept = store.get(take_id).live["envelopes"]
        assert sorted((e["device"], e["parameter"], e["shape"]) for e in kept) == [
            ("Auto Filter", "Frequency", "fall"),
            ("Auto Filter", "Resonance", "swell"),
            ("Mixer", "pan", "lfo"),
            ("Mixer", "volume", "rise"),
        ]
        drawn = [envelope(live, slot(0), p, TIMES) for p in PARAMS]
        assert all(d is not None for d in drawn)
        with running_daemon(live_port=live.port, history=store) as daemon:  # a new daemon, same store
            client = Client(daemon.port)
            try:
                said = ask(client, protocol.HISTORY_RECALL, take_id, "track", 0, "slot", 1)
                assert "4 envelopes put back" in said, said
            finally:
                client.close()
        assert [envelope(live, slot(1), p, TIMES) for p in PARAMS] == drawn
        recalled = store.get(store.takes()[0].take_id)
        assert recalled.parent_id == take_id and len(recalled.live["envelopes"]) == 4
    finally:
        store.close()
        live.stop()

    assert main(["export", take_id, "--out", str(tmp_path / "out"), "--json"]) == 0
    written = json.loads(capsys.readouterr().out)
    assert written["cc_lanes"] == 3 and written["skipped"] == ["Auto Filter 'Resonance' (no MIDI CC for it)"]
    lanes: dict[int, list[tuple[float, int]]] = {}
    mid = mido.MidiFile(written["files"][0])
    for track in mid.tracks:
        now = 0
        for msg in track:
            now += msg.time
            if msg.type == "control_change":
                assert msg.channel == 1  # the chords' channel, as their notes
                lanes.setdefault(msg.control, []).append((now / mid.ticks_per_beat, msg.value))
    assert set(lanes) == {7, 10, 74}
    assert lanes[7][0] == (0.0, round(0.1 * 127)) and lanes[7][-1][1] == round(0.85 * 127)
    assert lanes[74][0] == (0.0, 127) and lanes[74][-1] == (7.75, 0)  # the fall over 2 bars
    assert {v for _, v in lanes[10]} <= set(range(32, 97)) and lanes[10][0] == (0.0, 32)  # -0.5..0.5


def test_an_arrangement_takes_envelope_comes_back_with_it(tmp_path: Path) -> None:
    live = host()
    store = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path / "files")
    try:
        with running_daemon(live_port=live.port, history=store) as daemon:
            client = Client(daemon.port)
            try:
                said = ask(
                    client, protocol.GENERATE, "bass", "arrangement", 1, "at", 0.0, "bars", 2, "seed", 2
                )
                take_id = TAKE.search(said).group(1)  # type: ignore[union-attr]
                said = ask(client, protocol.AUTOMATE, 1, "mixer", "volume", "fall", "at", 4.0, "bars", 1)
                assert f"kept with take {take_id[:6]}" in said, said
                said = ask(client, protocol.HISTORY_RECALL, take_id, "at", 16.0)
                assert "1 envelope put back" in said, said
                (kept,) = store.get(take_id).live["envelopes"]
                assert kept["offset_beats"] == 4.0 and kept["length_beats"] == 4.0
                # drawn over the whole clip: it replaces the parameter's envelope there, the kept one too
                ask(client, protocol.AUTOMATE, 1, "mixer", "volume", "rise", "at", 0.0)
                (whole,) = store.get(take_id).live["envelopes"]
                assert (whole["shape"], whole["offset_beats"], whole["length_beats"]) == ("rise", 0.0, 8.0)
                # cleared on the first clip: its take no longer keeps it (the recalled one still does)
                said = ask(client, protocol.AUTOMATE, "clear", 1, "mixer", "volume", "at", 4.0)
                assert f"take {take_id[:6]} updated" in said, said
                assert "envelopes" not in store.get(take_id).live
                assert len(store.get(store.takes()[0].take_id).live["envelopes"]) == 1
                ask(client, protocol.AUTOMATE, "clear", 1, "at", 20.0)  # every envelope of the recalled clip
                assert "envelopes" not in store.get(store.takes()[0].take_id).live
            finally:
                client.close()
        for _ in range(3):  # both clears and the whole clip's rise undone: the fall is back in Live
            live.call(live.song.undo)

        def values(index: int) -> list[float]:
            clip = sorted(live.song.tracks[1].arrangement_clips, key=lambda c: c.start_time)[index]
            env = clip.automation_envelope(live.song.tracks[1].mixer_device.volume)
            return [round(env.value_at_time(t), 6) for t in (4.0, 5.0, 7.75)]

        assert live.call(lambda: values(0)) == live.call(lambda: values(1))
        assert live.call(lambda: values(1))[0] == 1.0
    finally:
        store.close()
        live.stop()


def test_a_clip_of_an_early_section_of_a_long_song_is_still_found_as_a_take(tmp_path: Path) -> None:
    live = LiveHost(port=0).start_in_thread()
    store = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path / "files")
    try:
        with running_daemon(live_port=live.port, history=store) as daemon:
            client = Client(daemon.port)
            try:
                ask(client, protocol.GENERATE, "song", "genre", "rock", "seed", 4, "replace", 1)
                assert store.count() > 30  # more takes than a clip's usual look-back
                intro = [t for t in store.takes(limit=500) if t.live.get("slot") == 0 and t.part == "drums"]
                said = ask(
                    client, protocol.AUTOMATE, intro[0].live["track"], "mixer", "volume", "rise", "slot", 0
                )
                assert f"kept with take {intro[0].take_id[:6]}" in said, said
                said = ask(
                    client, protocol.AUTOMATE, intro[0].live["track"], "mixer", "pan", "dip", "at", 0.0
                )
                assert "kept with take" in said, said
            finally:
                client.close()
    finally:
        store.close()
        live.stop()
