"""`/roo/analyze ... apply 1`: set Live's tempo, signature, root and scale from an analysis, carefully.

Live's tempo counts quarter notes whatever the signature, so what is set is the analysis's
``live_tempo_bpm`` (a 6/8 piece with a dotted-quarter pulse of 66.67 is 100 BPM in Live), with
the analysed time signature beside it (a 6/8 piece in a 4/4 Set would put its bar across half a
Live bar). A detected tempo at 2:1, 1:2, 3:2 or 2:3 of Live's tempo is the same music counted at
another level (a beat tracker's usual doubt), so Live keeps its level: it gets the detected tempo
brought to that level (60.2 BPM in a 120 BPM Set sets 120.4), and the done message says so. A key
whose confidence is below ``KEY_CONFIDENCE_MIN``, or that the analysis found too close to another
(``key_ambiguous``: a relative major and minor, say), is reported with its rival, not set.
A meter whose evidence is weak (``meter_ambiguous``, issue 45) is reported with its rival ("3/4 or
6/8?") and the signature is not set (the tempo is, as detected: its level is the tempo's own question).
``force 1`` sets all as detected. Root and scale need Live 12.
"""

from __future__ import annotations

from typing import Any

from bridge.app import App
from bridge.live.client import LiveContext
from engines.analysis.result import NO_KEY, AnalysisResult
from engines.music import parse_key

SCALES_SINCE = (12, 0)  # Song.root_note and Song.scale_name
# detected / Live's tempo -> how the done message names the relation
TEMPO_LEVELS = ((2.0, "2:1"), (0.5, "1:2"), (1.5, "3:2"), (2.0 / 3.0, "2:3"))
# How far (relative) the ratio may sit from an exact level: the analysis's tempo is within 0.4 %
# on 113 of 120 rendered songs (docs/benchmarks/analysis.md), a different song tempo is seldom this close.
TEMPO_LEVEL_TOLERANCE = 0.02
# Below this the key is reported, not applied: see docs/benchmarks/analysis.md, "Key confidence and apply".
KEY_CONFIDENCE_MIN = 0.6


def tempo_level(detected_bpm: float, live_bpm: float) -> tuple[float, str] | None:
    """(ratio, "2:1" ...) when detected_bpm is at one of TEMPO_LEVELS of live_bpm, else None."""
    if detected_bpm <= 0 or live_bpm <= 0:
        return None
    for ratio, name in TEMPO_LEVELS:
        if abs(detected_bpm / (live_bpm * ratio) - 1.0) <= TEMPO_LEVEL_TOLERANCE:
            return ratio, name
    return None


def plan_values(
    result: AnalysisResult, live: LiveContext, *, force: bool
) -> tuple[dict[str, Any], list[str]]:
    """What to set in Live (SETTABLE_CONTEXT names) and notes on what was held back, and why."""
    values: dict[str, Any] = {}
    notes: list[str] = []
    signature = result.time_signature
    held = result.meter_ambiguous and not force and signature is not None
    if held:
        notes.append(meter_question(result))
    elif signature is not None and signature != (live.signature_numerator, live.signature_denominator):
        values["signature_numerator"], values["signature_denominator"] = signature
    detected = result.live_tempo_bpm  # quarter notes a minute, as Live counts
    if detected is not None:
        # a level is Live's own only while the bar stays: with a new signature the tempo is the music's
        same_bar = "signature_numerator" not in values
        level = None if force or not same_bar else tempo_level(detected, live.tempo_bpm)
        if level is None:
            values["tempo_bpm"] = round(detected, 2)
            if result.tempo_bpm is not None and abs(detected - result.tempo_bpm) > 0.005:
                num, den = signature or (4, 4)
                notes.append(
                    f"the clip's pulse of {result.tempo_bpm:.2f} BPM counts "
                    f"{'dotted quarters' if detected > result.tempo_bpm else 'eighths'} in {num}/{den}: "
                    f"{detected:.2f} BPM in Live's quarter notes"
                )
        else:
            ratio, name = level
            values["tempo_bpm"] = round(detected / ratio, 2)
            notes.append(
                f"Live keeps its tempo level: the detected {detected:.2f} BPM is {name} of Live's "
                f"{live.tempo_bpm:g} BPM (force 1 sets {detected:.2f})"
            )
    if result.key != NO_KEY:
        if live.version_tuple < SCALES_SINCE:
            notes.append("root and scale need Live 12")
        elif result.key_confidence < KEY_CONFIDENCE_MIN and not force:
            named = [result.key, *(k for k, _ in result.key_alternatives[:3])]
            rival = f": {', '.join(named[:-1])} or {named[-1]}?" if len(named) > 1 else ""
            notes.append(
                f"key {result.key} not applied: its confidence {result.key_confidence:.2f} is below "
                f"{KEY_CONFIDENCE_MIN:g}{rival} (force 1 applies it)"
            )
        elif result.key_ambiguous and not force:
            rivals = " or ".join(f"{k} ({c:.2f})" for k, c in result.key_alternatives) or "another key"
            notes.append(
                f"key {result.key} ({result.key_confidence:.2f}) not applied: too close to {rivals} "
                "to choose (force 1 applies it)"
            )
        else:
            key = parse_key(result.key)
            values["root_note"], values["scale_name"] = key.tonic, key.scale
    return values, notes


def meter_name(signature: tuple[int, int] | None) -> str:
    return "no meter" if signature is None else f"{signature[0]}/{signature[1]}"


def meter_question(result: AnalysisResult) -> str:
    """'meter 3/4 or 6/8? not applied ...': the held meter, its rival and what force does."""
    rival = result.meter_rival
    if rival is None:
        return f"meter {meter_name(result.time_signature)}? not applied: its evidence is weak (force 1 applies it)"
    chosen = f"{meter_name(result.time_signature)} at {result.live_tempo_bpm or 0:.1f} BPM"
    other = f"{meter_name(rival[0])} at {rival[1]:.1f} BPM"
    return (
        f"meter {meter_name(result.time_signature)}{result.rival_asked} not applied: {chosen} "
        f"({result.meter_confidence:.2f}) against {other} ({rival[2]:.2f}) (force 1 applies "
        f"{meter_name(result.time_signature)})"
    )


async def apply_to_live(app: App, values: dict[str, Any], notes: list[str]) -> str:
    """Set what plan_values chose; says what was set and what was held back."""
    if values:
        await app.live.set_context(**values)
        said = "set Live's " + ", ".join(f"{k} {v}" for k, v in values.items())
    else:
        said = "nothing set in Live" if notes else "nothing to set in Live (no tempo and no key found)"
    return "; ".join([said, *notes])
