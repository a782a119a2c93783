"""A change said to run until a section (issue 55): "mute the hats until the chorus", "no kick till the
drop", "keep the bass out 'til verse 2", "no hats up to the hook". The place is every bar before that
section, which no field of the schema holds (``until_bar`` is a bar, ``section`` the section itself),
and where the section starts is not known from the words; so a reading that acts is asked about
instead, never done in the section itself nor over the whole clip. The question suggests the request
over the intro and up to a bar, said as the sentence with those places.

"before the chorus" is the same place for a change that runs over it ("mute the hats before the
chorus"); a thing put "before the drop" (an added hit, a fill) is placed there and read as before.
"until the end" (no section) and "till the end of the chorus" (a place inside it) are not read here.

A fill said to lead into a section with no place of its own ("a drum fill leading into the chorus", "a fill
going into the drop") is a fill at that section's start (``led_into``, on the typed text for every reader: it
made a new drum part there); "a fill at the end of the verse going into the chorus" keeps its place (``asides``),
and "leading up to" or "right before" a section stays asked (round 13: the bar before it, no field holds it).

Sentences are normalised (padded, lower case, numbers as digits).
"""

from __future__ import annotations

import re

from bridge.commands.intent import Intent
from bridge.commands.means import means_of
from bridge.commands.region_words import SECTIONS

_NAMES = "|".join(sorted((*SECTIONS, "hook", "refrain", "middle 8"), key=len, reverse=True))
_NTH = r"(?:(?:first|second|third|last|final|next|\d+(?:st|nd|rd|th)?) )?"
_UNTIL = re.compile(
    rf" (?P<word>(?:up )?(?:until|till|til)|up to|before) (?:the )?{_NTH}(?P<section>{_NAMES})(?: \d+)?(?= )(?! of )"
)
PLACED = (
    "add",
    "fill",
)  # a hit or a fill put "before the drop" is placed there, not run over the bars before


_LED_INTO = re.compile(
    rf"\b(?P<fill>(?:drum )?fill) (?:that |to |which )?(?:leads?|leading|lead|goes|going|go|heads?|heading|builds?|"
    rf"building|takes? us|taking us|brings? us|bringing us) (?:up )?into (?P<place>(?:the )?{_NTH}(?:{_NAMES})(?: \d+)?)\b",
    re.I,
)


def led_into(text: str) -> str:
    """The sentence with a fill led into a section said at the section's start ("a drum fill leading into the
    chorus" -> "a drum fill at the start of the chorus"); others as they were."""
    return _LED_INTO.sub(
        lambda m: (
            f"{m.group('fill')} at the start of {'' if m.group('place').lower().startswith('the ') else 'the '}"
            f"{m.group('place')}"
        ),
        text,
    )


def until_section(s: str, intent: Intent) -> tuple[str, list[str]] | None:
    """The question (and its suggestions) for ``intent``, a reading that acts, of a normalised sentence
    ``s`` that runs a change until a section; None when it says no such place (module docstring)."""
    if not intent.understood:
        return None
    m = _UNTIL.search(s)
    if m is None:
        return None
    ops = {str(means_of(intent.as_dict()).get("op"))}
    if m.group("word") == "before" and ops & set(PLACED):
        return None
    place = " ".join(s[m.end("word") : m.end()].split())  # "the second verse", "verse 2"
    section = place if place.startswith("the ") else f"the {place}"
    before, after = s[: m.start()], s[m.end() :]
    # "until bar 9" said again as "in bars 1 to 8" (the same bars), for a verb read only with the span
    said = [
        " ".join(f"{before} {at} {after}".split()) for at in ("in the intro", "until bar 9", "in bars 1 to 8")
    ]
    if m.group("section") == "intro":  # nothing comes before the intro
        said = said[1:]
    reason = f"which bars come before {section}: the intro, or up to which bar?"
    return reason, said
