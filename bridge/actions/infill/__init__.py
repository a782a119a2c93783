"""Infill, continue and accompany (``/roo/infill``, ``/roo/continue``, ``/roo/accompany``). Steps: request, clips, record; the jobs are in ``job``."""

from bridge.actions.infill.job import accompany, continue_clip, infill

__all__ = ["accompany", "continue_clip", "infill"]
