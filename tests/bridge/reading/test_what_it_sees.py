"""The head is trained on each sentence as the learned reading is given it at run time (round 11):
Spanish said in English, text speak said plainly, a statement after the request cut."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from bridge.commands import agree
from tools.corpus import reading_train as rt

LABEL = {"op": "remove", "target": "hats", "scope": "section"}


@pytest.mark.parametrize(
    ("typed", "seen"),
    [
        ("quitale los hats al segundo coro", "remove the hats in the second chorus"),
        ("can u make me a 4 bar trap beat pls", "can you make me a 4 bar trap beat please"),
        ("take the chords up a step, they feel kinda dark", "take the chords up a step"),
        ("make the drums busier", "make the drums busier"),  # plain English is given as typed
    ],
)
def test_the_learned_reading_is_given_the_sentence_every_reader_reads(typed: str, seen: str) -> None:
    assert agree.learned_sees(typed) == seen


def test_training_encodes_what_the_learned_reading_will_be_given(monkeypatch: pytest.MonkeyPatch) -> None:
    encoded: list[str] = []

    def fake_encode(texts: list[str]) -> Any:
        encoded.extend(texts)
        return np.zeros((len(texts), 4), dtype=np.float32)

    monkeypatch.setattr(rt, "encode_cached", fake_encode)
    typed = ["quitale los hats al segundo coro", "mute the hats pls"]
    data = rt.Data({"corpus": [(t, LABEL) for t in typed]})
    assert (
        encoded
        == [agree.learned_sees(t) for t in typed]
        == ["remove the hats in the second chorus", "mute the hats please"]
    )
    assert data.texts == typed  # kept as typed: the held-out readings are keyed by what the writer wrote
