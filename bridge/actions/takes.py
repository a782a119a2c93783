"""Take drafts for the history: what an action wrote into Live, described once for every action.

A MIDI write goes through ``write_recorded``: its take is written to the store (pending) while
the write is in flight, and joins ``job.takes`` once Live answered; the job board then confirms
it with what Live answered before the job reports done (bridge.app.App._record). Other actions
append a draft to ``job.takes`` right after Live answered; it is committed the same way.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from importlib import metadata
from typing import TYPE_CHECKING, Any, TypeVar

from bridge.history import AudioOut, TakeDraft, note_dict
from bridge.history.schema import TakeFields
from engines.errors import InvalidValue
from engines.music import MusicalContext, Note

if TYPE_CHECKING:
    from bridge.app import App
    from bridge.jobs.board import Job

T = TypeVar("T")

try:
    VERSION = metadata.version("musearoo")
except metadata.PackageNotFoundError:  # running from a source tree without an install
    VERSION = "0+source"


# what the takes made within ``parented`` vary: a take id (fork, recall) or the (track, slot) of the
# clip varied (vary, "busier", a transform): the store parents them to the take written there
Parent = str | tuple[int, int] | None
_PARENT: ContextVar[Parent] = ContextVar("roo_take_parent", default=None)


@contextmanager
def parented(parent: Parent) -> Iterator[None]:
    """Takes drafted inside (``midi_take``) are children of ``parent``; outside, a new take is a
    root: a take's parent is the take it varies, forks or recalls, never merely the one before."""
    token = _PARENT.set(parent)
    try:
        yield
    finally:
        _PARENT.reset(token)


def varied(settings: dict[str, Any]) -> tuple[int, int] | None:
    """The (track, slot) a part's last settings say it was written at (what a vary varies)."""
    track, slot = settings.get("track"), settings.get("slot")
    if isinstance(track, int) and isinstance(slot, int) and track >= 0 and slot >= 0:
        return track, slot
    return None


def with_parent(draft: TakeDraft, parent: Parent) -> TakeDraft:
    if isinstance(parent, str):
        draft.parent_id = parent
    elif parent is not None:
        draft.varies = parent
    return draft


def song_context(ctx: MusicalContext) -> dict[str, Any]:
    """Tempo, signature, key and chords as plain JSON values (chords in beats from the clip start)."""
    return {
        "tempo_bpm": ctx.tempo_bpm,
        "signature": list(ctx.signature),
        "key": str(ctx.key),
        "genre": ctx.genre,
        "bars": ctx.bars,
        "chords": [
            {"label": c.label, "start_beats": c.start_beats, "duration_beats": c.duration_beats}
            for c in ctx.chords
        ],
    }


def notes_as_written(notes: Sequence[Note]) -> list[dict[str, Any]]:
    """In the order Live holds and reads them back (/live/clip/get/notes): by start time, then pitch."""
    ordered = sorted(notes, key=lambda n: (n.start_beats, n.pitch))
    return [note_dict(n.pitch, n.start_beats, n.duration_beats, n.velocity) for n in ordered]


def midi_take(
    action: str,
    part: str,
    *,
    params: dict[str, Any],
    seed: int,
    ctx: MusicalContext,
    live: dict[str, Any],
    notes: Sequence[Note],
    engine: str | None = None,
    parent: Parent = None,
) -> TakeDraft:
    """A MIDI take: ``live`` is what Live answered (track, slot or arrangement start, note count);
    ``engine`` what made it (default the part's generator); ``parent`` the take it varies (default:
    the one ``parented`` names, else none)."""
    draft = TakeDraft(
        action,
        part,
        params=params,
        seed=seed,
        context=song_context(ctx),
        versions={"musearoo": VERSION, "engine": engine or f"engines.generators:{part}"},
        live=live,
        notes=notes_as_written(notes),
    )
    return with_parent(draft, parent if parent is not None else _PARENT.get())


def transform_part(kind: str, source_role: str) -> str:
    """The part a transform's take is filed as: a drum transform's is drums, any other keeps the
    source clip's role (never the role guessed from the result: drums without hats look like bass)."""
    if kind.startswith("drums_"):
        return "drums"
    return source_role if source_role not in ("", "empty") else "melody"


def audio_take(
    action: str,
    part: str,
    *,
    params: dict[str, Any],
    live: dict[str, Any],
    files: dict[str, str],
    versions: dict[str, Any],
    context: dict[str, Any] | None = None,
    seed: int | None = None,
    analysis: dict[str, Any] | None = None,
) -> TakeDraft:
    """An audio take: each named file (a stem, a render, an analysed clip) is stored by its hash;
    ``analysis`` is attached to the audio it describes."""
    from pathlib import Path

    draft = TakeDraft(
        action,
        part,
        params=params,
        seed=seed,
        context=context or {},
        versions={"musearoo": VERSION, **versions},
        live=live,
        audio=[AudioOut(name, Path(path), analysis) for name, path in files.items()],
    )
    return with_parent(draft, _PARENT.get())  # a vary's takes: children of the loop varied


async def write_recorded(app: App, job: Job, draft: TakeDraft, write: Awaitable[T]) -> T:
    """Await ``write`` (a Live write not yet started) while ``draft`` is written as a pending take.

    On Live's answer the draft joins ``job.takes`` (the caller fills in ``draft.live`` from the
    answer); a write that fails or is cancelled removes the pending take and raises. A draft the
    take schema refuses (InvalidValue naming the field) is refused before the write starts."""
    try:
        TakeFields.of(draft)  # a field the store would refuse fails here, before anything is written
    except InvalidValue:
        if inspect.iscoroutine(write):
            write.close()  # never started: Live is not touched
        raise
    app.begin_take(job, draft)
    try:
        answer = await write
    except BaseException:
        app.drop_take(draft)
        raise
    job.takes.append(draft)
    return answer
