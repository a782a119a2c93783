"""Building a Set described as data (``livesim.live_set.SetDesc``) into an in-memory Song, through
Live's own calls, so a bad description fails as Live would. What scripts stored with ``set_data``
and the Set's file path come with it, as when Live opens a saved Set.
"""

from __future__ import annotations

from engines.errors import InvalidValue
from livesim import warp
from livesim.clip import Clip
from livesim.document import Document
from livesim.live_set import ClipDesc, SetDesc
from livesim.notes import MidiNoteSpecification
from livesim.song import Song
from livesim.track import ClipSlot, Track


def build_song(desc: SetDesc, doc: Document) -> Song:
    """Build the Song through Live's own calls, so a bad description fails like Live would."""
    song = Song(doc)
    if not desc.tracks or not desc.scene_names:
        raise InvalidValue("a Set needs at least one track and one scene")
    try:
        song.tempo = desc.tempo_bpm
        song.signature_numerator, song.signature_denominator = desc.signature
        song.root_note = desc.root_note
        song.scale_name = desc.scale_name
        if desc.scale_mode:  # absent before Live 12.0.5: a Set that turns it on needs that Live
            song.scale_mode = True
        for name in desc.return_tracks:
            returned = Track(doc, song, midi=False, name=name, num_scenes=0)
            returned._is_return = True
            song._returns.append(returned)
        for name in desc.scene_names:
            song.create_scene(-1).name = name
        for t in desc.tracks:
            track = song.create_midi_track(-1) if t.kind == "midi" else song.create_audio_track(-1)
            track.name = t.name
            for c in t.clips:
                _build_clip(track.clip_slots[c.slot], c)
            for c in t.arrangement:
                _build_arrangement_clip(track, c)
        song.file_path = desc.file_path
        song._data.update(desc.data)
        song.view.selected_track = song.tracks[desc.selected_track]
        song.view.selected_scene = song.scenes[desc.selected_scene]
    except (RuntimeError, IndexError, TypeError) as exc:
        raise InvalidValue(f"the Set description does not build: {exc}") from exc
    doc.clear_undo()
    return song


def _build_clip(slot: ClipSlot, c: ClipDesc) -> None:
    if c.file:
        clip = ClipSlot.create_audio_clip(slot, c.file)  # the class attribute ignores the version gate
    elif c.warp_markers:
        raise RuntimeError("warp markers are for audio clips: this clip has no file")
    else:
        clip = slot.create_clip(c.length_beats)
    _fill(clip, c)


def _build_arrangement_clip(track: Track, c: ClipDesc) -> None:
    """An arrangement clip at c.start; the class attributes ignore the version gates."""
    if c.file:
        Track.create_audio_clip(track, c.file, c.start)  # returns None before Live 12.2
    elif c.warp_markers:
        raise RuntimeError("warp markers are for audio clips: this clip has no file")
    else:
        Track.create_midi_clip(track, c.start, c.length_beats)._span = c.length_beats  # a loop repeats to it
    _fill(track._arrangement[-1], c)


def _fill(clip: Clip, c: ClipDesc) -> None:
    """Give a new clip the description's warping, markers, notes, name, markers and loop."""
    if c.file:
        clip.warping = c.warping
        if c.warp_markers:
            _place_markers(clip, c.warp_markers)
    else:
        specs = [MidiNoteSpecification(p, s, d, float(v), bool(m)) for p, s, d, v, m in c.notes]
        clip.add_new_notes(specs)
    if c.name:
        clip.name = c.name
    if c.end_marker is not None:
        clip.end_marker = c.end_marker
    if c.start_marker is not None:
        clip.start_marker = c.start_marker
    if c.looping is not None:
        clip.looping = c.looping
    if c.loop_end is not None:
        clip.loop_end = c.loop_end
    if c.loop_start is not None:
        clip.loop_start = c.loop_start


def _place_markers(clip: Clip, pairs: tuple[tuple[float, float], ...]) -> None:
    """Replace a new audio clip's markers by pairs, checked as Live checks each added marker."""
    markers: list[tuple[float, float]] = []
    for pair in pairs:
        markers = warp.inserted(markers, pair, clip._duration_s)
    clip._set("warp_markers", markers)
