"""Issue 55, round 23 (w67a): a word no reader knew in a section's, a style's or a part's place was dropped
and the rest acted on. Sections named in other traditions and tongues are their sections (and a cue point so
named is found for them); a section or style word nobody knows is asked about, with two examples the parser
acts on; the world's styles are carried as said; the world's hand percussion is the percussion voice
(sentences of our own, never a blind set's lines)."""

from __future__ import annotations

import pytest

from bridge.actions.sections.span import words
from bridge.commands import parse
from bridge.commands.means import means_of

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


def _means(text: str) -> dict[str, object]:
    intent = parse(text)
    assert intent.understood, (text, intent.params)
    return means_of(intent.as_dict())


@pytest.mark.parametrize(
    ("text", "section", "nth"),
    [
        ("swing the hats a bit in the strofa", "verse", None),
        ("new chords for the ritornello", "chorus", None),
        ("the kick is too loud in the refrão", "chorus", None),
        ("lose the bass in the ponte", "bridge", None),
        ("make the melody simpler in le pont", "bridge", None),
        ("add a fill before the coda", "outro", None),
        ("mute the hats in the pre, please", "pre chorus", None),
        ("put a snare roll in the B-melo", "pre chorus", None),
        ("quantize the bass in the second Amelo", "verse", 2),
    ],
)
def test_a_section_named_another_way_is_that_section(text: str, section: str, nth: int | None) -> None:
    scope = _means(text).get("scope")
    assert isinstance(scope, dict) and scope.get("section") == section and scope.get("nth") == nth, (
        text,
        scope,
    )


@pytest.mark.parametrize(
    ("cue", "said"),
    [("A-melo 2", ["verse", "2"]), ("Sabi", ["chorus"]), ("Coda", ["outro"]), ("Strofa 1", ["verse", "1"])],
)
def test_a_cue_point_named_another_way_is_found_for_its_section(cue: str, said: list[str]) -> None:
    assert words(cue) == said


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("make the hats busier in the 2nd ginga", "which section is the ginga?"),
        ("a melody for the zwischenteil, 8 bars", "which section is the zwischenteil?"),
        ("swing the hats in the B-section", "which section is the B-section?"),
        ("a zouglou beat, 8 bars", "which style is zouglou?"),
        ("make a drum beat in a mbalax style", "which style is mbalax?"),
    ],
)
def test_an_unknown_section_or_style_word_is_asked_about(text: str, question: str) -> None:
    intent = parse(text)
    assert not intent.understood, (text, intent.action, intent.part, intent.params)
    assert intent.params["reason"].endswith(question), intent.params["reason"]  # the question said last
    word = question.split()[-1].rstrip("?")
    tips = intent.params["suggestions"][:2]
    assert tips and all(word not in t and parse(t).understood for t in tips), tips


@pytest.mark.parametrize(
    "text",
    [
        "make the drums louder in the mix",
        "make the bass busier for the vibe",
        "make the drums half time for the last 8 bars, it should feel like its sinking in the fog",
        "make a funk melody, 8 bars",
        "write a bass line for the sermon, 8 bars",  # a common English word
        "make the chords simpler for the newbies",  # a plural: people
        "make the drums half time, it should feel like a night in the favela",  # a likeness
        "make the bass busier in the interlude, bars 9 to 16",  # its bars said
        "start a jam in A minor, 90 bpm, vamos",  # a word said last, after a comma
    ],
)
def test_ordinary_words_in_those_places_still_act(text: str) -> None:
    assert parse(text).understood


@pytest.mark.parametrize(
    ("text", "genre"),
    [("a cumbia beat, 8 bars", "cumbia"), ("make me a dancehall bass line at 95 bpm", "dancehall"),
     ("an amapiano groove, 4 bars", "amapiano"), ("drums for the verse, salsa dura, 8 bars", "salsa")],
)  # fmt: skip
def test_a_world_style_is_carried_as_said(text: str, genre: str) -> None:
    assert _means(text).get("genre") == genre


@pytest.mark.parametrize(
    ("text", "op"),
    [
        ("humanize the djembe", "humanize"),
        ("quantize the cajon", "quantize"),
        ("the darbuka is too loud", "softer"),
    ],
)
def test_hand_percussion_is_the_percussion_voice(text: str, op: str) -> None:
    means = _means(text)
    assert (means.get("op"), means.get("target")) == (op, "percussion"), means
