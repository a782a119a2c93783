"""Hinglish said in English order and words (bridge/commands/hinglish_words.py; sentences of our own, the words
from round 26's open sets 122 and 124): the verb said last is read first, a postposition's place is kept,
"aur" joins two requests or two parts, "do" before a plural is two, a MusicGen prompt keeps no Hindi, and
English sentences holding "do", "par", "pe", "ek", "mein" or "hai" are left as they were."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.hinglish_words import hinglish, marked
from bridge.commands.means import means_of

pytestmark = pytest.mark.usefixtures("learned_reading")


def _sorted(meaning: dict[str, object]) -> dict[str, object]:
    target = meaning.get("target")
    return {**meaning, "target": sorted(target) if isinstance(target, list) else target}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # postpositions after their nouns, the verb last
        ("chorus mein snare hata do", {"op": "remove", "target": "snare", "scope": {"section": "chorus"}}),
        ("bar 4 pe ek clap daal do", {"op": "add", "target": "claps", "scope": {"bars": [4, 4]}}),
        ("drums mein ek fill daalo", {"op": "fill", "target": "drums"}),
        ("har 4 bar pe ek fill daal do", {"op": "fill", "target": "drums", "every": 4}),
        ("sirf hats aur clap rakho", {"op": "keep_only", "target": ["hats", "claps"]}),
        (
            "verse ke liye ek bass line chahiye, A minor mein",
            {"op": "make", "target": "bass", "key": "A minor", "scope": {"section": "verse"}},
        ),
        # the light verb "kar": the word before it says what is done
        (
            "mukhde mein hats thoda kam kar",
            {"op": "softer", "target": "hats", "scope": {"section": "chorus"}},
        ),
        (
            "verse mein kick thoda upar kar do",
            {"op": "louder", "target": "kick", "scope": {"section": "verse"}},
        ),
        ("chords ko ek sixteenth pehle kar do", {"op": "shift", "target": "chords", "beats": -0.25}),
        ("tempo 3 bpm kam karo", {"op": "tempo", "target": "song", "change_bpm": -3}),
        # counts: "do" before a plural, "aur" after a count
        ("last do changes undo karo", {"op": "undo", "count": 2}),
        ("bass ko 2 bar aur aage badha do", {"op": "continue", "target": "bass", "bars": 2}),
        (
            "melody ke bars 9 se 12 dobara likho",
            {"op": "infill", "target": "melody", "scope": {"bars": [9, 12]}},
        ),
        # two requests
        (
            "pad track mute karo aur phir chala ke sunao",
            {"op": "mute", "target": "track:pad", "then": [{"op": "play"}]},
        ),
        (
            "keys track solo karo aur drums mute karo",
            {"op": "solo", "target": "track:keys", "then": [{"op": "mute", "target": "drums"}]},
        ),
        (
            "is clip ko jazz mein redo karo, funk nahi chahiye",
            {"op": "set", "target": "this", "genre": "jazz"},
        ),
    ],
)
def test_hinglish_is_read_as_its_english(text: str, want: dict[str, object]) -> None:
    assert _sorted(means_of(parse(text).as_dict())) == _sorted(want)


def test_a_musicgen_prompt_keeps_no_hindi() -> None:
    got = means_of(parse("ek loop bana do of dreamy piano with rain, 4 bars").as_dict())
    assert got == {"op": "musicgen", "prompt": "dreamy piano with rain", "bars": 4}


def test_the_verb_said_last_is_said_first() -> None:
    assert hinglish("drums mein ek fill daalo") == "add a fill in the drums"
    assert hinglish("second half mein kick hata do") == "remove the kick in the second half"


def test_do_is_two_before_a_plural_and_the_verb_after_a_stem() -> None:
    assert hinglish("last do takes undo karo") == "undo the last 2 takes"
    assert hinglish("ek beat bana do") == "make a beat"


@pytest.mark.parametrize(
    "text",
    [
        "do two more versions of the bass",
        "do it again but louder",
        "the snare is not up to par",
        "put the pad on par with the keys",
        "mute the track named pe",
        "solo the ek track",
        "make the mein pad louder",
        "play the hai sample",
        "is the bass too loud in the chorus",
        "make the bass line and the drums",
    ],
)
def test_english_is_left_as_it_was(text: str) -> None:
    assert not marked(text)
    assert hinglish(text) == text
