"""A voice earns trust: sure readings are said back until the recogniser has been right on this voice.

The recogniser's scores say how sure it is of one utterance, not how often it is right on the
voice in front of it. On the benchmark's voices (docs/benchmarks/voice.md, "a voice that earns trust") a reading
that every score calls sure, that six decodes of the audio agree on, was still the wrong command
for some voices ("raise the density of the drums" heard as "reduce ..." at every warp and noise
floor), and no score separated those from right ones. What does separate them is the voice: on
a voice the bundled model hears well the first reading is right almost every time; on one it
hears badly it is often not. So the daemon keeps a count:

- until ``TRUST_AFTER`` readings in a row were confirmed as heard (a read-back answered "yes", or
  a question answered with its first reading), every command the recogniser is sure of is said
  back ("make the drums busier: say yes to do it, or no") instead of being done at once;
- a reading the producer corrects (a "no", the second reading, a new command instead of an
  answer, or "undo" within ``UNDO_WINDOW_S`` of a command done by voice) starts the count again.

The count is kept beside the voice state (``voice-trust.json``), so a restart keeps it; a missing or
unreadable file means a new voice (everything said back), never an error.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from bridge.commands.confidence import Decision

log = logging.getLogger(__name__)

TRUST_FILE = "voice-trust.json"
TRUST_AFTER = 8  # readings in a row confirmed as heard before sure ones are done at once
UNDO_WINDOW_S = 20.0  # an "undo" this soon after a command done by voice says it was misheard


@dataclass
class Trust:
    """How many readings in a row this voice was heard right (``path``: where it is kept; None: in memory)."""

    streak: int = 0
    path: Path | None = None

    @property
    def trusted(self) -> bool:
        return self.streak >= TRUST_AFTER

    def heard_right(self) -> None:
        self.streak += 1
        self._write()

    def heard_wrong(self) -> None:
        self.streak = 0
        self._write()

    def gate(self, decision: Decision) -> Decision:
        """``decision``, with a sure command said back while the voice has not earned trust."""
        if decision.kind != "act" or self.trusted:
            return decision
        why = f"said back until this voice is heard right {TRUST_AFTER} times in a row ({self.streak} so far)"
        return Decision("confirm", decision.intent, (decision.intent,), why)

    def _write(self) -> None:
        """Replace the file atomically; a failure is logged, never raised (it only costs a question)."""
        if self.path is None:
            return
        tmp = self.path.with_suffix(".tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps({"streak": self.streak}))
            os.replace(tmp, self.path)
        except OSError as exc:
            log.warning("cannot keep the voice trust in %s: %s", self.path, exc)


def read_trust(path: Path) -> Trust:
    """The trust kept in ``path``; a new voice's (nothing trusted) when there is none or it is unreadable."""
    try:
        streak = json.loads(path.read_text())["streak"]
        if not isinstance(streak, int) or isinstance(streak, bool) or streak < 0:
            raise ValueError(f"streak {streak!r} is not a count (expected an integer >= 0)")
    except FileNotFoundError:
        return Trust(0, path)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("ignoring the voice trust in %s (%s): sure commands are said back again", path, exc)
        return Trust(0, path)
    return Trust(streak, path)
