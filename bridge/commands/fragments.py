"""Verbless fragments a producer types (issue 44, typed only): "offbeat open hats", "snare a touch
later", "ghost snares", "hats on every offbeat please". A fragment is read as the obvious command
only when it is a drum voice and one place, feel or nudge word and nothing else; ``readings(s)``
gives the full sentences to try (also a phrasal verb split by its object put back together:
"strip the drums back in the breakdown" as "strip back the drums in the breakdown") (the parser keeps the first it understands), [] otherwise.
"""

from __future__ import annotations

import re

from bridge.commands.change_words import VOICES

_VOICE = "|".join(sorted((re.escape(w) for w in VOICES), key=len, reverse=True))
_SOFT = r"(?:(?:just|some|a few|a couple of|a|an|the|more) )?"
_ON_BEATS = re.compile(rf"^ {_SOFT}(offbeat|upbeat|downbeat|backbeat)s? ({_VOICE}) $")
_NUDGE = re.compile(
    rf"^ {_SOFT}({_VOICE}) ((?:a (?:touch|bit|hair|tad|little|smidge) |slightly |just |)(?:later|earlier|behind|ahead)) $"
)
# a phrasal verb split by its object: "strip the drums back", "thin the bass out", "tone the hats down"
_SPLIT = re.compile(
    r"^ ((?:(?:please|just|now) )*)(strip|thin|pare|tone|calm|dial|chill|turn|bring|beef|spice|liven|fill|water|mellow|"
    r"build|break|open|clean|tighten|loosen|cut) ((?:the |my |this |that |those |these )?(?:\w+ ){0,2}?\w+) "
    r"(back|out|down|up) "
)
_GHOST = re.compile(rf"^ {_SOFT}ghost(?:ed)? ({_VOICE})(?: notes?| hits?)? $")


# where the fragment applies, said after it: "hats a little earlier in the chorus", "ghost snares from bar 9"
_WHERE = re.compile(
    r" (?:in|during|for|over|through|throughout|from|after|before|until|on) (?:the |bar |bars |every )(?:\w+ ){0,3}?\w+ $"
)


def readings(s: str, strict: bool = False) -> list[str]:
    """Full sentences that a verbless fragment means, most likely first; [] when it is no fragment.
    ``strict``: only a drum voice with one place, nudge or ghost word (read even where the sentence
    alone reads otherwise: "backbeat claps for the drop" is no removal), not a split phrasal verb."""
    where = _WHERE.search(s)
    if where is not None and (head := _fragment(s[: where.start()] + " ", strict)):
        return [f"{head[0].rstrip()} {s[where.start() :].strip()} "]
    return _fragment(s, strict)


def _fragment(s: str, strict: bool) -> list[str]:
    if (m := _ON_BEATS.match(s)) is not None:  # "offbeat open hats"
        place = m.group(1) if m.group(1) == "backbeat" else m.group(1) + "s"
        return [f" add {m.group(2)} on the {place} "]
    if (m := _NUDGE.match(s)) is not None:  # "snare a touch later"
        return [
            f" move the {m.group(1)} {m.group(2).replace('behind', 'later').replace('ahead', 'earlier')} "
        ]
    if (m := _GHOST.match(s)) is not None:  # "ghost snares"
        voice = m.group(1).rstrip("s") if m.group(1).rstrip("s") in VOICES else m.group(1)
        return [f" add ghost notes to the {voice} "]
    if (m := _SPLIT.match(s)) is not None and not strict:  # "strip the drums back in the breakdown"
        return [f" {m.group(1)}{m.group(2)} {m.group(4)} {m.group(3)} " + s[m.end() :]]
    return []
