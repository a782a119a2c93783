"""/live/scene/...: a scene's properties and methods (name, color, time signature, fire ...) from
grammar's tables, and ``fire_selected`` (the selected scene, then the next one is selected)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .core import Listening, arg, generated, pick

if TYPE_CHECKING:
    from .core import Address, Handler


class SceneHandlers:
    def __init__(self, song: Any, listening: Listening) -> None:
        self.song = song
        self.listening = listening

    def scene(self, args: Sequence[Any]) -> Any:
        return pick(self.song.scenes, arg(args, 0, "scene_id"), "scene")

    def handlers(self) -> dict[str, Handler]:
        table = generated("scene", self.scene, self.listening)
        table["/live/scene/fire_selected"] = self.fire_selected
        return table

    def fire_selected(self, args: Sequence[Any], to: Address) -> None:
        """Fire the selected scene and select the next one (Scene.fire_as_selected)."""
        scene = self.song.view.selected_scene
        if scene is None:
            raise ValueError("no scene is selected")
        scene.fire_as_selected()
