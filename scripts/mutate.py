"""Mutation testing of the core: do the tests notice when the code is made slightly wrong?

A mutant is the module with one small change (``<`` for ``<=``, ``and`` for ``or``, a constant
off by one, a condition negated, a call dropped). The tool samples mutants of the modules a change
touched (``--base REF``: ``git diff`` against it) or of the modules named, records once which
tests cover each line (coverage.py with one context per test), then for each mutant runs only the
tests covering its line, in a forked process with the mutated module in place of the real one. A
mutant is killed when one of them fails or the run exceeds its time limit; otherwise it survived.
The covering tests run fastest first within a budget (``--budget``, 20 s of their recorded time):
a mutant that only a slow end-to-end test reaches is worth a unit test of its own.
The score of a module is killed / (sampled - equivalent): mutants listed with a reason in
``mutation_equivalents.toml`` beside this file behave like the original and are excluded.

Run from the repository root, e.g.::

    .venv/bin/python scripts/mutate.py cockpit/twin.py cockpit/sla.py --sample 40 --seed 19
    .venv/bin/python scripts/mutate.py --base main

A developer's tool: it is not part of the test suite's time budget.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import importlib.abc
import importlib.machinery
import json
import os
import random
import signal
import subprocess
import sys
import time
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EQUIVALENTS = Path(__file__).with_name("mutation_equivalents.toml")
CACHE = ROOT / ".mutation-cache"
DEFAULT_TESTS = ("tests/core", "tests/simulation")
PACKAGES = ("cockpit", "simulation")
# Imported once in the parent too: pytest and its plugins cost each mutant run more than its tests.
TOOLS = ("pytest", "_pytest.pytester", "hypothesis", "pytestqt.plugin", "pytest_timeout")

_BINOP = {
    ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult,
    ast.FloorDiv: ast.Mult, ast.Mod: ast.FloorDiv, ast.Pow: ast.Mult,
}
_CMPOP = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq, ast.Is: ast.IsNot, ast.IsNot: ast.Is, ast.In: ast.NotIn, ast.NotIn: ast.In,
}
_BOOLOP = {ast.And: ast.Or, ast.Or: ast.And}
_SYMBOL = {
    ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%",
    ast.Pow: "**", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==",
    ast.NotEq: "!=", ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in",
    ast.And: "and", ast.Or: "or",
}
# Calls whose only effect is a log line: dropping them is not a behaviour the tests should pin.
_LOG_NAMES = {"log", "logger", "_log", "_logger", "logging", "warnings"}


@dataclass(frozen=True)
class Site:
    """One place in a module's syntax tree and the change a mutant makes there."""

    line: int
    mutation: str
    module_level: bool
    apply: object = field(compare=False, repr=False)


