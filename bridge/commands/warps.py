"""Vocal tract length by search: which frequency warp of the audio the acoustic model hears best.

pocketsphinx's bundled model was trained on adult US speech, mostly in one range of vocal tract
lengths; a shorter tract (most women's, children's) puts every formant higher, a longer one
lower, and the phones are then heard as their neighbours. pocketsphinx can warp the frequency
axis of its filterbank (``warp_type inverse_linear``: a frequency f is read as f / factor), so a
factor above 1 brings a high voice down to the model's range and one below 1 a low voice up.

The factor is found by search, as vocal tract length normalisation does it: the utterance is
decoded with the grammar at each factor of ``WARPS``, and the decode whose best path scores best
per frame (``Hearing.fit``) is taken. The next best decode is the *second opinion*: when its
command differs, the two are what is asked about (``confidence.decide``'s ``recheck``), so a
reading is acted on only when two warps of the audio agree. Push-to-talk streams decode at the
factor found last (a running estimate per speaker, kept with the cepstral mean).
"""

from __future__ import annotations

from dataclasses import dataclass

# Factors searched (1.0: the audio as it is): one for a longer vocal tract, one for a shorter, about
# as far apart as adult vocal tract lengths are. Each costs one more decode (docs/benchmarks/voice.md, "Voice
# that knows when it is unsure", for the factors tried and the time).
WARPS = (0.88, 1.0, 1.16)
NEUTRAL = 1.0
NOTHING_FIT = -1e9  # a decode that heard nothing fits worst of all


@dataclass(frozen=True)
class WarpHearing:
    """One decode of an utterance at one warp factor."""

    warp: float
    words: str  # the best path's words ('' for nothing heard)
    path_fit: float  # its score per frame (``Hearing.fit``)

    @property
    def fit(self) -> float:
        return self.path_fit if self.words else NOTHING_FIT


def ranked(heard: list[WarpHearing]) -> list[WarpHearing]:
    """The decodes, best fitting first (ties: the factor nearest to 1.0 first, so the audio as it is
    wins an even contest)."""
    return sorted(heard, key=lambda h: (-h.fit, abs(h.warp - NEUTRAL)))


def options(warp: float) -> dict[str, object]:
    """pocketsphinx options for decoding at ``warp`` (none for the audio as it is)."""
    if not 0.5 <= warp <= 2.0:
        raise ValueError(f"warp factor {warp} is outside 0.5..2.0 (1.0 leaves the audio as it is)")
    if warp == NEUTRAL:
        return {}
    return {"warp_type": "inverse_linear", "warp_params": f"{warp:g}"}
