"""Issue 55, round 38 (w99b): the examples a question's own builder reads (``key_asked``'s modulations,
``which_slot``'s and ``which_part``'s sentences) are read through ``offered``'s kept readings (``agree.example``):
each question is the one the whole reader gives, in questions of our own (never a set's line)."""

from __future__ import annotations

import pytest

from bridge.commands import agree, offered
from bridge.commands.intent import Intent

# questions whose builders read examples of their own: a modulation with no key, a section, style, mode or part
# that no table knows
QUESTIONS = [
    "modulate the bass line",
    "could you modulate everything for me",
    "modulate it please",
    "modulate the pads",
    "change the key",
    "we need a key change",
    "write a bass line for the mittelteil",
    "give me chords for the zwischenspiel section",
    "a melody in the style of glorpwave",
    "drums in a snorkcore style please",
    "chords in D phrygianish",
    "a melody in C lydianic mode",
    "make the flimbo busier",
    "regenerate the wobbler",
    "quantize the plonk",
    "don't touch the melody",
    "never quantize the drums",
    "wobbel the toms, then quantize the bass",
]


def _same(a: Intent, b: Intent) -> bool:
    keep = {k: val for k, val in a.params.items() if k not in ("reason", "suggestions")}
    return (a.action, a.part, keep) == (
        b.action,
        b.part,
        {k: val for k, val in b.params.items() if k in keep},
    )


def _questions(read_fully: bool, monkeypatch: pytest.MonkeyPatch) -> dict[str, Intent]:
    with monkeypatch.context() as m:
        if read_fully:  # each example read by the whole reader, as before: its own question built
            m.setattr(agree, "example", lambda text: agree.parse(text))
        out = {}
        for text in QUESTIONS:
            offered._READ.clear()
            out[text] = agree.parse(text)
        return out


@pytest.mark.usefixtures("learned_reading")
def test_each_question_is_the_one_the_whole_reader_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    full = _questions(True, monkeypatch)
    assert sum(bool(i.params.get("suggestions")) for i in full.values()) >= 10  # questions with examples
    assert _questions(False, monkeypatch) == full
    offered._READ.clear()
    offered.warm(agree.parse)  # the modulations warmed too
    assert {text: agree.parse(text) for text in QUESTIONS} == full
    assert {text: agree.parse(text) for text in reversed(QUESTIONS)} == full  # and in another order


@pytest.mark.usefixtures("learned_reading")
def test_an_example_kept_reads_as_the_whole_reader_reads_it() -> None:
    said = {s for text in QUESTIONS for s in agree.parse(text).params.get("suggestions", [])}
    said |= {e for w in ("the song", "it", "the bass") for e in offered.key_asked.examples_of(w)}
    offered._READ.clear()
    kept = {s: agree.example(s) for s in sorted(said)}
    assert len(kept) >= 20
    for s, got in kept.items():
        assert _same(got, agree.parse(s)), s
    assert all(agree.example(s) is got for s, got in kept.items())  # read once


def test_the_modulations_and_bare_parts_warmed_are_the_builders_own() -> None:
    warmed = set(offered.examples())
    assert {
        "modulate the bass to E major",
        "modulate everything to G major",
        "modulate it to D minor",
    } <= warmed
    assert {"vary the bass", "make the bassline simpler", "make everything busier", "vary the keys"} <= warmed