class _Sites(ast.NodeVisitor):
    """Lists the mutation sites of a tree in a fixed walk order (the order is a mutant's id)."""

    def __init__(self) -> None:
        self.sites: list[Site] = []
        self._depth = 0

    def _add(self, node: ast.AST, mutation: str, apply) -> None:
        self.sites.append(Site(node.lineno, mutation, self._depth == 0, apply))

    # Annotations, docstrings and debugging blocks carry no behaviour to test.
    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        for decorator in node.decorator_list:
            self.visit(decorator)
        self._visit_arguments(node.args)
        self._depth += 1
        self._visit_body(node.body)
        self._depth -= 1

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self._visit_arguments(node.args)
        self._depth += 1
        self.visit(node.body)
        self._depth -= 1

    def _visit_arguments(self, args: ast.arguments) -> None:
        for default in [*args.defaults, *args.kw_defaults]:
            if default is not None:
                self.visit(default)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        for decorator in node.decorator_list:
            self.visit(decorator)
        for keyword in node.keywords:
            self.visit(keyword)
        self._visit_body(node.body)

    def visit_Module(self, node: ast.Module) -> None:
        self._visit_body(node.body)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self.visit(node.value)

    def _visit_body(self, body: list[ast.stmt]) -> None:
        for index, statement in enumerate(body):
            if _is_docstring(statement) or _is_skipped_block(statement):
                continue
            if _is_droppable_call(statement):
                self._add(statement, "call removed", _drop(body, index))
            self.visit(statement)

    def visit_If(self, node: ast.If) -> None:
        self._negate(node)
        self.visit(node.test)
        self._visit_body(node.body)
        self._visit_body(node.orelse)

    def visit_While(self, node: ast.While) -> None:
        self._negate(node)
        self.visit(node.test)
        self._visit_body(node.body)
        self._visit_body(node.orelse)

    def visit_For(self, node: ast.For) -> None:
        self.visit(node.iter)
        self._visit_body(node.body)
        self._visit_body(node.orelse)

    def visit_With(self, node: ast.With) -> None:
        for item in node.items:
            self.visit(item.context_expr)
        self._visit_body(node.body)

    def visit_Try(self, node: ast.Try) -> None:
        self._visit_body(node.body)
        for handler in node.handlers:
            self._visit_body(handler.body)
        self._visit_body(node.orelse)
        self._visit_body(node.finalbody)

    def visit_IfExp(self, node: ast.IfExp) -> None:
        self._negate(node)
        self.generic_visit(node)

    def _negate(self, node: ast.If | ast.While | ast.IfExp) -> None:
        def apply(node=node):
            node.test = ast.UnaryOp(ast.Not(), node.test)

        self._add(node, "condition negated", apply)

    def visit_BinOp(self, node: ast.BinOp) -> None:
        swap = _BINOP.get(type(node.op))
        if swap is not None and not _is_string_format(node):
            self._add(node, f"{_SYMBOL[type(node.op)]} → {_SYMBOL[swap]}", _set(node, "op", swap))
        self.generic_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        swap = _BINOP.get(type(node.op))
        if swap is not None:
            self._add(node, f"{_SYMBOL[type(node.op)]}= → {_SYMBOL[swap]}=", _set(node, "op", swap))
        self.visit(node.value)

    def visit_BoolOp(self, node: ast.BoolOp) -> None:
        swap = _BOOLOP[type(node.op)]
        self._add(node, f"{_SYMBOL[type(node.op)]} → {_SYMBOL[swap]}", _set(node, "op", swap))
        self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> None:
        for index, op in enumerate(node.ops):
            swap = _CMPOP[type(op)]

            def apply(node=node, index=index, swap=swap):
                node.ops[index] = swap()

            self._add(node, f"{_SYMBOL[type(op)]} → {_SYMBOL[swap]}", apply)
        self.generic_visit(node)

    def visit_UnaryOp(self, node: ast.UnaryOp) -> None:
        if isinstance(node.op, ast.Not):
            def apply(node=node):
                node.operand = ast.UnaryOp(ast.Not(), node.operand)

            self._add(node, "not removed", apply)
        elif isinstance(node.op, ast.USub):
            self._add(node, "unary - removed", _set(node, "op", ast.UAdd))
        self.generic_visit(node)

    def visit_Return(self, node: ast.Return) -> None:
        if node.value is not None and not isinstance(node.value, ast.Constant):
            self._add(node, "returns None", _set_value(node, "value", ast.Constant(None)))
        if node.value is not None:
            self.visit(node.value)

    def visit_Constant(self, node: ast.Constant) -> None:
        value = node.value
        if isinstance(value, bool):
            self._add(node, f"{value} → {not value}", _set_value(node, "value", not value))
        elif isinstance(value, int):
            self._add(node, f"{value} → {value + 1}", _set_value(node, "value", value + 1))
        elif isinstance(value, float):
            self._add(node, f"{value!r} → {value + 1.0!r}", _set_value(node, "value", value + 1.0))

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        """Message texts are not mutated, and neither are the constants formatted into them."""


def _set(node: ast.AST, name: str, op_type: type):
    def apply():
        setattr(node, name, op_type())

    return apply


def _set_value(node: ast.AST, name: str, value):
    def apply():
        setattr(node, name, value)

    return apply


def _drop(body: list[ast.stmt], index: int):
    def apply():
        body[index] = ast.copy_location(ast.Pass(), body[index])

    return apply


def _is_string_format(node: ast.BinOp) -> bool:
    return isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant) and isinstance(node.left.value, str)


def _is_docstring(statement: ast.stmt) -> bool:
    return isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant) and isinstance(statement.value.value, str)


