"""MuseAroo's own /roo/live/* messages: context, listen, write_clip, import_audio, tracks, scenes."""

from __future__ import annotations

import struct
import time
from pathlib import Path

import pytest

from bridge import protocol
from livesim import LiveHost
from livesim.notes import MidiNoteSpecification
from tests.remote_scripts.conftest import small_set, start_host
from tests.remote_scripts.osc_client import OscClient

BEAT = [(36, 0.0, 0.25, 110, 0), (42, 0.5, 0.25, 80, 0), (38, 1.0, 0.25, 100, 0)]


def write(
    client: OscClient, req: object, track: int, slot: int, notes: list, *, replace: int = 0, name: str = "Gen"
) -> list:
    return client.ask(
        protocol.RS_WRITE_CLIP, req, track, slot, 4.0, name, replace, protocol.pack_notes(notes)
    )


def test_context_reports_every_field(host: LiveHost, client: OscClient) -> None:
    reply = client.ask(protocol.RS_CONTEXT_GET, 41)
    assert reply[0] == 41
    fields = dict(zip(protocol.CONTEXT_FIELDS, reply[1:], strict=True))
    assert fields == {
        "tempo_bpm": 120.0,
        "signature_numerator": 4,
        "signature_denominator": 4,
        "root_note": 0,
        "scale_name": "Major",
        "selected_track": 0,
        "selected_slot": 0,
        "song_time_beats": 0.0,
        "is_playing": 0,
        "num_tracks": 6,
        "num_scenes": 8,
        "live_version": "12.3.6",
    }


def test_string_request_ids_are_echoed(client: OscClient) -> None:
    assert client.ask(protocol.RS_CONTEXT_GET, "job-7")[0] == "job-7"


def test_listeners_get_a_snapshot_then_a_numbered_push_for_each_change(
    host: LiveHost, client: OscClient
) -> None:
    assert client.ask(protocol.RS_CONTEXT_LISTEN, 1) == [1]
    assert client.receive()[0] == protocol.RS_SET_PUSH  # which Set, first
    address, snapshot = client.receive()  # the whole context at once, with its version
    assert address == protocol.RS_CONTEXT_PUSH and snapshot[1] == 120.0
    version = snapshot[0]
    for _ in range(6):  # and every track's clip slots
        assert client.receive()[0] == protocol.RS_SLOTS_PUSH
    tracks = ["1-MIDI", 1, "2-MIDI", 1, "3-MIDI", 1, "4-MIDI", 1, "5-Audio", 0, "6-Audio", 0]
    assert client.receive() == (protocol.RS_TRACKS_PUSH, [version, *tracks])  # names and kinds
    assert client.receive() == (protocol.RS_CLIP_PUSH, [version, 0, 0, ""])  # the selected slot: empty
    other = OscClient(host.port)
    try:
        other.send(protocol.SONG_SET + "tempo", 87.0)
        address, push = client.receive()
        assert address == protocol.RS_CONTEXT_PUSH and push[0] == version + 1 and push[1] == 87.0

        def select() -> None:
            host.song.view.selected_track = host.song.tracks[3]
            host.song.view.selected_scene = host.song.scenes[5]

        host.call(select)
        address, push = client.receive()
        fields = dict(zip(protocol.CONTEXT_FIELDS, push[1:], strict=True))
        assert (fields["selected_track"], fields["selected_slot"]) == (3, 5)
        assert push[0] == version + 2  # two changes in one tick: one version, one push
        assert client.receive() == (protocol.RS_CLIP_PUSH, [version + 2, 3, 5, ""])  # the new selection
        other.send(protocol.SONG_START_PLAYING)
        address, push = client.receive()
        assert dict(zip(protocol.CONTEXT_FIELDS, push[1:], strict=True))["is_playing"] == 1
        assert push[0] == version + 3
    finally:
        other.close()


def test_write_clip_writes_name_loop_and_notes(host: LiveHost, client: OscClient) -> None:
    assert write(client, 5, 1, 3, BEAT, name="Drums 1") == [5, 1, 3, 3]
    assert host.clip_notes(1, 3) == BEAT
    props = host.clip_properties(1, 3)
    assert props is not None
    assert (props["name"], props["looping"], props["loop_start"], props["loop_end"], props["length"]) == (
        "Drums 1",
        True,
        0.0,
        4.0,
        4.0,
    )


