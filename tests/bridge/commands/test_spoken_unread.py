"""v84: a command Whisper's transcript reads as only through words the reader passed over ("humanize and
peas" read as humanize, "and peas" passed over) is no rival of pocketsphinx's sentence, which has a word the
reader uses in that place ("humanize the keys"); a word Whisper left out, or one the reader knows, keeps the
rival. Sentences, transcripts and scores written here, not the studio benchmark's."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bridge.commands.confidence import Hearing, Reading
from bridge.commands.spoken_agree import agree, heard_as
from bridge.commands.spoken_unread import masked, unread_rival, unread_rivals
from tests.bridge.commands.test_spoken_agree import scorer
from tests.bridge.commands.test_spoken_check import wrote
from tests.bridge.commands.test_spoken_heard import _dictionary  # noqa: F401 (the autouse fixture)

ON = replace(__import__("bridge.commands.agreeing", fromlist=["LIMITS"]).LIMITS, unread_rivals=True)
OFF = replace(ON, unread_rivals=False)


@pytest.mark.parametrize(
    ("sphinx", "written"),
    [
        ("humanize the keys", "humanize and peas"),  # humanize (no part): "and peas" passed over
        (
            "make a disco bass line",
            "make a this go bass line",
        ),  # a bass line (no genre): "this go" passed over
    ],
)
def test_a_command_read_from_words_passed_over_is_no_rival(sphinx: str, written: str) -> None:
    mine, theirs = heard_as(written), heard_as(sphinx)
    assert mine.understood and theirs.understood and mine.as_dict() != theirs.as_dict()  # a rival as read
    assert unread_rival(written, sphinx, heard_as)


@pytest.mark.parametrize(
    ("sphinx", "written"),
    [
        ("make a disco bass line", "make a bass line"),  # Whisper wrote nothing where "disco" was
        (
            "make me a disco bass line",
            "make a this go bass line",
        ),  # nor where "me" was, though it replaced "disco"
        ("make a disco bass line", "make a house bass line"),  # a word the reader knows: another genre
        ("make the drums busier", "make the drums is here"),  # "here" is read (a part made here)
        ("humanize the keys", "humanize the keys"),  # the same command
        ("mute the keys", "don't mute the keys"),  # nothing of pocketsphinx's replaced
        ("the keys in a", "humanize and peas"),  # pocketsphinx's sentence reads as no command
    ],
)
def test_still_a_rival(sphinx: str, written: str) -> None:
    assert not unread_rival(written, sphinx, heard_as)


def test_only_whisper_s_transcripts_against_pocketsphinx_s_best() -> None:
    sphinx = Hearing((Reading("humanize the keys", -3000.0), Reading("humanize the drums", -3500.0)), 100)
    said = ["humanize and peas", "humanize the keys", "humanize the drums"]
    assert unread_rivals(sphinx, said, heard_as) == {"humanize and peas", "humanize and pads"}  # snapped too
    assert unread_rivals(Hearing((), 1), said, heard_as) == frozenset()
    read = masked(heard_as, frozenset({"humanize and peas"}))
    assert not read("humanize and peas").understood and not read("humanize and peas").params["suggestions"]
    assert read("humanize the drums").understood


def test_the_pair_acts_where_the_only_rival_is_unread() -> None:
    sphinx = Hearing((Reading("humanize the keys", -3000.0), Reading("humanize the drums", -3500.0)), 100)
    table = {"humanize the keys": -1.3, "humanize the drums": -3.2, "humanize and peas": -0.8}
    heard = wrote("humanize and peas")
    asked, _ = agree(sphinx, heard, scorer(table), OFF)  # Whisper "heard" humanize (no part), ahead
    assert asked.kind == "ask" and "Whisper heard 'humanize and p" in asked.why  # as written or snapped
    d, text = agree(sphinx, heard, scorer(table), ON)
    assert (d.kind, d.intent.action, d.intent.part, d.intent.params, text) == (
        "act",
        "transform",
        "chords",
        {"kind": "humanize"},
        "humanize the keys",
    )


def test_the_pair_still_asks_where_whisper_left_the_word_out() -> None:
    sphinx = Hearing((Reading("make a disco bass line", -3000.0), Reading("make a bass line", -3300.0)), 100)
    table = {"make a disco bass line": -1.4, "make a bass line": -0.7}
    d, _ = agree(sphinx, wrote("make a bass line"), scorer(table), ON)
    assert d.kind == "ask"