def _is_skipped_block(statement: ast.stmt) -> bool:
    """``if TYPE_CHECKING:``, ``if __name__ == "__main__":``, ``__all__ = [...]``."""
    if isinstance(statement, ast.If):
        source = ast.unparse(statement.test)
        return source in {"TYPE_CHECKING", "typing.TYPE_CHECKING", "__name__ == '__main__'"}
    if isinstance(statement, ast.Assign):
        return any(isinstance(t, ast.Name) and t.id == "__all__" for t in statement.targets)
    return False


def _is_droppable_call(statement: ast.stmt) -> bool:
    if not (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call)):
        return False
    func = statement.value.func
    while isinstance(func, ast.Attribute):
        func = func.value
    return not (isinstance(func, ast.Name) and func.id in _LOG_NAMES)


@dataclass(frozen=True)
class Mutant:
    """One sampled mutant of a module: its index among the module's sites and where it is."""

    path: str
    index: int
    line: int
    mutation: str
    module_level: bool
    source_line: str

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity in the equivalents list: survives edits elsewhere in the module."""
        return (self.path, self.source_line, self.mutation)


def sites_of(tree: ast.Module) -> list[Site]:
    """The mutation sites of a parsed module, in the walk order that numbers them."""
    visitor = _Sites()
    visitor.visit(tree)
    return visitor.sites


def mutants_of(path: str, source: str | None = None) -> list[Mutant]:
    """Every mutant of the module at ``path`` (relative to the repository root, or ``source``)."""
    if source is None:
        source = (ROOT / path).read_text(encoding="utf-8")
    lines = source.splitlines()
    return [
        Mutant(path, index, site.line, site.mutation, site.module_level, lines[site.line - 1].strip())
        for index, site in enumerate(sites_of(ast.parse(source)))
    ]


def mutated_code(path: str, index: int, source: str | None = None):
    """The code object of the module at ``path`` (or ``source``) with mutant ``index`` applied."""
    filename = str(ROOT / path)
    if source is None:
        source = (ROOT / path).read_text(encoding="utf-8")
    tree = ast.parse(source, filename)
    sites_of(tree)[index].apply()
    return compile(ast.fix_missing_locations(tree), filename, "exec")


def sample(mutants: list[Mutant], size: int, seed: int) -> list[Mutant]:
    """``size`` mutants of one module, the same ones for the same seed and module source."""
    rng = random.Random(f"{seed}:{mutants[0].path}" if mutants else seed)
    chosen = rng.sample(range(len(mutants)), min(size, len(mutants)))
    return [mutants[i] for i in sorted(chosen)]


def load_equivalents(path: Path = EQUIVALENTS) -> dict[tuple[str, str, str], str]:
    """The listed equivalent mutants: ``(module, source line, mutation)`` → the reason."""
    if not path.exists():
        return {}
    entries = tomllib.loads(path.read_text(encoding="utf-8")).get("equivalent", [])
    return {(e["module"], e["line"].strip(), e["mutation"]): e["why"] for e in entries}


def module_name(path: str) -> str:
    """``cockpit/ingest/payloads.py`` → ``cockpit.ingest.payloads``."""
    parts = Path(path).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def tests_importing(paths: list[str], roots: tuple[str, ...] = DEFAULT_TESTS) -> list[str]:
    """The test files under ``roots`` that import one of the modules, or a package re-exporting it.

    The tests of a module import it; running every test of the suite under coverage to find the
    few others that reach it would cost more than the whole mutation run.
    """
    files = [name for name in _files_under(list(roots)) if Path(name).name.startswith("test_")]
    return [name for name in files if any(_imports_module(name, path) for path in paths)]


def _imports_module(test_file: str, path: str) -> bool:
    """Whether ``test_file`` imports the module at ``path`` or a package of it (not the top one)."""
    parts = module_name(path).split(".")
    wanted = {".".join(parts[:n]) for n in range(2, len(parts) + 1)}
    return bool(_imports(ROOT / test_file) & wanted)


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def changed_modules(base: str) -> list[str]:
    """The core modules (cockpit/, simulation/) that differ from ``base`` in the work tree."""
    names = subprocess.run(
        ["git", "diff", "--name-only", base, "--", "cockpit", "simulation"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout.split()
    return sorted(n for n in names if n.endswith(".py") and "/migrations/" not in n and (ROOT / n).exists())


class _ContextPerTest:
    """A pytest plugin that records each test's lines under its node id and how long it took."""

    def __init__(self, cov) -> None:
        self.cov = cov
        self.passed: dict[str, float] = {}

    def pytest_runtest_logstart(self, nodeid, location):
        self.cov.switch_context(nodeid)

    def pytest_runtest_logreport(self, report):
        if report.failed:
            self.passed.pop(report.nodeid, None)
        elif report.when == "call" and report.passed:
            self.passed[report.nodeid] = report.duration

    def pytest_runtest_logfinish(self, nodeid, location):
        self.cov.switch_context("")


