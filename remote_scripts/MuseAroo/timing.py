"""Copy one audio clip's timing onto another that plays a file of the same length (stems of it).

Timing is what maps the file onto the clip's beats and what part of it plays: warping, warp
mode, every warp marker (sample seconds to beats), the start and end markers, the loop and
whether it loops. With the same markers over a file of the same length, a stem plays each of
its samples on the same beat as the source plays the matching sample.
The copy is one undo step. It is read back; if Live refuses or changes anything, the
destination gets its own timing back and the error names what differed.
"""

from __future__ import annotations

from collections import namedtuple
from typing import Any

import Live

from . import tempo_lock
from .request import RequestError

TOLERANCE = 1e-6  # beats or seconds; how far a position read back may sit from the one written

Timing = namedtuple(
    "Timing",
    "warping warp_mode markers looping loop_start loop_end start_marker end_marker",
)


def markers_of(clip: Any) -> list:
    """An audio clip's warp markers as (sample seconds, beat) pairs."""
    return [(float(m.sample_time), float(m.beat_time)) for m in clip.warp_markers]


def read(clip: Any) -> Timing:
    """The timing of an audio clip; positions in beats when warped, seconds when not (as Live)."""
    return Timing(
        bool(clip.warping),
        clip.warp_mode,
        markers_of(clip),
        bool(clip.looping),
        float(clip.loop_start),
        float(clip.loop_end),
        float(clip.start_marker),
        float(clip.end_marker),
    )


def _set_span(clip: Any, first: str, last: str, start: float, end: float) -> None:
    """Set a (start, end) property pair so that start stays before end after each single write."""
    if start < float(getattr(clip, last)):
        setattr(clip, first, start)
        setattr(clip, last, end)
    else:
        setattr(clip, last, end)
        setattr(clip, first, start)


def apply(clip: Any, timing: Timing) -> None:
    """Give clip this timing: markers while warped, then the positions in the final unit."""
    clip.warping = True
    tempo_lock.place_markers(clip, timing.markers)
    clip.warp_mode = timing.warp_mode
    clip.warping = timing.warping
    clip.looping = True  # Live reads an unlooped clip's loop as its start..end
    _set_span(clip, "loop_start", "loop_end", timing.loop_start, timing.loop_end)
    clip.looping = timing.looping
    _set_span(clip, "start_marker", "end_marker", timing.start_marker, timing.end_marker)


def differences(got: Timing, want: Timing) -> list[str]:
    """What differs between two timings, each as 'name got ... expected ...'."""
    out = []
    for name in ("warping", "warp_mode", "looping"):
        if getattr(got, name) != getattr(want, name):
            out.append(f"{name} {getattr(got, name)!r} (expected {getattr(want, name)!r})")
    for name in ("loop_start", "loop_end", "start_marker", "end_marker"):
        if abs(getattr(got, name) - getattr(want, name)) > TOLERANCE:
            out.append(f"{name} {getattr(got, name):g} (expected {getattr(want, name):g})")
    # Live keeps a hidden marker after the last one (its "shadow"): markers past the last wanted one
    # are Live's own and do not count.
    last = want.markers[-1][1] + TOLERANCE if want.markers else float("inf")
    kept = [m for m in got.markers if m[1] <= last]
    same = len(kept) == len(want.markers) and all(
        abs(a[0] - b[0]) <= TOLERANCE and abs(a[1] - b[1]) <= TOLERANCE
        for a, b in zip(kept, want.markers)  # noqa: B905 (no strict= in Live 11's Python 3.7)
    )
    if not same:
        out.append(f"warp markers {_show(got.markers)} (expected {_show(want.markers)})")
    return out


def seconds_at(markers: Any, beat: float) -> float | None:
    """The file second that plays at a clip beat, from (sample seconds, beat) warp markers.

    Straight lines between markers; before the first and after the last the nearest segment's
    tempo goes on, as in Live. None with fewer than two markers (no tempo to go by).
    """
    pairs = sorted(markers, key=lambda m: m[1])
    if len(pairs) < 2:
        return None
    i = 0
    while i < len(pairs) - 2 and beat >= pairs[i + 1][1]:
        i += 1
    (s0, b0), (s1, b1) = pairs[i], pairs[i + 1]
    if b1 == b0:
        return None
    return s0 + (beat - b0) * (s1 - s0) / (b1 - b0)


def region_seconds(clip: Any) -> tuple:
    """(start_s, end_s): an audio clip's start..end markers in seconds of its file; -1.0 if unknown."""
    if not clip.is_audio_clip:
        return -1.0, -1.0
    if not clip.warping:
        return float(clip.start_marker), float(clip.end_marker)
    markers = markers_of(clip)
    start = seconds_at(markers, float(clip.start_marker))
    end = seconds_at(markers, float(clip.end_marker))
    if start is None or end is None:
        return -1.0, -1.0
    return max(0.0, start), max(0.0, end)


def _show(markers: Any) -> str:
    return ", ".join(f"({s:g} s, beat {b:g})" for s, b in markers)


def _audio(clip: Any, where: str) -> Any:
    if not clip.is_audio_clip:
        raise RequestError(f"{where} holds a MIDI clip: copy_timing expected an audio clip")
    return clip


def check_lengths(src: Any, dst: Any) -> None:
    """RequestError unless both clips play files of the same length in samples at the same rate."""
    a, b = (int(src.sample_length), float(src.sample_rate)), (int(dst.sample_length), float(dst.sample_rate))
    if a != b or a[0] <= 0:
        raise RequestError(
            f"source file {src.file_path!r} is {a[0]} samples at {a[1]:g} Hz, destination file "
            f"{dst.file_path!r} is {b[0]} samples at {b[1]:g} Hz: copy_timing expected two files "
            "of the same length in samples and the same sample rate"
        )


def copy(song: Live.Song.Song, src: Any, dst: Any, src_where: str, dst_where: str) -> None:
    """Copy src's timing onto dst in one undo step; on any failure dst keeps its own timing."""
    _audio(src, src_where)
    _audio(dst, dst_where)
    check_lengths(src, dst)
    want = read(src)
    if not want.markers:
        raise RequestError(f"{src_where} has no warp markers: copy_timing expected at least one")
    replace(song, dst, want, f"copy_timing {src_where} -> {dst_where}", "the destination")


def replace(song: Live.Song.Song, clip: Any, want: Timing, what: str, whose: str) -> None:
    """Give clip the timing want in one undo step, read back; on any failure it keeps its own.

    The RequestError names what (the request) and says that whose ("the destination") timing
    was kept, or that restoring it failed too.
    """
    before = read(clip)
    song.begin_undo_step()
    try:
        try:
            apply(clip, want)
            wrong = differences(read(clip), want)
            if wrong:
                raise RequestError(f"Live kept {'; '.join(wrong)}")
        except Exception as exc:  # RequestError above, or what Live raised for a marker or position
            try:
                apply(clip, before)
            except Exception as again:  # Live refused its own old timing too: say both
                raise RequestError(
                    f"{what} failed ({type(exc).__name__}: {exc}) and "
                    f"restoring {whose} failed too ({type(again).__name__}: {again})"
                ) from exc
            why = str(exc) if isinstance(exc, RequestError) else f"Live raised {type(exc).__name__}: {exc}"
            raise RequestError(f"{what}: {why}; {whose} keeps its own timing") from exc
    finally:
        song.end_undo_step()
