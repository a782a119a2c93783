"""Whole path for issue 30's typed commands: /roo/command sentences a producer says, through the
daemon and the real Remote Script in the in-memory Live (the take store open where takes count)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from bridge.history import Store, open_store
from livesim.host import LiveHost
from livesim.live_set import ClipDesc, SetDesc, TrackDesc
from tests.bridge.harness import Client, running_daemon
from tests.bridge.test_midi_context import BASS_ROWS, CHORD_ROWS, DRUM_ROWS

from .test_command_action import command

KICK, HAT = 36, 42


@pytest.fixture
def live() -> Iterator[LiveHost]:
    tracks = (
        TrackDesc("midi", "Keys", (ClipDesc(0, "Keys", 16.0, CHORD_ROWS),)),
        TrackDesc("midi", "Bass", (ClipDesc(0, "Bassline", 16.0, BASS_ROWS),)),
        TrackDesc("midi", "Drums", (ClipDesc(0, "Beat", 8.0, DRUM_ROWS),)),
        TrackDesc("midi", "4-MIDI"),
    )
    host = LiveHost(SetDesc(tracks=tracks), port=0).start_in_thread()
    yield host
    host.stop()


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path)


@pytest.fixture
def client(live: LiveHost, store: Store) -> Iterator[Client]:
    with running_daemon(live_port=live.port, history=store) as daemon:
        c = Client(daemon.port)
        yield c
        c.close()


def select(live: LiveHost, track: int, slot: int = 0) -> None:
    def pick() -> None:
        live.song.view.selected_track = live.song.tracks[track]
        live.song.view.selected_scene = live.song.scenes[slot]

    live.call(pick)


def starts(notes: list, pitch: int) -> list[float]:
    return sorted(n[1] for n in notes if n[0] == pitch)


def test_drop_the_kick_on_the_first_beat_of_bar_two_removes_that_kick_only(
    live: LiveHost, client: Client
) -> None:
    select(live, 2)
    intent, state, message = command(client, "drop the kick on the first beat of bar two")
    assert intent["params"] == {"kind": "drums_remove", "voices": "kick", "bar": 2, "beat": 1}
    assert state == "done" and "track 3, scene 2" in message, message
    out = live.clip_notes(2, 1)
    assert starts(out, KICK) == [0.0, 2.0, 6.0]
    assert starts(out, HAT) == starts(live.clip_notes(2, 0), HAT)


def test_mute_the_hats_in_bar_two_keeps_bar_one(live: LiveHost, client: Client) -> None:
    select(live, 2)
    _, state, message = command(client, "mute the hats in bar two")
    assert state == "done", message
    out = live.clip_notes(2, 1)
    assert starts(out, HAT) == [t * 0.5 for t in range(8)] and starts(out, KICK) == [0.0, 2.0, 4.0, 6.0]


def test_swing_the_hats_moves_hats_only(live: LiveHost, client: Client) -> None:
    select(live, 2)
    intent, state, message = command(client, "make the hats swing a bit more")
    assert intent["params"] == {"kind": "swing", "amount": 0.66, "voices": "hats"}, intent
    assert state == "done", message
    out = live.clip_notes(2, 1)
    assert starts(out, KICK) == [0.0, 2.0, 4.0, 6.0]
    assert starts(out, HAT) != starts(live.clip_notes(2, 0), HAT)


def test_transpose_the_bass_up_a_fifth(live: LiveHost, client: Client) -> None:
    select(live, 1)
    intent, state, message = command(client, "transpose the bass up a fifth")
    assert (intent["action"], intent["params"]) == ("transform", {"kind": "transpose", "semitones": 7})
    assert state == "done" and "track 2, scene 2" in message, message
    assert sorted(n[0] for n in live.clip_notes(1, 1)) == sorted(r[0] + 7 for r in BASS_ROWS)


def test_a_bass_that_follows_the_chords_in_the_keys_clip_follows_the_keys_track(
    live: LiveHost, client: Client
) -> None:
    select(live, 2)  # the drum track is selected: the keys clip is still the one followed
    intent, state, message = command(client, "a bass that follows the chords in the keys clip")
    assert intent["params"] == {"source_track_name": "keys"}
    assert state == "done" and "following track 1, scene 1 ('Keys')" in message, message


def test_a_dorian_chord_progression_in_here_uses_lives_root_and_the_selected_scene(
    live: LiveHost, client: Client
) -> None:
    live.call(lambda: setattr(live.song, "root_note", 0))
    select(live, 3, 1)
    intent, state, message = command(client, "put a dorian chord progression in here")
    assert intent["params"] == {"mode": "dorian", "here": True}
    # the selected scene's slot, on the chords' own track (the track rule: 'Keys' is named for them)
    assert state == "done" and "C dorian (Live's root)" in message and "track 1, scene 2" in message, message
    assert "named for the part" in message and live.clip_notes(0, 1) and live.clip_properties(3, 1) is None


def test_a_fill_every_fourth_bar_remakes_the_drums_with_fills_4(live: LiveHost, client: Client) -> None:
    assert command(client, "generate eight bars of rock drums")[1] == "done"
    intent, state, message = command(client, "add a fill at the end of every fourth bar")
    assert (intent["action"], intent["part"], intent["params"]) == ("adjust", "drums", {"fills": "4"})
    assert state == "done" and message.startswith(
        'heard "add a fill at the end of every fourth bar": fills 4:'
    )


def test_infill_commands_run_the_infill_actions(live: LiveHost, client: Client) -> None:
    """They reach /roo/infill, /roo/continue and /roo/accompany: with no MIDI-GPT weights here (the
    hub is offline), each is refused with the model's own message, licence and fix included."""
    for text, action in (("fill bars five to eight", "infill"), ("continue this for four bars", "continue"),
                         ("add a bass that fits", "accompany")):  # fmt: skip
        intent, state, message = command(client, text)
        assert intent["action"] == action and state == "failed", message
        assert "MIDI-GPT" in message and "hf auth login" in message and "not available yet" not in message


