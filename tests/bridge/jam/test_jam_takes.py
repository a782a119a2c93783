"""--record with the take history: each played phrase of each part is a take (action "jam").

A real jam over a dummy JACK server, the take store in SQLite; the takes' notes are the notes the
player sent (the recorder's phrases), their settings the controls in effect at the phrase start.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bridge import protocol
from bridge.cli import main
from bridge.history import TakeDraft, open_store
from bridge.jam.launch import JamOptions, launch
from tests.bridge.harness import Client, running_daemon
from tests.bridge.jam.test_jam_osc import state
from tests.conftest import free_udp_port

TEMPO = 300.0


def test_a_recorded_jam_keeps_every_phrase_of_every_part_as_a_take(jack: str, tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path / "data")
    options = JamOptions(
        tempo_bpm=TEMPO, genre="rock", key="E minor", parts="drums,bass", bars=8, midi="jack",
        record=str(tmp_path / "jam.mid"), seed=5,
    )  # fmt: skip
    try:
        session = launch(options, store)
        try:
            assert session.jam.wait(30)
        finally:
            session.close()
        assert session.keeper is not None and session.recorder is not None
        assert session.keeper.failed == 0
        kept = sorted((index, part) for index, part, _ in session.keeper.take_ids)
        played = sorted(
            (i, p) for i, parts in session.recorder.phrases.items() for p, notes in parts.items() if notes
        )
        assert kept == played and {i for i, _ in kept} == {0, 1}  # 8 bars: two 4-bar phrases
        takes = {t.take_id: t for t in store.takes(limit=100)}
        assert len(takes) == len(kept)
        for index, part, take_id in session.keeper.take_ids:
            take = store.get(take_id)
            assert (take.action, take.part, take.seed) == ("jam", part, 5)
            assert take.params["phrase"] == index and take.params["genre"] == "rock"
            assert take.context["key"] == "E minor" and take.context["tempo_bpm"] == TEMPO
            sent = session.recorder.phrases[index][part]
            assert take.notes is not None
            assert [(n["pitch"], n["start_beats"], n["velocity"]) for n in take.notes] == [
                (n.pitch, n.start_beats, n.velocity) for n in sent
            ]
        second = [t for i, p, t in session.keeper.take_ids if i == 1 and p == "bass"]
        first = [t for i, p, t in session.keeper.take_ids if i == 0 and p == "bass"]
        assert store.get(second[0]).parent_id == first[0]  # a part's phrases chain in the history
        assert (tmp_path / "jam.mid").exists()  # the MIDI file is still written
    finally:
        store.close()


def test_without_a_store_record_writes_only_the_file_and_the_action_is_known(
    jack: str, tmp_path: Path
) -> None:
    session = launch(
        JamOptions(tempo_bpm=TEMPO, parts="bass", bars=4, midi="jack", record=str(tmp_path / "a.mid"))
    )
    try:
        assert session.jam.wait(30)
    finally:
        session.close()
    assert session.keeper is None and (tmp_path / "a.mid").exists()
    store = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path / "data")
    try:
        assert store.get(store.commit(TakeDraft(action="jam", part="bass"))).action == "jam"
    finally:
        store.close()


def test_a_device_recording_lands_in_the_data_folder_and_in_the_daemons_take_history(
    jack: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the device's Rec jam sends: /roo/jam/start ... record jam.mid (a bare name)."""
    monkeypatch.setenv("MUSEAROO_DATA_DIR", str(tmp_path / "data"))
    store = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path / "data")
    try:
        with running_daemon(live_port=free_udp_port(), history=store) as daemon:
            client = Client(daemon.port)
            try:
                client.send(protocol.JAM_START, "midi", "jack", "tempo", TEMPO, "parts", "bass", "bars", 4,
                            "record", "jam.mid")  # fmt: skip
                state(client, "started")
                stopped = state(client, "stopped", timeout=30)
            finally:
                client.close()
        recorded = Path(str(stopped["record"]))
        assert recorded.parent == tmp_path / "data" / "jams" and recorded.name.endswith("-jam.mid")
        assert recorded.is_file()
        takes = store.takes(limit=50)
        assert stopped["takes"] == len(takes) >= 1 and {t.action for t in takes} == {"jam"}
    finally:
        store.close()


def test_roo_jam_record_keeps_takes_in_the_default_history(
    jack: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MUSEAROO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MUSEAROO_DB", raising=False)
    out = tmp_path / "jam.mid"
    args = ["jam", "--midi", "jack", "--tempo", "300", "--parts", "bass", "--bars", "4", "--record", str(out)]
    assert main(args) == 0
    said = capsys.readouterr().out
    store = open_store()
    try:
        takes = store.takes(limit=50)
        assert takes and {t.action for t in takes} == {"jam"} and {t.part for t in takes} == {"bass"}
        assert f"recorded to {out} and {len(takes)} takes in the history" in said
        assert out.is_file()
    finally:
        store.close()
