"""The English words the project's sentences say: ``english_words.txt``, written by
``tools.corpus.english_words`` from every labelled sentence, read once.

A leaf module (it imports nothing of the readers), so every reader may ask whether a word is English
without importing the tongue check (`tongues.py`) and the readers it imports in turn: the spelling
corrector (`spelling.py`) does, to leave an English word such as "coming" as typed.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

ENGLISH_WORDS = Path(__file__).with_name("english_words.txt")


@cache
def english_words() -> frozenset[str]:
    """The English words the project's sentences say (read once)."""
    return frozenset(ENGLISH_WORDS.read_text().split()) if ENGLISH_WORDS.exists() else frozenset()
