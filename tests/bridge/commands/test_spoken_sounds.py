"""Issue 56 part G: where Whisper writes no command but its words sound like pocketsphinx's best
command ("and do that" for "undo that"), the pair acts on it; where the sounds point elsewhere, or
Whisper wrote another command, it still asks."""

from __future__ import annotations

import importlib.util
from dataclasses import replace

import pytest

from bridge.commands.agreeing import LIMITS
from bridge.commands.confidence import Hearing, Reading
from bridge.commands.fast_whisper import Transcript
from bridge.commands.sounds import distance, phones
from bridge.commands.spoken_agree import agree
from tests.bridge.commands.test_spoken_agree import scorer
from tests.conftest import missing


@pytest.fixture(autouse=True)
def _dictionary() -> None:
    if importlib.util.find_spec("pocketsphinx") is None:
        missing("pocketsphinx (its US-English dictionary gives the phones) is not installed")


def heard(*texts: str) -> Hearing:
    return Hearing(tuple(Reading(t, -3000.0 - 100.0 * n) for n, t in enumerate(texts)), frames=100, fit=-30.0)


def whisper(*texts: str) -> list[Transcript]:
    return [Transcript(f" {t[:1].upper()}{t[1:]}.", -0.9 - 0.1 * n) for n, t in enumerate(texts)]


BEFORE = replace(LIMITS, sounds_within=-1.0)  # the pair before part G
ACTING = replace(LIMITS, confirm_edits="off")  # the pair before part J: what the sounds rule does alone


def test_phones_come_from_the_dictionary_and_unknown_words_match_nothing() -> None:
    assert phones("undo that") == ["AH", "N", "D", "UW", "DH", "AE", "T"]
    assert distance("very the chords", "vary the chords") == 0.0  # the same sounds, other words
    assert distance("and do that", "undo that") == pytest.approx(1 / 8)
    assert distance("and do that", "the tune in a") > 0.5
    assert distance("skalmer", "skalmer") == 1.0  # not in the dictionary: no sound to compare


def test_whisper_writing_no_command_that_sounds_like_pocketsphinxs_best_acts() -> None:
    """pocketsphinx reads "undo that"; Whisper writes "and do that" (no command) and scores "undo that"
    well below it, so the pair before part G asked ("Whisper hears no command well")."""
    table = {"and do that": -0.9, "undo that": -2.5, "the tune in a": -6.0}
    d, said = agree(heard("undo that", "the tune in a"), whisper("and do that"), scorer(table), LIMITS)
    assert (d.kind, d.intent.action, said) == ("act", "undo", "undo that")
    before, _ = agree(heard("undo that", "the tune in a"), whisper("and do that"), scorer(table), BEFORE)
    assert before.kind == "ask" and "Whisper hears no command well" in before.why


def test_it_acts_only_where_pocketsphinxs_best_sounds_nearest() -> None:
    """pocketsphinx reads "make the bass sparser", then "make the bass harder": Whisper's "make the bass
    parser" sounds like the first (acts), its "make the bass hard sir" like the second (asks)."""
    table = {"make the bass parser": -0.9, "make the bass hard sir": -0.9}
    table |= {"make the bass sparser": -2.6, "make the bass harder": -2.7}  # both far below what it wrote
    readings = heard("make the bass sparser", "make the bass harder")
    d, said = agree(readings, whisper("make the bass parser"), scorer(table), ACTING)
    assert (d.kind, d.intent.params.get("what"), said) == ("act", "density", "make the bass sparser")
    d, _ = agree(
        readings, whisper("make the bass parser"), scorer(table), replace(LIMITS, confirm_edits="all")
    )
    assert d.kind == "confirm"  # part J: a song change Whisper's words do not read as is said back
    d, _ = agree(readings, whisper("make the bass parser"), scorer(table), LIMITS)
    assert d.kind == "act"  # v73: snapped to the grammar's words it reads as it, and sounds like it
    assert agree(readings, whisper("make the bass parser"), scorer(table), BEFORE)[0].kind == "ask"
    d, _ = agree(readings, whisper("make the bass hard sir"), scorer(table), LIMITS)
    assert d.kind == "ask"


def test_it_asks_where_whisper_sounds_like_a_lower_reading_or_wrote_another_command() -> None:
    """Whisper's "make the bass faster" sounds nearer pocketsphinx's second reading than its best "mute
    the bass": nothing acts on a reading pocketsphinx ranked lower. And where one of Whisper's
    transcripts is another command ("cancel that"), its scores judge as before: the pair asks."""
    table = {"make the bass faster": -0.9, "mute the bass": -3.0, "make the bass sparser": -3.1}
    d, _ = agree(
        heard("mute the bass", "make the bass sparser"),
        whisper("make the bass faster"),
        scorer(table),
        LIMITS,
    )
    assert d.kind == "ask"
    table = {"and do that": -0.9, "cancel that": -1.0, "undo that": -2.5}
    d, _ = agree(heard("undo that"), whisper("and do that", "cancel that"), scorer(table), LIMITS)
    assert d.kind == "ask"


def test_where_whisper_wrote_a_command_its_scores_still_judge() -> None:
    """Whisper writes "start a jam in d minor", pocketsphinx's best, and also "start the jam in g minor",
    pocketsphinx's second, which it scores higher: the sounds agree on D, but Whisper wrote both
    commands, so the pair asks between them as before rather than acting on the sounds."""
    table = {
        "start a jam in d minor": -1.6,
        "start the jam in g minor": -1.3,
        "start a jam in g minor": -1.35,
    }
    readings = heard("start a jam in d minor", "start a jam in g minor")
    said = whisper("start a jam in d minor", "start the jam in g minor")
    d, _ = agree(readings, said, scorer(table), LIMITS)
    assert d.kind == "ask" and {c.params["key"] for c in d.choices} == {"D minor", "G minor"}


def test_a_command_with_a_number_or_a_key_is_not_acted_on_by_its_sounds() -> None:
    """Whisper's "transpose up to semitones" (no command) sounds like pocketsphinx's lone "transpose up
    three semitones" as much as like the "two" that was said: a value is not told apart by phones."""
    table = {"transpose up to semitones": -0.7, "transpose up three semitones": -2.4}
    d, _ = agree(
        heard("transpose up three semitones"), whisper("transpose up to semitones"), scorer(table), LIMITS
    )
    assert d.kind == "ask"
    assert distance("transpose up to semitones", "transpose up three semitones") <= LIMITS.sounds_within
