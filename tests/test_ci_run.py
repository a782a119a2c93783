"""CI's own steps (.ci/run, `make test`) run with stand-in programs: what order they run in, and
that the target fails whenever one part does."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, require_tool

# mypy stand-in: says when it started and ended (2 s apart) and what it was asked, exits with $FAKE_MYPY_RC
# (with $FAKE_MYPY_WORKERS_RC when asked for worker processes, -n, where that is set)
MYPY = """#!/bin/sh
echo "$*" >> "$FAKE_LOG/mypy-args"
echo start >> "$FAKE_LOG/mypy"
sleep 2
echo end >> "$FAKE_LOG/mypy"
rc=$FAKE_MYPY_RC
[ "$1" = "-n" ] && rc=${FAKE_MYPY_WORKERS_RC:-$rc}
echo "mypy says $rc"
exit "$rc"
"""
# pytest stand-in: writes what mypy had done when it ran (realtime or parallel), exits with its rc
PYTEST = """#!/bin/sh
case "$*" in *"not realtime"*) run=parallel; rc=$FAKE_PARALLEL_RC;; *) run=realtime; rc=$FAKE_REALTIME_RC;; esac
sleep 0.5
echo "$run $(tr '\\n' ' ' < "$FAKE_LOG/mypy" 2>/dev/null)" >> "$FAKE_LOG/runs"
exit "$rc"
"""


def stand_in(folder: Path, name: str, text: str) -> None:
    path = folder / name
    path.write_text(text)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def make_test(
    tmp_path: Path, mypy: int = 0, parallel: int = 0, realtime: int = 0, mypy_workers: int | None = None
) -> tuple[int, list[str], str]:
    """`make test` with a stand-in venv; its exit code, the pytest runs and what mypy had done by each."""
    make = require_tool("make")
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    stand_in(venv / "bin", "mypy", MYPY)
    stand_in(venv / "bin", "pytest", PYTEST)
    stand_in(venv / "bin", "ruff", "#!/bin/sh\nexit 0\n")
    (venv / ".installed").touch()
    os.utime(venv / ".installed", (4e9, 4e9))  # newer than pyproject.toml: no setup
    log = tmp_path / "log"
    log.mkdir()
    env = {**os.environ, "FAKE_LOG": str(log), "FAKE_MYPY_RC": str(mypy)}
    env.update(FAKE_PARALLEL_RC=str(parallel), FAKE_REALTIME_RC=str(realtime))
    if mypy_workers is not None:
        env["FAKE_MYPY_WORKERS_RC"] = str(mypy_workers)
    out = subprocess.run(
        [make, "-s", "test", f"VENV={venv}"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    runs = (log / "runs").read_text().splitlines() if (log / "runs").exists() else []
    return out.returncode, [r.strip() for r in runs], out.stdout


@pytest.mark.parametrize("failing", ["parallel", "realtime"])
def test_make_test_fails_when_either_run_fails_and_both_still_run(tmp_path: Path, failing: str) -> None:
    code, runs, stdout = make_test(tmp_path, **{failing: 1})
    assert code != 0, (failing, stdout)
    assert runs == ["parallel start end", "realtime start end"]  # mypy ended before either run


def test_a_type_error_stops_make_test_before_the_tests(tmp_path: Path) -> None:
    code, runs, stdout = make_test(tmp_path, mypy=1)
    assert code != 0, stdout
    assert runs == []


def test_mypy_checks_in_two_worker_processes(tmp_path: Path) -> None:
    code, _runs, stdout = make_test(tmp_path)
    assert code == 0, stdout
    asked = (tmp_path / "log" / "mypy-args").read_text().splitlines()
    assert len(asked) == 1 and asked[0].split()[:2] == ["-n", "2"] and "bridge" in asked[0].split(), asked


def test_mypy_workers_that_fail_to_start_are_followed_by_one_process(tmp_path: Path) -> None:
    """mypy's workers must start within 3 s: where they did not, one process checks, and the tests run."""
    code, runs, stdout = make_test(tmp_path, mypy_workers=2)
    assert code == 0, stdout
    asked = [line.split() for line in (tmp_path / "log" / "mypy-args").read_text().splitlines()]
    assert [a[:2] for a in asked] == [["-n", "2"], ["bridge", "engines"]], asked
    assert runs == ["parallel start end start end", "realtime start end start end"]


