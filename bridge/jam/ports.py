"""MIDI outputs for the jam: a virtual port per part (``MuseAroo drums`` ...) or one named port.

The backend is chosen by name (``auto``, ``alsa``, ``jack``, ``coremidi``, ``winmm``); ``auto``
picks CoreMIDI on macOS, Windows MM on Windows, and on Linux the ALSA sequencer when
``/dev/snd/seq`` exists, JACK otherwise. Drums play on channel 10, the other parts on the
channels the MIDI files use.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from bridge.jam.jack_cycles import wait_cycles
from engines.errors import InvalidValue, RooError
from engines.midi_file import CHANNELS

BACKENDS = ("auto", "alsa", "jack", "coremidi", "winmm")
CLOCK_PORT = "MuseAroo clock"


JACK_HINT = (
    "is JACK running? start it first: `jackd -S -d dummy` runs without a sound card, synchronously "
    "(so a reader late in a cycle misses no notes) (or pick another backend with --midi)"
)


def cannot_open(backend: str, exc: BaseException) -> str:
    """Why ports could not open, with what to do; JACK's own noise on stderr is not shown."""
    return f"MIDI backend {backend!r} cannot open ports ({exc}); {JACK_HINT}"


@contextlib.contextmanager
def quiet_stderr() -> Iterator[None]:
    """File descriptor 2 sent to /dev/null meanwhile: libjack prints its connection attempts
    ("Cannot connect to server socket ...") there itself, past Python's sys.stderr."""
    sys.stderr.flush()
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def port_name(part: str) -> str:
    return f"MuseAroo {part}"


def api_of(backend: str) -> int:
    """The rtmidi API constant of a backend name; raises InvalidValue naming the valid ones."""
    import rtmidi

    if backend not in BACKENDS:
        raise InvalidValue(f"MIDI backend {backend!r} is not known: expected one of {', '.join(BACKENDS)}")
    if backend == "auto":
        if sys.platform == "darwin":
            backend = "coremidi"
        elif sys.platform == "win32":
            backend = "winmm"
        else:
            backend = "alsa" if os.path.exists("/dev/snd/seq") else "jack"
    return {
        "alsa": rtmidi.API_LINUX_ALSA,
        "jack": rtmidi.API_UNIX_JACK,
        "coremidi": rtmidi.API_MACOSX_CORE,
        "winmm": rtmidi.API_WINDOWS_MM,
    }[backend]


class Outputs:
    """One output per part, or every part on one existing port; ``send`` writes raw MIDI bytes."""

    def __init__(self, parts: Sequence[str], backend: str = "auto", port: str | None = None) -> None:
        import rtmidi

        self.api = api_of(backend)
        self.channels = {part: CHANNELS[part] for part in parts}
        self._outs: dict[str, Any] = {}
        try:
            if port is not None:
                shared = rtmidi.MidiOut(rtapi=self.api, name="MuseAroo")
                names = shared.get_ports()
                match = [i for i, name in enumerate(names) if port in name]
                if not match:
                    raise InvalidValue(f"MIDI port {port!r} is not there: expected one of {names}")
                shared.open_port(match[0])
                self._outs = {part: shared for part in parts}
            else:
                for part in parts:
                    out = rtmidi.MidiOut(rtapi=self.api, name=f"MuseAroo-{part}")
                    out.open_virtual_port(port_name(part))
                    self._outs[part] = out
        except rtmidi.SystemError as exc:
            self.close()
            raise RooError(cannot_open(backend, exc)) from exc

    def send(self, part: str, message: Sequence[int]) -> None:
        self._outs[part].send_message(message)

    def all_notes_off(self) -> None:
        """Controller 123 (all notes off) and 64 = 0 (sustain up) on every part's channel."""
        for part, channel in self.channels.items():
            self.send(part, [0xB0 | channel, 64, 0])
            self.send(part, [0xB0 | channel, 123, 0])

    def close(self, drain: bool = True) -> None:
        """Close the ports; on JACK, once JACK has run the cycles that deliver what was sent
        (``bridge.jam.jack_cycles``; ``drain=False``: at once, as before issue 31)."""
        import rtmidi

        if drain and self._outs and self.api == rtmidi.API_UNIX_JACK:
            wait_cycles()
        for out in {id(o): o for o in self._outs.values()}.values():
            out.close_port()
            out.delete()
        self._outs = {}


def open_clock_port(api: int, out: bool) -> Any:
    """A virtual ``MuseAroo clock`` port: an output that sends our clock, or an input that reads one."""
    import rtmidi

    port = (rtmidi.MidiOut if out else rtmidi.MidiIn)(rtapi=api, name="MuseAroo-clock")
    port.open_virtual_port(CLOCK_PORT)
    return port
