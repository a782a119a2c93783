"""A MIDI clip's key is never confidently wrong (issue 47): it is right, or held with its rival.

The five clips the issue found read wrong at 0.72-0.84, regenerated with ``roo generate`` and the
seeds that reproduce those readings on the engine before, read back with ``roo analyze --json``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bridge.cli import main
from engines.music import Key, Note, parse_key
from engines.symbolic import describe

APPLY = 0.6  # bridge.actions.analyze.apply.KEY_CONFIDENCE_MIN

# (part, key, genre, seed, what the engine before read, confidently)
ISSUE_CASES = (
    ("bass", "E minor", "funk", 1, "A major 0.84"),
    ("bass", "D minor", "funk", 4, "G major 0.81"),
    ("bass", "C major", "drum-and-bass", 2, "F major 0.81"),
    ("chords", "C major", "funk", 5, "C dorian 0.73"),
    ("melody", "B minor", "house", 7, "A dorian 0.72"),
)


def analysed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], part: str, key: str, genre: str, seed: int
) -> dict:
    out = tmp_path / f"{part}.mid"
    args = ["generate", part, "--key", key, "--genre", genre, "--bars", "8", "--seed", str(seed)]
    assert main([*args, "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["analyze", str(out), "--json"]) == 0
    return dict(json.loads(capsys.readouterr().out))


@pytest.mark.parametrize(("part", "key", "genre", "seed", "before"), ISSUE_CASES)
def test_the_issues_clips_are_right_or_held_with_the_key_among_the_rivals(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    part: str,
    key: str,
    genre: str,
    seed: int,
    before: str,
) -> None:
    data = analysed(tmp_path, capsys, part, key, genre, seed)
    read, confidence = data["key"], data["key_confidence"]
    rivals = [alt["key"] for alt in data["key_alternatives"]]
    said = f"{part} in {key}: read {read} {confidence:.2f}, rivals {rivals} (before: {before})"
    if read == key:
        return
    assert confidence < APPLY, "confidently wrong: " + said
    assert key in rivals, "held, but the true key is not among the rivals: " + said


def test_the_json_keeps_its_fields_and_adds_the_rivals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = analysed(tmp_path, capsys, "chords", "A minor", "pop", 3)
    assert {"key", "key_confidence", "key_from_file", "chords", "role", "backend"} <= set(data)
    assert data["key_alternatives"], data
    assert all(set(alt) == {"key", "confidence"} for alt in data["key_alternatives"])
    assert data["key_alternatives"][0]["confidence"] <= data["key_confidence"]


def bass_of_roots_and_fifths(tonic: int) -> list[Note]:
    """Two bars on the tonic, one on the fourth, one on the fifth: roots, fifths and octaves, no third."""
    notes = []
    for bar, root in enumerate((tonic, tonic, tonic + 5, tonic + 7) * 2):
        for beat, step in enumerate((0, 7, 12, 7)):
            notes.append(Note(36 + root + step, bar * 4.0 + beat, 0.9, 100))
    return notes


@pytest.mark.parametrize("tonic", [4, 2, 9])
def test_a_bass_without_a_third_is_held_naming_its_rival(tonic: int) -> None:
    from engines.symbolic.keys import read_key

    reading = read_key(bass_of_roots_and_fifths(tonic))
    assert reading.mode_open
    assert reading.confidence < APPLY, reading
    assert reading.alternatives, reading
    assert " or " in reading.said() and reading.said().endswith("?")


def test_a_bass_with_its_third_is_not_held_for_an_open_mode() -> None:
    from engines.symbolic.keys import read_key

    notes = bass_of_roots_and_fifths(4)
    notes += [Note(43, 32.0 + beat, 0.9, 100) for beat in range(4)]  # G: E minor's third
    notes += [Note(47, 36.0, 2.0, 100), Note(40, 38.0, 2.0, 100)]  # B to E: a cadence home
    ctx = describe(notes, 40.0)
    assert ctx.key == parse_key("E minor") and not ctx.mode_open, ctx
    assert ctx.key_confidence > read_key(bass_of_roots_and_fifths(4)).confidence


def test_said_names_the_rival_only_when_held() -> None:
    ctx = describe(bass_of_roots_and_fifths(4), 32.0)
    said = ctx.key_said(APPLY)
    # "held" is said with what it means: the key is not set, and below which confidence
    held = f", held: not sure enough to set as the song's key (confidence below {APPLY:g}): {ctx.key}, "
    assert said.startswith(f"{ctx.key} ({ctx.key_confidence:.2f}{held}"), said
    assert ctx.key_said(0.0) == f"{ctx.key} ({ctx.key_confidence:.2f})"
    assert Key(4, "Minor") in {ctx.key, *(k for k, _ in ctx.key_alternatives)}


def test_the_text_summary_says_a_held_key_with_its_rivals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = analysed(tmp_path, capsys, "bass", "E minor", "funk", 1)
    assert main(["analyze", str(tmp_path / "bass.mid")]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("key:"))
    rivals = [alt["key"] for alt in data["key_alternatives"][:3]]
    held = f"held: not sure enough to set as the song's key (confidence below {APPLY:g}): "
    assert f"{held}{data['key']}, {rivals[0]}, {rivals[1]} or {rivals[2]}?" in line, line
