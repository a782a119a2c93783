"""Transform: ``/roo/transform`` rewrites a MIDI clip's notes (every kind in engines.transforms); the job is ``job.run``."""

from bridge.actions.transform.job import run

__all__ = ["run"]
