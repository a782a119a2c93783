"""Issue 56 part J: a song change the pair would act on is said back as a yes/no where pocketsphinx's
best reading and Whisper's transcripts do not all read as that same command; it runs only on "yes"."""

from __future__ import annotations

import asyncio
import importlib.util
from dataclasses import replace
from typing import Any, cast

import numpy as np
import pytest

from bridge.actions.intents import voice
from bridge.commands import parse
from bridge.commands.agreeing import LIMITS, Agreeing
from bridge.commands.confidence import Decision, Hearing, Reading, sure
from bridge.commands.fast_whisper import Transcript, clean
from bridge.commands.reply import reply
from bridge.commands.safety import spoken
from bridge.commands.speech import hear
from bridge.commands.spoken_agree import agree
from bridge.commands.spoken_check import CHECK, changes_song, checked, is_check
from bridge.commands.trust import TRUST_AFTER, Trust
from tests.bridge.commands.test_confidence import _App, _Job, executed  # noqa: F401  (a fixture)
from tests.bridge.commands.test_spoken_agree import scorer
from tests.conftest import missing

ACTING = replace(LIMITS, confirm_edits="off")  # the pair before part J
# pocketsphinx reads "mute the chords" a frame's score ahead of "vary the chords" (said); Whisper wrote
# "marinoc chords" (no command) and scores "mute the chords" best of the commands, near what it wrote:
# the pair before part J acts on "mute the chords"
SPHINX = Hearing((Reading("mute the chords", -3000.0), Reading("vary the chords", -3100.0)), frames=100)
TABLE = {"mute the chords": -0.8, "vary the chords": -1.5, "marinoc chords": -0.5}


@pytest.fixture(autouse=True)
def _dictionary() -> None:
    if importlib.util.find_spec("pocketsphinx") is None:  # the pair reads the phones (part G)
        missing("pocketsphinx (its US-English dictionary gives the phones) is not installed")


def read(*texts: str) -> list[tuple[str, Any]]:
    return [(t, spoken(parse(t))) for t in texts]


def wrote(*texts: str) -> list[Transcript]:
    return [Transcript(f" {t[:1].upper()}{t[1:]}.", -0.5 - 0.1 * n) for n, t in enumerate(texts)]


def test_what_changes_the_song() -> None:
    for edit in ("mute the chords", "vary the chords", "make the melody busier", "generate a house beat",
                 "reverse the bass", "i liked the first one better"):  # fmt: skip
        assert changes_song(spoken(parse(edit))), edit
    for kept in ("play", "stop", "undo that", "cancel that", "help", "yes", "star the first one", "marinoc"):
        assert not changes_song(spoken(parse(kept))), kept


def test_an_edit_is_said_back_unless_every_transcript_reads_as_it() -> None:
    mute = spoken(parse("mute the chords"))
    act = Decision("act", mute)
    sphinx = ("mute the chords", mute)
    assert checked(act, sphinx, read("mute the chords", "mute the chords"), "all") is act
    d = checked(act, sphinx, read("mute the chords", "melody the chords"), "all")
    assert (d.kind, d.choices, is_check(d)) == ("confirm", (mute,), True)
    assert (
        d.why
        == f"{CHECK}: pocketsphinx heard 'mute the chords', Whisper wrote 'mute the chords' / 'melody the chords'"
    )
    # "best": Whisper's best transcript only; "off": acted on as before
    assert checked(act, sphinx, read("mute the chords", "melody the chords"), "best") is act
    assert checked(act, sphinx, read("melody the chords"), "off") is act
    # the same op on another part, or with other values, is another command
    assert checked(act, sphinx, read("mute the chords", "mute the bass"), "all").kind == "confirm"
    busier = Decision("act", spoken(parse("make the melody busier")))
    simpler = ("make the melody simpler", spoken(parse("make the melody simpler")))
    assert checked(busier, simpler, read("make the melody busier"), "all").kind == "confirm"
    vary = ("vary the chords", spoken(parse("vary the chords")))  # pocketsphinx read another command
    assert checked(act, vary, read("mute the chords"), "all").kind == "confirm"
    assert "pocketsphinx heard nothing" in checked(act, None, read("mute the chords"), "all").why
    assert "Whisper wrote nothing" in checked(act, sphinx, [], "all").why