class _QuietHypothesis:
    """Mutant runs must not write failing examples into the developer's example database."""

    def pytest_configure(self, config):
        from hypothesis import settings

        settings.register_profile("mutation", parent=settings.get_profile("default"), database=None, derandomize=True)
        settings.load_profile("mutation")


@dataclass
class CoverageMap:
    """Which passing tests run each line of each target module, and each test's duration."""

    lines: dict[str, dict[int, set[str]]]
    durations: dict[str, float]
    importers: dict[str, set[str]] = field(default_factory=dict)

    def tests_for(self, mutant: Mutant, budget: float) -> tuple[list[str], int]:
        """The covering tests to run, fastest first, within ``budget`` seconds; and how many cover it.

        The fastest covering test always runs; slower ones join while their recorded durations add
        up to at most ``budget``. A mutant that only an end-to-end test of minutes can kill is
        reported as a survivor: it asks for a unit test.
        """
        by_line = self.lines.get(mutant.path, {})
        tests = set(by_line.get(mutant.line, ()))
        if mutant.module_level and not tests:
            # Evaluated at import: any test that runs the module or imports it may depend on it
            # (a test reading a constant or building a dataclass runs no line of the module).
            tests = set().union(*by_line.values()) if by_line else set()
            tests.update(t for t in self.durations if t.split("::")[0] in self.importers.get(mutant.path, ()))
        ordered = sorted((t for t in tests if t in self.durations), key=lambda t: (self.durations[t], t))
        chosen, spent = [], 0.0
        for test in ordered:
            if chosen and spent + self.durations[test] > budget:
                break
            chosen.append(test)
            spent += self.durations[test]
        return chosen, len(ordered)


def _in_child(work, quiet: bool = True) -> int:
    """Run ``work()`` in a forked process; its exit status (or -signal) comes back."""
    pid = os.fork()
    if pid == 0:
        status = 3
        try:
            if quiet:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, 1)
                os.dup2(devnull, 2)
            status = int(work())
        finally:
            os._exit(status)
    return pid


