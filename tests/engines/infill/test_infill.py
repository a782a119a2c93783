"""Infill, continuation and accompaniment through the real MIDI-GPT loader, tokenizer and sampling."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from engines.errors import InvalidValue, JobCancelled
from engines.infill import Controls, Part, accompany, continue_part, infill, load
from engines.music import Key, Note
from tests.engines.infill.conftest import riff


def outside(notes: tuple[Note, ...] | list[Note], lo_beats: float, hi_beats: float) -> list[Note]:
    return sorted((n for n in notes if not lo_beats <= n.start_beats < hi_beats), key=lambda n: n.as_tuple())


def test_infill_keeps_every_note_outside_the_chosen_bars(yellow_ckpt: Path) -> None:
    notes = riff(8)
    bass = Part(tuple(Note(36, float(b), 1.0, 100) for b in range(8)), 8.0, program=33, name="bass")
    result = infill(Part(notes, 32.0), [bass], first_bar=3, last_bar=5, model=str(yellow_ckpt), seed=7)
    assert (result.first_bar, result.last_bar, result.length_beats) == (3, 5, 32.0)
    assert outside(result.notes, 8.0, 20.0) == outside(notes, 8.0, 20.0)  # equal note for note
    written = [n for n in result.notes if 8.0 <= n.start_beats < 20.0]
    assert written, "the model wrote nothing into bars 3-5"
    assert written != [n for n in notes if 8.0 <= n.start_beats < 20.0]
    assert result.tokens > 0 and result.seeds == (7,)


def test_the_same_seed_gives_the_same_take(yellow_ckpt: Path) -> None:
    part = Part(riff(4), 16.0)
    first = infill(part, first_bar=2, last_bar=3, model=str(yellow_ckpt), seed=3)
    again = infill(part, first_bar=2, last_bar=3, model=str(yellow_ckpt), seed=3)
    assert first.notes == again.notes


def test_infill_follows_the_signature_bar_for_bar(yellow_ckpt: Path) -> None:
    notes = riff(4, beats_per_bar=3.0)  # 6/8: a bar is three quarter-note beats
    result = infill(
        Part(notes, 12.0), first_bar=2, last_bar=2, signature=(6, 8), model=str(yellow_ckpt), seed=1
    )
    assert outside(result.notes, 3.0, 6.0) == outside(notes, 3.0, 6.0)
    assert any(3.0 <= n.start_beats < 6.0 for n in result.notes)


def test_continuation_lengthens_the_clip_by_n_bars(yellow_ckpt: Path) -> None:
    notes = riff(4)
    result = continue_part(Part(notes, 16.0), bars=4, model=str(yellow_ckpt), seed=2)
    assert result.length_beats == 32.0 and (result.first_bar, result.last_bar) == (5, 8)
    assert outside(result.notes, 16.0, 32.0) == sorted(notes, key=lambda n: n.as_tuple())
    new = [n for n in result.notes if n.start_beats >= 16.0]
    assert new and all(n.start_beats < 32.0 for n in new)


def test_accompany_writes_a_new_part_in_the_key(prism_ckpt: Path) -> None:
    melody = Part(riff(4), 16.0, program=80, name="melody")
    key = Key(2, "Minor")
    result = accompany(
        [melody],
        "bass",
        model=str(prism_ckpt),
        seed=5,
        controls=Controls(density=0.5, complexity=0.2, key=key),
    )
    assert result.length_beats == 16.0 and (result.first_bar, result.last_bar) == (1, 4)
    assert result.notes and all(0.0 <= n.start_beats < 16.0 for n in result.notes)
    assert {n.pitch % 12 for n in result.notes} <= key.pitch_classes


def test_accompany_drums_and_four_takes_in_one_batch(yellow_ckpt: Path) -> None:
    chords = Part(tuple(Note(p, float(b * 4), 4.0, 90) for b in range(2) for p in (60, 64, 67)), 8.0)
    result = accompany([chords], "drums", model=str(yellow_ckpt), seed=11, variations=4)
    assert len(result.takes) == 4 and result.seeds == (11, 12, 13, 14)
    assert all(take for take in result.takes)
    assert len(set(result.takes)) > 1


def test_bad_inputs_are_named(yellow_ckpt: Path) -> None:
    part = Part(riff(4), 16.0)
    spec = str(yellow_ckpt)
    with pytest.raises(InvalidValue, match="bars 3-5 are out of range: the clip has 4 bars"):
        infill(part, first_bar=3, last_bar=5, model=spec)
    with pytest.raises(InvalidValue, match="bars 0-2"):
        infill(part, first_bar=0, last_bar=2, model=spec)
    with pytest.raises(
        InvalidValue, match="part 'kazoo' is unknown: expected one of drums, bass, chords, melody"
    ):
        accompany([part], "kazoo", model=spec)
    with pytest.raises(InvalidValue, match=r"density 1\.5 is out of range"):
        infill(part, first_bar=1, last_bar=1, model=spec, controls=Controls(density=1.5))
    with pytest.raises(InvalidValue, match="signature 5/16"):
        infill(part, first_bar=1, last_bar=1, model=spec, signature=(5, 16))
    with pytest.raises(InvalidValue, match="variations 9"):
        continue_part(part, bars=1, model=spec, variations=9)
    with pytest.raises(InvalidValue, match="needs at least one context clip"):
        accompany([Part((), 16.0)], "bass", model=spec)
    with pytest.raises(InvalidValue, match=r"pitch 0\.\.127"):
        infill(Part((Note(130, 0.0, 1.0, 90),), 4.0), first_bar=1, last_bar=1, model=spec)


def test_cancel_stops_sampling(yellow_ckpt: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = load(str(yellow_ckpt))
    shared = model.engine._model  # SharedPrefill, over LeanDecode, over the GPT-2: every call passes here
    network = shared.model
    calls: list[int] = []

    class SlowCounted:
        def __getattr__(self, name: str) -> Any:
            return getattr(network, name)

        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            calls.append(1)
            time.sleep(0.005)  # so sampling outlasts the first progress poll however fast the machine is
            return network(*args, **kwargs)

    monkeypatch.setattr(shared, "model", SlowCounted())
    part = Part(riff(8), 32.0)
    infill(part, first_bar=1, last_bar=8, model=model, seed=4)
    full = len(calls)
    calls.clear()

    def cancel_once_sampling(fraction: float, message: str) -> None:
        if fraction > 0.0:
            raise JobCancelled("stop")

    with pytest.raises(JobCancelled):
        infill(part, first_bar=1, last_bar=8, model=model, seed=4, progress=cancel_once_sampling)
    assert 0 < len(calls) < full / 2


def test_a_long_infill_keeps_the_context_and_batches_its_takes(yellow_ckpt: Path) -> None:
    notes = riff(16)
    drums = Part(tuple(Note(36, float(b), 0.25, 100) for b in range(4)), 4.0, drums=True, name="drums")
    result = infill(
        Part(notes, 64.0), [drums], first_bar=5, last_bar=12, model=str(yellow_ckpt), seed=9, variations=3
    )
    assert len(result.takes) == 3 and result.seeds == (9, 10, 11)
    for take in result.takes:
        assert outside(take, 16.0, 48.0) == outside(notes, 16.0, 48.0)
        assert any(16.0 <= n.start_beats < 32.0 for n in take) and any(
            32.0 <= n.start_beats < 48.0 for n in take
        )
    assert len(set(result.takes)) > 1
