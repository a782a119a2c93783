"""MIDI-GPT over a song section (issue 44/43): "infill the melody in the chorus" rewrites the bars of
the arrangement clip that the chorus's cue point names, every note outside them kept, one undo step,
a take at the clip's start. Through the real daemon, a tiny random MIDI-GPT checkpoint (made the
default model here) in the real model worker and the real Remote Script in the in-memory Live. On
the code before, the sentence was infill of the selected clip's default bars, the chorus ignored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bridge.actions.infill import request as infill_request
from engines.infill.random_model import save_random_checkpoint
from livesim.host import LiveHost
from livesim.live_set import ClipDesc, SetDesc, TrackDesc
from tests.bridge.actions.infill.test_infill_action import MELODY, outside
from tests.bridge.actions.sections.test_section_changes import command, lay_cues
from tests.bridge.harness import daemon_client


@pytest.fixture(scope="module")
def ckpt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_random_checkpoint(tmp_path_factory.mktemp("midigpt") / "tiny.safetensors", seed=5)


@pytest.fixture
def live(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, ckpt: Path) -> Iterator[LiveHost]:
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setattr(infill_request, "DEFAULT_MODEL", str(ckpt))  # what a typed infill uses
    tracks = (
        TrackDesc("midi", "Melody", arrangement=(ClipDesc(0, "riff", 16.0, MELODY, start=8.0),)),
        TrackDesc(
            "midi", "Keys", arrangement=(ClipDesc(0, "keys", 16.0, ((60, 0.0, 4.0, 90, 0),), start=8.0),)
        ),
    )
    host = LiveHost(SetDesc(tracks=tracks), port=0).start_in_thread()
    lay_cues(host, ((0.0, "intro"), (12.0, "chorus"), (20.0, "outro")))
    yield host
    host.stop()


def rows(live: LiveHost) -> list[tuple[int, float, float, int, int]]:
    def read() -> list[tuple[int, float, float, int, int]]:
        clip = live.song.tracks[0].arrangement_clips[0]
        return sorted(
            (n.pitch, n.start_time, n.duration, int(n.velocity), int(n.mute))
            for n in clip.get_all_notes_extended()
        )

    return live.call(read)


def test_infill_the_melody_in_the_chorus_rewrites_its_bars_of_the_clip(live: LiveHost) -> None:
    before = rows(live)
    steps = live.call(lambda: live.doc.undo_steps)
    with daemon_client(live.port) as client:
        state, said = command(client, "infill the melody in the chorus", 240)
        # the chorus, beats 12..20, is the clip's beats 4..12: its bars 2 to 3
        assert state == "done" and "bars 2-3 rewritten in place" in said and "beats 12 to 20" in said, said
        state, said = command(client, "infill the chorus", 240)  # two tracks there: which one?
        assert state == "failed" and "one section of one part at a time" in said, said
        assert "'infill the melody in the chorus'" in said, said
    after = rows(live)
    assert outside(after, 4.0, 12.0) == outside(before, 4.0, 12.0)
    assert [r for r in after if 4.0 <= r[1] < 12.0] != [r for r in before if 4.0 <= r[1] < 12.0]
    assert live.call(lambda: [(c.start_time, c.end_time) for c in live.song.tracks[0].arrangement_clips]) == [
        (8.0, 24.0)
    ]
    assert live.call(lambda: live.doc.undo_steps) == steps + 1
