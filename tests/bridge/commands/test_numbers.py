from __future__ import annotations

import pytest

from bridge.commands.numbers import number_to_words, words_to_digits


@pytest.mark.parametrize(
    ("words", "digits"),
    [
        ("tempo one hundred twenty", "tempo 120"),
        ("a hundred and five", "105"),
        ("one twenty five", "125"),
        ("ninety eight bpm", "98 bpm"),
        ("eight bars", "8 bars"),
        ("thirty two bars", "32 bars"),
        ("two hundred", "200"),
        ("give me another one", "give me another one"),
        ("one bar", "1 bar"),
        ("make a bass line", "make a bass line"),
    ],
)
def test_spoken_numbers_become_digits(words: str, digits: str) -> None:
    assert " ".join(words_to_digits(words.split())) == digits


@pytest.mark.parametrize("n", [0, 7, 13, 20, 32, 99, 100, 105, 120, 174, 999])
def test_number_words_round_trip(n: int) -> None:
    assert words_to_digits(number_to_words(n).split()) == [str(n)]


def test_number_to_words_rejects_out_of_range() -> None:
    with pytest.raises(ValueError, match="1000"):
        number_to_words(1000)
