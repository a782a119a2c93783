"""Every property row of the AbletonOSC mode's grammar tables, against the in-memory Live.

For each object kind (song, track, clip_slot, clip, scene, device) and each property its tables
read or write: ``get`` answers (ids..., the value Live holds); ``set`` (writable rows) changes
what Live holds to the value given; ``start_listen`` answers at once with the value and again
on a change when Live offers a listener for it (a property without one is refused on
/live/error, as AbletonOSC refuses it), and after ``stop_listen`` a change sends nothing. A
property Live refuses to read for an object (a MIDI clip's gain, a plain track's fold_state) is
answered with None after /live/error naming the reason. ``COVERED`` is the set of addresses this
file drives; test_abletonosc_docs.py holds docs/protocol.md's list of supported addresses to it
and to the other tests.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bridge import protocol
from livesim import LIVE_DEFAULT_SET, LiveHost
from tests.remote_scripts.conftest import AOSC_PORT_ENV, AOSC_REPLY_ENV
from tests.remote_scripts.osc_client import OscClient, error_of, error_of_raw

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "remote_scripts"))
KINDS = ("song", "track", "clip_slot", "clip", "scene", "device")
AUDIO = (2, 0)  # an audio clip in track 2's first slot; the MIDI clip is at (0, 0)
IDS = {"song": (), "track": (0,), "clip_slot": (0, 0), "clip": (0, 0), "scene": (0,), "device": (0, 0)}

# a valid new value for each writable row (chosen so that the rows can be set one after another)
SET_VALUES: dict[tuple[str, str], Any] = {
    **{("song", p): True for p in ("arrangement_overdub", "back_to_arranger", "is_ableton_link_enabled")},
    **{("song", p): True for p in ("loop", "metronome", "nudge_down", "nudge_up", "punch_in", "punch_out")},
    ("song", "clip_trigger_quantization"): 7,
    ("song", "current_song_time"): 8.0,
    ("song", "groove_amount"): 0.5,
    ("song", "loop_length"): 8.0,
    ("song", "loop_start"): 4.0,
    ("song", "midi_recording_quantization"): 3,
    ("song", "record_mode"): True,
    ("song", "root_note"): 5,
    ("song", "scale_name"): "Minor",
    ("song", "session_record"): True,
    ("song", "signature_denominator"): 8,
    ("song", "signature_numerator"): 7,
    ("song", "swing_amount"): 0.25,
    ("song", "tempo"): 99.0,
    ("track", "arm"): True,
    ("track", "color"): 0x123456,
    ("track", "color_index"): 9,
    ("track", "current_monitoring_state"): 0,
    ("track", "fold_state"): True,  # refused: only group tracks fold
    ("track", "mute"): True,
    ("track", "name"): "Bass",
    ("track", "panning"): 0.5,
    ("track", "solo"): True,
    ("track", "crossfade_assign"): 0,
    ("track", "volume"): 0.5,
    ("clip_slot", "has_stop_button"): False,
    ("clip", "color"): 0x00FF00,
    ("clip", "color_index"): 12,
    ("clip", "end_marker"): 3.0,
    ("clip", "gain"): 0.5,
    ("clip", "launch_mode"): 2,
    ("clip", "launch_quantization"): 3,
    ("clip", "legato"): True,
    ("clip", "loop_end"): 3.0,
    ("clip", "loop_start"): 1.0,
    ("clip", "looping"): False,
    ("clip", "muted"): True,
    ("clip", "name"): "Hook",
    ("clip", "pitch_coarse"): 3,
    ("clip", "pitch_fine"): 10.0,
    ("clip", "position"): 0.5,
    ("clip", "ram_mode"): True,
    ("clip", "start_marker"): 1.0,
    ("clip", "velocity_amount"): 0.5,
    ("clip", "warp_mode"): 4,
    ("clip", "warping"): False,
    ("scene", "color"): 0x112233,
    ("scene", "color_index"): 5,
    ("scene", "name"): "Verse",
    ("scene", "tempo"): 100.0,
    ("scene", "tempo_enabled"): True,
    ("scene", "time_signature_numerator"): 3,
    ("scene", "time_signature_denominator"): 8,
    ("scene", "time_signature_enabled"): False,
    ("device", "name"): "Lead",
}


def grammar() -> Any:
    from livesim import modules

    modules.install()
    from MuseAroo.abletonosc import grammar as tables

    return tables


G = grammar()
COVERED = {
    f"/live/{kind}/{verb}/{prop}"
    for kind in KINDS
    for prop in G.READ[kind] + G.WRITE[kind]
    for verb in ("get", "start_listen", "stop_listen")
} | {f"/live/{kind}/set/{prop}" for kind in KINDS for prop in G.WRITE[kind]}


@pytest.fixture
def live(wav_file: Path) -> Iterator[tuple[LiveHost, OscClient]]:
    """Live's default Set in AbletonOSC mode with a MIDI clip at (0, 0), an audio clip at (2, 0)
    and an Operator on track 0."""
    client = OscClient(0)
    env = {protocol.ABLETONOSC_ENV: "1", AOSC_PORT_ENV: "0", AOSC_REPLY_ENV: str(client.port)}
    host = LiveHost(LIVE_DEFAULT_SET, port=0, script_env=env).start_in_thread()
    client.target = (protocol.HOST, host.script.abletonosc.port)
    assert client.receive() == ("/live/startup", [])

    def setup() -> None:
        song = host.song
        song.tracks[0].clip_slots[0].create_clip(4.0)
        song.tracks[2].clip_slots[0].create_audio_clip(str(wav_file))
        song.tracks[0].insert_device("Operator")

    host.call(setup)
    yield host, client
    client.close()
    host.stop()
    assert host.errors == [], "exceptions escaped into Live"


def live_object(host: LiveHost, kind: str, ids: tuple[int, ...]) -> Any:
    song = host.song
    if kind == "song":
        return song
    if kind == "scene":
        return song.scenes[ids[0]]
    track = song.tracks[ids[0]]
    if kind == "track":
        return track
    if kind == "device":
        return track.devices[ids[1]]
    slot = track.clip_slots[ids[1]]
    return slot if kind == "clip_slot" else slot.clip


def held(host: LiveHost, kind: str, prop: str, ids: tuple[int, ...]) -> Any:
    """What Live holds for the row, as OSC carries it (or the exception Live raises reading it)."""

    def read() -> Any:
        owner = live_object(host, kind, ids)
        *parents, name = G.PATHS.get((kind, prop), prop).split(".")
        for part in parents:
            owner = getattr(owner, part)
        try:
            value = getattr(owner, name)
        except RuntimeError as exc:
            return exc
        return value if isinstance(value, (bool, int, float, str)) or value is None else int(value)

    return host.call(read)


def listenable(host: LiveHost, kind: str, prop: str, ids: tuple[int, ...]) -> bool:
    *parents, name = G.PATHS.get((kind, prop), prop).split(".")

    def check() -> bool:
        owner = live_object(host, kind, ids)
        for part in parents:
            owner = getattr(owner, part)
        return hasattr(owner, f"add_{name}_listener")

    return host.call(check)


def same(got: list[Any], want: list[Any]) -> bool:
    """Equal, floats as OSC's 32-bit floats carry them."""
    if len(got) != len(want):
        return False
    return all(
        math.isclose(g, w, rel_tol=1e-6, abs_tol=1e-6) if isinstance(w, float) else g == w
        for g, w in zip(got, want, strict=True)
    )


