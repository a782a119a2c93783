"""Whole path through the in-memory Live: /roo/transform, /roo/generate following a source MIDI clip,
and /roo/analyze of a MIDI clip setting the song's chords."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest

from bridge import protocol
from livesim.host import LiveHost
from livesim.live_set import ClipDesc, SetDesc, TrackDesc
from tests.bridge.harness import Client, running_daemon

# Am | F | E | Am, one bar each, as block chords with the bass an octave down
PROGRESSION = ((9, (0, 3, 7)), (5, (0, 4, 7)), (4, (0, 4, 7)), (9, (0, 3, 7)))
CHORD_ROWS = tuple(
    row
    for bar, (root, shape) in enumerate(PROGRESSION)
    for row in [(36 + root, bar * 4.0, 4.0, 90, 0)]
    + [(60 + (root + i) % 12, bar * 4.0, 4.0, 80, 0) for i in shape]
)
BASS_ROWS = tuple((33 + (k % 3) * 2, k * 1.5, 0.5, 100, 0) for k in range(10))  # onsets every 1.5 beats
DRUM_ROWS = tuple((p, t * 0.5, 0.25, 100, 0) for t in range(16) for p in ((36, 42) if t % 4 == 0 else (42,)))


def chord_tones_at(beat: float) -> set[int]:
    root, shape = PROGRESSION[int(beat // 4) % 4]
    return {(root + i) % 12 for i in shape}


@pytest.fixture
def live() -> Iterator[LiveHost]:
    tracks = (
        TrackDesc("midi", "Keys", (ClipDesc(0, "Keys", 16.0, CHORD_ROWS),)),
        TrackDesc("midi", "Bass", (ClipDesc(0, "Bassline", 16.0, BASS_ROWS),)),
        TrackDesc("midi", "Drums", (ClipDesc(0, "Beat", 8.0, DRUM_ROWS),)),
        TrackDesc("midi", "4-MIDI"),
        TrackDesc("audio", "5-Audio"),
    )
    host = LiveHost(SetDesc(tracks=tracks, root_note=2, scale_name="Dorian"), port=0).start_in_thread()
    yield host
    host.stop()


@pytest.fixture
def client(live: LiveHost) -> Iterator[Client]:
    with running_daemon(live_port=live.port) as daemon:
        c = Client(daemon.port)
        c.daemon = daemon  # type: ignore[attr-defined]  # to wait for Live's pushed context
        yield c
        c.close()


def pushed_selection(client: Client, track: int, timeout_s: float = 5.0) -> None:
    """Wait until Live's pushed context, as the daemon holds it, selects ``track``."""
    end = time.monotonic() + timeout_s
    while (ctx := client.daemon.live.pushed) is None or ctx.selected_track != track:  # type: ignore[attr-defined]
        assert time.monotonic() < end, "Live pushed no context with the new selection"
        time.sleep(0.01)


def done(client: Client) -> str:
    _job, state, _progress, message = client.wait_final()
    assert state == "done", message
    return str(message)


def test_half_time_goes_to_the_next_empty_slot_and_doubles_every_onset(
    live: LiveHost, client: Client
) -> None:
    client.send(protocol.TRANSFORM, "half_time", "track", 1, "slot", 0)
    message = done(client)
    assert "track 2, scene 2" in message
    assert live.clip_notes(1, 0) == sorted(BASS_ROWS, key=lambda r: (r[1], r[0]))  # the source is left alone
    assert sorted(n[1] for n in live.clip_notes(1, 1)) == sorted(2 * r[1] for r in BASS_ROWS)
    props = live.clip_properties(1, 1)
    assert props is not None and props["length"] == 32.0


def test_transpose_with_replace_rewrites_the_clip_in_place(live: LiveHost, client: Client) -> None:
    client.send(protocol.TRANSFORM, "transpose", "track", 0, "slot", 0, "semitones", 3, "replace", 1)
    assert "track 1, scene 1" in done(client)
    assert sorted(n[0] for n in live.clip_notes(0, 0)) == sorted(r[0] + 3 for r in CHORD_ROWS)


def test_drums_remove_hats_leaves_the_kicks_only(live: LiveHost, client: Client) -> None:
    client.send(protocol.TRANSFORM, "drums_remove", "track", 2, "slot", 0, "voices", "hats")
    done(client)
    assert {n[0] for n in live.clip_notes(2, 1)} == {36}


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["wobble", "track", 0, "slot", 0], "'wobble'"),
        (["drums_remove", "track", 2, "slot", 0], "needs voices"),
        (["drums_remove", "track", 2, "slot", 0, "voices", "cowbells"], "'cowbells'"),
        (["humanize", "track", 0, "slot", 5], "empty"),
        (["humanize", "slot", 0], "needs track"),
        (["swing", "track", 0, "slot", 0, "amount", 2.0], "amount 2.0"),
    ],
)
def test_bad_transforms_fail_naming_the_value(
    live: LiveHost, client: Client, args: list[object], named: str
) -> None:
    client.send(protocol.TRANSFORM, *args)
    _job, state, _p, message = client.wait_final()
    assert state == "failed" and named in message
    assert live.clip_properties(0, 1) is None and live.clip_properties(2, 1) is None  # nothing written


