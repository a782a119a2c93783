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

With ``warps=warps.WARPS`` a whole utterance is decoded at each frequency warp (vocal tract length
by search: the best fitting decode is kept, the next best is the second opinion that ``recheck``
returns) and a stream decodes at the factor found last, kept with the cepstral mean; by default
one factor (the audio as it is).

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
from bridge.commands.confidence import Hearing, Limits
from bridge.commands.grammar import ALTERNATES, GRAMMAR_NAME, PRONUNCIATIONS, build_jsgf
from bridge.commands.learned import Learned, read_learned, write_learned
from bridge.commands.sphinx_scores import hearing_of, log_score
from bridge.commands.sphinx_stream import SphinxStream, words_of
from bridge.commands.warps import NEUTRAL, WarpHearing, ranked
from bridge.commands.warps import options as warp_options
from engines.errors import ModelUnavailable

# Decoder settings for the grammar search, chosen on the espeak-ng phrase set (see docs/benchmarks/voice.md).
GRAMMAR_OPTIONS: dict[str, Any] = {
    "cmn": "live",  # a running mean for streams; a whole utterance sets its own mean first
    "fsgusefiller": False,
    "dither": True,
    "seed": 1,  # dither's random numbers: a fixed seed makes every result repeatable
    "bestpath": False,  # the grammar's Viterbi path is enough: same accuracy, about 30 % less time
    # Over 1000 active HMMs in a frame the beams narrow (pocketsphinx's FSG search): same accuracy
    # on the tuning subset, the slowest utterances about 15 % faster (docs/benchmarks/voice.md).
    "maxhmmpf": 1000,
    "loglevel": "FATAL",
}
SILENCE_PROB = 0.1  # silence allowed before and after the command (states 0 and 1 of the FSG)
FREE_OPTIONS: dict[str, Any] = {"cmn": "live", "dither": True, "seed": 1, "loglevel": "FATAL"}
# When a reading is unsure (``confidence.decide``), in pocketsphinx's log units (base 1.0001) per
# 10 ms frame; tuned on the development phrases in two voices (docs/benchmarks/voice.md, "Voice that knows when it is unsure").
LIMITS = Limits(margin=2.5, fit=-44.0, posterior=0.5)
NOISE_FLOOR_DB = -40.0  # -20..-50 dB measured; -30 dB added words in the margins (docs/benchmarks/voice.md)
# The second decode of a recogniser with one warp factor: noise floor (dB below the speech) and seed.
# On the tuning set it changed 4 of the 6 wrong readings that were clearly ahead, and 1 of 264 right ones.
# With a warp search (``warps.py``) the second opinion is the next best warp's decode instead.
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
        warps: tuple[float, ...] | None = None,
    ) -> None:
        try:
            from pocketsphinx import Decoder
        except ImportError as exc:
            raise ModelUnavailable("pocketsphinx is not installed: pip install 'pocketsphinx>=5'") from exc
        self.grammar = grammar
        self.noise_floor_db = noise_floor_db
        self.state_path = state_path
        # The warp search is asked for (``warps=WARPS``), not the default: on the espeak-ng tests of
        # the neutral en-us voice it lost readings the single decode and its louder-floor recheck
        # got right (docs/benchmarks/voice.md, "Voice that knows when it is unsure").
        self.warps = tuple(warps or (NEUTRAL,))
        if NEUTRAL not in self.warps:
            raise ValueError(f"warp factors {self.warps} must include {NEUTRAL} (the audio as it is)")
        self.learned: Learned | None = read_learned(state_path) if state_path else None
        # The factor streams decode at: the one found last (kept with the cepstral mean).
        self.warp = self.learned.warp if self.learned and self.learned.warp in self.warps else NEUTRAL
        self.last_hearing: Hearing | None = None  # the scores of the last utterance decoded
        self.last_warps: list[WarpHearing] = []  # its decodes at each factor tried, best fitting first
        self._last_speech: Any = None  # its audio, silence cut, for ``recheck``
        self._second: str | None = None  # the next best warp's words, when the search decoded it
        self._lock = threading.Lock()
        self._decoders: dict[float, Any] = {}
        self._probes: dict[float, Any] = {}
        for warp in self.warps:
            opts = {**(options or {}), **warp_options(warp)}
            self._decoders[warp] = (
                self._grammar_decoder(Decoder, opts) if grammar else Decoder(**{**FREE_OPTIONS, **opts})
            )
            # A second decoder with a one-word grammar measures each utterance's cepstral mean in a
            # few milliseconds; the real search then starts from it (pocketsphinx otherwise carries
            # the mean over from the previous utterance, so a result would depend on what came before).
            probe = Decoder(lm=None, **{**GRAMMAR_OPTIONS, **opts, "cmn": "batch"})
            probe.add_jsgf_string("probe", "#JSGF V1.0;\ngrammar probe;\npublic <a> = a;\n")
            probe.activate_search("probe")
            self._probes[warp] = probe

    @staticmethod
    def _grammar_decoder(decoder_class: Any, opts: dict[str, Any]) -> Any:
        d = decoder_class(lm=None, **{**GRAMMAR_OPTIONS, **opts})
        for word, phones in {**PRONUNCIATIONS, **ALTERNATES}.items():
            if d.lookup_word(word) is None:
                d.add_word(word, phones, False)
        fsg = d.parse_jsgf(build_jsgf())
        for state in (0, 1):  # the start and final states of a grammar built from JSGF
            fsg.add_silence("<sil>", state, SILENCE_PROB)
        d.add_fsg(GRAMMAR_NAME, fsg)
        d.activate_search(GRAMMAR_NAME)
        return d

    @property
    def _decoder(self) -> Any:
        """The decoder at the factor found last (streams decode with it)."""
        return self._decoders[self.warp]

    def _cepstral_mean(self, pcm: bytes, warp: float) -> str:
        probe = self._probes[warp]
        probe.reinit_feat()  # back to the initial mean, with no statistics carried over
        probe.start_utt()
        probe.process_raw(pcm, full_utt=True)
        probe.end_utt()
        return str(probe.get_cmn())

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
        """Decode at every warp factor and keep the best fitting (``warps.py``)."""
        import numpy as np

        speech = trim_silence(np.asarray(audio, dtype=np.int16), threshold_db=TRIM_DB, margin_s=TRIM_MARGIN_S)
        if len(speech) < FRAME:
            return ""  # under 10 ms: nothing to hear (pocketsphinx refuses an empty buffer)
        pcm = with_noise_floor(speech, self.noise_floor_db).tobytes()
        heard = [WarpHearing(w, self._decode_whole(pcm, w), self._fit(w)) for w in self.warps]
        order = ranked(heard)
        best = order[0]
        self.warp = best.warp
        self.last_warps = order
        # the n-best readings only of the decode kept (each decoder still holds its own lattice)
        self.last_hearing = (
            hearing_of(self._decoder, best.words) if self.grammar else Hearing.plain(best.words)
        )
        self._last_speech = speech
        self._second = order[1].words if len(order) > 1 else None
        self._learn(speech, best.words)
        return best.words

    def _fit(self, warp: float) -> float:
        """The score per frame of the best path the decoder at ``warp`` just found (``Hearing.fit``)."""
        d = self._decoders[warp]
        hyp = d.hyp()
        return log_score(hyp.score) / max(1, int(d.n_frames())) if hyp is not None else -1e9

    def _decode_whole(self, pcm: bytes, warp: float) -> str:
        d = self._decoders[warp]
        mean = self._cepstral_mean(pcm, warp)
        d.reinit_feat()
        d.set_cmn(mean)  # this utterance's own mean, never the previous one's
        d.start_utt()
        d.process_raw(pcm, full_utt=True)
        d.end_utt()
        return words_of(d.hyp())

    def _note_hearing(self, words: str, speech: Any) -> None:
        """Keep the scores of a streamed utterance just ended (the decoder still holds its lattice)
        and its audio (silence cut) for ``recheck``."""
        self.last_hearing = hearing_of(self._decoder, words) if self.grammar else Hearing.plain(words)
        self.last_warps = [WarpHearing(self.warp, words, self.last_hearing.fit)]
        self._last_speech = speech
        self._second = None

    def recheck(self) -> str:
        """A second opinion on the last utterance (``confidence.decide``): a reading that changes with
        it was not a sure one. After a warp search, the next best factor's words; after a stream,
        the best of the other factors, decoded now (and taken as the running factor when it fits
        better than the stream did); with one factor only, the audio decoded again over a louder
        noise floor from another seed (``RECHECK``). Leaves ``last_hearing`` as it was."""
        import numpy as np

        with self._lock:
            if self._second is not None:
                return self._second
            speech = self._last_speech
            if speech is None or len(speech) < FRAME:
                return ""
            if len(self.warps) == 1:
                pcm = with_noise_floor(np.asarray(speech, dtype=np.int16), *RECHECK).tobytes()
                return self._decode_whole(pcm, self.warp)
            pcm = with_noise_floor(np.asarray(speech, dtype=np.int16), self.noise_floor_db).tobytes()
            others = []
            for warp in self.warps:
                if warp != self.warp:
                    others.append(WarpHearing(warp, self._decode_whole(pcm, warp), self._fit(warp)))
            best = ranked(others)[0]
            if self.last_warps and best.fit > self.last_warps[0].fit:
                self.warp = best.warp  # the running factor moves to the one that fits better
            self.last_warps = ranked(self.last_warps + others)
            return best.words

    def _learn(self, speech: Any, words: str) -> None:
        """Keep this utterance's mean and level for the next stream, when something was heard in it
        (a press with only hiss or a cough would teach the wrong level)."""
        import numpy as np

        x = np.asarray(speech, dtype=np.float32)
        if not words or len(x) < FRAME:
            return
        hop = len(x) // FRAME * FRAME
        peak = float(np.sqrt(np.mean(x[:hop].reshape(-1, FRAME) ** 2, axis=1)).max())
        self.learned = Learned(str(self._decoder.get_cmn()), float(np.sqrt(np.mean(x**2))), peak, self.warp)
        if self.state_path is not None:
            write_learned(self.state_path, self.learned)


def with_noise_floor(audio: Any, floor_db: float = NOISE_FLOOR_DB, seed: int = 0) -> Any:
    """``audio`` (int16) plus white noise ``floor_db`` below its RMS, from a fixed seed."""
    import numpy as np

    x = audio.astype(np.float32)
    rms = float(np.sqrt(np.mean(x**2))) if len(x) else 0.0
    noise = np.random.default_rng(seed).standard_normal(len(x)).astype(np.float32)
    return np.clip(x + noise * rms * 10 ** (floor_db / 20), -32768, 32767).astype(np.int16)
