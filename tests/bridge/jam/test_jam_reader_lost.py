"""A reader thrown out of JACK before it wrote its recording is run once more, and said so."""

from __future__ import annotations

import pytest

from tests.bridge.jam import conftest
from tests.bridge.jam.conftest import ReaderLost, once_more_if_lost


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The rerun lines, kept here instead of the run's own rerun list (these are no real reruns)."""
    lines: list[str] = []
    monkeypatch.setattr(conftest, "record_rerun", lines.append)
    return lines


def test_a_reader_lost_once_runs_the_scenario_once_more(said: list[str]) -> None:
    runs: list[int] = []

    def scenario() -> tuple[list[object], list[object], str]:
        runs.append(1)
        if len(runs) == 1:
            raise ReaderLost("the reader wrote no recording (exit code 1)")
        return [], [], "second run"

    _, extra = once_more_if_lost(scenario)  # type: ignore[arg-type]
    assert extra == "second run" and len(runs) == 2
    assert said == ["the reader wrote no recording (exit code 1): the run is repeated once"]


def test_a_reader_lost_twice_fails(said: list[str]) -> None:
    def scenario() -> tuple[list[object], list[object], str]:
        raise ReaderLost("the reader wrote no recording (exit code 1)")

    with pytest.raises(ReaderLost):
        once_more_if_lost(scenario)  # type: ignore[arg-type]
