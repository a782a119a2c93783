"""The studio benchmark's voice families (tools/bench/voice_tts.py) and its peers read from kept decodes
(voice_studio_rules: Whisper's best transcript alone, how often some candidate was right). No TTS engine
runs here: Flite and Festival are the benchmark's, not installed by CI."""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.safety import spoken
from bridge.commands.spoken_agree import Candidate
from tools.bench.voice_studio import HELD_OUT_VOICES, TUNE_VOICES
from tools.bench.voice_studio_rules import reachable, whisper_decision
from tools.bench.voice_tts import FAMILIES, family_of, voices


def test_no_voice_and_no_speaker_is_on_both_sides() -> None:
    tune = [v for t, _ in FAMILIES.values() for v in t]
    held = [v for _, h in FAMILIES.values() for v in h]
    assert all(t and h for t, h in FAMILIES.values())
    assert not {v.label for v in tune} & {v.label for v in held}
    assert not {v.speaker for v in tune} & {v.speaker for v in held}
    assert len({v.label for v in tune + held}) == len(tune + held)


def test_espeak_voices_keep_the_names_earlier_decodes_were_kept_under() -> None:
    assert TUNE_VOICES == (("en-us", 165), ("en-gb-x-rp+f4", 185))
    assert HELD_OUT_VOICES == (("en-us+f2", 150), ("en-gb-scotland+m3", 175))
    assert family_of("en-us+f2") == "espeak"
    assert family_of("festival-cmu_us_slt_arctic_hts") == "festival"
    with pytest.raises(ValueError, match="'flite-nobody'"):
        family_of("flite-nobody")


def test_an_unknown_family_is_named_with_the_families_expected() -> None:
    with pytest.raises(ValueError, match=r"\['piper'\].*espeak.*festival.*flite"):
        voices(["espeak", "piper"])


def _row(said: str, *whisper: str) -> dict[str, Any]:
    return {"entry": {"intent": parse(said).as_dict()}, "whisper": [{"text": t} for t in whisper]}


def test_whisper_alone_acts_on_its_best_transcript_as_the_parser_reads_it() -> None:
    decision = whisper_decision(
        _row("make the drums calmer", " Make the drums calmer.", " Make the drums busier.")
    )
    assert decision.kind == "act"
    assert decision.intent.as_dict() == spoken(parse("make the drums calmer")).as_dict()
    second = whisper_decision(
        _row("make the drums calmer", " Make the drums busier.", " Make the drums calmer.")
    )
    assert second.kind == "act" and second.intent.as_dict() == parse("make the drums busier").as_dict()
    assert whisper_decision(_row("stop", " Man in the doors.")).kind == "refuse"
    assert whisper_decision(_row("stop")).kind == "refuse"


def test_some_candidate_right_counts_rows_where_any_candidate_is_the_command_meant() -> None:
    def found(*said: str) -> tuple[list[Candidate], float]:
        return [Candidate(parse(s), s, -1.0) for s in said], -1.0

    rows = [_row("stop"), _row("play"), _row("undo that")]
    rows[0]["_found"] = found("play", "stop")  # the right one second: still reachable
    rows[1]["_found"] = found("stop")
    rows[2]["_found"] = found()
    assert reachable(rows) == pytest.approx(1 / 3)
