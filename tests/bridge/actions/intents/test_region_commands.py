"""Issue 43: after cue points are laid, "the chorus", "the second verse", "bar 17", "bars 17 to 24"
name a region of the Arrangement in typed commands: "make drums for the chorus" generates in the
Arrangement at the chorus cue's region, read from Live's cue points. Parser tests, and the whole path
(daemon + the real Remote Script in the in-memory Live)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bridge import protocol
from bridge.actions.place.places import bar_beat
from bridge.commands.parser import parse
from livesim.host import LiveHost
from livesim.live_set import SetDesc, TrackDesc
from tests.bridge.harness import Client, running_daemon

CUES = ((0.0, "intro"), (16.0, "verse"), (32.0, "chorus"), (48.0, "verse 2"), (64.0, "outro"))


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("make drums for the chorus", {"section": "chorus", "nth": 1}),
        ("a bassline for the second verse", {"section": "verse", "nth": 2}),
        ("jazz chords for the last chorus", {"section": "chorus", "nth": -1}),
        ("drums at bar seventeen", {"first_bar": 17}),
        ("chords for bars 17 to 24", {"first_bar": 17, "last_bar": 24}),
    ],
)
def test_a_region_in_words_is_parsed(text: str, region: dict[str, object]) -> None:
    intent = parse(text)
    assert intent.action == "generate" and intent.params["region"] == region, intent


def test_sentences_without_a_region_stay_as_they_were() -> None:
    assert "region" not in parse("four bars of jazz chords").params
    assert parse("mute the hats in bar two").action == "transform"


@pytest.fixture
def live() -> Iterator[LiveHost]:
    tracks = (TrackDesc("midi", "Drums"), TrackDesc("midi", "Bass"), TrackDesc("midi", "Keys"))
    host = LiveHost(SetDesc(tracks=tracks), port=0).start_in_thread()
    lay_cues(host)
    yield host
    host.stop()


def lay_cues(host: LiveHost) -> None:
    """CUES as named cue points, set as a user does (the playhead moved, Live's cue toggled)."""

    def lay() -> None:
        for at, name in CUES:
            host.song.current_song_time = at
            host.song.set_or_delete_cue()
            next(c for c in host.song.cue_points if c.time == at).name = name
        host.song.current_song_time = 0.0

    host.call(lay)


def spans(live: LiveHost, track: int) -> list[tuple[float, float]]:
    return [(c.start_time, c.end_time) for c in live.call(lambda: live.song.tracks[track].arrangement_clips)]


def command(client: Client, text: str) -> tuple[str, str]:
    client.send(protocol.COMMAND, text)
    _, state, _, message = client.wait_final(30)
    return str(state), str(message)


def test_commands_write_at_the_region_their_words_name(live: LiveHost) -> None:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            state, said = command(client, "make drums for the chorus")
            assert state == "done" and "the chorus at beat 32" in said, said
            assert spans(live, 0) == [(32.0, 48.0)]
            state, said = command(client, "a bassline for the second verse")
            assert state == "done" and "cue point 'verse 2'" in said, said
            assert spans(live, 1) == [(48.0, 64.0)]
            state, said = command(client, "chords for bars 17 to 24")
            assert state == "done" and "bars 17 to 24 at beat 64" in said, said
            assert spans(live, 2) == [(64.0, 96.0)]
            # no cue point for it: refused naming those there are, nothing written
            state, said = command(client, "drums for the bridge")
            assert state == "failed" and "'bridge'" in said and "'chorus' at beat 32" in said, said
            # over the chorus drums again: the overlap rule of generate
            state, said = command(client, "make drums for the chorus")
            assert state == "failed" and "replace 1" in said, said
        finally:
            client.close()
    assert spans(live, 0) == [(32.0, 48.0)]
    assert not live.call(lambda: any(s.has_clip for t in live.song.tracks for s in t.clip_slots))


def test_the_chorus_a_song_laid_is_where_a_command_writes() -> None:
    live = LiveHost(port=0).start_in_thread()
    try:
        with running_daemon(live_port=live.port) as daemon:
            client = Client(daemon.port)
            try:
                client.send(protocol.GENERATE, "song", "genre", "pop", "seed", 2, "replace", 1)
                _job, state, _progress, message = client.wait_final(timeout=30.0)
                assert state == "done", message
                cues = live.call(lambda: [(c.time, c.name) for c in live.song.cue_points])
                chorus = next(i for i, (_, name) in enumerate(cues) if name == "chorus")
                start, end = cues[chorus][0], cues[chorus + 1][0]
                # the song's own drums lie there: the region is refused naming it, as generate refuses
                state, said = command(client, "make drums for the chorus")
                assert state == "failed" and f"over bars {bar_beat(start)}..{bar_beat(end)}" in said, said
            finally:
                client.close()
    finally:
        live.stop()
