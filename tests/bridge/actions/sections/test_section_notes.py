"""The note arithmetic of a change over a section: clip beats to song beats (start marker), only the
notes inside changed, a change that moves time kept inside the section."""

from __future__ import annotations

from bridge.actions.sections.notes import changed, from_start, in_song_time
from bridge.actions.sections.vary import transform
from engines.music import Note


def test_a_clip_s_notes_sound_from_its_start_marker() -> None:
    notes = [Note(60, 2.0, 1.0), Note(62, 4.0, 1.0), Note(64, 19.0, 1.0)]
    # the clip starts at beat 8 and plays from its own beat 4 to its end at song beat 20
    assert [(n.pitch, n.start_beats) for n in in_song_time(notes, 8.0, 20.0, 4.0)] == [(62, 8.0)]


def test_only_the_notes_in_the_section_change_and_a_half_time_stays_in_it() -> None:
    notes = [Note(40, float(b), 0.5, 90) for b in range(16)]
    out, inside = changed(notes, [(4.0, 8.0)], lambda _lo: transform("half_time", {}, 4.0), 1)
    assert inside == 4
    assert [n.start_beats for n in out] == [0.0, 1.0, 2.0, 3.0, 4.0, 6.0, *map(float, range(8, 16))]
    out, _ = changed(
        notes, [(4.0, 8.0), (12.0, 16.0)], lambda _lo: transform("transpose", {"semitones": 12}, 4.0), 1
    )
    assert [n.pitch for n in out] == [40] * 4 + [52] * 4 + [40] * 4 + [52] * 4


def test_a_hit_a_64th_early_belongs_to_the_section_and_a_new_clip_holds_its_span() -> None:
    notes = [Note(36, 3.99, 0.25), Note(36, 7.99, 0.25)]
    out, inside = changed(notes, [(4.0, 8.0)], lambda _lo: transform("clear", {}, 4.0), 1)
    assert inside == 1 and [n.start_beats for n in out] == [7.99]
    assert [(n.start_beats, n.duration_beats) for n in from_start([Note(36, 9.5, 2.0)], 8.0, 10.0)] == [
        (1.5, 0.5)
    ]
