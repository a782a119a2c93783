"""Waiting for JACK to run its cycles before a MIDI port closes (issue 31).

A message sent to a python-rtmidi JACK port waits in the port's ring buffer until the client's
process callback runs in the next cycle and puts it into the port's buffer for that cycle; each
reader takes it from there when JACK runs the reader in the same cycle. Closing the port before
those cycles have run loses the message: the ring buffer is freed undrained, or a reader run after
the port was unregistered is given an empty buffer (JACK2's ``JackGraphManager::GetBuffer`` hands
out port 0's for a released port). python-rtmidi's ``close_port`` waits for one run of its own
callback, at most 1 s, not for the readers. So before the jam's ports close, ``wait_cycles`` waits
until JACK has started two more cycles: the one that drains the ring buffers has then ended, and on
a synchronous server (``jackd -S``) a cycle ends only when every reader has run it.

The cycles are counted with ``jack_last_frame_time`` (the first frame of the cycle running now)
from a JACK client of our own that is never activated: it has no ports and no thread in the graph.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import time
from pathlib import Path

CYCLES = 2  # the cycle that drains what was sent ends before the second one after it starts
WAIT_S = 5.0  # at most this long (a stalled or gone server): the ports close anyway
NO_START_SERVER = 0x01  # JackNoStartServer


def _libjack() -> ctypes.CDLL | None:
    """The libjack already in this process (python-rtmidi's own copy), else the system's."""
    try:
        maps = Path("/proc/self/maps").read_text()
    except OSError:
        maps = ""
    loaded = sorted({line.split()[-1] for line in maps.splitlines() if "/libjack" in line.split()[-1]})
    for path in [p for p in loaded if "libjacknet" not in p and "libjackserver" not in p]:
        try:
            return ctypes.CDLL(path)
        except OSError:
            continue
    name = ctypes.util.find_library("jack")
    try:
        return ctypes.CDLL(name) if name else None
    except OSError:
        return None


def wait_cycles(cycles: int = CYCLES, timeout_s: float = WAIT_S) -> bool:
    """Wait until JACK has started ``cycles`` cycles after the one running now; False if it did
    not within ``timeout_s`` (or no JACK client could be opened)."""
    lib = _libjack()
    if lib is None:
        return False
    lib.jack_client_open.restype = ctypes.c_void_p
    lib.jack_client_open.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(ctypes.c_int)]
    lib.jack_client_close.argtypes = [ctypes.c_void_p]
    for function in ("jack_last_frame_time", "jack_get_buffer_size", "jack_get_sample_rate"):
        getattr(lib, function).restype = ctypes.c_uint32
        getattr(lib, function).argtypes = [ctypes.c_void_p]
    status = ctypes.c_int(0)
    client = lib.jack_client_open(b"MuseAroo-close", NO_START_SERVER, ctypes.byref(status))
    if not client:
        return False
    try:
        block = lib.jack_get_buffer_size(client)
        poll_s = min(max(block / max(lib.jack_get_sample_rate(client), 1) / 2, 0.0005), 0.01)
        start = lib.jack_last_frame_time(client)
        deadline = time.monotonic() + timeout_s
        while (lib.jack_last_frame_time(client) - start) & 0xFFFFFFFF < cycles * block:
            if time.monotonic() > deadline:
                return False
            time.sleep(poll_s)
        return True
    finally:
        lib.jack_client_close(client)


ASYNC_WARNING = (
    "JACK server {name!r} runs asynchronously (jackd without -S): a reader the system does not run "
    "within a period loses that period's notes; start it with `jackd -S ...` for every note"
)


def server_name() -> str:
    """The JACK server this process talks to: JACK_DEFAULT_SERVER, else "default"."""
    return os.environ.get("JACK_DEFAULT_SERVER") or "default"


def synchronous(name: str | None = None) -> bool | None:
    """Whether the local jackd serving ``name`` (JACK_DEFAULT_SERVER, else "default") was started
    with -S/--sync; None when no such jackd process is seen (another user's, jackdbus, not Linux)."""
    name = name or server_name()
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            args = (proc / "cmdline").read_bytes().decode(errors="replace").split("\0")[:-1]
        except OSError:
            continue
        if not args or Path(args[0]).name not in ("jackd", "jackdmp"):
            continue
        server = _server_args(args[1:])
        if server.get("name", "default") == name:
            return bool(server.get("sync"))
    return None


def _server_args(args: list[str]) -> dict[str, str]:
    """jackd's server options (those before ``-d``/``--driver``): its name and whether -S is given."""
    found: dict[str, str] = {}
    rest = iter(args)
    for arg in rest:
        if arg in ("-d", "--driver") or arg.startswith("--driver="):
            break
        if arg in ("-n", "--name"):
            found["name"] = next(rest, "default")
        elif arg.startswith("--name="):
            found["name"] = arg.split("=", 1)[1]
        elif arg == "--sync" or (arg.startswith("-") and not arg.startswith("--") and _short_flags(arg)):
            found["sync"] = "yes"
    return found


def _short_flags(arg: str) -> bool:
    """A cluster of jackd's argument-less short options that holds S (``-S``, ``-RS``)."""
    return "S" in arg and set(arg[1:]) <= set("RrSTuvsm")
