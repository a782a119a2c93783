"""Push-to-talk recording of the default input device with sounddevice.

``start()`` opens an input stream at the device's own rate (JACK and many USB devices refuse
other rates). The PortAudio callback only queues each block; a consumer thread brings it to
16 kHz mono int16 (a streaming soxr resampler, so block edges leave no seams) and hands it to
the ``sink`` attached with ``attach`` (a speech stream decoding while the button is held).
``stop()`` drains the queue and returns the whole utterance. Recording stops by itself after
``max_seconds``.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any

from bridge.commands.audio import SPEECH_RATE_HZ
from engines.errors import RooError

Sink = Callable[[Any], None]  # takes a block of 16 kHz mono int16


class Recorder:
    def __init__(self, *, device: int | str | None = None, max_seconds: float = 15.0) -> None:
        self.device = device
        self.max_seconds = max_seconds
        self.rate_hz = 0
        self.overflows = 0  # blocks PortAudio reported as overflowed (counted, never hidden)
        self.sink_error: Exception | None = None  # what the sink raised; it gets no more blocks
        self._frames = 0
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._out: list[Any] = []  # 16 kHz int16 blocks, in order
        self._sink: Sink | None = None
        self._consumer: threading.Thread | None = None
        self._stream: Any = None

    @property
    def recording(self) -> bool:
        return self._stream is not None

    @property
    def seconds(self) -> float:
        """How much the input has delivered so far (capped at ``max_seconds``)."""
        return self._frames / self.rate_hz if self.rate_hz else 0.0

    def start(self) -> None:
        """Open the input and start collecting; raises RooError when there is no input device."""
        import sounddevice as sd
        import soxr

        if self._stream is not None:
            raise RooError("already recording: stop the current recording first")
        try:
            info = sd.query_devices(self.device, "input")
            self.rate_hz = int(info["default_samplerate"])
            stream = sd.InputStream(
                samplerate=self.rate_hz,
                channels=1,
                dtype="float32",
                device=self.device,
                callback=self._callback,
            )
        except (sd.PortAudioError, ValueError) as exc:
            raise RooError(f"cannot record from input device {self.device!r}: {exc}") from exc
        self._frames, self._out, self._sink, self.sink_error = 0, [], None, None
        resampler = soxr.ResampleStream(self.rate_hz, SPEECH_RATE_HZ, 1, dtype="float32")
        self._consumer = threading.Thread(
            target=self._consume, args=(resampler,), name="roo-recorder", daemon=True
        )
        self._consumer.start()
        try:
            stream.start()
        except sd.PortAudioError as exc:
            self._queue.put(None)
            self._consumer.join()
            raise RooError(f"cannot record from input device {self.device!r}: {exc}") from exc
        self._stream = stream

    def attach(self, sink: Sink) -> None:
        """Send what was recorded so far, then every new block, to ``sink`` (on the consumer thread)."""
        self._queue.put(("attach", sink))

    def _callback(self, indata: Any, frames: int, time: Any, status: Any) -> None:
        if status:
            self.overflows += 1
        if self._frames < self.max_seconds * self.rate_hz:
            self._queue.put(indata[:, 0].copy())
            self._frames += frames

    def _consume(self, resampler: Any) -> None:
        import numpy as np

        while True:
            item = self._queue.get()
            if isinstance(item, tuple):
                self._sink = item[1]
                if self._out:
                    self._deliver(np.concatenate(self._out))
                continue
            last = item is None
            block = np.zeros(0, np.float32) if last else item
            out = resampler.resample_chunk(block, last=last)
            if len(out):
                pcm = (np.clip(out, -1.0, 1.0) * 32767.0).astype(np.int16)
                self._out.append(pcm)
                self._deliver(pcm)
            if last:
                return

    def _deliver(self, pcm: Any) -> None:
        if self._sink is None:
            return
        try:
            self._sink(pcm)
        except Exception as exc:  # a failing decoder must not stop the recording
            self.sink_error, self._sink = exc, None

    def stop(self) -> Any:
        """Stop, hand the last blocks to the sink, and return the whole recording (16 kHz int16)."""
        import numpy as np

        stream, self._stream = self._stream, None
        if stream is None:
            raise RooError("not recording: start a recording first")
        stream.stop()
        stream.close()
        self._queue.put(None)
        if self._consumer is not None:
            self._consumer.join()
        return np.concatenate(self._out) if self._out else np.zeros(0, np.int16)
