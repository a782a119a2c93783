"""/roo/live/rewrite_arrangement_clips over real UDP: several MIDI clips, each at its own start and
length (a change over a song section rewrites every clip it touches), in one undo step; a bad clip
refuses the whole request before any clip is made."""

from __future__ import annotations

from bridge import protocol
from livesim import LiveHost, SetDesc, TrackDesc
from tests.remote_scripts.conftest import start_host
from tests.remote_scripts.osc_client import OscClient

BEAT = [(36, 0.0, 0.25, 110, 0), (42, 0.5, 0.25, 80, 1), (38, 1.0, 0.25, 100, 0)]
REWRITE = protocol.RS_REWRITE_ARRANGEMENT_CLIPS
WRITE = protocol.RS_WRITE_ARRANGEMENT_CLIP


def test_clips_at_their_own_places_in_one_undo_step(host: LiveHost, client: OscClient) -> None:
    client.ask(WRITE, "w", 0, 0.0, 16.0, "old", 0, protocol.pack_notes(BEAT))
    blob = protocol.pack_notes(BEAT)
    reply = client.ask(REWRITE, 7, 0, 0.0, 8.0, "a", 3, blob, 0, 8.0, 8.0, "b", 0, 1, 4.0, 4.0, "c", 3, blob)
    assert reply == [7, 0, 0.0, 3, 0, 8.0, 0, 1, 4.0, 3]
    assert [(c[0], c[1], c[2], len(c[3])) for c in host.arrangement_clips(0)] == [
        (0.0, 8.0, "a", 3),
        (8.0, 8.0, "b", 0),
    ]
    assert [(c[0], c[2]) for c in host.arrangement_clips(1)] == [(4.0, "c")]
    client.send(protocol.SONG_UNDO)
    assert client.ask(protocol.RS_CONTEXT_GET, 1)[0] == 1  # answered after the undo
    assert [c[2] for c in host.arrangement_clips(0)] == ["old"] and host.arrangement_clips(1) == []


def test_a_bad_clip_refuses_the_whole_request(host: LiveHost, client: OscClient) -> None:
    blob = protocol.pack_notes(BEAT)
    overlap = client.error(REWRITE, 1, 0, 0.0, 8.0, "a", 3, blob, 0, 4.0, 8.0, "b", 0)
    assert "track 1 '1-MIDI': clips at bar 1.1 and bar 2.1 overlap: expected apart" in overlap[1], overlap
    count = client.error(REWRITE, 2, 0, 0.0, 8.0, "a", 2, blob)
    assert "track 1 '1-MIDI', the clip 'a' at bar 1.1: note_count 2, the blob holds 3" in count[1], count
    short = client.error(REWRITE, 3, 0, 0.0, 8.0, "a", 0, 1, 4.0)
    assert "expected track, start_beats, length_beats, name, note_count" in short[1], short
    assert host.arrangement_clips(0) == [] and host.arrangement_clips(1) == []


def test_refusals_name_places_as_live_shows_them_in_the_sets_signature() -> None:
    """Round 37: in 3/4 beat 9 is Live's bar 4.1; tracks count from 1 with their names, as the daemon's
    answers say them; the beat the caller sent is kept beside the bar."""
    live = start_host(
        SetDesc(signature=(3, 4), tracks=(TrackDesc("midi", "Keys"), TrackDesc("midi", "Bass")))
    )
    client = OscClient(live.port)
    try:
        blob = protocol.pack_notes(BEAT)
        client.ask(WRITE, "w", 1, 9.0, 6.0, "riff", 0, blob)
        at = client.error(protocol.RS_ARRANGEMENT_CLIP_AT, 2, 1, 1.5)[1]
        assert at == (
            "track 2 'Bass' holds no arrangement clip at bar 1.2.3 (beat 1.5): expected a place inside one of "
            "its clips (bars 4.1..6.1)"
        ), at
        over = client.error(WRITE, 3, 1, 12.0, 3.0, "x", 0, blob)[1]
        assert (
            "track 2 'Bass', the clip 'riff' at bar 4.1 (to bar 6.1) lies over bars 5.1..6.1: expected"
            in over
        ), over
        twice = client.error(protocol.RS_WRITE_ARRANGEMENT_CLIPS, 4, 0.0, 3.0, 0, 0, "a", blob, 0, "b", blob)[
            1
        ]
        assert "track 1 'Keys' is named twice: expected one clip per track" in twice, twice
    finally:
        client.close()
        live.stop()
