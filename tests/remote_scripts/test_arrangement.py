"""/roo/live/write_arrangement_clip over real UDP: clips in the arrangement on Live 12.1.10+."""

from __future__ import annotations

from pathlib import Path

from bridge import protocol
from livesim import LiveHost
from tests.remote_scripts.conftest import small_set, start_host
from tests.remote_scripts.osc_client import OscClient

BEAT = [(36, 0.0, 0.25, 110, 0), (42, 0.5, 0.25, 80, 1), (38, 1.0, 0.25, 100, 0)]
WRITE = protocol.RS_WRITE_ARRANGEMENT_CLIP


def test_clip_at_the_start_with_its_notes(host: LiveHost, client: OscClient) -> None:
    reply = client.ask(WRITE, 5, 1, 0.0, 8.0, "verse", 0, protocol.pack_notes(BEAT))
    assert reply == [5, 1, 0.0, 3]
    assert host.arrangement_clips(1) == [(0.0, 8.0, "verse", BEAT)]
    assert host.arrangement_clips(0) == []


def test_clips_follow_each_other_and_undo_takes_one_back(host: LiveHost, client: OscClient) -> None:
    assert client.ask(WRITE, "a", 0, 0.0, 16.0, "intro", 0, protocol.pack_notes(BEAT))[3] == 3
    assert client.ask(WRITE, "b", 0, 16.0, 4.0, "empty", 0) == ["b", 0, 16.0, 0]  # no blob: no notes
    clips = host.arrangement_clips(0)
    assert [(c[0], c[1], c[2], len(c[3])) for c in clips] == [
        (0.0, 16.0, "intro", 3),
        (16.0, 4.0, "empty", 0),
    ]
    client.send(protocol.SONG_UNDO)
    assert client.ask(protocol.RS_CONTEXT_GET, 1)[0] == 1  # answered after the undo
    assert [c[2] for c in host.arrangement_clips(0)] == ["intro"]


def test_older_live_is_told_to_keep_to_scenes() -> None:
    host = start_host(version=(12, 1, 0))
    client = OscClient(host.port)
    try:
        error = client.error(WRITE, 9, 0, 0.0, 4.0, "x", 0, protocol.pack_notes(BEAT))
        assert error[0] == WRITE and error[2] == 9
        assert "12.1.10" in error[1] and "Live 12.1.0" in error[1] and "scenes" in error[1]
        old = start_host(version=(12, 0, 0))
        try:
            other = OscClient(old.port)
            assert "Live 12.0.0" in other.error(WRITE, 1, 0, 0.0, 4.0, "x", 0)[1]
            other.close()
        finally:
            old.stop()
        assert host.errors == [] and old.errors == []
    finally:
        client.close()
        host.stop()


def test_bad_requests_are_answered_and_change_nothing() -> None:
    host = start_host(small_set())
    client = OscClient(host.port)
    try:
        audio = client.error(WRITE, 2, 2, 0.0, 4.0, "x", 0, protocol.pack_notes(BEAT))
        assert "track 3 'Loops' is an audio track" in audio[1] and audio[2] == 2
        assert "track 7 is out of range" in client.error(WRITE, 3, 7, 0.0, 4.0, "x", 0)[1]
        assert "start_beats 1576801.0 is out of range" in client.error(WRITE, 4, 0, 1576801.0, 4.0, "x", 0)[1]
        assert "start_beats -1.0 is out of range" in client.error(WRITE, 4, 0, -1.0, 4.0, "x", 0)[1]
        bad_pitch = protocol.pack_notes([(128, 0.0, 1.0, 100, 0)])
        assert "note 0: pitch 128" in client.error(WRITE, 5, 0, 0.0, 4.0, "x", 0, bad_pitch)[1]
        assert "not a multiple of 19-byte" in client.error(WRITE, 6, 0, 0.0, 4.0, "x", 0, b"\x01\x02")[1]
        assert "takes 6..7 argument(s)" in client.error(WRITE, 7, 0, 0.0)[1]
        assert host.arrangement_clips(0) == [] and host.arrangement_clips(1) == []
        assert client.ask(WRITE, 8, 1, 1576800.0, 4.0, "last", 0)[2] == 1576800.0  # the last allowed start
        assert host.errors == []
    finally:
        client.close()
        host.stop()


def test_an_overlap_is_refused_unless_replace_which_cuts_only_the_region(
    host: LiveHost, client: OscClient
) -> None:
    assert client.ask(WRITE, 1, 0, 0.0, 16.0, "verse", 0, protocol.pack_notes(BEAT))[3] == 3
    refused = client.error(WRITE, 2, 0, 4.0, 4.0, "fill", 0, protocol.pack_notes(BEAT))
    assert (
        "track 1 '1-MIDI', the clip 'verse' at bar 1.1 (to bar 5.1) lies over bars 2.1..3.1" in refused[1]
        and "replace 1" in refused[1]
    )
    assert [(c[0], c[1], c[2]) for c in host.arrangement_clips(0)] == [(0.0, 16.0, "verse")]
    assert client.ask(WRITE, 3, 0, 4.0, 4.0, "fill", 1, protocol.pack_notes(BEAT))[3] == 3
    clips = host.arrangement_clips(0)
    assert [(c[0], c[1], c[2]) for c in clips] == [
        (0.0, 4.0, "verse"),
        (4.0, 4.0, "fill"),
        (8.0, 8.0, "verse"),
    ]
    assert clips[0][3] == BEAT  # the verse's notes before the cut stay; those after it start at the piece
    assert "replace 2 is out of range" in client.error(WRITE, 4, 0, 0.0, 4.0, "x", 2)[1]


AUDIO = protocol.RS_IMPORT_ARRANGEMENT_AUDIO


def test_audio_into_the_arrangement_locked_and_refused_where_it_would_cover_a_clip(
    host: LiveHost, client: OscClient, wav_file: Path
) -> None:
    path = str(wav_file)  # 2 s: 4 beats at 120 BPM, 2 beats at 60
    assert client.ask(AUDIO, 1, 4, 8.0, path, "loop", 1, 60.0, 0) == [1, 4, 8.0, 2.0]
    spans = host.call(
        lambda: [(c.start_time, c.end_time, c.name) for c in host.song.tracks[4].arrangement_clips]
    )
    assert spans == [(8.0, 10.0, "loop")]
    refused = client.error(AUDIO, 2, 4, 9.0, path, "again", 1, 60.0, 0)[1]
    assert "track 5 '5-Audio', the clip 'loop' at bar 3.1 (to bar 3.3) lies over bars 3.2..3.4" in refused
    assert client.ask(AUDIO, 3, 4, 9.0, path, "again", 1, 60.0, 1)[3] == 2.0  # replace 1: cuts it
    assert "is a MIDI track" in client.error(AUDIO, 4, 0, 0.0, path, "x", 1, 120.0, 0)[1]
    assert "existing audio file" in client.error(AUDIO, 5, 4, 0.0, path + ".missing", "x", 1, 120.0, 0)[1]


def test_audio_before_12_0_5_is_refused_naming_the_version(wav_file: Path) -> None:
    old = start_host(version=(12, 0, 0))
    client = OscClient(old.port)
    try:
        error = client.error(AUDIO, 1, 4, 0.0, str(wav_file), "x", 1, 120.0, 0)[1]
        assert "12.0.5" in error and "Live 12.0.0" in error
        assert old.call(lambda: list(old.song.tracks[4].arrangement_clips)) == []
    finally:
        client.close()
        old.stop()
