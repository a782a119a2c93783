"""Questions for a request that names what it cannot give (issue 55, round 27), read by ``questions``:

- a part or loop asked by its length in seconds ("make me a 15 second stinger", "20 seconds of piano", "for
  the TV advert it must be 45 seconds exactly"): MuseAroo counts in bars, and the tempo decides how many, so
  it asks, never makes the part with the seconds dropped;
- the same change asked with nothing before it ("do same thing for the other track", "do the same to the
  clip in slot 3"): which change, on which one ("quantize the drums and do the same for the bass" is read by
  ``compound``: the change is said there), or another one pointed at ("fix the other one too").
"""

from __future__ import annotations

import re

UNSAID_QUESTIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (  # a part or loop asked by its length in seconds ("make me a 15 second stinger", "20 seconds of piano",
        # "for the TV advert it must be 45 seconds exactly"): MuseAroo counts in bars, and the tempo decides
        re.compile(
            r"^ (?:(?:can|could|would) you |please |pls |ok |so )*(?:make|write|give|generate|create|compose|need|want"
            r"|i need|i want|i d like|id like)(?: me| us)? (?:a |an |some )?(?:\d+|half a)[ -]?(?:seconds?|secs?|minutes?"
            r"|mins?)(?: long)? (?:\w+ ){0,4}"
            r"|^ (?:(?:can|could|would) you |please |pls |ok |so )*(?:make|write|give|generate|create|need|want|i need"
            r"|i want)(?: me| us)? (?:about |around |exactly )?\d+ (?:seconds?|secs?|minutes?|mins?) of "
            r"|^ (?:for (?:the |a |my |our )?(?:\w+ ){1,3})?(?:it|this|the music|the song|the piece|the cue)"
            r"(?: needs to| must| has to| should)? be (?:exactly |about |around |under )?\d+ (?:seconds?|secs?|minutes?"
            r"|mins?)(?: exactly| long| max| tops)? $"
        ),
        "(e.g. 'make the song 8 bars long' or 'set the tempo to 120') how many bars should that be, at which tempo?",
    ),
    (  # "do same thing for the other track", "do the same to the clip in slot 3": the same as what, where?
        re.compile(
            r"^ (?:(?:ok|okay|now|and|so|then|pls|please) )*(?:do|apply) (?:the |that |this )?same(?: thing| change| edit)?"
            r"(?: again)?(?: (?:to|for|on|with|in) (?:the |that |this )?(?:other|another|next|clip|track|one)\b.*)? $"
        ),
        "(e.g. 'make the bass busier' or 'quantize the drums') which one, and what should change?",
    ),
    (  # "fix the other one too", "make it sound like the other one": which one, what change?
        re.compile(
            r"^ (?:change|fix|tweak|redo|do) (?:the other(?: one)?|that other one|the others)(?: too| as well| also)? $"
            r"| (?:like|as) (?:the other|that other) (?:one|take|version|clip) $"  # "make it sound like the other one"
        ),
        "(e.g. 'make it busier' or 'give me another one') which one, and what should change?",
    ),
)
