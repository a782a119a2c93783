"""A stand-in for demucs in the model worker (imported there by name): the words' "the bass of this
sample" test knows the parts its mix was summed from, so the split gives those parts back (cut to the
region asked) and records what it was asked; demucs itself is tested in tests/engines/separation."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import soundfile as sf


def split_known(
    *, path: str, out_dir: str, model: str, start_s: float | None, end_s: float | None,
    progress: Callable[[float, str], None],
) -> dict[str, str]:  # fmt: skip
    """Each ``<part>.wav`` beside ``path`` (the parts the mix is the sum of), cut to start_s..end_s."""
    folder, out = Path(path).parent, Path(out_dir)
    out.mkdir(parents=True)
    written = {}
    for index, part in enumerate(("drums", "bass")):
        progress(index / 2, f"splitting out the {part}")
        audio, rate = sf.read(folder / f"{part}.wav", always_2d=True)
        cut = audio[round((start_s or 0.0) * rate) : None if end_s is None else round(end_s * rate)]
        sf.write(out / f"{part}.wav", cut, rate, subtype="FLOAT")
        written[part] = str(out / f"{part}.wav")
    (folder / "asked.json").write_text(
        json.dumps({"path": path, "model": model, "start_s": start_s, "end_s": end_s})
    )
    return written
