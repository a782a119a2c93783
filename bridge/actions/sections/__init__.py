"""A change over a song section ("kill the hats in the breakdown", "vary the chorus", "transpose the
chorus up a fifth"): the section's beats read from Live's cue points, the part's arrangement clips
there changed only inside it, in one undo step. ``change`` is the typed command's step."""

from bridge.actions.sections.job import change

__all__ = ["change"]
