"""bridge/history value by value: the note and audio diff, its text, the notes' JSON rows, the take's
views and the content-addressed audio files, on takes and files written here with the expected
values worked out by hand."""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile as sf

from bridge.history.commit import decode_notes, encode_notes
from bridge.history.diff import as_text, beats_per_bar, compare, describe_note, diff_notes
from bridge.history.files import blob_path, put, sha256_of, verify
from bridge.history.takes import Take, iso, note_dict
from engines.errors import AudioFileError, InvalidValue


def take(
    take_id: str, notes: list[dict[str, Any]] | None, signature: list[int] | None = None, **kw: Any
) -> Take:
    context = {} if signature is None else {"signature": signature}
    return Take(take_id, None, "p", "generate", "bass", 0.0, "", False, context=context, notes=notes, **kw)


def n(pitch: int, start: float, length: float = 0.5, velocity: int = 100) -> dict[str, Any]:
    return note_dict(pitch, start, length, velocity)


def test_bars_are_as_long_as_bs_signature_says() -> None:
    assert beats_per_bar(take("a", [])) == 4.0
    assert beats_per_bar(take("a", [], [3, 4])) == 3.0
    assert beats_per_bar(take("a", [], [6, 8])) == 3.0
    assert beats_per_bar(take("a", [], [7, 8])) == 3.5


def test_the_note_diff_by_hand() -> None:
    a = take(
        "aaa",
        [
            n(36, 0.0),
            n(38, 1.0),
            n(42, 2.0, velocity=80),
            n(40, 3.0),
            n(45, 4.5, 0.25),
            n(47, 9.0),
            n(50, 12.0),
        ],
    )
    b = take(
        "bbb",
        [
            n(36, 0.0),
            n(38, 1.5),
            n(42, 2.0, velocity=90),
            n(40, 7.5),
            n(45, 4.5, 0.5),
            n(47, 13.0),
            n(52, 15.0),
        ],
        [3, 4],  # B's bars are 3 beats: bar 1 is 0..3, bar 2 3..6, bar 4 9..12, bar 5 12..15
    )
    d = diff_notes(a, b)
    assert (d["a"], d["b"]) == ("aaa", "bbb")
    assert d["summary"] == {"added": 3, "removed": 3, "moved": 2, "velocity": 1}
    assert d["bars"] == [
        {
            "bar": 1,
            "added": [],
            "removed": [],
            "moved": [{"from": n(38, 1.0), "to": n(38, 1.5)}],
            "velocity": [{"note": n(42, 2.0, velocity=90), "from": 80, "to": 90}],
        },
        {
            "bar": 2,
            # 40 moved 4.5 beats (more than a bar of 3): removed here, added in bar 3
            "added": [],
            "removed": [n(40, 3.0)],
            "moved": [{"from": n(45, 4.5, 0.25), "to": n(45, 4.5, 0.5)}],  # a new length is a move
            "velocity": [],
        },
        {"bar": 3, "added": [n(40, 7.5)], "removed": [], "moved": [], "velocity": []},
        # 47 moved 4 beats, more than B's bar: removed and added
        {"bar": 4, "added": [], "removed": [n(47, 9.0)], "moved": [], "velocity": []},
        {"bar": 5, "added": [n(47, 13.0)], "removed": [n(50, 12.0)], "moved": [], "velocity": []},
        {"bar": 6, "added": [n(52, 15.0)], "removed": [], "moved": [], "velocity": []},
    ]


def test_a_moved_note_pairs_with_the_nearest_and_a_bar_away_still_counts() -> None:
    a = take("a", [n(60, 4.0)])
    b = take("b", [n(60, 2.0), n(60, 5.0), n(60, 8.0)])
    d = diff_notes(a, b)
    assert d["bars"][0]["bar"] == 1 and [x["start_beats"] for x in d["bars"][0]["added"]] == [2.0]
    assert d["bars"][1]["moved"] == [{"from": n(60, 4.0), "to": n(60, 5.0)}]
    assert [x["start_beats"] for x in d["bars"][2]["added"]] == [8.0]
    exactly_a_bar = diff_notes(take("a", [n(60, 0.0)]), take("b", [n(60, 4.0)]))
    assert exactly_a_bar["summary"] == {"added": 0, "removed": 0, "moved": 1, "velocity": 0}
    # starts within a millionth are the same note: only the velocity changed
    same = diff_notes(take("a", [n(60, 1.0000001, velocity=1)]), take("b", [n(60, 1.0, velocity=2)]))
    assert same["summary"] == {"added": 0, "removed": 0, "moved": 0, "velocity": 1}
    assert diff_notes(take("a", None), take("b", None))["bars"] == []
    assert diff_notes(take("a", None), take("b", [n(60, 3.85)]))["bars"][0]["bar"] == 1  # 1.4.4
    assert diff_notes(take("a", None), take("b", [n(60, 3.99999)]))["bars"][0]["bar"] == 2  # labelled 2.1.1
    assert (
        diff_notes(take("a", None), take("b", [n(60, 3.9999999)]))["bars"][0]["bar"] == 2
    )  # 4.0 to 6 places


