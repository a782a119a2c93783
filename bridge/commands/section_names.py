"""The names a song's sections go by, written once (a leaf: it imports nothing, so every reader may import it).

``SECTIONS`` are the names a song's cue points carry (engines.generators.arrangement's five, and a
producer's); "hook" is none of them ("another take on the hook" is a part), "break" is one (a drum break is
read as the drums by ``break_words`` where a change is asked of it). ``SAID_ALSO`` are the other words a
section is said by where a change leads on to it ("a fill to take us into the hook").
"""

from __future__ import annotations

SECTIONS = ("pre chorus", "intro", "verse", "chorus", "bridge", "outro", "breakdown", "drop", "build up",
            "build", "break")  # fmt: skip
SAID_ALSO = ("hook", "buildup")
