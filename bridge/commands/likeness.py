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


WORD_BITS = 63  # a row shorter than this keeps its letters' positions in one uint64 (sums do not overflow)


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
        self.sizes = [len(t) for t in texts]
        self.lengths = np.array(self.sizes, np.int64)
        # each letter's positions in each row as bits of one word (rows of 64 letters or more: ``long``)
        self.long = {row: Letters.of(t) for row, t in enumerate(texts) if len(t) >= WORD_BITS}
        self.positions = np.zeros((len(texts), len(alphabet)), np.uint64)
        self.full = np.zeros(len(texts), np.uint64)
        for row, text in enumerate(texts):
            if row not in self.long:
                self.full[row] = (1 << len(text)) - 1
                for ch, bits in Letters.of(text).positions.items():
                    self.positions[row, self.letter_column[ch]] = bits

    def jaccard(self, words: frozenset[str]) -> Any:
        """Each row's shared words over the words of both (0 for a sentence of no words): float64."""
        if not words:
            return self._np.zeros(len(self.sizes))
        both = self.has_word[:, [self.word_column[w] for w in words if w in self.word_column]].sum(axis=1)
        return both / (self.word_counts + len(words) - both)

    def quick_ratios(self, text: str) -> Any:
        """Each row's difflib ``quick_ratio`` with ``text`` (letters shared in any order): float64."""
        np = self._np
        counts = Counter(ch for ch in text if ch in self.letter_column)
        columns = [self.letter_column[ch] for ch in counts]
        shared = np.minimum(self.letters[:, columns], list(counts.values())).sum(axis=1)
        total = len(text) + self.lengths
        return np.where(total > 0, 2.0 * shared / np.maximum(total, 1), 1.0)  # ``ratio``'s arithmetic

    def ranked(self, words: frozenset[str], text: str) -> list[tuple[float, int, float]]:
        """(shared words + quick ratio, row, shared words) for every row, highest first, ties in row order."""
        np = self._np
        shares = self.jaccard(words)
        bounds = shares + self.quick_ratios(text)
        order = np.lexsort((np.arange(len(self.sizes)), -bounds))
        return list(zip(bounds[order].tolist(), order.tolist(), shares[order].tolist(), strict=True))

    def common_subsequences(self, text: str) -> list[int]:
        """Each row's longest common subsequence with ``text`` (``common_subsequence`` on all rows at once)."""
        np = self._np
        v = self.full.copy()
        for ch in text:
            column = self.letter_column.get(ch)
            if column is not None:  # a letter no row has leaves every row as it was
                u = v & self.positions[:, column]
                v = ((v + u) | (v - u)) & self.full
        found: list[int] = (self.lengths - np.bitwise_count(v)).tolist()
        for row, letters in self.long.items():
            found[row] = common_subsequence(text, letters)
        return found