def ids_for(host: LiveHost, kind: str, prop: str) -> tuple[int, ...]:
    """The MIDI clip's ids unless Live refuses the row on a MIDI clip (audio-only rows)."""
    if kind == "clip" and isinstance(held(host, kind, prop, IDS[kind]), RuntimeError):
        return AUDIO
    return IDS[kind]


def quiet(client: OscClient) -> None:
    """Nothing else is on its way: the next message is the answer to /live/test."""
    assert client.ask("/live/test") == ["ok"]


@pytest.mark.parametrize("kind", KINDS)
def test_every_row_gets_sets_and_listens_as_live_holds_it(
    live: tuple[LiveHost, OscClient], kind: str
) -> None:
    host, client = live
    for prop in G.READ[kind] + G.WRITE[kind]:
        ids = ids_for(host, kind, prop)
        want = held(host, kind, prop, ids)
        if isinstance(want, RuntimeError):  # Live cannot read it here: the reason, then None
            assert str(want) in error_of(client, f"/live/{kind}/get/{prop}", *ids), prop
            assert client.receive() == (f"/live/{kind}/get/{prop}", [*ids, None]), prop
        else:
            got = client.ask(f"/live/{kind}/get/{prop}", *ids)
            assert same(got, [*ids, want]), (prop, got, want)
        if prop in G.WRITE[kind]:
            check_set(host, client, kind, prop, ids, want)
        check_listen(host, client, kind, prop, ids)
        quiet(client)
        if kind == "song":
            client.send("/live/song/stop_playing")  # record_mode and session_record start the transport


def check_set(
    host: LiveHost, client: OscClient, kind: str, prop: str, ids: tuple[int, ...], before: Any
) -> None:
    value = SET_VALUES[(kind, prop)]
    address = f"/live/{kind}/set/{prop}"
    if isinstance(before, RuntimeError):
        assert "group tracks" in error_of(client, address, *ids, value), prop
        return
    client.send(address, *ids, value)
    quiet(client)
    after = held(host, kind, prop, ids)
    assert same([after], [float(value) if isinstance(after, float) else value]), (prop, after, value)


