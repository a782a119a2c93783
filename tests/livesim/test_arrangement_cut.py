"""A clip placed in the Arrangement cuts what lies under it, as in Live (livesim.arrangement)."""

from __future__ import annotations

from livesim.notes import MidiNoteSpecification
from tests.livesim.test_objects import make_song


def notes_of(clip: object) -> list[tuple[int, float, float]]:
    return [(n.pitch, n.start_time, n.duration) for n in clip.get_all_notes_extended()]  # type: ignore[attr-defined]


def test_a_new_clip_removes_splits_and_trims_what_is_under_it() -> None:
    song = make_song()
    track = song.tracks[0]
    song.begin_undo_step()
    whole = track.create_midi_clip(0.0, 16.0)  # spans the new clip: split in two around it
    whole.name = "long"
    whole.add_new_notes([MidiNoteSpecification(36 + i, float(i), 0.5, 100, False) for i in range(16)])
    whole.add_new_notes([MidiNoteSpecification(60, 3.5, 2.0, 100, False)])  # runs into the cut
    covered = track.create_midi_clip(20.0, 4.0)
    tail = track.create_midi_clip(30.0, 8.0)
    song.end_undo_step()
    steps = song._doc.undo_steps  # type: ignore[attr-defined]

    song.begin_undo_step()
    new = track.create_midi_clip(4.0, 8.0)  # 4..12 inside 'long'
    song.end_undo_step()
    clips = track.arrangement_clips
    assert [(c.start_time, c.end_time) for c in clips] == [
        (0.0, 4.0),
        (4.0, 12.0),
        (12.0, 16.0),
        (20.0, 24.0),
        (30.0, 38.0),
    ]
    left, _, right = clips[:3]
    assert left.name == right.name == "long"
    assert notes_of(left) == [(36, 0.0, 0.5), (37, 1.0, 0.5), (38, 2.0, 0.5), (39, 3.0, 0.5), (60, 3.5, 0.5)]
    assert notes_of(right) == [
        (36 + 12 + i, float(i), 0.5) for i in range(4)
    ]  # shifted to sound where they did
    assert new in clips and covered in clips and tail in clips

    song.begin_undo_step()
    track.create_midi_clip(18.0, 14.0)  # 18..32: 'covered' goes, 'tail' loses its first 2 beats
    song.end_undo_step()
    assert [(c.start_time, c.end_time) for c in track.arrangement_clips][-2:] == [(18.0, 32.0), (32.0, 38.0)]
    assert covered not in track.arrangement_clips

    song.undo()
    song.undo()
    assert track.arrangement_clips == (whole, covered, tail)  # each placement was one undo step
    assert song._doc.undo_steps == steps  # type: ignore[attr-defined]
