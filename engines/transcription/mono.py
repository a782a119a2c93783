"""Monophonic note tracking (melody, bass): one note at a time, by a Viterbi path through the maps.

Each frame is silence or one pitch. A pitch's evidence is its note map (for bass, plus 0.7 of the
octave above: the model often hears a bass note's second harmonic louder than the note; but not
after the octave above attacks where the pitch does not, a line leaping up an octave);
changing state costs ``SWITCH`` so vibrato and glides do not break a held note into many. A run
of one pitch is split into repeated notes only where its onset map peaks and the note map dipped
just before. A bass note whose audio shows a struck attack starts nearer its onset peak (``starts``).
Pitches outside the song's key pay a small cost when the key is known.
``fragments_joined`` (melody) makes a short note that carries on the one before it at its pitch,
with no strong attack, part of it: a held voice patch's tremolo or swell can end a note early and
start a second one on the same key; a shorter one a semitone away (a wide vibrato's last swing, a
legato glide through the key between two notes) joins it too. ``faint_leaps_joined`` (melody) makes
a short, faint note an octave or more from the note it leads into that note's start: a voice patch's
attack read on a far key.
"""

from __future__ import annotations

import dataclasses
import itertools

import numpy as np

from engines.transcription.model import FRAMES_PER_S, LOWEST_MIDI, Posteriors
from engines.transcription.notes import TranscribedNote
from engines.transcription.onsets import peak_frames
from engines.transcription.starts import struck_start
from engines.transcription.tracks import Track

SILENCE = 0.28  # a frame whose best pitch evidence is below this is silence
SWITCH = 1.6  # log-cost of changing state (pitch or silence)
OCTAVE_HELP = 0.7  # bass: share of the octave above's evidence credited to a pitch ...
OWN_ONSET = 0.3  # ... except after an onset peak of the octave above at least this high ...
LOW_QUIET = 0.7  # ... where the pitch's own onset map stays under this share of it (a leap up)
OUT_OF_KEY = 0.15  # log-cost per frame of a pitch outside the known key
REPEAT_ONSET = 0.5  # an onset peak above this inside a run starts a repeated note ...
REPEAT_DIP = 0.85  # ... where the note map fell below this share of the run's level just before,
REPEAT_RISE = 0.35  # ... or the onset map climbed this much out of a trough ...
REPEAT_LOOKBACK = 8  # ... in the frames before the peak, and the audio's flux near it rose
REPEAT_ACCENT = 1.7  # ... to this many times its median, with the level climbing REPEAT_CLIMB_DB again
REPEAT_CLIMB_DB = 1.5  # (a vibrato moves the flux but not the level) ...
STRONG_ACCENT = 6.0  # ... or the flux rose this much (a plucked repeat: no need to ask the level)
REPEAT_MIN_FRAMES = 7  # a repeat leaves at least 80 ms (a release click is not a new note)
MIN_FRAMES = 4
ONSET_BEFORE = 3  # frames before a run's start searched for its onset peak ...
ONSET_AFTER = 12  # ... and after it (about 140 ms)
ONSET_SEEN = 0.3  # an onset peak at least this high places the start
RISE_SHARE = 0.75  # the start: the first frame of the onset map within this share of its peak
RANGES = {"melody": (36, 100), "bass": (23, 67)}
FRAGMENT_S = 0.4  # a note shorter than this on the key of the note before (0.7 s lost slow pads' repeats) ...
TOUCHING_S = 0.03  # ... starting within this of its end ...
FRAGMENT_ACCENT = 4.0  # ... with the flux under this many times its median at its start, carries it on
SWING_S = 0.15  # ... and a note shorter than this a semitone from it (a vibrato's swing, a glide) too
LEAP_S = 0.2  # a note shorter than this ...
LEAP_SEMITONES = 12  # ... this far from the longer note it touches (within TOUCHING_S) ...
LEAP_FAINT = 0.5  # ... whose note map averages under this over itself is that note's attack


