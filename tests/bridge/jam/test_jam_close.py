"""The jam's last messages reach a reader that JACK has not run for a while (issue 31).

A message sent to a JACK MIDI port is read in a cycle JACK runs later. The jam used to close its
ports right after the closing note-offs and all-notes-off; a reader the machine had not run yet
then never got them (the port's ring buffer freed undrained, or a released port read as empty).
A reader process stopped with SIGSTOP is such a reader, for as long as we like: on the
synchronous server (``conftest.SYNC``) no cycle ends without it, and the jam must wait for those
cycles before it closes its ports (``bridge.jam.jack_cycles``).
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time

from bridge.jam.sender import ProcessOutputs
from engines.midi_file import CHANNELS
from tests.bridge.jam.conftest import Reader, hanging, note_ons

PARTS = ("drums", "bass")
STALL_S = 2.0  # longer than python-rtmidi's own wait in close_port (1 s per port)


def test_the_closing_all_notes_off_reaches_a_reader_that_was_not_run_meanwhile(jack: str) -> None:
    outputs = ProcessOutputs(PARTS, "jack")
    reader = Reader(list(PARTS))
    resume = threading.Timer(STALL_S, os.kill, (reader.proc.pid, signal.SIGCONT))
    try:
        for part, pitch in zip(PARTS, (36, 40), strict=True):
            outputs.send(part, [0x90 | CHANNELS[part], pitch, 100])
        time.sleep(0.5)  # both notes are out and heard
        os.kill(reader.proc.pid, signal.SIGSTOP)
        resume.start()
        outputs.close()  # a note-off for each sounding note, all-notes-off, then the ports close
    finally:
        resume.join()
        with contextlib.suppress(ProcessLookupError):
            os.kill(reader.proc.pid, signal.SIGCONT)
        outputs.close()
    events = reader.events()
    assert len(note_ons(events)) == 2, events
    assert hanging(events) == {}, f"note-offs lost: {events}"
    for part in PARTS:
        assert [0xB0 | CHANNELS[part], 123, 0] in [msg for _, p, msg in events if p == part], (
            f"the all-notes-off of {part} was lost: {events}"
        )


def test_a_reader_not_run_for_half_a_second_mid_jam_still_hears_every_note(jack: str) -> None:
    """On the synchronous server nothing is lost while a reader is held up: the notes wait in the
    ports' ring buffers and arrive late (on JACK's default asynchronous server they were lost)."""
    outputs = ProcessOutputs(PARTS, "jack")
    reader = Reader(list(PARTS))
    start = time.monotonic() + 0.3
    sent: list[tuple[str, list[int]]] = []
    try:
        for i in range(40):
            part = PARTS[i % 2]
            pitch = 36 + i
            for at, message in ((0.05 * i, [0x90, pitch, 100]), (0.05 * i + 0.025, [0x80, pitch, 0])):
                message[0] |= CHANNELS[part]
                outputs.send_at(part, message, start + at)
                sent.append((part, message))
        time.sleep(0.9)
        os.kill(reader.proc.pid, signal.SIGSTOP)  # in the middle of the notes
        time.sleep(0.5)
        os.kill(reader.proc.pid, signal.SIGCONT)
        time.sleep(max(0.0, start + 2.2 - time.monotonic()))  # every note is due by now
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(reader.proc.pid, signal.SIGCONT)
        outputs.close()
    heard = [(part, msg) for _, part, msg in reader.events() if msg[0] & 0xF0 in (0x80, 0x90)]
    for part in PARTS:
        want = [msg for p, msg in sent if p == part]
        got = [msg for p, msg in heard if p == part]
        assert got[: len(want)] == want, f"{part}: heard {len(got)} of {len(want)} note messages"
