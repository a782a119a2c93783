"""`/roo/analyze ... warp 1`: warp the analysed clip so its bars land on Live's bar lines.

The markers come from ``engines.warping.plan_warp`` (the clip's first downbeat on its start
marker, each later downbeat on the next bar line of the Set's signature) and go to the Remote
Script in one message, written as one undo step. The clip's analysed chords are then read
through the same markers, so the song context changes chords on the Set's bar lines. An
arrangement clip keeps its place (Live's API cannot move one), so it must start on a bar line.
"""

from __future__ import annotations

from dataclasses import dataclass

from bridge.actions.clips.audio import AudioClip
from bridge.app import App
from engines.analysis.result import AnalysisResult
from engines.errors import InvalidValue
from engines.music import Chord
from engines.warping import WarpPlan, chords_through, plan_warp

ON_BAR_BEATS = 1e-6  # how far an arrangement clip's start may sit from a bar line


@dataclass(frozen=True, slots=True)
class Warped:
    plan: WarpPlan
    chords: tuple[Chord, ...]  # in beats from the clip's new start marker
    summary: str


def region(clip: AudioClip, result: AnalysisResult) -> tuple[float, float]:
    """The analysed region in seconds of the file (the whole file when Live's markers do not say).

    Its end is the clip's end marker, or less where the file ends sooner (the analysis's duration
    is rounded to 0.1 ms, so it may reach a little past the last sample).
    """
    start = clip.start_s if clip.start_s is not None else 0.0
    end = start + result.duration_s
    return start, end if clip.end_s is None else min(end, clip.end_s)


def plan_for(clip: AudioClip, result: AnalysisResult, signature: tuple[int, int]) -> WarpPlan:
    """The plan for this clip; InvalidValue (naming the clip) when it cannot be warped to the Set."""
    start_s, end_s = region(clip, result)
    try:
        plan = plan_warp(
            result.beats_s,
            result.downbeats_s,
            beats_per_bar=result.beats_per_bar or signature[0],  # none: refused for want of downbeats
            signature=signature,
            region_start_s=start_s,
            region_end_s=end_s,
        )
    except InvalidValue as exc:
        meter = result.time_signature
        if meter is not None and tuple(meter) != tuple(signature):
            raise InvalidValue(
                f"{clip.where} cannot be warped to the song: the clip is in {meter[0]}/{meter[1]} and the "
                f"Set in {signature[0]}/{signature[1]}, so its bars cannot land on the Set's bar lines; "
                f"set Live to {meter[0]}/{meter[1]} (apply 1 warp 1 sets it"
                + (", with force 1: the meter is held as unsure" if result.meter_ambiguous else "")
                + ") and warp again"
            ) from exc
        raise InvalidValue(f"{clip.where} cannot be warped to the song: {exc}") from exc
    position = clip.info.start_time_beats
    if clip.arrangement and position >= 0.0:
        off = position % plan.bar_beats
        if min(off, plan.bar_beats - off) > ON_BAR_BEATS:
            below = position - off
            raise InvalidValue(
                f"{clip.where} starts at beat {position:g} of the arrangement, not on a bar line "
                f"({below:g} or {below + plan.bar_beats:g}): its first downbeat plays where it starts, and "
                "Live's API cannot move an arrangement clip; move it onto a bar line and warp again"
            )
    return plan


async def warp_to_song(
    app: App, clip: AudioClip, result: AnalysisResult, plan: WarpPlan, tempo_bpm: float
) -> Warped:
    """Write plan into the clip (one undo step) and read the analysed chords through it."""
    count = await app.live.write_warp_markers(
        clip.track,
        clip.slot,
        clip.arrangement,
        plan.markers,
        start_beats=plan.start_beats,
        end_beats=plan.end_beats,
        loop_start_beats=plan.loop[0],
        loop_end_beats=plan.loop[1],
    )
    start_s, _ = region(clip, result)
    chords = chords_through(
        result.chords,
        plan.markers,
        region_start_s=start_s,
        start_beats=plan.start_beats,
        end_beats=plan.end_beats,
    )
    speed = ""
    if result.tempo_bpm:
        ratio = tempo_bpm / (result.tempo_bpm * plan.beat_beats)
        speed = f", playing at {ratio:.2f}x its recorded speed at {tempo_bpm:g} BPM"
    summary = (
        f"warped to the song: {plan.bars} bars on Live's bar lines from the first downbeat "
        f"({plan.markers[0][0]:.3f} s into the file), {count} warp markers{speed}; one undo takes it back"
    )
    return Warped(plan, chords, summary)
