"""Offline speech recognition with pocketsphinx (its bundled US-English model).

``SphinxRecognizer()`` decodes against the command grammar from ``grammar.build_jsgf``, with
the pronunciations the dictionary lacks added first; ``SphinxRecognizer(grammar=False)`` is
plain free decoding with the bundled language model (the benchmark's peer). Audio is 16 kHz
mono int16. Two ways in:

- ``transcribe(audio)``: one whole utterance (a file). Leading and trailing silence is cut and
  the search starts from this utterance's own cepstral mean, so the result never depends on
  what was decoded before.
- ``stream()``: push-to-talk decoded while the button is held (``feed`` blocks as they are
  recorded, ``finish`` on release), so only the last block is left to decode after release.
  The cepstral mean is then a running one, carried over from the previous utterance (the
  speaker, the room and the microphone change slowly), and the leading silence is cut and the
  noise floor set from the previous utterance's level (``learned.py``; only utterances in which
  something was heard teach). With nothing learned yet (the first press, unless the daemon kept
  its state from an earlier run) the stream keeps the audio and decodes it whole on release.

A seeded noise floor 40 dB below the speech is added first: digitally clean input (synthesised
speech, digital silence) leaves filterbank bands empty, which the acoustic model never saw in
training (on the espeak-ng set this lifted clean-speech accuracy from about 72 % to 90 %); a real
microphone's own noise is louder than this floor.
"""

from __future__ import annotations

import math
import threading
from functools import cache
from pathlib import Path
from typing import Any

from bridge.commands import jsgf
from bridge.commands.audio import FRAME, TRIM_DB, TRIM_MARGIN_S, trim_silence
from bridge.commands.confidence import Hearing, Limits, Reading
from bridge.commands.grammar import ALTERNATES, GRAMMAR_NAME, PRONUNCIATIONS, build_jsgf
from bridge.commands.learned import Learned, read_learned, write_learned
from bridge.commands.sphinx_stream import SphinxStream, words_of
from engines.errors import ModelUnavailable

# Decoder settings for the grammar search, chosen on the espeak-ng phrase set (see BENCHMARKS.md).
GRAMMAR_OPTIONS: dict[str, Any] = {
    "cmn": "live",  # a running mean for streams; a whole utterance sets its own mean first
    "fsgusefiller": False,
    "dither": True,
    "seed": 1,  # dither's random numbers: a fixed seed makes every result repeatable
    "bestpath": False,  # the grammar's Viterbi path is enough: same accuracy, about 30 % less time
    # Over 1000 active HMMs in a frame the beams narrow (pocketsphinx's FSG search): same accuracy
    # on the tuning subset, the slowest utterances about 15 % faster (BENCHMARKS.md).
    "maxhmmpf": 1000,
    "loglevel": "FATAL",
}
SILENCE_PROB = 0.1  # silence allowed before and after the command (states 0 and 1 of the FSG)
FREE_OPTIONS: dict[str, Any] = {"cmn": "live", "dither": True, "seed": 1, "loglevel": "FATAL"}
NBEST = 60  # lattice paths read for the readings (distinct texts among them)
READINGS = 8  # distinct readings kept (enough for the two likeliest intents)
# When a reading is unsure (``confidence.decide``), in pocketsphinx's log units (base 1.0001) per
# 10 ms frame; tuned on the development phrases in two voices (BENCHMARKS.md, "Knowing when it is unsure").
LIMITS = Limits(margin=2.5, fit=-44.0, posterior=0.5)
_LOG_BASE = math.log(1.0001)
NOISE_FLOOR_DB = -40.0  # -20..-50 dB measured; -30 dB added words in the margins (BENCHMARKS.md)
# The second decode of a reading about to be acted on: noise floor (dB below the speech) and seed.
# On the tuning set it changed 4 of the 6 wrong readings that were clearly ahead, and 1 of 264 right ones.
RECHECK = (-30.0, 1)


