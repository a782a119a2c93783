"""``fast_path(device)``: is the graphed MusicGen decoding loop on for ``device``, and what runs instead.

The hook ``roo doctor`` reads through ``engines.gpu.FAST_PATHS``; a thin adapter over
``engines.musicgen.fast_paths()`` (torch is imported only when asked).
"""

from __future__ import annotations

import os


def fast_path(device: str) -> tuple[bool, str]:
    """(on, one line): on only for a CUDA ``device`` with CUDA present and the switch not off."""
    from engines.musicgen import fast_paths

    paths = fast_paths()
    captured = paths["musicgen_captures"]
    if not str(device).startswith("cuda"):
        return False, f"{device}: transformers' generate (the graphed loop needs CUDA)"
    if os.environ.get("MUSEAROO_MUSICGEN_GRAPHS", "1") == "0":
        return False, "switched off by MUSEAROO_MUSICGEN_GRAPHS=0: transformers' generate"
    if paths["musicgen_decoding"] != "cuda-graphs":
        return False, "CUDA is not available to torch: transformers' generate"
    shapes = f"shapes captured in this process: {len(captured)}" if captured else "captured on the first loop"
    return True, f"CUDA graphs, one per shape ({shapes}); {paths['musicgen_graphs_switch']}"
