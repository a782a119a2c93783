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

import threading
from pathlib import Path
from typing import Any

from bridge.commands.audio import FRAME, TRIM_DB, TRIM_MARGIN_S, trim_silence
from bridge.commands.grammar import GRAMMAR_NAME, PRONUNCIATIONS, build_jsgf
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
NOISE_FLOOR_DB = -40.0  # -20..-50 dB measured; -30 dB added words in the margins (BENCHMARKS.md)


class SphinxRecognizer:
    """One loaded pocketsphinx decoder; ``transcribe`` is thread-safe (one utterance at a time).

    ``state_path``: where what streams learn is kept across restarts (the daemon's push-to-talk);
    None keeps it in memory only, so a result never depends on an earlier process.
    """

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
        self._lock = threading.Lock()
        if grammar:
            self._decoder = Decoder(lm=None, **{**GRAMMAR_OPTIONS, **(options or {})})
            for word, phones in PRONUNCIATIONS.items():
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
        self._learn(speech, words)
        return words

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