def check_listen(host: LiveHost, client: OscClient, kind: str, prop: str, ids: tuple[int, ...]) -> None:
    start, stop = f"/live/{kind}/start_listen/{prop}", f"/live/{kind}/stop_listen/{prop}"
    if not listenable(host, kind, prop, ids):
        assert "not a listenable property" in error_of(client, start, *ids), prop
        assert "not a listenable property" in error_of(client, stop, *ids), prop
        return
    want = held(host, kind, prop, ids)
    if isinstance(want, RuntimeError):
        assert str(want) in error_of(client, start, *ids), prop
        return
    client.send(start, *ids)
    address, got = client.receive()
    assert address == f"/live/{kind}/get/{prop}" and same(got, [*ids, want]), (prop, address, got)
    if prop in G.WRITE[kind]:
        change = second_value(kind, prop, want)
        client.send(f"/live/{kind}/set/{prop}", *ids, change)
        address, got = client.receive()
        assert address == f"/live/{kind}/get/{prop}", (prop, address, got)
        assert same(got, [*ids, held(host, kind, prop, ids)]), (prop, got)
    client.send(stop, *ids)
    if prop in G.WRITE[kind]:
        client.send(f"/live/{kind}/set/{prop}", *ids, want)  # heard by no one now


def second_value(kind: str, prop: str, now: Any) -> Any:
    """Another valid value than now, for a change a listener must report."""
    if isinstance(now, bool):
        return not now
    if kind == "clip" and prop in ("end_marker", "loop_end"):
        return now + 0.5
    if kind == "clip" and prop in ("start_marker", "loop_start", "position"):
        return max(0.0, now - 0.25) if now else 0.25
    if prop in ("name", "scale_name"):
        return "Dorian" if prop == "scale_name" else now + "!"
    if isinstance(now, float):
        return now + 1.0 if prop in ("tempo", "current_song_time", "loop_length", "loop_start") else now / 2
    if prop in ("time_signature_numerator", "signature_numerator", "root_note"):
        return now + 1
    if prop in ("time_signature_denominator", "signature_denominator"):
        return 16 if now != 16 else 4
    return 1 if now != 1 else 2


def test_a_property_live_refuses_is_answered_with_none_after_the_reason(
    live: tuple[LiveHost, OscClient],
) -> None:
    _host, client = live
    assert "audio clips only" in error_of(client, "/live/clip/get/pitch_coarse", 0, 0)
    assert client.receive() == ("/live/clip/get/pitch_coarse", [0, 0, None])
    assert "audio clips only" in error_of_raw_after(client, "/live/clip/set/pitch_coarse", 0, 0, 3)
    assert client.ask("/live/clip/get/pitch_coarse", *AUDIO) == [*AUDIO, 0]


def error_of_raw_after(client: OscClient, address: str, *args: Any) -> str:
    client.send(address, *args)
    return error_of_raw(client)


STUB_CLASSES = {"song": "Song", "track": "Track", "clip_slot": "ClipSlot", "clip": "Clip", "scene": "Scene"}


def stub_listeners(cls: str) -> set[str]:
    """The properties Live's public stubs (ableton-live-stubs) give an add_<p>_listener, for a class."""
    import re

    folders = [Path(p) for p in sys.path if (Path(p) / "Live-stubs").is_dir()]
    if not folders:
        pytest.skip("ableton-live-stubs is not installed (the dev extra installs it)")
    text = (folders[0] / "Live-stubs" / f"{cls}.pyi").read_text(encoding="utf-8")
    body = re.search(rf"^class {cls}\b.*?(?=^class |\Z)", text, re.S | re.M)
    assert body is not None
    return set(re.findall(r"def add_(\w+)_listener", body.group(0)))


@pytest.mark.parametrize("kind", sorted(STUB_CLASSES))
def test_the_in_memory_live_has_a_listener_exactly_where_live_has_one(
    live: tuple[LiveHost, OscClient], kind: str
) -> None:
    host, _client = live
    in_live = stub_listeners(STUB_CLASSES[kind])
    for prop in G.READ[kind] + G.WRITE[kind]:
        if (kind, prop) in G.PATHS:
            continue  # a mixer parameter's value: DeviceParameter's value listener
        sim = listenable(host, kind, prop, AUDIO if kind == "clip" else IDS[kind])
        assert sim == (prop in in_live), (
            f"{kind}.{prop}: Live {'has' if prop in in_live else 'has no'} listener"
        )
