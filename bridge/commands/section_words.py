"""Sections said the producer's way (issue 55): "the hook", "the refrain", "the middle 8" said as the
names the cue points carry, before anything reads the sentence (``agree.heard_as`` takes it, so the
rules and the learned reading both read "the chorus" or "the bridge").

What is read, and what never is:

- "the hook" is the chorus where a place is meant: after "in", "into", "for", "over", "during",
  "through", "throughout", "across", "before", "after" or "till" ("the kick is too loud in the hook",
  "a melody for the hook"), with an ordinal ("the second hook", "the last hook", "hook 2"), or counted
  ("every hook", "both hooks"); said as a thing ("vary the hook", "another take on the hook", "make the
  hook louder", takes of it: "3 options for the hook") it stays the melody (``vocab.PARTS``);
- "the refrain" (a noun after an article, an ordinal or a place word; "refrain from" is left alone) is
  the chorus wherever it is said;
- "the middle 8" / "the middle eight" is the bridge.

A sentence with none of these is returned as it was.
"""

from __future__ import annotations

import re

_ORDS = r"first|second|third|fourth|fifth|last|final|next|1st|2nd|3rd|4th|5th|opening|closing|other|same"
_PLACE = r"in|into|for|over|during|through|throughout|across|before|after|till|until|within"
_ART = r"the|this|that|my|our|a"
# "in the hook", "for the second hook", "through the last hook"
_HOOK_PLACE = re.compile(rf"\b((?:{_PLACE}) (?:(?:{_ART}) )?(?:(?:{_ORDS}) )?)hook(s?)\b", re.I)
# "the second hook", "the last hook", "hook 2": an ordinal makes it a place
_HOOK_NTH = re.compile(rf"\b((?:{_ART}) (?:{_ORDS}) )hook\b|\bhook(?= (?:\d|one|two|three|four)\b)", re.I)
# "every hook", "each hook", "both hooks", "all the hooks"
_HOOK_EVERY = re.compile(r"\b((?:every|each|both(?: the)?|all(?: of)? the) )hook(s?)\b", re.I)
_REFRAIN = re.compile(
    rf"\b((?:{_ART}|{_PLACE}|every|each|both|{_ORDS}) (?:(?:{_ORDS}) )?)refrain(s?)\b(?! from)", re.I
)
# "3 options for the hook", "ideas for a hook": takes of the hook, the melody, said as a thing
_HOOK_TAKES = re.compile(
    r"\b(options|ideas|versions|takes|variations|choices|alternatives|suggestions) for ((?:the|a|my) )hook\b",
    re.I,
)
_MIDDLE_8 = re.compile(r"\bmiddle (?:8|eight)(s?)\b", re.I)


def _chorus(m: re.Match[str]) -> str:
    return m.group(1) + "chorus" + ("es" if m.group(2) else "")


def sections_named(text: str) -> str:
    """The sentence with "the hook", "the refrain", "the middle 8" said as cue points name them
    (module docstring)."""
    if not re.search(r"hook|refrain|middle", text, re.I):
        return text
    text = _HOOK_TAKES.sub(r"\1 of \2hook", text)
    text = _HOOK_PLACE.sub(_chorus, text)
    text = _HOOK_EVERY.sub(_chorus, text)
    text = _HOOK_NTH.sub(lambda m: (m.group(1) or "") + "chorus", text)
    text = _REFRAIN.sub(_chorus, text)
    return _MIDDLE_8.sub(lambda m: "bridge" + ("s" if m.group(1) else ""), text)
