"""A running job called off by name (issue 55): "cancel the stem split", "abort the audio loop", "kill the
render, it takes forever", "stop the stems job". The verb comes first and what it stops is one of the
daemon's long jobs (a split, a loop, a render, a transcription, a generation), so it is a cancel, never a
new loop made nor the stems taken out. Stdlib only."""

from __future__ import annotations

import re

_LEAD = r"^\s*(?:(?:ok|okay|please|pls|just|actually|hey|yo|no|nah|wait|(?:can|could) (?:you|u))\s+)*"
_VERB = r"(?:cancel|abort|kill|stop|halt|scrap|call off)"
_JOB = (
    r"(?:stems?(?: split| separation| job)?|stem split(?:ting)?|split(?:ting)?|separation|separating|"
    r"audio loop(?: job| render)?|loop (?:job|render)|musicgen(?: job)?|render(?:ing)?|transcription|"
    r"generation|generating|analysis|job|process)"
)
_CANCELLED = re.compile(_LEAD + _VERB + r" (?:the|that|this|my|your) " + _JOB + r"(?= |$)")


def cancels_job(s: str) -> bool:
    """Whether a normalised sentence opens by calling off one of the daemon's jobs by name."""
    return _CANCELLED.search(s.strip()) is not None