class SphinxRecognizer:
    """One loaded pocketsphinx decoder; ``transcribe`` is thread-safe (one utterance at a time).

    ``state_path``: where what streams learn is kept across restarts (the daemon's push-to-talk);
    None keeps it in memory only, so a result never depends on an earlier process.
    """

    limits = LIMITS

    def __init__(
        self,
        *,
        grammar: bool = True,
        options: dict[str, Any] | None = None,
        noise_floor_db: float = NOISE_FLOOR_DB,
        state_path: Path | None = None,
    ) -> None:
        try:
            from pocketsphinx import Decoder
        except ImportError as exc:
            raise ModelUnavailable("pocketsphinx is not installed: pip install 'pocketsphinx>=5'") from exc
        self.grammar = grammar
        self.noise_floor_db = noise_floor_db
        self.state_path = state_path
        self.learned: Learned | None = read_learned(state_path) if state_path else None
        self.last_hearing: Hearing | None = None  # the scores of the last utterance decoded
        self._last_speech: Any = None  # its audio, silence cut, for ``recheck``
        self._lock = threading.Lock()
        if grammar:
            self._decoder = Decoder(lm=None, **{**GRAMMAR_OPTIONS, **(options or {})})
            for word, phones in {**PRONUNCIATIONS, **ALTERNATES}.items():
                if self._decoder.lookup_word(word) is None:
                    self._decoder.add_word(word, phones, False)
            fsg = self._decoder.parse_jsgf(build_jsgf())
            for state in (0, 1):  # the start and final states of a grammar built from JSGF
                fsg.add_silence("<sil>", state, SILENCE_PROB)
            self._decoder.add_fsg(GRAMMAR_NAME, fsg)
            self._decoder.activate_search(GRAMMAR_NAME)
        else:
            self._decoder = Decoder(**{**FREE_OPTIONS, **(options or {})})
        # A second decoder with a one-word grammar measures each utterance's cepstral mean in a
        # few milliseconds; the real search then starts from it (pocketsphinx otherwise carries
        # the mean over from the previous utterance, so a result would depend on what came before).
        self._probe = Decoder(lm=None, **{**GRAMMAR_OPTIONS, **(options or {}), "cmn": "batch"})
        self._probe.add_jsgf_string("probe", "#JSGF V1.0;\ngrammar probe;\npublic <a> = a;\n")
        self._probe.activate_search("probe")

    def _cepstral_mean(self, pcm: bytes) -> str:
        self._probe.reinit_feat()  # back to the initial mean, with no statistics carried over
        self._probe.start_utt()
        self._probe.process_raw(pcm, full_utt=True)
        self._probe.end_utt()
        return str(self._probe.get_cmn())

    def missing_words(self, words: set[str]) -> list[str]:
        """Words with no pronunciation in the decoder's dictionary (should be none for the grammar)."""
        return sorted(w for w in words if self._decoder.lookup_word(w) is None)

    def transcribe(self, audio: Any) -> str:
        """The words heard in one utterance of 16 kHz mono int16 audio ('' when nothing matched)."""
        with self._lock:
            return self._transcribe_locked(audio)

    def stream(self) -> SphinxStream:
        """A push-to-talk utterance to ``feed`` while it is recorded; one open stream at a time."""
        return SphinxStream(self)

    def _transcribe_locked(self, audio: Any) -> str:
        import numpy as np

        speech = trim_silence(np.asarray(audio, dtype=np.int16), threshold_db=TRIM_DB, margin_s=TRIM_MARGIN_S)
        if len(speech) < FRAME:
            return ""  # under 10 ms: nothing to hear (pocketsphinx refuses an empty buffer)
        pcm = with_noise_floor(speech, self.noise_floor_db).tobytes()
        d = self._decoder
        mean = self._cepstral_mean(pcm)
        d.reinit_feat()
        d.set_cmn(mean)  # this utterance's own mean, never the previous one's
        d.start_utt()
        d.process_raw(pcm, full_utt=True)
        d.end_utt()
        words = words_of(d.hyp())
        self._note_hearing(words, speech)
        self._learn(speech, words)
        return words

    def _note_hearing(self, words: str, speech: Any) -> None:
        """Keep the scores of the utterance just ended (the decoder still holds its lattice) and its
        audio (silence cut) for ``recheck``."""
        self.last_hearing = hearing_of(self._decoder, words) if self.grammar else Hearing.plain(words)
        self._last_speech = speech

    def recheck(self) -> str:
        """The last utterance decoded again over a louder noise floor from another seed (``RECHECK``):
        a reading that changes with it was not a sure one (``confidence.decide``). Learns nothing
        and leaves ``last_hearing`` as it was."""
        import numpy as np

        with self._lock:
            speech = self._last_speech
            if speech is None or len(speech) < FRAME:
                return ""
            pcm = with_noise_floor(np.asarray(speech, dtype=np.int16), *RECHECK).tobytes()
            d = self._decoder
            mean = self._cepstral_mean(pcm)
            d.reinit_feat()
            d.set_cmn(mean)
            d.start_utt()
            d.process_raw(pcm, full_utt=True)
            d.end_utt()
            return words_of(d.hyp())

    def _learn(self, speech: Any, words: str) -> None:
        """Keep this utterance's mean and level for the next stream, when something was heard in it
        (a press with only hiss or a cough would teach the wrong level)."""
        import numpy as np

        x = np.asarray(speech, dtype=np.float32)
        if not words or len(x) < FRAME:
            return
        hop = len(x) // FRAME * FRAME
        peak = float(np.sqrt(np.mean(x[:hop].reshape(-1, FRAME) ** 2, axis=1)).max())
        self.learned = Learned(str(self._decoder.get_cmn()), float(np.sqrt(np.mean(x**2))), peak)
        if self.state_path is not None:
            write_learned(self.state_path, self.learned)


