"""Bass: a note the model heard on its third harmonic put back on its key, a twelfth (19 semitones) down.

On picked and plucked low notes (a clean electric guitar's, a harp's E1-C2) the model can hear the third
harmonic louder than the fundamental and the octave, and the one-note tracker then reads the whole note a
twelfth up. Its fundamental is still heard under it: on a84's lows tune set the note map 19 semitones under
such a note averaged 0.34 (median; 0.19 at the tenth percentile), under a right note never 0.2 (0.09 median,
the map's floor; 10 of 1306 at 0.15 or more). A true high note over a low one still ringing would look the same, but a
one-note line rarely leaves its note ringing a twelfth under the next.
"""

from __future__ import annotations

import dataclasses

from engines.transcription.model import LOWEST_MIDI, Posteriors
from engines.transcription.tracks import Track

TWELFTH = 19  # semitones from a note to its third harmonic
TWELFTH_HEARD = 0.2  # a note whose key 19 under it averages this on the note map is that key's harmonic


def lowered(tracks: list[Track], post: Posteriors, lowest: int) -> list[Track]:
    """``tracks`` (one note at a time), each one whose key a twelfth under it (not below ``lowest``, MIDI)
    the note map hears at TWELFTH_HEARD or more over its frames moved down onto that key."""
    out: list[Track] = []
    for track in tracks:
        down = track.pitch - TWELFTH
        if down >= max(lowest, LOWEST_MIDI):
            frames = post.note[track.start : max(track.end, track.start + 1), down - LOWEST_MIDI]
            if float(frames.mean()) >= TWELFTH_HEARD:
                track = dataclasses.replace(track, pitch=down)
        out.append(track)
    return out
