"""Warping a clip to the Set's grid: warp markers from analysed beats, and times through them.

``plan_warp`` turns an analysis's beats and downbeats into warp markers that put the clip's bars
on the Set's bar lines; ``beats_at`` and ``chords_through`` re-express analysed times through
markers as Live plays them. Pure: no Live, no files.
"""

from __future__ import annotations

from engines.warping.mapping import Pair, beats_at, chords_through
from engines.warping.plan import WarpPlan, beat_length, plan_warp

__all__ = ["Pair", "WarpPlan", "beat_length", "beats_at", "chords_through", "plan_warp"]
