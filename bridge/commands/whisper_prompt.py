"""What Whisper is told to expect before an utterance (its prompt, after ``sot_prev``): the speech
grammar's words, built once (issue 56, v60a).

faster-whisper's ``hotwords`` would go to the same slot (``WhisperModel.get_prompt``), so it is no other
lever. Measured on the studio bench (``tools/bench/voice_prompt.py``, docs/benchmarks/voice.md): on the
held-out voices the pair asked 0.372 of 360 against 0.397 with the hand-picked words, acting on no misheard
command (1 before).
"""

from __future__ import annotations

from typing import Any

# The prompt before v60a: the words Whisper most often wrote otherwise, picked by hand (75 tokens).
HAND_PICKED = (
    "drums, bass line, chords, melody, tempo, key, major, minor, transpose, semitones, bars, undo that, "
    "stop, play, jazz, lo-fi, funk, house, busier, calmer, double time, half time, swing, groove, loop, "
    "stems, yes, no, the first, the second"
)


def grammar_words() -> str:
    """The speech grammar's words, once: its lists' first speakable verbs (a new part, a variation, each
    transform, removing, separating, undo, cancel, stop, play), the parts, the first single-word
    adjustment of each direction, and the words of tempos, keys and counts (113 tokens)."""
    from bridge.commands import clip_words as cw
    from bridge.commands import vocab as v
    from bridge.commands.grammar import spoken

    def said(phrases: Any, n: int) -> list[str]:
        return [spoken(p) for p in phrases if p not in v.TYPED_ONLY][:n]

    def firsts(kinds: dict[str, Any], long: tuple[str, ...] = ()) -> list[str]:
        seen: dict[Any, str] = {}
        for p, kind in kinds.items():
            if p not in v.TYPED_ONLY and (" " not in p or kind in long):
                seen.setdefault(kind, p)
        return list(seen.values())

    words = [*said(v.GENERATE_VERBS, 3), *said(v.VARY_PHRASES, 1)]
    words += firsts(cw.TRANSFORM_PHRASES, ("half_time", "double_time"))
    words += [*said(cw.REMOVE_WORDS, 2), *said(v.SEPARATE_PHRASES, 2)]
    words += [said(v.UNDO_PHRASES, 1)[0] + " that", said(v.CANCEL_PHRASES, 1)[0] + " that"]
    words += [*said(v.STOP_PHRASES, 1), *said(v.PLAY_PHRASES, 1), "drums", "bass", "bass line", "chords"]
    words += ["melody", "vocals", *firsts(v.ADJUSTMENTS), "tempo", "key", "major", "minor", "semitones"]
    words += ["bars", "one", "two", "three", "four", "five", "seven", "twelve", "hundred"]
    return ", ".join(dict.fromkeys(words))
