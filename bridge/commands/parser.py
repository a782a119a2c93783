"""One intent parser for typed and spoken sentences: text in, Intent out, no side effects.

The sentence is lower-cased, keys are pulled out first ("F sharp minor", "Bb major", "c#m"),
spoken numbers become digits (``normalize``), then the phrases of ``vocab`` and ``clip_words``
are spotted in a fixed order of actions. Stdlib only, so importing it costs nothing; a sentence
parses in a fraction of a millisecond, one not understood in milliseconds (its suggestions).
"""

from __future__ import annotations

import re
from typing import Any

from bridge.commands import clip_words as cw
from bridge.commands import jam_words as jw
from bridge.commands import musicgen_words as mw
from bridge.commands import place_words as pw
from bridge.commands import take_words as tw
from bridge.commands import vocab as v
from bridge.commands.intent import UNKNOWN, Intent, unknown
from bridge.commands.known import clauses, unknown_clauses
from bridge.commands.normalize import normalize

BARS_RANGE = (1, 64)
TEMPO_RANGE_BPM = (20, 999)  # what Live accepts

_BARS = re.compile(r" (?:for |of )?(\d+) (?:bars?|measures?)(?: long)?(?: of)?(?= )")
_VARIATIONS = re.compile(r" (\d+) (?:more |new |different )?(?:variations|takes|versions)(?= )")
MAX_VARIATIONS = 8  # takes one Vary makes at most (MusicGen renders them as one batch)
_DIMENSION = re.compile(r" (density|complexity|energy) ")
# An adjustment said with a new part ("drums like a hip hop beat but sparser") sets its dial.
_DIALS = {"density": "density", "complexity": "complexity", "energy": "intensity"}
_DIAL_VALUES = {
    "density": {"up": 0.7, "down": 0.3},
    "complexity": {"up": 0.7, "down": 0.3},
    "energy": {"up": 0.65, "down": 0.35},
}


def _has(s: str, phrase: str) -> bool:
    return f" {phrase} " in s


def _any(s: str, phrases: tuple[str, ...]) -> bool:
    return any(f" {p} " in s for p in phrases)


def _take(s: str, table: dict[str, str]) -> tuple[list[str], str]:
    """Values of every phrase of ``table`` in ``s`` (in text order), and ``s`` with them blanked."""
    found: list[tuple[int, str]] = []
    for phrase in sorted(table, key=len, reverse=True):
        needle = f" {phrase} "
        while (pos := s.find(needle)) >= 0:
            found.append((pos, table[phrase]))
            s = s[:pos] + " _" * len(phrase.split()) + " " + s[pos + len(needle) :]
    return [value for _, value in sorted(found)], s


def _numbers(s: str) -> list[int]:
    return [int(w) for w in s.split() if w.isdigit()]


def _adjustment(s: str) -> tuple[str, str] | None:
    found, _ = _take(s, {k: f"{d}:{u}" for k, (d, u) in v.ADJUSTMENTS.items()})
    if found:
        dimension, direction = found[0].split(":")
        return dimension, direction
    m = _DIMENSION.search(s)
    if m is None:
        return None
    if _any(s, v.RAISE_VERBS) or _has(s, "up"):
        return m.group(1), "up"
    if _any(s, v.LOWER_VERBS) or _has(s, "down"):
        return m.group(1), "down"
    return None


def parse(text: str) -> Intent:
    """Parse one typed or spoken sentence; anything not understood gives an 'unknown' Intent.

    A compound sentence keeps every part it can ("a whole song in C major at 90 bpm"); a clause that
    names nothing known is listed in ``params["not_done"]`` so the answer can say it was not done.
    """
    heard = " ".join(text.split())
    s, key, model = normalize(heard)
    intent = _parse(heard, s, key, model)
    if not intent.understood:  # suggestions only here: clauses of a compound are parsed without them
        return unknown(heard, intent.params["reason"])
    # a prompt, a take's name, the parts a jam plays: their words are the command's own
    whole = intent.action == "musicgen" or "parts" in intent.params or intent.params.get("do") == "name"
    left = [] if whole else _left_out(intent, s)
    if left:
        return Intent(intent.action, intent.part, {**intent.params, "not_done": left}, heard)
    return intent


def _unknown(heard: str, reason: str) -> Intent:
    return Intent(UNKNOWN, None, {"heard": heard, "reason": reason}, heard)


def _left_out(intent: Intent, s: str) -> list[str]:
    """Clauses of a compound the intent does not carry: ones naming nothing known, and ones that
    are a command of another action on their own ("double the tempo and make it half time")."""
    left = unknown_clauses(s)
    for clause in clauses(s)[1:]:
        alone = _parse(clause, f" {clause} ", None, None)
        if alone.understood and not _carried(intent, alone) and clause not in left:
            left.append(clause)
    return left


