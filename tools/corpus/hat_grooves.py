"""Drum grooves rich in open hats, drawn from a seed: the material of the benchmark's open-hat check on
kits the classifier never heard (tools/bench/transcription_drums.py). Never trained or tuned on.

Four styles: house (kick on every beat, the open hat on every offbeat, closed 16ths between),
disco (closed and open hats alternating on the 8ths), rock (closed 8ths, the open hat on the and of 4
and now and then of 2) and a free 8th or 16th hat line in which any hat may open, a closed one
choking it. Velocities and fills are drawn as well."""

from __future__ import annotations

import random

from engines.music import Note

KICK, SNARE, CLAP, CLOSED, PEDAL, OPEN = 36, 38, 39, 42, 44, 46
STYLES = ("house", "disco", "rock", "free")


def groove(style: str, rng: random.Random, bars: int = 4) -> list[Note]:
    """``bars`` of one style, every choice drawn from ``rng``."""
    if style not in STYLES:
        raise ValueError(f"groove style {style!r}: expected one of {', '.join(STYLES)}")
    notes: list[Note] = []

    def hit(pitch: int, beat: float, low: int = 70, high: int = 120) -> None:
        notes.append(Note(pitch, beat, 0.25, rng.randint(low, high)))

    backbeat = rng.choice((SNARE, CLAP))
    for bar in range(bars):
        for step in range(16):  # 16ths
            beat = bar * 4 + step / 4
            on_beat, offbeat_8th = step % 4 == 0, step % 4 == 2
            if style in ("house", "disco"):
                if on_beat:
                    hit(KICK, beat, 90, 125)
                if step in (4, 12):
                    hit(backbeat, beat)
                if offbeat_8th:
                    hit(OPEN, beat)
                elif style == "house" and step % 2 == 1 and rng.random() < 0.7:
                    hit(CLOSED, beat, 50, 100)
                elif style == "disco" and on_beat:
                    hit(CLOSED, beat)
            elif style == "rock":
                if step in (0, 8) or (step == 10 and rng.random() < 0.4):
                    hit(KICK, beat, 90, 125)
                if step in (4, 12):
                    hit(SNARE, beat, 90, 125)
                if step % 2 == 0:
                    opens = step == 14 or (step == 6 and rng.random() < 0.4)
                    hit(OPEN if opens else CLOSED, beat)
            else:  # free: a hat line at 8ths or 16ths, any hat may open
                if step == 0 or (step == 8 and rng.random() < 0.6) or rng.random() < 0.08:
                    hit(KICK, beat, 80, 125)
                if step in (4, 12):
                    hit(backbeat, beat)
                if step % (2 if bar % 2 == 0 else 1) == 0 or rng.random() < 0.1:
                    hit(OPEN if rng.random() < 0.3 else CLOSED, beat)
        if rng.random() < 0.25:
            hit(PEDAL, bar * 4 + 3.75, 50, 90)
    return sorted(_one_hat_at_a_time(notes), key=lambda n: (n.start_beats, n.pitch))


def _one_hat_at_a_time(notes: list[Note]) -> list[Note]:
    """Where an open and a closed or pedal hat fall together, only the open one (one hi-hat)."""
    opens = {n.start_beats for n in notes if n.pitch == OPEN}
    return [n for n in notes if not (n.pitch in (CLOSED, PEDAL) and n.start_beats in opens)]
