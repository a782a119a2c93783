"""A part's own dial moved by the size said (issue 55, round 37): "make the drums way busier" moves the
density dial further than "busier", "a touch simpler" less far; no size said moves one ``STEP``."""

from __future__ import annotations

import pytest

from bridge.actions.intents.generate import STEP, step_of
from bridge.actions.sections.job import DIALS, what
from bridge.commands import Intent, parse
from bridge.commands.change_words import SIZED
from bridge.commands.normalize import normalize
from bridge.commands.weighing import read_as
from livesim.host import LiveHost
from tests.bridge.harness import Client

from .test_command_action import command


@pytest.mark.parametrize(
    ("text", "part", "what", "size"),
    [
        ("give the bass line loads busier", "bass", "density", "lot"),
        ("make my drums heaps busier", "drums", "density", "lot"),
        ("make the chords a tad simpler", "chords", "complexity", "little"),
        ("could the melody be a hair busier", "melody", "density", "little"),
        ("make the bass a whole lot simpler", "bass", "complexity", "lot"),
        ("give the chords a little more energy", "chords", "energy", "little"),
        ("put way more energy into the drums", "drums", "energy", "lot"),
        ("make the drums busier by a lot", "drums", "density", "lot"),
    ],
)
def test_a_size_said_grades_the_dial(text: str, part: str, what: str, size: str) -> None:
    got = parse(text)
    assert (got.action, got.part, got.params.get("what"), got.params.get("size")) == (
        "adjust",
        part,
        what,
        size,
    )


@pytest.mark.parametrize(
    "text",
    ["make the bass line busier", "simplify the chords", "the drums are way too busy, make them simpler"],
)
def test_no_size_said_moves_one_step(text: str) -> None:
    got = parse(text)
    assert got.action == "adjust" and "size" not in got.params, got


def test_the_steps_are_ordered() -> None:
    for dial in STEP:
        little, plain, lot = (step_of({"what": dial, "size": s}) for s in ("little", None, "lot"))
        assert 0 < little < plain == STEP[dial] < lot, (dial, little, plain, lot)


def _over_a_section(text: str) -> tuple[str, dict[str, object]]:
    got = parse(text)
    assert got.action == "adjust" and "region" in got.params, got
    return what(Intent(got.action, got.part, got.params, text))


def test_a_section_dial_takes_the_clip_change_size() -> None:
    lot = _over_a_section("make the drums a lot busier in the chorus")
    assert lot == ("density", {"amount": SIZED["lot"]["busier"]})
    little = _over_a_section("give the bass a little less energy in the verse")
    assert little == ("velocity", {"amount": SIZED["little"]["softer"]})
    assert _over_a_section("make the drums sparser in the chorus") == DIALS[("density", "down")]


def test_the_daemon_moves_the_dial_by_the_size_said(live: LiveHost, client: Client) -> None:
    assert command(client, "generate four bars of drums")[1] == "done"
    steps = [  # from the generated take's density 0.5
        ("make the drums a touch busier", "up a little (density 0.6)"),
        ("make the drums busier", "up (density 0.8)"),
        ("make the drums way sparser", "down a lot (density 0.4)"),
    ]
    for text, said in steps:
        intent, state, message = command(client, text)
        assert intent["action"] == "adjust" and state == "done", message
        assert f"density {said}" in message, message
    assert all(live.clip_notes(0, slot) for slot in range(4))  # each change a take of its own


@pytest.mark.usefixtures("learned_reading")
def test_an_unread_size_of_a_dial_is_asked_how_much() -> None:
    """With a part's dial graded, its two offers are two acts, so g83's question reaches it (Swedish "mycket")."""
    intent = parse("make the chords mycket busier")
    assert (
        intent.action == "unknown" and intent.params["reason"] == "how much is 'mycket': a little or a lot?"
    )
    offers = intent.params["suggestions"][:2]
    assert [parse(o).params.get("size") for o in offers] == ["little", "lot"], offers


@pytest.mark.parametrize(
    ("text", "size"),
    [("ease the hats back a lot", "lot"), ("the hats want to come down a little", "little")],
)
def test_a_size_carries_to_a_change_read_again_as_its_op(text: str, size: str) -> None:
    """Where the learned reading reads a sentence again as "softer" (``weighing.read_as``), the size said
    stays with it."""
    got = read_as("softer", "hats", text, normalize(text)[0], None)
    assert got is not None and got.params.get("amount") == SIZED[size]["softer"], got


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("lower the shaker a lot", SIZED["lot"]["softer"]),
        ("raise the snare a touch", SIZED["little"]["louder"]),
    ],
)
@pytest.mark.usefixtures("learned_reading")
def test_a_drum_voice_lowered_or_raised_is_its_level_at_the_size_said(text: str, amount: float) -> None:
    """The rules read no "lower the X"; the learned reading reads it again as softer, the size kept."""
    got = parse(text)
    assert (got.action, got.params.get("kind"), got.params.get("amount")) == ("transform", "velocity", amount)
