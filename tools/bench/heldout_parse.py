"""What ships, read with held-out readings (issue 55): ``agree.parse`` itself (its scoped clause, the
agreement and the compound step: several requests in one sentence, each clause read alone), with
the learned reading of a text a held-out one where the text is a whole held-out sentence.

``tools.bench.agree_heldout`` scores ``agree.agreed`` on each whole sentence; this reads the sentence
as ``agree.parse`` does. A clause that is no whole held-out sentence (a request cut out of a compound
sentence, a scoped clause) has no held-out reading: it is read by the rules alone (as ``parse``
reads any text when the learned reading is not installed), never by the shipped head (which saw
every blind set's sentences). ``Held.fallbacks`` counts the sentences where that happened.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from bridge.commands import agree, reader
from bridge.commands.intent import Intent


@dataclass
class Held:
    """Each held-out sentence's reading by the text ``agree.parse`` reads it as, and the sentences
    read so far with some clause read by the rules alone."""

    readings: dict[str, reader.Reading]
    fallbacks: set[str] = field(default_factory=set)


def held(texts: list[str], readings: list[reader.Reading]) -> Held:
    """The held-out readings of ``texts`` keyed as ``agree.parse`` asks for them."""
    return Held({agree.heard_as(t)[0]: r for t, r in zip(texts, readings, strict=True)})


@contextmanager
def _reading_by(kept: Held, sentence: str) -> Iterator[None]:
    shipped = reader.reading_of

    def reading_of(text: str) -> reader.Reading | None:
        got = kept.readings.get(text)
        if got is None:
            kept.fallbacks.add(sentence)
        return got

    reader.reading_of = reading_of
    try:
        yield
    finally:
        reader.reading_of = shipped


def parsed(text: str, kept: Held) -> Intent:
    """``agree.parse(text)`` with held-out readings (the rules alone for a text with none)."""
    with _reading_by(kept, text):
        return agree.parse(text)
