"""Issue 55, thirteenth round (r55aj): where the gate asked about a sentence the learned reading read right.

Four kinds (docs/benchmarks/reading.md, "The gate's refusals"): a contested reading is the rules' to act on;
a fill's and a shift's own sentence (below); values said without their unit (at the end).

First: where the learned reading is sure of another op than the rules' but short of ``agree.OVERRIDE`` and still
gives the rules' op at least ``agree.CONTESTED`` (its lead at most 3 to 1), the rules' reading is acted on;
before this round it was asked about (checked: on 617bb3e's agree.py, the ``CONTESTED`` step taken out,
every sentence of ``CONTESTED_READINGS`` is a question). The guards stay: opposite ops are asked about,
and a rules' op the reading gives less than ``CONTESTED`` is asked about as before (checked: each test of
the second half fails with its step of ``agree._weighed`` taken out or the bound lowered). The learned
reading is given as the head would give it (docs/benchmarks/reading.md, "The gate's refusals": the held-out
head's readings of this kind); the sentences are the engineer's own.
"""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import reader
from bridge.commands.agree import CONTESTED, OVERRIDE, SURE, agreed
from bridge.commands.means import means_of
from bridge.commands.parser import parse as rules


def contested(
    best: str, p_best: float, ours: str, p_ours: float, target: str | None = None
) -> reader.Reading:
    """A reading sure of ``best`` (past SURE, its lead past MARGIN) with the rules' op second."""
    return reader.Reading(((best, p_best), (ours, p_ours), ("help", 0.01)), target)


def case(text: str, reading: reader.Reading, **means: Any) -> Any:
    return pytest.param(text, reading, means, id=text)


CONTESTED_READINGS = [
    case("turn the chords into a waltz", contested("set", 0.66, "feel", 0.3, "chords"),
         op="feel", target="chords", feel="waltz"),
    case("put the bass in half time", contested("make", 0.62, "feel", 0.33, "bass"),
         op="feel", target="bass", feel="half_time"),
    case("put the drums in double time", contested("make", 0.63, "feel", 0.31, "drums"),
         op="feel", target="drums", feel="double_time"),
    case("play the hats straight, no swing", contested("swing", 0.7, "feel", 0.27, "hats"),
         op="feel", target="hats", feel="straight"),
    case("give me a reggae beat at 75 bpm", contested("set", 0.64, "make", 0.3, "drums"),
         op="make", target="drums", genre="reggae", tempo_bpm=75),
    case("lay down some boom bap drums at 92", contested("set", 0.61, "make", 0.34, "drums"),
         op="make", target="drums", genre="hip-hop", tempo_bpm=92),
    case("shift the melody up a fourth", contested("set", 0.63, "transpose", 0.33, "melody"),
         op="transpose", target="melody", semitones=5),
    case("write two different melodies so I can pick", contested("vary", 0.61, "make", 0.34, "melody"),
         op="make", target="melody", versions=2),
    case("give me 3 different takes on the chords", contested("make", 0.65, "vary", 0.3, "chords"),
         op="vary", target="chords", versions=3),
    case("make a bass line that follows my rhodes track", contested("accompany", 0.67, "make", 0.31, "bass"),
         op="make", target="bass", follow="track:rhodes"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "reading", "means"), CONTESTED_READINGS)
def test_a_contested_reading_acts_on_the_rules(
    text: str, reading: reader.Reading, means: dict[str, Any]
) -> None:
    (best, p_best), (ours, p_ours) = reading.ops[:2]
    assert SURE <= p_best < OVERRIDE and p_ours >= CONTESTED  # the kind: sure of another op, the rules' close
    assert means_of(rules(text).as_dict())["op"] == ours != best
    intent = agreed(text, rules(text), reading)
    assert intent.understood, intent.params.get("reason")
    assert means_of(intent.as_dict()) == means


@pytest.mark.parametrize(("text", "reading", "means"), CONTESTED_READINGS)
def test_the_rules_op_far_behind_is_still_asked_about(
    text: str, reading: reader.Reading, means: dict[str, Any]
) -> None:
    (best, _), (ours, _) = reading.ops[:2]
    far = contested(best, 0.78, ours, 0.2, reading.target)  # a lead of almost 4 to 1: not contested
    intent = agreed(text, rules(text), far)
    assert not intent.understood
    assert str(intent.params["reason"]).startswith("did you mean")


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("make the hats louder", contested("softer", 0.66, "louder", 0.3, "hats")),
        ("bring the snare down a bit", contested("louder", 0.64, "softer", 0.32, "snare")),
        ("busier drums please", contested("simpler", 0.62, "busier", 0.33, "drums")),
        ("mute the keys please", contested("unmute", 0.63, "mute", 0.3, "chords")),
    ],
    ids=lambda x: x if isinstance(x, str) else "",
)
def test_opposite_readings_are_still_asked_about(text: str, reading: reader.Reading) -> None:
    assert means_of(rules(text).as_dict())["op"] == reading.ops[1][0]
    assert not agreed(text, rules(text), reading).understood


