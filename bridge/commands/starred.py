"""A slip corrected the way a chat corrects it (issue 55): a word typed with a star before it, right
after the slip, is the word meant in its place ("mute the base *bass" is "mute the bass", "swing the
hast *hats a bit" is "swing the hats a bit"), before anything reads the sentence (``heard.heard_as``).

What is read, and what never is:

- a star before a word, with a word before it ("the base *bass", "the base, *bass"): the word before
  (and a mark after it) is dropped, the starred word kept without its star; said first ("*bass") there
  is nothing to correct and only the star goes;
- a word between two stars is emphasis ("make it *really* loud"), read without its stars; a star alone
  ("4 * 4") or inside a word is left as typed.

A sentence with none of these is returned as it was.
"""

from __future__ import annotations

import re

# a word, then the same sentence's next word typed with a star before it (and no star after it)
_CORRECTED = re.compile(r"(?<![\w*])[\w'#-]+[,;.]?\s+\*([A-Za-z][\w'#-]*)(?![\w*])")
# emphasis: "*really*", "**really**"
_EMPHASIS = re.compile(r"(?<![\w*])\*{1,2}([A-Za-z][\w' -]*?)\*{1,2}(?![\w*])")
# a star before a word with nothing before it to correct
_LONE = re.compile(r"(?:^|(?<=[\s,.;:!?]))\*(?=[A-Za-z])")


def corrected(text: str) -> str:
    """``text`` with each starred correction put in place of the word before it (module docstring)."""
    if "*" not in text:
        return text
    text = _EMPHASIS.sub(r"\1", text)
    text = _CORRECTED.sub(r"\1", text)
    return _LONE.sub("", text)
