"""Issue 55: a reading that leaves out a value word its sentence says is asked about, never acted on
(``bridge.commands.leftover_values``); a reading that reads the value acts. Sentences of our own; the
learned reading is given as the head would give it."""

from __future__ import annotations

import pytest

from bridge.commands import leftover_values as lv
from bridge.commands import reader
from bridge.commands.agree import agreed
from bridge.commands.intent import Intent
from bridge.commands.means import means_of
from bridge.commands.parser import parse as rules


def _sure(op: str, target: str | None = None) -> reader.Reading:
    return reader.Reading(((op, 0.93), ("softer", 0.03)), target)


def _read_as(text: str, said: str) -> Intent:
    """The rules' reading of ``said`` given as the reading of ``text`` (a reading that drops a value)."""
    got = rules(said)
    assert got.understood, got
    return Intent(got.action, got.part, got.params, text)


def test_the_rules_read_these_strengths_and_act() -> None:
    for text in (
        "humanise the bass a touch, it is stiff",
        "you all wanted more swing, so swing the ride a touch",
    ):
        ruled = rules(text)
        assert ruled.params.get("amount") == 0.25, ruled
        means = means_of(ruled.as_dict())
        assert agreed(text, ruled, _sure(means["op"], means["target"])).understood


@pytest.mark.parametrize(
    ("text", "op", "target", "word"),
    [
        ("humanise the bass a touch, it is stiff", "humanize", "bass", "a touch"),
        ("loosen the congas up a smidge", "humanize", "percussion", "a smidge"),
        ("could the melody be humanized a tiny bit", "humanize", "melody", "a tiny bit"),
        ("humanize the ride slightly please", "humanize", "ride", "slightly"),
        (
            "you all wanted more swing, so swing the ride a touch",
            "swing",
            "ride",
            "a touch",
        ),  # "more" elsewhere
    ],
)
def test_a_strength_the_reading_drops_is_asked_about_with_two_suggestions(
    text: str, op: str, target: str, word: str
) -> None:
    # the rules read these strengths since w63a; a reading that drops one (the rules' reading of the
    # sentence without it, given as this sentence's) is the case the guard is for
    ruled = _read_as(text, " ".join(text.replace(word, " ").split()))
    assert means_of(ruled.as_dict()) == {"op": op, "target": target}  # read without the strength said
    answer = agreed(text, ruled, _sure(op, target))
    assert not answer.understood, answer
    assert f"'{word}'" in answer.params["reason"]
    assert len(answer.params["suggestions"]) >= 2


@pytest.mark.parametrize(
    ("text", "means"),
    [
        ("swing the ride a tiny bit", {"op": "swing", "target": "ride", "amount": 0.25}),
        ("give the shaker a heavy swing", {"op": "swing", "target": "percussion", "amount": 0.75}),
        ("humanise the bass, it is a bit stiff", {"op": "humanize", "target": "bass"}),  # how it is now
        ("make the snare a little softer", {"op": "softer", "target": "snare"}),  # no op of a strength
        ("drop the chords an octave", {"op": "transpose", "target": "chords", "semitones": -12}),  # a verb
        ("thin out the keys for the build", {"op": "simpler", "target": "chords", "scope": {"section": "build"}}),
        ("sprinkle ghost notes on the snare", {"op": "add", "target": "ghost_notes"}),  # the snare's own
    ],
)  # fmt: skip
def test_a_reading_that_reads_its_values_acts(text: str, means: dict[str, object]) -> None:
    ruled = rules(text)
    assert means_of(ruled.as_dict()) == means
    target = means.get("target")
    answer = agreed(text, ruled, _sure(str(means["op"]), target if isinstance(target, str) else None))
    assert means_of(answer.as_dict()) == means
    assert lv.leftover(text, answer) == []


@pytest.mark.parametrize(
    ("text", "said", "left"),
    [
        ("make the hats busier in the drop", "make the hats busier", [("drop", "section")]),
        ("swing the ride and the toms", "swing the ride", [("toms", "part")]),
        (
            "a bass line in E minor at 96 bpm",
            "make a bass line",
            [("E minor", "key"), ("96", "number"), ("bpm", "tempo")],
        ),
        ("quantize the keys in F sharp minor", "quantize the chords", [("F# minor", "key")]),
    ],
)
def test_the_value_words_a_reading_leaves_out_by_kind(
    text: str, said: str, left: list[tuple[str, str]]
) -> None:
    got = lv.leftover(text, _read_as(text, said))
    assert got == left


def test_a_strength_read_as_another_is_left_over() -> None:
    text = "swing the ride a little"
    read = rules(text)
    assert read.params["amount"] == 0.25
    assert lv.leftover(text, read) == []
    other = Intent(read.action, read.part, {**read.params, "amount": 0.75}, text)
    assert lv.leftover(text, other) == [("a little", "amount")]


def test_a_value_word_heard_against_or_kept_is_no_value_of_the_request() -> None:
    text = "swing the hats, the snare stays as it is"
    assert lv.leftover(text, _read_as(text, "swing the hats")) == []
    text = "make the bass busier, it is buried under the chords"
    assert lv.leftover(text, _read_as(text, "make the bass busier")) == []


def test_with_the_guard_off_the_dropped_strength_acts(monkeypatch: pytest.MonkeyPatch) -> None:
    """The guard's own switch: with no kind guarded the old gate acts on the reading without the strength."""
    text = "humanise the bass a touch, it is stiff"
    monkeypatch.setattr(lv, "GUARDED", ())
    assert agreed(text, rules(text), _sure("humanize", "bass")).understood
