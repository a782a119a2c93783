"""Separate: ``/roo/separate`` splits an audio clip into stems on new tracks, sample-aligned; the job is ``job.run``."""

from bridge.actions.separate.job import run

__all__ = ["run"]
