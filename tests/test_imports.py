"""Data flows one way: the auditor package's imports, read from its source, form no circle.

The graph counts every import a module can run, at the top or inside a
function (a lazy import is still a dependency: it only runs later), and
leaves out `if TYPE_CHECKING:` blocks, which never run. A cycle is listed
with the file and line of each import that closes it.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import auditor

PACKAGE = Path(auditor.__file__).parent


def module_names() -> dict[str, Path]:
    names = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return names


MODULES = module_names()


class _Imports(ast.NodeVisitor):
    """(imported module, names or None, line, at module level) of every import a module can run."""

    def __init__(self, module: str, is_package: bool) -> None:
        self.package = module if is_package else module.rpartition(".")[0]
        self.found: list[tuple[str, list[str] | None, int, bool]] = []
        self.depth = 0

    def visit_If(self, node: ast.If) -> None:
        test = node.test
        if (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
            isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
        ):
            for child in node.orelse:
                self.visit(child)
            return
        self.generic_visit(node)

    def _nested(self, node) -> None:
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _nested

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self.found.append((alias.name, None, node.lineno, self.depth == 0))

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        base = node.module or ""
        if node.level:
            anchor = self.package.split(".")
            anchor = anchor[: len(anchor) - (node.level - 1)]
            base = ".".join([*anchor, base] if base else anchor)
        self.found.append((base, [a.name for a in node.names], node.lineno, self.depth == 0))


def imports_of(module: str) -> list[tuple[str, list[str] | None, int, bool]]:
    path = MODULES[module]
    visitor = _Imports(module, path.name == "__init__.py")
    visitor.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
    return visitor.found


def _literals(module: str) -> set[str]:
    """Names a module binds at its top to a literal (`__version__ = "0.1.0"`)."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    return {
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        for target in node.targets
        if isinstance(target, ast.Name)
    }


def _imports_at_top(module: str) -> bool:
    return any(top and _resolve(base, None) for base, _, _, top in imports_of(module) if base != "__future__")


def _resolve(base: str, name: str | None) -> str | None:
    """The package module an import reaches: `from a import b` reaches a.b when that is a module, else a."""
    if name and f"{base}.{name}" in MODULES:
        return f"{base}.{name}"
    parts = base.split(".")
    while parts and ".".join(parts) not in MODULES:
        parts.pop()
    return ".".join(parts) or None


def graph() -> dict[str, dict[str, int]]:
    """module → {module it imports: line of the first such import}."""
    edges: dict[str, dict[str, int]] = {m: {} for m in MODULES}
    for module in MODULES:
        for base, names, line, _ in imports_of(module):
            targets = [_resolve(base, n) for n in names] if names else [_resolve(base, None)]
            for name, target in zip(names or [None], targets):
                if target is None or target == module:
                    continue
                # NOTE: a literal a module binds needs nothing else of it when that module imports nothing at
                # its top: `from auditor import __version__` cannot close a circle through the package's lazy
                # exports (PEP 562 __getattr__), which only run when an export is asked for
                if name and name in _literals(target) and not _imports_at_top(target):
                    continue
                edges[module].setdefault(target, line)
    return edges


def cycles(edges: dict[str, dict[str, int]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan), each as one circle through all of it."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(edges[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10 * len(edges)))
    for node in sorted(edges):
        if node not in index:
            visit(node)
    return [_circle(edges, group) for group in sorted(groups)]


def _circle(edges: dict[str, dict[str, int]], group: list[str]) -> list[str]:
    """A shortest path from the group's first module back to itself, inside the group."""
    start, members = group[0], set(group)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt in sorted(edges[node]):
                if nxt == start:
                    return paths[node] + [start]
                if nxt in members and nxt not in paths:
                    paths[nxt] = paths[node] + [nxt]
                    following.append(nxt)
        frontier = following
    return group


def describe(edges: dict[str, dict[str, int]], circle: list[str]) -> str:
    steps = [f"{a} -> {b} ({MODULES[a].relative_to(PACKAGE.parent)}:{edges[a][b]})" for a, b in zip(circle, circle[1:])]
    return "\n    ".join(steps)


def test_the_package_imports_form_no_circle():
    edges = graph()
    found = cycles(edges)
    assert not found, "import circles:\n  " + "\n  ".join(describe(edges, c) for c in found)


def test_the_engines_import_nothing_of_what_drives_them():
    """auditor.engine is called by the pipeline, the CLI and the server; it never calls back."""
    above = ("auditor.pipeline", "auditor.cli", "auditor.serve")
    edges = graph()
    wrong = [
        f"{m} -> {t} (line {line})"
        for m, targets in edges.items()
        if m.startswith("auditor.engine")
        for t, line in targets.items()
        if t.startswith(above)
    ]
    assert not wrong, wrong


def test_the_graph_sees_imports_inside_functions_and_skips_type_checking_blocks():
    edges = graph()
    assert "auditor.pipeline" in edges["auditor"]  # the lazy export of `audit`, inside __getattr__
    assert "auditor.engine.validate" in edges["auditor.pipeline"]  # imported when a batch is validated
    assert "auditor.ruleset.loader" in edges["auditor.config"]  # inside Config.ruleset, not the TYPE_CHECKING block
    assert not _imports_at_top("auditor")


def test_cycles_are_found_and_listed():
    edges = {"a": {"b": 1}, "b": {"c": 2}, "c": {"a": 3, "d": 4}, "d": {}}
    assert cycles(edges) == [["a", "b", "c", "a"]]


def test_importing_the_package_imports_nothing_else_of_it():
    """`import auditor` (and so `auditor --help`) pays for no pipeline, pandas or Great Expectations."""
    code = (
        "import sys, auditor; print(sorted(m for m in sys.modules if m.startswith(('auditor.', 'pandas', 'great_'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
