"""Jam phrases into the take history: each part of each played phrase becomes a take (action "jam").

A phrase hook, like ``Recorder``: the notes are the ones the player actually sent, in beats from
the phrase start, with the controls in effect at the phrase start as the take's settings. Commits
run on a thread of their own, so neither the sender nor the phrase preparer waits on the store;
``close`` waits for the last ones. A commit that fails is logged and counted, never fatal to the
jam (the MIDI file of ``--record`` is still written).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from bridge.history import TakeDraft, note_dict
from engines.jam import UNIT_CONTROLS, JamControls
from engines.music import Note

log = logging.getLogger(__name__)
ACTION = "jam"


class TakeKeeper:
    """``keeper(index, start_beat, notes)`` commits a take per part; ``take_ids`` lists them."""

    def __init__(
        self,
        store: Any,
        *,
        controls_at: Callable[[float], JamControls],
        tempo_bpm: float,
        signature: tuple[int, int],
        phrase_bars: int,
        seed: int,
        command: str = "roo jam",
    ) -> None:
        self.store, self._controls_at = store, controls_at
        self.tempo_bpm, self.signature, self.phrase_bars = tempo_bpm, signature, phrase_bars
        self.seed, self.command = seed, command
        self.take_ids: list[tuple[int, str, str]] = []  # phrase index, part, take id
        self.failed = 0
        # a part's later phrases are filed under its first phrase of this jam: the jam's takes stay
        # together in the history, one level deep however long it plays (never a chain of phrases)
        self._first: dict[str, str] = {}
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="roo-jam-takes")

    def __call__(self, index: int, start_beats: float, notes: dict[str, list[Note]]) -> None:
        controls = self._controls_at(start_beats)
        self._pool.submit(self._commit, index, start_beats, controls, {p: list(n) for p, n in notes.items()})

    def _commit(
        self, index: int, start_beats: float, controls: JamControls, notes: dict[str, list[Note]]
    ) -> None:
        for part in controls.parts:
            part_notes = notes.get(part, [])
            if not part_notes:
                continue  # a part that played nothing in this phrase (out, or a break) is no take
            draft = TakeDraft(
                action=ACTION,
                part=part,
                params={
                    "phrase": index,
                    "start_beats": start_beats,
                    "bars": self.phrase_bars,
                    "genre": controls.genre,
                    **{name: getattr(controls, name) for name in UNIT_CONTROLS},
                },
                seed=self.seed,
                context={
                    "tempo_bpm": self.tempo_bpm,
                    "key": str(controls.key),
                    "signature": [int(self.signature[0]), int(self.signature[1])],
                },
                command=self.command,
                message=f"jam phrase {index + 1}: {part}",
                parent_id=self._first.get(part),
                notes=[note_dict(n.pitch, n.start_beats, n.duration_beats, n.velocity) for n in part_notes],
            )
            try:
                take_id = self.store.commit(draft)
                self.take_ids.append((index, part, take_id))
                self._first.setdefault(part, take_id)
            except Exception:  # the store's trouble must not stop the jam
                self.failed += 1
                log.exception("jam: phrase %s of %s was not kept in the take history", index, part)

    def close(self) -> None:
        """Wait for the takes handed over so far."""
        self._pool.shutdown(wait=True)
