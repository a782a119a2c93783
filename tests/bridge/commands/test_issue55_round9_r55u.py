"""Issue 55, ninth round (r55u): the rules' slot readers for word orders and slips of fresh writers.
The verb said after its object, counts said after the part or without a plural, takes by their
place, dictated "for bars", a false start corrected mid-sentence, a track by what it is called. Each
kind's sentences (our own, never a blind set's lines) are a list below, all read by
``test_the_rules_read``; the sentences that read a new way failed on 112424a (the rules' reading,
``parser.parse``, read through the schema); those marked as left alone read the same before and after."""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands.means import means_of
from bridge.commands.parser import parse as rules
from tests.bridge.commands.meant import case


def read(text: str) -> dict[str, Any]:
    intent = rules(text)
    assert intent.understood, intent
    return dict(means_of(intent.as_dict()))


# 1. Counts and versions: a count said last, a singular "version", "variants", "undos"
A_COUNT_OF_TAKES_SAID_LAST_OR_WITHOUT_A_PLURAL = [
    case("chords one more version please, three more", op="vary", target="chords", versions=3),
    case("the melody, another two", op="vary", target="melody", versions=2),
    case("drums take, 3 more", op="vary", target="drums", versions=3),
    case("the chords make 4 version please", op="make", target="chords", versions=4),
    case("drum groove create two version", op="make", target="drums", versions=2),
    case("give me three further variants of the melody", op="vary", target="melody", versions=3),
    case("two undos please", op="undo", count=2),
    case("three redos", op="redo", count=3),
]


A_COUNT_THAT_IS_NO_TAKE_COUNT_IS_LEFT_ALONE = [
    case("turn the bass up 2 more", op="louder", target="bass"),  # no takes: a step, not a count
    case("make 3 versions of the drums", op="vary", target="drums", versions=3),  # "of the": varied
]


@pytest.mark.parametrize("text", ["add 2 more bars to the chords", "the bass is 2 more than i wanted"])
def test_more_of_something_else_is_no_count_of_takes(text: str) -> None:
    assert "variations" not in rules(text).params


# 2. Takes by their place: two places and a question of difference, a place and a star
TAKES_SAID_BY_THEIR_PLACE = [
    case("third and second take, what is different", op="compare", target="third", other="second"),
    case("first one and second one whats different", op="compare", target="first", other="second"),
    case("that last version is the one, star it", op="star", target="last"),
    case("i love the previous take, favourite it", op="star", target="previous"),
    case("second take and fourth take, which is different", op="compare", target="second", other="fourth"),
    case("compare the one before the last with this one", op="compare", target="previous", other="this"),
]


def test_a_star_with_no_place_said_stays_on_the_selected_take() -> None:
    assert read("nice, star it") == {"op": "star"}


# 3. Dictation: "for bars" is four bars where no bar number follows
DICTATED_FOR_BARS_IS_FOUR_BARS = [
    case(
        "thin out the chords in the first for bars",
        op="simpler",
        target="chords",
        scope={"first_bars": 4},
    ),
    case("some funk drums for bars", op="make", target="drums", genre="funk", bars=4),
    case("a melody for bar", op="make", target="melody", bars=4),
]


FOR_BAR_WITH_ITS_NUMBER_IS_THAT_BAR = [
    case("put a drum fill for bar 12", op="fill", target="drums", scope={"bars": [12, 12]}),
    case("take the hats out for bars 9 to 12", op="remove", target="hats", scope={"bars": [9, 12]}),
]


# 4. A false start corrected mid-sentence: the second key, the second voice
A_FALSE_START_IS_REPLACED_BY_ITS_CORRECTION = [
    case("some chords in e minor no wait g major", op="make", target="chords", key="G major"),
    case("a bass line in f dorian sorry c minor", op="make", target="bass", key="C minor"),
    case("shift the snare no the clap a sixteenth earlier", op="shift", target="claps", beats=-0.25),
    case("the chords no the melody louder", op="louder", target="melody"),
]


