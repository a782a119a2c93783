"""Jam mode over real JACK MIDI: a second process reads the `MuseAroo <part>` ports.

A few seconds of playing at a fast tempo each: every note-on has its note-off, a recorded
phrase is the generated phrase, a control change lands on the next bar line, and a stop under
a flood of control messages leaves no note sounding; each with the ports in this process
(``Outputs``) and in a sender process of their own (``ProcessOutputs``, what ``roo jam`` uses).
What the reader hears must be what the jam sent; a run in which JACK lost messages on the way
(shown by the count) is repeated once (conftest ``once_more_if_lost``).
"""

from __future__ import annotations

import math
import random
import threading
import time
from pathlib import Path

import mido
import pytest

from bridge.jam import FreeClock, Jam, Recorder
from bridge.jam.launch import JamOptions, launch
from bridge.jam.sender import ProcessOutputs
from engines.generators import PARTS
from engines.jam import ChainState, JamControls, compose, plan
from engines.music import parse_key
from tests.bridge.jam.conftest import Events, Reader, SentOutputs, hanging, note_ons, once_more_if_lost

# timing asserted against the wall clock: run alone, never beside other workers (Makefile)
pytestmark = pytest.mark.realtime

TEMPO = 300.0  # a bar of 4/4 is 0.8 s
CONTROLS = JamControls(genre="rock", key=parse_key("E minor"))


@pytest.fixture(params=["thread", "process"])
def kind(request: pytest.FixtureRequest) -> str:
    """Where the ports live: in this process, or in the jam's sender process."""
    return str(request.param)


def started(
    kind: str = "thread", parts: tuple[str, ...] = PARTS, bars: int | None = 8
) -> tuple[Jam, SentOutputs | ProcessOutputs, Reader, Recorder]:
    """A jam whose outputs keep what they sent (``sent``, complete once closed), and its reader."""
    outputs = SentOutputs(parts, "jack") if kind == "thread" else ProcessOutputs(parts, "jack", log=True)
    reader = Reader(list(parts))
    jam = Jam(FreeClock(TEMPO), outputs, JamControls(genre="rock", key=CONTROLS.key, parts=parts), bars=bars)
    recorder = Recorder(parts)
    jam.hooks.append(recorder)
    jam.start()
    return jam, outputs, reader, recorder


def test_every_note_on_has_its_note_off_and_the_recording_is_the_generated_phrases(
    jack: str, kind: str
) -> None:
    def scenario() -> tuple[Events, Events, tuple[Jam, SentOutputs | ProcessOutputs, Recorder]]:
        jam, outputs, reader, recorder = started(kind)
        try:
            assert jam.wait(30)
        finally:
            outputs.close()
        return reader.events(), outputs.sent, (jam, outputs, recorder)

    events, (jam, outputs, recorder) = once_more_if_lost(scenario)
    assert len(note_ons(events)) > 50
    assert hanging(events) == {}
    assert {msg[0] & 0x0F for _, part, msg in note_ons(events, "drums")} == {9}  # channel 10
    for part in PARTS:  # all-notes-off on every part's channel at the end
        assert [0xB0 | outputs.channels[part], 123, 0] in [msg for _, p, msg in events if p == part]
    state = ChainState()
    for index in (0, 1):  # two 4-bar phrases: what was played is what the engines wrote
        spec, state = plan(state, jam.timeline[0][1], index=index, bars=4)
        expected = compose(spec, [(0.0, jam.timeline[0][1])])
        for part in PARTS:
            got = [
                (n.pitch, round(n.start_beats, 3), n.velocity) for n in recorder.phrases[index].get(part, [])
            ]
            want = sorted((n.pitch, round(n.start_beats, 3), n.velocity) for n in expected[part])
            assert sorted(got) == want, (index, part)
    for part in PARTS:  # and what the reader heard is what was recorded, note for note
        heard = [(msg[1], msg[2]) for _, p, msg in note_ons(events, part)]
        recorded = [(n.pitch, n.velocity) for i in (0, 1) for n in recorder.phrases[i].get(part, [])]
        assert heard == recorded, part


