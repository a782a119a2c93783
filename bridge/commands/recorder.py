"""Push-to-talk recording of the default input device with sounddevice.

``start()`` opens an input stream at the device's own rate (JACK and many USB devices refuse
other rates), the PortAudio callback appends blocks, ``stop()`` returns the utterance as 16 kHz
mono int16. Recording stops by itself after ``max_seconds``.
"""

from __future__ import annotations

import threading
from typing import Any

from bridge.commands.audio import to_speech_int16
from engines.errors import RooError


class Recorder:
    def __init__(self, *, device: int | str | None = None, max_seconds: float = 15.0) -> None:
        self.device = device
        self.max_seconds = max_seconds
        self.rate_hz = 0
        self.overflows = 0  # blocks PortAudio reported as overflowed (counted, never hidden)
        self._blocks: list[Any] = []
        self._frames = 0
        self._lock = threading.Lock()
        self._stream: Any = None

    @property
    def recording(self) -> bool:
        return self._stream is not None

    def start(self) -> None:
        """Open the input and start collecting; raises RooError when there is no input device."""
        import sounddevice as sd

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
            stream.start()
        except (sd.PortAudioError, ValueError) as exc:
            raise RooError(f"cannot record from input device {self.device!r}: {exc}") from exc
        self._blocks, self._frames = [], 0
        self._stream = stream

    def _callback(self, indata: Any, frames: int, time: Any, status: Any) -> None:
        if status:
            self.overflows += 1
        with self._lock:
            if self._frames < self.max_seconds * self.rate_hz:
                self._blocks.append(indata[:, 0].copy())
                self._frames += frames

    def stop(self) -> Any:
        """Stop and return what was recorded as 16 kHz mono int16 (may be empty)."""
        import numpy as np

        stream, self._stream = self._stream, None
        if stream is None:
            raise RooError("not recording: start a recording first")
        stream.stop()
        stream.close()
        with self._lock:
            samples = np.concatenate(self._blocks) if self._blocks else np.zeros(0, np.float32)
        return to_speech_int16(samples, self.rate_hz)
