"""Analyze: ``/roo/analyze`` on an audio or MIDI clip. Steps: request, midi, apply, warp; the job is ``job.run``."""

from bridge.actions.analyze.job import run

__all__ = ["run"]