def test_the_diff_as_text() -> None:
    a = take("aaa", [n(38, 1.0), n(42, 2.0, velocity=80), n(50, 4.0)])
    b = take("bbb", [n(38, 1.5, 0.25), n(42, 2.0, velocity=90), n(52, 5.0)])
    # Live's note names (C3 = 60), bar.beat.sixteenth, lengths in beats (worked out by hand)
    assert describe_note(n(38, 1.5, 0.25, 7)) == "D1 at 1.2.3, 0.25 beats, v7"
    lines = as_text(diff_notes(a, b), [])
    assert lines == [
        "aaa -> bbb: 1 added, 1 removed, 1 moved, 1 velocity",
        "  bar 1:",
        "    ~ D1 moved 1.2.1 -> 1.2.3",
        "    v F#1 at 1.3.1 velocity 80 -> 90",
        "  bar 2:",
        "    + E2 at 2.2.1, 0.5 beats, v100",
        "    - D2 at 2.1.1, 0.5 beats, v100",
    ]
    audio = [
        {
            "name": "drums",
            "length_s": [1.0, 1.5],
            "loudness_dbfs": [-9.03, -12.5],
            "spectral_distance_db": 3.14159,
        }
    ]
    assert as_text(diff_notes(a, a), audio) == [
        "aaa -> aaa: 0 added, 0 removed, 0 moved, 0 velocity",
        "  audio drums: length 1.00s -> 1.50s, loudness -9.0 -> -12.5 dBFS, spectral difference 3.1 dB",
    ]


def sine(path: Path, seconds: float, freq: float, amp: float, rate: int = 8000) -> Path:
    t = np.arange(int(seconds * rate)) / rate
    sf.write(path, amp * np.sin(2 * np.pi * freq * t), rate, subtype="FLOAT")
    return path


def test_the_audio_diff_by_stem(tmp_path: Path) -> None:
    loud = sine(tmp_path / "loud.wav", 1.0, 440.0, 0.5)
    quiet = sine(tmp_path / "quiet.wav", 2.0, 440.0, 0.05, rate=16000)
    other = sine(tmp_path / "other.wav", 1.0, 1760.0, 0.5)

    def outs(**paths: Path) -> tuple[dict[str, Any], ...]:
        return tuple(
            {"kind": "audio", "name": name, "path": str(p), "sha256": sha256_of(p)}
            for name, p in paths.items()
        )

    a = take("a", None, outputs=(*outs(drums=loud, bass=loud, vox=loud), {"kind": "midi", "name": "x"}))
    b = take("b", None, outputs=outs(drums=quiet, bass=other, keys=loud))
    audio = compare(a, b)["audio"]
    assert [x["name"] for x in audio] == ["bass", "drums"]  # only the names both have, sorted
    bass, drums = audio
    assert drums["length_s"] == [1.0, 2.0]
    assert drums["loudness_dbfs"] == pytest.approx(
        [20 * math.log10(0.5 / math.sqrt(2)), 20 * math.log10(0.05 / math.sqrt(2))], abs=0.01
    )
    assert drums["same_audio"] is False and bass["same_audio"] is False
    assert bass["spectral_distance_db"] > 20.0  # 440 Hz against 1760 Hz
    same = compare(a, a)["audio"]
    assert all(x["spectral_distance_db"] == 0.0 and x["same_audio"] for x in same)
    silent = tmp_path / "silent.wav"
    sf.write(silent, np.zeros(100), 8000)
    short = compare(take("a", None, outputs=outs(s=silent)), take("b", None, outputs=outs(s=silent)))[
        "audio"
    ][0]
    assert short["loudness_dbfs"] == [-200.0, -200.0] and short["spectral_distance_db"] == 0.0


