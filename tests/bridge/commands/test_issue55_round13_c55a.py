"""Issue 55, round 13 (c55a): several requests in one sentence (docs/intents.md "Several requests in
one sentence"). One change on several parts is one op with a target list; later requests asked now
go in ``params["then"]`` in the order said; a plan, a condition or a reason is no request; a later
clause no reader is sure of stays in ``not_done`` and is never acted on. Our own sentences, none
from a blind set."""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import compound, parse
from bridge.commands.intent import Intent, unknown
from bridge.commands.means import means_of
from bridge.commands.reply import held_for_yes


def meaning(text: str) -> dict[str, Any]:
    intent = parse(text)
    assert intent.understood, (text, intent.params)
    return means_of(intent.as_dict())


TWO_PARTS = [
    ("humanize the keys and the lead", {"op": "humanize", "target": ["chords", "melody"]}),
    ("quantize both the bass and the drums", {"op": "quantize", "target": ["bass", "drums"]}),
    ("make the drums plus the bass quieter", {"op": "softer", "target": ["drums", "bass"]}),
    ("transpose the bass and the melody up 3 semitones", {"op": "transpose", "target": ["bass", "melody"], "semitones": 3}),
    ("solo the bass and the drums", {"op": "solo", "target": ["bass", "drums"]}),
    ("mute the chords and the melody", {"op": "mute", "target": ["chords", "melody"]}),
    ("swing the keys and the bass", {"op": "swing", "target": ["chords", "bass"]}),
    ("make the bassline and the chords busier in the chorus",
     {"op": "busier", "target": ["bass", "chords"], "scope": {"section": "chorus"}}),
    ("thin out the drums in the intro and do the same to the keys",
     {"op": "simpler", "target": ["drums", "chords"], "scope": {"section": "intro"}}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "want"), TWO_PARTS)
def test_one_change_on_two_parts_is_one_op_with_a_target_list(text: str, want: dict[str, Any]) -> None:
    assert meaning(text) == want


TWO_REQUESTS = [
    ("set the tempo to 100 and then make some drums",
     {"op": "set", "target": "song", "tempo_bpm": 100, "then": [{"op": "make", "target": "drums"}]}),
    ("star this take, then give me three more versions", {"op": "star", "then": [{"op": "vary", "versions": 3}]}),
    ("mute the strings track and solo the drums",
     {"op": "mute", "target": "track:strings", "then": [{"op": "solo", "target": "drums"}]}),
    ("shift the drums a sixteenth later and after that humanize the bass",
     {"op": "shift", "target": "drums", "beats": 0.25, "then": [{"op": "humanize", "target": "bass"}]}),
    ("quantize the bass first, then swing the drums",
     {"op": "quantize", "target": "bass", "then": [{"op": "swing", "target": "drums"}]}),
    ("make the chords simpler, then after that make the drums busier and then star this take",
     {"op": "simpler", "target": "chords", "then": [{"op": "busier", "target": "drums"}, {"op": "star"}]}),
    ("first set the key to D minor, then make a bass line",
     {"op": "set", "target": "song", "key": "D minor", "then": [{"op": "make", "target": "bass"}]}),
    ("unmute the piano track and afterwards mute the drums",
     {"op": "unmute", "target": "track:piano", "then": [{"op": "mute", "target": "drums"}]}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "want"), TWO_REQUESTS)
def test_later_requests_asked_now_go_in_then_in_order(text: str, want: dict[str, Any]) -> None:
    assert meaning(text) == want


