"""A change over a song section (issue 44/43): "kill the hats in the breakdown", "transpose the bass
up a fifth in the chorus", "vary the chorus". The section's beats come from Live's cue points; only
the notes inside it change, the rest of each clip as it was; one undo step brings the clips back;
the take records its track and start beat. Whole path: the daemon, the real Remote Script, the
in-memory Live. On the code before, each sentence was asked about ("no clip has sections yet") or
changed the whole clip."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bridge import protocol
from bridge.history import Store, open_store
from livesim.host import LiveHost
from livesim.live_set import ClipDesc, SetDesc, TrackDesc
from tests.bridge.harness import Client, daemon_client

KICK, HAT = 36, 42
BEAT = tuple((KICK, float(b), 0.5, 100, 0) for b in range(64)) + tuple(
    (HAT, b / 2 + 0.5, 0.25, 80, 0) for b in range(0, 128, 2)
)
BASS = tuple((40 + (b % 4), float(b), 1.0, 90, 0) for b in range(0, 64, 2))
CHORDS = tuple((60 + (b % 3), float(b), 4.0, 70, 0) for b in range(0, 64, 4))
CUES = ((0.0, "Intro"), (16.0, "Verse"), (32.0, "Breakdown"), (48.0, "Chorus"))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path / "files")
    yield s
    s.close()


def start(cues: tuple[tuple[float, str], ...] = CUES, bass: ClipDesc | None = None) -> LiveHost:
    tracks = (
        TrackDesc("midi", "Drums", arrangement=(ClipDesc(0, "beat", 64.0, BEAT),)),
        TrackDesc("midi", "Bass", arrangement=(bass or ClipDesc(0, "bassline", 64.0, BASS),)),
        TrackDesc("midi", "Keys", arrangement=(ClipDesc(0, "keys", 64.0, CHORDS),)),
    )
    host = LiveHost(SetDesc(tracks=tracks), port=0, version=(12, 3, 6)).start_in_thread()
    lay_cues(host, cues)
    return host


def lay_cues(host: LiveHost, cues: tuple[tuple[float, str], ...]) -> None:
    """Live's cue points at these beats with these names, as a producer sets them."""

    def lay() -> None:
        for at, name in cues:
            host.song.current_song_time = at
            host.song.set_or_delete_cue()
            next(c for c in host.song.cue_points if c.time == at).name = name
        host.song.current_song_time = 0.0

    host.call(lay)


def sounding(live: LiveHost, track: int) -> list[tuple[float, int, int]]:
    """(song time, pitch, velocity) of every note the track's arrangement clips play."""

    def read() -> list[tuple[float, int, int]]:
        out = []
        for c in live.song.tracks[track].arrangement_clips:
            for n in c.get_all_notes_extended():
                at = c.start_time + n.start_time - c.start_marker
                if n.start_time >= c.start_marker and at < c.end_time:
                    out.append((round(at, 6), n.pitch, round(n.velocity)))
        return sorted(out)

    return live.call(read)


def command(client: Client, text: str, timeout_s: float = 30) -> tuple[str, str]:
    client.send(protocol.COMMAND, text)
    _, state, _, message = client.wait_final(timeout_s)
    return str(state), str(message)


def test_kill_the_hats_in_the_breakdown_leaves_the_rest_of_the_beat(store: Store) -> None:
    live = start()
    try:
        before = sounding(live, 0)
        steps = live.call(lambda: live.doc.undo_steps)
        with daemon_client(live.port, history=store) as client:
            state, said = command(client, "kill the hats in the breakdown")
            assert state == "done" and "cue point 'Breakdown', bars 9 to 12" in said, said
        after = sounding(live, 0)
        inside = [n for n in before if 32 <= n[0] < 48]
        assert after == [n for n in before if not (32 <= n[0] < 48 and n[1] == HAT)]
        assert any(n[1] == HAT for n in inside) and any(n[1] == KICK for n in after if 32 <= n[0] < 48)
        assert live.call(lambda: live.doc.undo_steps) == steps + 1
        spans = live.call(lambda: [(c.start_time, c.end_time) for c in live.song.tracks[0].arrangement_clips])
        assert spans == [(0.0, 64.0)]  # one clip, in the old one's place
        take = store.get(store.takes()[0].take_id)
        assert take.live == {"track": 0, "start_beats": 0.0, "length_beats": 64.0, "note_count": len(after)}
        assert take.params["kind"] == "drums_remove" and take.params["section"] == "the breakdown"
        live.call(live.song.undo)
        assert sounding(live, 0) == before
    finally:
        live.stop()


