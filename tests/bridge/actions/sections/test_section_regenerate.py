"""A part made again over a song section ("regenerate the bass in the chorus", "redo the drums in the
drop", "new chords for the bridge", "rewrite the chorus") and a fill at a section's end ("a fill at
the end of the chorus", "fill in the chorus"): only the section's notes change, by the part's
generator (a fill: the drums' last beats of the section), the rest of each clip kept, one undo step.
Whole path: the daemon, the real Remote Script, the in-memory Live. On the code before, the
regenerate sentences were asked about (or, "redo the drums in the drop", read as a new drum part at
the cue point) and "a fill at the end of the chorus" put a fill on every MIDI track."""

from __future__ import annotations

import pytest

from bridge.commands.parser import parse
from engines.music import parse_key
from engines.transforms.pitch import scale_pitches
from tests.bridge.actions.sections.test_section_changes import HAT, KICK, command, sounding, start
from tests.bridge.harness import daemon_client

CUES = ((0.0, "verse"), (16.0, "drop"), (32.0, "chorus"), (48.0, "bridge"))


@pytest.mark.parametrize(
    ("text", "part", "section"),
    [
        ("regenerate the bass in the chorus", "bass", "chorus"),
        ("rewrite the chorus", None, "chorus"),
        ("redo the drums in the drop", "drums", "drop"),
        ("new chords for the bridge", "chords", "bridge"),
    ],
)
def test_regenerate_over_a_section_is_a_vary_made_again(text: str, part: str | None, section: str) -> None:
    intent = parse(text)
    assert (intent.action, intent.part) == ("vary", part), intent
    assert intent.params == {"region": {"section": section, "nth": 1}, "regenerate": 1}


@pytest.mark.parametrize(
    "text", ["a fill at the end of the chorus", "fill in the chorus", "add a drum fill in the chorus"]
)
def test_a_fill_in_a_section_is_the_drums(text: str) -> None:
    intent = parse(text)
    assert (intent.action, intent.part, intent.params) == (
        "transform", "drums", {"kind": "fill", "region": {"section": "chorus", "nth": 1}})  # fmt: skip


@pytest.mark.parametrize("text", ["give me another chorus", "another take of the chorus", "a new chorus"])
def test_another_chorus_is_a_vary_of_the_chorus(text: str) -> None:
    intent = parse(text)
    assert (intent.action, intent.part, intent.params) == (
        "vary",
        None,
        {"region": {"section": "chorus", "nth": 1}},
    )


def test_regenerate_the_bass_and_redo_the_drums_change_only_their_section() -> None:
    live = start(CUES)
    try:
        before = [sounding(live, t) for t in range(3)]
        steps = live.call(lambda: live.doc.undo_steps)
        with daemon_client(live.port) as client:
            state, said = command(client, "regenerate the bass in the chorus")
            assert state == "done" and "the bass generator (pop, C major) over those bars" in said, said
            state, said = command(client, "redo the drums in the drop")
            assert state == "done" and "the drums generator" in said, said
            state, said = command(client, "new chords for the bridge")
            assert state == "done" and "the chords generator" in said, said
        after = [sounding(live, t) for t in range(3)]
        for track, (lo, hi) in ((0, (16, 32)), (1, (32, 48)), (2, (48, 64))):
            outside = [n for n in before[track] if not lo <= n[0] + 1 / 16 < hi]
            assert [n for n in after[track] if not lo <= n[0] + 1 / 16 < hi] == outside
            assert [n for n in after[track] if lo <= n[0] < hi] != [
                n for n in before[track] if lo <= n[0] < hi
            ]
            assert [n for n in after[track] if lo <= n[0] < hi]  # made again, not emptied
        major = {p % 12 for p in scale_pitches(parse_key("C major"))}
        made = [n[1] % 12 in major for n in after[1] if 32 <= n[0] < 48]
        assert sum(made) >= 0.8 * len(made)  # in Live's key (C major), a chromatic approach or two
        assert live.call(lambda: live.doc.undo_steps) == steps + 3
        for _ in range(3):
            live.call(live.song.undo)
        assert [sounding(live, t) for t in range(3)] == before
    finally:
        live.stop()


def test_a_fill_at_the_end_of_the_chorus_is_the_drums_last_beats_there() -> None:
    live = start(((0.0, "verse"), (16.0, "chorus"), (32.0, "outro")))
    try:
        before = [sounding(live, t) for t in range(3)]
        with daemon_client(live.port) as client:
            state, said = command(client, "a fill at the end of the chorus")
            assert state == "done" and "track 1 'Drums'" in said and "'Bass'" not in said, said
        after = [sounding(live, t) for t in range(3)]
        assert after[1:] == before[1:]  # the bass and the keys as they were
        assert [n for n in after[0] if not 30 <= n[0] < 32] == [n for n in before[0] if not 30 <= n[0] < 32]
        fill = [n for n in after[0] if 30 <= n[0] < 32]
        assert len(fill) > len([n for n in before[0] if 30 <= n[0] < 32])
        assert {n[1] for n in fill} - {KICK, HAT}  # toms and snare, not the beat's own hits
    finally:
        live.stop()


def test_the_which_bars_question_gives_a_whole_command_the_parser_reads_over_those_bars() -> None:
    # on the code before, 'vary the chorus' was asked with 'vary in bars 9 to 16', which is a vary of
    # the whole clip (the bars dropped), and 'mute the bass' with a mute of a track named 'bass in bars ...'
    live = start(cues=())
    try:
        with daemon_client(live.port) as client:
            for text, example in (
                ("vary the chorus", "infill bars 9 to 16"),
                ("vary the bass in the chorus", "infill the bass in bars 9 to 16"),
                ("mute the bass in the chorus", "clear the bass in bars 9 to 16"),
                ("fill in the chorus", "a drum fill at bar 16"),
                ("make the drums busier in the drop", "make the drums busier in bars 9 to 16"),
            ):
                state, said = command(client, text)
                assert state == "failed" and f"which bars is it? (e.g. '{example}')" in said, said
                read = parse(example)
                bars = read.params.get("bars") or (read.params.get("from_bar"), read.params.get("to_bar"))
                assert read.understood and (bars in ("9-16", (9, 16)) or read.params.get("bar") == 16), read
    finally:
        live.stop()


def test_give_me_another_chorus_varies_the_chorus_only() -> None:
    # on the code before, 'give me another chorus' was a plain vary (of the selected clip), the chorus dropped
    live = start(((0.0, "verse"), (32.0, "chorus"), (48.0, "outro")))
    try:
        before = [sounding(live, t) for t in range(3)]
        with daemon_client(live.port) as client:
            state, said = command(client, "give me another chorus")
            assert state == "done" and said.count("cue point 'chorus', bars 9 to 12") == 1, said
            assert "track 2 'Bass'" in said and "track 3 'Keys'" in said, said
        after = [sounding(live, t) for t in range(3)]
        for track in range(3):
            assert [n for n in after[track] if not 32 <= n[0] < 48] == [
                n for n in before[track] if not 32 <= n[0] < 48
            ]
        assert any(
            [n for n in after[t] if 32 <= n[0] < 48] != [n for n in before[t] if 32 <= n[0] < 48]
            for t in range(3)
        )
    finally:
        live.stop()
