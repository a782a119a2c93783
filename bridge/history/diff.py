"""Compare two takes: notes added, removed, moved and with changed velocity, bar by bar; for audio,
length, loudness and spectral difference per stem (by output name).

Bars count from 1 at the clip start; a bar is ``signature[0] * 4 / signature[1]`` beats of B's
context (4/4 when unknown). A note "moved" keeps its pitch and starts elsewhere within one bar
(its length and velocity may change too; each is paired with the nearest such note of B); anything
else is removed from A and added in B.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import numpy as np

from bridge.history.takes import Take
from engines.music import NOTE_NAMES

Key = tuple[int, float, float]  # pitch, start_beats, length_beats


def beats_per_bar(take: Take) -> float:
    num, den = take.context.get("signature", [4, 4])
    return float(num) * 4.0 / float(den)


def diff_notes(a: Take, b: Take) -> dict[str, Any]:
    """Bar-by-bar changes from A's notes to B's; ``summary`` counts each kind."""
    bar_len = beats_per_bar(b)
    left = {(n["pitch"], round(n["start_beats"], 6), round(n["length_beats"], 6)): n for n in a.notes or ()}
    right = {(n["pitch"], round(n["start_beats"], 6), round(n["length_beats"], 6)): n for n in b.notes or ()}
    bars: dict[int, dict[str, list[Any]]] = defaultdict(
        lambda: {"added": [], "removed": [], "moved": [], "velocity": []}
    )

    def bar_of(start: float) -> int:  # the bar its label names (both round to the nearest sixteenth)
        return bar_number(start, bar_len)

    for key in left.keys() & right.keys():
        if left[key]["velocity"] != right[key]["velocity"]:
            bars[bar_of(key[1])]["velocity"].append(
                {"note": right[key], "from": left[key]["velocity"], "to": right[key]["velocity"]}
            )
    gone = sorted(left.keys() - right.keys(), key=lambda k: (k[1], k[0]))
    new = sorted(right.keys() - left.keys(), key=lambda k: (k[1], k[0]))
    for key in gone:
        match = min(
            (k for k in new if k[0] == key[0] and abs(k[1] - key[1]) <= bar_len),
            key=lambda k: abs(k[1] - key[1]),
            default=None,
        )
        if match is None:
            bars[bar_of(key[1])]["removed"].append(left[key])
        else:
            new.remove(match)
            bars[bar_of(key[1])]["moved"].append({"from": left[key], "to": right[match]})
    for key in new:
        bars[bar_of(key[1])]["added"].append(right[key])
    ordered: list[dict[str, Any]] = [{"bar": n, **bars[n]} for n in sorted(bars)]
    summary = {
        kind: sum(len(bars[n][kind]) for n in bars) for kind in ("added", "removed", "moved", "velocity")
    }
    return {"a": a.take_id, "b": b.take_id, "bars": ordered, "summary": summary}


def compare(a: Take, b: Take) -> dict[str, Any]:
    """The whole comparison (``roo diff --json`` and ``GET /api/diff``): the notes' bar-by-bar changes
    with ``audio``, the per-stem comparison; ``parts`` (A's, B's) and, when they differ, ``warning``."""
    found = {**diff_notes(a, b), "audio": diff_audio(a, b), "parts": [a.part, b.part]}
    if a.part != b.part:
        found["warning"] = (
            f"take {a.take_id} is {a.part or a.action} and take {b.take_id} is {b.part or b.action}: "
            "different parts, compared note for note anyway"
        )
    return found


def diff_audio(a: Take, b: Take) -> list[dict[str, Any]]:
    """Per output name in both takes: length (s), loudness (RMS dBFS) and spectral distance (dB)."""
    import soundfile

    def by_name(t: Take) -> dict[str, dict[str, Any]]:
        return {o["name"]: o for o in t.outputs if o["kind"] == "audio" and "path" in o}

    out = []
    left, right = by_name(a), by_name(b)
    for name in sorted(left.keys() & right.keys()):
        sa, ra = soundfile.read(left[name]["path"], always_2d=True)
        sb, rb = soundfile.read(right[name]["path"], always_2d=True)
        out.append(
            {
                "name": name,
                "length_s": [len(sa) / ra, len(sb) / rb],
                "loudness_dbfs": [_rms_db(sa), _rms_db(sb)],
                "spectral_distance_db": _spectral_distance_db(sa.mean(axis=1), sb.mean(axis=1)),
                "same_audio": left[name].get("sha256") == right[name].get("sha256"),
            }
        )
    return out


def _rms_db(x: np.ndarray) -> float:
    rms = float(np.sqrt(np.mean(np.square(x)))) if x.size else 0.0
    return 20.0 * np.log10(max(rms, 1e-10))


def _spectral_distance_db(x: np.ndarray, y: np.ndarray, n_fft: int = 2048) -> float:
    """RMS difference of the two long-term log spectra (dB); 0 for the same sound."""

    def spectrum(s: np.ndarray) -> np.ndarray:
        if len(s) < n_fft:
            s = np.pad(s, (0, n_fft - len(s)))
        frames = len(s) // n_fft
        mags = np.abs(np.fft.rfft(s[: frames * n_fft].reshape(frames, n_fft) * np.hanning(n_fft), axis=1))
        return np.asarray(20.0 * np.log10(mags.mean(axis=0) + 1e-10))

    return float(np.sqrt(np.mean(np.square(spectrum(x) - spectrum(y)))))


def note_name(pitch: int) -> str:
    """As Live names it: C3 is MIDI 60."""
    return f"{NOTE_NAMES[pitch % 12]}{pitch // 12 - 2}"


def _sixteenths(start_beats: float, bar_beats: float) -> tuple[int, int]:
    """(bar from 0, sixteenth within it) of a start rounded to the nearest sixteenth."""
    return divmod(round(start_beats * 4), max(1, round(bar_beats * 4)))


def bar_number(start_beats: float, bar_beats: float) -> int:
    """The bar (from 1) a note is grouped under: the one its ``position`` names."""
    return _sixteenths(start_beats, bar_beats)[0] + 1


def position(start_beats: float, bar_beats: float) -> str:
    """Live's bar.beat.sixteenth (from 1.1.1), rounded to the nearest sixteenth."""
    bar, rest = _sixteenths(start_beats, bar_beats)
    beat, sixteenth = divmod(rest, 4)
    return f"{bar + 1}.{beat + 1}.{sixteenth + 1}"


