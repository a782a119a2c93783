"""/roo/live/set_cues over real UDP: named cue points at beats, renamed when one is there already,
the song time put back, refused while Live plays (the playhead would jump)."""

from __future__ import annotations

from bridge import protocol
from livesim import LiveHost
from tests.remote_scripts.osc_client import OscClient

SET = protocol.RS_SET_CUES


def cues(host: LiveHost) -> list[tuple[float, str]]:
    return host.call(lambda: [(c.time, c.name) for c in host.song.cue_points])


def test_cues_are_named_and_a_second_call_renames_them(host: LiveHost, client: OscClient) -> None:
    host.call(lambda: setattr(host.song, "current_song_time", 6.0))
    assert client.ask(SET, 1, 0.0, "intro", 32.0, "verse") == [1, 2]
    assert cues(host) == [(0.0, "intro"), (32.0, "verse")]
    assert client.ask(SET, 2, 32.0, "chorus", 64.0, "bridge") == [2, 2]
    assert cues(host) == [(0.0, "intro"), (32.0, "chorus"), (64.0, "bridge")]  # renamed, not toggled off
    assert host.call(lambda: host.song.current_song_time) == 6.0


def test_refused_while_playing_and_for_bad_pairs(host: LiveHost, client: OscClient) -> None:
    host.call(host.song.start_playing)
    assert "expected Live stopped" in client.error(SET, 3, 0.0, "intro")[1]
    host.call(host.song.stop_playing)
    assert "beats name pairs" in client.error(SET, 4, 0.0)[1]
    assert "beats -1.0 is out of range" in client.error(SET, 5, -1.0, "x")[1]
    assert cues(host) == []
