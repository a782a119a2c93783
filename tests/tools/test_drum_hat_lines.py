"""Training patterns with a hi-hat line that opens now and then (tools/corpus/drum_kits.hat_line_pattern):
one hat at a time on an 8th or 16th line, open hats about as often as real grooves play them, seeded;
a kit's parts gain them after (not instead of) the generators' parts and the random patterns."""

from __future__ import annotations

import random
from pathlib import Path

from tools.corpus import drum_kits

HATS = (42, 44, 46)


def test_a_hat_line_holds_one_hat_at_a_time_and_opens_now_and_then() -> None:
    opened = hats = 0
    for seed in range(20):
        notes = drum_kits.hat_line_pattern(random.Random(seed))
        starts = [n.start_beats for n in notes if n.pitch in HATS]
        assert len(starts) == len(set(starts)), seed  # one hi-hat: never two hats at once
        steps = {round(s * 4) % 2 for s in starts}
        assert steps in ({0}, {0, 1}), seed  # on 8ths, or on 16ths
        assert {36, 38} & {n.pitch for n in notes}, seed  # the kick and snare of a random pattern stay
        opened += sum(n.pitch == 46 for n in notes)
        hats += len(starts)
    assert 0.2 <= opened / hats <= 0.4, (opened, hats)
    assert drum_kits.hat_line_pattern(random.Random(3)) == drum_kits.hat_line_pattern(random.Random(3))


def test_a_kits_parts_gain_hat_lines_after_the_others(tmp_path: Path) -> None:
    kit = drum_kits.Kit("synth", 0, "synth-0")  # synthesized in numpy: no soundfont needed
    options = {"seeds": (1,), "tempos": (100.0,), "n_random": 1, "seed": 5}
    before = drum_kits.parts(tmp_path, kit, **options)
    after = drum_kits.parts(tmp_path, kit, **options, n_hat_lines=2)
    assert after[: len(before)] == before
    assert [Path(wav).name.split("-")[3] for wav, _ in after[len(before) :]] == ["hatline", "hatline"]
    assert all(any(p == 46 for p, *_ in rows) for _, rows in after[len(before) :])
