"""/roo/musicgen's request: ``prompt [bars] [track slot] (name value)*`` checked into a
``MusicgenRequest``, and the file a new loop is written to (``loop_path``).

Every error names the bad value and what is valid.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bridge import protocol
from bridge.actions.options import Range, parse_options, whole_argument
from engines.errors import InvalidValue
from engines.music import parse_key
from engines.musicgen.pipeline import MAX_VARIATIONS

DEFAULT_BARS = 4
MAX_BARS = 64  # the engine refuses earlier when the bars do not fit MusicGen's 30 s window


@dataclass(frozen=True, slots=True)
class MusicgenRequest:
    prompt: str
    bars: int = DEFAULT_BARS
    track: int = -1  # -1: a new audio track (or the continued clip's track)
    slot: int = -1
    continue_clip: bool = False
    melody_clip: bool = False
    model: str = "small"
    seed: int | None = None
    variations: int = 1
    arrangement: bool = False  # into the Arrangement (at ``at``, else the loop brace), not a slot
    at: float | None = None
    replace: bool = False  # in the Arrangement: over a clip there (cutting it), else refused
    key: str = ""  # the key the loop is asked in ("A minor"), said apart from the prompt (issue 44)

    @property
    def text(self) -> str:
        """What MusicGen is conditioned on: the prompt, then the key when one is given."""
        return f"{self.prompt}, in {self.key}" if self.key else self.prompt


def parse_request(args: list[Any]) -> MusicgenRequest:
    """``prompt [bars] [track slot] (name value)*``; every error names the value and what is valid."""
    if not args or not isinstance(args[0], str) or not args[0].strip():
        raise InvalidValue(f"/roo/musicgen {args!r}: expected a text prompt first, e.g. 'lofi drum beat'")
    values: list[Any] = []
    rest = list(args[1:])
    while rest and not isinstance(rest[0], str):
        values.append(rest.pop(0))
    if len(values) > 3:
        raise InvalidValue(f"/roo/musicgen {args!r}: expected at most [bars] [track slot] before the options")
    # Each checked as the option of its name is (track and slot: -1..INDEX_MAX), bars to MusicGen's.
    names = {0: (), 1: ("bars",), 2: ("track", "slot"), 3: ("bars", "track", "slot")}[len(values)]
    given = {
        name: whole_argument(name, value, what="/roo/musicgen", ranges={"bars": Range(1, MAX_BARS)})
        for name, value in zip(names, values, strict=True)
    }
    bars, track, slot = given.get("bars", DEFAULT_BARS), given.get("track", -1), given.get("slot", -1)
    opts = parse_options(rest, protocol.MUSICGEN_OPTIONS, what="/roo/musicgen")
    variations = opts.get("variations", 1)
    if not 1 <= variations <= MAX_VARIATIONS:
        raise InvalidValue(f"variations {variations} is out of range: expected 1..{MAX_VARIATIONS}")
    if track < -1 or slot < -1 or (track == -1) != (slot == -1):
        raise InvalidValue(f"track {track} / slot {slot}: expected two indexes >= 0 (or neither)")
    arrangement = bool(opts.get("arrangement", 0)) or "at" in opts
    if "at" in opts and opts.get("arrangement") == 0:
        raise InvalidValue(f"at {opts['at']:g} is a place in the Arrangement: expected arrangement 1 or none")
    if arrangement and variations > 1:
        raise InvalidValue(
            f"variations {variations}: one place in the Arrangement holds one loop (ask for one, or for "
            "several without arrangement 1: they go to slots)"
        )
    if arrangement and slot != -1:
        raise InvalidValue(
            f"track {track} slot {slot} name a session slot: in the Arrangement the loop gets a new audio track "
            "(give one place)"
        )
    return MusicgenRequest(
        prompt=args[0].strip(),
        bars=bars,
        track=track,
        slot=slot,
        continue_clip=bool(opts.get("continue", 0)),
        melody_clip=bool(opts.get("melody", 0)),
        model=opts.get("model", "melody" if opts.get("melody", 0) else "small"),
        seed=opts.get("seed"),
        variations=variations,
        arrangement=arrangement,
        at=opts.get("at"),
        replace=bool(opts.get("replace", 0)),
        key=_key(opts.get("key")),
    )


def _key(value: Any) -> str:
    """A key option as its name ("A minor"); InvalidValue names a bad one."""
    if value is None:
        return ""
    return str(parse_key(str(value)))


def loop_path(prompt: str, now_s: float | None = None) -> Path:
    """A new file ``<prompt> <date time>.wav`` under $MUSEAROO_LOOPS_DIR or ~/Music/MuseAroo/loops."""
    configured = os.environ.get("MUSEAROO_LOOPS_DIR")
    root = Path(configured).expanduser() if configured else Path.home() / "Music" / "MuseAroo" / "loops"
    safe = re.sub(r"[^\w\- ]+", "_", prompt)[:40].strip() or "loop"
    stem = f"{safe} {time.strftime('%Y-%m-%d %H%M%S', time.localtime(now_s))}"
    path, n = root / f"{stem}.wav", 2
    while path.exists():
        path, n = root / f"{stem} {n}.wav", n + 1
    return path
