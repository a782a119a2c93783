"""Whether a phrase was said: the one word test every slot reader uses.

Sentences reach the readers normalised (lower case, single spaces, padded with a space at each end),
so a phrase was said when it stands between spaces: ``said(" mute the hats ", "hats")`` is true,
``said(" mute the hats ", "hat")`` is not.
"""

from __future__ import annotations


def said(s: str, *phrases: str) -> bool:
    """Whether any of ``phrases`` stands as whole words in the normalised sentence ``s``."""
    for p in phrases:  # a loop, not any() over a generator: called some 80 times a sentence
        if f" {p} " in s:
            return True
    return False
