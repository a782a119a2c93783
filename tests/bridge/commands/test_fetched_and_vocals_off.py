"""A sound fetched from a store or the web is an errand, refused whole; the vocals taken off a
recording are split out of it (issue 55)."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of
from bridge.commands.normalize import normalize
from bridge.commands.studio_errands import studio_job

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


@pytest.mark.parametrize(
    "text",
    [
        "grab me a dirtier clap sample off splice",
        "download a fresh ride from loopmasters",
        "get us some vinyl crackle from freesound",
    ],
)
def test_a_sound_fetched_from_a_store_is_refused(text: str) -> None:
    assert studio_job(normalize(text)[0])
    intent = parse(text)
    assert not intent.understood and not str(intent.params.get("reason", "")).rstrip().endswith("?")


@pytest.mark.parametrize(
    "text",
    [
        "get the bass from this clip louder",
        "find the key of this sample",
        "grab a kick off splice then swing the hats",
    ],
)
def test_a_request_on_the_clip_is_no_errand(text: str) -> None:
    assert not studio_job(normalize(text)[0])


@pytest.mark.parametrize(
    "text",
    ["take the vocal off the tune", "strip the vocals out of my demo", "remove the voice from this track"],
)
def test_vocals_taken_off_a_recording_are_split_out(text: str) -> None:
    intent = parse(text)
    assert intent.understood, intent.params
    assert means_of(intent.as_dict()) == {"op": "separate", "target": "vocals"}
