"""Where the learned reading is known to read a phrase backwards, put right before it is weighed (issue 55).

The head reads "give the melody more space" as busier (0.97): "more" beside a part is most often more
notes in what it learned. Room asked for ("more space", "some space", "room to breathe", "breathing
room") is fewer notes in every labelled set that says it, so a reading whose likeliest op is busier
there has busier and simpler swapped: the rules' reading then agrees, or the two are asked about.

Round 33 (w79), two more, each only where the rules read the sentence so: a style said as "more" of a
genre ("make the chords more jazzy", "make the drums a bit more house", "jazzier") is heard by the head
as a dial ("more": louder 0.48, busier 0.84), and the energy dial said of a place ("take the energy up for
the last 8 bars", "lower the energy in the bridge") as another take or a question. There the rules' op
(``set``; ``louder`` or ``softer``) is put first, in the place of the head's likeliest: the style only of a
part named ("make it sound more latin" stays as the two readings weigh it), the energy only of a place with no
part ("regen the drums in the drop, need more fighting energy" stays a new take).

Round 34 (w81): a count of takes asked for ("give me three versions, the artist is picky") read as a listing
of takes (list_takes 0.67) has the rules' ``vary`` put first where no listing is said.

Round 35 (w85): a take praised, then a star asked ("ooh this take of the drums is sick, give it a star") read as
another take (vary 0.64: "sick" and "ooh" beside a part) has the rules' ``star`` put first (``take_words.praised``);
a style no preset holds said right before a part ("dub drums please") read as no request (none 0.78: "dub" the
verb of audio) has the rules' ``make`` put first, so the style is asked (``unknown_slots``), never refused.

Round 33 (lead): a level complained of ("its too quiet overall", "i can't hear the keys", "too hot") read the
other way by the head (softer 0.72 for "too quiet") has softer and louder swapped, unless both are complained of.

Round 36 (w91): a level moved by the direction said after its object ("bring the whole kit down a hair", "turn
the pads up a touch"), read by the rules so and the other way by the head (louder 0.58), has the two swapped.
"""

from __future__ import annotations

import re

from bridge.commands import reader as lr
from bridge.commands import vocab as v
from bridge.commands.intent import Intent
from bridge.commands.means import means_of
from bridge.commands.normalize import normalize
from bridge.commands.setting_words import COMPARATIVES
from bridge.commands.statements import request_said
from bridge.commands.take_words import praised
from bridge.commands.world_styles import NO_PRESET

_ROOM_ASKED = re.compile(r"\b(?:more|some|enough) (?:space|breathing room)\b|\broom to breathe\b")
_SWAPPED = {"busier": "simpler", "simpler": "busier"}
_GENRES = "|".join(sorted((re.escape(g) for g in v.GENRES), key=len, reverse=True))
_BETTER = "|".join(sorted(COMPARATIVES, key=len, reverse=True))
# "more jazzy", "a bit more house", "jazzier": the style is the change, said last ("make the drums house", with
# no "more", stays as weighed: the rules' genre over a word that may name a new beat)
# a section said after it is the place the part is made again ("make the bass more jazzy in the last chorus")
_PLACE = r"(?: (?:in|for|during|on|over) (?:the |my )?(?:\w+ ){0,2}\w+)?"
_STYLE_MORE = re.compile(rf"\b(?:more (?:{_GENRES})|{_BETTER}){_PLACE}\s*(?:please|pls|thanks)?\s*[.!?]*$")
_ENERGY = re.compile(r"\benerg(?:y|etic)\b")
# a level complained of, read the other way by the head ("its too quiet overall": softer 0.72)
_TOO_QUIET = re.compile(r"\btoo (?:quiet|soft)\b|\bcan ?n?o?'?t hear\b|\bbarely hear\b|\bburied\b")
_TOO_LOUD = re.compile(r"\btoo (?:loud|hot)\b")
_LEVELS = {"softer": "louder", "louder": "softer"}
# a level moved by a direction said after its object ("bring the whole kit down a hair": louder 0.58 in the head)
_MOVED = {
    "softer": re.compile(r"\b(?:bring|turn|take|pull|knock|dial|roll|ease)(?: \w+){1,3} down\b"),
    "louder": re.compile(r"\b(?:bring|turn|push|crank|pump|dial)(?: \w+){1,3} up\b"),
}
# a count of takes asked for is made, never listed (the head: list_takes 0.67 for "give me three versions"),
# unless a listing is said ("show me the three versions", "how many versions")
_UNHELD = "|".join(sorted(NO_PRESET))
_PARTS = "|".join(sorted((re.escape(p) for p in v.PARTS), key=len, reverse=True))
# "dub drums please", "some folk chords": a style no preset holds right before a part (the head: "dub" a verb)
_UNHELD_STYLE = re.compile(rf"\b(?:{_UNHELD}) (?:{_PARTS}|beat)s?\b")
_LISTED = re.compile(r"\b(?:list|show|see|display|how many|what|which|have i|got)\b")