def test_notes_travel_as_compact_rows_and_old_objects_still_read() -> None:
    notes = [n(36, 0.0, 0.5, 100), n(38, 1.25, 0.25, 90)]
    assert encode_notes(notes) == "[[36,0.0,0.5,100],[38,1.25,0.25,90]]"
    assert decode_notes(encode_notes(notes)) == tuple(notes)
    assert decode_notes(json.dumps(notes)) == tuple(notes)
    assert note_dict(60.0, 1, 2, 99.0) == {
        "pitch": 60,
        "start_beats": 1.0,
        "length_beats": 2.0,
        "velocity": 99,
    }  # type: ignore[arg-type]
    assert [type(v) for v in note_dict(60.0, 1, 2, 99.0).values()] == [int, float, float, int]  # type: ignore[arg-type]


def test_a_takes_views() -> None:
    t = Take(
        "0123456789abcdef", "fedcba9876543210", "song", "transform", "bass", 1.5, "ok", True,
        params={"kind": "swing"}, seed=7, context={"tempo_bpm": 90.0}, versions={"engines": "1"},
        live={"track": 1}, command="swing it", outputs=({"kind": "midi"},), notes=(n(60, 0.0),),
    )  # fmt: skip
    summary = {
        "take_id": "0123456789abcdef",
        "parent_id": "fedcba9876543210",
        "action": "transform",
        "part": "bass",
        "created_at": "1970-01-01T00:00:01.500Z",
        "message": "ok",
        "starred": True,
        "track": 1,  # where it landed in Live (live.track / live.slot), and its genre
        "slot": None,
        "start_beats": None,
        "genre": "",
        "undone": False,  # Live's undo has not taken it back (issue 47)
        "project": "song",  # the project it is in, and whether a Set other than the open one made it
        "in_another_set": False,
        "kind": "swing",  # which transform made it (issue 57)
    }
    assert t.summary() == summary
    assert t.detail() == summary | {
        "params": {"kind": "swing"},
        "seed": 7,
        "context": {"tempo_bpm": 90.0},
        "versions": {"engines": "1"},
        "live": {"track": 1},
        "command": "swing it",
        "outputs": [{"kind": "midi"}],
        "notes": [n(60, 0.0)],
    }
    assert "notes" not in take("x", None).detail()
    made_in = replace(t, set_id="a1b2c3d4")
    assert made_in.summary("a1b2c3d4")["in_another_set"] is False
    assert made_in.summary("e5f6a7b8")["in_another_set"] is True
    assert t.summary("e5f6a7b8")["in_another_set"] is False  # made before Sets had ids: not said
    assert iso(1_700_000_000.0) == "2023-11-14T22:13:20.000Z"


def test_audio_is_stored_by_its_hash_once_and_verified(tmp_path: Path) -> None:
    wav = sine(tmp_path / "Take.WAV", 0.5, 440.0, 0.5)
    digest = hashlib.sha256(wav.read_bytes()).hexdigest()
    assert sha256_of(wav) == digest
    stored = put(tmp_path / "store", wav)
    assert (stored.sha256, stored.suffix, stored.frames, stored.sample_rate) == (digest, ".wav", 4000, 8000)
    assert stored.size_bytes == wav.stat().st_size
    where = tmp_path / "store" / "audio" / digest[:2] / f"{digest}.wav"
    assert blob_path(tmp_path / "store", digest, ".wav") == where and where.read_bytes() == wav.read_bytes()
    before = where.stat().st_mtime_ns
    put(tmp_path / "store", wav)  # the same content again: not written again
    assert where.stat().st_mtime_ns == before
    assert sorted(p.name for p in where.parent.iterdir()) == [where.name]  # no temporary left behind
    assert verify(tmp_path / "store", digest, ".wav") is None
    where.write_bytes(b"changed")
    assert verify(tmp_path / "store", digest, ".wav") == (
        f"{where} has hash {hashlib.sha256(b'changed').hexdigest()}, expected {digest}"
    )
    assert (
        verify(tmp_path / "store", "ab" * 32, ".wav")
        == f"{blob_path(tmp_path / 'store', 'ab' * 32, '.wav')} is missing"
    )
    bad = tmp_path / "bad.wav"
    bad.write_bytes(b"not audio")
    with pytest.raises(AudioFileError, match=f"cannot read audio file {bad}"):
        put(tmp_path / "store", bad)


