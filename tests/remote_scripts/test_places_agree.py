"""The Remote Script names a place as the daemon's answers do: its own rule (``places.py``, stdlib only,
for Live's Python) and ``bridge/actions/place/places.py`` give the same text for the same place."""

from __future__ import annotations

import importlib.util
import math
from types import ModuleType, SimpleNamespace

import pytest

from bridge.actions.place import places as daemon
from tests.conftest import ROOT

SIGNATURES = [(4, 4), (3, 4), (6, 8), (7, 8), (5, 4), (2, 2), (12, 8)]
NAMES = ["", "Drums", "Bass 2", "it's", 'say "hi"', "Ñandú"]


def _script_places() -> ModuleType:
    """The script's module loaded alone (its package's __init__ wants Live's runtime)."""
    path = ROOT / "remote_scripts" / "MuseAroo" / "places.py"
    spec = importlib.util.spec_from_file_location("musearoo_places", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


script = _script_places()


def _song(signature: tuple[int, int], names: list[str]) -> SimpleNamespace:
    tracks = [SimpleNamespace(name=n) for n in names]
    return SimpleNamespace(
        signature_numerator=signature[0], signature_denominator=signature[1], tracks=tracks
    )


@pytest.mark.parametrize("name", NAMES)
def test_tracks_and_slots_read_the_same(name: str) -> None:
    song = _song((4, 4), [name] * 40)
    for track in range(40):
        assert script.track_at(track, name) == daemon.track_at(track, name)
        assert script.track_of(song, track) == daemon.track_at(track, name)
        for slot in (0, 1, 7, 99):
            assert script.slot_at(track, slot, name) == daemon.slot_at(track, slot, name)
            assert script.slot_of(song, track, slot) == daemon.slot_at(track, slot, name)


@pytest.mark.parametrize("signature", SIGNATURES, ids=lambda s: f"{s[0]}/{s[1]}")
def test_places_in_the_arrangement_read_the_same(signature: tuple[int, int]) -> None:
    song = _song(signature, ["Keys"])
    per_bar, per_beat = daemon.meter(signature)
    assert (
        script.meter_of(song)
        == (per_bar, per_beat)
        == (signature[0] * 4.0 / signature[1], 4.0 / signature[1])
    )
    for step in range(0, 64 * 16 + 7):  # every sixteenth over 64 bars of 4/4, and a few off the grid
        beats = step / 4 + (0.01 if step % 5 == 0 else 0.0)
        assert script.bar_beat(beats, per_bar, per_beat) == daemon.bar_beat(beats, per_bar, per_beat)
        assert script.bar_at(beats, song) == daemon.bar_at(beats, signature)
        assert script.bar_at(beats, song) == daemon.bar_at(beats, song)  # Live's song as the daemon's Signed
        clip = SimpleNamespace(start_time=beats, name="")
        expected = daemon.arrangement_clip_at(0, beats, signature, "Keys")
        assert script.arrangement_clip_of(song, 0, clip) == expected
        assert script.clip_of(song, 0, 3, clip, True) == expected
        assert script.clip_of(song, 0, 3, clip, False) == daemon.slot_at(0, 3, "Keys")
        end = beats + 6.5
        span = script.bars_from_to(beats, end, song)
        assert (
            span
            == f"bars {daemon.bar_beat(beats, per_bar, per_beat)}..{daemon.bar_beat(end, per_bar, per_beat)}"
        )


@pytest.mark.parametrize("clip_name", NAMES)
@pytest.mark.parametrize("signature", SIGNATURES[:3], ids=lambda s: f"{s[0]}/{s[1]}")
def test_arrangement_clips_read_the_same(signature: tuple[int, int], clip_name: str) -> None:
    """Round 38: the daemon's answers (bridge/actions/clips/audio.py's describe) and the script's errors
    name an arrangement clip by one text: its track as Live numbers it, the track's name, the clip's name
    and the bar it starts at."""
    for track_name in NAMES:
        song = _song(signature, ["x", track_name])
        for beats in (0.0, 2.5, 16.0, 33.75, 1000.0):
            clip = SimpleNamespace(start_time=beats, name=clip_name)
            said = daemon.arrangement_clip_at(1, beats, song, track_name, clip_name)
            assert script.arrangement_clip_of(song, 1, clip) == said
            assert script.clip_of(song, 1, 0, clip, True) == said
            assert script.arrangement_clip_at(1, beats, song, track_name, clip_name) == said


def test_the_first_places_read_as_live_shows_them() -> None:
    """Pinned text, so that the two cannot agree on a wrong rule: Live's first track, scene and bar."""
    song = _song((4, 4), ["Drums", "Bass"])
    assert script.slot_of(song, 1, 0) == "track 2 'Bass', scene 1"
    assert script.bar_at(16.0, song) == "bar 5.1"
    assert script.bar_at(2.5, song) == "bar 1.3.3"
    assert script.bars_from_to(0.0, 16.0, _song((6, 8), [])) == "bars 1.1..6.3"
    take = SimpleNamespace(start_time=16.0, name="Take")
    assert script.arrangement_clip_of(song, 1, take) == "track 2 'Bass', the clip 'Take' at bar 5.1"
    assert daemon.arrangement_clip_at(4, 2.5, (4, 4)) == "track 5, the clip at bar 1.3.3"


# Live's own bar.beat.sixteenth: a beat is one of the signature's denominator (an eighth in 6/8 and 7/8, a half
# in 2/2), the sixteenths count within it; (signature, beats from the song's start, what Live's ruler shows)
LIVE_SAYS = [
    ((4, 4), 1.5, "1.2.3"),
    ((3, 4), 3.0, "2.1"),
    ((3, 4), 2.75, "1.3.4"),
    ((6, 8), 1.5, "1.4"),
    ((6, 8), 3.0, "2.1"),
    ((6, 8), 0.25, "1.1.2"),
    ((6, 8), 2.75, "1.6.2"),
    ((7, 8), 3.0, "1.7"),
    ((7, 8), 3.5, "2.1"),
    ((7, 8), 7.75, "3.2.2"),
    ((2, 2), 2.0, "1.2"),
    ((2, 2), 2.5, "1.2.3"),
    ((12, 8), 5.5, "1.12"),
]


@pytest.mark.parametrize(("signature", "beats", "shown"), LIVE_SAYS, ids=lambda v: str(v))
def test_a_bar_beat_counts_the_signatures_own_beat(
    signature: tuple[int, int], beats: float, shown: str
) -> None:
    """Round 39: 6/8's beat 1.5 is Live's "1.4" (its fourth eighth), not a quarter-note "1.2.3" read as 4/4."""
    song = _song(signature, ["Keys"])
    assert script.bar_at(beats, song) == daemon.bar_at(beats, signature) == f"bar {shown}"


@pytest.mark.parametrize("beats", [-1.0, -0.13, 1576800.2, 1e300, math.inf, -math.inf, math.nan])
def test_both_rules_refuse_what_is_no_place_in_live(beats: float) -> None:
    """Before 1.1 (rounded to the sixteenth), past Live's last beat, or no number: ValueError from both
    (the page's and the device's copies throw RangeError: tests/bridge/actions/place/test_bar_beat_copies.py)."""
    for rule in (daemon.bar_beat, script.bar_beat):
        with pytest.raises(ValueError, match=r"is no place in Live: expected 0\.\.1576800"):
            rule(beats)


def test_a_sliver_either_side_rounds_as_a_place() -> None:
    for rule in (daemon.bar_beat, script.bar_beat):
        assert [rule(b) for b in (-0.12, 0.12, 1576800.0, 1576800.12)] == [
            "1.1",
            "1.1",
            "394201.1",
            "394201.1",
        ]
    assert daemon.MAX_BEATS == script.MAX_BEATS