def test_write_clip_is_one_undo_step(host: LiveHost, client: OscClient) -> None:
    write(client, 1, 0, 0, BEAT)
    write(client, 2, 0, 0, BEAT[:1], replace=1)
    assert host.clip_notes(0, 0) == BEAT[:1]
    client.send(protocol.SONG_UNDO)  # takes back delete + create + name + notes at once
    assert client.ask(protocol.CLIP_SLOT_HAS_CLIP, 0, 0) == [0, 0, 1]
    assert host.clip_notes(0, 0) == BEAT
    client.send(protocol.SONG_UNDO)
    assert client.ask(protocol.CLIP_SLOT_HAS_CLIP, 0, 0) == [0, 0, 0]


def test_write_clip_without_replace_goes_to_the_next_empty_slot() -> None:
    live = start_host(small_set(scenes=2))
    client = OscClient(live.port)
    try:
        assert write(client, 1, 0, 0, BEAT) == [1, 0, 0, 3]
        assert write(client, 2, 0, 0, BEAT[:2]) == [2, 0, 1, 2]
        # no empty slot left below: a scene is created for the clip
        assert write(client, 3, 0, 0, BEAT[:1]) == [3, 0, 2, 1]
        assert client.ask(protocol.SONG_GET + "num_scenes") == [3]
        assert [live.clip_notes(0, s) for s in range(3)] == [BEAT, BEAT[:2], BEAT[:1]]
        client.send(protocol.SONG_UNDO)  # the created scene goes with its clip
        assert client.ask(protocol.SONG_GET + "num_scenes") == [2]
    finally:
        client.close()
        live.stop()
    assert live.errors == []


def test_write_clip_minus_one_means_the_selection(host: LiveHost, client: OscClient) -> None:
    def select() -> None:
        host.song.view.selected_track = host.song.tracks[2]
        host.song.view.selected_scene = host.song.scenes[6]

    host.call(select)
    assert write(client, 9, -1, -1, BEAT) == [9, 2, 6, 3]
    assert host.clip_notes(2, 6) == BEAT


def test_write_clip_with_no_notes_makes_an_empty_clip(host: LiveHost, client: OscClient) -> None:
    # python-osc cannot build an empty blob; other OSC libraries can: both forms work
    client.send_raw(encode_with_empty_blob(protocol.RS_WRITE_CLIP, [1, 3, 7, 4.0, "Empty", 0]))
    assert client.receive() == (protocol.RS_WRITE_CLIP, [1, 3, 7, 0])
    assert client.ask(protocol.RS_WRITE_CLIP, 2, 3, 6, 2.0, "Blobless", 0) == [2, 3, 6, 0]
    assert host.clip_notes(3, 7) == [] and host.clip_notes(3, 6) == []
    assert host.clip_properties(3, 7)["name"] == "Empty"  # type: ignore[index]


def encode_with_empty_blob(address: str, args: list) -> bytes:
    """An OSC message whose last argument is a zero-length blob (built by hand)."""

    def pad(data: bytes) -> bytes:
        return data + b"\0" * ((-len(data)) % 4)

    tags = "," + "".join({int: "i", float: "f", str: "s"}[type(a)] for a in args) + "b"
    body = b"".join(
        struct.pack(">i", a)
        if isinstance(a, int)
        else struct.pack(">f", a)
        if isinstance(a, float)
        else pad(a.encode() + b"\0")
        for a in args
    )
    return pad(address.encode() + b"\0") + pad(tags.encode() + b"\0") + body + struct.pack(">i", 0)


def test_import_audio(host: LiveHost, client: OscClient, wav_file: Path) -> None:
    assert client.ask(protocol.RS_IMPORT_AUDIO, 3, 5, 2, str(wav_file), "Break", 0, 0.0) == [3, 5, 2]
    props = host.clip_properties(5, 2)
    assert props is not None
    assert (props["name"], props["file_path"], props["warping"], props["sample_rate"]) == (
        "Break",
        str(wav_file),
        False,
        44100.0,
    )
    assert props["length"] == pytest.approx(2.0)  # unwarped: seconds, as Live measures it
    # a filled slot is never overwritten: the next empty one below takes the clip
    assert client.ask(protocol.RS_IMPORT_AUDIO, 4, 5, 2, str(wav_file), "", 1, 0.0) == [4, 5, 3]


