"""v61a: a command Whisper wrote itself may trail pocketsphinx's best reading by ``written_margin``
(off in the daemon); a command with a number or a key, or one Whisper only scores, still needs
pocketsphinx's lead."""

from __future__ import annotations

from dataclasses import replace

from bridge.commands.agreeing import LIMITS as DAEMON
from bridge.commands.fast_whisper import Transcript
from bridge.commands.spoken_agree import agree
from tests.bridge.commands.test_spoken_agree import scorer
from tests.bridge.commands.test_spoken_ties import _dictionary, heard  # noqa: F401 (its fixture)

LOOSE = replace(DAEMON, written_margin=-99.0)  # the rule as measured (off in the daemon)


def test_the_daemon_leaves_the_written_margin_off() -> None:
    assert DAEMON.written_margin is None


def test_whispers_own_command_behind_pocketsphinxs_best_acts_with_the_margin_loosened() -> None:
    wrote = [Transcript(" Halt.", -0.7)]
    scores = scorer({"halt": -0.7, "play it": -2.9})
    loose, said = agree(heard("play it", "halt"), wrote, scores, LOOSE)
    assert (loose.kind, loose.intent.action, said) == ("act", "stop", "halt")
    kept, _ = agree(heard("play it", "halt"), wrote, scores, DAEMON)
    assert kept.kind == "ask" and "pocketsphinx heard 'play it'" in kept.why


def test_a_key_whisper_wrote_still_needs_pocketsphinxs_lead() -> None:
    """ "e minor" and "a minor" are a phone apart: the margin never loosens for a key or a number."""
    wrote = [Transcript(" Start a jam in E minor.", -0.6)]
    scores = scorer({"start a jam in e minor": -0.6, "start a jam in a minor": -1.9})
    d, _ = agree(heard("start a jam in a minor", "start a jam in e minor"), wrote, scores, LOOSE)
    assert d.kind == "ask" and {c.params.get("key") for c in d.choices} == {"A minor", "E minor"}


def test_a_command_whisper_only_scores_still_needs_pocketsphinxs_lead() -> None:
    wrote = [Transcript(" Whatever you say.", -0.5)]
    scores = scorer({"whatever you say": -0.5, "halt": -0.9, "play it": -3.0})
    d, _ = agree(heard("play it", "halt"), wrote, scores, LOOSE)
    assert d.kind == "ask" and "pocketsphinx heard 'play it'" in d.why
