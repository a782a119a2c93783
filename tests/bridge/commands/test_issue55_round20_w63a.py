"""Issue 55, round 20 (w63a): readings that acted wrongly on the round-19 writers' kinds, in sentences of our own.

- a strength said of a humanize is its amount ("humanize the keys a bit": 0.25, "humanize a lot the bass": 0.75;
  "a bit more" is relative: none), and "more" said elsewhere than the swing asked for ("chat wanted more swing,
  so swing the snare a touch") leaves the strength said (``amount_words``);
- a whole new song from scratch is the song whatever "beat" or "tune" is said beside it, its key the song's
  (``part_reading._WHOLE_NEW``);
- room made for a section after a request ("let the verse breathe", "to give the chorus some room") adds no place
  (``reasons.PURPOSE``);
- a need of bounce or groove, reported or not ("my mate reckons the bass needs more bounce") is asked (more swing,
  more notes or another feel), never softer (``vague_words._BOUNCE``);
- asked whether it can do a thing nothing reads ("could you tweet the track") is `none`, never help
  (``weighing.ABLE_TO``);
- an Open Key code ("in 8m", "3d") is asked: Open Key's key or a Camelot key typed with m or d (``camelot``).

Each test fails on the code before this change (checked on 5755b811; the humanize amount tests check the action, the schema has no humanize amount)."""

from __future__ import annotations

import pytest

from bridge.commands.agree import parse
from bridge.commands.means import means_of

pytestmark = pytest.mark.usefixtures("learned_reading")


def _means(text: str) -> dict:
    intent = parse(text)
    assert intent.understood, (text, intent.params)
    return means_of(intent.as_dict())


def _reason(text: str) -> str:
    intent = parse(text)
    assert not intent.understood, (text, intent.as_dict())
    return str(intent.params["reason"])


@pytest.mark.parametrize(
    ("text", "target", "amount"),
    [
        ("humanize the keys a bit", "chords", 0.25),
        ("slightly humanize the melody", "melody", 0.25),
        ("loosen up the hats a touch", "hats", 0.25),
        ("humanize a lot the bass", "bass", 0.75),
    ],
)
def test_a_strength_said_of_a_humanize_is_how_loose_it_is_played(
    text: str, target: str, amount: float
) -> None:
    got = _means(text)  # the schema's humanize has no amount (writers 2, 5 and 53 wrote none): the action's
    assert (got["op"], got.get("target"), parse(text).params.get("amount")) == ("humanize", target, amount)


def test_a_humanize_said_with_more_or_no_strength_has_no_amount() -> None:
    assert "amount" not in parse("humanize the keys a bit more").params
    assert "amount" not in parse("humanize the bass").params


@pytest.mark.parametrize(
    ("text", "target", "amount"),
    [
        ("chat wanted more swing, so swing the snare a touch", "snare", 0.25),
        ("my drummer asked for more swing so swing the hats a lot", "hats", 0.75),
    ],
)
def test_more_said_before_the_swing_asked_for_leaves_its_strength(
    text: str, target: str, amount: float
) -> None:
    got = _means(text)
    assert (got["op"], got.get("target"), got.get("amount")) == ("swing", target, amount)


def test_more_said_of_the_swing_itself_stays_relative() -> None:
    assert "amount" not in _means("a touch more swing on the ride")


@pytest.mark.parametrize(
    ("text", "key", "tempo"),
    [
        ("new beat!! whole song from scratch, trap, 140 bpm, c minor", "C minor", 140),
        ("a whole new tune from scratch, dnb, 172, E minor", "E minor", 172),
        ("whole track from scratch, techno, 128 bpm, G minor", "G minor", 128),
    ],
)
def test_a_whole_song_from_scratch_is_the_song_in_its_key(text: str, key: str, tempo: int) -> None:
    got = _means(text)
    assert (got["op"], got["target"], got.get("key"), got.get("tempo_bpm")) == ("make", "song", key, tempo)
    assert "scale" not in got


def test_a_part_in_the_whole_song_stays_that_part() -> None:
    assert _means("make the drums in the whole song louder")["target"] == "drums"
    assert _means("write a bass line for the whole track in D minor")["target"] == "bass"
    assert _means("chords across the whole tune, 4 bars")["target"] == "chords"


@pytest.mark.parametrize(
    ("text", "target", "scope"),
    [
        ("no claps until bar 17, let the verse breathe", "claps", {"until_bar": 16}),
        (
            "drop the shaker for the first 4 bars to give the chorus some room",
            "percussion",
            {"first_bars": 4},
        ),
    ],
)
def test_room_made_for_a_section_adds_no_place(text: str, target: str, scope: dict) -> None:
    got = _means(text)
    assert (got["op"], got["target"], got["scope"]) == ("remove", target, scope)


@pytest.mark.parametrize(
    "text",
    [
        "my mate reckons the bass needs more bounce",
        "the client says the hats need more bounce, can you sort it",
        "the snare could use a bit more groove",
    ],
)
def test_a_need_of_bounce_is_asked_never_softer(text: str) -> None:
    assert "more swing, more notes, or another feel?" in _reason(text)
    assert parse(text).params["suggestions"], text


@pytest.mark.parametrize(
    "text",
    [
        "would it read my stream chat and play the requests",
        "can this read chat and play what viewers ask for",
    ],
)
def test_asked_whether_it_can_do_a_thing_it_cannot_is_none_not_help(text: str) -> None:
    intent = parse(text)
    assert intent.action != "help"
    assert "not something MuseAroo does" in _reason(text)


def test_asked_for_help_stays_help() -> None:
    assert parse("can you help me").action == "help"
    assert parse("what can you do").action == "help"
    assert parse("what can you actually do? im new to this").action == "help"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("make a melody in 8m", ["make a melody in Bb minor", "make a melody in A minor"]),
        (
            "a house bassline in 3d please",
            ["a house bassline in D major please", "a house bassline in Db major please"],
        ),
        (
            "chords for the drop in 11m, 126",
            ["chords for the drop in G minor, 126", "chords for the drop in F# minor, 126"],
        ),
    ],
)
def test_an_open_key_code_is_asked_with_both_keys(text: str, said: list[str]) -> None:
    intent = parse(text)
    assert not intent.understood
    assert intent.params["suggestions"][:2] == said
    assert "Open Key" in intent.params["reason"]


@pytest.mark.parametrize("text", ["solo track 8m", "make a 2m intro for the song", "mute take 3d"])
def test_a_length_or_a_numbered_thing_is_no_open_key(text: str) -> None:
    assert "Open Key" not in str(parse(text).params.get("reason", ""))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("new one!! whole song from scratch, trap, 140 bpm, a minor", "A minor"),
        ("bass line, a minor", "A minor"),
    ],
)
def test_a_minor_said_alone_between_commas_is_the_key(text: str, key: str) -> None:
    assert _means(text).get("key") == key


def test_a_minor_before_a_word_stays_the_article() -> None:
    assert _means("make a minor chord progression").get("scale") == "minor"
    assert "key" not in _means("8 bars, a minor chord progression")
    assert (
        _means("bass line, a minor feel").get("scale") == "minor"
    )  # fails with ", a minor" read before a word
    assert _means("chords up a minor third")["semitones"] == 3