def _carried(intent: Intent, clause: Intent) -> bool:
    """Whether the whole sentence's intent already does what a clause of it says on its own."""
    if clause.action in (intent.action, "confirm"):
        return True
    folded = {"adjust": "adjust", "set_key": "key", "set_tempo": "tempo_bpm"}  # into a generate
    return intent.action == "generate" and (
        clause.action == "adjust" or folded.get(clause.action, "-") in intent.params
    )


def _parse(heard: str, s: str, key: str | None, model: str | None) -> Intent:
    if not s.strip():
        return _unknown(heard, "nothing was heard")
    bare = s.strip()
    if bare in v.CONFIRM_YES:
        return Intent("confirm", None, {"yes": True}, heard)
    if bare in v.CONFIRM_NO:
        return Intent("confirm", None, {"yes": False}, heard)
    history = tw.history_of(s, heard)  # before undo: "go back to the take before this one"
    if history is not None:
        return Intent("history", None if history["do"] == "name" else _part_named(s), history, heard)
    if _any(s, v.HELP_PHRASES):
        return Intent("help", None, {}, heard)
    if _any(s, v.UNDO_PHRASES):
        return Intent("undo", None, {}, heard)
    if mw.anywhere(s):  # "a lofi chord loop with musicgen": MusicGen whatever parts it names
        return _musicgen(heard, s, _bars_param(s))
    jam = jw.jam_of(s, key, _take(s, v.GENRES)[0])  # before stop and play: "stop the jam", "start a jam"
    if jam is not None:
        if jam[1]["do"] == "error":
            return _unknown(heard, jam[1]["reason"])
        return Intent("jam", jam[0], jam[1], heard)
    if _any(s, v.CANCEL_PHRASES) or (_any(s, v.STOP_PHRASES) and _any(s, v.JOB_WORDS)):
        return Intent("cancel", None, {}, heard)
    if _any(s, v.STOP_PHRASES):
        return Intent("stop", None, {}, heard)
    if bare in v.PLAY_PHRASES:
        return Intent("play", None, {}, heard)
    infill = tw.infill_of(s)  # "fill bars 5 to 8", "continue this for 4 bars"
    if infill is not None:
        return Intent(infill[0], _part_named(s), infill[1], heard)
    fills = pw.fills_of(s)  # "a fill every fourth bar": the drums' fills option
    if fills is not None and "error" in fills:
        return _unknown(heard, fills["error"])
    if fills is not None:
        s = pw.EVERY.sub(" ", s)

    factor = cw.TEMPO_FACTORS.get(next((p for p in cw.TEMPO_FACTORS if _has(s, p)), ""))
    if factor is not None:  # "double the tempo": Live's tempo (a clip's "double time" is a transform)
        return Intent("set_tempo", None, {"tempo_factor": factor}, heard)
    if _any(s, v.WARP_PHRASES):  # before tempo: "warp it to the tempo" names no tempo
        return Intent("analyze", None, {"warp": True}, heard)
    bar_counts = [int(n) for n in _BARS.findall(s)]
    s_no_bars = _BARS.sub(" ", s)
    genres, rest = _take(s_no_bars, v.GENRES)
    track_name = cw.source_track_of(rest)  # "the chords in the keys clip": the track named keys
    if track_name:
        rest = rest[: track_name.start()] + " _ " + rest[track_name.end() :]
    sources, rest = _take(rest, cw.SOURCE_PHRASES)
    here = _any(rest, cw.HERE_PHRASES)
    parts, rest = _take(rest, v.PARTS)
    part = parts[0] if parts else None
    tempo_said = _any(s, v.TEMPO_WORDS + cw.TEMPO_MOVES)
    tempo_bpm: int | None = None
    if tempo_said and _numbers(s_no_bars):
        if part is None:
            return _tempo(heard, s_no_bars)
        tempo = _tempo(heard, s_no_bars)  # "a whole song in C major at 90 bpm": song, key and tempo
        if not tempo.understood:
            return tempo
        tempo_bpm = tempo.params["tempo_bpm"]
        rest = re.sub(rf" (?:at )?{tempo_bpm} (?:bpm|beats per minute)?", " ", rest)
    elif _any(s, v.ANALYZE_PHRASES):
        return Intent("analyze", None, {}, heard)
    elif tempo_said:
        return _tempo(heard, s_no_bars)
    pulled = cw.PULL_OUT.search(s)
    if _any(s, v.SEPARATE_PHRASES) or model or (pulled and pulled.group(1) in v.STEMS):
        return _separate(heard, s, model)

    params: dict[str, Any] = {}
    many = _VARIATIONS.search(s_no_bars)  # "four variations", "3 more takes": a Vary of N takes
    if many:
        count = int(many.group(1))
        if not 1 <= count <= MAX_VARIATIONS:
            return _unknown(heard, f"{count} variations is outside 1..{MAX_VARIATIONS}")
        rest = rest.replace(many.group(0), " variation ", 1)
        params["variations"] = count
    if bar_counts:
        bars = bar_counts[0]
        if not BARS_RANGE[0] <= bars <= BARS_RANGE[1]:
            return _unknown(heard, f"{bars} bars is outside {BARS_RANGE[0]}..{BARS_RANGE[1]}")
        params["bars"] = bars
    if _any(s, v.REPLACE_WORDS):
        params["replace"] = True
    generating = _any(s, v.GENERATE_VERBS)
    if fills is not None:
        if not (genres or key or tempo_bpm):  # on the drums there are: the same groove, with fills
            return Intent("adjust", "drums", {**params, **fills}, heard)
        params.update(fills)
        part = part or "drums"

    transform = cw.transform_of(rest, s_no_bars) if tempo_bpm is None else None
    if transform is not None:
        kind, options = transform
        if kind.startswith("drums_") or "voices" in options:
            part = "drums"
        return Intent("transform", part, {"kind": kind, **options, **params}, heard)
    adjust = _adjustment(rest)
    if adjust is not None and part and (genres or key or tempo_bpm):  # "a hip hop beat but sparser"
        params[_DIALS[adjust[0]]] = _DIAL_VALUES[adjust[0]][adjust[1]]
    elif adjust is not None:
        part = part or ("drums" if cw.names_drum_voice(rest) else None)  # "make the hats busier"
        return Intent("adjust", part, {**params, "what": adjust[0], "direction": adjust[1]}, heard)
    if _any(rest, v.VARY_PHRASES) or _has(rest, "another") or "variations" in params:
        return Intent("vary", part, params, heard)
    song_key = part == "song" and _any(s, v.KEY_SET_WORDS)  # "transpose the song to D minor"
    if key and (part is None or song_key) and not (generating or genres or params or tempo_bpm):
        return Intent("set_key", None, {"key": key}, heard)
    if not part and (_any(s, v.MUSICGEN_TRIGGERS) or _any(rest, v.MUSICGEN_SOUNDS)):
        return _musicgen(heard, s_no_bars, params)
    if part and tw.accompanies(s) and not (sources or track_name or genres or key):  # "a bass that fits"
        return Intent("accompany", part, params, heard)
    if part:
        if genres:
            params["genre"] = genres[0]
        if key:
            params["key"] = key
        elif (mode := cw.mode_of(rest)) is not None:  # "a dorian chord progression": Live's root
            params["mode"] = mode
        if tempo_bpm is not None:
            params["tempo_bpm"] = tempo_bpm
        if sources and not track_name:
            params["source"] = sources[0]
        if track_name:
            params["source_track_name"] = track_name.group(1)
        if here:
            params["here"] = True
        return Intent("generate", part, params, heard)
    if _any(s, v.PLAY_PHRASES) and not (generating or genres or key or params):
        return Intent("play", None, {}, heard)
    if generating or genres or key:
        return _unknown(heard, "which part should be generated (drums, bass, chords, melody)?")
    return _unknown(heard, "no command was recognised")


