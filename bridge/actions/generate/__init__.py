"""Generate: ``/roo/generate`` (one part, ``all``, ``song``). Steps: request, context, part, record, multi; the job is ``job.run``."""

from bridge.actions.generate.job import run

__all__ = ["run"]
