"""Basic Pitch's note model (ONNX, from the ``basic-pitch`` wheel) run on a mono array, loaded once.

``posteriors(audio_22k)`` gives three frame-by-pitch maps at ``FRAMES_PER_S`` frames per second:
``note`` and ``onset`` (88 piano keys, MIDI 21..108) and ``contour`` (264 bins, a third of a
semitone each). Frame ``f`` is the audio at ``f * HOP / MODEL_RATE_HZ`` seconds: windows advance
by a whole number of frames, so the frames tile the audio with no drift to correct afterwards.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engines.errors import ModelUnavailable

MODEL_RATE_HZ = 22050
HOP = 256  # samples per frame
FRAMES_PER_S = MODEL_RATE_HZ / HOP  # 86.13
WINDOW_SAMPLES = 2 * MODEL_RATE_HZ - HOP  # the model's fixed input: 43,844 samples, 172 frames out
WINDOW_FRAMES = 172
EDGE_FRAMES = 15  # frames dropped at each window edge (the model sees too little context there)
STEP_FRAMES = WINDOW_FRAMES - 2 * EDGE_FRAMES  # 142 frames kept per window
LOWEST_MIDI = 21  # note and onset column 0 is A0
BATCH_WINDOWS = 8
QUIET_RMS = 1e-4  # -80 dBFS
INPUT = "serving_default_input_2:0"
OUTPUTS = {
    "note": "StatefulPartitionedCall:1",
    "onset": "StatefulPartitionedCall:2",
    "contour": "StatefulPartitionedCall:0",
}
INSTALL = "pip install --no-deps basic-pitch==0.4.0 (the ONNX note model ships inside that wheel)"


@dataclass(frozen=True, slots=True)
class Posteriors:
    """The model's frame maps for one clip: ``note``/``onset`` (frames, 88), ``contour`` (frames, 264)."""

    note: np.ndarray
    onset: np.ndarray
    contour: np.ndarray

    @property
    def n_frames(self) -> int:
        return int(self.note.shape[0])


def model_path() -> Path:
    """Where the wheel put ``nmp.onnx``; ModelUnavailable naming the install line when absent."""
    spec = importlib.util.find_spec("basic_pitch")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        path = Path(folder) / "saved_models" / "icassp_2022" / "nmp.onnx"
        if path.is_file():
            return path
    raise ModelUnavailable(f"Basic Pitch's note model (nmp.onnx) is not installed: {INSTALL}")


@functools.cache
def load_session() -> object:
    """The ONNX session, made once per process (two intra-op threads: the project's target machine).

    Its threads sleep between operators instead of spinning: the same outputs bit for bit, about 0.08 s
    less CPU on a 20 s clip, which a busy machine's other processes then have (a80)."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 2  # the thread count changes the outputs' last bits: keep it
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    try:
        return ort.InferenceSession(str(model_path()), options, providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime raises its own bare types for a corrupt file
        raise ModelUnavailable(f"Basic Pitch's note model could not be loaded ({exc}): {INSTALL}") from exc


def _windows(audio_22k: np.ndarray) -> np.ndarray:
    """The clip cut into model windows whose kept middles tile it: (n, WINDOW_SAMPLES, 1) float32."""
    n_frames = int(np.ceil(len(audio_22k) / HOP))
    n_windows = max(1, int(np.ceil(n_frames / STEP_FRAMES)))
    padded_len = (n_windows - 1) * STEP_FRAMES * HOP + WINDOW_SAMPLES
    padded = np.zeros(padded_len + EDGE_FRAMES * HOP, dtype=np.float32)
    padded[EDGE_FRAMES * HOP : EDGE_FRAMES * HOP + len(audio_22k)] = audio_22k
    starts = np.arange(n_windows) * STEP_FRAMES * HOP
    return np.stack([padded[s : s + WINDOW_SAMPLES] for s in starts])[:, :, None]


def posteriors(audio_22k: np.ndarray, progress: Callable[[float], None] | None = None) -> Posteriors:
    """Run the model over a mono 22,050 Hz clip; ``progress`` gets the fraction of windows done."""
    session = load_session()
    windows = _windows(audio_22k.astype(np.float32, copy=False))
    n_frames = int(np.ceil(len(audio_22k) / HOP))
    parts: dict[str, list[np.ndarray]] = {"note": [], "onset": [], "contour": []}
    names = list(OUTPUTS.values())
    for first in range(0, len(windows), BATCH_WINDOWS):
        batch = windows[first : first + BATCH_WINDOWS]
        outputs = session.run(names, {INPUT: batch})  # type: ignore[attr-defined]
        for key, out in zip(OUTPUTS, outputs, strict=True):
            parts[key].append(out[:, EDGE_FRAMES : EDGE_FRAMES + STEP_FRAMES, :])
        if progress is not None:
            progress(min(1.0, (first + len(batch)) / len(windows)))
    maps = {k: np.concatenate(v).reshape(-1, v[0].shape[-1])[:n_frames] for k, v in parts.items()}
    quiet = _quiet_frames(audio_22k, n_frames)
    for values in maps.values():
        values[quiet] = 0.0
    return Posteriors(note=maps["note"], onset=maps["onset"], contour=maps["contour"])


def _quiet_frames(audio_22k: np.ndarray, n_frames: int) -> np.ndarray:
    """Frames with no audio within two frames either side (below -80 dBFS RMS): the model reads a
    silent window's normalised spectrum as notes, so its maps there are set to zero."""
    padded = np.zeros(n_frames * HOP, dtype=np.float32)
    padded[: len(audio_22k)] = audio_22k[: n_frames * HOP]
    rms = np.sqrt(np.mean(padded.reshape(n_frames, HOP) ** 2, axis=1))
    near = np.convolve(rms, np.ones(5), mode="same") / 5
    return near < QUIET_RMS


def pitched_share(audio_22k: np.ndarray, post: Posteriors, *, clear: float = 0.5) -> float:
    """Share of the sounding frames (above -40 dBFS peak) whose strongest note map value is ``clear``."""
    n = min(post.n_frames, len(audio_22k) // HOP)
    if n == 0:
        return 0.0
    peaks = np.abs(audio_22k[: n * HOP]).reshape(n, HOP).max(axis=1)
    sounding = peaks > 0.01
    if not sounding.any():
        return 0.0
    return float((post.note[:n].max(axis=1)[sounding] >= clear).mean())
