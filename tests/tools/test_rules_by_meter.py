"""tools/corpus/rules_by_meter on a corpus of three pieces written here."""

from __future__ import annotations

import json
from pathlib import Path

from tools.corpus import rules_by_meter


def _corpus(folder: Path) -> None:
    truth = [
        {"name": "a", "time_signature": [6, 8], "bar_s": 1.5, "live_tempo_bpm": 120.0, "genre": "pop"},
        {"name": "b", "time_signature": [6, 8], "bar_s": 1.5, "live_tempo_bpm": 120.0, "genre": "jazz"},
        {"name": "c", "time_signature": [3, 4], "bar_s": 1.5, "live_tempo_bpm": 120.0, "genre": "jazz"},
    ]
    readings = [
        {"signature": [6, 8], "bar_s": 1.5, "live_tempo_bpm": 121.0},  # right
        {"signature": [3, 4], "bar_s": 1.5, "live_tempo_bpm": 80.0},  # the bar right, grouped in three
        {"signature": [3, 4], "bar_s": 3.0, "live_tempo_bpm": 60.0},  # at half tempo
    ]
    (folder / "manifest.json").write_text(json.dumps({"pieces": truth}))
    (folder / "rows.json").write_text(
        json.dumps([{"name": t["name"], "before": r} for t, r in zip(truth, readings, strict=True)])
    )


def test_each_meter_counts_right_readings_and_what_was_said(tmp_path: Path) -> None:
    _corpus(tmp_path)
    pieces = rules_by_meter.scored(tmp_path)
    table = rules_by_meter.meter_table(pieces)
    assert "| 6/8 | 2 | 0.500 | 1.000 | 0.500 | 6/8 1, 3/4 1 |" in table
    assert "| 3/4 | 1 | 1.000 | 0.000 | 0.000 | 3/4 1 |" in table
    assert "| all | 3 | 0.667 | 0.667 | 0.333 |" in table[-1]
    grid = rules_by_meter.genre_grid(pieces)
    assert grid[0] == "| genre | 3/4 | 6/8 |"
    assert "| jazz | 0/1 | 0/1 |" in grid and "| pop | 0/0 | 1/1 |" in grid
