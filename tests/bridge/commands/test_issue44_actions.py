"""Issue 44's commands through the daemon into the in-memory Live: what each one does."""

from __future__ import annotations

from livesim.host import LiveHost
from tests.bridge.commands.test_command_action import command
from tests.bridge.harness import Client


def test_undo_the_last_two_things_undoes_two_steps(live: LiveHost, client: Client) -> None:
    before = live.call(lambda: (live.song.tempo, live.song.root_note, live.song.scale_name))
    assert command(client, "set the key to F sharp minor")[1] == "done"
    assert command(client, "tempo ninety five")[1] == "done"
    intent, state, message = command(client, "undo the last two things")
    assert intent["params"] == {"count": 2} and state == "done", message
    assert live.call(lambda: (live.song.tempo, live.song.root_note, live.song.scale_name)) == before


def test_the_jams_tempo_with_no_jam_playing_starts_nothing_and_leaves_lives_tempo(
    live: LiveHost, client: Client
) -> None:
    tempo = live.call(lambda: live.song.tempo)
    intent, state, message = command(client, "speed the jam up to one twenty eight")
    assert intent["action"] == "set_tempo" and intent["params"] == {"tempo_bpm": 128, "target": "jam"}
    assert state == "failed" and "no jam is playing" in message and "none was started" in message
    assert live.call(lambda: live.song.tempo) == tempo


def test_a_new_meter_and_a_relative_tempo_change_live(live: LiveHost, client: Client) -> None:
    assert command(client, "switch the song to 6/8")[1:] == (
        "done",
        'heard "switch the song to 6/8": time signature set to 6/8',
    )
    assert live.call(lambda: (live.song.signature_numerator, live.song.signature_denominator)) == (6, 8)
    tempo = live.call(lambda: live.song.tempo)
    assert command(client, "bump the tempo up 5 bpm")[1] == "done"
    assert live.call(lambda: live.song.tempo) == tempo + 5


def test_mute_the_drums_mutes_their_track_and_a_named_track_unmutes(live: LiveHost, client: Client) -> None:
    assert command(client, "generate four bars of drums")[1] == "done"
    intent, state, message = command(client, "mute the drums")
    assert intent["action"] == "mixer" and state == "done", message
    assert live.call(lambda: live.song.tracks[0].mute) is True
    name = live.call(lambda: live.song.tracks[0].name)
    intent, state, message = command(client, f"unmute the {name.lower()} track")
    assert state == "done", message
    assert live.call(lambda: live.song.tracks[0].mute) is False


def test_changing_the_genre_remakes_the_last_part_in_it(live: LiveHost, client: Client) -> None:
    assert command(client, "two bars of jazz chords")[1] == "done"
    intent, state, message = command(client, "change the genre to reggae")
    assert intent["params"] == {"genre": "reggae", "again": True} and state == "done", message
    assert message.startswith('heard "change the genre to reggae": chords:') and "reggae" in message
    assert live.clip_notes(0, 1)


def test_muting_the_snare_in_the_second_half_keeps_the_first_halfs_snares(
    live: LiveHost, client: Client
) -> None:
    assert command(client, "generate four bars of rock drums")[1] == "done"
    before = live.clip_notes(0, 0)
    snares = [n for n in before if n[0] in (37, 38, 40)]
    assert any(n[1] < 8 for n in snares) and any(n[1] >= 8 for n in snares)
    intent, state, message = command(client, "mute the snare in the second half")
    assert intent["params"] == {"kind": "drums_remove", "voices": "snare", "half": 2} and state == "done", (
        message
    )
    after = live.clip_notes(0, 1)
    assert [n for n in after if n[0] in (37, 38, 40)] == [n for n in snares if n[1] < 8]
    assert len([n for n in after if n[0] not in (37, 38, 40)]) == len(
        [n for n in before if n[0] not in (37, 38, 40)]
    )


def test_removing_a_part_writes_it_without_notes_and_keeps_the_old_clip(
    live: LiveHost, client: Client
) -> None:
    assert command(client, "two bars of jazz chords")[1] == "done"
    first = live.clip_notes(0, 0)
    intent, state, message = command(client, "erase the chords in the last bar")
    assert intent["params"] == {"kind": "clear", "last_bars": 1} and state == "done", message
    assert live.clip_notes(0, 0) == first  # nothing made is lost
    assert live.clip_notes(0, 1) == [n for n in first if n[1] < 4 - 1 / 16]


def test_removing_a_whole_part_leaves_an_empty_clip_beside_it(live: LiveHost, client: Client) -> None:
    assert command(client, "two bars of jazz chords")[1] == "done"
    intent, state, message = command(client, "get rid of the chords")
    assert intent["params"] == {"kind": "clear"} and state == "done", message
    assert live.clip_notes(0, 0) and live.clip_notes(0, 1) == []


def test_a_part_into_the_arrangement_from_a_bar_starts_at_that_bar(live: LiveHost, client: Client) -> None:
    intent, state, message = command(client, "put 8 bars of drums in the arrangement starting at bar 17")
    assert intent["params"] == {"arrangement": 1, "at_bar": 17, "bars": 8} and state == "done", message
    assert "at bar 17.1" in message, message  # bar 17 of a 4/4 song, as Live shows it


def test_a_track_named_with_accents_is_found_with_or_without_them(live: LiveHost, client: Client) -> None:
    """Live's "Violão" and "Café Keys": the words fold accents as the track names are read (both
    were read with the letter dropped, so "the café keys track" found no "caf keys" track)."""
    live.call(lambda: setattr(live.song.tracks[0], "name", "Violão"))
    live.call(lambda: setattr(live.song.tracks[1], "name", "Café Keys"))
    for text, track in (
        ("mute the violão track", 0),
        ("solo the café keys track", 1),
        ("unmute the violao track", 0),
    ):
        intent, state, message = command(client, text)
        assert intent["action"] == "mixer" and state == "done", message
        assert f"d track {track + 1} '" in message, message  # Live counts its tracks from 1
    assert live.call(lambda: (live.song.tracks[0].mute, live.song.tracks[1].solo)) == (False, True)