PRONOUNS = [
    ("first transpose the keys up a fourth, then quantize them",
     {"op": "transpose", "target": "chords", "semitones": 5, "then": [{"op": "quantize", "target": "chords"}]}),
    ("bring the lead up an octave, then quantize it",
     {"op": "transpose", "target": "melody", "semitones": 12, "then": [{"op": "quantize", "target": "melody"}]}),
    ("transpose the bass down 2 and then humanize it",
     {"op": "transpose", "target": "bass", "semitones": -2, "then": [{"op": "humanize", "target": "bass"}]}),
    ("make the chords softer, then swing them", {"op": "softer", "target": "chords", "then": [{"op": "swing", "target": "chords"}]}),
    ("unmute track 2, then fade it in over 4 bars",
     {"op": "unmute", "target": "track:2", "then": [{"op": "automate", "target": "track:2", "shape": "fade_in", "bars": 4}]}),
    ("quantize the drums and then make them a bit busier",
     {"op": "quantize", "target": "drums", "then": [{"op": "busier", "target": "drums"}]}),
    ("swing the bassline then humanise it",
     {"op": "swing", "target": "bass", "then": [{"op": "humanize", "target": "bass"}]}),
    ("make the melody quieter and after that transpose it up 2 semitones",
     {"op": "softer", "target": "melody", "then": [{"op": "transpose", "target": "melody", "semitones": 2}]}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "want"), PRONOUNS)
def test_a_pronoun_in_a_later_request_is_the_first_requests_target(text: str, want: dict[str, Any]) -> None:
    assert meaning(text) == want


ASIDES = [
    ("make a house beat at 124, then I'll chop it up", {"op": "make", "target": "drums", "genre": "house", "tempo_bpm": 124}),
    ("make a whole song in A minor and then star it if it's any good", {"op": "make", "target": "song", "key": "A minor"}),
    ("write 8 bars of chords, we'll add drums later", {"op": "make", "target": "chords", "bars": 8}),
    ("humanize the drums, then I'm going to record over it", {"op": "humanize", "target": "drums"}),
    ("make a bass line and then i can sample it", {"op": "make", "target": "bass"}),
    ("transpose the keys up 2 and then we will see how it sounds", {"op": "transpose", "target": "chords", "semitones": 2}),
    ("quantize the drums, then star it if it grooves", {"op": "quantize", "target": "drums"}),
    ("give me a trap beat at 140, then we can do the bass later", {"op": "make", "target": "drums", "genre": "trap", "tempo_bpm": 140}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "want"), ASIDES)
def test_a_plan_a_condition_or_a_reason_is_no_request(text: str, want: dict[str, Any]) -> None:
    assert meaning(text) == want


UNSURE = [
    ("star this take, then give me two more versions and then email it to the label",
     [{"action": "vary", "part": None, "params": {"variations": 2}}], ["email it to the label"]),
    ("make the drums busier and then change the key", [], ["change the key"]),
    ("solo the bass, then upload it to my cloud", [], ["upload it to my cloud"]),
    ("swing the drums, then mail this to my mate and then humanize the bass",
     [{"action": "transform", "part": "bass", "params": {"kind": "humanize"}}], ["mail this to my mate"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "then", "left"), UNSURE)
def test_a_later_clause_not_read_surely_stays_not_done(text: str, then: list[Any], left: list[str]) -> None:
    intent = parse(text)
    assert intent.understood
    assert intent.params.get("then", []) == then
    assert [" ".join(c.split()) for c in intent.params.get("not_done", [])] == left


def test_each_later_clause_goes_through_the_readers_gate() -> None:
    """A later clause the reader (the rules with the learned reading) answers with a question is left
    undone, even where the rules alone would act on it."""
    sure = {"quantize the bass": Intent("transform", "bass", {"kind": "quantize"}, "quantize the bass")}

    def read_one(text: str) -> Intent:
        return sure.get(text) or unknown(text, "did you mean 'make the drums busier' or 'vary the drums'?")

    whole = read_one("quantize the bass, then rough up the drums")
    got = compound.read("quantize the bass, then rough up the drums", whole, read_one)
    assert got.action == "unknown"  # a first request read and a later one no reader is sure of: split refused
    whole = Intent("transform", "bass", {"kind": "quantize", "not_done": ["vary the drums"]}, "x")
    got = compound.read("quantize the bass and vary the drums", whole, read_one)
    assert "then" not in got.params and got.params["not_done"] == ["vary the drums"]


@pytest.mark.parametrize(("text", "want"), ASIDES)
def test_an_aside_leaves_the_learned_readings_request_acted_on(
    learned_reading: None, text: str, want: dict[str, Any]
) -> None:
    """With the learned reading the whole sentence was asked about before (an aside confused it); the
    request is read alone, the aside dropped."""
    assert meaning(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "set the tempo to 90 and then split this into stems",
        "mute the drums, then make a loop of dusty rhodes with musicgen",
    ],
)
def test_a_spoken_heavy_job_later_in_the_sentence_holds_every_request(text: str) -> None:
    intent = parse(text)
    assert len(intent.steps()) == 2
    held = held_for_yes(intent, source="voice")
    assert held.startswith("step 2 of 2: this starts a long job") and held.endswith("a yes runs every step")
    assert held_for_yes(intent, source="typed") == ""  # typed, a heavy job starts when asked


