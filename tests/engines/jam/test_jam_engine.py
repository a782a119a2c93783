"""The jam's music: the Markov chord chain learnt from the presets and phrases under changing controls."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from engines.errors import InvalidValue
from engines.generators import PARTS
from engines.jam import ChainState, JamControls, compose, plan
from engines.jam.markov import train, walk
from engines.music import parse_key

JAZZ_MINOR = JamControls(genre="jazz", key=parse_key("D minor"))


def test_the_chain_learns_template_steps_and_preset_transitions() -> None:
    model = train("jazz", "minor")
    assert model.transitions["iiø7"]["V7"] > 6  # the preset's 6 plus the templates' ii-V steps
    assert set(model.openings) == {"iiø7", "i7"}
    assert model.cadence == ("V7", "i7")


def test_sections_open_on_a_template_chord_and_close_on_the_cadence() -> None:
    model = train("pop", "major")
    state, numerals = ChainState(), []
    rng = random.Random(3)
    for _ in range(40):
        out, state = walk(model, state, 4, 1.0, rng)
        numerals += out
    bar, section_ends = 0, []
    state, rng = ChainState(), random.Random(3)
    for _ in range(40):
        before = state
        _, state = walk(model, state, 4, 1.0, rng)
        if state.section != before.section and before.section >= 0:
            section_ends.append(bar)
        bar += 4
    assert section_ends, "no section change in 160 bars"
    for end in section_ends:  # the bars before a new section are the cadence
        assert tuple(numerals[end - len(model.cadence) : end]) == model.cadence
        assert numerals[end] in model.openings


def test_same_state_controls_and_seed_give_the_same_phrase() -> None:
    spec_a, after_a = plan(ChainState(), JAZZ_MINOR, index=3, bars=4, seed=5)
    spec_b, after_b = plan(ChainState(), JAZZ_MINOR, index=3, bars=4, seed=5)
    assert spec_a == spec_b and after_a == after_b
    assert compose(spec_a, [(0.0, JAZZ_MINOR)]) == compose(spec_b, [(0.0, JAZZ_MINOR)])
    assert all(ch.root in parse_key("D minor").pitch_classes or ch.quality == "7" for ch in spec_a.chords)


def test_a_change_inside_a_phrase_keeps_the_notes_before_it() -> None:
    spec, _ = plan(ChainState(), JAZZ_MINOR, index=0, bars=4)
    plain = compose(spec, [(0.0, JAZZ_MINOR)])
    busier = replace(JAZZ_MINOR, density=1.0, intensity=1.0)
    changed = compose(spec, [(0.0, JAZZ_MINOR), (8.0, busier)])
    for part in PARTS:
        assert [n for n in changed[part] if n.start_beats < 8] == [
            n for n in plain[part] if n.start_beats < 8
        ]
    late = [n.velocity for n in changed["drums"] if n.start_beats >= 8]
    assert late != [n.velocity for n in plain["drums"] if n.start_beats >= 8]


def test_break_leaves_the_drums_alone_and_drop_brings_all_back_with_a_crash() -> None:
    spec, _ = plan(ChainState(), JAZZ_MINOR, index=1, bars=4)  # bars 4..7
    broken = compose(spec, [(0.0, replace(JAZZ_MINOR, breakdown=True))])
    assert broken["drums"] and not any(broken[p] for p in ("bass", "chords", "melody"))
    dropped = compose(spec, [(0.0, replace(JAZZ_MINOR, drop_bars=frozenset({6})))])
    assert any(n.pitch == 49 and n.start_beats == 8.0 for n in dropped["drums"])
    filled = compose(spec, [(0.0, replace(JAZZ_MINOR, fill_bars=frozenset({5})))])
    plain = compose(spec, [(0.0, JAZZ_MINOR)])
    in_bar = lambda notes: [n for n in notes if 4 <= n.start_beats < 8]  # noqa: E731
    assert in_bar(filled["drums"]) != in_bar(plain["drums"])
    assert [n for n in filled["drums"] if n.start_beats < 4] == [
        n for n in plain["drums"] if n.start_beats < 4
    ]


def test_a_new_key_or_mode_plans_in_that_key() -> None:
    state = ChainState()
    for index in range(3):
        _, state = plan(state, JAZZ_MINOR, index=index, bars=4)
    c_major = replace(JAZZ_MINOR, key=parse_key("C major"))
    spec, _ = plan(state, c_major, index=3, bars=4)
    assert spec.key == parse_key("C major")
    assert spec.chords[0].root in (0, 2, 4, 5, 7, 9, 11)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"density": 1.5}, "density 1.5"),
        ({"swing": -0.1}, "swing -0.1"),
        ({"parts": ("drums", "kazoo")}, "kazoo"),
    ],
)
def test_bad_controls_are_refused_naming_the_value(change: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidValue, match=message):
        JamControls(**change)  # type: ignore[arg-type]
