"""A request longer than one datagram in /roo/live/part parts (a clip of more notes than 3,400): run
whole when its last part comes, one undo step; a part out of order, twice or never leaves the Set as
it was and is answered on /live/error naming the request and the part."""

from __future__ import annotations

import socket
import time
from typing import Any

from bridge import osc, protocol
from livesim import LiveHost
from tests.remote_scripts.osc_client import OscClient

MANY = [(36 + i % 48, i * 0.25, 0.2, 64 + i % 60, 0) for i in range(10_000)]
BEAT = [(36, 0.0, 0.25, 110, 0), (42, 0.5, 0.25, 80, 0)]


def parts_of(address: str, *args: Any) -> list[bytes]:
    """The request's encoded message cut into PART_BYTES chunks, as the daemon cuts it."""
    data = osc.encode(address, list(args))
    assert len(data) > protocol.MAX_DATAGRAM_BYTES, "the request fits one datagram: no parts needed"
    return [data[i : i + protocol.PART_BYTES] for i in range(0, len(data), protocol.PART_BYTES)]


def send_part(client: OscClient, req: Any, index: int, chunks: list[bytes]) -> None:
    client.send_raw(osc.encode(protocol.RS_PART, [req, index, len(chunks), chunks[index]]))


def big_write(req: Any, track: int = 0, slot: int = 0, replace: int = 1) -> list[bytes]:
    blob = protocol.pack_notes(MANY)
    return parts_of(protocol.RS_WRITE_CLIP, req, track, slot, 2500.0, "Transcribed", replace, blob)


def error_message(client: OscClient) -> list[Any]:
    got, params = client.receive()
    assert got == protocol.LIVE_ERROR, (got, params)
    return params


def test_a_clip_of_ten_thousand_notes_lands_whole_in_one_undo_step(host: LiveHost, client: OscClient) -> None:
    client.ask(protocol.RS_WRITE_CLIP, 1, 0, 0, 4.0, "Old", 0, protocol.pack_notes(BEAT))
    steps = host.call(lambda: host.doc.undo_steps)
    chunks = big_write(7)
    assert len(chunks) == 3
    for index in range(len(chunks) - 1):  # each part but the last is answered with its index
        send_part(client, 7, index, chunks)
        assert client.receive() == (protocol.RS_PART, [7, index, 3])
        assert host.clip_notes(0, 0) == BEAT  # nothing of the write touched Live yet
    send_part(client, 7, 2, chunks)
    assert client.receive() == (protocol.RS_WRITE_CLIP, [7, 0, 0, 10_000])  # the whole request's reply
    assert host.clip_notes(0, 0) == sorted(MANY, key=lambda n: (n[1], n[0]))
    assert host.call(lambda: host.doc.undo_steps) == steps + 1
    client.send(protocol.SONG_UNDO)  # one undo takes the whole clip back: the replaced one returns
    assert client.ask(protocol.CLIP_SLOT_HAS_CLIP, 0, 0) == [0, 0, 1]  # (after the undo ran)
    assert host.clip_notes(0, 0) == BEAT


def _refused(host: LiveHost, client: OscClient, order: list[int], want: str) -> None:
    steps = host.call(lambda: host.doc.undo_steps)
    chunks = big_write("job-3")
    for index in order[:-1]:
        send_part(client, "job-3", index, chunks)
        assert client.receive()[0] == protocol.RS_PART
    send_part(client, "job-3", order[-1], chunks)
    address, message, req = error_message(client)
    assert (address, req) == (protocol.RS_PART, "job-3")
    assert message.startswith(f"{protocol.RS_WRITE_CLIP} 'job-3': ") and want in message, message
    assert "nothing run" in message
    send_part(client, "job-3", 2, chunks)  # the parts were dropped: a late last part runs nothing either
    assert "no part 1 before it" in error_message(client)[1]
    assert client.ask(protocol.CLIP_SLOT_HAS_CLIP, 0, 0) == [0, 0, 0]
    assert host.call(lambda: host.doc.undo_steps) == steps


def test_a_part_out_of_order_runs_nothing(host: LiveHost, client: OscClient) -> None:
    _refused(host, client, [0, 2], "part 3 of 3 came before part 2")


def test_a_part_twice_runs_nothing(host: LiveHost, client: OscClient) -> None:
    _refused(host, client, [0, 1, 1], "part 2 of 3 came twice")


def test_a_part_that_never_comes_drops_the_others_and_is_answered(host: LiveHost, client: OscClient) -> None:
    host.call(lambda: setattr(host.script.parts, "timeout_s", 0.3))
    chunks = big_write(11)
    send_part(client, 11, 0, chunks)
    assert client.receive() == (protocol.RS_PART, [11, 0, 3])
    started = time.monotonic()
    address, message, req = error_message(client)  # part 2 never comes
    assert time.monotonic() - started < 2.0
    assert (address, req) == (protocol.RS_WRITE_CLIP, 11)
    assert "part 2 of 3 did not come within 0.3 s of part 1" in message and "nothing run" in message
    assert host.call(lambda: host.script.parts.pending()) == 0
    send_part(client, 11, 1, chunks)  # too late: refused, nothing kept or run
    assert "no part 1 before it" in error_message(client)[1]
    assert client.ask(protocol.CLIP_SLOT_HAS_CLIP, 0, 0) == [0, 0, 0]


