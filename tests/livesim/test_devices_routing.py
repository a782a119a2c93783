"""The in-memory Live's device chains (Live 12.3's insert_device), routing, scene signatures, clip fields."""

from __future__ import annotations

import pytest

from livesim import LIVE_DEFAULT_SET, build_song
from livesim.application import Application
from livesim.base import ArgumentError
from livesim.document import Document
from livesim.routing import RoutingChannel
from livesim.song import Song


def make_song(version: tuple[int, int, int] = (12, 3, 6)) -> Song:
    return build_song(LIVE_DEFAULT_SET, Document(Application(version)))


@pytest.fixture
def song() -> Song:
    return make_song()


def test_insert_device_by_name_keeps_the_chain_order_and_undoes(song: Song) -> None:
    track = song.tracks[0]
    calls: list[int] = []
    track.add_devices_listener(lambda: calls.append(len(track.devices)))
    synth = track.insert_device("Wavetable")
    assert (synth.name, synth.class_name, synth.type) == ("Wavetable", "InstrumentVector", 1)
    assert [p.name for p in synth.parameters][:2] == ["Device On", "Filter 1 Freq"]
    track.insert_device("Reverb")
    track.insert_device("Arpeggiator", 0)
    assert [d.class_name for d in track.devices] == ["MidiArpeggiator", "InstrumentVector", "Reverb"]
    assert calls == [1, 2, 3]
    with pytest.raises(RuntimeError, match="already has an instrument"):
        track.insert_device("Operator")
    with pytest.raises(RuntimeError, match="MIDI effects, then the instrument"):
        track.insert_device("Chord", -1)
    with pytest.raises(RuntimeError, match="Unknown device 'Serum'"):
        track.insert_device("Serum")
    with pytest.raises(RuntimeError, match="needs a MIDI track"):
        song.tracks[2].insert_device("Operator")
    with pytest.raises(RuntimeError, match="Invalid device index 9"):
        track.insert_device("Delay", 9)
    with pytest.raises(ArgumentError):
        track.insert_device("Delay", "end")  # type: ignore[arg-type]
    song.view.select_device(track.devices[2])
    track.delete_device(2)
    assert [d.name for d in track.devices] == ["Arpeggiator", "Wavetable"]
    assert track.view.selected_device is track.devices[1]  # the selection moves to a neighbour
    song.undo()
    assert [d.name for d in track.devices] == ["Arpeggiator", "Wavetable", "Reverb"]
    with pytest.raises(RuntimeError, match="Invalid device index 3"):
        track.delete_device(3)


def test_insert_device_exists_from_live_12_3_only() -> None:
    assert not hasattr(make_song((12, 2, 5)).tracks[0], "insert_device")
    assert hasattr(make_song((12, 2, 5)).tracks[0], "delete_device")


def test_device_parameters_activity_and_strings(song: Song) -> None:
    device = song.tracks[0].insert_device("Operator")
    seen: list[bool] = []
    device.add_is_active_listener(lambda: seen.append(device.is_active))
    device.parameters[0].value = 0.0
    assert seen == [False]
    algorithm = device.parameters[1]
    assert (algorithm.is_quantized, algorithm.str_for_value(3.0), str(device.parameters[2])) == (
        True,
        "3",
        "0.50",
    )
    assert device.can_have_chains is False and song.tracks[1].insert_device("Drum Rack").can_have_chains


