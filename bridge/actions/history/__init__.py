"""The take history's requests: recall, fork, star, message, project (jobs) and the list (answered at once, ``list_takes``). The context a recall writes with is ``context``."""

from bridge.actions.history.job import fork, list_takes, message, project, recall, star

__all__ = ["fork", "list_takes", "message", "project", "recall", "star"]
