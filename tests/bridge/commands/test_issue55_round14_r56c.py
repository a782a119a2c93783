"""Issue 55, fourteenth round (r56c): English written as a second language.

- a part, voice or feel named in Portuguese, Spanish, Italian or French with its article ("o baixo", "a
  bateria", "la batterie", "il basso", "les accords", "the guitarra", "suingue") is that part, accents
  folded, for both readers (``borrowed_words``); an article alone is never a part, a word before "track"
  is a track's name, and a MusicGen prompt keeps its words;
- a learner's grammar (``plain_words.learned``): "more clean" (cleaner: never busier), "with too much
  things" (too many notes), "for more 4 bars" (4 more bars), "after the bar 12" (bar 12), "transpose it
  for D minor" (to), "take off the mute of" (unmute), a thing said first and then "i want it ..."
  (the thing changed);
- a fade said by how the part goes: "must disappear slowly", "vanish gradually", "die away" (out), "come in
  slowly" (in); a part that "plays together with" another accompanies it; "put it in midi" transcribes.

Every sentence is the engineer's own, none from a blind set; each ``FIXED`` one was read otherwise (or
asked) on eea4fbbd, each ``KEPT`` one is a near sentence (some read right there already) whose reading
must not change.
"""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.borrowed_words import borrowed
from bridge.commands.means import means_of
from bridge.commands.plain_words import plain
from tests.bridge.commands.meant import case, read

FIXED = [
    # parts in another tongue, with their articles
    case("make o baixo busier in the chorus", op="busier", target="bass", scope={"section": "chorus"}),
    case("mute a bateria", op="mute", target="drums"),
    case("solo il basso please", op="solo", target="bass"),
    case("make la batterie simpler", op="simpler", target="drums"),
    case("quantize la basse", op="quantize", target="bass"),
    case("transpose les accords up 2 semitones", op="transpose", target="chords", semitones=2),
    case("more suingue na bateria", op="swing", target="drums"),
    case("more suingue on the hats please", op="swing", target="hats"),
    case("make me a batida of funk, 8 bars", op="make", target="drums", genre="funk", bars=8),
    case("three versions of a trap batida", op="make", target="drums", versions=3, genre="trap"),
    case("remove o baixo after bar 12", op="remove", target="bass", scope={"from_bar": 13}),
    # a learner's grammar
    case("the chords are with too much things, let them more clean", op="simpler", target="chords"),
    case("the hats have too much notes", op="simpler", target="hats"),
    case("continue the chords for more 4 bars", op="continue", target="chords", bars=4),
    case("remove the snare after the bar 16", op="remove", target="snare", scope={"from_bar": 17}),
    case("transpose the bass for D minor", op="transpose", target="bass", key="D minor"),
    case("take off the mute of the chords", op="unmute", target="chords"),
    case("remove the mute from the bass", op="unmute", target="bass"),
    case("this clip i want it in reggae instead of pop", op="set", target="this", genre="reggae"),
    # a fade said by how the part goes; along with; into midi
    case("the chords must disappear slowly in the last 4 bars", op="automate", target="chords", shape="fade_out",
         scope={"last_bars": 4}),
    case("the bass should vanish gradually over the last 8 bars", op="automate", target="bass", shape="fade_out",
         scope={"last_bars": 8}),
    case("make a melody that plays together with the chords", op="accompany", target="melody"),
    case("take the drums of this loop and put it in midi", op="transcribe", target="drums"),
]  # fmt: skip

KEPT = [
    case("add a crash to a batida on bar 9", op="add", target="crash", scope={"bars": [9, 9]}),
    case("make la mélodie softer", op="softer", target="melody"),
    case("give me more three versions of the bass", op="vary", target="bass", versions=3),
    case("the drums, i want them simpler", op="simpler", target="drums"),
    case("the melody comes in slowly over the first 4 bars", op="automate", target="melody", shape="fade_in",
         scope={"first_bars": 4}),
    case("make a bass", op="make", target="bass"),
    case("make el bajo louder", op="louder", target="bass"),
    case("more swing on la batería", op="swing", target="drums"),
    case("transpose it up for a minor third", op="transpose", semitones=3),
    case("unmute the bass please", op="unmute", target="bass"),
    case("generate an audio loop of pandeiro and cuica in samba style", op="musicgen",
         prompt="pandeiro and cuica in samba style"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "want"), FIXED + KEPT)
def test_a_second_languages_words_are_read_by_the_rules(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(("text", "want"), FIXED + KEPT)
def test_a_second_languages_words_are_acted_on_with_the_learned_reading(
    text: str, want: dict[str, Any]
) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "the drums more clean",  # cleaner: a sound or fewer notes? never busier
        "mets plus de basse dans le refrain",  # mostly French: asked to say it in English
        "coloca mais bateria no refrão",
    ],
)
def test_a_meaning_not_clear_is_asked(learned_reading: None, text: str) -> None:
    intent = parse(text)
    assert not intent.understood, means_of(intent.as_dict())


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("make a bass", "make a bass"),  # "a" alone is English's article
        ("play la in C minor", "play la in C minor"),  # "la" alone is a note
        ("mute the violão track", "mute the violão track"),  # a track's name
        ("o que é isso", "o que é isso"),
        ("make a swing feel", "make a swing feel"),
        ("give me il basso and the guitarra", "give me the bass and the guitar"),
        (
            "put Café Keys on o baixo in E minor",
            "put Café Keys on the bass in E minor",
        ),  # accents kept elsewhere
        ("l'accords in the chorus", "the chords in the chorus"),
        ("an audio loop of o baixo", "an audio loop of o baixo"),  # a MusicGen prompt as written
    ],
)
def test_only_a_part_word_with_its_article_or_no_english_one_is_rewritten(text: str, said: str) -> None:
    assert borrowed(text) == said


@pytest.mark.parametrize(
    "text",
    [
        "make the drums disappear in the chorus",  # gone, not faded: no "slowly"
        "make the bass more present",  # no comparative of its own
        "more 808 in the chorus",  # a count of no bars
        "the bass i want to hear louder",  # no "it" said back
        "transpose it up for a minor third",  # an interval, not a key
        "put it on the midi track",
    ],
)
def test_a_learners_grammar_is_rewritten_only_where_its_meaning_is_clear(text: str) -> None:
    assert plain(text) == text
