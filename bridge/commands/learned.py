"""What a push-to-talk stream takes over from the previous utterance, kept across restarts.

The running cepstral mean, the frequency warp and the speech level depend on the speaker, the room and the
microphone, which change slowly; the daemon keeps the last ones in a small JSON file so the
first press after a restart is also decoded while it is held. A missing or unreadable file just
means nothing is learned yet (the first press is then decoded whole); it is never an error.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path

log = logging.getLogger(__name__)

STATE_FILE = "voice-state.json"


@dataclass(frozen=True)
class Learned:
    cmn: str  # the running cepstral mean after the utterance, as pocketsphinx writes it
    rms: float  # its speech level (int16 units, silence cut): the noise floor is set from it
    peak_frame_rms: float  # its loudest 10 ms frame: leading silence is judged against it
    warp: float = 1.0  # the frequency warp the speaker was heard best at (``warps.py``)


def default_state_path() -> Path:
    """``voice-state.json`` in MuseAroo's cache folder (beside the analysis cache)."""
    from engines.analysis.cache import cache_root

    return cache_root() / STATE_FILE


def read_learned(path: Path) -> Learned | None:
    try:
        data = json.loads(path.read_text())
        learned = Learned(
            str(data["cmn"]), float(data["rms"]), float(data["peak_frame_rms"]), float(data.get("warp", 1.0))
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("ignoring the voice state in %s (%s): the next press is decoded whole", path, exc)
        return None
    values = [float(v) for v in learned.cmn.split(",") if v.strip()]
    if len(values) != 13 or learned.rms <= 0 or learned.peak_frame_rms <= 0:
        log.warning("ignoring the voice state in %s: expected 13 means and positive levels", path)
        return None
    return learned


def write_learned(path: Path, learned: Learned) -> None:
    """Replace the file atomically; a failure is logged, never raised (it only costs speed)."""
    tmp = path.with_suffix(".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(asdict(learned)))
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("cannot keep the voice state in %s: %s", path, exc)