def test_a_contested_reading_still_asks_about_a_word_the_rules_leave_unexplained() -> None:
    text = "eight bars of drums plus a bass line at 120"  # the rules read drums: what of the bass?
    assert means_of(rules(text).as_dict())["op"] == "make"
    intent = agreed(text, rules(text), contested("set", 0.64, "make", 0.3, "drums"))
    assert not intent.understood
    assert "'bass'" in str(intent.params["reason"])


# A reading sure of a fill or a shift the rules do not read is acted on through the op's own sentence
# (``rephrase.sentence_for``): a fill's sentence was read by the rules as a new drum part, and a shift
# said with the length first, a British length or the way in the verb had none (checked: on 617bb3e's
# rephrase.py every sentence below is asked about or refused).
def sure_of(op: str, target: str) -> reader.Reading:
    return reader.Reading(((op, 0.95), ("make", 0.02)), target)


FILLS = [
    case("first verse could use a fill", sure_of("fill", "drums"), op="fill", target="drums",
         scope={"section": "verse"}),
    case("last chorus wants a big fill", sure_of("fill", "drums"), op="fill", target="drums",
         scope={"section": "chorus", "nth": -1}),
    case("third chorus needs a fill to lift it", sure_of("fill", "drums"), op="fill", target="drums",
         scope={"section": "chorus", "nth": 3}),
    case("outro needs a drum fill", sure_of("fill", "drums"), op="fill", target="drums",
         scope={"section": "outro"}),
    case("the breakdown could do with a fill", sure_of("fill", "drums"), op="fill", target="drums",
         scope={"section": "breakdown"}),
    case("bridge is crying out for a fill", sure_of("fill", "drums"), op="fill", target="drums",
         scope={"section": "bridge"}),
    case("hit me with a drum fill in the intro", sure_of("fill", "drums"), op="fill", target="drums",
         scope={"section": "intro"}),
    case("drum fill in the final bar", sure_of("fill", "drums"), op="fill", target="drums",
         scope={"last_bars": 1}),
    case("could the drums get a fill", sure_of("fill", "drums"), op="fill", target="drums"),
]  # fmt: skip

SHIFTS = [
    case("move the bass a semiquaver later", sure_of("shift", "bass"), op="shift", target="bass", beats=0.25),
    case("drag the snare a crotchet behind", sure_of("shift", "snare"), op="shift", target="snare", beats=1.0),
    case("the chords should go a beat ahead", sure_of("shift", "chords"), op="shift", target="chords",
         beats=-1.0),
    case("postpone the lead melody by a quaver", sure_of("shift", "melody"), op="shift", target="melody",
         beats=0.5),
    case("prepone the claps by one semiquaver", sure_of("shift", "claps"), op="shift", target="claps",
         beats=-0.25),
    case("postpone the toms by one 16th", sure_of("shift", "toms"), op="shift", target="toms", beats=0.25),
    case("kick a semiquaver ahead please", sure_of("shift", "kick"), op="shift", target="kick", beats=-0.25),
    case("the melody should land one eighth later", sure_of("shift", "melody"), op="shift", target="melody",
         beats=0.5),
    case("put the bass a sixteenth back", sure_of("shift", "bass"), op="shift", target="bass", beats=0.25),
    case("the keys want to sit a quaver behind", sure_of("shift", "chords"), op="shift", target="chords",
         beats=0.5),
]  # fmt: skip


@pytest.mark.parametrize(("text", "reading", "means"), FILLS + SHIFTS)
def test_a_sure_fill_or_shift_the_rules_do_not_read_is_acted_on(
    text: str, reading: reader.Reading, means: dict[str, Any]
) -> None:
    assert not rules(text).understood or means_of(rules(text).as_dict())["op"] != means["op"]
    intent = agreed(text, rules(text), reading)
    assert intent.understood, intent.params.get("reason")
    assert means_of(intent.as_dict()) == means


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("a fill going into the drop", sure_of("fill", "drums")),  # before the drop: no fill sentence says it
        ("a fill leading up to the last chorus", sure_of("fill", "drums")),
        ("drum fill right before the bridge", sure_of("fill", "drums")),
        ("nudge the snare 2 sixteenths later", sure_of("shift", "snare")),  # a count of lengths not read
    ],
    ids=lambda x: x if isinstance(x, str) else "",
)
def test_a_place_or_length_no_sentence_says_is_not_acted_on(text: str, reading: reader.Reading) -> None:
    assert not agreed(text, rules(text), reading).understood