def with_noise_floor(audio: Any, floor_db: float = NOISE_FLOOR_DB, seed: int = 0) -> Any:
    """``audio`` (int16) plus white noise ``floor_db`` below its RMS, from a fixed seed."""
    import numpy as np

    x = audio.astype(np.float32)
    rms = float(np.sqrt(np.mean(x**2))) if len(x) else 0.0
    noise = np.random.default_rng(seed).standard_normal(len(x)).astype(np.float32)
    return np.clip(x + noise * rms * 10 ** (floor_db / 20), -32768, 32767).astype(np.int16)


@cache
def _rules() -> dict[str, jsgf.Node]:
    return jsgf.parse_jsgf(build_jsgf())


def in_grammar(text: str) -> bool:
    """Whether a lattice path is a whole sentence of the grammar (some paths stop inside one)."""
    return jsgf.accepts(_rules(), "command", text)


def _log(value: float) -> float:
    """pocketsphinx's Python scores are ``1.0001 ** raw``: back to raw (very unlikely: -1e9)."""
    return math.log(value) / _LOG_BASE if value > 0 else -1e9


def hearing_of(decoder: Any, words: str) -> Hearing:
    """The readings (the lattice's n-best paths, distinct, best first), the Viterbi path's fit per
    frame (its distance from the best state of each frame) and its words' posteriors."""
    if not words:
        return Hearing((), 1)
    frames = max(1, int(decoder.n_frames()))
    hyp = decoder.hyp()
    fit = _log(hyp.score) / frames
    posteriors: dict[str, float] = {}
    for seg in decoder.seg():
        word = seg.word.split("(")[0]
        if word and not word.startswith(("<", "[")):
            posteriors[word] = min(posteriors.get(word, 1.0), float(seg.prob))
    scores: dict[str, float] = {}
    try:
        for i, path in enumerate(decoder.nbest()):
            if i >= NBEST:
                break
            text = words_of(path)
            if text and text not in scores and (text == words or in_grammar(text)):
                scores[text] = _log(path.score)
                if len(scores) >= READINGS:
                    break
    except RuntimeError:  # no lattice (an utterance cut short): the Viterbi path alone
        pass
    if not scores:
        return Hearing((Reading(words, 0.0),), frames, fit, posteriors)
    if words not in scores:
        # The Viterbi path is not among the lattice's best: it and the lattice disagree, so the
        # best lattice path leads and the Viterbi path comes after it.
        scores[words] = min(scores.values())
    readings = tuple(Reading(t, s) for t, s in sorted(scores.items(), key=lambda kv: -kv[1]))
    agree = readings[0].text == words
    return Hearing(readings, frames, fit, posteriors if agree else {}, searches_agree=agree)