def test_no_at_the_start_is_no_correction() -> None:
    assert rules("no the bass is fine").params.get("reason") is not None  # nothing read as a change


# 5. The verb said last, after its object: the object is what the verb changes
A_VERB_SAID_AFTER_ITS_OBJECT = [
    case("strings track mute please", op="mute", target="track:strings"),
    case("ok the organ channel solo", op="solo", target="track:organ"),
    case("vocal track unmute please, thank you", op="unmute", target="track:vocal"),
    case("melody transpose to e minor please", op="transpose", target="melody", key="E minor"),
    case("this keys recording midi convert please", op="transcribe", target="piano"),
    case("the audio clip warp please", op="warp"),
]


@pytest.mark.parametrize(
    "text",
    [
        "the strings track is muted",  # a description, not a request
        "the organ solo in the bridge is too long",
        "the piano mute button is stuck",
    ],
)
def test_a_description_with_a_verb_word_is_no_switch(text: str) -> None:
    assert rules(text).params.get("do") not in ("mute", "solo", "unmute"), rules(text)


SOLO_AFTER_A_BARE_PART_IS_THE_KIND_OF_PART = [case("bass solo please", op="make", target="bass")]


def test_an_audio_clip_acted_on_is_no_new_audio() -> None:
    assert read("warp this audio clip to the grid") == {"op": "warp"}
    assert read("make an audio clip of waves on a beach")["op"] == "musicgen"


# 6. A wanted state that is a removal, after a place said first
A_PART_WANTED_GONE_IS_REMOVED = [
    case("after bar 12 i want the snare gone", op="remove", target="snare", scope={"from_bar": 13}),
    case(
        "i need the shaker out in the bridge",
        op="remove",
        target="percussion",
        scope={"section": "bridge"},
    ),
]


# 7. A new part that follows another track by what it does
A_NEW_PART_FOLLOWS_A_TRACK_BY_WHAT_IT_DOES = [
        case("a bass line that sticks to whatever the rhodes track is doing", op="make", target="bass",
             follow="track:rhodes"),
        case("a melody that mirrors whatever the guitar track does", op="make", target="melody",
             follow="track:guitar"),
    ]  # fmt: skip


# 8. A complaint with a softener says its way ("a bit bare" is too bare: busier); the bottom end is the bass
A_SOFTENED_COMPLAINT_SAYS_ITS_WAY = [
        case("the bass is a little bare in the last 4 bars", op="busier", target="bass", scope={"last_bars": 4}),
        case("the chords sound kind of empty in the chorus", op="busier", target="chords",
             scope={"section": "chorus"}),
        case("the hats are a bit cluttered", op="simpler", target="hats"),
        case("the bottom end is a bit bare", op="busier", target="bass"),
        case("the melody is too empty", op="busier", target="melody"),
    ]  # fmt: skip


def test_a_sound_word_said_alone_is_no_complaint() -> None:
    assert not rules("the snare is loud").understood  # may be what was wanted


# 9. More of the verb said last: a part redone in a section, a clip's style changed, a new part made
MORE_VERBS_SAID_AFTER_THEIR_OBJECT = [
    case("chorus drums rewrite please", op="vary", target="drums", scope={"section": "chorus"}),
    case("intro chords regenerate", op="vary", target="chords", scope={"section": "intro"}),
    case("this loop, genre change to house please", op="set", target="this", genre="house"),
    case("chords that play along with the bass line, make please", op="accompany", target="chords"),
    case("keys recording midi convert", op="transcribe", target="piano"),
]


# 10. A count with its unit in the singular, a part said first with its meter, starred takes in the singular
A_UNIT_OR_A_TAKE_IN_THE_SINGULAR = [
    case("chords 3 semitone down please", op="transpose", target="chords", semitones=-3),
    case("bass line in 6/8 time, 4 bar", op="make", target="bass", meter="6/8", bars=4),
    case("show favourite take only", op="list_takes", starred=True),
]