def test_diff_keys_round_to_a_millionth_and_lists_go_in_time_order() -> None:
    a = take("a", [n(60, 1.25, 0.2500004, 90), n(50, 5.0), n(40, 6.0), n(45, 7.0, 0.25), n(62, 4.5, 0.1, 70)])
    b = take("b", [n(60, 1.25, 0.25, 91), n(51, 5.0), n(41, 6.0, 1.0), n(52, 7.0, 0.25), n(62, 4.5, 0.1, 71)])
    d = diff_notes(a, b)
    assert d["summary"] == {"added": 3, "removed": 3, "moved": 0, "velocity": 2}
    bar1, bar2 = d["bars"]
    assert bar1["velocity"] == [{"note": n(60, 1.25, 0.25, 91), "from": 90, "to": 91}]
    assert bar2["velocity"] == [{"note": n(62, 4.5, 0.1, 71), "from": 70, "to": 71}]  # bar of its start
    assert [x["pitch"] for x in bar2["removed"]] == [50, 40, 45]  # by start, not by pitch or length
    assert [x["pitch"] for x in bar2["added"]] == [51, 41, 52]
    together = diff_notes(take("a", [n(64, 1.0), n(60, 1.0)]), take("b", [n(67, 1.0), n(62, 1.0)]))
    assert [x["pitch"] for x in together["bars"][0]["removed"]] == [60, 64]  # same start: by pitch
    assert [x["pitch"] for x in together["bars"][0]["added"]] == [62, 67]


def long_term_db(s: np.ndarray, n_fft: int = 2048) -> np.ndarray:
    """The mean magnitude spectrum of Hann-windowed 2048-sample blocks, in dB (a short sound padded)."""
    s = np.concatenate([s, np.zeros(max(0, n_fft - len(s)))])
    blocks = [s[i : i + n_fft] * np.hanning(n_fft) for i in range(0, len(s) - n_fft + 1, n_fft)]
    return np.asarray(20 * np.log10(np.mean([np.abs(np.fft.rfft(b)) for b in blocks], axis=0) + 1e-10))


def test_the_spectral_distance_is_the_rms_of_the_long_term_spectra_in_db(tmp_path: Path) -> None:
    from bridge.history.diff import _rms_db, _spectral_distance_db

    rng = np.random.default_rng(5)
    x, y = rng.standard_normal(9000), 0.5 * rng.standard_normal(9000) + np.sin(np.arange(9000) * 0.3)
    want = float(np.sqrt(np.mean((long_term_db(x) - long_term_db(y)) ** 2)))
    assert _spectral_distance_db(x, y) == pytest.approx(want, rel=1e-9)
    short_x, short_y = x[:1000], y[:1500]
    want_short = float(np.sqrt(np.mean((long_term_db(short_x) - long_term_db(short_y)) ** 2)))
    assert _spectral_distance_db(short_x, short_y) == pytest.approx(want_short, rel=1e-9)
    assert _rms_db(np.zeros((0, 2))) == -200.0 and _rms_db(np.full((10, 2), 0.1)) == pytest.approx(-20.0)
    wav = sine(tmp_path / "a.wav", 0.5, 440.0, 0.5)
    outputs = ({"kind": "audio", "name": "s", "path": str(wav)}, {"kind": "audio", "name": "nopath"})
    both = compare(take("a", None, outputs=outputs), take("b", None, outputs=outputs))["audio"]
    assert [x["name"] for x in both] == ["s"]  # an audio output without a file is not compared


@pytest.fixture
def store(tmp_path: Path) -> Any:
    from bridge.history import open_store

    opened = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path)
    yield opened
    opened.close()


def draft(part: str = "bass", **kw: Any) -> Any:
    from bridge.history import TakeDraft

    return TakeDraft("generate", part, notes=[n(40, 0.0)], **kw)


def test_messages_prefixes_counts_and_the_last_take_of_a_part(store: Any, tmp_path: Path) -> None:
    assert store.count() == 0 and store.last_take("bass") is None
    first, second = store.commit(draft()), store.commit(draft())
    drums = store.commit(draft("drums"))
    assert store.count() == 3
    assert store.resolve(second[:6]) == second and store.resolve(first) == first
    assert store.last_take("bass").take_id == second and store.last_take("drums").take_id == drums
    assert store.set_message(first[:8], "kept this one") == first
    assert [store.get(t).message for t in (first, second, drums)] == ["kept this one", "", ""]
    with contextlib.closing(sqlite3.connect(tmp_path / "h.db")) as db:
        assert db.execute("SELECT message FROM takes WHERE take_id = ?", (first,)).fetchone() == (
            "kept this one",
        )


