"""Infill, continuation and accompaniment of Live clips with a loaded MIDI-GPT model.

Every entry point takes Parts (engines.infill.score) and the Set's signature, builds a MIDI-GPT
score and request, samples through the library's session (``InferenceEngine.session``), and
hands back the clip's notes in beats. Bars outside the ones written are the caller's own notes,
note for note (the model's copy, quantized to its 12-ticks-a-beat grid, is never used).
``variations`` takes come from one session (``num_candidates``: one batched decode when the
plan has a single step). ``progress(fraction, message)`` is called from the caller's thread
about ten times a second while the model samples; raising JobCancelled from it stops sampling
within one token.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from engines.errors import InvalidValue, JobCancelled, RooError
from engines.infill.controls import Controls, for_track
from engines.infill.models import DEFAULT_MODEL, InfillModel, load
from engines.infill.score import Part, bar_beats, bars_in, check_notes, looped, notes_of, part_for, to_score
from engines.music import Note

Progress = Callable[[float, str], None]
MAX_VARIATIONS = 8
MAX_BARS = 64
POLL_S = 0.1
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
    scores, seeds, tokens = _sample(
        mdl, target, context, n_bars, total, signature, bars, False, controls, seed, variations, progress
    )
    takes = tuple(_merge(keep, notes_of(s, 0, bars, signature)) for s in scores)
    return InfillResult(takes, target.length_beats or total, first_bar, last_bar, seeds, tokens)


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
    scores, seeds, tokens = _sample(
        mdl,
        target,
        context,
        n_bars,
        total,
        signature,
        new,
        True,
        controls,
        seed,
        variations,
        progress,
        loop_target=False,
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
        mdl, target, context, n_bars, total, signature, new, True, controls, seed, variations, progress
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
    total_beats: float,
    signature: tuple[int, int],
    bars: list[int],
    autoregressive: bool,
    controls: Controls,
    seed: int | None,
    variations: int,
    progress: Progress | None,
    *,
    loop_target: bool = True,
) -> tuple[list[Any], tuple[int, ...], int]:
    """Build the score (target as track 0) and request, run the session; the result scores per take."""
    from midigpt.inference import GenerationRequest, RequestValidationError, TrackPrompt

    own = target.notes if not loop_target else tuple(looped(target, total_beats, signature))
    if not loop_target:
        own = tuple(n for n in own if not n.mute)
    tracks = [(target, list(own))] + [(p, looped(p, total_beats, signature)) for p in context]
    score = to_score(tracks, n_bars=n_bars, signature=signature)
    tc = for_track(mdl, controls, drums=target.drums, bars=bars)
    prompts = [TrackPrompt(id=0, bars=bars, autoregressive=autoregressive, attributes=tc.attributes,
                           bar_attributes=tc.bar_attributes, controls=tc.controls)]  # fmt: skip
    prompts += [TrackPrompt(id=i, bars=[]) for i in range(1, len(tracks))]
    base = random.randrange(2**31 - 1) if seed is None else seed
    request = GenerationRequest(tracks=prompts, config=session_config(mdl, base, variations))
    try:
        session = mdl.engine.session(score, request)
    except RequestValidationError as exc:
        raise InvalidValue(f"MIDI-GPT refused the request: {exc}") from exc
    out = run_session(session, variations, len(bars) * TOKENS_PER_BAR * variations, progress)
    return out, tuple(base + i for i in range(variations)), int(session.gen_count)


def session_config(mdl: InfillModel, seed: int, variations: int) -> Any:
    """The InferenceConfig we sample with: the model's largest window, half of it generated per step."""
    from midigpt.inference import InferenceConfig

    window = max(mdl.window_bars)
    return InferenceConfig(
        seed=seed,
        model_dim=window,
        bars_per_step=max(1, window // 2),
        tracks_per_step="auto",
        mask_mode="attention",
        num_candidates=variations,
    )


def run_session(session: Any, variations: int, expected_tokens: int, progress: Progress | None) -> list[Any]:
    """Run a SamplingSession on a thread; report progress and honour cancel from the caller's thread."""
    from midigpt.inference import GenerationCancelled

    report = progress or (lambda fraction, message: None)
    cancel = threading.Event()
    session.cancel_event = cancel
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["out"] = session.run_variations() if variations > 1 else [session.run()]
        except BaseException as exc:  # handed to the caller's thread below
            box["error"] = exc

    thread = threading.Thread(target=work, name="midigpt-session", daemon=True)
    started = time.monotonic()
    thread.start()
    try:
        report(0.0, "sampling")
        while thread.is_alive():
            thread.join(POLL_S)
            done = int(session.gen_count)
            report(
                min(0.95, done / max(1, expected_tokens)),
                f"{done} tokens in {time.monotonic() - started:.1f} s",
            )
    except BaseException:
        cancel.set()
        thread.join()
        raise
    error = box.get("error")
    if isinstance(error, GenerationCancelled):
        raise JobCancelled("MIDI-GPT sampling was cancelled") from error
    if isinstance(error, RooError):
        raise error
    if error is not None:
        raise InvalidValue(f"MIDI-GPT could not generate this: {type(error).__name__}: {error}") from error
    out = box["out"]
    if variations > 1:
        failed = [c for c in out if c.get("score") is None]
        if failed:
            raise InvalidValue(f"MIDI-GPT could not generate take(s): {failed[0].get('error')}")
        out = [c["score"] for c in out]
    report(1.0, "done")
    return out
