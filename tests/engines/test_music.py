"""Key names: the tonic spelled as the key signature spells it, and read back by parse_key."""

from __future__ import annotations

import pytest

from engines.analysis.keys import key_label
from engines.music import SCALES, Key, key_name, parse_key

# Fifths from C of each letter; a sharp adds 7 fifths, a flat takes 7 away.
LETTER_FIFTHS = {"F": -1, "C": 0, "G": 1, "D": 2, "A": 3, "E": 4, "B": 5}
LETTER_PC = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}


def signature_fifths(tonic: str, minor: bool) -> int:
    """Sharps (positive) or flats (negative) in the signature of the key on this spelled tonic."""
    fifths = LETTER_FIFTHS[tonic[0]] + 7 * (tonic.count("#") - tonic.count("b"))
    return fifths - 3 if minor else fifths


@pytest.mark.parametrize("scale", ["Major", "Minor"])
def test_every_key_takes_the_spelling_with_the_fewest_accidentals(scale: str) -> None:
    minor = scale == "Minor"
    for tonic in range(12):
        name = key_name(tonic, scale)
        spelled = name.split()[0]
        spellings = [
            f"{letter}{acc}"
            for letter, pc in LETTER_PC.items()
            for acc, shift in (("", 0), ("#", 1), ("b", -1))
            if (pc + shift) % 12 == tonic
        ]
        fewest = min(abs(signature_fifths(s, minor)) for s in spellings)
        assert abs(signature_fifths(spelled, minor)) == fewest, name
        assert name.endswith(" minor" if minor else " major")
        assert parse_key(name) == Key(tonic, scale)


def test_modes_read_back_and_analysis_labels_use_the_same_names() -> None:
    for scale in SCALES:
        for tonic in range(12):
            assert parse_key(key_name(tonic, scale)) == Key(tonic, scale)
    assert str(Key(3, "Major")) == "Eb major" and str(Key(8, "Minor")) == "G# minor"
    assert key_name(6, "Major") == "F# major"  # the contract's example; Gb is the six-flat twin
    assert [key_label(i) for i in (3, 10, 12 + 3, 12 + 10, 12 + 1)] == [
        "Eb major",
        "Bb major",
        "Eb minor",
        "Bb minor",
        "C# minor",
    ]
