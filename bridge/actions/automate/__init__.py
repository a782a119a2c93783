"""Automation: ``/roo/automate`` writes a shaped clip envelope (rise, fall, swell, dip, steps,
lfo) of a device's parameter or the mixer's, or clears one; the job is ``job.run``."""

from bridge.actions.automate.job import run
from bridge.actions.automate.request import parse_request

__all__ = ["parse_request", "run"]