def _tempo(heard: str, s: str) -> Intent:
    numbers = _numbers(s)
    if not numbers:
        return _unknown(heard, "a tempo needs a number, e.g. 'tempo one hundred twenty'")
    bpm = numbers[0]
    if not TEMPO_RANGE_BPM[0] <= bpm <= TEMPO_RANGE_BPM[1]:
        return _unknown(heard, f"tempo {bpm} bpm is outside {TEMPO_RANGE_BPM[0]}..{TEMPO_RANGE_BPM[1]}")
    return Intent("set_tempo", None, {"tempo_bpm": bpm}, heard)


def _separate(heard: str, s: str, model: str | None) -> Intent:
    params: dict[str, Any] = {}
    models, rest = _take(s, v.SEPARATION_MODEL_PHRASES)
    if model or models:
        params["model"] = model or models[0]
    stems, _ = _take(rest, v.STEMS)
    if stems:
        params["stem"] = stems[0]
    return Intent("separate", None, params, heard)


def _musicgen(heard: str, s: str, params: dict[str, Any]) -> Intent:
    found = mw.params_of(heard, s, params)
    if isinstance(found, str):
        return _unknown(heard, found)
    return Intent("musicgen", None, found, heard)


def _bars_param(s: str) -> dict[str, Any]:
    bars = [int(n) for n in _BARS.findall(s)]
    return {"bars": bars[0]} if bars and BARS_RANGE[0] <= bars[0] <= BARS_RANGE[1] else {}


def _part_named(s: str) -> str | None:
    parts, _ = _take(s, v.PARTS)
    return parts[0] if parts else None
