"""pocketsphinx's scores of one decoded utterance, as a ``confidence.Hearing``.

The readings are the lattice's n-best paths that are whole sentences of the grammar (distinct
texts, best first); the fit is the Viterbi path's score per frame; the posteriors are its words'.
pocketsphinx's Python scores are ``1.0001 ** raw``: ``log_score`` gives the raw log back.
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any

from bridge.commands import jsgf
from bridge.commands.confidence import Hearing, Reading
from bridge.commands.grammar import build_jsgf
from bridge.commands.sphinx_stream import words_of

NBEST = 60  # lattice paths read for the readings (distinct texts among them)
READINGS = 8  # distinct readings kept (enough for the two likeliest intents)
_LOG_BASE = math.log(1.0001)


@cache
def _rules() -> dict[str, jsgf.Node]:
    return jsgf.parse_jsgf(build_jsgf())


def in_grammar(text: str) -> bool:
    """Whether a lattice path is a whole sentence of the grammar (some paths stop inside one)."""
    return jsgf.accepts(_rules(), "command", text)


def log_score(value: float) -> float:
    """pocketsphinx's Python scores are ``1.0001 ** raw``: back to raw (very unlikely: -1e9)."""
    return math.log(value) / _LOG_BASE if value > 0 else -1e9


def hearing_of(decoder: Any, words: str) -> Hearing:
    """The readings (the lattice's n-best paths, distinct, best first), the Viterbi path's fit per
    frame (its distance from the best state of each frame) and its words' posteriors."""
    if not words:
        return Hearing((), 1)
    frames = max(1, int(decoder.n_frames()))
    hyp = decoder.hyp()
    fit = log_score(hyp.score) / frames
    posteriors: dict[str, float] = {}
    phones = word_frames = 0
    for seg in decoder.seg():
        word = seg.word.split("(")[0]
        if word and not word.startswith(("<", "[")):
            posteriors[word] = min(posteriors.get(word, 1.0), float(seg.prob))
            phones += len((decoder.lookup_word(seg.word) or "").split())
            word_frames += max(0, int(seg.end_frame) - int(seg.start_frame) + 1)
    scores: dict[str, float] = {}
    try:
        for i, path in enumerate(decoder.nbest()):
            if i >= NBEST:
                break
            text = words_of(path)
            if text and text not in scores and (text == words or in_grammar(text)):
                scores[text] = log_score(path.score)
                if len(scores) >= READINGS:
                    break
    except RuntimeError:  # no lattice (an utterance cut short): the Viterbi path alone
        pass
    if not scores:
        return Hearing(
            (Reading(words, 0.0),), frames, fit, posteriors, phones=phones, word_frames=word_frames
        )
    if words not in scores:
        # The Viterbi path is not among the lattice's best: it and the lattice disagree, so the
        # best lattice path leads and the Viterbi path comes after it.
        scores[words] = min(scores.values())
    readings = tuple(Reading(t, s) for t, s in sorted(scores.items(), key=lambda kv: -kv[1]))
    agree = readings[0].text == words
    return Hearing(
        readings,
        frames,
        fit,
        posteriors if agree else {},
        searches_agree=agree,
        phones=phones,
        word_frames=word_frames,
    )