def test_import_audio_errors(host: LiveHost, client: OscClient, wav_file: Path, tmp_path: Path) -> None:
    address, message, req = client.error(protocol.RS_IMPORT_AUDIO, 1, 0, 0, str(wav_file), "x", 1, 0.0)
    assert (address, req) == (protocol.RS_IMPORT_AUDIO, 1)
    assert "MIDI track" in message and "audio track" in message
    bad = tmp_path / "not_audio.wav"
    bad.write_text("hello")
    _, message, _ = client.error(protocol.RS_IMPORT_AUDIO, 2, 4, 0, str(bad), "x", 1, 0.0)
    assert "not_audio.wav" in message and "Live raised RuntimeError" in message
    _, message, _ = client.error(protocol.RS_IMPORT_AUDIO, 3, 4, 0, "relative.wav", "x", 1, 0.0)
    assert "relative.wav" in message and "absolute" in message


def test_import_audio_needs_live_12_0_5(wav_file: Path) -> None:
    live = start_host(version=(12, 0, 0))
    client = OscClient(live.port)
    try:
        _, message, req = client.error(protocol.RS_IMPORT_AUDIO, 8, 4, 0, str(wav_file), "x", 1, 0.0)
        assert req == 8 and "12.0.5" in message and "12.0.0" in message
        assert client.ask(protocol.RS_CONTEXT_GET, 1)[-1] == "12.0.0"
    finally:
        client.close()
        live.stop()


def test_create_tracks(host: LiveHost, client: OscClient) -> None:
    assert client.ask(protocol.RS_CREATE_TRACKS, 1, "audio", 1, "Vocals", "Drums stem") == [1, 2, 2]
    assert client.ask(protocol.SONG_GET + "track_names")[:5] == [
        "1-MIDI",
        "2-MIDI",
        "Vocals",
        "Drums stem",
        "3-MIDI",
    ]
    assert client.ask(protocol.RS_CREATE_TRACKS, 2, "midi", -1) == [2, 8, 1]
    assert host.call(lambda: [t.has_audio_input for t in host.song.tracks][2:4]) == [True, True]
    client.send(protocol.SONG_UNDO)
    client.send(protocol.SONG_UNDO)  # both names and both tracks go in one step
    assert client.ask(protocol.SONG_GET + "num_tracks") == [6]


def test_delete_tracks_takes_back_made_tracks_only_while_named_so_and_empty(
    host: LiveHost, client: OscClient
) -> None:
    assert client.ask(protocol.RS_CREATE_TRACKS, 1, "midi", -1, "Bass", "Drums") == [1, 6, 2]
    names = lambda: client.ask(protocol.SONG_GET + "track_names")  # noqa: E731

    def refused(*args: object) -> str:
        address, message, req = client.error(protocol.RS_DELETE_TRACKS, *args)
        assert address == protocol.RS_DELETE_TRACKS and req == args[0]
        return str(message)

    # refused, nothing deleted: a name that is not the track's, a clip put there, a bad index
    said = refused(2, 6, "Bass", "Keys")
    assert "track 8 is 'Drums', not 'Keys': nothing deleted" in said
    write(client, 3, 7, 1, BEAT)
    said = refused(4, 6, "Bass", "Drums")
    assert "track 8 'Drums' holds a clip: nothing deleted" in said
    host.call(lambda: host.song.tracks[6].create_midi_clip(8.0, 4.0))
    assert "track 7 'Bass' holds a clip" in refused(5, 6, "Bass")
    assert "first_track 8 is out of range: expected 0..7" in refused(6, 8, "X")
    assert "would leave the Set without one" in refused(7, 0, *["x"] * 8)
    assert len(names()) == 8
    assert client.ask(protocol.RS_CREATE_TRACKS, 8, "audio", 1, "Vox", "Pad") == [8, 2, 2]
    assert client.ask(protocol.RS_DELETE_TRACKS, 9, 2, "Vox", "Pad") == [9, 2, 2]
    assert names()[:3] == ["1-MIDI", "2-MIDI", "3-MIDI"] and len(names()) == 8
    client.send(protocol.SONG_UNDO)  # both tracks come back in one step
    assert names()[2:4] == ["Vox", "Pad"]