# Values said without the unit the parser reads them by (``bare_values``), carried by the op's own sentence:
# a reading sure of the op acts on them, and an op both readings agree on whose rules' reading leaves the
# value unexplained is read again through that sentence (``agree._fuller``). Checked: with 6263c5f~1's
# rephrase.py and no ``_fuller`` every sentence below is asked about.
UNDO_COUNTS = [
    case("scrap the last 2 changes", sure_of("undo", ""), op="undo", count=2),
    case("roll back the past four edits", sure_of("undo", ""), op="undo", count=4),
    case("revert your last five changes please", sure_of("undo", ""), op="undo", count=5),
    case("ctrl z the last 3 edits", sure_of("undo", ""), op="undo", count=3),
    case("rewind the last 2 changes", sure_of("undo", ""), op="undo", count=2),
    case("bin the last three edits", sure_of("undo", ""), op="undo", count=3),
    case("reverse your past 2 actions", sure_of("undo", ""), op="undo", count=2),
    case("nuke the last four changes", sure_of("undo", ""), op="undo", count=4),
]
MORE_BARS = [
    case("carry the melody on for another 4", sure_of("continue", "melody"), op="continue", target="melody", bars=4),
    case("keep the bass going another 16", sure_of("continue", "bass"), op="continue", target="bass", bars=16),
    case("extend the drums a further 8", sure_of("continue", "drums"), op="continue", target="drums", bars=8),
    case("run the chords on for an extra 4", sure_of("continue", "chords"), op="continue", target="chords", bars=4),
    case("let the lead keep going another 12", sure_of("continue", "melody"), op="continue", target="melody",
         bars=12),
    case("continue that beat for another 8", sure_of("continue", "drums"), op="continue", target="drums", bars=8),
    case("stretch the bassline out a further 4", sure_of("continue", "bass"), op="continue", target="bass", bars=4),
    case("lengthen the tune by another 8", sure_of("continue", "melody"), op="continue", target="melody", bars=8),
]  # fmt: skip
BARE_TEMPI = [
    case("set the project to 128", sure_of("set", "song"), op="set", target="song", tempo_bpm=128),
    case("bring the session down to 90", sure_of("set", "song"), op="set", target="song", tempo_bpm=90),
    case("project to 174 please", sure_of("set", "song"), op="set", target="song", tempo_bpm=174),
    case("can the track run at 86", sure_of("set", "song"), op="set", target="song", tempo_bpm=86),
    case("slow the whole song down to 72", sure_of("set", "song"), op="set", target="song", tempo_bpm=72),
    case("whole project at 118 please", sure_of("set", "song"), op="set", target="song", tempo_bpm=118),
    case("move the project to 104", sure_of("set", "song"), op="set", target="song", tempo_bpm=104),
    case("have the session at 165", sure_of("set", "song"), op="set", target="song", tempo_bpm=165),
]


@pytest.mark.parametrize(("text", "reading", "means"), UNDO_COUNTS + MORE_BARS + BARE_TEMPI)
def test_a_value_said_without_its_unit_is_carried(
    text: str, reading: reader.Reading, means: dict[str, Any]
) -> None:
    if text not in [c.values[0] for c in MORE_BARS]:  # f55c: the rules read "another 4" of a clip as bars now
        assert (
            not rules(text).understood or means_of(rules(text).as_dict()) != means
        )  # the rules alone miss it
    intent = agreed(text, rules(text), reading)
    assert intent.understood, intent.params.get("reason")
    assert means_of(intent.as_dict()) == means


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("set the swing to 60", sure_of("set", "song")),  # another setting's number
        ("set the volume of the song to 80", sure_of("set", "song")),
        ("set the reverb send to 90", sure_of("set", "song")),
        ("set the project to 12", sure_of("set", "song")),  # no tempo
        ("set the project to 300", sure_of("set", "song")),
    ],
    ids=lambda x: x if isinstance(x, str) else "",
)
def test_a_bare_number_that_is_not_the_value_is_not_acted_on(text: str, reading: reader.Reading) -> None:
    assert not agreed(text, rules(text), reading).understood


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("extend the melody in a jazz style another 8", sure_of("continue", "melody")),  # the jazz: unread
        ("extend the melody in D minor another 8", sure_of("continue", "melody")),  # the key: unread
        ("undo the swing, the last 2 changes", sure_of("undo", "")),  # the swing: which change?
    ],
    ids=lambda x: x if isinstance(x, str) else "",
)
def test_a_reading_again_that_leaves_a_word_unexplained_is_still_asked(
    text: str, reading: reader.Reading
) -> None:
    assert means_of(rules(text).as_dict())["op"] == reading.ops[0][0]  # both readings agree on the op
    intent = agreed(text, rules(text), reading)
    assert not intent.understood
    assert str(intent.params["reason"]).startswith("did you mean")
