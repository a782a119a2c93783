"""How far apart two sentences sound: their phones (pocketsphinx's US-English dictionary, the
grammar's own pronunciations for the words it lacks) and the edit distance between them (issue 56 part G).

In a room and under a song Whisper often writes a command's sound in other words: "human ice that
runs" for "humanize the drums", "you can do that" for "undo that", "very the chords" for "vary the
chords". The parser reads no command there, but the phones are the grammar sentence's, near enough:
``distance`` is the phone edit distance over the longer sentence's phone count (0: the same sounds,
1: nothing in common). A word the dictionary does not know ("skalmer", "10") counts one unknown phone
per letter, which matches nothing: what cannot be sounded out never brings two sentences closer.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from bridge.commands.grammar import ALTERNATES, PRONUNCIATIONS

UNKNOWN = "?"  # a phone of a word the dictionary lacks: it matches nothing, itself included


@cache
def dictionary() -> dict[str, tuple[str, ...]]:
    """Each word's first pronunciation (pocketsphinx's cmudict-en-us; empty without pocketsphinx),
    the grammar's pronunciations added."""
    out: dict[str, tuple[str, ...]] = {}
    try:
        import pocketsphinx
    except ImportError:
        pocketsphinx = None  # type: ignore[assignment]
    if pocketsphinx is not None:
        path = Path(pocketsphinx.get_model_path()) / "en-us" / "cmudict-en-us.dict"
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                word, _, said = line.partition(" ")
                if said and "(" not in word:
                    out[word] = tuple(said.split())
    for word, said in {**PRONUNCIATIONS, **ALTERNATES}.items():
        if "(" not in word:
            out.setdefault(word, tuple(said.split()))
    return out


def phones(sentence: str) -> list[str]:
    """The phones of ``sentence`` (lower case words, as the parser reads them)."""
    known = dictionary()
    out: list[str] = []
    for word in sentence.split():
        out.extend(known.get(word, (UNKNOWN,) * len(word)))
    return out


def distance(a: str, b: str) -> float:
    """The phone edit distance between two sentences over the longer one's phone count (0 to 1)."""
    x, y = phones(a), phones(b)
    if not x and not y:
        return 0.0
    before = list(range(len(y) + 1))
    for i, p in enumerate(x, 1):
        row = [i]
        for j, q in enumerate(y, 1):
            same = p == q and p != UNKNOWN
            row.append(min(before[j] + 1, row[j - 1] + 1, before[j - 1] + (0 if same else 1)))
        before = row
    return before[-1] / max(len(x), len(y))
