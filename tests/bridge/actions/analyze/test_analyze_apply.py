"""What `/roo/analyze ... apply 1` sets in Live: tempo levels, unsure keys, force; and the options."""

from __future__ import annotations

from typing import Any

import pytest

from bridge.actions.analyze.apply import KEY_CONFIDENCE_MIN, plan_values, tempo_level
from bridge.actions.analyze.job import parse_request
from bridge.live.replies import LiveContext
from engines.analysis.result import AnalysisResult
from engines.errors import InvalidValue


def live(tempo_bpm: float = 120.0, version: str = "12.3.6") -> LiveContext:
    return LiveContext(tempo_bpm, 4, 4, 0, "Major", 0, 0, 0.0, 0, 6, 8, version)


def result(tempo_bpm: float | None, key: str = "A minor", confidence: float = 0.9) -> AnalysisResult:
    return AnalysisResult(20.0, 44100, tempo_bpm, (), (), (4, 4), key, confidence, (), "madmom")


@pytest.mark.parametrize(
    ("detected", "level"),
    [
        (240.0, (2.0, "2:1")),
        (60.3, (0.5, "1:2")),
        (181.0, (1.5, "3:2")),
        (80.0, (2.0 / 3.0, "2:3")),
        (120.0, None),  # the same level
        (76.0, None),  # a different tempo, not a level of Live's
        (175.0, None),  # 3:2 would be 180: 2.8 % off is another tempo
        (91.0, None),
    ],
)
def test_tempo_levels(detected: float, level: tuple[float, str] | None) -> None:
    assert tempo_level(detected, 120.0) == level


def test_a_tempo_at_a_level_of_live_s_keeps_the_level_and_says_so() -> None:
    values, notes = plan_values(result(60.3), live(), force=False)
    assert values["tempo_bpm"] == 120.6
    assert notes == [
        "Live keeps its tempo level: the detected 60.30 BPM is 1:2 of Live's 120 BPM (force 1 sets 60.30)"
    ]
    assert plan_values(result(60.3), live(), force=True)[0]["tempo_bpm"] == 60.3
    assert plan_values(result(76.0), live(), force=False) == (
        {"tempo_bpm": 76.0, "root_note": 9, "scale_name": "Minor"},
        [],
    )


def test_an_unsure_key_is_reported_not_set_unless_forced() -> None:
    unsure = result(100.0, "C major", KEY_CONFIDENCE_MIN - 0.01)
    values, notes = plan_values(unsure, live(), force=False)
    assert values == {"tempo_bpm": 100.0}
    assert notes == ["key C major not applied: its confidence 0.59 is below 0.6 (force 1 applies it)"]
    assert plan_values(unsure, live(), force=True)[0] == {
        "tempo_bpm": 100.0,
        "root_note": 0,
        "scale_name": "Major",
    }
    sure = result(100.0, "C major", KEY_CONFIDENCE_MIN)
    assert plan_values(sure, live(), force=False)[0]["scale_name"] == "Major"


def test_no_key_and_live_11() -> None:
    assert plan_values(result(None, "N", 0.0), live(), force=False) == ({}, [])
    values, notes = plan_values(result(100.0), live(version="11.3.0"), force=False)
    assert values == {"tempo_bpm": 100.0} and notes == ["root and scale need Live 12"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], (-1, -1, False, False, False, False)),
        (["warp", 1], (-1, -1, False, False, True, False)),
        ([2, 0, "apply", 1, "force", 1], (2, 0, True, True, False, False)),
        ([-1, -1, "arrangement", 1, "warp", 1], (-1, -1, False, False, True, True)),
    ],
)
def test_the_switches_parse(args: list[Any], expected: tuple[Any, ...]) -> None:
    req = parse_request(args)
    assert (req.track, req.slot, req.apply, req.force, req.warp, req.arrangement) == expected


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["warp", 2], "option warp 2 is out of range: expected 0..1"),
        (["force", 1], "force 1 changes what apply 1 sets: expected apply 1 with it"),
        (["arrangement", "yes"], "option arrangement = 'yes' is not valid: expected int"),
        (["warp"], "name value pairs"),
    ],
)
def test_bad_switches_are_named(args: list[Any], named: str) -> None:
    with pytest.raises(InvalidValue, match=named):
        parse_request(args)