def _wait(pid: int, timeout: float | None) -> int | None:
    """The child's exit code, or ``None`` when it ran past ``timeout`` seconds and was killed."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        if deadline is not None and time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return None
        time.sleep(0.02)


def _pytest_args(tests: list[str]) -> list[str]:
    return ["-q", "-x", "-p", "no:cacheprovider", "--no-header", "-o", "console_output_style=classic", *tests]


def measure_coverage(paths: list[str], tests: list[str]) -> CoverageMap:
    """Which tests of the files ``tests`` cover which lines of ``paths``, and how long each took.

    Cached per test file in ``.mutation-cache/`` under the content of that file, of the core and of
    the test helpers: after adding tests, only the new or changed files run under coverage again.
    """
    code = _code_digest(paths)
    files = [name for name in _files_under(tests) if Path(name).name.startswith("test_")]
    caches = {name: CACHE / f"{_digest(code, name, (ROOT / name).read_bytes())}.json" for name in files}
    missing = [name for name in files if not caches[name].exists()]
    if missing:
        _record_coverage(paths, missing, caches)
    lines: dict[str, dict[int, set[str]]] = {p: defaultdict(set) for p in paths}
    durations: dict[str, float] = {}
    for name in files:
        data = json.loads(caches[name].read_text())
        for path, by_line in data["lines"].items():
            for line, contexts in by_line.items():
                lines[path][int(line)].update(contexts)
        durations.update(data["durations"])
    importers = {p: {name for name in files if _imports_module(name, p)} for p in paths}
    return CoverageMap(lines, durations, importers)


def _digest(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode() if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()[:24]


def _code_digest(paths: list[str]) -> str:
    """The mutated modules' names and the content of the core and of the tests' helpers."""
    names = _files_under(["cockpit", "simulation", "tests"])
    helpers = [n for n in names if not (n.startswith("tests/") and Path(n).name.startswith("test_"))]
    return _digest(*sorted(paths), *(part for name in helpers for part in (name, (ROOT / name).read_bytes())))


def _record_coverage(paths: list[str], files: list[str], caches: dict[str, Path]) -> None:
    """Runs the test ``files`` once under coverage.py, one context per test, into their caches."""
    CACHE.mkdir(exist_ok=True)
    data_file = CACHE / "coverage.data"
    durations_file = CACHE / "durations.json"

    def work() -> int:
        import coverage
        import pytest

        cov = coverage.Coverage(data_file=str(data_file), include=[str(ROOT / p) for p in paths], branch=False)
        cov.start()
        plugin = _ContextPerTest(cov)
        code = pytest.main(["-q", "-p", "no:cacheprovider", *files], plugins=[plugin, _QuietHypothesis()])
        cov.stop()
        cov.save()
        durations_file.write_text(json.dumps(plugin.passed))
        return 0 if code in (0, 1) else code

    status = _wait(_in_child(work, quiet=False), None)
    if status != 0:
        raise SystemExit(f"mutate: the coverage run of {' '.join(files)} failed (exit {status})")
    import coverage

    covdata = coverage.CoverageData(basename=str(data_file))
    covdata.read()
    by_file: dict[str, dict] = {name: {"lines": {p: defaultdict(list) for p in paths}, "durations": {}} for name in files}
    for path in paths:
        for line, contexts in covdata.contexts_by_lineno(str(ROOT / path)).items():
            for context in contexts:
                name = context.split("::")[0]
                if name in by_file:
                    by_file[name]["lines"][path][line].append(context)
    for nodeid, seconds in json.loads(durations_file.read_text()).items():
        name = nodeid.split("::")[0]
        if name in by_file:
            by_file[name]["durations"][nodeid] = seconds
    for name, data in by_file.items():
        caches[name].write_text(json.dumps(data))


def _files_under(tests: list[str]) -> list[str]:
    found = []
    for entry in tests:
        path = ROOT / entry.split("::")[0]
        files = [path] if path.is_file() else sorted(path.rglob("*.py"))
        found.extend(str(f.relative_to(ROOT)) for f in files)
    return found


class _MutantFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Serves one module's mutated code object in place of its source."""

    def __init__(self, name: str, code) -> None:
        self.name = name
        self.code = code

    def find_spec(self, fullname, path, target=None):
        if fullname != self.name:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        spec.loader = self
        return spec

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        exec(self.code, module.__dict__)


class Preloaded:
    """The core imported once in the parent, and which modules a mutant of each module invalidates.

    A forked mutant run keeps every preloaded module that does not import the mutated one (directly
    or through others, also inside functions: grimp's import graph) and imports the rest afresh,
    so it pays only for the part of the core that can see the mutant.
    """

    def __init__(self) -> None:
        import grimp

        self.graph = grimp.build_graph(*PACKAGES)
        for name in TOOLS:
            importlib.import_module(name)
        for name in sorted(self.graph.modules):
            if ".migrations" not in name and not name.endswith("__main__"):
                importlib.import_module(name)

    def forget_importers_of(self, name: str) -> None:
        """Drops ``name`` and every module importing it from ``sys.modules`` and their parents."""
        for stale in {name} | self.graph.find_downstream_modules(name):
            sys.modules.pop(stale, None)
            parent, _, child = stale.rpartition(".")
            if parent in sys.modules and hasattr(sys.modules[parent], child):
                delattr(sys.modules[parent], child)


