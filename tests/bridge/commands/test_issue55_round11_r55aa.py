"""Issue 55, eleventh round (r55aa): the kinds of wrong act left by round ten's sealed writers.

Each list is one kind, in the engineer's own sentences (none from a blind set); the sentences each list
says were misread were read otherwise on 36924eb (checked by running this file against that tree).
A near sentence that must keep its reading sits beside each kind.
"""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands.asides import without_reason
from bridge.commands.dictated import punctuated
from bridge.commands.masking import plain
from bridge.commands.means import means_of
from bridge.commands.normalize import normalize
from bridge.commands.parser import parse as rules
from tests.bridge.commands.meant import case, read


def ruled(text: str) -> dict[str, Any]:
    intent = rules(text)
    assert intent.understood, intent
    return dict(means_of(intent.as_dict()))


# the head retrained on blind sets 1 to 60 (round 11) is unsure of these and they are asked, not acted on
HEAD_ASKS = pytest.mark.xfail(
    strict=True, reason="asked: the head on blind 1 to 64 (round 11) reads another op"
)


def asked_now(text: str, **want: Any) -> Any:
    return pytest.param(text, want, id=text, marks=HEAD_ASKS)


# 1. A verb of direction said to a part wins over a complaint that it hides another; a pronoun of the
# request is what hides when turned down, what is hidden when turned up (misread: louder, or both parts)
A_DIRECTION_OVER_A_COMPLAINT = [
    case("turn the kick down in the chorus, it's drowning out the bass", op="softer", target="kick",
         scope={"section": "chorus"}),
    # acted by round 13's head; the head on blind 1 to 72 reads "pull them back" as unmute (0.70), so it is asked
    # (its first suggestion "make the strings track softer")
    pytest.param("the strings are masking the lead, pull them back", {"op": "softer", "target": "track:strings"},
                 id="the strings are masking the lead, pull them back",
                 marks=pytest.mark.xfail(strict=True, reason="asked: the head on blind 1 to 72 reads unmute")),
    case("the piano is drowned out by the drums, bring them down", op="softer", target="drums"),
    case("tame the hats, they're drowning the snare", op="softer", target="hats"),
    case("bring the chords down in the verse, they're drowning the melody", op="softer", target="chords",
         scope={"section": "verse"}),
]  # fmt: skip
A_DIRECTION_NEAR = [  # read so before: the part hidden, turned up
    case("the vocals are getting lost, bring them up", op="louder", target="track:vocals"),
    case("turn the bass down a bit, it's burying the vocals", op="softer", target="bass"),
]


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(("text", "want"), A_DIRECTION_OVER_A_COMPLAINT + A_DIRECTION_NEAR)
def test_a_direction_said_wins_over_a_complaint_of_hiding(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("the organ is drowning out the melody", op="softer", target="track:organ"),
        case(
            "could you pull the synth back a little? it keeps swamping the vocal",
            op="softer",
            target="track:synth",
        ),
        case("the pads drown out the lead, pull them back", op="softer", target="track:pads"),
    ],
)
def test_the_rules_read_the_direction_said_or_what_hides_as_too_loud(text: str, want: dict[str, Any]) -> None:
    assert ruled(text) == want


def test_a_complaint_after_another_request_is_its_reason() -> None:
    assert ruled("take the hats out, they're drowning the snare") == {"op": "remove", "target": "hats"}
    assert ruled("drop the shaker, it keeps burying the kick") == {"op": "remove", "target": "percussion"}
    assert ruled("it's drowning out the vocals")["op"] != "louder"  # the vocals are what is hidden


def test_a_sentence_with_no_complaint_of_hiding_is_left_as_it_is() -> None:
    for text in ("the piano is getting buried under the strings", "bring the drums down in the intro"):
        s = normalize(text)[0]
        assert plain(s) == s


