"""Jobs and the model worker: every daemon request as a job with progress and cancel, and the one
persistent process where heavy model work (separation, MusicGen, analysis) runs with its models
loaded once.

``JobBoard`` starts and reports jobs on /roo/status; ``Job`` is what an action gets (``report``,
``check_cancelled``, its takes). ``get_worker(app)`` is the model worker process (``call(job,
"module:function", **kwargs)``); ``weights`` says before a model loads whether its published
weights are cached, so an offline run fails at once with the fix.
"""

from __future__ import annotations

from bridge.jobs.board import Job, JobBoard
from bridge.jobs.worker import Worker, get_worker

__all__ = ["Job", "JobBoard", "Worker", "get_worker"]
