"""Cheap upper bounds on how alike two strings are, for ranking known commands (``intent.suggest``).

``difflib.SequenceMatcher.ratio`` is ``2 * M / (len(a) + len(b))`` where ``M`` counts the letters
of its matching blocks. Those blocks run in order through both strings, so ``M`` is at most the
length of their longest common subsequence, and at most the letters they share in any order
(``quick_ratio``). Both bounds here are computed exactly, in integers, and turned into a ratio by
the same formula, so a bound is never below the ratio it bounds. ``Table`` computes the shared
words and letters of one sentence with many at once (numpy, imported when a table is first built).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Letters:
    """One string ready to be compared many times: its letter counts and each letter's positions."""

    text: str
    counts: dict[str, int]
    positions: dict[str, int]  # letter -> bit i set where text[i] is that letter

    @classmethod
    def of(cls, text: str) -> Letters:
        positions: dict[str, int] = {}
        for i, ch in enumerate(text):
            positions[ch] = positions.get(ch, 0) | (1 << i)
        return cls(text, dict(Counter(text)), positions)


def ratio(matches: int, length: int) -> float:
    """difflib's ratio of ``matches`` letters over two strings of ``length`` letters together."""
    return 2.0 * matches / length if length else 1.0


def common_subsequence(text: str, other: Letters) -> int:
    """The length of the longest common subsequence of ``text`` and ``other`` (bit-parallel: one
    pass over ``text``, a few integer operations per letter)."""
    full = (1 << len(other.text)) - 1
    v = full
    for ch in text:
        u = v & other.positions.get(ch, 0)
        v = ((v + u) | (v - u)) & full
    return len(other.text) - v.bit_count()


class Table:
    """Many sentences at once: each one's words and letter counts as rows of a matrix."""

    def __init__(self, words: list[frozenset[str]], texts: list[str]) -> None:
        import numpy as np

        self._np = np
        vocabulary = sorted(set().union(*words))
        alphabet = sorted(set("".join(texts)))
        self.word_column = {w: i for i, w in enumerate(vocabulary)}
        self.letter_column = {ch: i for i, ch in enumerate(alphabet)}
        self.has_word = np.zeros((len(words), len(vocabulary)), np.int64)
        self.letters = np.zeros((len(texts), len(alphabet)), np.int64)
        for row, (ws, text) in enumerate(zip(words, texts, strict=True)):
            self.has_word[row, [self.word_column[w] for w in ws]] = 1
            for ch, n in Counter(text).items():
                self.letters[row, self.letter_column[ch]] = n
        self.word_counts = self.has_word.sum(axis=1)
        self.lengths = np.array([len(t) for t in texts], np.int64)

    def jaccard(self, words: frozenset[str]) -> list[float]:
        """Each row's shared words over the words of both (0 for a sentence of no words)."""
        if not words:
            return [0.0] * len(self.lengths)
        columns = [self.word_column[w] for w in words if w in self.word_column]
        both = self.has_word[:, columns].sum(axis=1)
        return [int(b) / int(u) for b, u in zip(both, self.word_counts + len(words) - both, strict=True)]

    def quick_ratios(self, text: str) -> list[float]:
        """Each row's difflib ``quick_ratio`` with ``text``: letters shared in any order."""
        counts = Counter(ch for ch in text if ch in self.letter_column)
        columns = [self.letter_column[ch] for ch in counts]
        shared: Any = self._np.minimum(self.letters[:, columns], list(counts.values())).sum(axis=1)
        return [ratio(int(m), len(text) + int(n)) for m, n in zip(shared, self.lengths, strict=True)]