def test_a_control_change_lands_on_the_next_bar_line(jack: str, kind: str) -> None:
    def scenario() -> tuple[Events, Events, tuple[Jam, Recorder, int, float, float]]:
        jam, outputs, reader, recorder = started(kind, parts=("drums", "bass"), bars=8)
        try:
            assert jam.player is not None
            end = time.monotonic() + 10.0
            while jam.player.beat() < 4.5:  # inside bar 1
                assert time.monotonic() < end, "the jam did not reach bar 1 within 10 s"
                time.sleep(0.01)
            before = jam.player.beat()
            bar = jam.set("drums", "0")
            after = jam.player.beat() + 0.25 + jam.player.ahead_beats()  # its guard: at least this far on
            assert jam.wait(30)
        finally:
            outputs.close()
        return reader.events(), outputs.sent, (jam, recorder, bar, before, after)

    events, (jam, recorder, bar, before, after) = once_more_if_lost(scenario)
    # The next bar line after the call (bar 2 unless this machine held the test up for a bar or more)
    assert math.floor(before / 4) + 1 <= bar <= math.floor(after / 4) + 1 and bar <= 7
    assert jam.late_changes == 0
    drums = [n.start_beats + 16 * i for i, ph in recorder.phrases.items() for n in ph.get("drums", [])]
    bass = [n.start_beats + 16 * i for i, ph in recorder.phrases.items() for n in ph.get("bass", [])]
    assert drums and max(drums) < bar * 4 and max(drums) >= (bar - 1) * 4  # bar 1 full, bar 2 empty
    assert max(bass) >= 16  # the bass plays on
    assert len(note_ons(events, "drums")) == len(drums)
    assert hanging(events) == {}


def test_stop_under_a_flood_of_control_messages_leaves_no_note_sounding(jack: str, kind: str) -> None:
    def scenario() -> tuple[Events, Events, int]:
        jam, outputs, reader, _ = started(kind, bars=None)
        flood_done = threading.Event()
        rng = random.Random(7)
        sent = 0

        def flood() -> None:
            nonlocal sent
            choices = [("density", None), ("intensity", None), ("swing", None), ("fill", "1"), ("break", "1"),
                       ("drop", "1"), ("melody", "0"), ("melody", "1"), ("chords", "0"), ("chords", "1")]  # fmt: skip
            while not flood_done.is_set():
                name, value = rng.choice(choices)
                jam.set(name, value if value is not None else f"{rng.random():.2f}")
                sent += 1

        thread = threading.Thread(target=flood)
        try:
            end = time.monotonic() + 10.0
            while jam.player is not None and jam.player.beat() < 6.0:
                assert time.monotonic() < end, "the jam did not reach beat 6 within 10 s"
                time.sleep(0.01)
            thread.start()
            time.sleep(1.5)
            jam.stop()
        finally:
            flood_done.set()
            thread.join(5)
            outputs.close()
        return reader.events(), outputs.sent, sent

    events, sent = once_more_if_lost(scenario)
    assert sent > 100
    assert len(note_ons(events)) > 20
    assert hanging(events) == {}


def test_roo_jam_record_writes_one_named_track_per_part(jack: str, tmp_path: Path) -> None:
    out = tmp_path / "take.mid"
    session = launch(JamOptions(tempo_bpm=TEMPO, parts="drums,bass", bars=4, midi="jack", record=str(out)))
    try:
        assert session.jam.wait(30)
    finally:
        session.close()
    mid = mido.MidiFile(str(out))
    assert mid.type == 1
    assert [t.name for t in mid.tracks] == ["drums", "bass"]
    channels = {m.channel for m in mid.tracks[0] if m.type == "note_on"}
    assert channels == {9}
    assert sum(1 for m in mid.tracks[1] if m.type == "note_on") == len(session.recorder.parts["bass"])  # type: ignore[union-attr]


BAD = [("density", "2", "density 2.0 is out of range"), ("genre", "polka", "genre 'polka'"),
       ("key", "H major", "key 'H major'"), ("drums", "maybe", "drums 'maybe'"), ("tempo_x", "1", "tempo_x")]  # fmt: skip


def test_a_bad_control_is_refused_naming_it_and_nothing_changes(jack: str) -> None:
    jam, outputs, reader, _ = started(parts=("drums",), bars=2)
    try:
        for name, value, message in BAD:
            with pytest.raises(ValueError, match=message):
                jam.set(name, value)
        assert jam.timeline == [(0.0, jam.timeline[0][1])]
        jam.stop()
    finally:
        outputs.close()
    assert hanging(reader.events()) == {}
