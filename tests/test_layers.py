"""The layers of the code and the absence of import cycles, as pyproject.toml's contracts declare them.

Layering from DESIGN.md 2.2 and issue 13: vocabulary < street < state < rules, policy, measures <
sources, history, storage < simulation < command line < widgets. import-linter checks the contracts
(every import, also inside a function, directly or through other modules); the tests here run it,
check that no module of cockpit/ is left out of the layers, and that no modules import each other
in a circle. tests/test_architecture.py keeps the rule that the core never imports Qt.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("cockpit", "simulation", "widgets")

LINT_IMPORTS = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"
"""import-linter's ``lint-imports`` command, run by this interpreter wherever its scripts are."""


def lint_imports(config: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter's command on ``config`` from ``cwd`` (whose packages it analyses)."""
    return subprocess.run(
        [sys.executable, "-c", LINT_IMPORTS, "--config", str(config), "--no-cache"],
        cwd=cwd, capture_output=True, text=True, timeout=240, check=False,
    )


def contracts() -> list[dict]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]


def layer_modules(layer: str) -> list[str]:
    """The modules of one entry of a layers contract ("a : b" and "a | b" name siblings)."""
    return [name.strip() for name in layer.replace("|", ":").split(":")]


def cycles(graph: grimp.ImportGraph) -> list[set[str]]:
    """The strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[set[str]] = []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            module, imported = work[-1]
            for other in imported:
                if other not in index:
                    index[other] = low[other] = len(index)
                    stack.append(other)
                    on_stack.add(other)
                    work.append((other, iter(sorted(graph.find_modules_directly_imported_by(other)))))
                    break
                if other in on_stack:
                    low[module] = min(low[module], index[other])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[module])
                if low[module] == index[module]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == module:
                            break
                    if len(component) > 1:
                        found.append(component)
    return found


def cycle_path(graph: grimp.ImportGraph, component: set[str]) -> str:
    """One circle through ``component`` written out, e.g. ``a -> b -> a``, for the failure message."""
    first = min(component)
    for other in sorted(graph.find_modules_directly_imported_by(first) & component):
        back = graph.find_shortest_chain(importer=other, imported=first)
        if back:
            return " -> ".join((first, *back))
    return ", ".join(sorted(component))


def test_import_contracts_are_kept():
    """Every contract of pyproject.toml holds: layers, the simulator's own source, no cycles."""
    completed = lint_imports(ROOT / "pyproject.toml", ROOT)
    assert completed.returncode == 0, completed.stdout[-6000:] + completed.stderr[-2000:]
    assert f"{len(contracts())} kept, 0 broken" in completed.stdout


def test_every_core_module_has_a_layer():
    """A new module of cockpit/ must be placed in a layer, or the contract would not check it."""
    layers = next(c for c in contracts() if c["type"] == "layers")["layers"]
    placed = {name for layer in layers for name in layer_modules(layer)}
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    unplaced = sorted(graph.find_children("cockpit") - placed)
    assert not unplaced, f"add these to a layer in pyproject.toml [tool.importlinter]: {unplaced}"
    assert set(PACKAGES) - {"cockpit"} <= placed


def test_no_module_imports_itself_through_others():
    """No import cycle between modules (imports inside functions count)."""
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    found = cycles(graph)
    assert not found, "import cycles:\n" + "\n".join(cycle_path(graph, c) for c in found)


def test_cycle_search_finds_a_circle_through_a_function_level_import(tmp_path, monkeypatch):
    """The cycle test sees a circle closed by an import inside a function, and names its path."""
    package = tmp_path / "loop"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from loop import b\n")
    (package / "b.py").write_text("def later():\n    from loop import c\n")
    (package / "c.py").write_text("import loop.a\n")
    (package / "d.py").write_text("import loop.a\n")
    monkeypatch.syspath_prepend(str(tmp_path))

    graph = grimp.build_graph("loop", cache_dir=None)

    assert cycles(graph) == [{"loop.a", "loop.b", "loop.c"}]
    assert cycle_path(graph, {"loop.a", "loop.b", "loop.c"}) == "loop.a -> loop.b -> loop.c -> loop.a"


@pytest.mark.parametrize("low_imports_high", [False, True])
def test_layer_contract_fails_on_an_upward_import(tmp_path, low_imports_high):
    """The contract runner reports a lower layer that imports a higher one, naming both modules."""
    package = tmp_path / "stack"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "vocabulary.py").write_text("def name():\n    from stack import twin\n" if low_imports_high else "")
    (package / "twin.py").write_text("import stack.vocabulary\n")
    config = tmp_path / "contracts.toml"
    config.write_text(
        '[tool.importlinter]\nroot_packages = ["stack"]\n\n'
        '[[tool.importlinter.contracts]]\nname = "stack"\ntype = "layers"\n'
        'layers = ["stack.twin", "stack.vocabulary"]\n'
    )

    completed = lint_imports(config, tmp_path)

    assert (completed.returncode != 0) is low_imports_high
    assert ("stack.vocabulary is not allowed to import stack.twin" in completed.stdout) is low_imports_high
