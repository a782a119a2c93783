"""Issue 55, twelfth round (r55ai): a part made for a section, a fix with nothing said, errands.

- A new part wanted for a section, said with a want or another making verb ("need a bass line for the
  outro", "could you come up with a melody for the pre chorus", "do me a bassline for verse 2") is made
  there (``make`` with the section as its ``scope``), not asked about as a change of the section.
- A fix asked for with nothing said of what, how or where ("fix the thing in the middle", "something is
  wrong with it, can u fix it", "do your magic on it") is asked about ("what should change, and
  where?"), not refused as no command.
- Errands MuseAroo cannot do (a mixdown or mastering, finding or buying sounds elsewhere) are refused,
  not asked about and not made into a sound; what MuseAroo can do with the same words is read as before.

Every sentence is the engineer's own, none from a blind set; each ``FIXED`` one was read otherwise on
main ec65b5f, each ``KEPT`` one is a near sentence whose reading must not change.
"""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of
from bridge.commands.parser import parse as rules
from tests.bridge.commands.test_issue55_round11_r55ab import case, read


def made(target: str, section: str, nth: int | None = None) -> dict[str, Any]:
    scope: dict[str, Any] = {"section": section, **({"nth": nth} if nth is not None else {})}
    return {"op": "make", "target": target, "scope": scope}


MADE_THERE = [
    case("need a bass line for the outro asap", **made("bass", "outro")),
    case("could you come up with a melody for the pre chorus", **made("melody", "pre chorus")),
    case("can you do the drum part for the bridge", **made("drums", "bridge")),
    case("whip up a bass line for the intro", **made("bass", "intro")),
    case("build me a beat for the breakdown", **made("drums", "breakdown")),
    case("want some chords for the breakdown", **made("chords", "breakdown")),
    case("we want a lead for the bridge", **made("melody", "bridge")),
    case("knock out a bass line for the chorus", **made("bass", "chorus")),
    case("could u do the chords for the outro", **made("chords", "outro")),
]
MADE_KEPT = [  # read so on ec65b5f too
    case("need drums for the drop real quick", **made("drums", "drop")),
    case("cook up some drums for the drop", **made("drums", "drop")),
    case("throw together chords for the second verse", **made("chords", "verse", 2)),
    case("sketch a melody for the last chorus", **made("melody", "chorus", -1)),
    case("do me a bassline for verse 2", **made("bass", "verse", 2)),
    case("make drums for the chorus", **made("drums", "chorus")),
    case("i need a bass line for the second verse", **made("bass", "verse", 2)),
    case("do the drums louder in the chorus", op="louder", target="drums", scope={"section": "chorus"}),
    case("the drums in the chorus are too loud", op="softer", target="drums", scope={"section": "chorus"}),
    case("the bass for the chorus needs more notes", op="busier", target="bass", scope={"section": "chorus"}),
    case("mute the bass in the bridge", op="mute", target="bass", scope={"section": "bridge"}),
]


@pytest.mark.parametrize(("text", "want"), MADE_THERE + MADE_KEPT)
def test_a_part_wanted_for_a_section_is_made_there(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    "text",
    ["the drums for the chorus sound weird", "the bass for the bridge", "we need more hats in the chorus",
     "sort out the drums in the chorus"],
)  # fmt: skip
def test_a_part_said_of_a_section_without_a_want_is_still_asked_about(text: str) -> None:
    intent = parse(text)
    assert not intent.understood and intent.params["reason"].endswith("?"), means_of(intent.as_dict())


UNSAID = [
    "fix the thing in the middle",
    "something is off, sort it out",
    "it just needs something idk",
    "do your magic on it",
    "something is wrong with it, can u fix it",
    "fix whatever sounds weird",
    "the middle bit sounds wrong, fix it",
    "could you sort out the bit near the end, it's just not right somehow",
    "somethings missing and i cant tell what, do something about it",
    "improve it, you know what i mean",
    "i dont know, make it slap, you know",
    "make it better, i dunno, more like what we had yesterday",
]