def test_parts_that_are_not_one_live_request_run_nothing(host: LiveHost, client: OscClient) -> None:
    chunks = parts_of(protocol.RS_PART, 5, 0, 2, b"x" * 70_000)  # parts may not hold parts
    send_part(client, 5, 0, chunks)
    assert client.receive()[0] == protocol.RS_PART
    send_part(client, 5, 1, chunks)
    assert "expected a /roo/live/* request" in error_message(client)[1]
    chunks = big_write(6)  # the parts of request 6 sent as request 8's
    for index in range(2):
        send_part(client, 8, index, chunks)
        assert client.receive()[0] == protocol.RS_PART
    send_part(client, 8, 2, chunks)
    assert "a request with id 6: expected the same" in error_message(client)[1]
    assert "count 1 is out of range" in client.error(protocol.RS_PART, 9, 0, 1, b"abc")[1]
    assert client.ask(protocol.CLIP_SLOT_HAS_CLIP, 0, 0) == [0, 0, 0]


def test_a_cancel_that_comes_before_the_last_part_wins(host: LiveHost, client: OscClient) -> None:
    chunks = big_write(21)
    for index in range(2):
        send_part(client, 21, index, chunks)
        assert client.receive()[0] == protocol.RS_PART
    assert client.ask(protocol.RS_CANCEL, 22, 21) == [22, 21, 0]  # not come yet: refused when it comes
    send_part(client, 21, 2, chunks)
    assert client.receive() == (protocol.RS_CANCELLED, [21])
    assert client.ask(protocol.CLIP_SLOT_HAS_CLIP, 0, 0) == [0, 0, 0]


def test_a_clip_too_long_for_one_answer_is_read_back_in_parts(host: LiveHost, client: OscClient) -> None:
    chunks = big_write(31)
    for index in range(len(chunks)):
        send_part(client, 31, index, chunks)
    assert client.receive() == (protocol.RS_PART, [31, 0, 3])
    assert client.receive() == (protocol.RS_PART, [31, 1, 3])
    assert client.receive() == (protocol.RS_WRITE_CLIP, [31, 0, 0, 10_000])
    client.send(protocol.RS_CLIP_READ, 32, 0, 0)
    parts = [client.receive() for _ in range(3)]  # all at once, unanswered
    assert [(a, v[:3]) for a, v in parts] == [(protocol.RS_PART, [32, i, 3]) for i in range(3)]
    ((address, reply),) = osc.decode(b"".join(v[3] for _a, v in parts))
    assert (address, reply[:3]) == (protocol.RS_CLIP_READ, [32, 0, 0])
    assert protocol.unpack_notes(reply[-1]) == sorted(MANY, key=lambda n: (n[1], n[0]))
    # the common grammar has no request id to put parts together by: answered with an error
    address, message = client.error(protocol.CLIP_GET_NOTES, 0, 0)[:2]
    assert address == protocol.CLIP_GET_NOTES
    assert "more than one datagram holds" in message and "up to 3,420" in message
    client.ask(protocol.RS_WRITE_CLIP, 33, 0, 1, 4.0, "Short", 0, protocol.pack_notes(BEAT))
    read = client.ask(protocol.RS_CLIP_READ, 34, 0, 1)  # an answer that fits: as always
    assert read[:3] == [34, 0, 1] and read[-1] == protocol.pack_notes(BEAT)


def test_a_long_answer_is_paced_for_a_client_that_queues_only_linuxs_default(host: LiveHost) -> None:
    """30,000 notes read back (9 parts, 570 kB): sent a few parts a tick, every part reaches a client
    whose socket queues Linux's default 208 kB (the kernel grants twice that), read as they come."""
    notes = [(36 + i % 48, i * 0.05, 0.04, 100, 0) for i in range(30_000)]
    # a part that never comes waits forever; one the sim answers late (3 s at load 11 on 2 cores) is no loss
    client = OscClient(host.port, timeout_s=20.0)
    try:
        client.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 212_992)
        chunks = parts_of(protocol.RS_WRITE_CLIP, 1, 0, 0, 2000.0, "Long", 1, protocol.pack_notes(notes))
        for index in range(len(chunks)):
            send_part(client, 1, index, chunks)
            client.receive()
        client.send(protocol.RS_CLIP_READ, 2, 0, 0)
        parts = [client.receive() for _ in range(9)]  # a lost part: a timeout here
        ((_address, reply),) = osc.decode(b"".join(v[3] for _a, v in parts))
        assert len(protocol.unpack_notes(reply[-1])) == 30_000
    finally:
        client.close()
