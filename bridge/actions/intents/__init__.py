"""Intents to actions: what a parsed sentence (``bridge.commands``, words to intents) does.

``job.run`` is ``/roo/command``'s job: it parses the sentence and runs the intent through the
steps here (clip, generate, history, jam), each calling the same action the OSC address runs.
``voice`` is the spoken door (``/roo/voice/start`` and ``stop``) onto the same path.
"""

from bridge.actions.intents.job import run
from bridge.actions.intents.voice import start, stop

__all__ = ["run", "start", "stop"]
