"""Live 12.0.5's Song.scale_mode in the in-memory Live (LIVE_API.md: rw, 12.0.5+): off in a new Set, a
listened switch, absent in an older Live; a Set description may turn it on; the common grammar reads it."""

from __future__ import annotations

import pytest

from bridge import protocol
from engines.errors import InvalidValue
from livesim import SetDesc, build_song
from livesim.application import Application
from livesim.base import ArgumentError
from livesim.document import Document
from livesim.live_set import parse_set
from tests.remote_scripts.conftest import start_host
from tests.remote_scripts.osc_client import OscClient


def test_scale_mode_is_off_in_a_new_set_and_a_listened_switch() -> None:
    song = build_song(SetDesc(), Document(Application((12, 3, 6))))
    assert song.scale_mode is False
    heard: list[bool] = []
    song.add_scale_mode_listener(lambda: heard.append(song.scale_mode))
    song.scale_mode = True
    assert song.scale_mode is True and heard == [True]
    with pytest.raises(ArgumentError):
        song.scale_mode = "on"  # type: ignore[assignment]


def test_scale_mode_is_absent_before_live_12_0_5() -> None:
    old = build_song(SetDesc(), Document(Application((12, 0, 0))))
    assert not hasattr(old, "scale_mode")
    with pytest.raises(AttributeError, match=r"12\.0\.5"):
        old.scale_mode = True
    assert build_song(SetDesc(), Document(Application((12, 0, 5)))).scale_mode is False


def test_a_set_description_turns_scale_mode_on() -> None:
    desc = parse_set({"root": "A", "scale": "Minor", "scale_mode": True})
    assert desc.scale_mode is True
    assert build_song(desc, Document(Application((12, 3, 6)))).scale_mode is True
    assert parse_set({}).scale_mode is False
    with pytest.raises(InvalidValue, match="scale_mode 'yes'"):
        parse_set({"scale_mode": "yes"})
    with pytest.raises(AttributeError):  # a Set with Scale Mode on needs a Live that has it
        build_song(desc, Document(Application((12, 0, 0))))


def test_the_common_grammar_reads_scale_mode_and_an_older_live_says_it_has_none() -> None:
    live = start_host(parse_set({"scale_mode": True}))
    client = OscClient(live.port)
    try:
        assert client.ask(protocol.SONG_GET + "scale_mode") == [1]
    finally:
        client.close()
        live.stop()
    old = start_host(version=(12, 0, 0))
    client = OscClient(old.port)
    try:
        address, message = client.error(protocol.SONG_GET + "scale_mode")[:2]
        assert address == protocol.SONG_GET + "scale_mode" and "12.0.5" in message
    finally:
        client.close()
        old.stop()
