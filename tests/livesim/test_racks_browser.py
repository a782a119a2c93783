"""The in-memory Live's racks (chains, drum pads) and its browser (list, load onto the selected track, preview)."""

from __future__ import annotations

from typing import Any

import pytest

from livesim import LIVE_DEFAULT_SET, build_song
from livesim.application import Application
from livesim.browser import Browser
from livesim.document import Document
from livesim.racks import RackDevice
from livesim.song import Song


@pytest.fixture
def song() -> Song:
    app = Application()
    made = build_song(LIVE_DEFAULT_SET, Document(app))
    app.document, app.browser = made, Browser(app)
    return made


def find(item: object, *names: str) -> object:
    for name in names:
        item = next(c for c in item.children if c.name == name)  # type: ignore[attr-defined]
    return item


def test_a_kit_loads_onto_the_selected_track_as_a_drum_rack_with_pads(song: Song) -> None:
    browser = song._doc.app.browser
    assert browser.drums.is_folder and [c.name for c in browser.drums.children][:2] == [
        "Drum Rack",
        "808 Core Kit",
    ]
    song.view.selected_track = song.tracks[1]
    browser.load_item(find(browser.drums, "808 Core Kit"))
    rack = song.tracks[1].devices[-1]
    assert isinstance(rack, RackDevice) and (rack.name, rack.class_name) == (
        "808 Core Kit",
        "DrumGroupDevice",
    )
    assert rack.can_have_chains and rack.can_have_drum_pads and rack.has_drum_pads
    assert len(rack.drum_pads) == 128 and rack.drum_pads[36].note == 36
    assert (rack.drum_pads[36].name, rack.drum_pads[37].name) == ("Kick 808", "")
    assert [c.name for c in rack.chains][:2] == ["Kick 808", "Snare 808"]
    kick = rack.drum_pads[36].chains[0]
    assert (kick.in_note, [d.class_name for d in kick.devices]) == (36, ["OriginalSimpler"])
    rack.drum_pads[38].mute = True
    kick.solo = True
    assert rack.drum_pads[38].mute and kick.solo
    song.undo()
    assert not kick.solo
    rack.drum_pads[38].delete_all_chains()
    assert rack.drum_pads[38].name == "" and "Snare 808" not in [c.name for c in rack.chains]


def test_an_instrument_replaces_the_tracks_instrument_and_effects_keep_the_order(song: Song) -> None:
    browser = song._doc.app.browser
    track = song.tracks[0]
    song.view.selected_track = track
    browser.load_item(find(browser.audio_effects, "Reverb"))
    browser.load_item(find(browser.instruments, "Operator"))
    browser.load_item(find(browser.midi_effects, "Arpeggiator"))
    browser.load_item(find(browser.sounds, "Pad", "Warm Pad"))
    assert [(d.name, d.class_name) for d in track.devices] == [
        ("Arpeggiator", "MidiArpeggiator"),
        ("Warm Pad", "InstrumentVector"),
        ("Reverb", "Reverb"),
    ]
    song.undo()  # one load is one undo step: Operator is back
    assert [d.name for d in track.devices] == ["Arpeggiator", "Operator", "Reverb"]


def test_what_cannot_load_is_refused_and_preview_is_kept(song: Song) -> None:
    browser = song._doc.app.browser
    song.view.selected_track = song.tracks[2]  # an audio track
    with pytest.raises(RuntimeError, match="needs a MIDI track"):
        browser.load_item(find(browser.instruments, "Operator"))
    with pytest.raises(RuntimeError, match="not a loadable"):
        browser.load_item(browser.sounds)
    assert song.tracks[2].devices == () or all(d.type != 1 for d in song.tracks[2].devices)
    sample = find(browser.samples, "Drums", "Kick Deep.wav")
    browser.preview_item(sample)
    assert browser._previewing is sample
    browser.stop_preview()
    assert browser._previewing is None


def test_a_plain_device_has_no_chains_or_pads(song: Song) -> None:
    plain = song.tracks[0].insert_device("Operator")
    rack = song.tracks[0].insert_device("Audio Effect Rack")
    assert isinstance(rack, RackDevice)
    assert (plain.can_have_chains, plain.can_have_drum_pads, rack.can_have_drum_pads) == (False, False, False)
    with pytest.raises(RuntimeError, match="not a Drum Rack"):
        rack.drum_pads  # noqa: B018


def test_a_clip_duplicated_to_the_arrangement_and_deleted_from_it(song: Song) -> None:
    midi, audio = song.tracks[0], song.tracks[2]
    clip = midi.clip_slots[0].create_clip(4.0)
    copy = midi.duplicate_clip_to_arrangement(clip, 8.0)
    assert (copy.start_time, copy.length, copy is not clip) == (8.0, 4.0, True)
    with pytest.raises(RuntimeError, match="Cannot duplicate a MIDI clip to an audio track"):
        audio.duplicate_clip_to_arrangement(clip, 0.0)
    with pytest.raises(RuntimeError, match="belongs to another track"):
        audio.delete_clip(copy)
    midi.delete_clip(copy)
    assert midi.arrangement_clips == ()
    song.undo()
    assert midi.arrangement_clips == (copy,)


def test_the_main_track_holds_the_crossfader_and_tracks_their_assignment(song: Song) -> None:
    main = song.master_track
    assert (main.name, main.mixer_device.sends, main.can_be_armed) == ("Main", (), False)
    main.mixer_device.crossfader.value = -1.0
    assert main.mixer_device.crossfader.value == -1.0 and main.mixer_device.cue_volume.value == 0.85
    with pytest.raises(RuntimeError, match="Only the Main track's mixer has the crossfader"):
        song.tracks[0].mixer_device.crossfader  # noqa: B018
    mixer: Any = song.tracks[0].mixer_device  # its listener triple is added from a table
    heard: list[int] = []
    mixer.add_crossfade_assign_listener(lambda: heard.append(mixer.crossfade_assign))
    mixer.crossfade_assign = 0
    with pytest.raises(RuntimeError, match="crossfade_assign 3"):
        mixer.crossfade_assign = 3
    song.undo()
    assert (mixer.crossfade_assign, heard) == (1, [0, 1])
