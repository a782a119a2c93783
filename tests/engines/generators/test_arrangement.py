"""ArrangementRoo: forms per genre, energy per section, repeated sections repeat, one-clip flattening."""

from __future__ import annotations

from engines.generators.arrangement import flatten, plan_song
from engines.presets import load_genre
from tests.engines.generators.helpers import ctx


def test_pop_form_and_energy() -> None:
    sections = plan_song(ctx("pop", bars=8), seed=2)
    assert [s.name for s in sections] == [f.name for f in load_genre("pop").form]
    assert [s.bars for s in sections] == [4, 8, 8, 8, 8, 4, 8, 4]
    assert [s.start_bar for s in sections][:3] == [0, 4, 12]
    intro, verse, chorus = sections[:3]
    assert not intro.parts["melody"] and not intro.parts["bass"] and intro.parts["chords"]
    assert len(chorus.parts["drums"]) > len(verse.parts["drums"])  # more energy, more hits
    assert all(n.start_beats < s.bars * 4 for s in sections for notes in s.parts.values() for n in notes)


def test_repeated_sections_share_their_material() -> None:
    sections = plan_song(ctx("rock", "E minor", bars=4), seed=9)
    choruses = [s for s in sections if s.name == "chorus"]
    assert len(choruses) == 3 and all(s.bars == 4 for s in choruses)
    pitches = [[n.pitch for n in s.parts["chords"]] for s in choruses]
    assert pitches[0][:12] == pitches[1][:12]


def test_flatten_offsets_and_markers() -> None:
    sections = plan_song(ctx("ambient", bars=4), seed=1)
    parts, markers, length = flatten(sections, 4.0)
    assert markers[0] == (0.0, "intro") and length == sum(s.bars for s in sections) * 4.0
    assert [m[1] for m in markers] == [s.name for s in sections]
    assert max(n.start_beats for notes in parts.values() for n in notes) < length