def track(
    post: Posteriors,
    kind: str,
    key_pitch_classes: frozenset[int] | None = None,
    accents: np.ndarray | None = None,
    levels_db: np.ndarray | None = None,
    syllables: np.ndarray | None = None,
) -> list[Track]:
    """One-note-at-a-time notes for ``melody`` or ``bass`` from the note and onset maps.

    ``accents`` (per model frame, the audio's flux over its median) and ``levels_db`` (its level)
    confirm a repeated note: a bow change or vibrato can make the onset map climb where the audio
    shows no new attack (a strong accent, or an accent with the level climbing again). ``syllables``
    (per model frame, ``syllables.cues``) splits a run where a sung syllable starts on its pitch."""
    low, high = RANGES[kind]
    cols = np.arange(low - LOWEST_MIDI, high - LOWEST_MIDI + 1)
    evidence = post.note[:, cols].astype(np.float64)
    if kind == "bass":
        above = np.zeros_like(evidence)
        above[:, :-12] = evidence[:, 12:]
        evidence = np.minimum(1.0, evidence + OCTAVE_HELP * above * _helped(post.onset, cols))
    scores = np.log(np.maximum(evidence, 1e-4))
    if key_pitch_classes is not None:
        outside = np.array([(low + i) % 12 not in key_pitch_classes for i in range(len(cols))])
        scores[:, outside] -= OUT_OF_KEY
    silence = np.full((len(scores), 1), np.log(SILENCE))
    path = _viterbi(np.hstack([silence, scores]))
    tracks: list[Track] = []
    for state, start, end in _runs(path):
        if state == 0:
            continue
        col = int(cols[state - 1])
        begin, peak = _onset_near(post.onset[:, col], start, end)
        if kind == "bass":  # a struck low note's onset map swells early from the note before
            begin = struck_start(post.onset[:, col], begin, peak, accents, run=start)
        if tracks and tracks[-1].end >= start:  # the note before held until this one: it still does
            tracks[-1] = Track(
                tracks[-1].pitch, tracks[-1].start, max(tracks[-1].start + 1, begin), tracks[-1].strength
            )
        pieces = _split_repeats(post, col, begin, end, after=peak, audio=(accents, levels_db))
        for a, b in _syllables_split(pieces, syllables):
            if b - a >= MIN_FRAMES:
                tracks.append(Track(col + LOWEST_MIDI, a, b, float(post.note[a:b, col].max())))
    return tracks