def describe_note(n: dict[str, Any], bar_beats: float = 4.0) -> str:
    """E.g. ``E0 at 2.4.3, 0.46 beats, v85``: name, position, length in beats (2 decimals), velocity."""
    length = f"{round(n['length_beats'], 2):g}"
    return f"{note_name(n['pitch'])} at {position(n['start_beats'], bar_beats)}, {length} beats, v{n['velocity']}"


def as_text(notes: dict[str, Any], audio: list[dict[str, Any]], bar_beats: float = 4.0) -> list[str]:
    """People's lines: a summary, a warning when the parts differ, then each bar's changes."""
    lines = [f"{notes['a']} -> {notes['b']}: " + ", ".join(f"{v} {k}" for k, v in notes["summary"].items())]
    if notes.get("warning"):
        lines.append(f"  warning: {notes['warning']}")

    def say(n: dict[str, Any]) -> str:
        return describe_note(n, bar_beats)

    for bar in notes["bars"]:
        parts = [f"+ {say(n)}" for n in bar["added"]] + [f"- {say(n)}" for n in bar["removed"]]
        parts += [
            f"~ {note_name(m['from']['pitch'])} moved {position(m['from']['start_beats'], bar_beats)} -> "
            f"{position(m['to']['start_beats'], bar_beats)}" for m in bar["moved"]
        ]  # fmt: skip
        parts += [
            f"v {note_name(v['note']['pitch'])} at {position(v['note']['start_beats'], bar_beats)} "
            f"velocity {v['from']} -> {v['to']}" for v in bar["velocity"]
        ]  # fmt: skip
        lines.append(f"  bar {bar['bar']}:")
        lines += [f"    {p}" for p in parts]
    for item in audio:
        la, lb = item["length_s"]
        da, db = item["loudness_dbfs"]
        lines.append(
            f"  audio {item['name']}: length {la:.2f}s -> {lb:.2f}s, loudness {da:.1f} -> {db:.1f} dBFS, "
            f"spectral difference {item['spectral_distance_db']:.1f} dB"
        )
    return lines