@pytest.mark.parametrize(
    ("workers", "expected"), [(None, ["-n", "2", "--dist", "loadfile"]), ("0", []), ("1", [])]
)
def test_the_realtime_tests_run_two_files_at_a_time_unless_told_otherwise(
    tmp_path: Path, workers: str | None, expected: list[str]
) -> None:
    """The realtime run keeps each test file in one worker (``--dist loadfile``), two at a time by default;
    REALTIME_WORKERS=0 (or 1) runs them one at a time, as before."""
    extra = [] if workers is None else [f"REALTIME_WORKERS={workers}"]
    out = subprocess.run(
        [require_tool("make"), "-n", "test", f"VENV={tmp_path / 'venv'}", *extra],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    line = next(line for line in out.stdout.splitlines() if "-m realtime" in line)
    words = line.split("-m realtime", 1)[1].split(";")[0].split()
    assert words == expected, line


@pytest.mark.parametrize("forbidden", [False, True])
def test_pip_leaves_the_bytecode_to_the_first_import_only_where_python_writes_it(
    tmp_path: Path, forbidden: bool
) -> None:
    """`make setup`'s pip installs skip compiling every module (62 s of one core) where Python writes bytecode
    itself; where PYTHONDONTWRITEBYTECODE forbids that, pip compiles, or every process would compile torch again."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if forbidden:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    out = subprocess.run(
        [require_tool("make"), "-n", "setup", f"VENV={tmp_path / 'venv'}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    installs = [line.split() for line in out.stdout.splitlines() if " pip install " in line]
    assert len(installs) == 4 and installs[0][-2:] == ["--upgrade", "pip"], installs
    assert all(("--no-compile" in words) is not forbidden for words in installs[1:]), installs


def ci_run(tmp_path: Path, env_extra: dict[str, str]) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """.ci/run with stand-ins for apt-get (its calls logged), debconf-set-selections, npm, sudo and make;
    and for dpkg-query, where FAKE_INSTALLED says how many of the packages it finds installed."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in ("debconf-set-selections", "npm", "sudo"):
        stand_in(bin_dir, name, "#!/bin/sh\ncat >/dev/null\nexit 0\n")  # reads what is piped to it
    stand_in(bin_dir, "apt-get", '#!/bin/sh\necho "$*" >> "$FAKE_APT_LOG"\n')
    if "FAKE_INSTALLED" in env_extra:
        stand_in(bin_dir, "dpkg-query", '#!/bin/sh\nyes "install ok installed" | head -n "$FAKE_INSTALLED"\n')
    stand_in(
        bin_dir,
        "make",
        '#!/bin/sh\necho "make $* bytecode=${PYTHONDONTWRITEBYTECODE-unset}"\necho "mypy cache=${MYPY_CACHE_DIR-unset}"\n',
    )
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "FAKE_APT_LOG": str(tmp_path / "apt")}
    env.update(env_extra)
    bash = shutil.which("bash")
    assert bash is not None
    out = subprocess.run(
        [bash, str(ROOT / ".ci" / "run")],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    apt = (tmp_path / "apt").read_text().splitlines() if (tmp_path / "apt").exists() else []
    return out, apt


def test_ci_runs_make_test_with_bytecode_written(tmp_path: Path) -> None:
    """make sees no PYTHONDONTWRITEBYTECODE, even where the machine's environment sets it."""
    out, _apt = ci_run(tmp_path, {"PYTHONDONTWRITEBYTECODE": "1"})
    assert out.returncode == 0, out.stderr
    assert "make test bytecode=unset" in out.stdout, out.stdout


def test_ci_keeps_mypys_cache_outside_the_clone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """mypy's cache lives in the user's cache folder (kept between fresh clones, like pip's), never in the clone."""
    monkeypatch.delenv("MYPY_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    out, _apt = ci_run(tmp_path, {"HOME": str(tmp_path / "home")})
    assert out.returncode == 0, out.stderr
    cache = tmp_path / "home" / ".cache" / "musearoo" / "mypy"
    assert f"mypy cache={cache}" in out.stdout.splitlines(), out.stdout


def _packages() -> list[str]:
    """The Debian packages .ci/run installs, read from its PACKAGES=( ... ) list."""
    listed = re.search(r"^PACKAGES=\(([^)]*)\)", (ROOT / ".ci" / "run").read_text(), re.M)
    assert listed is not None
    return listed.group(1).split()


def test_ci_asks_apt_only_when_a_package_is_missing(tmp_path: Path) -> None:
    wanted = len(_packages())
    assert wanted >= 17 and "hydrogen-drumkits" in _packages()
    (tmp_path / "all").mkdir()
    out, apt = ci_run(tmp_path / "all", {"FAKE_INSTALLED": str(wanted)})
    assert out.returncode == 0 and apt == [], (out.stderr, apt)
    assert "make test" in out.stdout
    (tmp_path / "one short").mkdir()
    out, apt = ci_run(tmp_path / "one short", {"FAKE_INSTALLED": str(wanted - 1)})
    assert out.returncode == 0, out.stderr
    assert apt[0] == "update -qq" and "jackd2" in apt[1] and "espeak-ng" in apt[1], apt
    assert "make test" in out.stdout
