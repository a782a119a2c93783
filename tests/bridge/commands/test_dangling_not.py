"""A sentence ending on a negation that governs nothing asks instead of acting (issue 55; issue 56's
held-out misheard act: Whisper's "Make, the melody does not." for "make the melody busier")."""

from __future__ import annotations

import pytest

from bridge.commands import agree
from bridge.commands.agreeing import LIMITS as DAEMON
from bridge.commands.dangling_not import dangling_not
from bridge.commands.fast_whisper import Transcript
from bridge.commands.spoken_agree import agree as agree_spoken
from tests.bridge.commands.test_spoken_agree import hearing, scorer

pytestmark = pytest.mark.usefixtures("learned_reading")


@pytest.mark.parametrize(
    "text",
    [
        "make the bass line does not",
        "add some claps, not",
        "give me a house beat doesnt",
        "the chords busier doesn't",
    ],
)
def test_a_request_ending_on_a_negation_is_asked_never_acted(text: str) -> None:
    said = agree.parse(text)
    assert not said.understood and said.params["reason"].endswith("?"), said.as_dict()
    assert agree.parse(text, voiced=True).action == "unknown"


@pytest.mark.parametrize(
    "text", ["make the bass line", "add some claps", "don't touch the kick, just thin the chords"]
)
def test_the_same_requests_without_it_still_act(text: str) -> None:
    assert agree.parse(text).understood


def test_only_a_last_negation_that_governs_nothing_counts() -> None:
    assert dangling_not(" make the melody does not ") and dangling_not("add hats dont")
    assert not dangling_not("dont touch the kick just thin the chords")
    assert not dangling_not("the song isnt") and not dangling_not("before no") and not dangling_not("")


def test_whispers_negated_transcript_no_longer_agrees_with_pocketsphinx() -> None:
    """The held-out case under the daemon's limits: pocketsphinx's best reading "make the melody",
    Whisper's transcript the same words and a negation; nothing is made without a yes."""
    d, said = agree_spoken(
        hearing(("make the melody", -3000.0)),
        [Transcript(" Make, the melody does not.", -0.3)],
        scorer({"make the melody": -0.2}),
        DAEMON,
    )
    assert d.kind != "act", (d.kind, said, d.why)
