"""/roo/live/rewrite_arrangement_clips over real UDP: several MIDI clips, each at its own start and
length (a change over a song section rewrites every clip it touches), in one undo step; a bad clip
refuses the whole request before any clip is made."""

from __future__ import annotations

from bridge import protocol
from livesim import LiveHost
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
    assert "overlap" in overlap[1], overlap
    count = client.error(REWRITE, 2, 0, 0.0, 8.0, "a", 2, blob)
    assert "note_count 2, the blob holds 3" in count[1], count
    short = client.error(REWRITE, 3, 0, 0.0, 8.0, "a", 0, 1, 4.0)
    assert "expected track, start_beats, length_beats, name, note_count" in short[1], short
    assert host.arrangement_clips(0) == [] and host.arrangement_clips(1) == []