def test_a_transpose_in_the_chorus_respects_the_clip_start_and_its_start_marker() -> None:
    # the bass clip starts at beat 8 and plays from its own beat 4 (start marker): clip beat t sounds at t + 4
    bass = ClipDesc(0, "bassline", 64.0, BASS, start=8.0, looping=False, start_marker=4.0, end_marker=68.0)
    live = start(((0.0, "verse"), (24.0, "chorus 1"), (40.0, "outro")), bass=bass)
    try:
        before = sounding(live, 1)
        assert before[0][0] == 8.0  # the note at the marker sounds at the clip's start
        with daemon_client(live.port) as client:
            state, said = command(client, "transpose the bass up a fifth in the chorus")
            assert state == "done" and "beats 24 to 40" in said, said
        after = sounding(live, 1)
        assert after == [(t, p + 7 if 24 <= t < 40 else p, v) for t, p, v in before]
        live.call(live.song.undo)
        assert sounding(live, 1) == before
    finally:
        live.stop()


def test_vary_the_chorus_varies_every_part_there_in_one_undo_step() -> None:
    live = start()
    try:
        before = [sounding(live, t) for t in range(3)]
        steps = live.call(lambda: live.doc.undo_steps)
        with daemon_client(live.port) as client:
            state, said = command(client, "vary the chorus")
            assert state == "done" and "track 2 'Bass'" in said and "track 3 'Keys'" in said, said
            assert "track 1 'Drums'" in said and "a new rhythm on its own drum sounds" in said, said
            state, said = command(client, "transpose the chorus up a fifth")  # the drums not: no pitch
            assert state == "done" and "'Drums'" not in said and "'Keys'" in said, said
            live.call(live.song.undo)
        after = [sounding(live, t) for t in range(3)]
        assert [n for n in after[0] if n[0] < 48] == [n for n in before[0] if n[0] < 48]
        assert [n for n in after[0] if n[0] >= 48] != [n for n in before[0] if n[0] >= 48]
        assert sorted({n[1] for n in after[0]}) == [KICK, HAT]  # its own drum sounds
        for track in (1, 2):
            assert [n for n in after[track] if n[0] < 48] == [n for n in before[track] if n[0] < 48]
            assert [n[0] for n in after[track] if n[0] >= 48] == [n[0] for n in before[track] if n[0] >= 48]
        assert any(a != b for t in (1, 2) for a, b in zip(after[t], before[t], strict=True))
        assert live.call(lambda: live.doc.undo_steps) == steps + 1
        live.call(live.song.undo)
        assert [sounding(live, t) for t in range(3)] == before
    finally:
        live.stop()


def test_every_chorus_and_the_second_verse() -> None:
    live = start(((0.0, "verse"), (16.0, "chorus"), (32.0, "verse"), (48.0, "chorus")))
    try:
        before = sounding(live, 1)
        with daemon_client(live.port) as client:
            state, said = command(client, "transpose the bass down an octave in every chorus")
            assert state == "done" and said.count("cue point 'chorus'") == 2, said
            state, said = command(client, "make the bass louder in the second verse")
            assert state == "done" and "bars 9 to 12" in said, said
        after = sounding(live, 1)
        chorus = [16 <= t < 32 or 48 <= t for t, _, _ in before]
        assert [p for _, p, _ in after] == [
            p - 12 if c else p for (_, p, _), c in zip(before, chorus, strict=True)
        ]
        louder = [v2 > v1 for (t, _, v1), (_, _, v2) in zip(before, after, strict=True) if 32 <= t < 48]
        assert louder and all(louder)
        assert [v for t, _, v in after if t < 32] == [v for t, _, v in before if t < 32]
    finally:
        live.stop()


