"""Issue 55, round 37 (w94): later clauses, each request of a two-request sentence done with its own part, in
sentences of our own (never a set's line).

- joins the splitter did not know: "once that's done", "when you're done with that" (``clause_joins.LATER``),
  "oh and", "and while you're at it", a full stop between two requests (``clause_joins.AND``);
- a later "it" / "them" / "that" said back as the first request's part, track or drum voice by name and read so
  (``later_clauses.named_back``), with its size ("a tad louder": small), never the whole kit for one voice;
- "..., but before that ...", "..., but first ...": the later clause done first (``before_that``), else asked;
- "mute all but the bass", "mute every track except the drums": the kept part soloed as "mute everything but"
  was, never a track named "but the bass" nor the bass muted;
- a clause that narrows or replaces the request ("but only the zingers", "then instead ...") and is not read:
  the request is asked about, never done alone (``amended``); a later request of its own not read stays
  ``not_done`` beside the first, done.
"""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import agree
from bridge.commands.means import means_of


def _steps(text: str) -> list[tuple[str, Any]]:
    """Each request done, as (op, target), in order."""
    intent = agree.parse(text)
    assert intent.understood, intent
    return [(str(m["op"]), m.get("target")) for m in (means_of(s.as_dict()) for s in intent.steps())]


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("quantize the bass and after make it a little busier", [("quantize", "bass"), ("busier", "bass")]),
        (
            "swing the drums after that transpose the bass up two semitones",
            [("swing", "drums"), ("transpose", "bass")],
        ),
        (
            "make the melody simpler once that's done transpose it down an octave",
            [("simpler", "melody"), ("transpose", "melody")],
        ),
        (
            "humanize the piano once that's done make it quieter",
            [("humanize", "track:piano"), ("softer", "track:piano")],
        ),
        (
            "quantize the organ, once that's done humanize the drums",
            [("quantize", "track:organ"), ("humanize", "drums")],
        ),
        ("humanize the keys then also make them louder", [("humanize", "chords"), ("louder", "chords")]),
        ("mute the strings oh and solo the drums", [("mute", "track:strings"), ("solo", "drums")]),
        (
            "transpose the bass up a fifth oh and make the drums simpler",
            [("transpose", "bass"), ("simpler", "drums")],
        ),
        ("make the hats quieter plus swing them a bit", [("softer", "hats"), ("swing", "hats")]),
        ("quantize the snare plus make the hats louder", [("quantize", "snare"), ("louder", "hats")]),
        (
            "transpose the chords up a fourth while you're at it quantize the melody",
            [("transpose", "chords"), ("quantize", "melody")],
        ),
        (
            "make the chords simpler and while you're at it mute the bass",
            [("simpler", "chords"), ("mute", "bass")],
        ),
        ("make the melody louder and also swing it", [("louder", "melody"), ("swing", "melody")]),
        ("humanize the bass. make it a bit louder.", [("humanize", "bass"), ("louder", "bass")]),
        ("humanize the bass. make the drums louder.", [("humanize", "bass"), ("louder", "drums")]),
        ("make the bass softer. swing the drums.", [("softer", "bass"), ("swing", "drums")]),
        ("make the keys busier, quantize the drums", [("busier", "chords"), ("quantize", "drums")]),
        (
            "first transpose the melody up an octave then humanize it",
            [("transpose", "melody"), ("humanize", "melody")],
        ),
        ("first make the drums busier, then swing them", [("busier", "drums"), ("swing", "drums")]),
        (
            "solo the keys and after that make them a touch quieter",
            [("solo", "chords"), ("softer", "chords")],
        ),
        (
            "make the bass busier and after that do the same to the melody",
            [("busier", "bass"), ("busier", "melody")],
        ),
        (
            "make the drums simpler and then make the same change to the bass",
            [("simpler", "drums"), ("simpler", "bass")],
        ),
        ("quantize the kick then make that louder", [("quantize", "kick"), ("louder", "kick")]),
        ("swing the snare and also make it louder", [("swing", "snare"), ("louder", "snare")]),
        (
            "tighten up the bass and after that make it a tad louder",
            [("quantize", "bass"), ("louder", "bass")],
        ),
        ("solo the drums then make it louder", [("solo", "drums"), ("louder", "drums")]),
        (
            "make the chords a lot louder after that quantize them",
            [("louder", "chords"), ("quantize", "chords")],
        ),
        ("swing the hats a little, then bring them down a hair", [("swing", "hats"), ("softer", "hats")]),
        ("make the bass a bit quieter oh and quantize it", [("softer", "bass"), ("quantize", "bass")]),
        (
            "shift the snare later by an eighth then quantize the kick",
            [("shift", "snare"), ("quantize", "kick")],
        ),
        (
            "make the drums half time and after that make them busier",
            [("feel", "drums"), ("busier", "drums")],
        ),
        ("remove the hats and after that make the kick louder", [("remove", "hats"), ("louder", "kick")]),
        ("make the melody busier. after that swing it.", [("busier", "melody"), ("swing", "melody")]),
        ("turn the drums down a bit and also quantize the bass", [("softer", "drums"), ("quantize", "bass")]),
        ("vary the drums then make the bass simpler", [("vary", "drums"), ("simpler", "bass")]),
        (
            "swing the guitar track when you're done with that mute the keys",
            [("swing", "track:guitar"), ("mute", "chords")],
        ),
    ],
)
def test_each_request_of_a_joined_sentence_is_done_on_its_own_part(
    text: str, want: list[tuple[str, Any]]
) -> None:
    assert _steps(text) == want


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "humanize the bass but before that transpose it down an octave",
            [("transpose", "bass"), ("humanize", "bass")],
        ),
        ("quantize the drums but before that make them busier", [("busier", "drums"), ("quantize", "drums")]),
        ("swing the hats, but first make them quieter", [("softer", "hats"), ("swing", "hats")]),
        (
            "make the melody louder and before you do that quantize it",
            [("quantize", "melody"), ("louder", "melody")],
        ),
        ("mute the bass but before that solo the drums", [("solo", "drums"), ("mute", "bass")]),
    ],
)
def test_a_clause_said_to_be_done_before_is_done_first(text: str, want: list[tuple[str, Any]]) -> None:
    assert _steps(text) == want


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "voices", "amount"),
    [
        (
            "quantize the kick and after make it a bit louder",
            "kick",
            0.6,
        ),  # "a bit": small (change_words.SIZED)
        ("tighten up the bass and after that make it a tad louder", None, 0.6),
        ("swing the snare and also make it louder", "snare", 0.75),  # the snare's level, not the kit's
        ("quantize the kick then make that louder", "kick", 0.75),
        ("swing the hats a little, then bring them down a hair", "hats", 0.4),
    ],
)
def test_a_later_pronoun_is_the_first_target_at_the_size_said(
    text: str, voices: str | None, amount: float
) -> None:
    later = agree.parse(text).params["then"][-1]
    assert (later["params"].get("kind"), later["params"].get("voices"), later["params"].get("amount")) == (
        "velocity",
        voices,
        amount,
    )


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("mute all but the bass", [("solo", "bass")]),
        ("mute every track except the drums", [("solo", "drums")]),
        ("mute every other track except the keys", [("solo", "chords")]),
        ("mute all of the tracks apart from the melody", [("solo", "melody")]),
        ("mute all the tracks but the bass", [("solo", "bass")]),
        ("mute everything but the drums", [("solo", "drums")]),  # as it was
    ],
)
def test_mute_all_but_keeps_the_part_said(text: str, want: list[tuple[str, Any]]) -> None:
    assert _steps(text) == want


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    "text",
    [
        "make the bass busier, but only the zingers",  # narrows to something unread
        "swing the drums, but not on the flurbs",
        "quantize the bass then instead do the opposite",  # takes the request back
        "make the chords busier except for the wumpus",
        "quantize the drums but before that blorp the frobnicator",  # the one to do first is unread
        "humanize the melody, but first give it the wobble treatment",
    ],
)
def test_an_unread_clause_that_may_change_the_request_is_asked(text: str) -> None:
    intent = agree.parse(text)
    assert not intent.understood, intent.as_dict()
    assert str(intent.params["reason"]).endswith("?")


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "want", "left"),
    [  # a later request of its own, unread: the first done, the later named as not done
        ("quantize the drums, then blorp the wibble", [("quantize", "drums")], ["blorp the wibble"]),
        ("make the kick louder and then gloop it", [("louder", "kick")], ["gloop it"]),
        # read narrowings and asides: done as read, nothing asked
        ("swing the hats but only a little", [("swing", "hats")], None),
        ("make the drums busier, but only in the chorus", [("busier", "drums")], None),
        ("mute the drums, just for now", [("mute", "drums")], None),
        ("solo the keys, but just for the moment", [("solo", "chords")], None),
        ("make the bass busier, but only in the verse", [("busier", "bass")], None),
        ("solo the bass, just to hear it", [("solo", "bass")], None),
        ("quantize the drums, only the kick", [("quantize", "kick")], None),
        # a description after ", just" / ", only" / "rather like": no narrowing, nothing asked
        ("no drums in the chorus, just me and the piano", [("remove", "drums")], None),
        ("write eight bars of chords in C, rather like a hymn", [("make", "chords")], None),
        ("give me a house beat, only as a rough idea", [("make", "drums")], None),
    ],
)
def test_an_independent_or_read_clause_is_not_asked(
    text: str, want: list[tuple[str, Any]], left: Any
) -> None:
    assert _steps(text) == want
    assert agree.parse(text).params.get("not_done") == left


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("swing the bass and also the keys", [("swing", "bass"), ("swing", "chords")]),  # "and also": a list
        (  # "them" after a list, joined by ", and" or ", oh and": each part, never the first alone
            "swing the bass and the melody, and make them softer",
            [("swing", "bass"), ("swing", "melody"), ("softer", "bass"), ("softer", "melody")],
        ),
        (  # the rules' own clause reader had read "the melody oh" as a clause (a melody made)
            "swing the bass and the melody, oh and make them softer",
            [("swing", "bass"), ("swing", "melody"), ("softer", "bass"), ("softer", "melody")],
        ),
        (
            "humanize the chords and the bass, oh and make them louder",
            [("humanize", "chords"), ("humanize", "bass"), ("louder", "chords"), ("louder", "bass")],
        ),
    ],
)
def test_a_list_then_them_over_the_new_joins(text: str, want: list[tuple[str, Any]]) -> None:
    assert _steps(text) == want


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    "text",
    [
        "quantize the snare and the bass, once that's done make it softer",
        "humanize the kick and the keys while you're at it make it louder",
        "swing the hats and the chords. make it quieter",
    ],
)
def test_it_after_two_things_over_the_new_joins_asks_which(text: str) -> None:
    intent = agree.parse(text)
    assert not intent.understood
    examples = intent.params["suggestions"][:2]
    assert all("'" not in e for e in examples)  # each example whole, no quote mark cutting it
    assert all(agree.parse(e).understood for e in examples)
