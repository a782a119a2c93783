"""Bad input of every kind is answered on /live/error, logged, counted, and the script keeps serving."""

from __future__ import annotations

import pytest

from bridge import protocol
from livesim import LiveHost
from tests.remote_scripts.osc_client import OscClient, build

BLOB = protocol.pack_notes([(60, 0.0, 1.0, 100, 0)])


@pytest.mark.parametrize(
    ("address", "args", "named"),
    [
        (protocol.CLIP_SLOT_CREATE_CLIP, [99, 0, 4.0], "track 99 is out of range: expected 0..5"),
        (protocol.CLIP_SLOT_CREATE_CLIP, [0, 8, 4.0], "slot 8 is out of range: expected 0..7"),
        (protocol.CLIP_SLOT_CREATE_CLIP, [0, 0, 0.0], "length_beats 0.0 is out of range"),
        (protocol.CLIP_SLOT_CREATE_CLIP, ["one", 0, 4.0], "track 'one' (str): expected an int"),
        (protocol.CLIP_SLOT_CREATE_CLIP, [0, 0.5, 4.0], "slot 0.5 (float): expected an int"),
        (protocol.CLIP_SLOT_CREATE_CLIP, [0, 0], "takes 3 argument(s) (track, slot, length_beats), got 2"),
        (
            protocol.CLIP_SLOT_CREATE_CLIP,
            [4, 0, 4.0],
            "Live raised RuntimeError: Cannot create a MIDI clip on an audio track",
        ),
        (
            protocol.CLIP_SLOT_DELETE_CLIP,
            [0, 0],
            "Live raised RuntimeError: Cannot delete the clip of an empty clip slot",
        ),
        (protocol.CLIP_GET_NOTES, [0, 0], "track 1 '1-MIDI', scene 1 is empty: expected a clip there"),
        (protocol.SONG_SET + "tempo", [2000.0], "tempo 2000.0 is out of range: expected 20.0..999.0"),
        (protocol.SONG_SET + "tempo", ["fast"], "tempo 'fast' (str): expected a number"),
        (protocol.SONG_SET + "scale_name", ["Nope"], "Unknown scale name 'Nope'"),
        (
            protocol.SONG_SET + "signature_denominator",
            [3],
            "signature_denominator 3: expected one of 1, 2, 4, 8, 16",
        ),
        (protocol.SONG_GET + "tempo", [1], "takes 0 argument(s) (none), got 1"),
        (protocol.SONG_CREATE_MIDI_TRACK, [50], "track index 50 is out of range: expected -1..6"),
        (
            "/live/song/get/tempoo",
            [],
            "unknown address '/live/song/get/tempoo': did you mean /live/song/get/tempo?",
        ),
        ("/nothing/like/it", [], "unknown address '/nothing/like/it'"),
    ],
)
def test_common_grammar_errors_name_the_value(
    client: OscClient, address: str, args: list, named: str
) -> None:
    reply = client.error(address, *args)
    assert reply[0] == address and len(reply) == 2
    assert named in reply[1]


def test_note_errors(client: OscClient) -> None:
    client.send(protocol.CLIP_SLOT_CREATE_CLIP, 0, 0, 4.0)
    cases = [
        ([200, 0.0, 1.0, 100, 0], "note 0: pitch 200 is out of range: expected 0..127"),
        ([60, 0.0, 1.0, 0, 0], "note 0: velocity 0.0 is out of range: expected 1..127"),
        ([60, 0.0, 0.0, 100, 0], "note 0: duration_beats 0.0: expected > 0"),
        ([60, -1.0, 1.0, 100, 0], "note 0: start_beats -1.0: expected >= 0"),
        ([60, 0.0, 1.0, 100, 2], "note 0 mute 2 is out of range: expected 0..1"),
        ([60, 0.0, 1.0, 100], "4 note values after track and slot: expected groups of 5"),
    ]
    for note, named in cases:
        _, message = client.error(protocol.CLIP_ADD_NOTES, 0, 0, *note)
        assert named in message
    assert client.ask(protocol.CLIP_GET_NOTES, 0, 0) == [0, 0]  # nothing half-written


