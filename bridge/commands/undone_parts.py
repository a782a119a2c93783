"""An undo said of a part, "undo the drums", "revert the bass", "undo what you did to the chords" (issue 55,
round 37): asked which last change, never Live's undo on a guess nor the part unmuted.

A producer saying it means the last change made on that part. Live's undo takes back Live's last step
whatever part it was on, and knows no part; the take history knows each take's part (a new take, a
variation, a transform are each filed under theirs), and going back to the part's take before its newest
puts that part as it was before its last change. So the question names the part's last change and offers
both: "go back to the previous drums take" (the take history: that part's last change taken back) and
"undo that" (Live's last step). A drum voice said ("undo the hats") is the drums' take. The change named
("undo the fade on the drums") is ``undone_words``' and read before this. Works on the typed text.
"""

from __future__ import annotations

import re

from bridge.commands import clip_words as cw
from bridge.commands.intent import UNKNOWN, Intent

# the part said, as its takes are filed (a drum voice is the drums'), and how the take offer names it
PARTS = {"drums": "drums", "drum": "drums", "beat": "drums", "bass": "bass", "bass line": "bass",
         "bassline": "bass", "chords": "chords", "chord progression": "chords", "keys": "chords",
         "melody": "melody", "lead": "melody"}  # fmt: skip
_VOICES = tuple(cw.DRUM_VOICES)
_PART = "|".join(re.escape(w) for w in sorted([*PARTS, *_VOICES], key=len, reverse=True))
_LAST = (
    r"(?:last |latest |most recent )?(?:change|edit|thing|step)s? (?:(?:i|you|we) (?:just )?(?:made|did) )?"
)
# "undo the drums", "revert the bass line", "undo the last change on the chords", "undo what you did to the melody"
SAID = re.compile(
    r"^\W*(?:(?:please|pls|ok|okay|oops|can you|could you|just) )*(?:undo|revert|roll back|take back) "
    rf"(?:(?:the |that )?{_LAST}(?:on|to|of|in) |what(?:ever)? (?:you|i|we) (?:just )?did (?:on|to|with) )?"
    rf"(?:the |my |that |those )?(?P<part>{_PART})(?: part)?(?: (?:please|pls|for me))?\W*$",
    re.I,
)
# the drums' last change is their take before the newest taken back; Live's undo knows no part
ASKED = (
    "(e.g. '{offer}' or 'undo that') the last change on the {named}, or Live's last step, whatever it was on?"
)


def undo_asked(heard: str) -> Intent | None:
    """The question for an undo said of a part, its two examples alone (the nearest known commands, "remove
    the hats" for "revert the hats", are no reading of it), or None for any other sentence."""
    said = SAID.match(heard)
    if said is None:
        return None
    word = said.group("part").lower()
    part = PARTS.get(word, "drums")
    offer = f"go back to the previous {part} take"
    asked = {
        "heard": heard,
        "reason": ASKED.format(offer=offer, named=word),
        "suggestions": [offer, "undo that"],
    }
    return Intent(UNKNOWN, None, asked, heard)
