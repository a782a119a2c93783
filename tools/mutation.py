"""Mutation testing of three areas with mutmut: engines/transforms, bridge/history, engines/music.py.

Each area runs in its own scratch copy of the project (mutmut reads its settings from the
pyproject.toml of the folder it runs in and writes its mutants beside it), with only the tests of
that area, so a run is bounded. The report gives the score (killed / tested) and the surviving
mutants grouped by kind (number, string, operator, keyword, argument, ...).

    python tools/mutation.py                      # all three areas
    python tools/mutation.py transforms music     # some of them
    python tools/mutation.py --timeout 3600 --children 2 --work /tmp/roo-mutation

Not run in CI (too slow for two cores): run it when one of these areas changes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: tools.mutation_kinds from this checkout
from tools.mutation_kinds import diffs, kind_of, module_file, statuses  # noqa: E402

COPIED = ("bridge", "engines", "livesim", "presets", "remote_scripts", "tests", "tools", "pyproject.toml")


@dataclass(frozen=True)
class Area:
    source: str
    tests: tuple[str, ...]
    deselect: str = ""
    skip: tuple[str, ...] = ()  # files not mutated (globs)


AREAS: dict[str, Area] = {
    "transforms": Area(
        "engines/transforms",
        ("tests/engines/test_transforms.py", "tests/engines/test_transforms_exact.py"),
    ),
    "music": Area(
        "engines/music.py",
        (
            "tests/engines/test_music.py",
            "tests/engines/test_key_spelling.py",
            "tests/engines/test_music_parsing.py",
        ),
    ),
    "history": Area(
        "bridge/history",
        (
            "tests/bridge/history/test_store.py",
            "tests/bridge/history/test_pending.py",
            "tests/bridge/history/test_recording.py",
            "tests/bridge/history/test_migrations.py",
            "tests/bridge/history/test_cli.py",
            "tests/bridge/history/test_store_exact.py",
            "tests/bridge/history/test_export_notes.py",
            "tests/bridge/history/test_export_files.py",
            "tests/bridge/history/test_schema.py",
            "tests/bridge/history/test_lineage.py",
            "tests/bridge/history/test_recovery.py",
            "tests/bridge/history/test_export.py",
            "tests/bridge/history/test_schema_exact.py",
            "tests/bridge/history/test_recovery_exact.py",
        ),
        # a PostgreSQL server per mutant is too slow here; the SQLite twins of these tests stay
        deselect="postgres",
        # Alembic loads the migration scripts by file path, so mutmut sees no test reach them (every
        # mutant of them is "no tests"); tests/bridge/history/test_migrations.py checks them whole
        skip=("bridge/history/migrations/*",),
    ),
}

SURVIVING = ("survived", "no tests", "suspicious")


def mutmut_settings(area: Area, only: list[str] | None = None) -> str:
    tests = [t for t in area.tests if (ROOT / t).exists()]
    selection = [*tests, "-k", f"not {area.deselect}"] if area.deselect else tests
    return (
        "\n[tool.mutmut]\n"
        f"source_paths = {json.dumps([area.source])}\n"
        f"also_copy = {json.dumps([c for c in COPIED if c != 'pyproject.toml'])}\n"
        f"pytest_add_cli_args_test_selection = {json.dumps(selection)}\n"
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-x", "-q"]\n'
        f"do_not_mutate = {json.dumps(list(area.skip))}\n"
        "mutate_only_covered_lines = false\n" + (f"only_mutate = {json.dumps(only)}\n" if only else "")
    )


def prepare(name: str, area: Area, work: Path, only: list[str] | None = None) -> Path:
    """A fresh copy of the tracked project in work/name with mutmut's settings for the area."""
    folder = work / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    listed = subprocess.run(
        ["git", "ls-files", *COPIED], cwd=ROOT, capture_output=True, text=True, check=True
    )
    for rel in listed.stdout.splitlines():
        source = ROOT / rel
        if source.is_file():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, folder / rel)
    for rel in (a for a in area.tests if not (folder / a).exists() and (ROOT / a).exists()):
        shutil.copy2(ROOT / rel, folder / rel)  # a test file not committed yet
    text = (folder / "pyproject.toml").read_text()
    (folder / "pyproject.toml").write_text(text + mutmut_settings(area, only))
    return folder


def run_mutmut(folder: Path, children: int, timeout_s: float, names: list[str] | None = None) -> int:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # mutants/ must come first
    env["HF_HUB_OFFLINE"] = "1"
    mutmut = [sys.executable, "-c", "from mutmut.__main__ import cli; cli()"]
    with open(folder / "mutmut.log", "w") as log:
        try:
            done = subprocess.run(
                ["nice", "-n", "10", *mutmut, "run", "--max-children", str(children), *(names or [])],
                cwd=folder,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                timeout=timeout_s,
            )
        except subprocess.TimeoutExpired:
            return 124
    return done.returncode


