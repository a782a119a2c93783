"""Issue 55, round 39 (w105): the learned readings of an encoder call an earlier sentence made are kept
(``reader._kept``, by the texts read together, in order, and the encoder): each kept reading is the one the same
call gives again, and each answer is the one read with nothing kept. Sentences of our own."""

from __future__ import annotations

import pytest

from bridge.commands import agree, offered
from bridge.commands import reader as lr

TEXTS = [
    "make the hats a bit quieter",
    "drop the bass an octave then loop bars 1 to 4",
    "drop the bass an octave",
    "loop bars 1 to 4",
    "give me a reggae riddim for the verse, 8 bars",
    "can you put some swing on the rim shots",
    "the pads are way too busy in the bridge, simplify them",
    "mute the guitar track",
]

SENTENCES = [
    "nudge the snare a little louder and then swing the hats",
    "write chords in B flat for the pre chorus, then quantize them",
    "the lead is too busy in the last eight bars",
    "make the shaker less busy",
    "give me a melody over these chords, 12 bars, 6/8",
    "undo that and then play from bar 9",
]


def _alone(text: str) -> lr.Reading:
    from bridge.reading import read

    return lr._reading(read(lr._for_reading(text)))


def _together(texts: list[str]) -> dict[str, lr.Reading]:
    from bridge.reading import read_many

    said = [lr._for_reading(t) for t in texts]
    return dict(zip(texts, map(lr._reading, read_many(said)), strict=True))


@pytest.mark.usefixtures("learned_reading")
def test_each_kept_reading_is_the_same_call_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lr, "_kept", {})
    alone = {t: _alone(t) for t in TEXTS}
    together = _together(TEXTS)
    assert lr.reading_of(TEXTS[0]) == alone[TEXTS[0]]  # read alone, then kept
    assert lr.reading_of(TEXTS[0]) == alone[TEXTS[0]]  # kept
    for _ in range(2):  # read in one batch, then the same batch kept
        with lr.read_ahead(TEXTS):  # a new sentence: all read together, the one read alone before too
            assert {t: lr.reading_of(t) for t in TEXTS} == together
    assert len(lr._kept) == 2
    with lr.read_ahead(TEXTS[::-1]):  # the same texts in another order: another call, read as it reads
        assert {t: lr.reading_of(t) for t in TEXTS} == _together(TEXTS[::-1])
    for text in TEXTS[1:]:  # each alone: its own call (a batch's reading is kept for that batch only)
        assert lr.reading_of(text) == alone[text]
    assert len(lr._kept) == 3 + len(TEXTS[1:])


@pytest.mark.usefixtures("learned_reading")
def test_each_answer_is_the_one_read_with_nothing_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    from bridge.reading import encoder

    texts_read = [0]
    encode = encoder.encode

    def counted(texts: list[str]):  # type: ignore[no-untyped-def]
        texts_read[0] += len(texts)
        return encode(texts)

    monkeypatch.setattr(encoder, "encode", counted)
    monkeypatch.setattr(lr, "_kept", {})
    fresh = {}
    for text in SENTENCES:
        lr._kept.clear()
        offered._READ.clear()
        fresh[text] = agree.parse(text)
    cold = texts_read[0]
    for text in SENTENCES * 2:  # the second time round every reading is kept
        offered._READ.clear()
        texts_read[0] = 0
        assert agree.parse(text) == fresh[text]
    assert texts_read[0] == 0 < cold


@pytest.mark.usefixtures("learned_reading")
def test_a_reading_is_kept_for_its_own_reader_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lr, "_kept", {})
    monkeypatch.setitem(lr._state, "off", False)
    lr.reading_of("warm up")  # the encoder loaded: a reading is kept from now on
    assert lr.reading_of(TEXTS[0]) is not None  # read and kept
    assert ((lr._for_reading(TEXTS[0]),)) in {key[0] for key in lr._kept}

    def broken(text: str) -> None:
        raise RuntimeError("sentence encoder 'x' could not be loaded")

    monkeypatch.setattr("bridge.reading.read", broken)  # another reader: nothing kept is its
    assert lr.reading_of(TEXTS[0]) is None
