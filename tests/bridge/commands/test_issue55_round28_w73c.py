"""Issue 55, round 28 (w73c): kinds of sentence an older musician types in long spoken idiom (sentences of our own,
never a blind set's lines): a question about the world with a music word in it, the speaker's own plans, a part
heard by itself or taken off a record, a reason said first, a fault with how it is now after it, a likeness to a
scene, and a MusicGen prompt kept as typed."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


def _means(text: str) -> dict[str, object]:
    return dict(means_of(parse(text).as_dict()))


def _asked(text: str) -> str:
    intent = parse(text)
    assert not intent.understood, intent
    return str(intent.params.get("reason", ""))


@pytest.mark.parametrize(
    "text",
    [
        "can you tell me what time the record shop closes today, I might go see the drummer play",
        "do you know when the jazz brunch starts, we might go hear them play",
        "I might go hear them play later",
    ],
)
def test_a_question_about_the_world_or_the_speakers_plans_does_nothing(text: str) -> None:
    reason = _asked(text)
    assert not reason.rstrip().endswith("?"), reason  # refused, nothing asked


@pytest.mark.parametrize(
    ("clause", "world"),
    [
        ("can you tell me what time the hall opens tonight", True),
        ("when does the chorus start", False),  # the song's own section
        ("what time signature is this", False),
        ("where is the kick", False),
    ],
)
def test_only_a_question_naming_nothing_of_the_song_asks_the_world(clause: str, world: bool) -> None:
    from bridge.commands.outside_world import asks_the_world

    assert asks_the_world(clause) is world


def test_a_plan_beside_a_request_leaves_the_request() -> None:
    from bridge.commands.outside_world import outside_only

    assert not outside_only("mute the hats, I might go hear them later")


def test_the_whole_song_slowed_by_about_some_bpm() -> None:
    assert _means("slow the whole song down by around 4 bpm, it's dragging something awful") == {
        "op": "tempo",
        "target": "song",
        "change_bpm": -4,
    }


def test_every_misspelt_before_a_count() -> None:
    got = _means("put a crash evrey four bars")
    assert got.get("scope") == {"every": 4}, got


def test_a_track_heard_by_itself_for_a_while_is_soloed() -> None:
    assert _means("let me hear the organ track by itself a second") == {"op": "solo", "target": "track:organ"}


def test_a_part_taken_off_the_record_is_separated() -> None:
    assert _means("take the singer off this record so I can sing it myself") == {
        "op": "separate",
        "target": "vocals",
    }


def test_notes_straightened_onto_the_grid_are_quantized() -> None:
    got = _means("the hats are sloppy, straighten them onto the grid")
    assert got.get("op") == "quantize", got


def test_a_clip_handed_over_with_heres_is_the_clip() -> None:
    got = _means("here's a tape of me playing a bass line, turn it into midi")
    assert got.get("op") == "transcribe", got


def test_a_part_on_top_of_another_is_what_it_is_heard_against() -> None:
    got = _means("the chords come in on top of the drums, move them an eighth later")
    assert got == {"op": "shift", "target": "chords", "beats": 0.5}, got


def test_a_part_laid_out_with_another_left_alone_there() -> None:
    got = _means("have the drums lay out in the verse, let the bass go it alone there")
    assert got == {"op": "remove", "target": "drums", "scope": {"section": "verse"}}, got


def test_a_fault_of_bars_with_how_they_are_now_asks_what_changes_there() -> None:
    assert _asked("bars 5 to 12 need some work, they just sit there").endswith(
        "what should change in bars 5 to 12?"
    )


def test_a_fault_with_a_way_said_after_it_is_not_asked_alone() -> None:
    reason = _asked("bars 5 to 8 need work, they should be busier")
    assert "what should change in bars 5 to 8?" not in reason, reason


def test_a_likeness_to_a_scene_at_a_time_of_day_asks_which_part_and_what() -> None:
    assert _asked("make it feel more like a dark club at 3 in the morning").endswith("in which part?")


def test_a_musicgen_prompt_keeps_its_typed_capitals() -> None:
    got = _means("Make me an audio loop of a marching band going down Bourbon Street, 4 bars")
    assert got.get("prompt") == "marching band going down Bourbon Street", got
    from bridge.commands.musicgen_words import as_typed

    assert as_typed("dusty rhodes", "a loop of Dusty RHODES") == "Dusty RHODES"
