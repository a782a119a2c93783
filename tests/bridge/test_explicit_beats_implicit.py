"""Issue 57, problems 3 and 4: a key said in the request wins over what was analysed or followed,
analysed chords are followed only while they hold (their clip there and unchanged, Live's key the one
they were analysed under, the Set they came from), and the done message and the take's context say
the key of the notes written, never the request's or an old clip's key copied.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bridge import protocol
from bridge.history import Store, open_store
from livesim.host import LiveHost
from livesim.live_set import ClipDesc, SetDesc, TrackDesc
from tests.bridge.harness import Client, daemon_client, open_another_set, running_daemon

# A minor | G major, twice: an A minor clip with B naturals (G major's third)
VAMP = tuple(
    (pitch, bar * 4.0, 4.0, 80, 0)
    for bar, chord in enumerate(((57, 60, 64), (55, 59, 62)) * 2)
    for pitch in chord
)
B_NATURAL, C_SHARP = 11, 1


@pytest.fixture
def live() -> Iterator[LiveHost]:
    tracks = (TrackDesc("midi", "Keys", (ClipDesc(0, "Vamp", 16.0, VAMP),)), TrackDesc("midi", "2-MIDI"))
    host = LiveHost(SetDesc(tracks=tracks, selected_track=1, selected_scene=0), port=0).start_in_thread()
    yield host
    host.stop()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    found = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path / "data")
    yield found
    found.close()


def done(client: Client, address: str, *args: object) -> str:
    client.send(address, *args)
    _job, state, _progress, message = client.wait_final(timeout=30.0)
    assert state == "done", message
    return str(message)


def take_of(message: str) -> str:
    return message.rsplit("(take ", 1)[1].split(")")[0]


def classes(store: Store, take_id: str) -> set[int]:
    return {n["pitch"] % 12 for n in store.get(take_id).notes or ()}


def test_a_key_given_wins_over_analysed_chords_and_they_hold_only_while_their_clip_does(
    live: LiveHost, store: Store
) -> None:
    with running_daemon(live_port=live.port, history=store) as daemon:
        client = Client(daemon.port)
        assert "A minor" in done(client, protocol.ANALYZE, 0, 0)
        said = done(client, protocol.GENERATE, "chords", "key", "D minor", "bars", 4, "seed", 1)
        assert "the key D minor (given)" in said and "not followed: the key D minor was given" in said, said
        take = take_of(said)
        assert B_NATURAL not in classes(store, take) and store.get(take).context["key"] == "D minor"
        # without a key the analysed chords are followed while their clip is there, unchanged
        said = done(client, protocol.GENERATE, "chords", "bars", 4, "seed", 2)
        assert "following: the analysed chords of track 1, scene 1" in said, said
        assert B_NATURAL in classes(store, take_of(said))
        live.call(lambda: live.song.tracks[0].clip_slots[0].clip.remove_notes_extended(0, 128, 4.0, 4.0))
        said = done(client, protocol.GENERATE, "chords", "bars", 4, "seed", 3)
        assert "not followed: that clip changed or went" in said, said
        assert "following: Live's key C major and the genre's progression" in said, said
        # analysed again, then Live's key changed by the producer: noticed, the analysis not followed
        done(client, protocol.ANALYZE, 0, 0)
        live.call(lambda: setattr(live.song, "root_note", 7))
        said = done(client, protocol.GENERATE, "chords", "bars", 4, "seed", 4)
        assert "not followed: Live's key changed since" in said and "Live's key G major" in said, said
        # and another Set never follows this Set's analysis
        done(client, protocol.ANALYZE, 0, 0)
        open_another_set(
            live, daemon, SetDesc(tracks=(TrackDesc("midi", "Keys"), TrackDesc("midi", "Drums")))
        )
        said = done(client, protocol.GENERATE, "chords", "bars", 4, "seed", 5)
        assert "analysed" not in said and "Live's key C major" in said, said
        assert C_SHARP not in classes(store, take_of(said))
        client.close()


def test_a_bass_in_the_key_asked_says_that_key_not_the_followed_takes(live: LiveHost, store: Store) -> None:
    """Problem 4: a funk bass "in E minor" over a selected A minor chords take says and records E minor."""
    with daemon_client(live.port, history=store) as client:
        chords = done(client, protocol.GENERATE, "chords", "key", "A minor", "bars", 4, "seed", 1, "track", 1)
        assert "in track 2, scene 1" in chords, chords
        said = done(client, protocol.COMMAND, "a funk bass in E minor")
        assert "kept A minor" not in said, said
        assert "not its chords in A minor: the key E minor was given" in said, said
        take = store.get(take_of(said))
        assert take.context["key"] == "E minor" and not take.context.get("chords"), take.context
        assert classes(store, take.take_id) <= {4, 6, 7, 9, 11, 0, 2}  # E minor's notes only
