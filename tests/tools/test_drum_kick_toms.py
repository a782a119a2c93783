"""The 808 kits playing only their kick and toms (issue 54 part O, recipe R): the parts drawn as the full
kits' parts, every other note left out of the audio and of the truth alike, and only recipe R trains
on them (P keeps the full 808 kits)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile as sf

from engines.transcription.drum_timbre import TIMBRE_NAMES
from engines.transcription.notes import VOICE_OF_GM_NOTE
from tools.bench import drum_seeds
from tools.corpus import drum_kits


def _above_hz(wav: str, hz: float) -> float:
    """The share of the clip's energy above ``hz``."""
    audio, rate = sf.read(wav, dtype="float64")
    power = np.abs(np.fft.rfft(audio)) ** 2
    return float(power[np.fft.rfftfreq(len(audio), 1 / rate) > hz].sum() / power.sum())


def test_a_kick_and_tom_kit_plays_the_full_kits_parts_less_all_but_kick_and_toms(tmp_path: Path) -> None:
    full, kick_toms = drum_kits.KICK_808_KITS[0], drum_kits.KICK_TOM_808_KITS[0]
    options = {"seeds": (1,), "tempos": (100.0,), "n_random": 1, "seed": 5, "n_hat_lines": 1}
    full_parts = drum_kits.parts(tmp_path, full, **options)
    kept_parts = drum_kits.parts(tmp_path, kick_toms, **options)
    assert len(kept_parts) == len(full_parts) == 3
    for (full_wav, full_rows), (wav, rows) in zip(full_parts, kept_parts, strict=True):
        voices = {VOICE_OF_GM_NOTE.get(p) for p, *_ in full_rows}
        assert {"kick", "closed_hat", "snare"} <= voices  # the full kit's part plays hats and snares
        assert rows == [r for r in full_rows if VOICE_OF_GM_NOTE.get(r[0]) in ("kick", "tom")]  # same draws
        assert wav != full_wav  # its own clip (cached by the kit's name)
        assert _above_hz(wav, 4000) < 0.01 < _above_hz(full_wav, 4000)  # no hat nor cymbal is heard
    assert kick_toms.name == "synth808-100-kicktoms" and kick_toms.family == drum_kits.KICK_808_FAMILY


def test_only_recipe_r_trains_on_the_kick_and_tom_kits() -> None:
    width = 4 + len(TIMBRE_NAMES)

    def pairs(value: float) -> list:
        return [(np.full((1, width), value, dtype=np.float32), np.zeros((1, 7), dtype=np.int8))] * 4

    per_kit = {
        "synth-0": [("synth-0", pairs(0))],
        drum_kits.KICK_808_FAMILY: [("synth808-100", pairs(1)), ("synth808-100-kicktoms", pairs(2))],
    }

    def values(recipe: str) -> set[float]:
        return {
            float(f[0, 0]) for f, _ in drum_seeds.recipe_families(per_kit, recipe)[drum_kits.KICK_808_FAMILY]
        }

    assert values("R") == {2.0}
    assert values("P") == values("N") == {1.0}
    assert set(drum_seeds.recipe_families(per_kit, "Q")) == {"synth-0"}
    assert [kit.name for kit in drum_kits.KITS_808["kicktoms"]] == [
        f"synth808-{seed}-kicktoms" for seed in range(100, 104)
    ]
