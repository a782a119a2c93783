"""Issue 54: the key a transcription leans on is the one someone chose, or none (``transcribe.key``).
Live's C Major with Scale Mode off is only a new Set's default; Scale Mode on, a root and scale set
away from it, or this Set's analysed key (while Live's key is as it was then) are chosen ones."""

from __future__ import annotations

from bridge.actions.transcribe.key import known_key
from bridge.live.replies import LiveContext


def _live(root: int = 0, scale: str = "Major") -> LiveContext:
    return LiveContext(120.0, 4, 4, root, scale, 0, 0, 0.0, 0, 2, 8, "12.3.6")


def test_live_s_default_c_major_with_scale_mode_off_is_no_key() -> None:
    assert known_key(_live(), False) is None
    assert known_key(_live(), None) is None  # a Live without the switch (before 12.0.5)


def test_scale_mode_on_makes_live_s_key_the_producer_s() -> None:
    assert known_key(_live(), True) == "C major"
    assert known_key(_live(9, "Minor"), True) == "A minor"


def test_a_key_set_away_from_the_default_counts_with_scale_mode_off() -> None:
    assert known_key(_live(9, "Minor"), False) == "A minor"
    assert known_key(_live(0, "Dorian"), None) == "C dorian"
    assert known_key(_live(2, "Major"), False) == "D major"


def test_an_analysed_key_counts_while_live_s_key_is_as_it_was_then() -> None:
    assert known_key(_live(), False, (0, "Major", "A minor")) == "A minor"
    assert known_key(_live(), False, (0, "Major", "N")) is None  # the analysis heard no key
    # Live's key was A minor then and is the default now: someone changed it since
    assert known_key(_live(), False, (9, "Minor", "A minor")) is None


def test_the_producer_s_key_wins_over_an_analysed_one() -> None:
    assert known_key(_live(7, "Major"), False, (7, "Major", "E minor")) == "G major"
    assert known_key(_live(), True, (0, "Major", "E minor")) == "C major"


def test_a_scale_the_engines_do_not_know_gives_no_key() -> None:
    assert known_key(_live(0, "Not A Scale"), True) is None