def test_clip_info_for_midi_and_audio(host: LiveHost, client: OscClient, wav_file: Path) -> None:
    write(client, 1, 0, 1, BEAT, name="Beat")
    info = client.ask(protocol.RS_CLIP_INFO, 2, 0, 1)
    assert info[:3] == [2, 0, 1]
    assert dict(zip(protocol.CLIP_INFO_FIELDS, info[3:], strict=True)) == {
        "name": "Beat",
        "is_audio_clip": 0,
        "file_path": "",
        "length_beats": 4.0,
        "start_marker_beats": 0.0,
        "end_marker_beats": 4.0,
        "warping": 0,
        "sample_rate": 0.0,
        "track_name": "1-MIDI",
        "start_s": -1.0,
        "end_s": -1.0,
        "start_time_beats": -1.0,  # a session clip
        "end_time_beats": -1.0,
        "looping": 1,
        "loop_start_beats": 0.0,
        "loop_end_beats": 4.0,
    }
    client.ask(protocol.RS_IMPORT_AUDIO, 3, 4, 0, str(wav_file), "Loop", 0, 0.0)
    audio = dict(zip(protocol.CLIP_INFO_FIELDS, client.ask(protocol.RS_CLIP_INFO, 4, 4, 0)[3:], strict=True))
    # an unwarped clip measures seconds; clip_info converts to beats at the Set's tempo
    assert audio["length_beats"] == pytest.approx(4.0) and audio["end_marker_beats"] == pytest.approx(4.0)
    assert (audio["start_s"], audio["end_s"]) == (0.0, pytest.approx(2.0))  # Live's own seconds
    assert (audio["is_audio_clip"], audio["file_path"], audio["warping"], audio["sample_rate"]) == (
        1,
        str(wav_file),
        0,
        44100.0,
    )
    assert client.error(protocol.RS_CLIP_INFO, 5, 0, 7)[1:] == [
        "track 1 '1-MIDI', scene 8 is empty: expected a clip there",
        5,
    ]


def test_name_scene(host: LiveHost, client: OscClient) -> None:
    assert client.ask(protocol.RS_NAME_SCENE, 1, 2, "Chorus") == [1, 2]
    assert client.ask(protocol.RS_NAME_SCENE, 2, -1, "Intro") == [2, 0]
    assert host.call(lambda: [s.name for s in host.song.scenes][:3]) == ["Intro", "", "Chorus"]


def test_set_context(host: LiveHost, client: OscClient) -> None:
    reply = client.ask(
        protocol.RS_SET_CONTEXT,
        4,
        "tempo_bpm",
        100.0,
        "root_note",
        9,
        "scale_name",
        "Minor",
        "signature_numerator",
        3,
    )
    assert reply == [4]
    ctx = dict(zip(protocol.CONTEXT_FIELDS, client.ask(protocol.RS_CONTEXT_GET, 5)[1:], strict=True))
    assert (ctx["tempo_bpm"], ctx["root_note"], ctx["scale_name"], ctx["signature_numerator"]) == (
        100.0,
        9,
        "Minor",
        3,
    )
    client.send(protocol.SONG_UNDO)  # one undo step for the whole set_context
    assert client.ask(protocol.SONG_GET + "tempo") == [120.0]
    assert client.ask(protocol.SONG_GET + "scale_name") == ["Major"]


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["tempo_bpm", 5.0], "tempo 5.0"),
        (["root_note", 12], "root_note 12"),
        (["signature_denominator", 3], "signature_denominator 3"),
        (["key", "C"], "'key'"),
        (["tempo_bpm"], "pairs"),
        (["scale_name", "Bluesy"], "Bluesy"),
    ],
)
def test_set_context_errors_name_the_value(client: OscClient, args: list, named: str) -> None:
    address, message, req = client.error(protocol.RS_SET_CONTEXT, 6, *args)
    assert (address, req) == (protocol.RS_SET_CONTEXT, 6)
    assert named in message
    assert client.ask(protocol.SONG_GET + "tempo") == [120.0]


