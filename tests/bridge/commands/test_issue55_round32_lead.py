"""Issue 55, round 32 (lead): sentences of our own, never a blind set's lines.

- a new song's key and tempo said together are the new song's ("a whole song from scratch, house, 124 bpm,
  key D major" was read as Live's key and tempo set, then asked about, or made without its genre);
- a part said not to sit right in the mix asks what should change (a sure learned reading made it louder);
- a share typed as a fraction or a percent is the change's strength: "quantize the drums 50%", "quantize=0.5"
  (a strength of 0.5, was dropped or asked about), "humanize the keys 20%" (0.2, was asked about);
- a programmer's key=value pairs are the values they name ("bars=8, genre=house, tempo=124", "tempo += 4",
  "transpose=-2")."""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of
from tests.bridge.commands.meant import case

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case(
            "make a whole song from scratch, house, 124 bpm, key D major",
            op="make",
            target="song",
            genre="house",
            tempo_bpm=124,
            key="D major",
        ),
        case(
            "make whole song from scratch, pop, 75 bpm, key D major",
            op="make",
            target="song",
            genre="pop",
            tempo_bpm=75,
        ),
        case("write me a new song, trap, 140 bpm, key of A minor", op="make", target="song", genre="trap"),
        case("set the key to g minor and the tempo to 100", op="set", key="G minor", tempo_bpm=100),
        case("gen drums: bars=8, genre=house, tempo=124", op="make", target="drums", bars=8, genre="house"),
        case("make chords key=Dm bars=4", op="make", target="chords", key="D minor", bars=4),
        case("song tempo += 4 bpm", op="tempo", change_bpm=4),
        case("tempo -= 3", op="tempo", change_bpm=-3),
        case("bass: transpose=-2", op="transpose", target="bass", semitones=-2),
        case("swing=0.6 on the hats", op="swing", target="hats", amount=0.6),
        case("turn this bass riff into midi, quantize=0.5", op="transcribe", target="bass", quantize=0.5),
    ],
)
def test_read_as_meant(text: str, want: dict[str, Any]) -> None:
    got = means_of(parse(text).as_dict())
    assert {k: got.get(k) for k in want} == want, got


@pytest.mark.parametrize(
    "text",
    [
        "bass isn't sittin right in the mix mate, sort it out",
        "the chords aren't sitting right in the mix",
        "the pad doesn't sit right in my mix, fix it",
    ],
)
def test_a_part_not_sitting_in_the_mix_asks(text: str) -> None:
    intent = parse(text)
    assert not intent.understood and "what should change" in str(intent.params.get("reason")), intent


@pytest.mark.parametrize(
    ("text", "part", "kind", "name", "share"),
    [
        ("quantize the drums 50%", "drums", "quantize", "strength", 0.5),
        ("quantize=0.5", None, "quantize", "strength", 0.5),
        ("quantise the hats to 75 percent strength", "drums", "quantize", "strength", 0.75),
        ("quantize drums strength=0.5", "drums", "quantize", "strength", 0.5),
        ("humanize the keys 20%", "chords", "humanize", "amount", 0.2),
        ("humanize the drums by 0.3", "drums", "humanize", "amount", 0.3),
        ("humanize 20%", None, "humanize", "amount", 0.2),
    ],
)
def test_a_share_said_is_the_strength(text: str, part: str | None, kind: str, name: str, share: float) -> None:
    intent = parse(text)
    assert intent.action == "transform" and intent.part == part, intent
    assert intent.params.get("kind") == kind and intent.params.get(name) == share, intent


@pytest.mark.parametrize("text", ["quantize the drums", "humanize the bass a bit"])
def test_no_share_said_leaves_the_default(text: str) -> None:
    intent = parse(text)
    assert intent.action == "transform" and "strength" not in intent.params, intent
    assert intent.params.get("amount") in (None, 0.25), intent
