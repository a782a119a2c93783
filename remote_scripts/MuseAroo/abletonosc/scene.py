"""/live/scene/...: a scene's properties and methods (name, color, fire ...) from grammar's tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .core import Listening, arg, generated, pick

if TYPE_CHECKING:
    from .core import Handler


class SceneHandlers:
    def __init__(self, song: Any, listening: Listening) -> None:
        self.song = song
        self.listening = listening

    def scene(self, args: Sequence[Any]) -> Any:
        return pick(self.song.scenes, arg(args, 0, "scene_id"), "scene")

    def handlers(self) -> dict[str, Handler]:
        return generated("scene", self.scene, self.listening)
