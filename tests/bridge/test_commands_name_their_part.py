"""Issue 57, problem 2: a command about a part the Set holds no clip of changes nothing.

On a Set with only a chords clip, typed changes of the drums each answer with a question and write
nothing (before, each wrote a copy of the chords clip, and "busier" put drums on the chords track);
a yes then makes the drums on a track of their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bridge import protocol
from bridge.history import open_store
from livesim.host import LiveHost
from livesim.live_set import ClipDesc, SetDesc, TrackDesc
from tests.bridge.harness import Client, daemon_client, open_another_set, running_daemon

CHORD_ROWS = tuple(
    (60 + (r + i) % 12, bar * 4.0, 4.0, 80, 0) for bar, r in enumerate((0, 5, 7, 0)) for i in (0, 4, 7)
)


@pytest.fixture
def live() -> Iterator[LiveHost]:
    tracks = (
        TrackDesc("midi", "Chords", (ClipDesc(0, "Chords", 16.0, CHORD_ROWS),)),
        TrackDesc("midi", "2-MIDI"),
    )
    host = LiveHost(SetDesc(tracks=tracks, selected_track=0, selected_scene=0), port=0).start_in_thread()
    yield host
    host.stop()


def clips(live: LiveHost) -> list[tuple[int, int, str]]:
    return live.call(
        lambda: [
            (t, s, slot.clip.name)
            for t, track in enumerate(live.song.tracks)
            for s, slot in enumerate(track.clip_slots)
            if slot.has_clip
        ]
    )


def said(client: Client, text: str) -> str:
    client.send(protocol.COMMAND, text)
    _job, state, _progress, message = client.wait_final(timeout=30.0)
    assert state == "done", message
    return str(message)


@pytest.mark.parametrize(
    "text",
    [
        "add some swing to the drums",
        "make the drums half time",
        "take the hi-hats out of the drums",
        "make the drums busier",
    ],
)
def test_a_change_of_drums_in_a_set_without_drums_asks_and_writes_nothing(live: LiveHost, text: str) -> None:
    before = clips(live)
    with daemon_client(live.port) as client:
        answer = said(client, text)
        assert "there is no drums clip: make one?" in answer, answer
        assert clips(live) == before  # nothing written, the chords clip untouched
        assert live.call(lambda: len(live.song.tracks)) == 2
        made = said(client, "yes")  # the question's yes makes the part, on a track of its own
        assert "drums -> track 3 'Drums' (a new MIDI track for the part)" in made, made
        assert [c for c in clips(live) if c not in before] == [(2, 0, clips(live)[-1][2])]


def test_a_transpose_says_and_records_the_key_of_the_notes_written(live: LiveHost, tmp_path: Path) -> None:
    """Problem 4: a transpose by -2 of a C major clip says B-flat major, and its take records it."""
    store = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path / "data")
    try:
        with daemon_client(live.port, history=store) as client:
            answer = said(client, "transpose the chords down 2 semitones")
            assert "now Bb major (the clip's C major moved -2 semitones)" in answer, answer
            assert "kept C major" not in answer and "read C major" not in answer
            take = store.get(answer.rsplit("(take ", 1)[1].split(")")[0])
            assert take.context["key"] == "Bb major"
            written = {n["pitch"] % 12 for n in take.notes or ()}
            assert written == {10, 2, 5, 3, 7, 0, 9}  # Bb, Eb and F major triads: Bb major's notes
    finally:
        store.close()


def test_a_question_asked_in_one_set_is_not_answered_in_another(live: LiveHost) -> None:
    """The "make one?" of one Set: a yes after another Set opened makes nothing there."""
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            assert "there is no drums clip: make one?" in said(client, "make the drums busier")
            open_another_set(
                live, daemon, SetDesc(tracks=(TrackDesc("midi", "Keys"), TrackDesc("midi", "Drums")))
            )
            answer = said(client, "yes")
            assert "nothing is waiting for a yes or no in this Set" in answer, answer
            assert clips(live) == []  # the new Set: nothing made
        finally:
            client.close()