def test_routing_per_track_kind(song: Song) -> None:
    midi, audio = song.tracks[0], song.tracks[2]
    assert [t.display_name for t in midi.available_input_routing_types] == [
        "All Ins",
        "Computer Keyboard",
        "2-MIDI",
        "No Input",
    ]
    assert midi.input_routing_channel.display_name == "All Channels"
    assert len(midi.available_input_routing_channels) == 17
    assert [t.display_name for t in audio.available_input_routing_types] == [
        "Ext. In",
        "Resampling",
        "1-MIDI",
        "2-MIDI",
        "4-Audio",
        "No Input",
    ]
    assert [c.display_name for c in audio.available_input_routing_channels] == ["1/2", "1", "2"]
    assert [t.display_name for t in audio.available_output_routing_types] == [
        "Ext. Out",
        "Master",
        "Sends Only",
        "A-Reverb",
        "B-Delay",
    ]
    assert (audio.output_routing_type.display_name, audio.output_routing_channel.display_name) == (
        "Master",
        "Track In",
    )
    changes: list[str] = []
    audio.add_output_routing_channel_listener(
        lambda: changes.append(audio.output_routing_channel.display_name)
    )
    audio.output_routing_type = audio.available_output_routing_types[0]
    assert changes == ["1/2"]  # the channel moved to the new type's first
    audio.output_routing_channel = audio.available_output_routing_channels[3]
    assert audio.output_routing_channel.display_name == "2"
    with pytest.raises(RuntimeError, match="Invalid output_routing_channel 'Track In'"):
        audio.output_routing_channel = RoutingChannel("Track In", 2)
    with pytest.raises(RuntimeError, match="Invalid input_routing_type 'All Ins'"):
        audio.input_routing_type = midi.available_input_routing_types[0]
    audio.input_routing_type = audio.available_input_routing_types[-1]
    assert (audio.input_routing_channel.display_name, audio.available_input_routing_channels) == ("", ())
    assert song.return_tracks[0].available_input_routing_types == ()


def test_scene_color_index_and_time_signature(song: Song) -> None:
    scene = song.scenes[1]
    assert (scene.color_index, scene.time_signature_numerator, scene.time_signature_enabled) == (
        None,
        -1,
        False,
    )
    scene.color_index = 12
    scene.time_signature_numerator = 7
    assert (scene.time_signature_numerator, scene.time_signature_denominator) == (7, 4)
    assert scene.time_signature_enabled  # giving a scene a signature switches it on, as in Live
    scene.time_signature_denominator = 8
    with pytest.raises(RuntimeError, match="expected 1, 2, 4, 8 or 16"):
        scene.time_signature_denominator = 3
    scene.fire_as_selected()
    assert (song.signature_numerator, song.signature_denominator) == (7, 8)
    assert song.view.selected_scene is song.scenes[2]
    scene.time_signature_enabled = False
    assert scene.time_signature_denominator == -1
    with pytest.raises(RuntimeError, match=r"0\.\.69 or None"):
        scene.color_index = 70
    heard: list[float] = []
    scene.add_tempo_listener(lambda: heard.append(scene.tempo))
    assert (scene.tempo, scene.tempo_enabled) == (-1.0, False)  # Live: -1 without a tempo of its own
    scene.tempo = 90.0
    assert (scene.tempo, scene.tempo_enabled, heard) == (90.0, True, [90.0])
    scene.tempo_enabled = False
    assert (scene.tempo, heard) == (-1.0, [90.0, -1.0])
    song.undo()
    assert scene.tempo == 90.0


def test_clip_pitch_color_position_groove(song: Song) -> None:
    clip = song.tracks[0].clip_slots[0].create_clip(8.0)
    clip.loop_end = 4.0
    moved: list[float] = []
    clip.add_position_listener(lambda: moved.append(clip.position))
    clip.position = 2.0
    assert (clip.loop_start, clip.loop_end, moved) == (2.0, 6.0, [2.0])
    clip.position = 0.5
    assert (clip.loop_start, clip.loop_end) == (0.5, 4.5)
    clip.color_index = 5
    assert (clip.color_index, clip.has_groove, clip.groove, clip.is_overdubbing) == (5, False, None, False)
    with pytest.raises(RuntimeError, match="audio clips only"):
        clip.pitch_coarse = 3
    with pytest.raises(RuntimeError, match="groove pool is empty"):
        clip.groove = object()  # type: ignore[assignment]


def test_slot_states_and_song_capture(song: Song) -> None:
    track = song.tracks[0]
    slot = track.clip_slots[0]
    states: list[int] = []
    slot.add_playing_status_listener(lambda: states.append(slot.playing_status))
    assert not slot.will_record_on_start
    track.arm = True
    assert slot.will_record_on_start and not slot.is_group_slot and not slot.controls_other_clips
    track.arm = False
    slot.create_clip(4.0)
    song.clip_trigger_quantization = 0
    slot.fire()
    assert states == [1]
    song.capture_and_insert_scene()
    assert song.scenes[1].clip_slots[0].has_clip and song.view.selected_scene is song.scenes[1]
    with pytest.raises(RuntimeError, match="can_capture_midi is False"):
        song.capture_midi()
    song.is_ableton_link_enabled = True
    song.force_link_beat_time()
    song.re_enable_automation()
