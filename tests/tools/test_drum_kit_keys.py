"""Held-out drum kits whose keys are not General MIDI's (AVL Drumkits' acoustic kits): a GM part is
played on the key that truly is each voice, and notes the kit has no key for are left out of the
audio and of the truth alike (tools/corpus/drum_kits.on_kit_keys)."""

from __future__ import annotations

from engines.music import Note
from tools.corpus import drum_kits


def part() -> list[Note]:
    # kick, semi-open hat's GM note (open hat), hi-mid tom, high tom, cabasa, maracas, ride bell
    return [Note(p, beat, 0.25, 100) for beat, p in enumerate((36, 46, 48, 50, 69, 70, 53))]


def test_avl_kits_play_gm_notes_on_their_own_keys_and_drop_what_they_lack() -> None:
    for kit in drum_kits.HELD_OUT_SOURCES["avl"]:
        kept, played = drum_kits.on_kit_keys(kit, part())
        assert [n.pitch for n in kept] == [36, 46, 48, 50, 70, 53]  # cabasa (69): no key on an AVL kit
        assert [n.pitch for n in played] == [36, 46, 45, 45, 61, 53]  # AVL's 48 is a hat, 50 a choke
        assert [n.start_beats for n in played] == [n.start_beats for n in kept]


def test_gm_kits_play_every_note_on_its_own_key() -> None:
    for source in ("musescore", "csound", "opl3"):
        for kit in drum_kits.HELD_OUT_SOURCES[source]:
            assert drum_kits.on_kit_keys(kit, part()) == (part(), part())
