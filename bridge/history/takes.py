"""What the store takes in (TakeDraft, AudioOut) and gives back (Take), and their JSON shapes.

Notes travel as ``{"pitch", "start_beats", "length_beats", "velocity"}`` in beats from the clip
start; ``created_at`` on the wire is ISO 8601 UTC with milliseconds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Checked here, not in the schema.
ACTIONS = (
    "generate",
    "transform",
    "analyze",
    "separate",
    "musicgen",
    "command",
    "jam",
    "recall",
    "infill",
    "continue",
    "accompany",
    "transcribe",
)
VARIES_LOOK_BACK = 500  # takes of the part searched for the one a ``varies`` location holds
MIN_PREFIX = 6


@dataclass(frozen=True, slots=True)
class AudioOut:
    """An audio file a take made; it is copied into the store under its SHA-256."""

    name: str  # e.g. the stem: "drums", or "mix"
    path: Path
    analysis: dict[str, Any] | None = None


@dataclass
class TakeDraft:
    """A take not yet committed; actions fill one in, the job board commits it before 'done'."""

    action: str
    part: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    seed: int | None = None
    context: dict[str, Any] = field(default_factory=dict)
    versions: dict[str, Any] = field(default_factory=dict)
    live: dict[str, Any] = field(default_factory=dict)
    command: str = ""
    message: str = ""
    # the take this one varies, forks or recalls; None: a new root. ``varies`` (track, slot): the
    # store finds it, the newest take of the same part written there (none found: a root)
    parent_id: str | None = None
    varies: tuple[int, int] | None = None
    notes: list[dict[str, Any]] | None = None
    audio: list[AudioOut] = field(default_factory=list)
    analysis: dict[str, Any] | None = None  # for analyze takes without audio of their own
    # the daemon's: its pending commit in flight (an asyncio task giving the take id), and the take
    # id once the take is committed and confirmed (a draft is never committed twice)
    pending: Any = field(default=None, repr=False, compare=False)
    take_id: str | None = field(default=None, repr=False, compare=False)
    set_id: str = ""  # the Live Set it is made in ("": none known)


@dataclass(frozen=True, slots=True)
class Take:
    take_id: str
    parent_id: str | None
    project: str
    action: str
    part: str
    created_at: float  # UTC seconds since the epoch
    message: str
    starred: bool
    params: dict[str, Any] = field(default_factory=dict)
    seed: int | None = None
    context: dict[str, Any] = field(default_factory=dict)
    versions: dict[str, Any] = field(default_factory=dict)
    live: dict[str, Any] = field(default_factory=dict)
    command: str = ""
    outputs: tuple[dict[str, Any], ...] = ()
    notes: tuple[dict[str, Any], ...] | None = None
    undone: bool = False  # its clip left its slot (Live's undo); a redo clears it
    set_id: str = ""  # the Live Set it was made in ("": none known)

    @property
    def genre(self) -> str:
        return str(self.params.get("genre") or self.context.get("genre") or "")

    @property
    def kind(self) -> str:
        """The kind of the action that made the take (a transform's "swing"), or ""."""
        kind = self.params.get("kind")
        return kind if isinstance(kind, str) else ""

    def in_another_set(self, open_set: str) -> bool:
        """Made in a Set other than the one open (either unknown: not said to be)."""
        return bool(self.set_id and open_set and self.set_id != open_set)

    def summary(self, open_set: str = "") -> dict[str, Any]:
        """The list view: what `roo history --json`, /api/takes and /roo/history/take carry (the
        OSC reply its first seven); ``track`` / ``slot`` where Live holds it (slot None in the Arrangement, where ``start_beats`` says
        where it starts)."""
        return {
            "take_id": self.take_id,
            "parent_id": self.parent_id,
            "action": self.action,
            "part": self.part,
            "created_at": iso(self.created_at),
            "message": self.message,
            "starred": self.starred,
            "track": self.live.get("track"),
            "slot": self.live.get("slot"),
            "start_beats": self.live.get("start_beats"),  # in the Arrangement (no slot)
            "genre": self.genre,
            "undone": self.undone,
            "project": self.project,
            "in_another_set": self.in_another_set(open_set),  # open_set: the Set open in Live now
            "kind": self.kind,  # which transform made it ("swing"); "" for a take of another action
        }

    def detail(self) -> dict[str, Any]:
        """The show view: the summary plus settings, context, Live location, outputs and notes."""
        out = self.summary() | {
            "params": self.params,
            "seed": self.seed,
            "context": self.context,
            "versions": self.versions,
            "live": self.live,
            "command": self.command,
            "outputs": list(self.outputs),
        }
        if self.notes is not None:
            out["notes"] = list(self.notes)
        return out


def iso(seconds: float) -> str:
    return (
        dt.datetime.fromtimestamp(seconds, dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    )


def note_dict(pitch: int, start_beats: float, length_beats: float, velocity: int) -> dict[str, Any]:
    return {
        "pitch": int(pitch),
        "start_beats": float(start_beats),
        "length_beats": float(length_beats),
        "velocity": int(velocity),
    }