@pytest.mark.parametrize(
    ("args", "named"),
    [
        ([1, 99, 0, 4.0, "x", 0, BLOB], "track 99 is out of range"),
        (
            [1, 4, 0, 4.0, "x", 0, BLOB],
            "track 5 '5-Audio' is an audio track: write_clip expected a MIDI track",
        ),
        ([1, 0, 0, 4.0, "x", 0, protocol.pack_notes([(200, 0.0, 1.0, 100, 0)])], "pitch 200 is out of range"),
        ([1, 0, 0, 4.0, "x", 0, protocol.pack_notes([(60, 0.0, 1.0, 0, 0)])], "velocity 0 is out of range"),
        ([1, 0, 0, 4.0, "x", 0, protocol.pack_notes([(60, 0.0, -1.0, 90, 0)])], "duration_beats -1.0"),
        ([1, 0, 0, 4.0, "x", 0, BLOB[:-3]], "16 bytes is not a multiple of 19-byte records"),
        ([1, 0, 0, 4.0, "x", 2, BLOB], "replace 2 is out of range: expected 0..1"),
        ([1, 0, 0, 4.0, 7, 0, BLOB], "name 7 (int): expected a string"),
        ([1, 0, 0, 4.0, "x", 0, "notes"], "notes blob 'notes' (str): expected a blob"),
        ([1, 0, 0, 4.0], "takes 6..7 argument(s)"),
    ],
)
def test_write_clip_errors_carry_the_request_id(
    host: LiveHost, client: OscClient, args: list, named: str
) -> None:
    address, message, req = client.error(protocol.RS_WRITE_CLIP, *args)
    assert (address, req) == (protocol.RS_WRITE_CLIP, 1)
    assert named in message
    assert host.call(lambda: [t.clip_slots[0].has_clip for t in host.song.tracks]) == [False] * 6
    assert host.call(lambda: host.song.can_undo) is False  # a refused write leaves no undo step behind


def test_a_bad_request_id_is_refused(client: OscClient) -> None:
    _, message, req = client.error(protocol.RS_CONTEXT_GET, 1.5)
    assert "request id 1.5 (float): expected an int or a string" in message and req == 1.5
    assert client.error(protocol.RS_CONTEXT_GET)[1] == "/roo/live/context takes 1 argument(s) (req), got 0"


@pytest.mark.parametrize(
    ("data", "hint"),
    [
        (build(protocol.CLIP_SLOT_HAS_CLIP, 0, 1)[:-2], protocol.CLIP_SLOT_HAS_CLIP),  # truncated int
        (
            build(protocol.RS_WRITE_CLIP, 1, 0, 0, 4.0, "x", 0, BLOB)[:-12],
            protocol.RS_WRITE_CLIP,
        ),  # truncated blob
        (b"/live/song/get/te", "/live/song/get/te"),  # no type tags, no padding
        (b"\x00\x01garbage\xff" * 3, ""),
        (b"#bundle\x00\x00\x00", ""),
    ],
)
def test_malformed_datagrams_are_answered(host: LiveHost, client: OscClient, data: bytes, hint: str) -> None:
    client.send_raw(data)
    address, (request, message) = client.receive()
    assert address == protocol.LIVE_ERROR and request == hint
    assert f"malformed OSC packet of {len(data)} bytes" in message
    assert client.ask(protocol.SONG_GET + "tempo") == [120.0]


def test_errors_are_logged_and_counted_and_serving_goes_on(host: LiveHost, client: OscClient) -> None:
    client.error("/bad/one")
    client.error(protocol.CLIP_SLOT_CREATE_CLIP, 99, 0, 4.0)
    client.send_raw(b"junk")
    client.receive()
    assert client.ask(protocol.SONG_GET + "num_tracks") == [6]
    assert host.call(lambda: host.script.errors) == 3
    logged = [line for line in host.log if " error " in line]
    assert len(logged) == 3 and "track 99" in logged[1]


def test_a_bundle_is_served_message_by_message(client: OscClient) -> None:
    from pythonosc.osc_bundle_builder import IMMEDIATELY, OscBundleBuilder
    from pythonosc.osc_message_builder import OscMessageBuilder

    bundle = OscBundleBuilder(IMMEDIATELY)
    for address in (protocol.SONG_GET + "tempo", protocol.SONG_GET + "num_scenes"):
        bundle.add_content(OscMessageBuilder(address).build())
    client.send_raw(bundle.build().dgram)
    assert client.receive() == (protocol.SONG_GET + "tempo", [120.0])
    assert client.receive() == (protocol.SONG_GET + "num_scenes", [8])


def test_a_client_that_went_away_does_not_stop_the_others(host: LiveHost) -> None:
    gone = OscClient(host.port)
    for _ in range(3):
        gone.send(protocol.SONG_GET + "tempo")
    gone.close()  # the replies hit a closed port (Windows then reports WSAECONNRESET on recv)
    other = OscClient(host.port)
    try:
        for _ in range(3):
            assert other.ask(protocol.SONG_GET + "tempo") == [120.0]
    finally:
        other.close()


def test_several_clients_get_their_own_replies(host: LiveHost) -> None:
    clients = [OscClient(host.port) for _ in range(3)]
    try:
        for i, c in enumerate(clients):
            c.send(protocol.RS_CONTEXT_GET, i)
        for i, c in enumerate(clients):
            assert c.receive()[1][0] == i
    finally:
        for c in clients:
            c.close()
