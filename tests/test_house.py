"""The house's import rules, read from the source with ast (nothing is imported).

The floors read bridge -> engines; the in-memory Live (livesim) is a model of Live that only
``roo sim`` and the tests use; the Remote Script imports nothing outside its own folder (it runs
inside Live's Python). No import circles anywhere, TYPE_CHECKING imports included; a module
importing its own package's ``__init__`` is no circle.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bridge", "engines", "livesim", "remote_scripts")
BRIDGE_ROOT_LIMIT = 6  # modules at bridge/'s root, __init__ and __main__ aside
SIM_USERS = {"bridge.cli.sim"}  # the only daemon-side module that may import the in-memory Live
MODULE_LINES_LIMIT = 300  # a module longer than this is a room in disguise
LONG_ALLOWED = {
    "protocol.py",
    "roo_protocol.py",
}  # the protocol's facts, written once (and the Remote Script's copy)
ACTIONS_ROOT = ("__init__.py", "options.py", "takes.py", "prepare_makers.py")  # the rest live in rooms


def module_files(root: Path = ROOT) -> dict[str, Path]:
    """Every module of the project's packages by dotted name (vendored code left out)."""
    found: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            if "vendor" in path.parts:
                continue
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def imported_names(name: str, path: Path) -> set[str]:
    """The dotted names one module imports (relative imports resolved), at any depth of its code."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Module -> the project's modules it imports (a name resolved to its longest known module)."""
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges: set[str] = set()
        for imported in imported_names(name, path):
            while imported and imported not in modules:
                imported = imported.rpartition(".")[0]
            if imported and imported != name and not name.startswith(imported + "."):
                edges.add(imported)
        graph[name] = edges
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work: list[tuple[str, list[str]]] = [(start, sorted(graph[start]))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, todo = work[-1]
            if todo:
                nxt = todo.pop()
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, sorted(graph.get(nxt, ()))))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def rule_breaks(graph: dict[str, set[str]]) -> list[str]:
    """Every import that goes against the floors, as 'importer -> imported: why'."""
    breaks = []
    for name, edges in sorted(graph.items()):
        for dep in sorted(edges):
            top, dep_top = name.split(".")[0], dep.split(".")[0]
            if top == "engines" and dep_top != "engines":
                breaks.append(f"{name} -> {dep}: engines import only engines (and outside libraries)")
            elif top == "livesim" and dep_top not in ("livesim", "engines"):
                breaks.append(f"{name} -> {dep}: the in-memory Live stands below the bridge")
            elif top == "remote_scripts" and not dep.startswith("remote_scripts.MuseAroo"):
                breaks.append(f"{name} -> {dep}: the Remote Script runs in Live and imports only itself")
            elif top == "bridge" and dep_top == "livesim" and name not in SIM_USERS:
                breaks.append(
                    f"{name} -> {dep}: only `roo sim` ({', '.join(SIM_USERS)}) runs the in-memory Live"
                )
            elif top == "bridge" and dep_top == "remote_scripts":
                breaks.append(f"{name} -> {dep}: the daemon talks to the Remote Script over OSC only")
    return breaks


def test_no_import_circles() -> None:
    found = circles(import_graph(module_files()))
    assert found == [], "import circles: " + "; ".join(" <-> ".join(group) for group in found)


def test_imports_follow_the_floors() -> None:
    assert rule_breaks(import_graph(module_files())) == []


def test_the_bridge_root_holds_few_modules() -> None:
    loose = sorted(
        p.name for p in (ROOT / "bridge").glob("*.py") if p.name not in ("__init__.py", "__main__.py")
    )
    assert len(loose) <= BRIDGE_ROOT_LIMIT, (
        f"bridge/ root modules {loose}: expected at most {BRIDGE_ROOT_LIMIT}"
    )


def long_modules(root: Path = ROOT) -> list[str]:
    """Modules of the packages and tools over MODULE_LINES_LIMIT lines, as 'path: lines'."""
    found = []
    for package in (*PACKAGES, "tools"):
        for path in sorted((root / package).rglob("*.py")):
            if "vendor" in path.parts or "node_modules" in path.parts or path.name in LONG_ALLOWED:
                continue
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > MODULE_LINES_LIMIT:
                found.append(f"{path.relative_to(root)}: {lines}")
    return found


def test_no_module_is_over_the_limit() -> None:
    assert long_modules() == [], f"modules over {MODULE_LINES_LIMIT} lines (split them into a package)"


def test_actions_live_in_rooms() -> None:
    """bridge/actions/ holds rooms (packages, each with its face) and a handful of shared modules."""
    actions = ROOT / "bridge" / "actions"
    loose = sorted(p.name for p in actions.glob("*.py"))
    assert loose == sorted(ACTIONS_ROOT), (
        f"modules at bridge/actions/'s root: {loose}, expected {sorted(ACTIONS_ROOT)}"
    )
    rooms = sorted(p for p in actions.iterdir() if p.is_dir() and p.name != "__pycache__")
    assert len(rooms) >= 8, rooms
    for room in rooms:
        face = room / "__init__.py"
        assert face.exists(), f"{room.relative_to(ROOT)} has no face (__init__.py)"
        assert ast.get_docstring(ast.parse(face.read_text(encoding="utf-8"))), (
            f"{face.relative_to(ROOT)}: say what the room does"
        )


def test_the_checks_see_a_circle_and_an_upward_import(tmp_path: Path) -> None:
    """The rules above catch what they are for, on a small tree written here."""
    for package, files in {
        "engines": {"__init__.py": "", "a.py": "from engines import b\n", "b.py": "import engines.a\n"},
        "bridge": {"__init__.py": "", "daemon.py": "from livesim.host import LiveHost\n"},
        "livesim": {
            "__init__.py": "",
            "host.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from bridge import daemon\n",
        },
        "remote_scripts": {"__init__.py": "", "s.py": "from engines import a\n"},
    }.items():
        (tmp_path / package).mkdir()
        for file, text in files.items():
            (tmp_path / package / file).write_text(text)
    graph = import_graph(module_files(tmp_path))
    assert sorted(circles(graph)) == [["bridge.daemon", "livesim.host"], ["engines.a", "engines.b"]]
    breaks = rule_breaks(graph)
    assert any(b.startswith("bridge.daemon -> livesim.host") for b in breaks)
    assert any(b.startswith("livesim.host -> bridge.daemon") for b in breaks)
    assert any(b.startswith("remote_scripts.s -> engines.a") for b in breaks)
    (tmp_path / "engines" / "long.py").write_text("x = 1\n" * (MODULE_LINES_LIMIT + 1))
    (tmp_path / "bridge" / "protocol.py").write_text("x = 1\n" * (MODULE_LINES_LIMIT + 1))
    assert long_modules(tmp_path) == [f"engines/long.py: {MODULE_LINES_LIMIT + 1}"]


if __name__ == "__main__":  # a quick listing: python tests/test_house.py
    g = import_graph(module_files())
    for group in circles(g):
        print("circle:", " <-> ".join(group))
    print("\n".join(rule_breaks(g)))
    sys.exit(0)
