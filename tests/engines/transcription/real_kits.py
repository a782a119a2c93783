"""A seeded groove played on one of Hydrogen's real sampled kits and transcribed: the per-voice counts the
drum rules' real-kit tests read (a65's snare body, a68's unnamed hat, a69's tom)."""

from __future__ import annotations

import random

from engines.transcription import transcribe
from tests.conftest import missing
from tools.bench.transcription_score import voice_counts

TEMPO_BPM = 112


def on_real_kit(kit: str, style: str, tag: str) -> dict[str, tuple[int, int, int]]:
    """hat_grooves' ``style`` groove (seeded by ``tag`` and the style) on Hydrogen's ``kit`` at 112 BPM,
    transcribed as drums: per voice (matched, played, said). Skips (a failure under MUSEAROO_STRICT) where
    the kit is not installed."""
    from tools.corpus import drum_synth, hat_grooves, hydrogen_kits

    if not (hydrogen_kits.KITS_DIR / kit / "drumkit.xml").exists():
        missing(
            f"Hydrogen's kit {kit} is missing (Debian {hydrogen_kits.DEBIAN_PACKAGE}, installed by .ci/run)"
        )
    notes = hat_grooves.groove(style, random.Random(f"{tag}-{style}"))
    y = hydrogen_kits.play(kit, notes, TEMPO_BPM, f"{tag}-{kit}-{style}")
    s_per_beat = 60 / TEMPO_BPM
    truth = [
        (n.pitch, n.start_beats * s_per_beat, n.start_beats * s_per_beat + 0.1, n.velocity)
        for n in notes
        if n.pitch in hydrogen_kits.playable(kit)
    ]
    found = transcribe(y, drum_synth.RATE_HZ, kind="drums").notes
    return voice_counts(truth, [(n.pitch, n.start_s, n.end_s, n.velocity) for n in found])
