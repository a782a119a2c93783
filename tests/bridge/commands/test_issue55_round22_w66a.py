"""Issue 55, round 22 (w66a): a right reading asked about because of one word a producer counts as part of
the request. Four kinds (docs/benchmarks/commands.md, "Round 22 (27 Nov 2026): w66a"):

- a number said bare: a tempo after the bars ("a trap beat 8 bars 140") and a count of new takes ("gimme 2
  more", "3 more bass takes"), read through the op's own sentence (``bare_values``);
- the selected clip named by its kind ("split this old demo tape into stems"), a progression by its degrees
  ("chords going 1 6 4 5"), the meters an analysis tells apart ("is this in 3/4 or 6/8?"), and a
  contraction of a word read ("what key's this riff in"): ``described``.

Each was a question on 18079f3a (checked: every test of the first half fails with ``described.without_described``
returning its sentence unchanged, or with the new ``BARE`` patterns taken out). The guards: a word that names an
action or a part is never described away, "4 more bars" is no count of takes. The learned reading is given as
the head gives it (sure of the op); the sentences are the engineer's own, none from a blind set.
"""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import reader
from bridge.commands.agree import agreed
from bridge.commands.described import contractions, without_described
from bridge.commands.intent import Intent
from bridge.commands.leftover_values import unsaid
from bridge.commands.means import means_of
from bridge.commands.normalize import normalize
from bridge.commands.parser import parse as rules
from bridge.commands.unexplained import unexplained


def sure_of(op: str, target: str) -> reader.Reading:
    return reader.Reading(((op, 0.95), ("make", 0.02)), target)


def case(text: str, reading: reader.Reading, **means: Any) -> Any:
    return pytest.param(text, reading, means, id=text)


ACTED = [
    # a tempo said bare after the bars, and takes counted with "more" and nothing else
    case("lay down a house beat 16 bars 124", sure_of("make", "drums"), op="make", target="drums", bars=16,
         genre="house", tempo_bpm=124),
    case("give me a techno beat 4 bars 132", sure_of("make", "drums"), op="make", target="drums", bars=4,
         genre="techno", tempo_bpm=132),
    case("redo the melody, gimme 3 more", sure_of("vary", "melody"), op="vary", target="melody", versions=3),
    case("another go at the chords, 2 more times", sure_of("vary", "chords"), op="vary", target="chords",
         versions=2),
    case("4 more melody takes please", sure_of("vary", "melody"), op="vary", target="melody", versions=4),
    # the selected clip named by its kind
    case("split this old demo tape into stems", sure_of("separate", "this"), op="separate"),
    case("separate this reggae in stems please", sure_of("separate", "this"), op="separate"),
    case("warp this dusty vinyl loop to the song", sure_of("warp", "this"), op="warp"),
    # a progression by its degrees, the meters an analysis tells apart, a contraction of a word read
    case("some chords in C major going 1 6 4 5, 8 bars", sure_of("make", "chords"), op="make", target="chords",
         bars=8, key="C major"),
    case("is this riff in 5/4 or 7/8", sure_of("analyze", "this"), op="analyze"),
    case("what key's this riff in", sure_of("analyze", "this"), op="analyze"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "reading", "means"), ACTED)
def test_a_word_said_to_describe_or_a_bare_value_is_read(
    text: str, reading: reader.Reading, means: dict[str, Any]
) -> None:
    intent = agreed(text, rules(text), reading)
    assert intent.understood, intent.params.get("reason")
    assert means_of(intent.as_dict()) == means


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("warp this bass loop and the drums to the song", sure_of("warp", "this")),  # the drums: which clip?
        ("make 4 more bars of the chords", sure_of("vary", "chords")),  # bars, never takes
    ],
    ids=lambda x: x if isinstance(x, str) else "",
)
def test_a_word_left_that_is_no_description_is_still_asked(text: str, reading: reader.Reading) -> None:
    intent = agreed(text, rules(text), reading)
    assert not intent.understood
    assert str(intent.params["reason"]).startswith("did you mean"), intent.params["reason"]


def test_a_count_said_beside_the_degrees_is_still_a_count() -> None:
    text = "some chords going 1 6 4 5, 3 takes"
    assert unsaid(text, Intent("generate", "chords", {}, text)) == "3"
    assert unsaid(text, Intent("generate", "chords", {"variations": 3}, text)) is None


def test_a_part_or_an_action_word_is_never_described_away() -> None:
    s = normalize("warp this swing loop and this bass loop")[0]  # "swing" names an op, "bass" a part
    assert without_described(s, {"op": "warp"}) == s
    text = "warp this bass loop to the song"
    assert unexplained(text, Intent("warp", None, {}, text)) == ["bass"]


def test_the_described_words_are_those_of_the_clip_the_degrees_and_the_meters() -> None:
    assert without_described(" split this old work tape into stems ", {"op": "separate"}) == (
        " split this _ _ _ into stems "
    )
    assert without_described(" chords going 1 6 4 and 5 ", {"op": "make", "target": "chords"}) == (
        " chords going _ _ _ _ _ "
    )
    assert without_described(" a melody over the 4 chord ", {"op": "make", "target": "melody"}) == (
        " a melody over the _ chord "
    )
    # degrees only of a pitched part's reading; a meter only of an analysis
    assert (
        without_described(" drums going 1 6 4 5 ", {"op": "make", "target": "drums"})
        == " drums going 1 6 4 5 "
    )
    assert without_described(" a beat in 6 8 ", {"op": "make", "target": "drums"}) == " a beat in 6 8 "
    assert contractions("what key's this in", {"key"}) == {"keys"}
    assert contractions("what key's this in", set()) == set()
