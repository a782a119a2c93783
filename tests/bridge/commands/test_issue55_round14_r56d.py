"""Issue 55, round 14 (r56d): a transcription's target the rules lost where the op was right (a misread acted).

- a stem of a recording said with "off" / "on" ("grab the guitar off this recording as midi") or after the
  recording ("this song's vocal into midi") is the stem transcribed, not the clip's kind of audio;
- hand drums said of the audio ("this conga loop into midi") are the drums transcribed.

Every sentence is the engineer's own, none from a blind set; each ``FIXED`` one was read otherwise before
this change (checked by running this file with the change reverted), each ``KEPT`` one must not change.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.bridge.commands.meant import case, read

FIXED = [
    case("grab the guitar off this recording as midi", op="transcribe", target="guitar"),
    case("this song's vocal into midi please", op="transcribe", target="vocals"),
    case("take this recording vocal line to midi", op="transcribe", target="vocals"),
    case("convert this conga loop into midi", op="transcribe", target="drums"),
    case("turn my djembe recording into midi", op="transcribe", target="drums"),
]
KEPT = [
    case("pull the bass off of this sample into midi notes", op="transcribe", target="bass"),
    case("turn this bass loop into midi", op="transcribe", target="bass"),
    case("turn this sample into midi", op="transcribe", target="this"),
    # a vocal sample, no stem of one
    case("turn the vocal sample into midi", op="transcribe", target="melody"),
    case("turn the vocal in this recording into midi", op="transcribe", target="vocals"),
]


@pytest.mark.parametrize(("text", "want"), FIXED + KEPT)
def test_read(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want
