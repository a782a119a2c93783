"""Issue 47's undone mark for Arrangement takes (track and start beat): Live's undo of a change over a
section brings the clip before it back at the same start, and the section's take is marked undone
(the take it was made from is current again); a redo clears the mark; an undone Arrangement generate
(its clip gone) is marked too. Through the real daemon and Remote Script in the in-memory Live (its
arrangement_clips listener and its redo of an arrangement write), undo and redo sent to Live as a
client would. On the code before, the arrangement takes were never marked (only session slots were
pushed), and the in-memory Live's redo did not put an arrangement clip back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bridge import protocol
from bridge.history import Store, open_store
from livesim.host import LiveHost
from livesim.live_set import SetDesc, TrackDesc
from tests.bridge.actions.history.test_undone_takes import SONG_REDO, marks, until
from tests.bridge.actions.sections.test_section_changes import command, lay_cues, sounding
from tests.bridge.harness import daemon_client


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path / "files")
    yield s
    s.close()


def test_undo_of_a_section_change_and_of_an_arrangement_generate_marks_their_takes(store: Store) -> None:
    live = LiveHost(
        SetDesc(tracks=(TrackDesc("midi", "Bass"),)), port=0, version=(12, 3, 6)
    ).start_in_thread()
    try:
        lay_cues(live, ((0.0, "verse"), (32.0, "chorus"), (48.0, "outro")))
        with daemon_client(live.port, history=store) as client:
            client.send(protocol.GENERATE, "bass", "arrangement", 1, "at", 0.0, "bars", 16, "seed", 3,
                        "genre", "house", "key", "A minor")  # fmt: skip
            _, state, _, said = client.wait_final(30)
            assert state == "done", said
            made = store.takes()[0].take_id
            generated = sounding(live, 0)
            state, said = command(client, "vary the bass in the chorus")
            assert state == "done", said
            varied = store.takes()[0].take_id
            changed = sounding(live, 0)
            assert varied != made and until(store, {made: False, varied: False}) == {
                made: False,
                varied: False,
            }
            client.send(protocol.SONG_UNDO, port=live.port)  # the clip before the vary is back at beat 0
            assert until(store, {made: False, varied: True}) == {made: False, varied: True}
            assert sounding(live, 0) == generated
            client.send(SONG_REDO, port=live.port)
            assert until(store, {made: False, varied: False}) == {made: False, varied: False}
            assert sounding(live, 0) == changed
            client.send(protocol.SONG_UNDO, port=live.port)
            client.send(protocol.SONG_UNDO, port=live.port)  # the generate's clip gone too
            assert until(store, {made: True, varied: True}) == {made: True, varied: True}
            assert sounding(live, 0) == []
            client.send(SONG_REDO, port=live.port)
            assert until(store, {made: False, varied: True}) == {made: False, varied: True}
            assert sounding(live, 0) == generated
        assert marks(store) == {made: False, varied: True}
    finally:
        live.stop()
