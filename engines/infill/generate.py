"""Infill, continuation and accompaniment of Live clips with a loaded MIDI-GPT model.

Every entry point takes Parts (engines.infill.score) and the Set's signature, builds a MIDI-GPT
score and request, samples through the library's session (``InferenceEngine.session``), and
hands back the clip's notes in beats. Bars outside the ones written are the caller's own notes,
note for note (the model's copy, quantized to its 12-ticks-a-beat grid, is never used).
``variations`` takes come from one session (``num_candidates``: one batched decode when the
plan has a single step). Progress and cancel: see engines.infill.session.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from engines.errors import InvalidValue
from engines.infill import windows
from engines.infill.controls import Controls, for_track
from engines.infill.models import DEFAULT_MODEL, InfillModel, load
from engines.infill.score import Part, bar_beats, bars_in, check_notes, looped, notes_of, part_for, to_score
from engines.infill.session import Progress, run_session, session_config
from engines.music import Note

MAX_VARIATIONS = 8
MAX_BARS = 64
NO_CONTROLS = Controls()
TOKENS_PER_BAR = 40  # a guess of the tokens one bar takes, for progress fractions only


@dataclass(frozen=True, slots=True)
class InfillResult:
    """The clip after generation: one note list per take (take 0 first), each the whole clip."""

    takes: tuple[tuple[Note, ...], ...]
    length_beats: float
    first_bar: int  # 1-based, inclusive: the bars the model wrote
    last_bar: int
    seeds: tuple[int, ...]
    tokens: int  # tokens the model generated, all takes together

    @property
    def notes(self) -> tuple[Note, ...]:
        return self.takes[0]


def _model(model: str | InfillModel) -> InfillModel:
    return load(model) if isinstance(model, str) else model


def _check_signature(model: InfillModel, signature: tuple[int, int]) -> None:
    bar_beats(signature)
    text = f"{signature[0]}/{signature[1]}"
    if model.time_signatures and text not in model.time_signatures:
        raise InvalidValue(
            f"signature {text} is not one model {model.spec!r} knows: expected one of "
            f"{', '.join(model.time_signatures)}"
        )


def _check_common(variations: int, parts: Sequence[Part]) -> None:
    if not 1 <= variations <= MAX_VARIATIONS:
        raise InvalidValue(f"variations {variations} is out of range: expected 1..{MAX_VARIATIONS}")
    for index, part in enumerate(parts):
        check_notes(part, part.name or f"clip {index + 1}")


def infill(
    target: Part,
    context: Sequence[Part] = (),
    *,
    first_bar: int,
    last_bar: int,
    signature: tuple[int, int] = (4, 4),
    model: str | InfillModel = DEFAULT_MODEL,
    controls: Controls = NO_CONTROLS,
    seed: int | None = None,
    variations: int = 1,
    progress: Progress | None = None,
) -> InfillResult:
    """Rewrite bars ``first_bar``..``last_bar`` (1-based, inclusive) of ``target``; the other bars stay."""
    mdl = _model(model)
    _check_signature(mdl, signature)
    _check_common(variations, [target, *context])
    n_bars = bars_in(target, signature)
    if not 1 <= first_bar <= last_bar <= n_bars:
        raise InvalidValue(
            f"bars {first_bar}-{last_bar} are out of range: the clip has {n_bars} bars "
            f"(expected 1 <= from <= to <= {n_bars})"
        )
    bars = list(range(first_bar - 1, last_bar))
    total = n_bars * bar_beats(signature)
    beats = bar_beats(signature)
    keep = [n for n in target.notes if not first_bar - 1 <= int((n.start_beats + 1e-6) // beats) < last_bar]
    n_score = max(n_bars, min(mdl.window_bars))
    steps = windows.plan(
        first_bar - 1, last_bar - 1, n_score, max(w for w in mdl.window_bars if w <= n_score)
    )
    base = random.randrange(2**31 - 1) if seed is None else seed
    score_beats = n_score * beats
    others = [looped(p, score_beats, signature) for p in context]
    written: list[list[Note]] = [[] for _ in range(variations)]
    tokens = 0
    for index, step in enumerate(steps):
        lo, hi = step.start_bar * beats, (step.start_bar + step.length_bars) * beats
        hidden = set(bars) - set(step.bars)  # another step's bars of the target: being replaced, shown empty
        window_target = Part(
            _cut(target.notes, lo, hi, beats, hidden), hi - lo, target.drums, target.program, target.name
        )
        window_context = [
            Part(_cut(notes, lo, hi, beats, set()), hi - lo, p.drums, p.program, p.name)
            for p, notes in zip(context, others, strict=True)
        ]
        rel = [b - step.start_bar for b in step.bars]
        scores, _, used = _sample(
            mdl, window_target, window_context, step.length_bars, signature, rel, False, controls,
            base + 1000 * index, variations, _span(progress, index, len(steps)),
        )  # fmt: skip
        tokens += used
        for take, sc in zip(written, scores, strict=True):
            take += [replace(n, start_beats=n.start_beats + lo) for n in notes_of(sc, 0, rel, signature)]
    takes = tuple(_merge(keep, take) for take in written)
    seeds = tuple(base + i for i in range(variations))
    return InfillResult(takes, target.length_beats or total, first_bar, last_bar, seeds, tokens)


def _cut(notes: Sequence[Note], lo: float, hi: float, beats: float, hidden: set[int]) -> tuple[Note, ...]:
    """The notes starting in beats lo..hi, moved to start at 0; none from the ``hidden`` bars."""
    return tuple(
        replace(n, start_beats=n.start_beats - lo)
        for n in notes
        if lo - 1e-6 <= n.start_beats < hi - 1e-6 and int((n.start_beats + 1e-6) // beats) not in hidden
    )


def _span(progress: Progress | None, index: int, count: int) -> Progress | None:
    """Progress of step ``index`` of ``count`` as its share of the whole."""
    if progress is None:
        return None
    report = progress

    def scaled(fraction: float, message: str) -> None:
        report((index + fraction) / count, f"step {index + 1}/{count}: {message}")

    return scaled


def continue_part(
    target: Part,
    context: Sequence[Part] = (),
    *,
    bars: int,
    signature: tuple[int, int] = (4, 4),
    model: str | InfillModel = DEFAULT_MODEL,
    controls: Controls = NO_CONTROLS,
    seed: int | None = None,
    variations: int = 1,
    progress: Progress | None = None,
) -> InfillResult:
    """``target`` lengthened by ``bars`` new bars written after its last bar; its own bars stay."""
    mdl = _model(model)
    _check_signature(mdl, signature)
    _check_common(variations, [target, *context])
    if not 1 <= bars <= MAX_BARS:
        raise InvalidValue(f"bars {bars} is out of range: expected 1..{MAX_BARS} new bars")
    own = bars_in(target, signature)
    n_bars = own + bars
    total = n_bars * bar_beats(signature)
    new = list(range(own, n_bars))
    keep = [n for n in target.notes if n.start_beats < own * bar_beats(signature) - 1e-6]
    target = Part(tuple(keep), None, target.drums, target.program, target.name)
    scores, seeds, tokens = _sample(
        mdl, target, context, n_bars, signature, new, True, controls, seed, variations, progress
    )
    takes = tuple(_merge(keep, notes_of(s, 0, new, signature)) for s in scores)
    return InfillResult(takes, total, own + 1, n_bars, seeds, tokens)


def accompany(
    context: Sequence[Part],
    part: str,
    *,
    signature: tuple[int, int] = (4, 4),
    length_beats: float | None = None,
    model: str | InfillModel = DEFAULT_MODEL,
    controls: Controls = NO_CONTROLS,
    seed: int | None = None,
    variations: int = 1,
    progress: Progress | None = None,
) -> InfillResult:
    """A new clip for ``part`` (drums, bass, chords, melody) that plays with the ``context`` clips."""
    drums, program = part_for(part)
    mdl = _model(model)
    _check_signature(mdl, signature)
    _check_common(variations, context)
    if not any(n for p in context for n in p.notes if not n.mute):
        raise InvalidValue("accompany needs at least one context clip with notes: got none")
    beats = bar_beats(signature)
    if length_beats is not None and not 0 < length_beats <= MAX_BARS * beats:
        raise InvalidValue(
            f"length {length_beats} beats is out of range: expected 0 < length <= "
            f"{MAX_BARS * beats:g} ({MAX_BARS} bars)"
        )
    n_bars = (
        max(bars_in(p, signature) for p in context)
        if length_beats is None
        else bars_in(Part((), length_beats), signature)
    )
    total = n_bars * beats
    target = Part((), total, drums, program, part)
    new = list(range(n_bars))
    scores, seeds, tokens = _sample(
        mdl, target, context, n_bars, signature, new, True, controls, seed, variations, progress
    )
    takes = tuple(tuple(notes_of(s, 0, new, signature)) for s in scores)
    return InfillResult(takes, total, 1, n_bars, seeds, tokens)


def _merge(keep: Sequence[Note], new: Sequence[Note]) -> tuple[Note, ...]:
    return tuple(sorted([*keep, *new], key=lambda n: (n.start_beats, n.pitch)))


def _sample(
    mdl: InfillModel,
    target: Part,
    context: Sequence[Part],
    n_bars: int,
    signature: tuple[int, int],
    bars: list[int],
    autoregressive: bool,
    controls: Controls,
    seed: int | None,
    variations: int,
    progress: Progress | None,
) -> tuple[list[Any], tuple[int, ...], int]:
    """Build the score (target as track 0) and request, run the session; the result scores per take.

    A score shorter than the model's smallest window is padded to it (MIDI-GPT samples in fixed
    windows): the context clips keep looping, the target's extra bars are empty context for an
    infill and generated, then dropped, for a continuation or a new part.
    """
    from midigpt.inference import GenerationRequest, RequestValidationError, TrackPrompt

    n_score = max(n_bars, min(mdl.window_bars))
    window = max(w for w in mdl.window_bars if w <= n_score)
    if autoregressive:
        bars = bars + list(range(n_bars, n_score))
    score_beats = n_score * bar_beats(signature)
    own = [n for n in target.notes if not n.mute]
    tracks = [(target, own)] + [(p, looped(p, score_beats, signature)) for p in context]
    score = to_score(tracks, n_bars=n_score, signature=signature)
    tc = for_track(mdl, controls, drums=target.drums, bars=bars)
    prompts = [
        TrackPrompt(
            id=0,
            bars=bars,
            autoregressive=autoregressive,
            attributes=tc.attributes,
            bar_attributes=tc.bar_attributes,
            controls=tc.controls,
        )
    ]
    prompts += [TrackPrompt(id=i, bars=[]) for i in range(1, len(tracks))]
    base = random.randrange(2**31 - 1) if seed is None else seed
    request = GenerationRequest(tracks=prompts, config=session_config(window, base, variations))
    try:
        session = mdl.engine.session(score, request)
    except RequestValidationError as exc:
        raise InvalidValue(f"MIDI-GPT refused the request: {exc}") from exc
    out = run_session(session, variations, len(bars) * TOKENS_PER_BAR * variations, progress)
    return out, tuple(base + i for i in range(variations)), int(session.gen_count)
