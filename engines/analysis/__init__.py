"""BrainAroo analysis: tempo, beats, downbeats, meter, key and chords of an audio clip.

``analyze(samples, sample_rate_hz)`` is the pure entry point (array in, result out);
``analyze_file(path)`` reads a file (or a Live clip's region) and uses the on-disk cache.
Heavy libraries (madmom, librosa) are imported inside the backends.
"""

from __future__ import annotations

from engines.analysis.cache import analyze_file, default_cache_dir
from engines.analysis.core import ANALYSIS_VERSION, BACKENDS, analyze, resolve_backend
from engines.analysis.reader import read_audio
from engines.analysis.result import AnalysisResult, ChordSegment, chords_in_beats, parse_harte

__all__ = [
    "ANALYSIS_VERSION",
    "BACKENDS",
    "AnalysisResult",
    "ChordSegment",
    "analyze",
    "analyze_file",
    "chords_in_beats",
    "default_cache_dir",
    "parse_harte",
    "read_audio",
    "resolve_backend",
]
