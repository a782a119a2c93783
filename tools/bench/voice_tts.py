"""The studio benchmark's test voices by family (issue 56): espeak-ng's formant voices beside two
natural-sounding TTS engines, so the benchmark can tell the recogniser's limit from the test voice's.

- ``espeak``: espeak-ng voices at a rate in words per minute (the benchmark's voices since issue 56);
- ``flite``: Flite's built-in voices (``flite -lv``): kal (a diphone voice), awb, rms and slt
  (clustergen statistical voices), each at its own rate;
- ``festival``: Festival's ``text2wave`` with the HTS voice cmu_us_slt_arctic_hts (the most natural
  of these) and the diphone voice kal_diphone, each at its own rate.

Every voice is on one side only, tuning or held out, and a speaker two engines share (kal, slt) is on
one side only too. Flite and Festival are the benchmark's, not the project's (not in .ci/run):
``apt-get install festival festvox-us-slt-hts festvox-kallpc16k flite``. Whatever the engine writes is
resampled to 16 kHz mono 16-bit by sox, as espeak-ng's speech always was.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tools.eval.voice_set import RATE
from tools.eval.voice_set import speak as espeak_speak

OWN_RATE = 100  # the ``speed`` of a flite or festival voice: 100 % of its own rate


@dataclass(frozen=True, slots=True)
class Voice:
    family: str  # "espeak", "flite" or "festival"
    name: str  # the engine's own name for the voice
    speed: int  # words per minute for espeak-ng; OWN_RATE for the others
    speaker: str  # the recorded speaker behind it (a voice of espeak-ng's is its own speaker)

    @property
    def label(self) -> str:
        """The voice as rows and file names name it (espeak-ng's by its own name, as before)."""
        return self.name if self.family == "espeak" else f"{self.family}-{self.name}"


def _espeak(name: str, speed: int) -> Voice:
    return Voice("espeak", name, speed, name)


# family: (tuning voices, held-out voices)
FAMILIES: dict[str, tuple[tuple[Voice, ...], tuple[Voice, ...]]] = {
    "espeak": (
        (_espeak("en-us", 165), _espeak("en-gb-x-rp+f4", 185)),
        (_espeak("en-us+f2", 150), _espeak("en-gb-scotland+m3", 175)),
    ),
    "flite": (
        (Voice("flite", "kal", OWN_RATE, "kal"), Voice("flite", "awb", OWN_RATE, "awb")),
        (Voice("flite", "slt", OWN_RATE, "slt"), Voice("flite", "rms", OWN_RATE, "rms")),
    ),
    "festival": (
        (Voice("festival", "kal_diphone", OWN_RATE, "kal"),),
        (Voice("festival", "cmu_us_slt_arctic_hts", OWN_RATE, "slt"),),
    ),
}
TOOLS = {"espeak": ("espeak-ng",), "flite": ("flite",), "festival": ("text2wave",)}


def voices(families: list[str] | tuple[str, ...]) -> tuple[tuple[Voice, ...], tuple[Voice, ...]]:
    """The tuning and the held-out voices of ``families`` (names of ``FAMILIES``), in that order."""
    unknown = [f for f in families if f not in FAMILIES]
    if unknown or not families:
        raise ValueError(f"voice families {unknown or families!r}: expected some of {sorted(FAMILIES)}")
    missing = [tool for f in families for tool in TOOLS[f] if shutil.which(tool) is None]
    if missing:
        raise SystemExit(
            f"voice_tts: {missing} not found; apt-get install espeak-ng festival festvox-us-slt-hts "
            "festvox-kallpc16k flite"
        )
    tune = tuple(v for f in families for v in FAMILIES[f][0])
    held = tuple(v for f in families for v in FAMILIES[f][1])
    return tune, held


def family_of(label: str) -> str:
    """The family of a voice named ``label`` (``Voice.label``)."""
    for family, (tune, held) in FAMILIES.items():
        if any(v.label == label for v in tune + held):
            return family
    raise ValueError(f"voice {label!r} is none of the benchmark's voices ({sorted(FAMILIES)})")


def speak(text: str, voice: Voice, path: Path) -> None:
    """``text`` said by ``voice`` into ``path``, a 16 kHz mono 16-bit WAV."""
    if voice.family == "espeak":
        espeak_speak(text, voice.name, voice.speed, path)  # as the benchmark always spoke
        return
    raw = path.with_suffix(".raw.wav")
    if voice.family == "flite":
        subprocess.run(
            ["flite", "-voice", voice.name, "-t", text, "-o", str(raw)], check=True, capture_output=True
        )
    else:
        cmd = ["text2wave", "-eval", f"(voice_{voice.name})", "-o", str(raw)]
        subprocess.run(cmd, input=text.encode(), check=True, capture_output=True)
    subprocess.run(["sox", str(raw), "-r", str(RATE), "-c", "1", "-b", "16", str(path)], check=True)
    raw.unlink()