def test_a_part_first_with_a_feel_is_still_a_change() -> None:
    assert read("drums in half time") == {"op": "feel", "target": "drums", "feel": "half_time"}


# 11. A track said by what it is called; a clause after a track's name is no part of the request
A_TRACK_BY_ITS_NAME_AND_A_CLAUSE_AFTER_IT = [
        case("solo the track called Warm Keys", op="solo", target="track:warm keys"),
        case("mute the one named 'Choir' please", op="mute", target="track:choir"),
    case("solo the track named 'Bells' (briefly, to check)", op="solo", target="track:bells"),
        case("fade out the channel called strings over 4 bars", op="automate", target="track:strings",
             shape="fade_out", bars=4),
        case("mute the organ track, way too loud for me", op="mute", target="track:organ"),
        case("solo the rhodes track its too quiet to judge", op="solo", target="track:rhodes"),
    ]  # fmt: skip


def test_a_place_after_the_track_is_still_read() -> None:
    assert read("mute the pad track in the chorus")["scope"] == {"section": "chorus"}


# 12. A clip wanted as a genre instead is set in it (the object said first)
A_CLIP_WANTED_AS_A_GENRE_INSTEAD = [
    case("i want this as reggae instead", op="set", target="this", genre="reggae"),
    case("the chords as jazz instead", op="set", target="chords", genre="jazz"),
    case("this part, i want it as house instead please", op="set", target="this", genre="house"),
]


# 13. "only" / "just" with a change is that change on the voice said, not a keep-only
ONLY_WITH_A_CHANGE = [
    case("only the snare a bit louder", op="louder", target="snare"),
    case("ride only make more busy", op="busier", target="ride"),
    case("just the hats quieter please", op="softer", target="hats"),
]
# 14. A question with its auxiliary dropped ("how I use ...?") is the question
HOW_WITHOUT_DO = [case("how i use the voice control?", op="help"), case("how i talk to it", op="help")]
KEEP_ONLY_WITHOUT_ONE = [
    case("keep only the kick and hats", op="keep_only", target=["kick", "hats"]),
    case("thin the groove out to just the kick and the clap", op="keep_only", target=["kick", "claps"]),
]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        *ONLY_WITH_A_CHANGE,
        *HOW_WITHOUT_DO,
        *KEEP_ONLY_WITHOUT_ONE,
        *A_COUNT_OF_TAKES_SAID_LAST_OR_WITHOUT_A_PLURAL,
        *A_COUNT_THAT_IS_NO_TAKE_COUNT_IS_LEFT_ALONE,
        *TAKES_SAID_BY_THEIR_PLACE,
        *DICTATED_FOR_BARS_IS_FOUR_BARS,
        *FOR_BAR_WITH_ITS_NUMBER_IS_THAT_BAR,
        *A_FALSE_START_IS_REPLACED_BY_ITS_CORRECTION,
        *A_VERB_SAID_AFTER_ITS_OBJECT,
        *SOLO_AFTER_A_BARE_PART_IS_THE_KIND_OF_PART,
        *A_PART_WANTED_GONE_IS_REMOVED,
        *A_NEW_PART_FOLLOWS_A_TRACK_BY_WHAT_IT_DOES,
        *A_SOFTENED_COMPLAINT_SAYS_ITS_WAY,
        *MORE_VERBS_SAID_AFTER_THEIR_OBJECT,
        *A_UNIT_OR_A_TAKE_IN_THE_SINGULAR,
        *A_TRACK_BY_ITS_NAME_AND_A_CLAUSE_AFTER_IT,
        *A_CLIP_WANTED_AS_A_GENRE_INSTEAD,
    ],
)
def test_the_rules_read(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


def test_a_sound_asked_for_is_no_complaint() -> None:
    # "make it sound really quiet" asks for quiet; read as "too quiet" it would turn it up
    assert means_of(rules("make the bass sound really quiet").as_dict()).get("op") != "louder"
