"""A part's timing said as a fault and nothing else (issue 55, round 30): "the snare is late", "the kick feels
a bit behind", "hats are rushing in bar 3", "the bass is dragging". The producer says where the part is now,
not what to do: it could be moved the other way or put on the grid. No reader took these as a request ("the
kick feels a bit behind" was read as a softer kick: a misread that acted), so the answer is a question whose two
examples the parser acts on: the part moved a sixteenth the way that mends the fault, and the part quantized.

Only a whole sentence of that shape is asked (a part or drum voice, a verb of being or feeling, an optional
size, the fault, an optional place): with a request said too ("the snare is late, nudge it earlier") the
rules read as before. Stdlib only.
"""

from __future__ import annotations

import re

from bridge.commands import change_words as co
from bridge.commands import vocab as v

# the fault and the way that mends it
_LATE = ("late", "behind", "behind the beat", "dragging", "draggin", "laid back", "too laid back", "lagging")
_EARLY = ("early", "ahead", "ahead of the beat", "rushing", "rushin", "rushed", "too eager")
_NAMES = sorted(
    {w for w, part in v.PARTS.items() if part not in ("all", "song")} | set(co.VOICES), key=len, reverse=True
)
_SENTENCE = re.compile(
    rf"^ (?:(?:i think|i feel like|hmm|hm|ok|so|yeah) )?(?:the |my |our |that |this |those |these )?"
    rf"(?P<name>{'|'.join(re.escape(n) for n in _NAMES)})(?: part| track| line)?"
    r" (?:is|s|are|feels?|sits?|sounds?|seems?|comes? in|is coming in|are coming in|keeps?|plays?|is playing|"
    r"are playing|lands?|is landing|are landing)"
    r"(?: (?:a bit|a little|a little bit|a touch|a tad|slightly|kinda|kind of|way|really|too|a hair|so|just))*"
    rf" (?P<fault>{'|'.join(re.escape(f) for f in sorted(_LATE + _EARLY, key=len, reverse=True))})"
    r"(?P<place> in bar \d+| in bars \d+ (?:to|through|and) \d+| in the (?:chorus|verse|intro|outro|drop|bridge))?"
    r"(?: (?:i think|tbh|to me|again|now|there))* $"
)


def timing_question(s: str) -> str | None:
    """The question for a normalised sentence (padded with spaces) that only says a part is late or early;
    None for any other."""
    m = _SENTENCE.match(s)
    if m is None:
        return None
    name, place = m.group("name"), m.group("place") or ""
    way = "earlier" if m.group("fault") in _LATE else "later"
    moved, gridded = f"move the {name} a sixteenth {way}{place}", f"quantize the {name}{place}"
    return f"the {name}, {m.group('fault')}: did you mean '{moved}' or '{gridded}'?"
