"""Round 39 (m3): the daemon's background warm-up (``roo serve``: ``reader.warm`` then ``offered.warm``, the
examples questions offer read ahead) delays no command. With the warm-up held in the middle of its reading
(inside a batch: its read-ahead open, the encoder loaded), a typed command sent to the real daemon on the
in-memory Live is answered, and as it is answered without the warm-up, while the warm-up still runs."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from bridge import protocol
from bridge.commands import agree, offered, reader
from livesim.host import LiveHost
from livesim.live_set import ClipDesc, SetDesc, TrackDesc
from tests.bridge.harness import daemon_client

SENTENCE = "mute the bass"  # a mixer change: answered at once, no engine to run


@pytest.fixture
def live() -> Iterator[LiveHost]:
    desc = SetDesc(
        tracks=(TrackDesc("midi", "Drums", clips=(ClipDesc(0),)), TrackDesc("midi", "Bass")),
        selected_track=0,
        selected_scene=0,
    )
    host = LiveHost(desc, port=0).start_in_thread()
    yield host
    host.stop()


def answer(live: LiveHost) -> tuple[str, str, float]:
    """The command's final state and message, and the seconds it took, through the real daemon."""
    with daemon_client(live.port) as client:
        start = time.perf_counter()
        client.send(protocol.COMMAND, SENTENCE)
        _, state, _, message = client.wait_final(60)
        return str(state), str(message), time.perf_counter() - start


@pytest.mark.usefixtures("learned_reading")
def test_a_command_is_answered_while_the_warm_up_is_still_reading(live: LiveHost) -> None:
    offered._READ.clear()
    reader.reading_of("warm up")  # the encoder loaded here, as the warm-up's first step loads it
    cold = answer(live)
    offered._READ.clear()
    inside, release = threading.Event(), threading.Event()
    read: list[str] = []

    def held(text: str) -> object:
        """The warm-up's reading of an example, held after its first: the warm-up stays in its batch."""
        got = agree.parse(text)
        read.append(text)
        if len(read) == 1:
            inside.set()
            release.wait(120)
        return got

    thread = reader.warm(then=lambda: offered.warm(held))  # as roo serve starts it
    assert thread is not None
    try:
        assert inside.wait(300), "the warm-up never reached its first example"
        state, message, took = answer(live)
        assert thread.is_alive() and len(read) == 1, "the warm-up ended before the command was answered"
    finally:
        release.set()
        thread.join(300)
    assert (state, message) == cold[:2], (state, message, cold)
    assert state == "done" and "'Bass'" in message, message
    assert took < max(5.0, 3 * cold[2]), (
        f"answered in {took:.2f} s with the warm-up running, {cold[2]:.2f} s without"
    )
