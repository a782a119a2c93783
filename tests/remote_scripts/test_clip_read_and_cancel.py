"""/roo/live/clip_read (a clip's facts, notes and digest in one reply), /roo/live/write_clip_from
(refused when its source changed since it was read) and /roo/live/cancel."""

from __future__ import annotations

import threading
from pathlib import Path

from bridge import protocol
from livesim import LiveHost
from tests.remote_scripts.osc_client import OscClient
from tests.remote_scripts.test_roo_messages import BEAT, write

FACTS = len(protocol.CLIP_INFO_FIELDS)


def test_clip_read_answers_the_facts_of_clip_info_and_the_notes(host: LiveHost, client: OscClient) -> None:
    write(client, 1, 0, 1, list(reversed(BEAT)), name="Beat")
    read = client.ask(protocol.RS_CLIP_READ, 2, 0, 1)
    info = client.ask(protocol.RS_CLIP_INFO, 3, 0, 1)
    assert read[:3] == [2, 0, 1] and isinstance(read[3], str) and read[4 : 4 + FACTS] == info[3:]
    assert len(read) == 4 + FACTS + 1
    assert protocol.unpack_notes(read[-1]) == BEAT  # by start, then pitch
    host.call(lambda: host.song.view.__setattr__("selected_scene", host.song.scenes[1]))
    assert client.ask(protocol.RS_CLIP_READ, 4, -1, -1)[:5] == [4, 0, 1, read[3], "Beat"]  # the selected slot


def test_clip_read_of_an_audio_clip_an_empty_clip_and_an_empty_slot(
    host: LiveHost, client: OscClient, wav_file: Path
) -> None:
    client.ask(protocol.RS_IMPORT_AUDIO, 1, 4, 0, str(wav_file), "Loop", 0, 0.0)
    audio = client.ask(protocol.RS_CLIP_READ, 2, 4, 0)
    assert len(audio) == 4 + FACTS and audio[5] == 1  # is_audio_clip; no notes blob
    client.send(protocol.CLIP_SLOT_CREATE_CLIP, 1, 1, 4.0)
    assert len(client.ask(protocol.RS_CLIP_READ, 3, 1, 1)) == 4 + FACTS  # a MIDI clip without notes
    assert client.error(protocol.RS_CLIP_READ, 5, 0, 1)[1:] == [
        "track 1 '1-MIDI', scene 2 is empty: expected a clip there",
        5,
    ]


def test_write_clip_from_checks_that_its_source_holds_what_was_read(
    host: LiveHost, client: OscClient
) -> None:
    write(client, 1, 0, 1, BEAT, name="Beat")
    digest = client.ask(protocol.RS_CLIP_READ, 2, 0, 1)[3]
    seq = host.call(lambda: host.script.context.seq)  # the context version the part is made for
    made = (1, 2, 4.0, "Gen", 0, protocol.pack_notes(BEAT))
    reply = client.ask(protocol.RS_WRITE_CLIP_FROM, 4, seq, 0, 0, 1, digest, *made)
    assert reply[:4] == [4, 1, 2, 3]
    client.send(protocol.CLIP_ADD_NOTES, 0, 1, 50, 3.0, 0.5, 100, 0)  # the source changes
    client.send(protocol.RS_WRITE_CLIP_FROM, 5, seq, 0, 0, 1, digest, 1, 3, 4.0, "Gen", 0, made[-1])
    got, refused = client.receive()
    now = client.ask(protocol.RS_CLIP_READ, 6, 0, 1)
    assert got == protocol.RS_STALE_SOURCE and refused == [5, 0, 1, *now[3:]] and now[3] != digest
    assert host.clip_properties(1, 3) is None  # nothing written
    client.send(protocol.CLIP_SLOT_DELETE_CLIP, 0, 1)
    client.send(protocol.RS_WRITE_CLIP_FROM, 7, seq, 0, 0, 1, now[3], 1, 3, 4.0, "Gen", 0, made[-1])
    assert client.receive() == (protocol.RS_STALE_SOURCE, [7, 0, 1, ""])  # the source slot is empty now


def test_a_cancel_read_in_the_same_tick_as_its_write_refuses_it(host: LiveHost, client: OscClient) -> None:
    gate = threading.Event()
    holder = threading.Thread(target=lambda: host.call(lambda: gate.wait(5), timeout=10), daemon=True)
    holder.start()
    try:  # Live's main thread is busy: both wait in the socket and are read in one tick
        client.send(protocol.RS_WRITE_CLIP, 7, 1, 1, 4.0, "Gen", 0, protocol.pack_notes(BEAT))
        client.send(protocol.RS_CANCEL, 8, 7)
    finally:
        gate.set()
    assert client.receive() == (protocol.RS_CANCELLED, [7])
    assert client.receive() == (protocol.RS_CANCEL, [8, 7, 1])
    assert host.clip_properties(1, 1) is None


def test_a_cancel_after_its_request_ran_changes_nothing_and_one_before_it_wins(
    host: LiveHost, client: OscClient
) -> None:
    assert write(client, 1, 1, 1, BEAT)[:3] == [1, 1, 1]
    assert client.ask(protocol.RS_CANCEL, 2, 1) == [2, 1, 0]  # too late: the clip stays
    assert host.clip_properties(1, 1) is not None
    assert client.ask(protocol.RS_CANCEL, 3, 4) == [3, 4, 0]  # request 4 has not come yet
    client.send(protocol.RS_WRITE_CLIP, 4, 1, 0, 4.0, "Gen", 0, protocol.pack_notes(BEAT))
    assert client.receive() == (protocol.RS_CANCELLED, [4])
    assert host.clip_properties(1, 0) is None
    other = OscClient(host.port)  # another client's request 4 is its own
    try:
        assert other.ask(protocol.RS_WRITE_CLIP, 4, 1, 0, 4.0, "Gen", 0, protocol.pack_notes(BEAT))[:2] == [
            4,
            1,
        ]
    finally:
        other.close()