def test_warp_markers_map_clip_beats_to_file_seconds() -> None:
    from remote_scripts.MuseAroo import timing

    markers = [(0.0, 0.0), (1.0, 2.0), (3.0, 4.0)]  # 120 BPM, then 60 BPM
    assert timing.seconds_at(markers, 1.0) == 0.5
    assert timing.seconds_at(markers, 3.0) == 2.0
    assert timing.seconds_at(markers, 6.0) == 5.0  # past the last marker the last tempo goes on
    assert timing.seconds_at(markers, -2.0) == -1.0  # before the first, the first tempo
    assert timing.seconds_at(list(reversed(markers)), 3.0) == 2.0  # order does not matter
    assert timing.seconds_at([(0.5, 1.0)], 3.0) is None  # one marker: no tempo to go by


def test_slot_fill_state_is_pushed_per_track_that_changed(host: LiveHost, client: OscClient) -> None:
    assert client.ask(protocol.RS_CONTEXT_LISTEN, 1) == [1]
    assert client.receive()[0] == protocol.RS_SET_PUSH  # which Set, first
    messages = [client.receive() for _ in range(9)]  # the context, every track, names, the selected slot
    assert messages[0][0] == protocol.RS_CONTEXT_PUSH
    assert [m[1][1:] for m in messages[1:7]] == [[t, "0" * 8] for t in range(6)]
    assert all(m[0] == protocol.RS_SLOTS_PUSH for m in messages[1:7])
    assert messages[7][0] == protocol.RS_TRACKS_PUSH
    assert messages[8][0] == protocol.RS_CLIP_PUSH
    host.call(lambda: host.song.tracks[3].clip_slots[7].create_clip(2.0))
    address, args = client.receive()
    assert (address, args[1:]) == (protocol.RS_SLOTS_PUSH, [3, "00000001"])
    assert client.ask(protocol.RS_CONTEXT_GET, 2)[0] == 2  # nothing else was pushed


def test_the_selected_clip_is_pushed_as_it_changes_and_only_then(host: LiveHost, client: OscClient) -> None:
    assert client.ask(protocol.RS_CONTEXT_LISTEN, 1) == [1]
    assert client.receive()[0] == protocol.RS_SET_PUSH  # which Set, first
    snapshot = [client.receive() for _ in range(9)]
    assert snapshot[-1][0] == protocol.RS_CLIP_PUSH and snapshot[-1][1][1:] == [0, 0, ""]
    name_at = 4 + protocol.CLIP_INFO_FIELDS.index("name")  # after seq, track, slot, digest
    write(client, 2, 0, 0, BEAT, name="Beat")  # into the selected slot
    assert client.receive()[0] == protocol.RS_SLOTS_PUSH  # it filled
    address, push = client.receive()
    assert address == protocol.RS_CLIP_PUSH
    assert push[1:] == client.ask(protocol.RS_CLIP_READ, 3, 0, 0)[1:]  # as a read answers it
    assert protocol.unpack_notes(push[-1]) == BEAT and push[name_at] == "Beat"
    write(client, 4, 2, 1, BEAT)  # a slot that is not selected: its fill state only
    assert client.receive() == (protocol.RS_SLOTS_PUSH, [push[0], 2, "01000000"])
    assert client.ask(protocol.RS_CONTEXT_GET, 5)[0] == 5  # nothing else was pushed
    # the user edits the selected clip: its notes, then its name
    host.call(lambda: host.song.tracks[0].clip_slots[0].clip.remove_notes_extended(0, 128, 0.0, 1.0))
    address, push = client.receive()
    assert address == protocol.RS_CLIP_PUSH and protocol.unpack_notes(push[-1]) == BEAT[2:]
    host.call(lambda: setattr(host.song.tracks[0].clip_slots[0].clip, "name", "Renamed"))
    address, push = client.receive()
    assert address == protocol.RS_CLIP_PUSH and push[name_at] == "Renamed"
    host.call(lambda: host.song.tracks[0].clip_slots[0].delete_clip())
    assert client.receive()[0] == protocol.RS_SLOTS_PUSH
    assert client.receive() == (protocol.RS_CLIP_PUSH, [push[0], 0, 0, ""])  # emptied

    def select() -> None:
        host.song.view.selected_track = host.song.tracks[2]
        host.song.view.selected_scene = host.song.scenes[1]

    host.call(select)
    assert client.receive()[0] == protocol.RS_CONTEXT_PUSH
    address, push = client.receive()  # the newly selected slot, with its clip
    assert (
        address == protocol.RS_CLIP_PUSH and push[1:3] == [2, 1] and protocol.unpack_notes(push[-1]) == BEAT
    )


