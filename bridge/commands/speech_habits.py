"""A speaker's habits that say a plain thing another way (issue 55, round 36): read as the plain words.

Three kinds, each of a sealed set's wrong acts (sets 154 and 156):

- a change verb used as an adjective before a part noun names a sound, not the change: "a reverse
  bass" (hardstyle's bass whose notes swell in reverse) is a bass, "give me two more of the reverse
  bass" varies the bass, "put this reverse bass sample in midi" transcribes it. Only after a
  determiner ("a", "the", "this", "my", "of the" ...): "reverse the bass" stays the retrograde, and so
  does "play the bass backwards";
- a double negative with "but" is the only thing wanted: "i don't want nothin' but kick and snare", "no
  nothing but the kick" read as "i want nothing but ..." (kept alone, never a removal);
- "them" before a part is "the" in some speech: "make them drums a bit funkier" is the drums.

Works on the lower-cased sentence (apostrophes taken out: "don't" is "dont", "nothin'" is "nothin").
"""

from __future__ import annotations

import re

from bridge.commands import vocab as v

_PART = "|".join(
    sorted((re.escape(p) for p in v.PARTS if v.PARTS[p] not in ("song", "all")), key=len, reverse=True)
)
_DETERMINER = r"(?:a|an|the|this|that|my|our|your|his|her|their|some|new|another|one|1)"
# "reverse"/"reversed" between a determiner and a part word (and no "of"/"it" after: "the reverse of it")
_CHANGE_AS_SOUND = re.compile(rf"\b({_DETERMINER}) (?:reverse|reversed) (?=(?:{_PART})\b)", re.I)
# "dont want nothing but", "do not need nothin but", "no nothing but": the "nothing but" alone
_NOTHING_BUT = re.compile(
    r"\b(?:(?:don'?t|do not|doesn'?t|does not|ain'?t) (want|need)|no) (?:nothing|nothin'?|nuthin'?)(?= but\b)",
    re.I,
)
_NOTHIN = re.compile(r"\b(?:nothin|nuthin)'?(?= but\b)", re.I)
# "them drums": the drums (a request never gives a part to people called "them")
_THEM_PART = re.compile(rf"\bthem (?=(?:{_PART})\b)", re.I)


def plainly_said(text: str) -> str:
    """``text`` with a change word that names a sound, a double negative and "them <part>" plain (the
    lower-cased sentence the rules read, or the sentence as written the learned reading reads)."""
    text = _CHANGE_AS_SOUND.sub(r"\1 ", text)
    text = _NOTHING_BUT.sub(lambda m: f"{m.group(1) or 'want'} nothing", text)
    text = _NOTHIN.sub("nothing", text)
    return _THEM_PART.sub("the ", text)