def test_the_project_used_last_is_the_current_one_after_a_reopen(tmp_path: Path) -> None:
    from bridge.history import open_store

    url = f"sqlite:///{tmp_path / 'p.db'}"
    s = open_store(url, tmp_path)
    with pytest.raises(
        InvalidValue, match=r"^project name '' is empty: expected the Set's file path or a name$"
    ):
        s.use_project("  ")
    s.use_project("one.als")
    s.use_project("two.als")
    s.use_project("one.als")
    a = s.commit(draft())
    s.close()
    again = open_store(url, tmp_path)
    assert again.project == "one.als" and [t.take_id for t in again.takes()] == [a]
    again.use_project("two.als")
    assert again.takes() == []
    again.close()


def test_a_confirmed_take_keeps_its_message_and_discard_takes_only_its_own(store: Any) -> None:
    one = store.commit(draft(), pending=True)
    two = store.commit(draft(), pending=True)
    store.confirm(one, {"track": 1}, "written")
    assert store.get(one).message == "written" and store.get(one).live == {"track": 1}
    three = store.commit(draft(), pending=True)
    store.discard(three)
    store.confirm(two, {"track": 2})
    assert store.get(two).live == {"track": 2} and store.get(two).message == ""
    assert store.count() == 2


def test_the_ancestry_of_an_export_stops_where_a_parent_is_gone(store: Any) -> None:
    from bridge.history.export import ancestry

    a = store.commit(draft())
    b = store.commit(draft(parent_id=a))  # a take's parent is the take it varies, not the newest
    orphan = store.commit(draft(parent_id="0123456789abcdef"))
    assert [t.take_id for t in ancestry(store, store.get(b))] == [a, b]
    assert [t.take_id for t in ancestry(store, store.get(orphan))] == [orphan]


def test_the_non_waiting_writer_takes_only_plain_midi_takes_and_counts_its_commits(
    store: Any, tmp_path: Path
) -> None:
    from bridge.history import AudioOut, TakeDraft
    from bridge.history.pending import CHECKPOINT_EVERY

    assert store.commit_now(draft()) is None  # no project used in this process yet
    store.commit(draft())
    wav = sine(tmp_path / "a.wav", 0.1, 440.0, 0.5)
    assert store.commit_now(draft(audio=[AudioOut("mix", wav)])) is None
    assert store.commit_now(draft(analysis={"key": "C major"})) is None
    assert store.commit_now(TakeDraft("dance", "bass", notes=[n(40, 0.0)])) is None
    assert store.commit_now(TakeDraft("generate", "bass")) is None  # no notes
    take_id = store.commit_now(draft(versions={"engines": "7"}, live={"track": 2}, command="go"))
    assert isinstance(take_id, str) and len(take_id) == 12 and int(take_id, 16) >= 0
    with contextlib.closing(sqlite3.connect(tmp_path / "h.db")) as db:
        row = db.execute(
            "SELECT live, versions, command, pending FROM takes WHERE take_id = ?", (take_id,)
        ).fetchone()
    assert (json.loads(row[0]), json.loads(row[1]), row[2], row[3]) == (
        {"track": 2},
        {"engines": "7"},
        "go",
        1,
    )
    assert store.confirm_now(take_id, {"track": 3})
    got = store.get(take_id)
    assert (got.live, got.versions, got.message, got.command) == ({"track": 3}, {"engines": "7"}, "", "go")
    assert not store.needs_checkpoint()
    for _ in range(CHECKPOINT_EVERY - 3):
        store.commit_now(draft())
    assert not store.needs_checkpoint()  # 99 commits on that connection so far (the confirm was one)
    store.commit_now(draft())
    assert store.needs_checkpoint()
    store.checkpoint()
    assert not store.needs_checkpoint()
    for _ in range(CHECKPOINT_EVERY - 1):
        store.commit_now(draft())
    assert not store.needs_checkpoint()


