"""Round 22 (w66d): a clear request with talk around it (issue 55).

The talk a producer says after a request (a verdict on the value it has now, something vague that is
wrong, a verdict on the last take, what it is likened to, who it is for) and the chords named by
their degrees ("walks the 1 4 and 5") carry no value of the request: the request is acted on. Talk
that names another change ("..., and make the kick louder", "..., but not the snare") is never set
aside.
"""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.degree_talk import without_degrees
from bridge.commands.means import means_of
from bridge.commands.reasons import without_reasons
from tests.bridge.commands.meant import case, read


# 1. The talk is cut from the written sentence wherever it is of a kind that says no value.
@pytest.mark.parametrize(
    ("said", "asked"),
    [
        # the value it has now, judged: the request's value is the one said before it
        ("set the tempo to 88, 100 is way too fast for this groove", "set the tempo to 88"),
        # something vague that is wrong
        ("vary the bass in the verse, something about the groove feels off", "vary the bass in the verse"),
        # a verdict on the take there is now
        ("give me another take of the keys, that one's way too busy", "give me another take of the keys"),
        ("go back to the previous take, that one had a better groove", "go back to the previous take"),
        # what it is likened to, a part in it no target ("like a drum machine")
        ("swing the hats, like an old motown record", "swing the hats"),
        ("humanize the hats a bit, they sound like a drum machine", "humanize the hats a bit"),
        # who it is for, after it is done
        ("list the takes i starred, i want to show them to the band", "list the takes i starred"),
        # a length said in the likeness, or said alone after it, stays the request's
        ("write a melody, like the old records, about 8 bars", "write a melody, about 8 bars"),
    ],
)  # fmt: skip
def test_the_talk_after_a_request_is_cut(said: str, asked: str) -> None:
    assert without_reasons(said) == asked


@pytest.mark.parametrize(
    "said",
    [
        "mute the bass, but not the hats",  # another change's limit: never set aside
        "make the snare louder, and make the kick louder",  # another request
        "bring the pad track in slowly, like a sixteen bar fade",  # the likeness holds the length
        "make the whole song slower, like 80 bpm",  # and the tempo
        "the snare drags a bit, can u shift it earlier, like a sixteenth?",  # and the shift
        "mute the bass, the drums are too quiet",  # another part as the subject
    ],
)
def test_talk_that_may_hold_the_request_is_kept(said: str) -> None:
    assert without_reasons(said) == said


# 2. Chords named by their degrees are talk; numbers that count bars, beats or takes are not.
@pytest.mark.parametrize(
    ("s", "cut"),
    [
        (" write a bass line that walks the 1 4 and 5 in the verse ", " write a bass line that walks the in the verse "),
        (" make 8 bars of chords going 6 4 1 5 in _key_ ", " make 8 bars of chords going in _key_ "),
        (" we are studying the 2 5 1 this week ", " we are studying the this week "),
        (" voice a ii v i on the piano ", " voice a on the piano "),
        (" a melody that leans on the 5 chord ", " a melody that leans on "),
    ],
)  # fmt: skip
def test_degrees_are_cut(s: str, cut: str) -> None:
    assert without_degrees(s) == cut


@pytest.mark.parametrize(
    "s",
    [
        " add a kick on 1 2 and 3 ",  # beats
        " add a kick on beats 1 2 3 and 4 ",
        " remove the kick in bars 5 6 7 ",  # bars
        " make 1 2 3 4 bars ",
        " put claps on 2 and 4 ",  # two numbers: a backbeat, no run
    ],
)
def test_counted_numbers_are_no_degrees(s: str) -> None:
    assert without_degrees(s) == s


# 3. The whole reading: the request acted on, its values and no word of the talk.
TALK = [
    case("set the tempo to 88, 100 is way too fast for this groove", op="set", target="song", tempo_bpm=88),
    case("vary the bass in the verse, something about the groove feels off", op="vary", target="bass",
         scope={"section": "verse"}),
    case("give me another take of the keys, that one's way too busy", op="vary", target="chords"),
    case("swing the hats, like an old motown record", op="swing", target="hats"),
    case("humanize the hats a bit, they sound like a drum machine", op="humanize", target="hats"),
    case("write a bass line for the verse that walks the 1 4 and 5", op="make", target="bass",
         scope={"section": "verse"}),
    case("make 8 bars of chords going 6 4 1 5 in D major", op="make", target="chords", bars=8, key="D major"),
    case("write a melody for the chorus that leans on the 5 chord", op="make", target="melody",
         scope={"section": "chorus"}),
]  # fmt: skip


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(("text", "want"), TALK)
def test_a_request_with_talk_is_acted_on(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@pytest.mark.usefixtures("learned_reading")
def test_another_change_after_the_request_is_still_done_or_asked() -> None:
    both = parse("set the tempo to 90, and make the kick louder")
    assert means_of(both.as_dict())["op"] == "set" and both.params["then"]
    assert not parse("mute the bass, the drums are too quiet").understood


# 4. What someone will listen to meanwhile, and what the part sits on top of, are no targets.
@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("solo the bass for a bit, i want the band to hear the kick", "solo the bass for a bit"),
        ("mute the keys for now; i wish to hear the drums and bass without them", "mute the keys for now"),
        ("shift the snare a sixteenth later, its landing right on top of the hats", "shift the snare a sixteenth later"),
    ],
)  # fmt: skip
def test_what_is_listened_to_or_sat_on_is_no_target(said: str, asked: str) -> None:
    assert without_reasons(said) == asked
