"""v62a: where the recognisers disagree and the pair asks, the question offers the command Whisper
wrote beside pocketsphinx's reading (``AgreeLimits.offer``), never acts on it, and a bad offer is named."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bridge.commands.agreeing import LIMITS as DAEMON
from bridge.commands.fast_whisper import Transcript
from bridge.commands.spoken_agree import agree
from bridge.commands.spoken_offer import second_choice
from tests.bridge.commands.test_spoken_agree import scorer
from tests.bridge.commands.test_spoken_ties import _dictionary, heard  # noqa: F401 (its fixture)

BEFORE = replace(DAEMON, offer="sphinx")  # the question before v62a: pocketsphinx's two readings
WRITTEN = replace(DAEMON, offer="written")
WHISPER = replace(DAEMON, offer="whisper")

# pocketsphinx hears two grooves in the song's noise; Whisper writes "cancel that", unsure of it (below
# the gate of part H), and scores pocketsphinx's readings far below its own words
SPHINX = heard("make a trap beat", "make a rock beat")
WROTE = [Transcript(" Cancel that.", -0.7), Transcript(" Cancel that one.", -0.9)]
SCORES = scorer(
    {"cancel that": -0.7, "cancel that one": -0.9, "make a rock beat": -2.6, "make a trap beat": -3.4}
)


@pytest.mark.parametrize("limits", [WRITTEN, WHISPER], ids=["written", "whisper"])
def test_the_question_offers_the_command_whisper_wrote_beside_pocketsphinxs(limits: object) -> None:
    d, _ = agree(SPHINX, WROTE, SCORES, limits)  # type: ignore[arg-type]
    assert d.kind == "ask"
    assert [c.action for c in d.choices] == ["generate", "cancel"]
    assert d.choices[0].params.get("genre") == "rock"  # Whisper's likeliest of pocketsphinx's stays first


def test_before_v62a_both_choices_were_pocketsphinxs() -> None:
    d, _ = agree(SPHINX, WROTE, SCORES, BEFORE)
    assert d.kind == "ask" and [c.action for c in d.choices] == ["generate", "generate"]


def test_offering_whispers_command_never_acts_on_it() -> None:
    """Only the choices change: what was asked is still asked, and a key Whisper wrote is only offered."""
    wrote = [Transcript(" Set the key to E minor.", -0.8)]
    scores = scorer({"set the key to e minor": -0.8, "make a rock beat": -2.9, "make a trap beat": -3.1})
    for limits in (BEFORE, WRITTEN, WHISPER):
        d, _ = agree(SPHINX, wrote, scores, limits)
        assert d.kind == "ask" and d.choices[0].params.get("genre") == "rock"
    offered = agree(SPHINX, wrote, scores, WHISPER)[0].choices[1]
    assert (offered.action, offered.params.get("key")) == ("set_key", "E minor")


def test_where_whisper_wrote_no_command_and_scores_pocketsphinxs_next_its_best_is_still_offered() -> None:
    mumble = [Transcript(" Thank you.", -0.8)]
    scores = scorer({"thank you": -0.8, "make a rock beat": -2.6, "make a trap beat": -3.4})
    d, _ = agree(SPHINX, mumble, scores, WHISPER)
    assert d.kind == "ask" and [c.params.get("genre") for c in d.choices] == ["rock", "trap"]


def test_a_bad_offer_is_named() -> None:
    with pytest.raises(ValueError, match="'whisperr'"):
        second_choice(None, None, [], "whisperr")


def test_the_daemons_question_offers_whispers_likeliest_command() -> None:
    """The daemon's pair (v62a) asks between pocketsphinx's reading and what Whisper wrote."""
    d, _ = agree(SPHINX, WROTE, SCORES, DAEMON)
    assert d.kind == "ask" and [c.action for c in d.choices] == ["generate", "cancel"]
