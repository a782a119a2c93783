"""v64: where the pair asks, the grammar's sentences nearest in phones to words that read as no command
(``nearest.near``, ``AgreeLimits.offer_near``) are weighed for the question's second choice; never a
number or a key, never acted on, never a refusal turned into a question; and Whisper's words snapped to
the grammar word nearest in sound ("very" is "vary", not "every")."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bridge.commands import snapping
from bridge.commands.agreeing import LIMITS as DAEMON
from bridge.commands.confidence import Decision
from bridge.commands.fast_whisper import Transcript
from bridge.commands.intent import Intent
from bridge.commands.nearest import near, says_a_value
from bridge.commands.spoken_agree import Candidate, agree, heard_as
from bridge.commands.spoken_offer import widen
from tests.bridge.commands.test_spoken_agree import scorer
from tests.bridge.commands.test_spoken_ties import _dictionary, heard  # noqa: F401 (its fixture)

pytestmark = pytest.mark.usefixtures("_dictionary")

OFF = replace(DAEMON, offer_near=-1.0)  # the question before v64
NEAR = replace(DAEMON, offer_near=0.3)

# pocketsphinx hears two grooves under the song; Whisper writes "sip a rate the drums", no command
SPHINX = heard("make a trap beat", "make a rock beat")
WROTE = [Transcript(" Sip a rate the drums.", -0.8)]
BASE = {"sip a rate the drums": -0.8, "make a rock beat": -2.6, "make a trap beat": -3.4}


def same(intent: Intent, sentence: str) -> bool:
    return intent.as_dict() == heard_as(sentence).as_dict()


def test_the_grammar_sentence_nearest_in_phones_is_found() -> None:
    found = near("sip a rate the drums", 0.3)
    assert found and found[0][1] == "separate the drums" and found[0][0] <= 0.3, found
    assert near("reverse the bays", 0.3)[0][1] in ("reverse the bass", "reverse the keys")


def test_nothing_is_found_beyond_the_limit_or_for_nothing_said() -> None:
    assert all(d <= 0.1 for d, _ in near("sip a rate the drums", 0.1))
    assert near("", 0.3) == [] and near("sip a rate the drums", -1.0) == []


def test_a_number_or_a_key_is_never_found() -> None:
    """ "up to semitones" is a phone from "up two semitones"; "be minor" from "b minor"."""
    for said in ("transpose up to semitones", "set the key to be minor", "set the tempo to won hundred"):
        assert not any(says_a_value(heard_as(s)) for _, s in near(said, 0.4)), said


def test_a_bad_limit_is_named() -> None:
    with pytest.raises(ValueError, match=r"1\.5"):
        near("stop", 1.5)


def test_the_question_offers_the_nearest_sentence_whisper_scores_best() -> None:
    d, _ = agree(SPHINX, WROTE, scorer({**BASE, "separate the drums": -1.0}), NEAR)
    assert d.kind == "ask" and d.choices[0].params.get("genre") == "rock"  # the first choice stays
    assert same(d.choices[1], "separate the drums"), d.choices[1].as_dict()


def test_before_v64_the_nearest_sentence_was_never_offered() -> None:
    d, _ = agree(SPHINX, WROTE, scorer({**BASE, "separate the drums": -1.0}), OFF)
    assert d.kind == "ask" and not any(same(c, "separate the drums") for c in d.choices)


def test_the_nearest_sentence_never_acts_nor_turns_a_refusal_into_a_question() -> None:
    """Whisper scoring it above its own words leaves the question a question; with nothing pocketsphinx
    read and no command written, the refusal stays a refusal."""
    scores = scorer({**BASE, "separate the drums": -0.1})
    for limits in (OFF, NEAR):
        assert agree(SPHINX, WROTE, scores, limits)[0].kind == "ask"
        assert agree(heard(), WROTE, scores, limits)[0].kind == "refuse"


def test_an_act_is_left_as_it_is() -> None:
    stop = agree(heard("stop", "start"), [Transcript(" Stop.", -0.1)], scorer({"stop": -0.1}), NEAR)[0]
    assert (
        stop.kind == "act" and widen(stop, [], ["sip a rate the drums"], scorer(BASE), 0, True, 0.3) is stop
    )


def test_a_question_offers_only_what_it_offered_without_a_limit() -> None:
    ask = Decision("ask", heard_as("make a rock beat"), (heard_as("make a rock beat"),))
    assert widen(ask, [], ["sip a rate the drums"], scorer(BASE), 0, True, -1.0) is ask


def test_snap_by_sound_takes_the_grammar_word_nearest_in_sound(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "very" is spelled nearer "every" but sounds as "vary" ("every the drums" reads as another command)."""
    assert snapping.snap("very the drums") == "every the drums"  # the daemon's (``BY_SOUND`` off)
    monkeypatch.setattr(snapping, "BY_SOUND", True)
    assert snapping.snap("very the drums") == "vary the drums"
    assert snapping.snap("quanta ties the keys") == "quantize the keys"  # a joined pair as before


def test_no_sentence_is_added_where_the_nearest_is_proposed_already() -> None:
    """pocketsphinx read "make the chords busier", the sentence nearest Whisper's "make the chords hazier":
    a farther one ("make the chords harder") is not weighed, however well Whisper scores it."""
    assert near("make the chords hazier", 0.3)[0][1] == "make the chords busier"
    rock, busier = heard_as("make a rock beat"), heard_as("make the chords busier")
    found = [
        Candidate(rock, "make a rock beat", -2.6, -3000.0),
        Candidate(busier, "make the chords busier", -3.0),
    ]
    ask = Decision("ask", rock, (rock, busier))
    d = widen(ask, found, ["make the chords hazier"], scorer({"make the chords harder": -0.5}), 0, True, 0.3)
    assert same(d.choices[1], "make the chords busier"), d.choices[1].as_dict()