def test_play_stop_undo_and_the_other_read_backs_are_left_as_they_were() -> None:
    stop = Decision("act", spoken(parse("stop")))
    assert checked(stop, ("soul lead", spoken(parse("soul lead"))), read("stop"), "all") is stop
    key = sure(spoken(parse("set the key to a minor")))  # a key is said back already, in its own words
    assert checked(key, None, read("set the key to e minor"), "all") is key and not is_check(key)
    with pytest.raises(
        ValueError, match="confirm_edits 'some': expected one of off, best, all, heard, wrote"
    ):
        checked(stop, None, [], "some")


def test_the_pair_says_back_the_edit_it_would_have_acted_on() -> None:
    before, said = agree(SPHINX, wrote("marinoc chords"), scorer(TABLE), ACTING)
    assert (before.kind, before.intent.params, said) == ("act", {"do": "mute"}, "mute the chords")
    d, said = agree(SPHINX, wrote("marinoc chords"), scorer(TABLE), LIMITS)
    assert (d.kind, d.intent.params, said) == ("confirm", {"do": "mute"}, "mute the chords")
    assert "Whisper wrote 'marinoc chords'" in d.why
    both = agree(SPHINX, wrote("mute the chords", "mute the chords"), scorer(TABLE), LIMITS)[0]
    assert both.kind == "act"  # both recognisers wrote it: done at once, as before


class _Sphinx:
    """pocketsphinx's readings of the next press, as given."""

    def __init__(self) -> None:
        self.last_hearing: Hearing | None = None

    def transcribe(self, audio: Any) -> str:
        return self.last_hearing.transcript if self.last_hearing else ""


class _Whisper:
    """Whisper's transcripts of the next press and its scores, as given."""

    def __init__(self) -> None:
        self.transcripts: list[Transcript] = []
        self.table: dict[str, float] = {}

    def hear(self, audio: Any, prompt: Any = ()) -> list[Transcript]:
        return self.transcripts

    def score(self, sentences: list[str]) -> list[float]:
        return [self.table.get(clean(s), -9.0) for s in sentences]


def test_a_disputed_voiced_edit_waits_and_only_a_yes_runs_it(executed: list[tuple[str, str]]) -> None:  # noqa: F811
    sphinx, whisper = _Sphinx(), _Whisper()
    pair = Agreeing(sphinx, whisper)  # type: ignore[arg-type]
    app = _App()
    voice.trust(
        cast(Any, app)
    ).streak = TRUST_AFTER  # a voice heard right before: a sure edit would be done at once

    def press(readings: tuple[str, ...], transcripts: list[Transcript], table: dict[str, float]) -> str:
        sphinx.last_hearing = Hearing(
            tuple(Reading(t, -3000.0 - 100 * n) for n, t in enumerate(readings)), 100
        )
        whisper.transcripts, whisper.table = transcripts, table
        heard = hear(np.zeros(16000, np.int16), pair, "pair")
        return asyncio.run(voice.respond(app, _Job(), heard))  # type: ignore[arg-type]

    said = press(("mute the chords", "vary the chords"), wrote("marinoc chords"), TABLE)
    assert executed == []  # held: nothing done yet
    assert said.startswith(f"{CHECK}: pocketsphinx heard 'mute the chords', Whisper wrote 'marinoc chords'")
    assert said.endswith('do "mute the chords" (mixer chords: do mute)? Say yes to do it, or no')
    said = press(("no",), wrote("no"), {"no": -0.2})
    assert executed == [] and "'mute the chords' was not done" in said
    press(("mute the chords", "vary the chords"), wrote("marinoc chords"), TABLE)
    press(("yes",), wrote("yes"), {"yes": -0.2})
    assert executed == [("mute the chords", "voice (answered)")]
    # both recognisers wrote it: done at once, no question (the "no" above cost the voice its trust)
    voice.trust(cast(Any, app)).streak = TRUST_AFTER
    press(("mute the chords",), wrote("mute the chords"), {"mute the chords": -0.3})
    assert executed[-1] == ("mute the chords", "voice")


def test_roo_listens_reply_names_what_each_heard_and_what_would_be_done() -> None:
    d, _ = agree(SPHINX, wrote("marinoc chords"), scorer(TABLE), LIMITS)
    for streak in (0, TRUST_AFTER):  # said back whether the voice has earned trust or not
        got = reply(d, Trust(streak)).as_dict()
        assert got["decision"] == "read back" and got["choices"] == ["mute the chords"]
        assert "pocketsphinx heard 'mute the chords', Whisper wrote 'marinoc chords'" in str(got["says"])
        assert "Say yes to do it, or no" in str(got["says"])