def corrected(reading: lr.Reading | None, heard: str, ruled: Intent | None = None) -> lr.Reading | None:
    """``reading`` with a known backwards reading put right (module docstring); otherwise as it was.
    ``ruled``: the rules' reading of ``heard``, which the two later slips must agree with."""
    if reading is None:
        return None
    said = heard.lower()
    if reading.ops[0][0] == "busier" and _ROOM_ASKED.search(said):
        ops = tuple((_SWAPPED.get(op, op), p) for op, p in reading.ops)
        return lr.Reading(ops, reading.target, reading.learned)
    quiet, loud = _TOO_QUIET.search(said) is not None, _TOO_LOUD.search(said) is not None
    if (reading.ops[0][0], quiet, loud) in (("softer", True, False), ("louder", False, True)):
        ops = tuple(
            (_LEVELS.get(op, op), p) for op, p in reading.ops
        )  # "too quiet": louder, whatever the head
        return lr.Reading(ops, reading.target, reading.learned)
    means = means_of(ruled.as_dict()) if ruled is not None and ruled.understood else {}
    way = str(means.get("op"))
    if way in _MOVED and reading.ops[0][0] == _LEVELS[way] and _MOVED[way].search(said):
        if not _MOVED[_LEVELS[way]].search(said):  # "bring the kit down a hair": softer, whatever the head
            return lr.Reading(
                tuple((_LEVELS.get(op, op), p) for op, p in reading.ops), reading.target, reading.learned
            )
    named = means.get("target") not in (None, "this")  # "make it sound more latin": which latin is asked
    request = request_said(heard).lower()  # "make the chords jazzier, the club crowd loves that": the request
    styled = _STYLE_MORE.search(said) or _STYLE_MORE.search(request)
    if means.get("op") == "set" and named and "genre" in means and styled:
        return _first(reading, "set")
    if means.get("op") in ("louder", "softer") and not named and "scope" in means and _ENERGY.search(said):
        return _first(reading, str(means["op"]))
    # "ooh this take of the drums is sick, give it a star": starred, never another take
    starred = means.get("op") == "star" and reading.ops[0][0] in ("vary", "list_takes")
    if starred and praised(normalize(said)[0]):
        return _first(reading, "star")
    if means.get("op") == "make" and reading.ops[0][0] == "none" and _UNHELD_STYLE.search(said):
        return _first(reading, "make")  # "dub drums please": the part made, its style asked
    if means.get("op") == "vary" and means.get("versions") and reading.ops[0][0] == "list_takes":
        return reading if _LISTED.search(said) else _first(reading, "vary")  # "give me three versions": made
    return reading


def _first(reading: lr.Reading, op: str) -> lr.Reading:
    """``reading`` with ``op`` and its likeliest op trading places (their probabilities kept in their ranks)."""
    top = reading.ops[0][0]
    if top == op:
        return reading
    p = dict(reading.ops)
    p[op], p[top] = p[top], p.get(op, 0.0)
    ops = tuple(sorted(p.items(), key=lambda kv: -kv[1]))
    return lr.Reading(ops, reading.target, reading.learned)
