"""Moving among takes by more than one step or by their star, and a take thrown away (issue 55, round 34).

``take_move_of(s, heard)`` reads a normalised sentence (padded, digits) and gives an Intent or None:

- "go back two takes", "jump back 3 versions", "the take from two takes ago": ``history {do: recall,
  which: previous, count: 2}`` (the take that many before the newest of its part; one is "previous");
- "bring back the starred one", "the one I starred", "put my starred take back": ``history {do: recall,
  starred: True}`` (the newest starred take, of the part when one is said);
- "unstar the one I starred", "take the star off my starred take": ``history {do: unstar, starred: True}``
  (the star taken off the newest starred take, never the newest take's, nor the starred one recalled);
- "delete the last take", "throw that take away", "bin this version": no action deletes a take (the
  history keeps every one), so the answer says so and offers what does something near it (``DELETE``).

Stdlib only.
"""

from __future__ import annotations

import re

from bridge.commands.intent import UNKNOWN, Intent

_TAKE = r"(?:takes?|versions?|variations?|ones?|1)"
_COUNT = r"(\d+)"  # "a couple" of them is 2 (``loose_counts``, in ``normalize``)
_PART = r"(?:(?:drums?|bass|chords?|melody|beat|bassline|keys|lead) )?"  # "go back two bass takes"
# "go back two takes", "step back 3 versions", "two takes back", "the take from 2 takes ago"
_BACK_N = re.compile(
    rf" (?:go|jump|skip|step|head|hop|flip|move|take (?:me|us|it)|bring (?:me|us|it)) back {_COUNT} {_PART}{_TAKE} "
    rf"| (?:back|go back) (?:by )?{_COUNT} {_PART}{_TAKE}(?: back)? (?:$|to |and |please |pls )"
    rf"| {_COUNT} {_PART}{_TAKE} (?:back|ago|earlier|before this one|before the last one) "
)
# the starred take said as one ("the starred one", "the one i starred", "my starred take", "the take with the star")
_STARRED_ONE = re.compile(
    rf" (?:the|my|that) (?:starred|favou?rite|favorited|favourited) {_PART}(?:one|1|take|version|idea) "
    r"| (?:the|that) (?:one|1|take|version) (?:that )?(?:i|we|you) (?:have |had |already )?"
    r"(?:starred|favou?rited|put a star on|gave a star|star(?= $| \w+ $)) "  # "the one i star": said without tense
    r"| (?:the|that) (?:one|1|take|version) with (?:a|the) star(?: on it)? "
)
# a star taken off ("unstar the one i starred", "take the star off my starred take", "remove the star from ...")
_UNSTAR = re.compile(
    r"^ (?:(?:please|can you|could you|just|now|ok|okay) )*(?:unstar|unfavou?rite|un favou?rite) "
    r"| (?:take|get|remove|clear|drop) (?:the |its |that |my )?star (?:off|from)\b"
    r"| (?:take|get) (?:out|off) (?:the |its )?star (?:on|from|off|of)\b"  # "take the star off", as normalised
)
_NOT_RECALL = re.compile(
    r"^ (?:please )?(?:un)?star | (?:show|list|display|how many|compare|diff|name|rename) "
)
# a take thrown away: "delete the last take", "throw that take away", "bin this version", "scrap take a3f9c2"
_GONE = (
    r"(?:delete|erase|remove|trash|bin|ditch|scrap|discard|dump|junk|chuck|lose|kill|nuke|get rid of|throw out|"
    r"throw away|toss|chuck out|wipe)"
)
_A_TAKE = (
    r"(?:the|that|this|my|those|these|last|latest|previous|newest)(?: (?:last|latest|previous|newest|old|bad|"
    r"first|second|third|fourth|\d+))? (?:takes?|versions?|variations?)|takes? [0-9a-f]{6,12}"
)
# (no apostrophe in ``DELETE``: its quoted examples are its suggestions, ``parser.parse``)
_DELETED = re.compile(
    rf"^ (?:(?:please|can you|could you|just|ok|okay|yeah|nah|and|then|now|pls) )*{_GONE} (?:{_A_TAKE})"
    rf"(?: (?:away|out|from (?:the |my )?(?:history|list|takes)))?(?: (?:please|pls|for me|its bad|its rubbish))* $"
    rf"|^ (?:(?:please|just|ok|yeah|nah) )*(?:throw|chuck|toss|bin) (?:{_A_TAKE}) (?:away|out)(?: please| pls)* $"
)
DELETE = (
    "MuseAroo keeps every take in its history and cannot delete one: 'undo that' takes the newest clip out of "
    "Live, 'go back to the previous take' puts the one before it back, and 'unstar this take' takes its star off"
)


def thrown_away(s: str) -> bool:
    """Whether a normalised sentence asks for a take to be deleted ("throw that take away")."""
    return _DELETED.search(s) is not None


def moved_among(s: str) -> bool:
    """Whether a normalised sentence recalls a take by a count of takes back or by its star: a take put
    back, never a star given ("bring back the starred one") nor an undo ("go back two takes")."""
    return _NOT_RECALL.search(s) is None and (_BACK_N.search(s) or _STARRED_ONE.search(s)) is not None


def take_move_of(s: str, heard: str) -> Intent | None:
    """An intent for a take moved to by its count or its star, the answer to a take thrown away, or None."""
    if thrown_away(s):
        return Intent(UNKNOWN, None, {"heard": heard, "reason": DELETE}, heard)
    if _UNSTAR.search(s) and _STARRED_ONE.search(s):  # "unstar the one i starred": that take's star off
        return Intent("history", None, {"do": "unstar", "starred": True}, heard)
    if _NOT_RECALL.search(s):
        return None
    back = _BACK_N.search(s)
    if back is not None:
        said = next(g for g in back.groups() if g)
        count = int(said)
        return Intent(
            "history",
            None,
            {"do": "recall", "which": "previous", **({"count": count} if count > 1 else {})},
            heard,
        )
    if _STARRED_ONE.search(s):
        return Intent("history", None, {"do": "recall", "starred": True}, heard)
    return None
