"""A mute taken off, said with "mute" as a noun (issue 55, round 38): an unmute, never a mute.

"take the mute off the bass", "lift the mute off the keys", "turn the mute off on the bass", "switch the
mute off for the pads", "kill the mute on the snare", "take the mutes off the drums", "the bass, take the
mute off", "take the bass's mute off": the readers see the word "mute" and a part, and read a mute (or ask
which change); said "unmute <part>" they read what is meant. Only where "mute" is a noun: after "the",
"its", "their", a part's "'s", or said before "off"; a verb that takes something away ("remove", "kill",
"lose", "clear", "undo") needs no "off". "mute the bass" and "turn the bass off" are left as they are.
"""

from __future__ import annotations

import re

_OFF_VERBS = r"(?:take|taking|turn|switch|get|pull|lift|flip|knock|come|bring)"  # with "off" said
_AWAY_VERBS = r"(?:remove|kill|lose|clear|undo|drop|cancel|release|disable)"  # off by themselves
_NOUN = r"(?:the |its |their |that |this )?mutes?"
_TO = r"(?: (?:off of|off|from|of|on|for))"
_STOP = r"(?!(?:for|in|at|on|during|until|till|and|then|please|now|again|so|it|them)\b)"
# "take the mute off the bass", "turn the mute off on the bass", "remove the mute from the synth"
_OFF_THE = re.compile(
    rf"\b(?:{_OFF_VERBS} (?:off )?{_NOUN} off|{_OFF_VERBS} off {_NOUN}|{_AWAY_VERBS} {_NOUN})"
    rf"(?:{_TO})?(?: (the|my) | )(?={_STOP}\w)",
    re.I,
)
# "take the mute off it", "take its mute off", "take the bass's mute off", "the bass, take the mute off"
_OFF_IT = re.compile(rf"\b(?:{_OFF_VERBS}|{_AWAY_VERBS}) (?:the )?mutes? off (?:of )?(it|them)\b", re.I)
_ITS = re.compile(
    rf"\b(?:{_OFF_VERBS}|{_AWAY_VERBS}) (?:(its|their)|the (\w+(?: \w+)?)'?s) mutes?(?: off)?\b", re.I
)
_SAID_FIRST = re.compile(
    rf"^((?:the|my) \w+(?: track)?),? (?:{_OFF_VERBS} (?:the )?mutes? off|{_AWAY_VERBS} (?:the )?mutes?)\b",
    re.I,
)


def mute_off(text: str) -> str:
    """``text`` with a mute said taken off as "unmute <what>", else as it was."""
    text = _SAID_FIRST.sub(r"unmute \1", text)
    text = _ITS.sub(lambda m: f"unmute {_whose(m.group(1), m.group(2))}", text)
    text = _OFF_IT.sub(r"unmute \1", text)
    return _OFF_THE.sub(lambda m: f"unmute {m.group(1) + ' ' if m.group(1) else ''}", text)


def _whose(pronoun: str | None, part: str | None) -> str:
    """What a mute belongs to said as an object: "its" it, "their" them, "the bass's" the bass."""
    return f"the {part}" if pronoun is None else "it" if pronoun.lower() == "its" else "them"