# 2. A track followed, said tersely with no article ("chords following keys track"; misread: no follow)
A_TRACK_FOLLOWED_TERSELY = [
    case("chords following rhodes track", op="make", target="chords", follow="track:rhodes"),
    case("a bass that follows piano track", op="make", target="bass", follow="track:piano"),
    case("a melody over organ track", op="make", target="melody", follow="track:organ"),
    case("melody over the organ track", op="make", target="melody", follow="track:organ"),  # near: so before
]


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(("text", "want"), A_TRACK_FOLLOWED_TERSELY)
def test_a_track_followed_without_an_article(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


# 3. A part's name spelled as it sounds: "z" for "s", "k" for "ck", a letter doubled (misread: no target)
A_PART_SPELLED_AS_IT_SOUNDS = [
    case("loosen the kikz up", op="humanize", target="kick"),
    case("make the snarre louder", op="louder", target="snare"),
    case("make the tomz quieter", op="softer", target="toms"),
    case("quantize the basss", op="quantize", target="bass"),
    case("take the clapz out", op="remove", target="claps"),
    case("make the snare louder", op="louder", target="snare"),  # near: spelled right
]


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(("text", "want"), A_PART_SPELLED_AS_IT_SOUNDS)
def test_a_part_spelled_as_it_sounds(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


# 4. A purpose clause is no prompt and names no part ("for her to improvise over", "so she can hear
# where it might lead": misread as prompt words, or "lead" as the melody)
A_PURPOSE_CLAUSE = [
    case("generate an audio loop of a dusty vinyl crackle, 8 bars, for him to rap over", op="musicgen",
         prompt="dusty vinyl crackle", bars=8),
    case("make a loop of distant thunder for the singer to warm up to", op="musicgen", prompt="distant thunder"),
    case("a loop of a tabla groove at 90 bpm so she can practise along", op="musicgen", prompt="tabla groove",
         tempo_bpm=90),
    case("continue this riff for another four bars so he can hear where the lead goes", op="continue", bars=4),
    case("musicgen: warm analog pad for late night driving", op="musicgen",
         prompt="warm analog pad for late night driving"),  # near: a description, no one to do a thing
]  # fmt: skip


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(("text", "want"), A_PURPOSE_CLAUSE)
def test_a_purpose_clause_is_no_prompt_and_no_part(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


# 5. "this groove", "this phrase" of a continuation: the selected clip (misread: the drums)
THIS_CLIP_CONTINUED = [
    case("extend this groove, make it continue another 8 bars", op="continue", bars=8),
    case("continue that groove for 4 bars", op="continue", bars=4),
    case("continue this bassline for 4 bars", op="continue", target="bass", bars=4),  # near: a part
]


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(("text", "want"), THIS_CLIP_CONTINUED)
def test_this_groove_continued_is_the_selected_clip(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


# 6. Punctuation dictated as words ("lose the claps comma they're too much": misread as thinned)
PUNCTUATION_SAID = [
    case("lose the shakers comma they're too much", op="remove", target="percussion"),
    case("ditch the toms comma they're a bit much", op="remove", target="toms"),
    case("lose the hats comma theyre way too much", op="remove", target="hats"),
    case("lose the claps, they're too much", op="remove", target="claps"),  # near: typed
]


def test_the_rules_read_a_phrase_kept_going_as_continued() -> None:
    assert ruled("keep this phrase going for another 8 bars") == {"op": "continue", "bars": 8}
    assert ruled("keep that lick running for 4 more bars") == {"op": "continue", "bars": 4}
    assert ruled("carry the bass on for 8 bars") == {"op": "continue", "target": "bass", "bars": 8}
    assert ruled("carry this on another 2 bars") == {"op": "continue", "bars": 2}


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(("text", "want"), PUNCTUATION_SAID)
def test_punctuation_said_as_a_word(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


def test_a_punctuation_word_that_is_a_word_of_the_request_is_kept() -> None:
    assert punctuated("mute the bass comma question mark") == "mute the bass,?"
    for text in ("bring it to a full stop", "a period of 8 bars"):
        assert punctuated(text) == text


# 7. The takes shown to "us" (misread: no part, or asked)
TAKES_SHOWN_TO_US = [
    case("could you show us the bass takes", op="list_takes", target="bass"),  # near: so before
    case("would you show us all the chord takes we've done", op="list_takes", target="chords"),
    case("show me the bass takes", op="list_takes", target="bass"),  # near
]


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(("text", "want"), TAKES_SHOWN_TO_US)
def test_takes_shown_to_us(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


# 8. The learned reading reads the request without the reason given for people ("so the class hears the
# lift": misread as louder, or asked about the part the reason names)
THE_REQUEST_WITHOUT_ITS_REASON = [
    case("Could the hats maybe get a bit busier in the chorus, so the class hears the lift?", op="busier",
         target="hats", scope={"section": "chorus"}),
    case("could the bass get simpler in the verse, so the students can hear the kick better?", op="simpler",
         target="bass", scope={"section": "verse"}),
    pytest.param(
        "could the drums get a little sparser in the intro so everyone hears the melody come in",
        {"op": "simpler", "target": "drums", "scope": {"section": "intro"}},
        id="could the drums get a little sparser in the intro so everyone hears the melody come in",
        marks=pytest.mark.xfail(strict=True, reason="the head on blind 1-92: asked (busier or simpler), not acted"),
    ),
    case("could you take the shaker out of the verse, so you can hear the guitar", op="remove",
         target="percussion", scope={"section": "verse"}),
    case("could you mute the chords so we can hear the melody alone", op="mute", target="chords"),  # near
]  # fmt: skip


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(("text", "want"), THE_REQUEST_WITHOUT_ITS_REASON)
def test_the_request_is_read_without_its_reason(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


def test_what_the_part_will_do_is_no_reason_of_people() -> None:
    for s in (" lock this loop to the grid so it sits on the bars ", " line this up so its bars land right "):
        assert without_reason(s) == s
    assert without_reason(" mute the chords so we can hear the melody ") == " mute the chords "


# 9. "the first four bars" is a place in the clip, never the first take (misread: go back to the first take)
def test_a_place_in_the_clip_is_no_take() -> None:
    assert ruled("take the toms out for the first two bars, i'd like it cleaner there") == {
        "op": "remove", "target": "toms", "scope": {"first_bars": 2}}  # fmt: skip
    assert ruled("i'd like the second take better") == {"op": "recall", "target": "second"}  # near


# 10. A place said to be fine is no place of the change (misread: the fine place as the scope)
A_PLACE_SAID_FINE = [
    case("strip the chords back from bar 9 on, the first eight bars are fine", op="simpler", target="chords",
         scope={"from_bar": 9}),
    case("thin the drums out after bar 4, the intro is fine", op="simpler", target="drums", scope={"from_bar": 5}),
    case("make the bass busier in the chorus, the verse is fine as it is", op="busier", target="bass",
         scope={"section": "chorus"}),
]  # fmt: skip


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(("text", "want"), A_PLACE_SAID_FINE)
def test_a_place_said_fine_is_no_scope(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


# 11. Terse words of the rules: a new song "in the style of" a genre is made, not the song's genre set;
# "tempo up 4"; "jam off" (misread: set, or refused)
TERSE_AND_STYLED = [
    case("write a song in the style of reggae", op="make", target="song", genre="reggae"),
    case("write me some drums in the style of funk", op="make", target="drums", genre="funk"),
    case("redo the bass in the style of jazz", op="set", target="bass", genre="jazz"),  # near: a change
    case("tempo down 10", op="tempo", target="song", change_bpm=-10),
    case("tempo up 6 please", op="tempo", target="song", change_bpm=6),
    case("jam off", op="jam_stop"),
    case("switch off the jam please", op="jam_stop"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "want"), TERSE_AND_STYLED)
def test_terse_and_styled_requests_read_by_the_rules(text: str, want: dict[str, Any]) -> None:
    assert ruled(text) == want


# 12. A voice said "off" a place is taken out there (misread: refused); "kick off" is a start, no voice
A_VOICE_OFF_A_PLACE = [
    case("claps off the downbeats", op="remove", target="claps", scope={"beats": "downbeats"}),
    case("shaker off for the first 4 bars", op="remove", target="percussion", scope={"first_bars": 4}),
    case("percussion out in the breakdown", op="remove", target="percussion", scope={"section": "breakdown"}),  # near
]  # fmt: skip


@pytest.mark.parametrize(("text", "want"), A_VOICE_OFF_A_PLACE)
def test_a_voice_off_a_place_is_taken_out_there(text: str, want: dict[str, Any]) -> None:
    assert ruled(text) == want


def test_kick_off_is_no_kick_taken_out() -> None:  # near: so before
    assert rules("kick off the verse").action != "transform"