def report(
    name: str, area: Area, folder: Path, rc: int, earlier: dict[str, str] | None = None
) -> dict[str, object]:
    """The area's result; ``earlier``: a first run's statuses, of which only the survivors were run
    again in ``folder`` (their new status counts; the rest keep the first run's)."""
    found = statuses(folder)
    if earlier is not None:
        found = {k: (found.get(k, "not checked") if v in SURVIVING else v) for k, v in earlier.items()}
    counts = Counter(found.values())
    tested = sum(v for k, v in counts.items() if k not in ("skipped", "not checked", "caught by type check"))
    killed = counts["killed"] + counts["timeout"]
    survivors = sorted(k for k, v in found.items() if v in SURVIVING)
    texts = diffs(folder, survivors) if survivors else {}
    by_kind: dict[str, list[str]] = defaultdict(list)
    for key in survivors:
        by_kind[kind_of(texts.get(key, ""))].append(key)
    return {
        "area": name,
        "source": area.source,
        "tests": list(area.tests),
        "mutmut_exit": rc,
        "counts": dict(counts),
        "score_percent": round(100.0 * killed / tested, 1) if tested else 0.0,
        "survivors_by_kind": {k: sorted(v) for k, v in sorted(by_kind.items())},
        "diffs": texts,
    }


def print_report(result: dict[str, object], show_diffs: bool) -> None:
    counts = result["counts"]
    assert isinstance(counts, dict)
    print(f"\n== {result['area']} ({result['source']}): {result['score_percent']} % killed, {counts}")
    if result["mutmut_exit"] not in (0, None):
        print(
            f"   mutmut exited {result['mutmut_exit']} (124: the run hit --timeout; the counts are partial)"
        )
    kinds = result["survivors_by_kind"]
    diffs_by_name = result["diffs"]
    assert isinstance(kinds, dict) and isinstance(diffs_by_name, dict)
    for kind, names in kinds.items():
        print(f"   {kind}: {len(names)}")
        for key in names:
            print(f"      {key}")
            if show_diffs:
                for line in diffs_by_name.get(key, "").splitlines():
                    if line[:1] in "+-" and line[:3] not in ("---", "+++"):
                        print(f"         {line.strip()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("areas", nargs="*", default=list(AREAS), help=f"some of {', '.join(AREAS)}")
    parser.add_argument("--work", type=Path, default=Path("/tmp/roo-mutation"), help="scratch folder")
    parser.add_argument("--children", type=int, default=2, help="mutants tested at once")
    parser.add_argument("--timeout", type=float, default=5400.0, help="seconds per area before giving up")
    parser.add_argument("--report-only", action="store_true", help="report an earlier run in --work")
    parser.add_argument(
        "--rerun-survivors",
        action="store_true",
        help="run only the survivors of the earlier run in --work again (after new tests), and report both",
    )
    parser.add_argument(
        "--earlier",
        type=Path,
        help="with --rerun-survivors: the earlier run's scratch folder (default: --work)",
    )
    parser.add_argument(
        "--tests",
        nargs="+",
        help="with --rerun-survivors: only these tests (those added since; the rest already ran on them)",
    )
    parser.add_argument("--diffs", action="store_true", help="print each survivor's changed lines")
    parser.add_argument("--json", type=Path, help="write the results here as JSON too")
    args = parser.parse_args(argv)
    unknown = [a for a in args.areas if a not in AREAS]
    if unknown:
        parser.error(f"unknown area {unknown[0]!r}: expected one of {', '.join(AREAS)}")
    results = []
    for name in args.areas:
        area = AREAS[name]
        folder = args.work / name
        rc = 0
        before = (args.earlier or args.work) / name
        earlier = statuses(before) if args.rerun_survivors and before.is_dir() else None
        names = sorted(k for k, v in (earlier or {}).items() if v in SURVIVING)
        if earlier is not None and args.tests:
            area = Area(area.source, tuple(args.tests), area.deselect, area.skip)
        if not args.report_only and (earlier is None or names):
            kept = args.work / f"{name}-earlier.json"  # the first run's statuses, beside the new folder
            args.work.mkdir(parents=True, exist_ok=True)
            if earlier is not None:
                kept.write_text(json.dumps(earlier))
            else:
                kept.unlink(missing_ok=True)
            only = sorted({module_file(k) for k in names}) if earlier is not None else None
            folder = prepare(name, area, args.work, only)
            print(f"mutmut over {area.source} with {len(area.tests)} test files in {folder} ...", flush=True)
            rc = run_mutmut(folder, args.children, args.timeout, names if earlier is not None else None)
        elif args.report_only and (args.work / f"{name}-earlier.json").is_file():
            earlier = json.loads((args.work / f"{name}-earlier.json").read_text())
        result = report(name, area, folder, rc, earlier)
        print_report(result, args.diffs)
        results.append(result)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