def test_takes_by_words_star_name_compare_back_and_redo(live: LiveHost, client: Client, store: Store) -> None:
    select(live, 3)
    assert command(client, "generate two bars of rock drums")[1] == "done"
    assert command(client, "vary the drums")[1] == "done"
    first, second = (t.take_id for t in reversed(store.takes(part="drums", limit=2)))
    _, state, message = command(client, "star this take")
    assert state == "done" and store.get(second).starred and not store.get(first).starred, message
    _, state, message = command(client, "name it chorus idea")
    assert state == "done" and store.get(second).message == "chorus idea", message
    _, state, message = command(client, "compare this take with the previous one")
    assert state == "done" and f"{first} -> {second}" in message, message
    _, state, message = command(
        client, "what changed between this take and the last one"
    )  # newest named twice
    assert state == "done" and f"{first} -> {second}" in message, message
    live.call(lambda: setattr(live.song, "root_note", 5))  # a change Live's undo would revert
    intent, state, message = command(client, "go back to the take before this one")
    assert intent["action"] == "history" and state == "done", message
    assert f"recalled take {first}" in message
    assert live.call(lambda: live.song.root_note) == 5  # not Live's undo
    first_notes = store.get(first).notes
    assert first_notes is not None
    where = re.search(r"notes in track (\d+), scene (\d+)", message)
    assert where, message
    back = live.clip_notes(int(where.group(1)) - 1, int(where.group(2)) - 1)  # the answer counts from 1
    assert sorted((n[0], round(n[1], 4)) for n in back) == sorted(
        (n["pitch"], round(n["start_beats"], 4)) for n in first_notes
    )
    _, state, message = command(client, "redo")
    assert state == "done" and f"recalled take {second}" in message, message


def test_infill_commands_run_the_daemons_infill_actions_with_their_arguments(
    live: LiveHost, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bridge.actions

    seen: list[tuple[str, list[object]]] = []
    for address in ("/roo/infill", "/roo/continue", "/roo/accompany"):

        async def fake(app: object, job: object, args: list[object], address: str = address) -> str:
            seen.append((address, list(args)))
            return f"{address} ran"

        monkeypatch.setitem(bridge.actions.JOB_ACTIONS, address, fake)
    select(live, 0)  # the 4-bar keys clip
    for text in ("fill bars five to eight", "fill the last two bars", "continue this for four bars",
                 "add a bass that fits"):  # fmt: skip
        _, state, message = command(client, text)
        assert state == "done" and message.endswith(" ran"), message
    assert seen == [
        ("/roo/infill", [0, 0, "bars", "5-8"]),
        ("/roo/infill", [0, 0, "bars", "3-4"]),
        ("/roo/continue", [0, 0, "bars", 4]),
        ("/roo/accompany", ["bass"]),
    ]
