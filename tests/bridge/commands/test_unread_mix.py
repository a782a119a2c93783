"""Issue 55, round 29 (w74a): English mixed with a tongue no table reads (sentences of our own in Turkish typed
without its letters, and Italian; never a blind set's lines). Unread words standing inside the request (the
part said before the verb, the section after the part, a count, "sonra" joining a second request, the verb
before the part) make it a question, never an act on the English words alone; unread words only around a
complete request (a greeting first, thanks last) leave it acted on; English typed fast is still English; a
MusicGen prompt loses the request said at its head in the other tongue."""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of
from bridge.commands.unread_mix import unread
from tests.bridge.commands.meant import case

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


@pytest.mark.parametrize(
    ("text", "suggested"),
    [
        (
            "davullar robot gibi. humanize lutfen",
            "humanize",
        ),  # the part said before the verb: no clip humanized
        ("davullar icin humanize yap", "humanize"),
        ("mute the hats nakarat kisminda", None),  # the section after the part: not the whole clip
        ("swing the hats ikinci kitada", "swing"),
        ("make the drums busier nakaratta sadece", "busier"),
        ("quantize the hats, sonra kick biraz daha yuksek", "quantize"),  # "sonra": a second request
        ("split this into stems, sonra sadece davullar istiyorum", "separate"),
        ("undo that uc kez lutfen", "undo"),  # a count said in the other tongue: not undone once
        (
            "alza gli accordi in D minor",
            None,
        ),  # the verb before the part: no new chords guessed from "accordi"
    ],
)
def test_unread_words_inside_a_request_are_asked(text: str, suggested: str | None) -> None:
    intent = parse(text)
    assert not intent.understood, intent
    if suggested is not None:  # the likeliest reading is offered, never acted on
        ops = [means_of(parse(s).as_dict()).get("op") for s in intent.params.get("suggestions", [])]
        assert suggested in ops, (intent, ops)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("merhaba, mute the bass please", op="mute", target="bass"),  # a greeting first
        case("ciao, make the drums busier, grazie", op="busier", target="drums"),  # thanks last
        case("solo the piano track, tesekkurler", op="solo", target="track:piano"),
        case("this take is great, harika oldu, star it", op="star"),  # a remark naming nothing
        # English typed fast: a word one edit from an English word is English
        case("quantaize the hats pls", op="quantize", target="hats"),
        case("make the drums busyer in the chorus", op="busier", target="drums", scope={"section": "chorus"}),
        case("transpsoe the bass up an octve", op="transpose", target="bass", semitones=12),
        case("humanise the melodie a littel", op="humanize", target="melody"),
        case("make the bass a littel louderr reallly", op="louder", target="bass"),
    ],
)
def test_a_complete_request_with_words_around_it_acts(text: str, want: dict[str, Any]) -> None:
    got = means_of(parse(text).as_dict())
    assert {k: got.get(k) for k in want} == want, got


def test_the_request_said_at_a_prompts_head_is_not_the_sound() -> None:
    got = means_of(parse("bir audio loop lutfen: rainy harbour at night, 8 bars").as_dict())
    assert got.get("op") == "musicgen" and got.get("prompt") == "rainy harbour at night", got
    got = means_of(parse("make a loop of cuica and pandeiro with favela ambience, 4 bars").as_dict())
    assert got.get("prompt") == "cuica and pandeiro with favela ambience", got  # the sound's own words stay


def test_which_words_are_unread() -> None:
    for word in ("davullar", "nakaratta", "lutfen", "sonra", "üç", "les", "c'est"):
        assert unread(word), word
    for word in ("quantaize", "busyer", "Istanbul", "didn't", "we're", "tavern", "drums", "bass"):
        assert not unread(word), word
