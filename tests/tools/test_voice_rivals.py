"""v86's one- and two-word set (``tools.bench.voice_rivals``): its split is the one the journal records (drawn
by seed before decoding), its voices are none of the studio bench's, and every command is a grammar sentence."""

from __future__ import annotations

from bridge.commands import parse
from bridge.commands.sphinx_scores import in_grammar
from tools.bench.voice_prompt import tuning_voices
from tools.bench.voice_rivals import COMMANDS, VOICES, split
from tools.bench.voice_tts import FAMILIES


def test_the_split_is_the_journal_s() -> None:
    tune, held = split()
    assert [v.label for v in tune] == ["en-us-nyc+m1", "en-gb-x-gbclan+m2", "en-us+m4", "en-gb-scotland+f2"]
    assert {v.label for v in tune}.isdisjoint(v.label for v in held)
    assert len(tune) + len(held) == len(VOICES)
    assert {v.label for v in tune} <= tuning_voices()  # the benches read its halves with --half
    assert not {v.label for v in held} & tuning_voices()


def test_new_voices_and_grammar_sentences() -> None:
    studio = {v.label for tune, held in FAMILIES.values() for v in tune + held}
    assert not studio & {v.label for v in VOICES}
    for command in COMMANDS:
        assert in_grammar(command) and parse(command).understood, command