def test_a_selected_audio_clip_is_pushed_with_its_facts_and_no_notes(
    host: LiveHost, client: OscClient, wav_file: Path
) -> None:
    assert client.ask(protocol.RS_IMPORT_AUDIO, 1, 5, 2, str(wav_file), "Break", 0, 0.0) == [1, 5, 2]
    assert client.ask(protocol.RS_CONTEXT_LISTEN, 2) == [2]
    assert client.receive()[0] == protocol.RS_SET_PUSH  # which Set, first
    assert [client.receive()[0] for _ in range(9)][-1] == protocol.RS_CLIP_PUSH  # the snapshot

    def select() -> None:
        host.song.view.selected_track = host.song.tracks[5]
        host.song.view.selected_scene = host.song.scenes[2]

    host.call(select)
    assert client.receive()[0] == protocol.RS_CONTEXT_PUSH
    address, push = client.receive()
    facts = dict(zip(protocol.CLIP_INFO_FIELDS, push[4:], strict=True))  # no notes blob after them
    assert address == protocol.RS_CLIP_PUSH and push[1:3] == [5, 2] and push[3] != ""
    assert facts["is_audio_clip"] == 1 and facts["name"] == "Break"
    host.call(lambda: setattr(host.song.tracks[5].clip_slots[2].clip, "name", "Break 2"))
    address, push = client.receive()
    assert address == protocol.RS_CLIP_PUSH and push[4 + protocol.CLIP_INFO_FIELDS.index("name")] == "Break 2"


def test_a_clip_edited_tick_after_tick_ends_pushed_as_it_is_last(host: LiveHost, client: OscClient) -> None:
    write(client, 1, 0, 0, BEAT)  # into the selected slot
    assert client.ask(protocol.RS_CONTEXT_LISTEN, 2) == [2]
    assert client.receive()[0] == protocol.RS_SET_PUSH  # which Set, first
    assert [client.receive()[0] for _ in range(9)][-1] == protocol.RS_CLIP_PUSH  # the snapshot
    states = []
    for i in range(6):  # drawn into, one note per tick or so (pushed at most every EDIT_EVERY_TICKS)

        def draw(i: int = i) -> None:
            clip = host.song.tracks[0].clip_slots[0].clip
            clip.add_new_notes([MidiNoteSpecification(60 + i, 2.0 + i * 0.25, 0.25, 90.0, False)])

        host.call(draw)
        states.append(host.clip_notes(0, 0))
    pushed: list[list] = []
    end = time.monotonic() + 10.0
    while not pushed or pushed[-1] != [tuple(n) for n in states[-1]]:
        assert time.monotonic() < end, f"the last state was not pushed within 10 s: {pushed[-1:]}"
        address, push = client.receive()
        assert address == protocol.RS_CLIP_PUSH
        pushed.append(protocol.unpack_notes(push[-1]))
    assert len(pushed) <= len(states) and all(p in [[tuple(n) for n in s] for s in states] for p in pushed)


def test_track_names_and_kinds_are_pushed_when_a_track_is_renamed_or_made(
    host: LiveHost, client: OscClient
) -> None:
    assert client.ask(protocol.RS_TRACKS, 1) == [1, "1-MIDI", 1, "2-MIDI", 1, "3-MIDI", 1, "4-MIDI", 1,
                                                 "5-Audio", 0, "6-Audio", 0]  # fmt: skip
    assert client.ask(protocol.RS_CONTEXT_LISTEN, 2) == [2]
    assert client.receive()[0] == protocol.RS_SET_PUSH  # which Set, first
    assert [client.receive()[0] for _ in range(9)][-1] == protocol.RS_CLIP_PUSH  # the snapshot
    host.call(lambda: setattr(host.song.tracks[1], "name", "Bass"))
    address, push = client.receive()
    assert (address, push[1:5]) == (protocol.RS_TRACKS_PUSH, ["1-MIDI", 1, "Bass", 1])
    assert client.ask(protocol.RS_CREATE_TRACKS, 3, "midi", -1, "Melody") == [3, 6, 1]
    pushed = []
    while not pushed or pushed[-1][0] != protocol.RS_TRACKS_PUSH:
        pushed.append(client.receive())
    assert pushed[-1][1][-2:] == ["Melody", 1] and len(pushed[-1][1]) == 1 + 2 * 7
