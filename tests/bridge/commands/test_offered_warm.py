"""Issue 55, round 38 (w99): the examples questions offer, read before any question offers them (the daemon's
warm-up, ``offered.warm``), give every question the answer it gets when each example is read cold, in questions
of our own (never a set's line): a pure speed change."""

from __future__ import annotations

import pytest

from bridge.commands import agree, offered

# questions of many kinds, in our own words, each offering examples the reader checks
QUESTIONS = [
    "freshen the piano in the last chorus",
    "the bridge sounds empty",
    "make the guitar chunkier",
    "spice up the bass somehow",
    "redo the keys",
    "fix the groove of the snare",
    "the hook is boring",
    "brighten the pads in the middle",
    "can the drums breathe more",
    "tidy up the melody",
    "bump the strings",
    "transpose the chords",
    "shift the bass",
    "warmer chords please",
    "the kick is weird",
    "rethink the intro",
    "give the verse some bounce",
    "modulate the melody",
    "undo the bass",
    "tweak the hats in the outro",
    "the chorus feels small",
    "vary the flute in the bridge",
    "do something with the claps",
    "make the synth glassier",
    "refresh everything",
    "make the bass line sit better",
    "clean the vocals",
    "fatten the snare",
    "change the chords somehow",
    "undo the melody",
    "dial the keys back",
    "make the lead sing more",
    "the second chorus needs energy",
    "sprinkle something on the intro",
    "make the pad swell",
    "harmonise the melody",
    "the groove is off",
]


@pytest.mark.usefixtures("learned_reading")
def test_examples_read_ahead_give_each_question_the_answer_read_cold() -> None:
    cold = {}
    for text in QUESTIONS:  # each question with no example read before it
        offered._READ.clear()
        cold[text] = agree.parse(text)
    offered._READ.clear()
    warmed = offered.examples()
    assert offered.warm(agree.parse) == len(warmed) > 300
    assert offered.warm(agree.parse) == 0  # each read once
    offers = [s for i in cold.values() for s in i.params.get("suggestions", [])]
    assert sum(s in warmed for s in offers) > 60  # the questions' offers are mostly read from the warm-up
    assert {text: agree.parse(text) for text in QUESTIONS} == cold
    assert {text: agree.parse(text) for text in reversed(QUESTIONS)} == cold  # and in another order


def test_the_examples_warmed_are_the_builders_templates_saying_no_value() -> None:
    warmed = offered.examples()
    assert len(warmed) == len(set(warmed))
    assert {"vary the drums", "make the bass line busier", "make it softer", "undo that"} <= set(warmed)
    assert not any(ch.isdigit() for s in warmed for ch in s if s.startswith(("make", "vary")))


@pytest.mark.usefixtures("learned_reading")
def test_the_daemons_warm_up_reads_the_examples_after_the_encoder_loads() -> None:
    from bridge.commands import reader

    done: list[bool] = []
    thread = reader.warm(then=lambda: done.append(reader.reading_of("make it louder") is not None))
    assert thread is not None
    thread.join(timeout=300)
    assert done == [True]


def test_with_the_reading_off_the_warm_up_reads_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    from bridge.commands import reader

    monkeypatch.setenv("MUSEAROO_READING", "off")
    assert reader.warm(then=lambda: pytest.fail("read with the reading off")) is None