ONE_REQUEST = [
    "analyze this loop and tell me its key",
    "work out the tempo and key of this loop",
    "fill in bars 9 to 12 and leave everything else as it is",
    "regenerate the bass in the first verse and keep the other verses as they are",
    "keep only the snare and the hats and get rid of the rest",
    "leave the hats alone and make the rest of the drums simpler",
]


@pytest.mark.parametrize("text", ONE_REQUEST)
def test_one_request_said_in_two_clauses_stays_one(learned_reading: None, text: str) -> None:
    """Regression guards (these pass on the old code too): a protection, a question about the same
    clip, a list of what a change keeps are no later request and nothing is left undone."""
    intent = parse(text)
    assert intent.understood and "then" not in intent.params and "not_done" not in intent.params


def test_two_requests_with_a_complaint_between_are_both_done(learned_reading: None) -> None:
    """Asked about before round 13 (test_issue55_round12_r55ae): both requests are now done in order."""
    assert meaning("solo the keys, theyre thin, and make the bass quieter") == {
        "op": "solo",
        "target": "chords",
        "then": [{"op": "softer", "target": "bass"}],
    }


def test_a_split_the_whole_sentences_reading_finds_unlikely_is_not_used() -> None:
    """``likely`` (agree: the whole sentence's learned reading finds the first request's op plausible,
    or, after "then", its likeliest op is one of the split's) says no: the whole reading stands."""
    said = {"quantize the bass": Intent("transform", "bass", {"kind": "quantize"}, "quantize the bass"),
            "solo the drums": Intent("mixer", "drums", {"do": "solo"}, "solo the drums")}  # fmt: skip

    def read_one(text: str) -> Intent:
        return said.get(text) or unknown(text, "did you mean 'quantize the bass' or 'solo the drums'?")

    text = "quantize the bass, then solo the drums"
    asked = read_one(text)
    assert compound.read(text, asked, read_one, lambda split, then: False) is asked
    got = compound.read(text, asked, read_one, lambda split, then: then)  # only after "then"
    assert (got.action, got.params["then"]) == (
        "transform",
        [{"action": "mixer", "part": "drums", "params": {"do": "solo"}}],
    )
    text = "quantize the bass and solo the drums"
    assert compound.read(text, read_one(text), read_one, lambda split, then: then).action == "unknown"


MADE_IN_A_SETTING = [
    (  # the head on blind 1-96 (round 20); 1-84 to 1-92 said 'make it funky' not done
        "write a bassline and make it funky",
        {"op": "make", "target": "bass", "genre": "funk"},
    ),
    ("make some chords and make them jazzy", {"op": "make", "target": "chords", "genre": "jazz"}),
    pytest.param(
        "give me a drum loop and then make it trap",
        {"op": "make", "target": "drums", "genre": "trap"},
        marks=pytest.mark.xfail(
            strict=True,
            reason="the head on blind 1-80 reads 'make it trap' alone as make 0.29 /"
            " unknown 0.27: the clause is asked about, left undone (never acted)",
        ),
    ),
]


@pytest.mark.parametrize(("text", "want"), MADE_IN_A_SETTING)
def test_a_part_made_then_said_in_a_setting_is_one_part_made(
    learned_reading: None, text: str, want: dict[str, Any]
) -> None:
    assert meaning(text) == want