def test_no_such_section_asks_and_no_clip_there_is_refused_naming_it() -> None:
    short = ClipDesc(0, "bassline", 16.0, BASS[:8])
    live = start(bass=short)
    try:
        before = [sounding(live, t) for t in range(3)]
        with daemon_client(live.port) as client:
            state, said = command(client, "kill the hats in the bridge")
            assert state == "failed" and "which bars is it" in said and "'Breakdown' at bar 9" in said, said
            assert "kill the hats in bars 9 to 16" in said, said
            state, said = command(client, "quantize the bass in the chorus")
            assert state == "failed" and "no arrangement clip of the bass on track 2 'Bass'" in said, said
            assert "bars 13 to 16" in said, said  # the last section ends at the last clip's end
        assert [sounding(live, t) for t in range(3)] == before
    finally:
        live.stop()


def test_with_no_cue_points_a_section_is_asked_about() -> None:
    live = start(cues=())
    try:
        with daemon_client(live.port) as client:
            state, said = command(client, "vary the bass in the chorus")
            assert state == "failed" and "has no cue points" in said and "which bars" in said, said
    finally:
        live.stop()


def test_vary_of_a_take_in_the_chorus_is_its_generator_over_those_bars_filed_under_it(store: Store) -> None:
    tracks = (TrackDesc("midi", "Bass"),)
    live = LiveHost(SetDesc(tracks=tracks), port=0, version=(12, 3, 6)).start_in_thread()
    try:
        lay_cues(live, ((0.0, "verse"), (32.0, "chorus"), (48.0, "outro")))
        with daemon_client(live.port, history=store) as client:
            client.send(protocol.GENERATE, "bass", "arrangement", 1, "at", 0.0, "bars", 16, "seed", 3,
                        "genre", "house", "key", "A minor")  # fmt: skip
            _, state, _, said = client.wait_final(30)
            assert state == "done", said
            made = store.takes()[0]
            before = sounding(live, 0)
            state, said = command(client, "vary the bass in the chorus")
            assert state == "done" and "the bass generator (house, A minor) over those bars" in said, said
        after = sounding(live, 0)

        def chorus(n: tuple[float, int, int]) -> bool:  # a humanized hit up to a 64th early is in it
            return 32 <= n[0] + 1 / 16 < 48

        assert [n for n in after if not chorus(n)] == [n for n in before if not chorus(n)]
        assert [n for n in after if chorus(n)] != [n for n in before if chorus(n)]
        assert all(n[1] % 12 in (9, 11, 0, 2, 4, 5, 7) for n in after if chorus(n))  # A minor
        varied = next(t for t in store.takes() if t.take_id != made.take_id)
        assert store.get(varied.take_id).parent_id == made.take_id
        assert store.get(varied.take_id).live["start_beats"] == 0.0
    finally:
        live.stop()


def test_each_clip_the_section_touches_is_rewritten_at_its_own_place_and_name() -> None:
    # the chorus (beats 24..40) runs across the bass's two clips; the keys' one clip spans them both
    two = (ClipDesc(0, "verse bass", 32.0, BASS[:16]),
           ClipDesc(0, "chorus bass", 32.0, tuple((p, t - 32, d, v, m) for p, t, d, v, m in BASS[16:]), start=32.0))  # fmt: skip
    tracks = (TrackDesc("midi", "Bass", arrangement=two),
              TrackDesc("midi", "Keys", arrangement=(ClipDesc(0, "keys", 64.0, CHORDS),)))  # fmt: skip
    live = LiveHost(SetDesc(tracks=tracks), port=0, version=(12, 3, 6)).start_in_thread()
    try:
        lay_cues(live, ((0.0, "verse"), (24.0, "chorus"), (40.0, "outro")))

        def clips(track: int) -> list[tuple[float, float, str]]:
            return live.call(
                lambda: [
                    (c.start_time, c.end_time, c.name) for c in live.song.tracks[track].arrangement_clips
                ]
            )

        before = [sounding(live, t) for t in range(2)]
        shapes = [clips(t) for t in range(2)]
        steps = live.call(lambda: live.doc.undo_steps)
        with daemon_client(live.port) as client:
            state, said = command(client, "transpose the chorus up 2 semitones")
            assert state == "done" and "track 1 'Bass', the clip 'chorus bass' at bar 9.1: 4 notes" in said, (
                said
            )
        assert [clips(t) for t in range(2)] == shapes  # the same clips, names and places
        for track in range(2):
            assert sounding(live, track) == [
                (t, p + 2 if 24 <= t < 40 else p, v) for t, p, v in before[track]
            ]
        assert live.call(lambda: live.doc.undo_steps) == steps + 1
        live.call(live.song.undo)
        assert [sounding(live, t) for t in range(2)] == before
    finally:
        live.stop()