def test_a_bass_follows_a_named_chord_clip(live: LiveHost, client: Client) -> None:
    client.send(
        protocol.GENERATE,
        "bass",
        "track",
        3,
        "slot",
        0,
        "bars",
        8,
        "seed",
        2,
        "source_track",
        0,
        "source_slot",
        0,
    )
    message = done(client)
    assert "following track 1, scene 1 ('Keys'): 4 chords, A minor" in message
    bass = live.clip_notes(3, 0)
    changes = [n for n in bass if n[1] % 4 < 0.05]
    assert changes and all(n[0] % 12 in chord_tones_at(n[1]) for n in changes)


def test_the_selected_midi_clip_is_the_default_source(live: LiveHost, client: Client) -> None:
    live.call(lambda: setattr(live.song.view, "selected_track", live.song.tracks[0]))
    client.send(protocol.GENERATE, "melody", "track", 3, "slot", 1, "bars", 4, "seed", 1)
    assert "following track 1, scene 1 ('Keys')" in done(client)


def test_drums_lock_their_kick_to_the_bassline(live: LiveHost, client: Client) -> None:
    client.send(
        protocol.GENERATE, "drums", "track", 3, "slot", 2, "bars", 4, "source_track", 1, "source_slot", 0
    )
    assert "kick on the onsets of track 2, scene 1 ('Bassline')" in done(client)
    kicks = sorted(n[1] for n in live.clip_notes(3, 2) if n[0] in (35, 36))
    bass_onsets = sorted({r[1] + loop * 16 for r in BASS_ROWS for loop in range(1)})
    assert kicks == bass_onsets


def test_analyze_of_a_midi_clip_sets_the_song_chords(live: LiveHost, client: Client) -> None:
    client.send(protocol.ANALYZE, 0, 0, "apply", 1)
    result = client.wait_for(protocol.RESULT)
    data = json.loads(result[2])
    assert result[1] == "analysis" and data["backend"] == "midi" and data["key"] == "A minor"
    assert [c["label"] for c in data["chords"]] == ["A:min", "F:maj", "E:maj", "A:min"]
    message = done(client)
    assert "A minor, 4 chords" in message and "scale_name Minor" in message
    assert live.call(lambda: (live.song.root_note, live.song.scale_name)) == (9, "Minor")
    # parts written now follow those chords without naming a source (no MIDI clip is selected)
    live.call(lambda: setattr(live.song.view, "selected_track", live.song.tracks[3]))
    pushed_selection(client, 3)  # the daemon knows the selection from Live's next push
    client.send(protocol.GENERATE, "bass", "track", 3, "slot", 3, "bars", 4, "seed", 5)
    # and the done message says so (the follow rule: the last analysis before Live's key)
    assert "following: the analysed chords of track 1, scene 1 ('Keys')" in done(client)
    changes = [n for n in live.clip_notes(3, 3) if n[1] % 4 < 0.05]
    assert changes and all(n[0] % 12 in chord_tones_at(n[1]) for n in changes)


def test_analyze_of_a_drum_clip_keeps_the_chords_and_warp_is_refused(live: LiveHost, client: Client) -> None:
    client.send(protocol.ANALYZE, 2, 0)
    assert "no key (no pitched notes)" in done(client)
    client.send(protocol.ANALYZE, 0, 0, "warp", 1)
    _job, state, _p, message = client.wait_final()
    assert state == "failed" and "warp 1 needs an audio clip" in message


def test_a_bass_over_a_drum_clip_locks_to_its_kick_and_a_melody_ignores_it(
    live: LiveHost, client: Client
) -> None:
    client.send(
        protocol.GENERATE, "bass", "track", 3, "slot", 4, "bars", 2, "source_track", 2, "source_slot", 0
    )
    assert "locked to the kick of track 3, scene 1 ('Beat')" in done(client)
    kicks = {r[1] for r in DRUM_ROWS if r[0] == 36}  # beats 0, 2, 4 and 6 of the 2-bar clip
    starts = [n[1] for n in live.clip_notes(3, 4)]
    assert all(any(abs(s - k) < 0.05 for s in starts) for k in kicks)  # pop's bass plays on the kick
    client.send(
        protocol.GENERATE, "melody", "track", 3, "slot", 5, "bars", 2, "source_track", 2, "source_slot", 0
    )
    # a drum clip leads no melody: it follows Live's key and the genre's progression, and says so
    said = done(client)
    assert "following: Live's key D dorian and the genre's progression" in said and live.clip_notes(3, 5)
    assert "track 3, scene 1" not in said


def test_humanize_zero_through_live_is_an_exact_copy_beside_the_source(
    live: LiveHost, client: Client
) -> None:
    client.send(protocol.TRANSFORM, "humanize", "track", 0, "slot", 0, "amount", 0.0)
    assert "track 1, scene 2" in done(client)
    assert live.clip_notes(0, 1) == live.clip_notes(0, 0)
    props = live.clip_properties(0, 1)
    assert props is not None and props["length"] == 16.0


def test_all_parts_follow_a_source_clip(live: LiveHost, client: Client) -> None:
    client.send(
        protocol.GENERATE, "all", "slot", 2, "bars", 4, "seed", 3, "source_track", 0, "source_slot", 0
    )
    message = done(client)
    assert "following track 1, scene 1 ('Keys'): 4 chords, A minor" in message
    names = live.call(lambda: [t.name.lower() for t in live.song.tracks])
    bass = live.clip_notes(names.index("bass"), 2)  # the track named Bass
    changes = [n for n in bass if n[1] % 4 < 0.05]
    assert changes and all(n[0] % 12 in chord_tones_at(n[1]) for n in changes)
