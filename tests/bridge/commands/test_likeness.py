"""The bounds the nearest-known-command search prunes with are exact counts and never below difflib's
ratio, so pruning changes no suggestion."""

from __future__ import annotations

import random
from difflib import SequenceMatcher

from bridge.commands import intent
from bridge.commands import likeness as lk


def _lcs(a: str, b: str) -> int:
    row = [0] * (len(b) + 1)
    for x in a:
        diagonal = 0
        for j, y in enumerate(b):
            above = row[j + 1]
            row[j + 1] = diagonal + 1 if x == y else max(row[j + 1], row[j])
            diagonal = above
    return row[-1]


def _strings(rng: random.Random, count: int, longest: int) -> list[str]:
    return ["".join(rng.choice("abcde ") for _ in range(rng.randint(1, longest))) for _ in range(count)]


def test_table_counts_are_exact_and_bound_difflibs_ratio() -> None:
    rng = random.Random(7)
    rows = _strings(rng, 60, 90)  # rows of 63 letters or more take the one-row path
    assert any(len(r) >= lk.WORD_BITS for r in rows) and any(len(r) < lk.WORD_BITS for r in rows)
    table = lk.Table([frozenset(r.split()) for r in rows], rows)
    for text in _strings(rng, 40, 50):
        in_order, quick = table.common_subsequences(text), table.quick_ratios(text)
        for row, other in enumerate(rows):
            matcher = SequenceMatcher(None, text, other)
            assert in_order[row] == _lcs(text, other)
            assert quick[row] == matcher.quick_ratio()
            assert lk.ratio(in_order[row], len(text) + len(other)) >= matcher.ratio()


def test_words_shared_are_the_jaccard_of_the_word_sets() -> None:
    rows = ["make the drums busier", "vary the melody", "stop"]
    table = lk.Table([frozenset(r.split()) for r in rows], rows)
    assert table.jaccard(frozenset({"drums", "louder"})).tolist() == [1 / 5, 0.0, 0.0]
    assert table.jaccard(frozenset()).tolist() == [0.0, 0.0, 0.0]
    ranked = table.ranked(frozenset({"stop"}), "stop")
    assert ranked[0][1] == 2 and ranked[0][0] == 2.0  # all words shared, all letters in order


def test_suggestions_score_the_best_exact_ratios() -> None:
    """Pruned by the bounds, the two suggestions still score the two best exact ratios (among equal
    scores the search keeps its own order, as before the bounds)."""
    candidates = intent._candidates()
    for heard in ("make the drumz busyer", "upload this to soundcloud", "what key is it", "chop the vocal"):
        words, lowered = frozenset(intent._words(heard)), heard.lower()
        score = {
            text: len(w & words) / len(w | words) + SequenceMatcher(None, lowered, low).ratio()
            for text, w, low in candidates
        }
        assert [score[t] for t in intent.suggest(heard)] == sorted(score.values(), reverse=True)[:2]
