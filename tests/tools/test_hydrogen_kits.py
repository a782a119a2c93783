"""Hydrogen's sampled kits as drum training material (tools/corpus/hydrogen_kits): a drumkit.xml is
read into GM notes by instrument name, a hit plays the velocity layer that covers it, an open hat is
choked by the next closed hat, renders repeat from their seed, and a part's truth holds only what the
kit plays. A small kit is written here, so these run without the Debian package."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from engines.music import Note
from tools.corpus import drum_kits, drum_synth, hydrogen_kits

XML = """<?xml version="1.0" encoding="UTF-8"?>
<drumkit_info xmlns="http://www.hydrogen-music.org/drumkit">
 <name>TestKit</name>
 <instrumentList>
  <instrument><id>0</id><name>Kick</name><volume>1</volume><gain>1</gain>
   <layer><filename>soft.wav</filename><min>0</min><max>0.5</max><gain>1</gain></layer>
   <layer><filename>hard.wav</filename><min>0.5</min><max>1</max><gain>0.5</gain></layer>
  </instrument>
  <instrument><id>1</id><name>Closed HH (Some 14")</name><filename>tick.wav</filename></instrument>
  <instrument><id>2</id><name>Open HH</name><layer><filename>ring.wav</filename></layer></instrument>
  <instrument><id>3</id><name>Cowbell</name><layer><filename>tick.wav</filename></layer></instrument>
 </instrumentList>
</drumkit_info>
"""


@pytest.fixture
def test_kit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    folder = tmp_path / "TestKit"
    folder.mkdir()
    (folder / "drumkit.xml").write_text(XML, encoding="utf-8")
    rate = 44100
    sf.write(folder / "soft.wav", np.full(rate // 5, 0.4, dtype=np.float32), rate)
    sf.write(folder / "hard.wav", np.full((rate // 5, 2), -0.8, dtype=np.float32), rate)  # stereo
    sf.write(folder / "tick.wav", np.full(rate // 100, 0.1, dtype=np.float32), rate)
    noise = np.random.default_rng(0).normal(0, 0.3, 2 * rate).astype(np.float32)
    sf.write(folder / "ring.wav", noise, rate)
    monkeypatch.setattr(hydrogen_kits, "KITS_DIR", tmp_path)
    monkeypatch.setitem(
        hydrogen_kits.MAPS, "TestKit", {"Kick": (35, 36), "Closed HH": (42,), "Open HH": (46,)}
    )
    hydrogen_kits.load.cache_clear()
    yield "TestKit"
    hydrogen_kits.load.cache_clear()


def test_instruments_are_read_by_name_onto_their_gm_notes(test_kit: str) -> None:
    kit = hydrogen_kits.load(test_kit)
    assert sorted(kit) == [35, 36, 42, 46]  # the cowbell is not mapped, so not played
    (kick,) = kit[36]
    assert [(layer.low, layer.high, layer.gain) for layer in kick] == [(0.0, 0.5, 1.0), (0.5, 1.0, 0.5)]
    assert len(kick[0].audio) == drum_synth.RATE_HZ // 5  # resampled to the engine's rate
    assert len(kit[42][0][0].audio) > 0  # an old kit's instrument: one sample, no layers


def test_a_hit_plays_the_layer_its_velocity_falls_in(test_kit: str) -> None:
    kit = hydrogen_kits.load(test_kit)
    soft = hydrogen_kits.hit_sound(kit[36], 40, random.Random(1))
    hard = hydrogen_kits.hit_sound(kit[36], 120, random.Random(1))
    middle = len(soft) // 2
    assert soft[middle] > 0 > hard[middle]  # the soft sample is positive, the hard one negative
    spread = 10 ** (hydrogen_kits.GAIN_SPREAD_DB / 20)
    assert 0.4 * 40 / 127 / spread <= soft[middle] <= 0.4 * 40 / 127 * spread
    assert 0.8 * 0.5 * 120 / 127 / spread <= -hard[middle] <= 0.8 * 0.5 * 120 / 127 * spread


def test_a_mapped_instrument_the_kit_lacks_is_named(test_kit: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(hydrogen_kits.MAPS, test_kit, {"Kick": (36,), "Ride Jazz": (51,)})
    hydrogen_kits.load.cache_clear()
    with pytest.raises(SystemExit, match="has no instrument Ride Jazz"):
        hydrogen_kits.load(test_kit)


def test_an_open_hat_is_choked_by_the_next_closed_hat_and_renders_repeat(test_kit: str) -> None:
    rate, tempo = drum_synth.RATE_HZ, 120  # a beat is 0.5 s
    ringing = [Note(36, 0.0, 0.25, 100), Note(46, 1.0, 0.25, 100), Note(36, 3.0, 0.25, 30)]
    choked = [*ringing, Note(42, 1.5, 0.25, 100)]
    free = hydrogen_kits.play(test_kit, ringing, tempo, "a")
    cut = hydrogen_kits.play(test_kit, choked, tempo, "a")
    after_close = slice(int(0.85 * rate), int(0.95 * rate))  # 100-200 ms after the closed hat at 0.75 s
    assert np.abs(free[after_close]).mean() > 20 * np.abs(cut[after_close]).mean()
    assert np.abs(cut[: rate // 20]).mean() > 0.05  # the kick sounds at its start
    assert np.array_equal(cut, hydrogen_kits.play(test_kit, choked, tempo, "a"))
    assert not np.array_equal(cut, hydrogen_kits.play(test_kit, choked, tempo, "b"))  # gains drawn by seed
    assert np.abs(cut).max() == pytest.approx(hydrogen_kits.PEAK)


def test_a_part_on_a_hydrogen_kit_keeps_only_what_the_kit_plays_in_its_truth() -> None:
    audiophob = drum_kits.Kit("hydrogen", hydrogen_kits.KIT_NAMES.index("Audiophob"), "hydrogen-audioph")
    part = [Note(p, beat, 0.25, 100) for beat, p in enumerate((36, 38, 42, 44, 46, 51))]
    kept, played = drum_kits.on_kit_keys(audiophob, part)
    assert [n.pitch for n in kept] == [38, 42, 46]  # its kick is a tom, its pedal a shaker, its ride muted
    assert played == kept


def test_the_real_kits_are_hydrogens_mapped_kits_and_never_avl_drumkits_held_out_one() -> None:
    # Hydrogen's "The Black Pearl 1.0" holds AVL's Black Pearl samples (the benchmark's held-out kit)
    assert "The Black Pearl 1.0" not in hydrogen_kits.MAPS
    real = {hydrogen_kits.KIT_NAMES[k.program] for k in drum_kits.REAL_KITS if k.soundfont == "hydrogen"}
    assert real == set(hydrogen_kits.MAPS)
    assert len({k.family for k in drum_kits.REAL_KITS}) == 7  # the three Millo kits are one family
