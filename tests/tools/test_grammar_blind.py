"""The blind benchmark's scorer (tools/bench/grammar_blind.py) on a few lines of its own."""

from __future__ import annotations

from pathlib import Path

from tools.bench.grammar_blind import load, run, same, score
from tools.bench.grammar_means import means_of

LINES = Path(__file__).with_name("grammar_lines.yaml")


def _unknown(reason: str, suggestions: list[str]) -> dict[str, object]:
    return {"action": "unknown", "part": None, "params": {"reason": reason, "suggestions": suggestions}}


def test_a_drum_voice_at_a_bar_reads_as_remove_with_a_scope() -> None:
    answer = {
        "action": "transform",
        "part": "drums",
        "params": {"kind": "drums_remove", "voices": "snare", "bar": 2},
    }
    assert means_of(answer) == {"op": "remove", "target": "snare", "scope": {"bars": [2, 2]}}


def test_exact_needs_every_field_and_nothing_extra() -> None:
    label = {"op": "remove", "target": "snare", "scope": {"half": 2}}
    assert same({"op": "remove", "target": "snare", "scope": {"half": 2}}, label)
    assert not same({"op": "remove", "target": "snare"}, label)  # the scope dropped
    assert not same({"op": "remove", "target": "snare", "scope": {"half": 2}, "amount": 0.5}, label)
    assert same({"op": "remove", "target": ["snare"], "scope": {"half": 2.0}}, label)  # one spelling


def test_this_is_no_target_for_ops_on_the_selected_clip_only() -> None:
    assert same({"op": "analyze"}, {"op": "analyze", "target": "this"})
    assert not same({"op": "make"}, {"op": "make", "target": "this"})


def test_refusals_and_questions_score_by_the_label() -> None:
    refusal = _unknown("no command was recognised", ["make a reggae beat", "star this take"])
    question = _unknown("which part should be generated (drums, bass, chords, melody)?", ["help"])
    assert score(refusal, {"op": "none"}) == (1.0, "refused")
    assert score(question, {"op": "ask"}) == (1.0, "asked")
    assert score(refusal, {"op": "ask"})[0] == 0.0
    assert score(refusal, {"op": "make", "genre": "reggae"}) == (0.5, "half")  # a useful suggestion
    assert score(refusal, {"op": "transpose", "semitones": 2}) == (0.0, "useless refusal")


def test_acting_where_nothing_should_happen_scores_nothing() -> None:
    acted: dict[str, object] = {"action": "undo", "part": None, "params": {}}
    assert score(acted, {"op": "none"}) == (0.0, "acted")
    assert score(acted, {"op": "undo", "count": 2}) == (0.0, "wrong")
    assert score(acted, {"op": "undo"}) == (1.0, "exact")


def test_a_file_of_lines_is_scored_per_family() -> None:
    result = run(load(LINES))
    assert result["n"] == 9
    rows = {r["text"]: r for r in result["rows"]}
    assert rows["remove the hats"]["points"] == 1.0
    assert rows["transpose the melody up a fifth"]["points"] == 1.0
    assert rows["three more versions of the bass"]["points"] == 1.0
    assert rows["what's the weather like"]["points"] == 1.0
    assert rows["analyze this clip"]["points"] == 1.0
    assert result["families"]["remove"]["n"] == 2
    assert result["points"] == sum(r["points"] for r in result["rows"])
