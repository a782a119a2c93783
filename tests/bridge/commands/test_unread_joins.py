"""Issue 55, round 35 (g82): one unread word where a request's frame needs a word (sentences of our own in Dutch,
Italian, Yoruba and Russian typed in Latin letters; never a blind set's lines). A word joining a second request,
two takes, a word read into a track's name, the part said in the other tongue: asked, never acted on the English
words alone; thanks after a complete request and English typed fast still act."""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.key_slips import slip_of
from bridge.commands.means import means_of
from bridge.commands.unread_mix import unread
from tests.bridge.commands.meant import case

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("undo that daarna play it from the top", "daarna"),  # Dutch "then": the play was lost
        ("undo that poi play it again", "poi"),  # Italian "then"
        ("unmute the bass ancora", "ancora"),  # Italian "again": no track "bass ancora"
        ("solo the piano snova", "snova"),  # Russian "again"
        ("remove gitaar after bar 8", "gitaar"),  # the part in Dutch: not the selected clip's notes
    ],
)
def test_one_unread_word_in_the_requests_frame_is_asked(text: str, word: str) -> None:
    intent = parse(text)
    assert not intent.understood, intent
    assert f"'{word}'" in str(intent.params.get("reason")), intent  # the word is named in the question


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("make the chords louder, o se gan", op="louder", target="chords"),  # Yoruba thanks after it
        case("mute the piano track please, bedankt", op="mute", target="track:piano"),  # Dutch thanks
        case("undo that, spasibo", op="undo"),  # Russian thanks
        case("push the chords a sixteenth later so they smear behind the beat", op="shift", target="chords"),
    ],
)
def test_a_complete_request_with_an_unread_word_around_it_acts(text: str, want: dict[str, Any]) -> None:
    got = means_of(parse(text).as_dict())
    assert {k: got.get(k) for k in want} == want, got


def test_a_short_word_is_a_typo_only_by_a_slip_of_the_fingers() -> None:
    english = frozenset(("snare", "high", "dope", "core", "kick"))
    assert slip_of("snsre", english)  # "s" is beside "a"
    assert slip_of("hihg", english)  # two letters swapped
    assert slip_of("kickk", english)  # a letter doubled
    assert not slip_of("dopo", english)  # Italian "after": a vowel for a vowel is a tongue's spelling
    assert not slip_of("coro", english)
    assert not unread("didnt") and not unread("isnt")  # English typed without its apostrophe
