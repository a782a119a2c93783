"""/roo/live/set_data and get_data: what MuseAroo keeps in the Set (Song.set_data), under its prefix."""

from __future__ import annotations

import pytest

from bridge import protocol
from livesim import LiveHost
from tests.remote_scripts.osc_client import OscClient


def test_a_value_is_kept_in_the_set_under_musearoos_prefix(host: LiveHost, client: OscClient) -> None:
    assert client.ask(protocol.RS_GET_DATA, 1, "follow") == [1, ""]  # nothing kept yet
    assert client.ask(protocol.RS_SET_DATA, 2, "follow", '{"follow_nothing": true}') == [2]
    assert client.ask(protocol.RS_GET_DATA, 3, "follow") == [3, '{"follow_nothing": true}']
    assert host.call(lambda: host.song.get_data("musearoo.follow", None)) == '{"follow_nothing": true}'
    assert host.call(lambda: host.song.get_data("follow", None)) is None  # another script's key stays its own
    assert host.call(lambda: host.doc.undo_steps) == 0  # kept data is no undo step, as in Live


@pytest.mark.parametrize(
    ("args", "named"),
    [
        ((4, "no spaces", "x"), "key 'no spaces'"),
        ((5, "follow", 7), "value 7"),
        ((6, "follow", "x" * 4097), "value of 4097 characters"),
        ((7, "follow"), "req, key, value"),
    ],
)
def test_a_bad_key_or_value_is_refused_naming_it(
    client: OscClient, args: tuple[object, ...], named: str
) -> None:
    address, message, _ = client.error(protocol.RS_SET_DATA, *args)
    assert address == protocol.RS_SET_DATA and named in message, message
