"""What a part follows: the follow rule (``rule``) and the marked chord source (``mark``).

Its face: ``handle``, which answers ``/roo/follow`` at once (no job); ``restore``, the choice the
Set keeps, read when Live answers; ``following``, the reading the generate and prepare steps use.
"""

from bridge.actions.follow.mark import handle, restore
from bridge.actions.follow.rule import Follow, following

__all__ = ["Follow", "following", "handle", "restore"]
