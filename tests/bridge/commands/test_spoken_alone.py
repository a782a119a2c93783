"""Issue 56 part F: where pocketsphinx proposes no command at all, Whisper's own command may act alone
(``whisper_alone``, measured and left off in the daemon's limits); where pocketsphinx reads another
command, the pair still asks, however sure Whisper is."""

from __future__ import annotations

from dataclasses import replace

from bridge.commands.agreeing import LIMITS
from bridge.commands.confidence import Hearing, Reading
from bridge.commands.fast_whisper import Transcript
from bridge.commands.spoken_agree import agree
from tests.bridge.commands.test_spoken_agree import scorer

BUSIER = [Transcript(" Make the melody busier.", -0.6), Transcript(" make the melody busier", -0.7)]
WROTE = {"make the melody busier": -0.6}  # Whisper's scores: what it wrote, as it wrote it
ALONE = replace(LIMITS, whisper_alone=True, confirm_edits="off")  # part F's rule alone (no part J)


def heard(*texts: str) -> Hearing:
    return Hearing(tuple(Reading(t, -3000.0 - 100.0 * n) for n, t in enumerate(texts)), frames=100, fit=-30.0)


def test_whisper_acts_alone_on_its_only_command_when_pocketsphinx_heard_nothing() -> None:
    d, said = agree(heard(), BUSIER, scorer(WROTE), ALONE)
    assert (d.kind, d.intent.action, said) == ("act", "adjust", "make the melody busier")
    checked, _ = agree(heard(), BUSIER, scorer(WROTE), replace(ALONE, confirm_edits="all"))
    assert checked.kind == "confirm" and "pocketsphinx heard nothing" in checked.why  # part J


def test_whisper_alone_asks_when_pocketsphinxs_reading_suggests_another_command() -> None:
    """pocketsphinx's reading "flute and an loop loop" is no command, but the reading of it suggests
    others ("make a loop of flute"): Whisper's command is not the only one proposed, so it is asked about."""
    d, said = agree(heard("flute and an loop loop"), BUSIER, scorer(WROTE), ALONE)
    assert (d.kind, said) == ("ask", "make the melody busier")
    assert "pocketsphinx did not hear 'make the melody busier'" in d.why


def test_the_daemons_limits_leave_whisper_alone_off_and_ask() -> None:
    d, _ = agree(heard(), BUSIER, scorer(WROTE), LIMITS)
    assert d.kind == "ask" and "pocketsphinx did not hear 'make the melody busier'" in d.why


def test_a_command_pocketsphinx_reads_differently_is_still_asked_about() -> None:
    """pocketsphinx reads "make the melody calmer" (a command, not in Whisper's transcripts): Whisper's
    sure "busier" does not outvote it, with whisper_alone on."""
    table = {**WROTE, "make the melody calmer": -3.5}
    d, said = agree(heard("make the melody calmer"), BUSIER, scorer(table), ALONE)
    assert d.kind == "ask" and said == "make the melody calmer"
    assert [c.heard for c in d.choices] == ["make the melody calmer", "make the melody busier"]
    assert "Whisper heard 'make the melody busier'" in d.why


def test_whisper_alone_asks_when_another_command_is_proposed_or_it_fits_badly() -> None:
    """Alone means the only command proposed: another of Whisper's transcripts reading as another command
    asks; so does a command Whisper scores far below what it hears freely."""
    two = [*BUSIER, Transcript(" Make the melody fuzzier.", -1.9)]
    table = {**WROTE, "make the melody fuzzier": -1.9}
    d, _ = agree(heard(), two, scorer(table), ALONE)
    assert d.kind == "ask" and "pocketsphinx did not hear" in d.why
    loose = [Transcript(" Make the melody busier, I think, tonight.", -0.2)]
    fits = {"make the melody busier i think tonight": -0.2, "make the melody busier": -2.5}
    d, _ = agree(heard(), loose, scorer(fits), ALONE)
    assert d.kind != "act"
