"""One sentence's pure readings are worked out once (issue 55 latency): the sentence every reader reads
and the text the learned reading is given, each asked again within one parse, are remembered by their
exact text. The rules' own memo of a whole parse is gone (lat62: no gain measured, three times); a
text asked twice still gets the same answer, and a caller's params are its own."""

from __future__ import annotations

import pytest

from bridge.commands import heard, parser, statements


def _counting(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[str]:
    seen: list[str] = []
    inner = getattr(module, name)

    def counted(*args: object) -> object:
        seen.append(str(args[0]))
        return inner(*args)

    monkeypatch.setattr(module, name, counted)
    return seen


def test_a_text_not_understood_keeps_its_suggestions_when_asked_again() -> None:
    text = "wobble the tambourines sideways into next week"
    first, again = parser.parse(text), parser.parse(text)
    assert not first.understood and first.params["suggestions"]
    assert again.params["suggestions"] == first.params["suggestions"]


def test_a_callers_params_are_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "make four bars of bongos busier please"
    got = parser.parse(text)
    got.params["spoiled"] = True
    got.params.setdefault("then", []).append({"action": "undo"})
    again = parser.parse(text)
    assert "spoiled" not in again.params and "then" not in again.params


def test_the_sentence_every_reader_reads_is_worked_out_once(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _counting(monkeypatch, heard, "in_english")
    text = "quieten the shakers a touch in the outro, cheers"
    assert heard.heard_as(text) == heard.heard_as(text)
    assert len(seen) == 1


def test_the_learned_readings_text_is_worked_out_once(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _counting(monkeypatch, statements, "as_meant")
    text = "swing the rimshots harder, they feel stiff"
    assert statements.for_reading(text) == statements.for_reading(text)
    assert len(seen) == 1
