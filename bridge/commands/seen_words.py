"""Values the learned reading is shown in the words it was trained on (issue 55): "eight measures of rock
drums" as "eight bars", "redo this as jungle" as "redo this as drum and bass".

The rules read a length in measures and a genre by another of its names ("jungle", "dnb", "ukg") as they
read bars and the genre's preset; the learned reading's encoder saw those mostly as "bars" and as the
preset's own name, and took "eight measures of rock drums for the bridge" for a vary and "redo this as
jungle" for a name or a redo. ``as_trained(text)`` says them so for it (``statements.for_reading``, which
training encodes too): a count followed by "measure(s)" as bars (never "measure 30", a place, nor a
"measure" that is no count's unit), and a typed-only name of a genre that is its preset's style spelt
another way (``_SAME``, read in ``vocab.GENRES``; "rnb", "ukg", "latin jazz", mapped to the nearest preset,
keep their own: set 99's "..., RnB feeling" was acted on wrongly when said as neo soul). The rules and a
MusicGen prompt never see this text. Stdlib only.
"""

from __future__ import annotations

import re
from functools import cache

from bridge.commands import numbers as n
from bridge.commands import vocab as v
from bridge.commands.loose_counts import bars_spelled

# a count of measures: digits, a number word of ``numbers``' one table said of a length in bars (one to
# sixteen, twenty, thirty; "thirty two", "sixty four" are read through their last word, the same text), or
# a loose count; the table's other words ("zero", "forty", "hundred") were never read here and still are not
_BAR_COUNTS = sorted(
    (
        w
        for table in (n.UNITS, n.TEENS, n.TENS)
        for w, value in table.items()
        if 1 <= value <= 16 or value in (20, 30)
    ),
    key=len,
    reverse=True,
)
_COUNT = "|".join([r"\d+", *_BAR_COUNTS, "a couple of", "a few", "more", "another", "few"])
_MEASURES = re.compile(rf"\b({_COUNT})( more| further| extra)? measures?\b", re.IGNORECASE)
# round 36: "a couple more bars", "a couple of measures": two, as the encoder mostly saw a count of bars said
# ("give me a couple more bars at the end" was read as no command at all, "two more bars" as the continue it is);
# round 37: every loose count of bars, from ``loose_counts``' one table ("a few more bars": three)
# the typed-only names that are the preset's own style spelt another way; a neighbour or a sub-style mapped to
# the nearest preset ("rnb" neo-soul, "ukg" house, "latin jazz" jazz) keeps its name: it says more than the preset
_SAME = frozenset({"dnb", "d and b", "jungle", "hiphop"})


@cache
def _genres() -> tuple[re.Pattern[str], dict[str, str]]:
    """The typed-only names of genres whose preset is named otherwise, and the preset's spoken name."""
    spoken = {
        name: preset.replace("-", " ")
        for name, preset in v.GENRES.items()
        if name in _SAME and name in v.TYPED_ONLY and preset.replace("-", " ") != name
    }
    names = "|".join(re.escape(n) for n in sorted(spoken, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({names})(?![\w-])", re.IGNORECASE), spoken


def as_trained(text: str) -> str:
    """``text`` with a count of measures said in bars ("a couple" of them as two) and a genre's typed-only
    name as its preset's."""
    said = bars_spelled(text)
    said = _MEASURES.sub(
        lambda m: f"{m.group(1)}{m.group(2) or ''} bar{'s' * m.group(0).lower().endswith('s')}", said
    )
    pattern, spoken = _genres()
    return pattern.sub(lambda m: spoken[m.group(1).lower()], said)
