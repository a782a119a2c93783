"""Issue 55, round 35 (w82): the open sets' wrong acts by cause, in sentences of our own (never a set's line).

- a fill said to lead into a section, with no place of its own, is a fill at that section's start
  (``section_places.led_into``): "a drum fill leading into the chorus" made a new drum part there;
- two requests joined the learner's way, a topic after "and" once the first has its amount ("swing the hats
  a little and the kick, make it louder"), are two requests (``topic_joins``): both were made louder;
- what a selected clip holds said in its place ("follow the chords I have selected") is the selected clip
  (``follow_words.selected_plainly``; the weighing keeps the rules' make where the head read accompany);
  a learner's bare "answer" ("a melody that answer this riff") follows the clip as "answers" does;
- "the acid line" is the bass line (``part_styles``), never a track named "acid";
- a part moved "back in the mix" over a section is softer there (``engineer_words.BACK_IN_MIX``): the
  section reading dropped "in the mix" and asked about the melody;
- "unstar the one I starred" takes the star off the newest starred take (``take_moves``, the history
  action): it unstarred the newest take, and "take the star off the one I starred" recalled it;
- a purpose said "so that I might" or "so we would" names why, never the stem (``spotting._PURPOSE``): "...
  into its instruments so that I might study the bass" split out the bass only;
- hand drums by their own names ("this kendhang loop", "this dholak recording") are drums to transcribe, and
  a learner's "in midi" after a verb of turning ("transform this whistling in midi") is into MIDI.
"""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of
from tests.bridge.commands.meant import case, read

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate

