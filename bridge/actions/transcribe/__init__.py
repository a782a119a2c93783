"""Transcribe: ``/roo/transcribe`` turns an audio clip's notes into a MIDI clip on a new track beside it,
placed through the clip's warp markers; the job is ``job.run``, its argument check ``parse_request``."""

from bridge.actions.transcribe.job import run
from bridge.actions.transcribe.request import parse_request

__all__ = ["parse_request", "run"]
