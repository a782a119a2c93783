"""The song's other parts prepared in idle time after a generate: real daemon, in-memory Live."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bridge import protocol
from bridge.actions.clips.midi import from_reading
from bridge.actions.follow import rule as follow
from bridge.prepare import describe
from engines.symbolic import describe as describe_notes
from livesim.host import LiveHost
from tests.bridge.harness import Client, running_daemon
from tests.bridge.prepare.test_prepare import job_final, until


@pytest.fixture
def live() -> Iterator[LiveHost]:
    host = LiveHost(port=0).start_in_thread()
    yield host
    host.stop()


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MUSEAROO_PREPARE", "1")
    monkeypatch.setenv("MUSEAROO_PREPARE_IDLE_S", "0.2")


def test_a_generate_takes_the_part_prepared_after_the_last_one_with_the_same_notes(
    live: LiveHost, on: None
) -> None:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            _, state, _, message = job_final(
                client, protocol.GENERATE, "drums", "track", 0, "slot", 0, "bars", 4
            )
            assert state == "done", message
            preparer = daemon.preparer
            assert preparer is not None
            until(
                "the other parts prepared",
                lambda: set(preparer.parts) == {"drums", "bass", "chords", "melody"},
                30,
            )
            seed = preparer.parts["bass"].seed
            assert f"the bass, chords, melody, drums parts (seed {seed}) ready for 'generate'" in describe(
                daemon.app
            )

            job, state, _, message = job_final(
                client, protocol.GENERATE, "bass", "track", 1, "slot", 0, "bars", 4
            )
            assert state == "done" and "(prepared)" in str(message), message
            assert "locked to the kick of track 1, scene 1" in str(message)  # it follows the selected drums
            assert job == seed and preparer.served_parts == [("bass", seed)]
            # the same request made on the spot (the seed given, so nothing prepared fits): the same notes
            args = ("bass", "track", 1, "slot", 1, "bars", 4, "seed", seed)
            _, state, _, message = job_final(client, protocol.GENERATE, *args)
            assert state == "done" and "(prepared)" not in str(message), message
            assert live.clip_notes(1, 0) and live.clip_notes(1, 0) == live.clip_notes(1, 1)
        finally:
            client.close()


def test_a_new_key_drops_the_prepared_parts_and_they_are_made_again_in_it(live: LiveHost, on: None) -> None:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            _, state, _, message = job_final(
                client, protocol.GENERATE, "drums", "track", 0, "slot", 0, "bars", 2
            )
            assert state == "done", message
            preparer = daemon.preparer
            assert preparer is not None
            until("the other parts prepared", lambda: "melody" in preparer.parts, 30)
            assert preparer.parts["melody"].ctx.key.tonic == 0  # C major, Live's
            live.call(lambda: setattr(live.song, "root_note", 7))  # G: the prepared notes no longer fit
            dropped = "the prepared melody part: the song context changed"
            until(
                "the prepared parts dropped", lambda: any(why == dropped for _, why in preparer.discarded), 10
            )
            until(
                "made again in G",
                lambda: "melody" in preparer.parts and preparer.parts["melody"].ctx.key.tonic == 7,
            )
            job, state, _, message = job_final(
                client, protocol.GENERATE, "melody", "track", 1, "slot", 0, "bars", 2
            )
            assert state == "done" and "(prepared)" in str(message), message
            assert preparer.served_parts == [("melody", job)]
        finally:
            client.close()


def test_a_vary_of_two_takes_lands_the_prepared_first_take_and_makes_the_second(
    live: LiveHost, on: None
) -> None:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            _, state, _, message = job_final(
                client, protocol.GENERATE, "drums", "track", 0, "slot", 0, "bars", 2
            )
            assert state == "done", message
            preparer = daemon.preparer
            assert preparer is not None
            until("a vary of the drums prepared", lambda: "drums" in preparer.parts, 30)
            job, state, _, message = job_final(client, protocol.COMMAND, "two variations of the drums")
            assert state == "done", message
            first, second = str(message).split("; ")
            assert "(prepared)" in first and "(prepared)" not in second, message
            assert preparer.served_parts == [("drums", job)]
            assert live.clip_notes(0, 1) and live.clip_notes(0, 2)  # both takes landed below the first
        finally:
            client.close()


def test_the_selected_clip_live_pushes_is_described_before_the_click(
    live: LiveHost, on: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MUSEAROO_PREPARE_IDLE_S", "60")  # no parts prepared meanwhile: only this
    chords = [(57, 0.0, 4.0, 90, 0), (60, 0.0, 4.0, 90, 0), (64, 0.0, 4.0, 90, 0), (65, 4.0, 4.0, 90, 0)]
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            client.send(protocol.CLIP_SLOT_CREATE_CLIP, 0, 0, 8.0, port=live.port)  # the selected slot
            client.send(protocol.CLIP_ADD_NOTES, 0, 0, *[v for n in chords for v in n], port=live.port)
            until(
                "Live pushed the selected clip",
                lambda: len(getattr(daemon.live.readings.get((0, 0)), "notes", [])) == 4,
                10,
            )
            clip = from_reading(daemon.live.readings[(0, 0)], daemon.live.pushed, protocol.GENERATE)
            key = (clip.digest, clip.drums_by_name)
            until("the pushed clip described", lambda: key in follow._described, 10)
            assert follow._described[key] == describe_notes(clip.notes, clip.length_beats)
            assert follow.described(clip) is follow._described[key]  # a generate takes it as it is
            _, state, _, message = job_final(
                client, protocol.GENERATE, "bass", "track", 1, "slot", 0, "bars", 2
            )
            assert state == "done" and "following track 1, scene 1" in str(message), message
        finally:
            client.close()
