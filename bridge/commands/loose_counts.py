"""Counts said in words, read once for every op that counts (issue 55): "a couple" is 2, "a few" and "a
handful" 3, "several" 3 (docs/intents.md: a few is three), said before what an op counts: bars and measures
(continue, make, a scope), takes, versions, variations and options (vary, make), goes and tries, times (undo,
redo), undos, edits, changes and steps. "add a couple of bars" is read as "add 2 bars", "give it a few more
bars" as "3 more bars", "a handful of variations" as "3 variations", "undo it a few times" as "3 times";
"another couple of takes" is "2 more takes" (another is more of them). A loose count before anything else
("a few ghost notes", "a couple of minutes", "give them a few more notes") counts no op's value and is left
as said. Applied by ``normalize`` (digits) and ``seen_words`` (bars spelled, as the encoder saw counts).
"""

from __future__ import annotations

import re

COUNTS: dict[str, int] = {"couple": 2, "couple of": 2, "few": 3, "handful": 3, "handful of": 3, "several": 3}
SPELLED = {2: "two", 3: "three"}
# every form said, with its article or none ("a couple of", "couple", "a few"), for the readers of the sentence
# as typed (``undone_words``, ``slang_words``); ``SAID_WORDS`` the same as a pattern, longest first
SAID: dict[str, int] = {
    f"{a}{w}": n for w, n in COUNTS.items() for a in ("a ", "") if not (a and w == "several")
}
SAID_WORDS = "|".join(sorted(SAID, key=len, reverse=True))
BARS = r"(?:bars?|measures?)"
# what the ops count (the plural said, or one the readers make plural: "2 version")
COUNTED = (
    rf"(?:{BARS}|takes?|versions?|variations?|variants?|options?|alternatives?|goes|tries|attempts|passes|shots|flips|spins|cracks"
    r"|times|undos|redos|edits?|changes?|steps?)"
)
_WORDS = "|".join(sorted(COUNTS, key=len, reverse=True))
_EXTRA = r"(?:new|different|other|fresh|further|extra|alternative) "


def _loose(counted: str) -> re.Pattern[str]:
    """A loose count said before ``counted`` (group 1 "another", 2 the word, 3 "more" or "extra", 4 a
    describing word), its article with it."""
    return re.compile(
        rf"\b(?:(another) |an? )?({_WORDS}) ((?:more|extra|further) )?({_EXTRA})?(?={counted}\b)",
        re.IGNORECASE,
    )


_COUNT = _loose(COUNTED)
_BAR_COUNT = _loose(BARS)


def _said(m: re.Match[str], spelled: bool) -> str:
    count = COUNTS[m.group(2).lower()]
    more = m.group(3) or ("more " if m.group(1) else "")  # "another couple of takes": 2 more takes
    return f"{SPELLED[count] if spelled else count} {more}{m.group(4) or ''}"


def counted(lowered: str) -> str:
    """``lowered`` with each loose count before a counted thing as its digits ("a couple of bars": "2 bars")."""
    return _COUNT.sub(lambda m: _said(m, False), lowered)


def bars_spelled(text: str) -> str:
    """``text`` with a loose count of bars spelled as a number ("a few more bars": "three more bars")."""
    return _BAR_COUNT.sub(lambda m: _said(m, True), text)