def _helped(onsets: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """(frames, pitches) 1 where a bass pitch may take the octave above's evidence, 0 from an onset of
    the octave above that the pitch does not share (the line leapt up) until the pitch's own next onset."""
    helped = np.ones((len(onsets), len(cols)))
    for i, col in enumerate(cols[cols + 12 < onsets.shape[1]]):
        up, own = onsets[:, col + 12], onsets[:, col]
        events = [(int(t), True) for t in peak_frames(up, height=OWN_ONSET, distance=MIN_FRAMES)]
        events += [(int(t), False) for t in peak_frames(own, height=ONSET_SEEN, distance=MIN_FRAMES)]
        since = None
        for t, upper in sorted(events):
            near = slice(max(0, t - 2), t + 3)
            if upper and own[near].max() >= LOW_QUIET * up[t]:
                upper = False  # the pitch has its own onset here: the octave above is its harmonic
            elif not upper and own[t] < LOW_QUIET * up[near].max():
                continue  # the octave above's attack heard an octave low: not the pitch's own onset
            if upper and since is None:
                since = max(0, t - ONSET_BEFORE)
            elif not upper and since is not None:
                helped[since : max(since, t - ONSET_BEFORE), i] = 0.0
                since = None
        if since is not None:
            helped[since:, i] = 0.0
    return helped


def _onset_near(onsets: np.ndarray, start: int, end: int) -> tuple[int, int]:
    """Where the note really starts (the rise to its onset map's peak near the run's start), and the peak.

    The note map rises up to about 100 ms before a low note's onset (the model's long low-frequency
    window), so a run starts early; its pitch's onset map peaks at the sound's start."""
    low, high = max(0, start - ONSET_BEFORE), min(end - MIN_FRAMES + 1, start + ONSET_AFTER)
    if high <= low:
        return start, start
    window = onsets[low:high]
    peak = int(np.argmax(window))
    if window[peak] < ONSET_SEEN:
        return start, start
    # a slow attack (a flute's) peaks late: the start is where the climb to the peak began
    return _rise_start(onsets, low + peak, floor=max(0, low - ONSET_BEFORE)), low + peak


def _viterbi(scores: np.ndarray) -> np.ndarray:
    """The best state per frame for (frames, states) log-scores, any change costing SWITCH."""
    n_frames, n_states = scores.shape
    back = np.zeros((n_frames, n_states), dtype=np.int32)
    delta = scores[0].copy()
    for t in range(1, n_frames):
        best = int(np.argmax(delta))
        jump = delta[best] - SWITCH
        stay = delta >= jump
        back[t] = np.where(stay, np.arange(n_states), best)
        delta = np.where(stay, delta, jump) + scores[t]
    path = np.zeros(n_frames, dtype=np.int32)
    path[-1] = int(np.argmax(delta))
    for t in range(n_frames - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return path


def _runs(path: np.ndarray) -> list[tuple[int, int, int]]:
    """(state, first frame, end frame) for each run of one state."""
    edges = np.flatnonzero(np.diff(path)) + 1
    bounds = [0, *edges.tolist(), len(path)]
    return [(int(path[a]), a, b) for a, b in itertools.pairwise(bounds)]


def _split_repeats(
    post: Posteriors,
    col: int,
    start: int,
    end: int,
    *,
    after: int,
    audio: tuple[np.ndarray | None, np.ndarray | None] = (None, None),
) -> list[tuple[int, int]]:
    """The run cut where a new onset of the same pitch (past frame ``after``, the note's own onset
    peak) rises out of a trough in the onset map or follows a dip in the note map."""
    onsets = post.onset[start:end, col]
    frames = post.note[start:end, col]
    level = float(np.median(frames)) if len(frames) else 0.0
    cuts: list[int] = []
    for p in peak_frames(onsets, height=REPEAT_ONSET, distance=MIN_FRAMES):
        if p < max(MIN_FRAMES, after - start + MIN_FRAMES):
            continue
        before = slice(max(0, p - REPEAT_LOOKBACK), p)
        rose = onsets[p] - onsets[before].min() >= REPEAT_RISE
        dipped = frames[max(0, p - 3) : p + 1].min() < REPEAT_DIP * level
        cut = _rise_start(onsets, int(p), floor=cuts[-1] + MIN_FRAMES if cuts else MIN_FRAMES)
        heard = _attack_heard(start + int(p), *audio)
        if (rose or dipped) and heard and end - start - cut >= REPEAT_MIN_FRAMES:
            cuts.append(cut)
    bounds = [0, *cuts, end - start]
    return [(start + a, start + b) for a, b in itertools.pairwise(bounds)]


def _syllables_split(pieces: list[tuple[int, int]], cues: np.ndarray | None) -> list[tuple[int, int]]:
    """Each piece cut again at its syllables' cues (the strongest peak where two lie close), each
    part at least REPEAT_MIN_FRAMES long."""
    if cues is None:
        return pieces
    out: list[tuple[int, int]] = []
    for a, b in pieces:
        cuts: list[int] = []
        for p in peak_frames(cues[a:b], height=1e-9, distance=REPEAT_MIN_FRAMES):
            if min(p, b - a - p, *(abs(p - c) for c in cuts)) >= REPEAT_MIN_FRAMES:
                cuts.append(int(p))
        bounds = [0, *sorted(cuts), b - a]
        out.extend((a + x, a + y) for x, y in itertools.pairwise(bounds))
    return out


def _rise_start(onsets: np.ndarray, peak: int, *, floor: int = 0) -> int:
    """The first frame of the climb to an onset peak: the earliest frame within RISE_SHARE of it."""
    edge = peak
    while edge > floor and onsets[edge - 1] >= RISE_SHARE * onsets[peak]:
        edge -= 1
    return edge


def _attack_heard(frame: int, accents: np.ndarray | None, levels_db: np.ndarray | None) -> bool:
    """Whether the audio shows a new attack near ``frame`` (True when there is no audio to ask)."""
    if accents is None:
        return True
    accent = float(accents[max(0, frame - 2) : frame + 4].max(initial=0.0))
    if accent >= STRONG_ACCENT or levels_db is None:
        return accent >= REPEAT_ACCENT
    climb = float(
        levels_db[frame : frame + 5].max(initial=-120.0)
        - levels_db[max(0, frame - 5) : frame + 1].min(initial=0.0)
    )
    return accent >= REPEAT_ACCENT and climb >= REPEAT_CLIMB_DB


def fragments_joined(notes: list[TranscribedNote], accents: np.ndarray) -> list[TranscribedNote]:
    """One-note-at-a-time notes with each fragment joined to the note before: a note shorter than
    FRAGMENT_S on that note's key, starting within TOUCHING_S of its end, where the audio's flux
    (``accents``, per model frame, over its median) shows no attack: under FRAGMENT_ACCENT (a held
    note's fragments <= 2.8 on the sung tune and test halves, their repeats 6.2-6.8); a note shorter
    than SWING_S a semitone from it joins it the same way (its bends, in semitones, then say where it
    sat)."""
    out: list[TranscribedNote] = []
    for note in notes:
        frame = round(note.start_s * FRAMES_PER_S)
        attack = float(accents[max(0, frame - 2) : frame + 4].max(initial=0.0))
        if (
            out
            and note.duration_s < (FRAGMENT_S if out[-1].pitch == note.pitch else SWING_S)
            and abs(out[-1].pitch - note.pitch) <= 1
            and note.start_s - out[-1].end_s < TOUCHING_S
            and attack < FRAGMENT_ACCENT
        ):
            shift = note.pitch - out[-1].pitch
            bends = tuple((t, round(c + shift, 3)) for t, c in note.bends)
            out[-1] = dataclasses.replace(out[-1], end_s=note.end_s, bends=out[-1].bends + bends)
        else:
            out.append(note)
    return out


def faint_leaps_joined(notes: list[TranscribedNote], post: Posteriors) -> list[TranscribedNote]:
    """One-note-at-a-time notes (times on ``post``'s frames) where a note shorter than LEAP_S, at least
    LEAP_SEMITONES from the longer note it touches, with its note map averaging under LEAP_FAINT, is
    dropped and that note starts at its start: on the sung tune half a Choir Aahs attack read 22
    semitones up (map 0.37-0.42); its true short notes at leaps of 5 or more read 0.56-0.84."""
    out: list[TranscribedNote] = []
    skip = False
    for note, after in zip(notes, [*notes[1:], None], strict=True):
        if skip:
            skip = False
            continue
        if after is not None and _faint_leap(note, after, post):
            out.append(dataclasses.replace(after, start_s=note.start_s))
            skip = True
        else:
            out.append(note)
    return out


def _faint_leap(note: TranscribedNote, after: TranscribedNote, post: Posteriors) -> bool:
    if not (
        note.duration_s < min(LEAP_S, after.duration_s)
        and abs(after.pitch - note.pitch) >= LEAP_SEMITONES
        and after.start_s - note.end_s < TOUCHING_S
    ):
        return False
    first, last = round(note.start_s * FRAMES_PER_S), round(note.end_s * FRAMES_PER_S)
    heard = post.note[first : max(last, first + 1), note.pitch - LOWEST_MIDI]
    return len(heard) > 0 and float(heard.mean()) < LEAP_FAINT
