"""docs/protocol.md's example answers are the daemon's: every block that shows an answer is run
through the real `roo send`, against the daemon (with a take history, as `roo serve` runs) and the
in-memory Live holding the Set the example speaks of, and each answer must be what it printed
(tests/docs/examples.py reads the two forms). A changed message fails here until the docs say it."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from bridge.cli import main
from livesim.host import LiveHost
from livesim.live_set import parse_set
from tests.bridge.harness import running_daemon
from tests.docs.examples import Block, Ids, blocks, differs

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "protocol.md"


def triads(roots: list[int], minor: list[bool]) -> list[list[float]]:
    """One triad a bar (root position, from middle C's octave)."""
    steps = [(r, d) for r, m in zip(roots, minor, strict=True) for d in (0, 3 if m else 4, 7)]
    return [[60 + (r + d) % 12, i // 3 * 4.0, 4.0, 90] for i, (r, d) in enumerate(steps)]


def track(
    name: str, clip: str = "", notes: list[list[float]] | None = None, beats: float = 16.0
) -> dict[str, Any]:
    """A MIDI track named ``name``, with a clip in its first slot when ``clip`` names one."""
    clips = [{"slot": 0, "name": clip, "length": beats, "notes": notes}] if clip else []
    return {"type": "midi", "name": name, "clips": clips}


BASS_AT = [0, 1.5, 3, 4, 6, 7.5, 9, 10, 12, 14]
BASSLINE = [[36 + p, b, 1.0, 100] for p, b in zip([0, 0, 3, 5, 7, 7, 5, 3, 0, 0], BASS_AT, strict=True)]
BEAT = [[36, 0.0, 0.25, 110], [38, 2.0, 0.25, 100], [36, 4.0, 0.25, 110], [38, 6.0, 0.25, 100]]
HATS = [[42, i / 2, 0.25, 70] for i in range(16)]
G_MAJOR = triads([7, 0, 2, 7], [False] * 4)  # G C D G
A_MINOR = triads([9, 2, 4, 9], [True, True, False, True])  # Am Dm E Am


@dataclass(frozen=True)
class Scene:
    """The Set an example block speaks of (None: `roo sim`'s own), and requests sent before it."""

    desc: dict[str, Any] | None = None
    before: list[list[str]] = field(default_factory=list)


DRUMS_FIRST = [["/roo/generate", "drums", "track", "0", "slot", "0", "bars", "4", "seed", "1"]]
SCENES = {
    "/live/song/get/tempo": Scene(before=DRUMS_FIRST),
    "/roo/generate drums track 0 slot 0 bars 4 seed 1": Scene(),
    "/roo/history/project demo set": Scene(),
    "/roo/automate 0 Auto Filter frequency rise from 0.2 to 0.9 slot 0": Scene(before=DRUMS_FIRST),
    "/roo/follow 3 0": Scene(
        {"tracks": [track("Beat"), track("1"), track("2"), track("Keys", "Keys", G_MAJOR), track("Vox")]}
    ),
    "/roo/transform half_time track 1 slot 0": Scene(
        {
            "tracks": [
                track("1"),
                track("Bass", "Bassline", BASSLINE),
                track("Drums", "Beat", BEAT + HATS, 8.0),
            ]
        }
    ),
    "/roo/generate bass track 3 slot 0 bars 8 source_track 0 source_slot 0": Scene(
        {"tracks": [track("Keys", "Keys", A_MINOR), track("1"), track("2"), track("Bass")]}
    ),
}


@pytest.fixture(scope="module")
def doc_blocks() -> list[Block]:
    return blocks(DOC.read_text())


def test_every_block_with_an_answer_is_run(doc_blocks: list[Block]) -> None:
    """A new example in the docs needs its Set here (or is named left below, with why)."""
    assert len(doc_blocks) >= 8
    assert {b.key for b in doc_blocks} - set(SCENES) - set(AUDIO) == set()


TRANSCRIBED = "/roo/transcribe 2 0 kind auto"  # docs/examples/try.yaml with a rendered bass line
ANALYZED = "/roo/analyze 4 0 warp 1"
AUDIO = {ANALYZED, TRANSCRIBED}  # tests/docs/test_protocol_audio.py renders their audio


def run_block(block: Block, live: LiveHost, store: Any, before: list[list[str]], capsys: Any) -> list[str]:
    """Each request through `roo send`, in order; what differs from the docs, per request."""
    ids, wrong = Ids(), []
    with running_daemon(live_port=live.port, history=store) as daemon:
        heard_by = time.monotonic() + 10.0  # a request names a track as Live pushed it: wait for the push
        while not getattr(daemon.live, "track_list", None):
            assert time.monotonic() < heard_by, "the daemon did not hear Live's tracks"
            time.sleep(0.01)
        for args in [*before, *[e.args for e in block.examples]]:
            example = next((e for e in block.examples if e.args is args), None)
            sent = ids.args(args)
            port = live.port if sent[0].startswith(("/live/", "/roo/live/")) else daemon.port
            wait = "2" if "--all" in sent else "60"
            main(["send", *sent, "--port", str(port), "--wait", wait])
            printed = capsys.readouterr().out
            if example is not None and example.shown:
                said = differs(example, printed, ids)
                if said:
                    wrong.append(f"docs/protocol.md:{example.line}: {' '.join(args)}\n{said}")
    return wrong


@pytest.mark.parametrize("key", list(SCENES))
def test_the_docs_example_answers_are_the_daemons(
    key: str, doc_blocks: list[Block], history: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    block = next(b for b in doc_blocks if b.key == key)
    scene = SCENES[key]
    set_desc = parse_set(scene.desc) if scene.desc is not None else None
    live = LiveHost(set_desc, port=0).start_in_thread() if set_desc else LiveHost(port=0).start_in_thread()
    try:
        wrong = run_block(block, live, history, scene.before, capsys)
    finally:
        live.stop()
    assert wrong == [], "\n\n".join(wrong)