def test_a_section_emptied_of_notes_keeps_its_clip() -> None:
    three = (ClipDesc(0, "a", 16.0, BASS[:8]),
             ClipDesc(0, "b", 16.0, tuple((p, t - 16, d, v, m) for p, t, d, v, m in BASS[8:16]), start=16.0),
             ClipDesc(0, "c", 32.0, tuple((p, t - 32, d, v, m) for p, t, d, v, m in BASS[16:]), start=32.0))  # fmt: skip
    tracks = (TrackDesc("midi", "Bass", arrangement=three),)
    live = LiveHost(SetDesc(tracks=tracks), port=0, version=(12, 3, 6)).start_in_thread()
    try:
        lay_cues(live, ((0.0, "verse"), (16.0, "chorus"), (32.0, "outro")))
        before = sounding(live, 0)
        with daemon_client(live.port) as client:
            state, said = command(client, "mute the bass in the chorus")
            assert (
                state == "done"
                and "8 notes in the section (clear), 0 outside kept as they were, 0 now" in said
            ), said
        assert sounding(live, 0) == [n for n in before if not 16 <= n[0] < 32]
        names = live.call(lambda: [(c.start_time, c.name) for c in live.song.tracks[0].arrangement_clips])
        assert names == [(0.0, "a"), (16.0, "b"), (32.0, "c")]
    finally:
        live.stop()


def test_what_each_change_over_a_section_does_and_a_whole_part_setting_refused() -> None:
    from bridge.actions.sections.job import what
    from bridge.commands.parser import parse
    from engines.errors import InvalidValue

    assert what(parse("make the drums busier in the drop")) == ("density", {"amount": 0.7})
    assert what(parse("mute the bass in the chorus")) == ("clear", {})
    assert what(parse("vary the chorus")) == ("vary", {})
    assert what(parse("transpose the chorus up a fifth")) == ("transpose", {"semitones": 7})
    with pytest.raises(InvalidValue, match="busier"):
        what(parse("add a fill every 4 bars in the chorus"))


def test_a_session_clip_selected_and_no_arrangement_clip_asks_which_bars() -> None:
    tracks = (TrackDesc("midi", "Bass", clips=(ClipDesc(0, "bass loop", 16.0, BASS[:8]),)),)
    live = LiveHost(SetDesc(tracks=tracks), port=0, version=(12, 3, 6)).start_in_thread()
    try:
        lay_cues(live, ((0.0, "verse"), (16.0, "chorus"), (32.0, "outro")))
        with daemon_client(live.port) as client:
            state, said = command(client, "quantize the bass in the chorus")
            assert state == "failed" and "no arrangement clip of the bass on track 1 'Bass'" in said, said
            assert "for a clip in the Session view, which bars of it?" in said, said
            assert "'quantize the bass in bars 9 to 16'" in said, said
            state, said = command(client, "quantize the bass in the outro")  # the last: its end unknown
            assert state == "failed" and "where it ends is not known: which bars is it?" in said, said
        assert live.call(
            lambda: [n.pitch for n in live.song.tracks[0].clip_slots[0].clip.get_all_notes_extended()]
        )
    finally:
        live.stop()