def test_only_lock_errors_count_as_busy() -> None:
    from bridge.history.sqlite_now import _busy

    assert _busy(sqlite3.OperationalError("database is locked"))
    assert _busy(sqlite3.OperationalError("database table is LOCKED"))
    assert _busy(sqlite3.OperationalError("database is busy"))
    assert not _busy(sqlite3.OperationalError("no such table: takes"))


def test_audio_without_a_suffix_is_kept_as_wav_and_an_existing_folder_is_used(tmp_path: Path) -> None:
    plain = tmp_path / "noext"
    sf.write(plain, np.zeros(80), 8000, format="WAV")
    digest = sha256_of(plain)
    (tmp_path / "store" / "audio" / digest[:2]).mkdir(parents=True)
    stored = put(tmp_path / "store", plain)
    assert stored.suffix == ".wav" and blob_path(tmp_path / "store", digest, ".wav").is_file()


def test_listed_and_read_takes_carry_every_field(store: Any, tmp_path: Path) -> None:
    from bridge.history import AudioOut, TakeDraft

    store.use_project("song.als")
    wav = sine(tmp_path / "s.wav", 0.25, 440.0, 0.5)
    a = store.commit(
        TakeDraft("generate", "bass", seed=9, message="first", versions={"v": 1}, notes=[n(40, 0.0)])
    )
    b = store.commit(TakeDraft("separate", "mix", audio=[AudioOut("drums", wav, {"tempo_bpm": 100.0})]))
    store.star(b, True)
    listed = store.takes()
    assert [(t.take_id, t.project, t.action, t.part, t.message, t.starred, t.seed) for t in listed] == [
        (b, "song.als", "separate", "mix", "", True, None),
        (a, "song.als", "generate", "bass", "first", False, 9),
    ]
    assert [t.take_id for t in store.takes(limit=1)] == [b]
    with pytest.raises(InvalidValue, match=r"^limit 0 is out of range: expected 1 or more$"):
        store.takes(limit=0)
    got_a, got_b = store.get(a), store.get(b)
    assert (got_a.project, got_a.starred, got_a.versions, got_a.outputs) == (
        "song.als",
        False,
        {"v": 1},
        ({"kind": "midi", "name": "bass", "note_count": 1},),
    )
    assert got_b.notes is None and got_b.starred is True
    (audio,) = got_b.outputs
    assert audio == {
        "kind": "audio",
        "name": "drums",
        "sha256": sha256_of(wav),
        "path": str(blob_path(tmp_path, sha256_of(wav), ".wav")),
        "frames": 2000,
        "sample_rate": 8000,
        "size_bytes": wav.stat().st_size,
        "analysis": {"tempo_bpm": 100.0},
    }
    assert store.check() == []
    Path(audio["path"]).unlink()
    assert store.check() == [f"{audio['path']} is missing"]


def test_the_data_folder_and_database_url_by_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from bridge.history.db import data_dir, database_url

    monkeypatch.delenv("MUSEAROO_DATA_DIR", raising=False)
    monkeypatch.delenv("MUSEAROO_DB", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert data_dir() == tmp_path / ".local" / "share" / "musearoo"
    assert database_url() == f"sqlite:///{tmp_path / '.local' / 'share' / 'musearoo' / 'history.db'}"
    assert database_url(tmp_path / "x") == f"sqlite:///{tmp_path / 'x' / 'history.db'}"
    monkeypatch.setenv("MUSEAROO_DATA_DIR", "~/roo")
    assert data_dir() == tmp_path / "roo"
    monkeypatch.setenv("MUSEAROO_DB", "postgresql+psycopg://u@h/db")
    assert database_url(tmp_path) == "postgresql+psycopg://u@h/db"


def test_a_note_is_grouped_under_the_bar_its_label_names() -> None:
    """A start a hair before a bar line (7.9999 from a humanize) rounds to 3.1.1: it is listed under
    bar 3, not bar 2 (issue 47)."""
    a = take("aaa", [])
    b = take("bbb", [n(40, 7.9999), n(41, 7.8)])
    d = diff_notes(a, b)
    assert [(bar["bar"], [x["pitch"] for x in bar["added"]]) for bar in d["bars"]] == [(2, [41]), (3, [40])]
    lines = as_text(d, [], 4.0)
    assert lines[1:] == [
        "  bar 2:",
        "    + F1 at 2.4.4, 0.5 beats, v100",
        "  bar 3:",
        "    + E1 at 3.1.1, 0.5 beats, v100",
    ]