def run_mutant(mutant: Mutant, tests: list[str], timeout: float, preloaded: Preloaded) -> str:
    """``killed``, ``timeout`` or ``survived`` after the covering ``tests`` ran on the mutant."""
    if not tests:
        return "survived"
    code = mutated_code(mutant.path, mutant.index)

    def work() -> int:
        import pytest

        name = module_name(mutant.path)
        preloaded.forget_importers_of(name)
        sys.meta_path.insert(0, _MutantFinder(name, code))
        return pytest.main(_pytest_args(tests), plugins=[_QuietHypothesis()])

    status = _wait(_in_child(work), timeout)
    if status is None:
        return "timeout"
    if status == 0:
        return "survived"
    # 1: a test failed; 2: collection failed and 4: a conftest failed to import (the mutant breaks
    # an import); 3: pytest's internal error; <0: it crashed.
    return "killed" if status in (1, 2, 3, 4) or status < 0 else f"error (pytest exit {status})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/mutate.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="module paths such as cockpit/sla.py")
    parser.add_argument("--base", help="mutate the modules that differ from this git ref")
    parser.add_argument("--sample", type=int, default=40, help="mutants per module (default 40)")
    parser.add_argument("--seed", type=int, default=19, help="seed of the sample (default 19)")
    parser.add_argument("--tests", nargs="+", help="test paths to draw from (default: the test files of "
                        f"{' and '.join(DEFAULT_TESTS)} that import a mutated module or its package)")
    parser.add_argument("--budget", type=float, default=20.0, metavar="S",
                        help="seconds of covering tests (as recorded) to run per mutant, fastest first (default 20)")
    parser.add_argument("--json", metavar="OUT", help="also write every mutant's outcome to OUT")
    args = parser.parse_args(argv)
    paths = list(args.modules) + (changed_modules(args.base) if args.base else [])
    if not paths:
        parser.error("name modules or give --base REF")
    missing = [p for p in paths if not (ROOT / p).is_file()]
    if missing:
        parser.error(f"no such module: {', '.join(missing)}")
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    started = time.monotonic()
    tests = args.tests or tests_importing(paths)
    coverage_map = measure_coverage(paths, tests)
    preloaded = Preloaded()
    equivalents = load_equivalents()
    results = []
    for path in paths:
        for mutant in sample(mutants_of(path), args.sample, args.seed):
            if mutant.key in equivalents:
                results.append((mutant, "equivalent", 0))
                continue
            covering, total = coverage_map.tests_for(mutant, args.budget)
            timeout = 30 + 5 * sum(coverage_map.durations[t] for t in covering)
            begun = time.monotonic()
            results.append((mutant, run_mutant(mutant, covering, timeout, preloaded), len(covering)))
            print(f"{path}:{mutant.line} {mutant.mutation}: {results[-1][1]} ({len(covering)} of {total} "
                  f"covering tests, {time.monotonic() - begun:.1f} s)", file=sys.stderr, flush=True)
    _report(paths, results, time.monotonic() - started)
    if args.json:
        Path(args.json).write_text(json.dumps([
            {"module": m.path, "line": m.line, "mutation": m.mutation, "source": m.source_line, "outcome": o, "tests": n}
            for m, o, n in results
        ], ensure_ascii=False, indent=1))
    return 0


def _report(paths: list[str], results, seconds: float) -> None:
    counts: dict[str, dict[str, int]] = {p: defaultdict(int) for p in paths}
    for mutant, outcome, _ in results:
        counts[mutant.path]["survived" if outcome.startswith("error") else outcome] += 1
    print(f"{'module':40} {'sampled':>7} {'killed':>6} {'survived':>8} {'equivalent':>10} {'score':>6}")
    total_killed = total_scored = 0
    for path in paths:
        c = counts[path]
        killed = c["killed"] + c["timeout"]
        scored = killed + c["survived"]
        total_killed += killed
        total_scored += scored
        score = f"{100 * killed / scored:.1f}%" if scored else "-"
        print(f"{path:40} {scored + c['equivalent']:>7} {killed:>6} {c['survived']:>8} {c['equivalent']:>10} {score:>6}")
    if total_scored:
        print(f"{'all':40} {total_scored:>7} {total_killed:>6} {total_scored - total_killed:>8} {'':>10} {100 * total_killed / total_scored:.1f}%")
    print(f"run time {seconds:.0f} s")
    survivors = [(m, o, n) for m, o, n in results if o == "survived" or o.startswith("error")]
    if survivors:
        print("survivors:")
        for mutant, outcome, n_tests in survivors:
            covered = outcome if outcome != "survived" else f"{n_tests} tests" if n_tests else "no test covers it"
            print(f"  {mutant.path}:{mutant.line}  {mutant.mutation}  ({covered})  {mutant.source_line}")


if __name__ == "__main__":
    sys.exit(main())
