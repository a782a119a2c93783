"""Issue 55, round 39 (w105): the rules' readings of one sentence's texts are kept while the sentence is read
(``kept_rules``): every answer is the one the rules read afresh each time give, in sentences of our own."""

from __future__ import annotations

import pytest

from bridge.commands import agree, kept_rules, offered
from bridge.commands import parser as rules_module
from bridge.commands.intent import Intent

# sentences read in parts: clauses joined by "then"/"and", lists of parts, a reason after the request, a later
# "it", questions whose examples say the sentence's own values, a scoped clause
SENTENCES = [
    "tighten up the hi hats and then make the bass a touch louder",
    "add some swing to the keys and the lead, it sounds way too stiff for this groove",
    "write a walking bass in G minor and then give me three versions of it",
    "cut the shaker in bars 5 to 8, it clashes with the vocal",
    "quantize the toms, after that bring them down a little",
    "make the pads calmer in the last chorus, the bridge is too loud already",
    "give me some strings for the outro, sixteen bars long and in 6/8",
    "play the whole thing from bar 17 and then stop after the second chorus",
    "humanize the lead and the chords, they feel like a robot played them",
    "in the middle eight, thin out the percussion",
    "could you roll back my last three edits and then loop the verse",
    "a flute melody in E hijaz please, 8 bars, for the intro",
    "solo the brass track, i want to hear just that",
    "set the tempo to one hundred and ten, then play it from the start",
    "shuffle the snare and the hats",
    "make the kick punchier but leave the bass alone",
]


def _read_all(kept: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[dict[str, Intent], int]:
    """Each sentence's answer, cold (the examples' readings emptied first), and how many times the rules read."""
    calls = [0]
    inner = rules_module._rules

    def counted(text: str) -> Intent:
        calls[0] += 1
        return inner(text)

    with monkeypatch.context() as m:
        m.setattr(rules_module, "_rules", counted)
        if not kept:  # the rules read afresh each time, as before
            m.setattr(rules_module, "kept", lambda text, rules: rules(text))
        out = {}
        for text in SENTENCES:
            offered._READ.clear()
            out[text] = agree.parse(text)
        return out, calls[0]


@pytest.mark.usefixtures("learned_reading")
def test_each_answer_is_the_one_read_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    fresh, fresh_calls = _read_all(False, monkeypatch)
    got, kept_calls = _read_all(True, monkeypatch)
    assert got == fresh  # action, part, every param (reason, suggestions, then, not_done) and heard
    # the keeping is used: the same texts are read again within a sentence
    assert kept_calls < fresh_calls * 0.8


def test_a_reading_is_kept_per_text_and_context_within_one_sentence() -> None:
    calls: list[str] = []

    def rules(text: str) -> Intent:
        calls.append(text)
        return Intent("make", "drums", {"bars": [len(calls)]}, text)

    context = ["typed one"]
    assert kept_rules.kept("a", rules).params == {"bars": [1]}  # no sentence read: read each time
    assert kept_rules.kept("a", rules).params == {"bars": [2]}
    with kept_rules.while_read(lambda: context[0]):
        first = kept_rules.kept("a", rules)
        first.params["bars"].append(99)  # a caller adding to what it got changes nothing kept
        assert kept_rules.kept("a", rules).params == {"bars": [3]}
        assert kept_rules.kept("b", rules).params == {"bars": [4]}  # another text: its own reading
        with kept_rules.while_read(lambda: "inner"):  # nested: the outermost sentence's keeping
            assert kept_rules.kept("a", rules).params == {"bars": [3]}
        context[0] = "typed two"  # another reading context: read again
        assert kept_rules.kept("a", rules).params == {"bars": [5]}
    assert kept_rules.kept("a", rules).params == {"bars": [6]}  # dropped when the sentence ends
    assert calls == ["a", "a", "a", "b", "a", "a"]
