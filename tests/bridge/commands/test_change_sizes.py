"""A change of level or density at the size said (issue 55, round 36): "a little louder" is less than
"louder", which is less than "a lot louder"; the same for softer, busier and simpler. Readings, and one
whole path through the daemon and the in-memory Live: the kick's velocities rise less for "a little"."""

from __future__ import annotations

import re

import pytest

from bridge.commands import parse
from bridge.commands.change_words import AMOUNT, SIZED
from livesim.host import LiveHost
from livesim.live_set import ClipDesc, SetDesc, TrackDesc
from tests.bridge.harness import Client, running_daemon

from .test_command_action import command

KICK, HAT = 36, 42
# quiet enough that a large change stays under 127
BEAT = tuple((p, t * 0.5, 0.25, 60, 0) for t in range(16) for p in ((KICK, HAT) if t % 4 == 0 else (HAT,)))


@pytest.mark.parametrize(
    ("text", "size", "change"),
    [
        ("could the kick come up just a touch", "little", "louder"),
        ("make my snare a tiny bit louder", "little", "louder"),
        ("the kick should be slightly louder", "little", "louder"),
        ("kick a hair louder please", "little", "louder"),
        ("bring the rimshot down a bit", "little", "softer"),
        ("make the hats a little quieter", "little", "softer"),
        ("make my kick a lot louder", "lot", "louder"),
        ("the snare needs to be way louder", "lot", "louder"),
        ("make the kick heaps louder", "lot", "louder"),
        ("boost my kick a lot", "lot", "louder"),
        ("make the hats much softer", "lot", "softer"),
        ("turn the hats way down", "lot", "softer"),
        ("make the shaker a bit busier", "little", "busier"),
        ("make the hats way busier", "lot", "busier"),
        ("make the hats in bar 3 slightly sparser", "little", "simpler"),
        ("make the kick in the second half a lot simpler", "lot", "simpler"),
    ],
)
def test_a_size_said_grades_the_change(text: str, size: str, change: str) -> None:
    intent = parse(text)
    assert intent.params.get("amount") == SIZED[size][change], intent.as_dict()


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("make the kick louder", "louder"),
        ("make the snare softer", "softer"),
        ("the kick louder in a bit", "louder"),  # a time, no size
        ("make the kick louder and add a lot of reverb", "louder"),  # a lot of something else
        ("make the kick louder with a lot of reverb", "louder"),
        ("make the snare louder, can barely hear it", "louder"),  # how hidden it is, no size
        ("make the hats busier", "busier"),
    ],
)
def test_no_size_said_keeps_the_default(text: str, change: str) -> None:
    intent = parse(text)
    assert intent.params.get("amount") == AMOUNT[change], intent.as_dict()


@pytest.mark.usefixtures("learned_reading")
def test_an_unread_size_of_a_graded_louder_is_asked_how_much() -> None:
    """With louder graded, its two offers are two acts, so g83's question now reaches it (Czech "trochu")."""
    intent = parse("make the kick trochu louder")
    assert (
        intent.action == "unknown" and intent.params["reason"] == "how much is 'trochu': a little or a lot?"
    )
    offers = intent.params["suggestions"][:2]
    assert offers == ["make the kick a little louder", "make the kick a lot louder"], offers
    assert [parse(o).params["amount"] for o in offers] == [SIZED["little"]["louder"], SIZED["lot"]["louder"]]


def test_the_sizes_are_ordered() -> None:
    little, lot = SIZED["little"], SIZED["lot"]
    assert little["louder"] < AMOUNT["louder"] < lot["louder"]
    assert little["softer"] > AMOUNT["softer"] > lot["softer"]
    assert little["busier"] < AMOUNT["busier"] < lot["busier"]
    assert little["simpler"] > AMOUNT["simpler"] > lot["simpler"]


def _kick_louder(text: str) -> tuple[float, str]:
    """The kick's velocity ratio after ``text`` said on a fresh Set, and the daemon's answer."""
    tracks = (TrackDesc("midi", "Drums", (ClipDesc(0, "Beat", 8.0, BEAT),)),)
    live = LiveHost(SetDesc(tracks=tracks), port=0).start_in_thread()
    try:
        with running_daemon(live_port=live.port) as daemon:
            client = Client(daemon.port)
            try:
                _, state, message = command(client, text)
            finally:
                client.close()
        assert state == "done", message
        # the answer counts tracks and scenes as Live shows them, from 1
        slot = int(re.findall(r"track 1, scene (\d+)", message)[-1]) - 1
        before = [n[3] for n in live.clip_notes(0, 0) if n[0] == KICK]
        after = [n[3] for n in live.clip_notes(0, slot) if n[0] == KICK]
        hats = [n[3] for n in live.clip_notes(0, slot) if n[0] == HAT]
        assert set(hats) == {60}, hats  # the kick alone
        return sum(after) / sum(before), message
    finally:
        live.stop()


def test_a_little_louder_raises_the_kick_less_than_a_lot_louder() -> None:
    little, said_little = _kick_louder("make the kick a little louder")
    default, said_default = _kick_louder("make the kick louder")
    lot, said_lot = _kick_louder("make the kick a lot louder")
    assert 1.0 < little < default < lot, (little, default, lot)
    assert abs(little - 1.15) < 0.03 and abs(lot - 1.74) < 0.03, (little, lot)
    assert "velocity x1.15" in said_little and "velocity x1.41" in said_default, (said_little, said_default)
    assert "velocity x1.74" in said_lot, said_lot
