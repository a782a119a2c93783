"""MusicGen loops: ``/roo/musicgen``. Steps: request, land (the loop onto a new audio track); the job is ``job.run``."""

from bridge.actions.musicgen.job import run

__all__ = ["run"]
