"""A change over a section of a LOOPED arrangement clip (issue 43/44): Live's arrangement clip can
play its loop over and over to its end (Clip.length is the loop's, end_time where the clip ends), so
its notes are one loop's and a change over a section would change every repeat. It is refused,
naming the clip, its loop and what to do, and nothing is changed. Whole path: the daemon, the real
Remote Script, the in-memory Live. On the code before, the clip was read as ending after one loop,
so the chorus (after it) was refused as having no clip there, never naming the loop."""

from __future__ import annotations

from bridge import protocol
from livesim.host import LiveHost
from livesim.live_set import ClipDesc, SetDesc, TrackDesc
from tests.bridge.actions.sections.test_section_changes import BASS, command, lay_cues
from tests.bridge.harness import daemon_client
from tests.remote_scripts.osc_client import OscClient

LOOP = tuple(n for n in BASS if n[1] < 16.0)  # four bars of bass, looped over sixteen


def looped() -> LiveHost:
    tracks = (TrackDesc("midi", "Bass", arrangement=(ClipDesc(0, "bass loop", 64.0, LOOP, loop_end=16.0),)),)
    host = LiveHost(SetDesc(tracks=tracks), port=0, version=(12, 3, 6)).start_in_thread()
    lay_cues(host, ((0.0, "verse"), (32.0, "chorus"), (48.0, "outro")))
    return host


def test_the_in_memory_live_plays_a_looped_arrangement_clip_to_its_end() -> None:
    live = looped()
    try:
        clip = live.call(lambda: live.song.tracks[0].arrangement_clips[0])
        assert live.call(lambda: (clip.length, clip.end_time, clip.looping)) == (16.0, 64.0, True)
    finally:
        live.stop()


def test_the_remote_script_reports_where_a_looped_clip_ends_and_its_loop() -> None:
    live = looped()
    client = OscClient(live.port)
    try:
        info = client.ask(protocol.RS_CLIP_INFO, 1, 0, 0, 1)
        facts = dict(zip(protocol.CLIP_INFO_FIELDS, info[3:], strict=True))
        assert (facts["length_beats"], facts["start_time_beats"], facts["end_time_beats"]) == (
            16.0,
            0.0,
            64.0,
        )
        assert (facts["looping"], facts["loop_start_beats"], facts["loop_end_beats"]) == (1, 0.0, 16.0)
    finally:
        client.close()
        live.stop()


def test_a_change_over_a_section_of_a_looped_clip_is_refused_naming_the_clip_and_its_loop() -> None:
    live = looped()
    try:
        notes = live.call(lambda: [(n.start_time, n.pitch) for n in live.song.tracks[0].arrangement_clips[0].get_all_notes_extended()])  # fmt: skip
        steps = live.call(lambda: live.doc.undo_steps)
        with daemon_client(live.port) as client:
            for text in ("transpose the bass up a fifth in the chorus", "regenerate the bass in the chorus",
                         "infill the bass in the chorus"):  # fmt: skip
                state, said = command(client, text)
                assert (
                    state == "failed"
                    and "track 1 'Bass', the clip 'bass loop' at bar 1.1 (to bar 17.1) loops" in said
                ), said
                assert "its 16-beat loop (4 bars)" in said and "every repeat" in said, said
                assert "nothing was changed" in said and "Consolidate the clip" in said, said
        assert live.call(lambda: live.doc.undo_steps) == steps
        assert live.call(lambda: [(n.start_time, n.pitch) for n in live.song.tracks[0].arrangement_clips[0].get_all_notes_extended()]) == notes  # fmt: skip
    finally:
        live.stop()


def test_a_looped_clip_that_plays_its_loop_once_is_changed() -> None:
    tracks = (TrackDesc("midi", "Bass", arrangement=(ClipDesc(0, "bass", 64.0, BASS),)),)  # loop = its length
    live = LiveHost(SetDesc(tracks=tracks), port=0, version=(12, 3, 6)).start_in_thread()
    try:
        lay_cues(live, ((0.0, "verse"), (32.0, "chorus"), (48.0, "outro")))
        with daemon_client(live.port) as client:
            state, said = command(client, "transpose the bass up a fifth in the chorus")
            assert state == "done", said
    finally:
        live.stop()
