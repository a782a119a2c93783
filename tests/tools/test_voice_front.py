"""The studio bench's audio front end (tools/bench/voice_front.py): a hum under the voice is taken
out, a quiet voice and a loud one come out at one level, silence stays silence, a bad rate is named."""

import numpy as np
import pytest

from tools.bench.voice_front import LEVEL_DBFS, front_end

RATE = 16000


def _tone(hz: float, amplitude: float, seconds: float = 1.0) -> np.ndarray:
    t = np.arange(int(RATE * seconds)) / RATE
    return amplitude * np.sin(2 * np.pi * hz * t)


def _rms_db(x: np.ndarray) -> float:
    return float(20 * np.log10(np.sqrt(np.mean(x.astype(np.float64) ** 2)) / 32768.0))


def test_a_mains_hum_is_taken_down_far_more_than_the_voice_band() -> None:
    mixed = front_end((_tone(50, 8000) + _tone(500, 2000)).astype(np.int16))
    spectrum = np.abs(np.fft.rfft(mixed[RATE // 4 :].astype(np.float64)))
    bins = np.fft.rfftfreq(len(mixed) - RATE // 4, 1 / RATE)
    # the hum goes in four times the voice's amplitude and comes out below it (12 dB down at 50 Hz)
    assert spectrum[np.argmin(abs(bins - 50))] < 1.2 * spectrum[np.argmin(abs(bins - 500))]


def test_a_whisper_and_a_shout_come_out_at_the_same_level() -> None:
    quiet = front_end(_tone(300, 300).astype(np.int16))
    loud = front_end(_tone(300, 20000).astype(np.int16))
    assert abs(_rms_db(quiet) - LEVEL_DBFS) < 1.0
    assert abs(_rms_db(loud) - LEVEL_DBFS) < 1.0


def test_silence_is_not_raised_into_noise() -> None:
    silent = np.zeros(RATE, dtype=np.int16)
    silent[::997] = 1
    assert np.max(np.abs(front_end(silent))) <= 1


def test_a_rate_too_low_for_the_high_pass_is_named() -> None:
    with pytest.raises(ValueError, match="rate_hz 150"):
        front_end(np.zeros(100, dtype=np.int16), 150)