def test_a_key_too_close_to_its_relative_is_held_unless_forced() -> None:
    """Issue 32: an Em-C-G-D loop read as G major at 0.62 beside E minor is reported with both."""
    close = AnalysisResult(
        20.0, 44100, 100.0, (), (), (4, 4), "G major", 0.62, (), "madmom",
        key_alternatives=(("E minor", 0.58),), key_ambiguous=True,
    )  # fmt: skip
    values, notes = plan_values(close, live(), force=False)
    assert values == {"tempo_bpm": 100.0}  # the tempo is set, the key is not
    assert notes == [
        "key G major (0.62) not applied: too close to E minor (0.58) to choose (force 1 applies it)"
    ]
    assert plan_values(close, live(), force=True)[0] == {
        "tempo_bpm": 100.0,
        "root_note": 7,
        "scale_name": "Major",
    }


def test_a_compound_reading_sets_quarter_notes_and_the_signature() -> None:
    """66.67 dotted quarters a minute in 6/8 is 100 BPM in Live, in 6/8, whatever Live's tempo was."""
    six_eight = AnalysisResult(20.0, 44100, 66.667, (), (), (6, 8), "N", 0.0, (), "madmom")
    values, notes = plan_values(six_eight, live(120.0), force=False)
    assert values == {"tempo_bpm": 100.0, "signature_numerator": 6, "signature_denominator": 8}
    assert notes == [
        "the clip's pulse of 66.67 BPM counts dotted quarters in 6/8: 100.00 BPM in Live's quarter notes"
    ]
    # a level of Live's tempo is kept only while the bar stays (here 4/4 -> 3/4: the music's tempo)
    waltz = AnalysisResult(20.0, 44100, 60.3, (), (), (3, 4), "N", 0.0, (), "madmom")
    assert plan_values(waltz, live(120.0), force=False)[0]["tempo_bpm"] == 60.3


def test_an_unsure_meter_is_asked_not_set_unless_forced() -> None:
    """Issue 45: 3/4 held against 6/8, 2/4 against 4/4 at half the tempo: the signature is not set, the
    tempo is (its level is the tempo's own question); force 1 sets the reading."""
    held = AnalysisResult(20.0, 44100, 100.0, (), (), (3, 4), "N", 0.0, (), "madmom", meter_confidence=0.52,
                          meter_ambiguous=True, meter_rival=((6, 8), 100.0, 0.41))  # fmt: skip
    values, notes = plan_values(held, live(), force=False)
    assert values == {"tempo_bpm": 100.0}
    assert notes[0].startswith(
        "meter 3/4 or 6/8? not applied: 3/4 at 100.0 BPM (0.52) against 6/8 at 100.0 BPM"
    )
    assert notes[0].endswith("(force 1 applies 3/4)")
    forced, _ = plan_values(held, live(), force=True)
    assert forced == {"signature_numerator": 3, "signature_denominator": 4, "tempo_bpm": 100.0}
    other_tempo = AnalysisResult(20.0, 44100, 130.0, (), (), (2, 4), "N", 0.0, (), "madmom",
                                 meter_ambiguous=True, meter_rival=((4, 4), 65.0, 0.4))  # fmt: skip
    values, notes = plan_values(other_tempo, live(), force=False)
    assert values == {"tempo_bpm": 130.0} and notes[0].startswith("meter 2/4 or 4/4? not applied")
    sure = AnalysisResult(20.0, 44100, 130.0, (), (), (2, 4), "N", 0.0, (), "madmom")
    assert plan_values(sure, live(), force=False)[0] == {
        "signature_numerator": 2, "signature_denominator": 4, "tempo_bpm": 130.0,
    }  # fmt: skip


def test_a_rival_in_the_same_signature_is_asked_by_its_tempo() -> None:
    """A 60 BPM take read 4/4 against 4/4 at 120 (bars half as long): asked "4/4 (or 120.0 BPM?)",
    never "4/4 or 4/4?" (the docs' example showed it until round 38)."""
    slow = AnalysisResult(26.8, 44100, 60.18, (), (), (4, 4), "N", 0.0, (), "madmom", meter_confidence=1.0,
                          meter_ambiguous=True, meter_rival=((4, 4), 120.0, 0.06))  # fmt: skip
    assert slow.rival_asked == " (or 120.0 BPM?)"
    _, notes = plan_values(slow, live(), force=False)
    assert notes[0] == (
        "meter 4/4 (or 120.0 BPM?) not applied: 4/4 at 60.2 BPM (1.00) against 4/4 at 120.0 BPM (0.06) "
        "(force 1 applies 4/4)"
    )
    other = AnalysisResult(20.0, 44100, 100.0, (), (), (3, 4), "N", 0.0, (), "madmom",
                           meter_ambiguous=True, meter_rival=((6, 8), 100.0, 0.41))  # fmt: skip
    assert other.rival_asked == " or 6/8?"
