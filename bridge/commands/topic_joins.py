"""Two requests joined the learner's way (issue 55, round 35): "swing the hats a little and the kick, make
it louder" is the swing of the hats, then the kick made louder: a second part said after "and" once the
first request has its own amount ("a little", "a bit", "slightly"), then a comma and a request on "it",
is the topic of that later request, never a second target of the first. ``topic_joined(text)`` says it
as a native says it: "swing the hats a little, then make the kick louder".

Without the amount ("quantize the snare and the bass, make it softer") the first request's targets are
not closed, so the sentence is left to the other readers. Works on the typed text (any case).
"""

from __future__ import annotations

import re

# the parts and drum voices a learner names as the topic ("and the kick, make it louder")
_PART = (
    r"(?:kick(?: drum)?|snare|hi ?hats?|hats?|claps?|ride|crash|toms?|shakers?|percussion|congas?|bongos?|"
    r"bass(?: ?line)?|sub|808|chords?|keys|pad|melody|lead|drums|beat|piano|strings|vocals?)"
)
_AMOUNT = r"(?:a (?:little|lil|bit|touch|tad|lot)(?: bit| more)?|slightly|just a (?:little|lil|bit|touch))"
# the later request's verb before "it" ("make it louder", "turn it down", "push it up")
_LATER = (
    r"(?:make|turn|bring|push|pull|get|let|put|move|give|set|quantize|quantise|humanize|humanise|swing|mute)"
)
_JOINED = re.compile(
    rf"\b(?P<first>(?:the|my) {_PART} {_AMOUNT}) and (?P<topic>(?:the|my) {_PART}),? (?:and )?(?P<verb>{_LATER}) "
    rf"(?:it|him|her|this one|that one)\b",
    re.I,
)


def topic_joined(text: str) -> str:
    """The sentence with a topic said after "and" put into the later request it is the topic of ("swing the
    hats a little and the kick, make it louder" -> "swing the hats a little, then make the kick louder")."""
    return _JOINED.sub(lambda m: f"{m.group('first')}, then {m.group('verb')} {m.group('topic')}", text)
