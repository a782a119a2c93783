"""Typed near misses of part names and a few operation words (bridge/commands/spelling.py)."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.spelling import corrected, one_edit


def test_one_edit_is_a_change_an_insertion_a_deletion_or_a_swap() -> None:
    assert one_edit("melidy", "melody") and one_edit("chrods", "chords") and one_edit("drumss", "drums")
    assert one_edit("meldy", "melody") and not one_edit("melody", "melody") and not one_edit("mldy", "melody")
    assert not one_edit("cdrohs", "chords")


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("make the melidy simpler", ["make", "the", "melody", "simpler"]),
        ("quantzie the bass", ["quantize", "the", "bass"]),
        ("a countermelody", ["a", "counter", "melody"]),
        ("can you master this", ["can", "you", "master", "this"]),  # no command word one edit away
        ("autotune my vocal", ["autotune", "my", "vocal"]),  # a part's name glued on a short one is left
    ],
)
def test_near_misses_become_the_command_word(typed: str, read: list[str]) -> None:
    assert corrected(typed.split()) == read


def test_a_typo_in_a_part_name_still_reaches_the_part() -> None:
    intent = parse("humanise the chrods")
    assert (intent.action, intent.part) == ("transform", "chords")
    assert parse("write a countermelody that plays along with this").action == "accompany"


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("seperate the clip into stems", "separate the clip into stems"),  # never "generate" (two edits)
        ("take the chords down 2 semitons", "take the chords down 2 semitones"),
        ("trasncribe this", "transcribe this"),
        ("acompany this with a bass line", "accompany this with a bass line"),
        ("umnute the drums", "unmute the drums"),
        ("up an ocatve", "up an octave"),
        ("a semitone up", "a semitone up"),  # the verb's own forms are left as they are
        ("the separated stems", "the separated stems"),
        ("isolated vocals", "isolated vocals"),
        ("continued", "continued"),
    ],
)
def test_near_misses_of_every_operation_verb_become_the_verb(typed: str, read: str) -> None:
    assert " ".join(corrected(typed.split())) == read


def test_no_word_the_project_reads_is_one_edit_from_an_operation_verb_but_its_forms() -> None:
    """The verbs corrected to are those no English word is one edit from (english_words.txt holds the
    words the project's sentences say, its writers' misspellings among them)."""
    from bridge.commands.english import english_words
    from bridge.commands.spelling import OPERATION_VERBS

    misspelt = {"seperate", "semitons", "occtave", "otcave"}  # typed in the project's sentences
    misspelt |= {"analyse"}  # the verb itself, spelt the British way (a word the vocabulary knows)
    for verb in OPERATION_VERBS:
        near = {
            w for w in english_words() if one_edit(verb, w) and not (w.startswith(verb) or verb.startswith(w))
        }
        assert near <= misspelt, (verb, near)


def test_a_misspelt_verb_is_read_as_that_operation() -> None:
    assert parse("take the chords down 2 semitons").params.get("semitones") == -2
    assert parse("Seperate the selected audio clip into stems").action == "separate"
