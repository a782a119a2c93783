"""A push-to-talk utterance decoded while it is recorded (``SphinxRecognizer.stream()``).

``feed`` takes 16 kHz mono int16 blocks as the microphone delivers them and decodes them at
once (pocketsphinx runs at about a tenth of real time here), so on release ``finish`` has only
the last block and the end of the search left. What a whole utterance would measure first is
taken over from the previous utterance (``Learned``): the running cepstral mean, the speech
level that sets the noise floor, and the loudest frame that leading silence is judged against.
The first utterance after loading has nothing to go on: it is kept and decoded whole on
release, and teaches the next one. Trailing silence is decoded (the grammar ends in silence).
"""

from __future__ import annotations

import threading
from collections import deque
from typing import Any, Protocol

from bridge.commands.audio import FRAME, TRIM_DB, TRIM_MARGIN_S, trim_silence
from engines.errors import RooError

LOCK_WAIT_S = 5.0  # how long a new stream waits for the decoder before saying it is busy


class SphinxRecognizer(Protocol):
    """What a stream uses of ``bridge.commands.sphinx.SphinxRecognizer`` (which opens streams)."""

    _lock: threading.Lock
    noise_floor_db: float
    learned: Any

    @property
    def _decoder(self) -> Any: ...  # the decoder at the warp factor found last

    def _learn(self, speech: Any, words: str) -> None: ...

    def _note_hearing(self, words: str, speech: Any) -> None: ...

    def _transcribe_locked(self, audio: Any) -> str: ...


def words_of(hyp: Any) -> str:
    """The words of a pocketsphinx hypothesis, without fillers and silences ('' for none)."""
    if hyp is None:
        return ""
    return " ".join(w for w in hyp.hypstr.split() if not w.startswith(("<", "[")))


class SphinxStream:
    """Holds the recogniser's lock from opening to ``finish`` or ``cancel`` (any thread may end it)."""

    def __init__(self, recognizer: SphinxRecognizer) -> None:
        import numpy as np

        if not recognizer._lock.acquire(timeout=LOCK_WAIT_S):
            raise RooError("the speech decoder is busy with another utterance: try again")
        self._rec = recognizer
        self._open = True
        self._kept: list[Any] = []  # everything fed, for learning and for a whole decode
        self._learned = recognizer.learned
        self._failed: Exception | None = None
        self._noise = np.random.default_rng(0)
        self._pending = np.zeros(0, np.int16)  # samples not yet judged as silence or speech
        self._preroll: deque[Any] = deque(maxlen=round(TRIM_MARGIN_S * 16000 / FRAME))
        self._speaking = False
        if self._learned is not None:
            try:
                d = recognizer._decoder
                d.reinit_feat()
                d.set_cmn(self._learned.cmn)
                d.start_utt()
            except Exception as exc:  # pocketsphinx raises RuntimeError; never lose the audio
                self._failed = exc

    @property
    def live(self) -> bool:
        """True when blocks are decoded as they come (not the first utterance, nothing failed)."""
        return self._learned is not None and self._failed is None

    def feed(self, block: Any) -> None:
        """Decode one block of 16 kHz mono int16 audio (any length)."""
        import numpy as np

        if not self._open:
            raise RooError("this utterance is finished: open a new stream")
        x = np.asarray(block, dtype=np.int16).reshape(-1)
        self._kept.append(x)
        if not self.live:
            return
        try:
            if self._speaking:
                self._decode(x)
            else:
                self._skip_leading_silence(x)
        except Exception as exc:
            self._failed = exc

    def _skip_leading_silence(self, x: Any) -> None:
        import numpy as np

        assert self._learned is not None
        threshold = self._learned.peak_frame_rms * 10 ** (TRIM_DB / 20)
        x = np.concatenate([self._pending, x])
        n = len(x) // FRAME
        for i in range(n):
            frame = x[i * FRAME : (i + 1) * FRAME]
            if float(np.sqrt(np.mean(frame.astype(np.float32) ** 2))) > threshold:
                self._speaking = True
                self._decode(np.concatenate([*self._preroll, x[i * FRAME :]]))
                self._preroll.clear()
                return
            self._preroll.append(frame)
        self._pending = x[n * FRAME :]

    def _decode(self, x: Any) -> None:
        import numpy as np

        assert self._learned is not None
        floor = (
            self._noise.standard_normal(len(x)) * self._learned.rms * 10 ** (self._rec.noise_floor_db / 20)
        )
        pcm = np.clip(x + floor, -32768, 32767).astype(np.int16)
        self._rec._decoder.process_raw(pcm.tobytes(), full_utt=False)

    def finish(self) -> str:
        """The words heard ('' for nothing); the stream is closed afterwards."""
        import numpy as np

        if not self._open:
            raise RooError("this utterance is already finished")
        audio = np.concatenate(self._kept) if self._kept else np.zeros(0, np.int16)
        try:
            if self.live:
                try:
                    d = self._rec._decoder
                    d.end_utt()
                    words = words_of(d.hyp())
                    speech = trim_silence(audio, threshold_db=TRIM_DB, margin_s=TRIM_MARGIN_S)
                    self._rec._note_hearing(words, speech)
                    self._rec._learn(speech, words)
                    return words
                except Exception as exc:  # the search failed at the end: decode the recording whole
                    self._failed = exc
            self._end_quietly()
            return self._rec._transcribe_locked(audio)
        finally:
            self._close()

    def cancel(self) -> None:
        """Drop the utterance (nothing is decoded or learned); safe to call more than once."""
        if self._open:
            self._end_quietly()
            self._close()

    def _end_quietly(self) -> None:
        if self._learned is not None:
            try:
                self._rec._decoder.end_utt()
            except Exception:  # the utterance is being thrown away or redone whole
                pass

    def _close(self) -> None:
        self._open = False
        self._rec._lock.release()
