"""The audio front end before both recognisers (issue 56, engineer v57a): a fair subset of the studio
bench (``voice_studio``) decoded twice in the same run, as heard and through ``front_end`` (a 100 Hz
high-pass and the speech brought to one RMS level), and decided by the daemon's pair
(``agreeing.LIMITS``) and by pocketsphinx alone.

Usage: ``python -m tools.bench.voice_front [--commands N] [--conditions room,song] [--held-out]``;
decodes are kept in ``.cache/voice_studio/front-<off|on>.json`` (an utterance kept is not decoded
again). The tuning voices by default; ``--held-out``: espeak-ng's held-out voices, measured once.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

import numpy as np
import soundfile as sf
from scipy.signal import butter, sosfilt

from bridge.commands.audio import SPEECH_RATE_HZ, read_speech_wav
from bridge.commands.fast_whisper import WINDOW_S
from tools.bench.voice_studio import COMMANDS, FOLDER, decode, make
from tools.bench.voice_studio_report import line
from tools.bench.voice_studio_rules import pair_decision, rates, sphinx_decision
from tools.bench.voice_tts import voices

HIGH_PASS_HZ = 100.0
LEVEL_DBFS = -20.0  # the RMS of the loudest half of the 20 ms frames, after the high-pass


def front_end(audio: Any, rate_hz: int = SPEECH_RATE_HZ) -> Any:
    """``audio`` (int16 mono) high-passed at HIGH_PASS_HZ and scaled so that its louder frames sit at
    LEVEL_DBFS; silence stays silence (nothing is raised from digital zero)."""
    if rate_hz <= 2 * HIGH_PASS_HZ:
        raise ValueError(f"rate_hz {rate_hz} is too low for a {HIGH_PASS_HZ} Hz high-pass")
    x = sosfilt(butter(2, HIGH_PASS_HZ, "highpass", fs=rate_hz, output="sos"), audio.astype(np.float64))
    frame = max(1, rate_hz // 50)
    n = len(x) // frame
    if n == 0:
        return audio.astype(np.int16)
    power = np.sort(np.mean(x[: n * frame].reshape(n, frame) ** 2, axis=1))[n // 2 :]
    rms = float(np.sqrt(np.mean(power)))
    if rms < 1.0:
        return np.clip(x, -32768, 32767).astype(np.int16)
    gain = 32768.0 * 10 ** (LEVEL_DBFS / 20) / rms
    return np.clip(x * gain, -32768, 32767).astype(np.int16)


def _fronted(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for case in cases:
        wav = Path(case["wav"])
        front = wav.with_name(wav.stem + "_front.wav")
        if not front.exists():
            sf.write(front, front_end(read_speech_wav(wav)), SPEECH_RATE_HZ, subtype="PCM_16")
        out.append({**case, "wav": str(front)})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--commands", type=int, default=12, help="the first N commands only")
    ap.add_argument("--conditions", default="room,song", help="of clean,room,song")
    ap.add_argument("--held-out", action="store_true", help="espeak-ng's held-out voices (measure once)")
    args = ap.parse_args()
    tune, held = voices(["espeak"])
    wanted = set(args.conditions.split(","))
    cases = [
        c
        for c in make(COMMANDS[: args.commands], held if args.held_out else tune)
        if c["entry"]["condition"] in wanted
    ]
    print(f"machine: {os.cpu_count()} cores; load {os.getloadavg()[0]:.1f}; {len(cases)} utterances")
    for name, arm in (("off", cases), ("on", _fronted(cases))):
        rows = decode(arm, WINDOW_S, FOLDER / f"front-{name}.json")
        for condition in sorted(wanted):
            sub = [r for r in rows if r["entry"]["condition"] == condition]
            print(line(f"front {name}, {condition}: pair", rates(sub, lambda r: pair_decision(r, _limits()))))
            print(line(f"front {name}, {condition}: pocketsphinx", rates(sub, sphinx_decision)))
    print(f"load after {os.getloadavg()[0]:.1f}")


def _limits() -> Any:
    from bridge.commands.agreeing import LIMITS

    return LIMITS


if __name__ == "__main__":
    main()