@pytest.mark.parametrize("text", UNSAID)
def test_a_fix_with_nothing_said_is_asked_about(text: str) -> None:
    intent = parse(text)
    assert not intent.understood, means_of(intent.as_dict())
    assert intent.params["reason"].endswith("what should change, and where?"), intent.params["reason"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("fix the bass", "(e.g. 'make the bass busier' or 'make the bass simpler') what should change?"),
        ("make it better", "(e.g. 'make it busier', 'make it simpler' or 'give me another one') better how?"),
        ("make me a sandwich", "that is not something MuseAroo does (it makes and changes music in Live)"),
        ("order me a pizza", "that is not something MuseAroo does (it makes and changes music in Live)"),
        # a part or bars named: what should change there is asked (round 21, ``faulted``)
        (
            "something sounds off with the hats",
            "(e.g. 'make the hats busier' or 'make the hats simpler') what should change in the hats, and how?",
        ),
        (
            "fix bars 9 to 12",
            "(e.g. 'make the drums busier in bars 9 to 12' or 'make it simpler in bars 9 to 12') what should change in bars 9 to 12?",
        ),
        ("could you fix the tuning on her voice", "no command was recognised"),
    ],
)
def test_a_fix_that_says_what_or_where_keeps_its_answer(text: str, reason: str) -> None:
    """A part, a place or a number said (or the rules' own question or refusal): answered as before."""
    assert rules(text).params.get("reason") == reason


NOT_OURS = "that is not something MuseAroo does (it makes and changes music in Live)"
STUDIO_JOBS = [
    "do a proper mixdown of the song",
    "mix and master the song",
    "could you get the track mastered for streaming",
    "get it mastered properly",
    "give the whole track a proper mix",
    "find some vinyl samples i can chop",
    "look for a good 808 pack online",
    "track down some lofi sound packs for me",
    "what's the deadline for the cue again",
    "whats the weather like tomorrow",
    "get me a coffee please",
    "is the invoice paid yet",
]
REFUSED_BEFORE = [  # refused so on ec65b5f too
    "i need this mixed and mastered by friday",
    "hunt down a drum kit like the one on that record",
    "search for some free trap presets",
    "when is the meeting with the label tomorrow",
]


@pytest.mark.parametrize("text", STUDIO_JOBS + REFUSED_BEFORE)
def test_a_studio_job_musearoo_does_not_do_is_refused(text: str) -> None:
    intent = parse(text)
    assert not intent.understood and intent.params["reason"] == NOT_OURS, means_of(intent.as_dict())


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize("text", ["mix it down properly for me", "hunt down a drum kit like the one on that record",
                                  "do a proper mixdown of the song", "find some vinyl samples i can chop"])  # fmt: skip
def test_a_studio_job_is_refused_however_sure_the_learned_reading_is(text: str) -> None:
    """The learned reading acted on these (softer, a drum beat) or asked; nothing is done."""
    intent = parse(text)
    assert not intent.understood and intent.params["reason"] == NOT_OURS, means_of(intent.as_dict())


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("find the key of this clip", {"op": "analyze"}),
        ("get me a sample of rain on a tin roof", {"op": "musicgen", "prompt": "rain on a tin roof"}),
        ("make a loop of a vinyl crackle sample", {"op": "musicgen", "prompt": "vinyl crackle"}),
        ("give me a bigger share of the notes on the snare", {"target": "snare", "op": "add"}),
        ("turn the master volume down a bit", None),
        ("find me a bass line for the chorus", None),
    ],
)
def test_what_musearoo_can_do_with_the_same_words_is_read_as_before(
    text: str, want: dict[str, Any] | None
) -> None:
    """Read as on ec65b5f: an act, or (None) an answer that is no studio-job refusal."""
    intent = rules(text)
    if want is None:
        assert intent.params.get("reason") != NOT_OURS, intent
    else:
        assert dict(means_of(intent.as_dict())) == want


@pytest.mark.usefixtures("learned_reading")
def test_a_mix_of_a_part_with_its_way_is_still_done() -> None:
    """ "mix the drums louder": a part and a way said, no studio job (the learned reading acts on it)."""
    assert dict(means_of(parse("mix the drums louder").as_dict())) == {"op": "louder", "target": "drums"}
