"""One- and two-word commands beside their near rivals (issue 56, v86): a set of its own for the guard of
the short commands, with a held-out half of its own (v74's lesson: a guard written from held-out rows
needs a held-out set to be judged on).

``COMMANDS`` are sentences of the speech grammar a word or two long, each beside a rival a phone or two
away that the grammar also has ("stop" / "start", "mute" / "unmute", "undo" / "go back" / "cancel",
"pause" / "play"). They are spoken by eight espeak-ng voices none of the studio bench's sets used, in the
studio bench's three conditions (``voice_studio.make``: clean, room, song), and decoded as the studio
bench decodes (``voice_studio.decode``: pocketsphinx, and Whisper with the daemon's prompt and its forced
scores), kept in ``.cache/voice_studio/rivals/hearings.json``.

The voices were split into a tuning and a held-out half by ``random.Random(SEED)`` before any of them was
decoded (``split``); ``voice_prompt.tuning_voices`` counts this set's tuning voices with the studio bench's,
so ``voice_asks`` and ``voice_again`` read its halves with ``--hearings`` as they read the others.

Usage: ``python -m tools.bench.voice_rivals [--half tuning|held-out|all]`` makes and decodes that half (an
utterance kept is not decoded again).
"""

from __future__ import annotations

import argparse
import os
import platform
import random

from tools.bench.voice_studio import FOLDER, decode, make
from tools.bench.voice_tts import Voice

RIVALS = FOLDER / "rivals"
KEPT = RIVALS / "hearings.json"
COMMANDS = (
    "stop", "start", "pause", "resume", "halt", "play it", "stop it", "undo", "go back", "revert",
    "cancel", "abort", "mute the drums", "unmute the drums", "solo the drums", "mute the chords",
    "unmute the chords", "solo the bass", "invert it", "try again", "help", "stop playback",
)  # fmt: skip
VOICES = (
    Voice("espeak", "en-us-nyc+m1", 160, "en-us-nyc+m1"),
    Voice("espeak", "en-gb+f3", 170, "en-gb+f3"),
    Voice("espeak", "en-gb-x-gbclan+m2", 155, "en-gb-x-gbclan+m2"),
    Voice("espeak", "en-gb-x-gbcwmd+f1", 180, "en-gb-x-gbcwmd+f1"),
    Voice("espeak", "en-us+m4", 190, "en-us+m4"),
    Voice("espeak", "en-gb-x-rp+m7", 150, "en-gb-x-rp+m7"),
    Voice("espeak", "en-us+f4", 140, "en-us+f4"),
    Voice("espeak", "en-gb-scotland+f2", 165, "en-gb-scotland+f2"),
)
SEED = 86


def split() -> tuple[tuple[Voice, ...], tuple[Voice, ...]]:
    """The tuning and the held-out voices: half of ``VOICES`` drawn by ``random.Random(SEED)``."""
    tune = set(random.Random(SEED).sample(range(len(VOICES)), len(VOICES) // 2))
    return (
        tuple(v for k, v in enumerate(VOICES) if k in tune),
        tuple(v for k, v in enumerate(VOICES) if k not in tune),
    )


def tuning_labels() -> set[str]:
    return {v.label for v in split()[0]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--half", choices=("tuning", "held-out", "all"), default="tuning")
    args = ap.parse_args()
    tune, held = split()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores; load {os.getloadavg()[0]:.1f}")
    print(f"tuning voices {[v.label for v in tune]}; held out {[v.label for v in held]}")
    speakers = {"tuning": tune, "held-out": held, "all": tune + held}[args.half]
    # every voice's audio is made (the song's loop follows the voice's place), only the half's decoded
    cases = make(COMMANDS, VOICES, RIVALS)
    labels = {v.label for v in speakers}
    rows = decode([c for c in cases if c["entry"]["voice"] in labels], 10.0, KEPT)
    print(f"{len(rows)} decodes kept in {KEPT}")


if __name__ == "__main__":
    main()