CHORUS_START = {"section": "chorus", "bars": [1, 1]}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("a drum fill leading into the chorus", op="fill", target="drums", scope=CHORUS_START),
        case("give me a fill going into the drop", op="fill", target="drums",
             scope={"section": "drop", "bars": [1, 1]}),
        case("put a drum fill that leads into the second chorus", op="fill", target="drums",
             scope={**CHORUS_START, "nth": 2}),
        case("a fill heading into the hook", op="fill", target="drums", scope=CHORUS_START),
        # a place of its own is kept (round 34): where it leads is why
        case("a drum fill at the end of the bridge going into the chorus", op="fill", target="drums",
             scope={"section": "bridge"}),
    ],
)  # fmt: skip
def test_a_fill_led_into_a_section_is_at_its_start(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


def test_a_fill_leading_up_to_a_section_stays_asked() -> None:
    assert not parse("a fill leading up to the last chorus").understood  # the bar before it (round 13)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("swing the hats a little and the kick, make it louder", op="swing", target="hats", amount=0.25,
             then=[{"op": "louder", "target": "kick"}]),
        case("swing the hats a lil and the snare make it quieter", op="swing", target="hats", amount=0.25,
             then=[{"op": "softer", "target": "snare"}]),
        case("quantize the snare a bit and the bass, turn it down", op="quantize", target="snare",
             then=[{"op": "softer", "target": "bass"}]),
        case("humanize the chords slightly and the melody, make it quieter", op="humanize", target="chords",
             then=[{"op": "softer", "target": "melody"}]),
        # no amount closes the first request: both parts swung, as before
        case("swing the hats and the kick", op="swing", target=["hats", "kick"]),
    ],
)  # fmt: skip
def test_a_topic_after_and_is_the_later_requests(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("make the chords follow the chords I have selected", op="make", target="chords", follow="this"),
        case("write a melody that follows the chords i selected", op="make", target="melody", follow="this"),
        case("write a bass line that follows the notes i've highlighted", op="make", target="bass",
             follow="this"),
        case("write drums that follow the clip I selected", op="make", target="drums", follow="this"),
        case("write me a melody in D minor that answer this riff", op="make", target="melody", follow="this",
             key="D minor"),
        # the chords part followed, nothing selected said
        case("make a bass line that follows the chords", op="make", target="bass", follow="chords"),
    ],
)  # fmt: skip
def test_what_the_selected_clip_holds_is_the_clip(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


def test_played_along_with_the_selected_clip_is_no_follow() -> None:
    intent = parse(
        "i need a bass part that plays along with the highlighted clip"
    )  # an accompaniment, or asked
    assert intent.action != "generate", intent


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("open the filter up on the acid line over the last eight bars", op="automate", target="bass",
             shape="sweep_up", scope={"last_bars": 8}),
        case("make the acid line louder", op="louder", target="bass"),
        case("mute my acid line", op="mute", target="bass"),
        case("make the 303 line busier in the drop", op="busier", target="bass", scope={"section": "drop"}),
        case("bring the cello line down a fifth", op="transpose", target="track:cello", semitones=-7),
    ],
)  # fmt: skip
def test_the_acid_line_is_the_bass(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


def test_a_style_line_with_no_one_part_is_not_made_a_track() -> None:
    intent = parse("make the acid line squelchier")  # no op makes a line squelchier: asked, never a track's
    assert not intent.understood and "acid" not in " ".join(intent.params.get("suggestions", []))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("nudge the kick back in the mix in the verse", op="softer", target="kick", scope={"section": "verse"}),
        case("push the hats back in the mix during the bridge", op="softer", target="hats",
             scope={"section": "bridge"}),
        case("nudge the snare a bit back in the mix in the second chorus", op="softer", target="snare",
             scope={"section": "chorus", "nth": 2}),
        case("pull the bass back in the mix for the intro", op="softer", target="bass", scope={"section": "intro"}),
        case("nudge the kick back a sixteenth", op="shift", target="kick", beats=0.25),
    ],
)  # fmt: skip
def test_back_in_the_mix_over_a_section_is_softer_there(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


def test_back_alone_stays_asked() -> None:
    assert "back in the mix?" in str(parse("nudge the kick back in the verse").params.get("reason"))


@pytest.mark.parametrize(
    "text",
    [
        "unstar the one I starred",
        "take the star off the one I starred",
        "remove the star from the take i starred",
        "please unstar the starred one",
        "get the star off my favourite take",
    ],
)
def test_the_starred_take_unstarred(text: str) -> None:
    intent = parse(text)
    assert intent.action == "history" and intent.params == {"do": "unstar", "starred": True}, intent


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("unstar this take", op="unstar"),
        case("unstar the second take", op="unstar", target="second"),
        case("bring back the starred one", op="recall", starred=True),
    ],
)
def test_other_unstars_and_the_recall_stay(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("separate this song into its instruments so that i might study the bass", op="separate"),
        case(
            "could you split this live take into stems so we would have the guitar to practise", op="separate"
        ),
        case(
            "Would you split this bootleg of the Coltrane quartet into its instruments, so that I might study "
            "Elvin's drums?",
            op="separate",
        ),  # the rules refuse it: the learned reading's split, said again
        case(
            "Could you separate this live recording of my old band into its instruments, so that I might learn "
            "Dave's guitar part?",
            op="separate",
        ),  # the learned reading's split said again (``rephrase``)
        case("separate the drums from this", op="separate", target="drums"),
        case(
            "split this song into stems, i just want to hear the bass", op="separate", target="bass"
        ),  # round 8
    ],
)
def test_a_purpose_said_with_might_or_would_names_no_stem(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("turn this kendhang loop into midi", op="transcribe", target="drums"),
        case("convert this dholak recording to midi", op="transcribe", target="drums"),
        case("transform this whistling in midi", op="transcribe", target="melody"),
        case("change this humming in midi", op="transcribe", target="melody"),
    ],
)
def test_hand_drums_and_a_learners_in_midi(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


def test_means_of_the_unstar_of_the_starred_take() -> None:
    answer = parse("unstar the one I starred").as_dict()
    assert means_of(answer) == {"op": "unstar", "starred": True}
