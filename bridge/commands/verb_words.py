"""The verbs of a request, written once: those that ask for new material and those that change a part.

``vocab`` re-exports them as part of the one vocabulary (the speech grammar is built from it).
"""

from __future__ import annotations

# Verbs that ask for new material. "play me" counts: "play me a funky bass line".
TYPED_MAKING = ("cook up", "whip up", "sketch", "sketch out", "knock out", "bang out", "lay down", "throw together",
                "produce", "draft", "pen", "craft", "devise", "put together")  # a formal writer's verbs too  # fmt: skip
GENERATE_VERBS = (
    "generate", "make", "create", "write", "give me", "add", "compose", "build", "i want", "i need", "lets have",
    "play me", "come up with", "fill out", "new",
    *TYPED_MAKING,  # typed only (TYPED_ONLY): the speech grammar keeps its size
)  # fmt: skip
# The verbs that start a request to change a part (the fillers' and remarks' readers use them).
CHANGE_VERBS = frozenset({"mute", "unmute", "solo", "remove", "drop", "add", "transpose", "swing", "quantize",
                          "humanize", "shift", "move", "play", "stop", "undo", "redo", "vary", "double",
                          "halve", "split", "separate", "warp", "thin", "fill", "continue", "extend", "turn"})  # fmt: skip
