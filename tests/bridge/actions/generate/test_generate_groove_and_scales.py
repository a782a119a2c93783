"""/roo/generate through the in-memory Live: Live's own scale is followed by name, groove controls
override the genre, genres take common spellings; bad values are named before anything is written."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace

import pytest

from bridge import protocol
from bridge.actions.generate.job import musical_context, parse_request
from bridge.live.replies import LiveContext
from engines.errors import InvalidValue
from engines.music import SCALES, Feel, Key
from livesim.host import LiveHost
from tests.bridge.harness import Client, running_daemon


@pytest.fixture
def live() -> Iterator[LiveHost]:
    host = LiveHost(port=0).start_in_thread()
    yield host
    host.stop()


@pytest.fixture
def client(live: LiveHost) -> Iterator[Client]:
    with running_daemon(live_port=live.port) as daemon:
        c = Client(daemon.port)
        yield c
        c.close()


def set_scale(live: LiveHost, root: int, scale: str) -> None:
    def change() -> None:
        live.song.root_note = root
        live.song.scale_name = scale

    live.call(change)


@pytest.mark.parametrize("scale", ["Phrygian Dominant", "Whole Tone", "Hirajoshi"])
def test_lives_scale_is_followed_not_replaced_by_major(live: LiveHost, client: Client, scale: str) -> None:
    set_scale(live, 4, scale)  # E
    client.send(protocol.GENERATE, "bass", "track", 0, "slot", 0, "bars", 8, "seed", 5, "genre", "pop")
    _job, state, _progress, message = client.wait_final()
    assert state == "done", message
    notes = live.clip_notes(0, 0)
    pcs = {(4 + i) % 12 for i in SCALES[scale]}
    strong = [n for n in notes if min(abs(n[1] % 4 - b) for b in (0.0, 2.0, 4.0)) < 0.07]
    assert strong and all(n[0] % 12 in pcs for n in strong), (scale, strong)
    assert all(n[0] % 12 in pcs for n in notes) or scale == "Hirajoshi"  # pop lists no chromatic tones


def test_groove_controls_and_a_genre_spelling_reach_the_clip(live: LiveHost, client: Client) -> None:
    for slot, fills in ((0, 4), (1, "none")):
        client.send(protocol.GENERATE, "drums", "track", 0, "slot", slot, "bars", 4, "seed", 2, "genre", "Hip Hop",
                    "swing", 0.0, "humanize", 0.0, "accent", 0.0, "intensity", 0.8, "fills", fills)  # fmt: skip
        _job, state, _progress, message = client.wait_final()
        assert state == "done" and "hip-hop" in live.clip_properties(0, slot)["name"], message  # type: ignore[index]
    notes, plain = live.clip_notes(0, 0), live.clip_notes(0, 1)
    assert notes and all(abs(n[1] * 24 - round(n[1] * 24)) < 0.01 for n in notes)  # on the grid
    assert len({n[3] for n in notes}) == 1  # accent 0: one velocity
    assert [n for n in notes if n[1] < 12] == [n for n in plain if n[1] < 12]
    assert [n for n in notes if n[1] >= 12] != [n for n in plain if n[1] >= 12]  # bar 4's fill


def test_a_bad_groove_value_fails_naming_it_and_writes_nothing(live: LiveHost, client: Client) -> None:
    client.send(protocol.GENERATE, "drums", "track", 0, "slot", 0, "fills", "often")
    _job, state, _progress, message = client.wait_final()
    assert state == "failed" and "fills 'often'" in message and "none, phrase, 4" in message
    assert live.clip_properties(0, 0) is None


def context(scale: str) -> LiveContext:
    return LiveContext(120.0, 4, 4, 9, scale, 0, 0, 0.0, 0, 4, 8, "12.3.6")


def test_every_live_scale_name_maps_to_the_same_scale_and_an_unknown_one_is_refused() -> None:
    app = SimpleNamespace(song=SimpleNamespace(chords=()))  # no analysed chords: the key alone
    for scale in SCALES:
        ctx = musical_context(parse_request(["melody"]), context(scale), app)  # type: ignore[arg-type]
        assert ctx.key == Key(9, scale)
    with pytest.raises(InvalidValue, match="Live's scale 'Chromatic' is not one the generators can follow"):
        musical_context(parse_request(["bass"]), context("Chromatic"), app)  # type: ignore[arg-type]
    drums = musical_context(parse_request(["drums"]), context("Chromatic"), app)  # type: ignore[arg-type]
    assert drums.key.tonic == 9  # drums do not read the scale


def test_request_parsing_of_groove_controls_and_keys() -> None:
    req = parse_request(["bass", "swing", 0.3, "humanize", 0, "accent", 1, "intensity", 0.5, "fills", "phrase",
                         "key", "A Minor Pentatonic", "genre", "d&b"])  # fmt: skip
    assert req.feel == Feel(0.3, 0.0, 1.0, 0.5, "phrase")
    assert req.genre == "drum-and-bass" and req.key == "A Minor Pentatonic"
    assert parse_request(["drums", "fills", 4]).fills == "4"
    for args, named in (
        (["drums", "swing", 1.2], "swing 1.2"),
        (["drums", "intensity", -1], "intensity -1"),
        (["drums", "genre", "polka"], "genre 'polka' is not known"),
    ):
        with pytest.raises(InvalidValue, match=named):
            parse_request(args)


def test_vary_by_command_keeps_the_groove_controls(live: LiveHost, client: Client) -> None:
    client.send(protocol.GENERATE, "drums", "track", 0, "slot", 0, "bars", 2, "seed", 1, "genre", "jazz",
                "swing", 0.0, "humanize", 0.0, "accent", 0.0)  # fmt: skip
    assert client.wait_final()[1] == "done"
    client.send(protocol.COMMAND, "try again")
    _job, state, _progress, message = client.wait_final()
    assert state == "done" and "scene 2" in message, message
    again = live.clip_notes(0, 1)
    assert again and again != live.clip_notes(0, 0)  # a new seed
    assert all(abs(n[1] * 24 - round(n[1] * 24)) < 0.01 for n in again)  # jazz's swing stays off
    assert len({n[3] for n in again}) == 1  # accent 0 stays
