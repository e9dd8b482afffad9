"""The core packages (cockpit/, simulation/) never depend on Qt or on widgets/.

Layering from DESIGN.md 2.2: widgets/ sits on top of the core, so the core must import, run and
be tested on a machine without a display or Qt. Two checks: every core module imports in a fresh
interpreter where Qt and widgets/ cannot be imported at all (catching indirect imports through
third-party code), and no core source file names them in an import statement.
"""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE_PACKAGES = ("cockpit", "simulation")
FORBIDDEN = ("PySide6", "pyqtgraph", "shiboken6", "widgets")
# Alembic's env.py only runs inside an Alembic command, never on a plain import.
IMPORT_SKIPPED_SUFFIXES = (".__main__", ".migrations.env")

IMPORT_EVERY_MODULE = r"""
import importlib
import importlib.abc
import json
import pkgutil
import sys
import traceback

forbidden, packages, skipped_suffixes = json.loads(sys.argv[1])
attempts = []
failures = []


def importer():
    # The innermost frame running core code is the module that asked for the forbidden one.
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_globals.get("__name__", "")
        if name.split(".")[0] in packages:
            return name
        frame = frame.f_back
    return "?"


class Blocker(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        if fullname.split(".")[0] in forbidden:
            attempts.append({"imported": fullname, "by": importer()})
            raise ImportError(f"{fullname} is forbidden in the core packages")
        return None


sys.meta_path.insert(0, Blocker())


def failed(name):
    failures.append({"module": name, "error": traceback.format_exc(limit=3)})


names = []
for package in packages:
    try:
        module = importlib.import_module(package)
    except Exception:
        failed(package)
        continue
    names.append(package)
    for info in pkgutil.walk_packages(module.__path__, package + ".", onerror=failed):
        if info.name.endswith(tuple(skipped_suffixes)):
            continue
        names.append(info.name)
        try:
            importlib.import_module(info.name)
        except Exception:
            failed(info.name)

print(json.dumps({"modules": names, "attempts": attempts, "failures": failures}))
"""


def test_core_modules_import_without_qt_or_widgets():
    """Import every module of the core with Qt and widgets/ made unimportable."""
    arguments = json.dumps([FORBIDDEN, CORE_PACKAGES, IMPORT_SKIPPED_SUFFIXES])
    completed = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERY_MODULE, arguments],
        cwd=ROOT, capture_output=True, text=True, timeout=240, check=False,
    )
    assert completed.returncode == 0, completed.stderr
    report = json.loads(completed.stdout.strip().splitlines()[-1])

    assert set(CORE_PACKAGES) <= set(report["modules"])
    pulled_in = [f"{a['by']} imports {a['imported']}" for a in report["attempts"]]
    assert not pulled_in, "core modules pulled in Qt or widgets/:\n" + "\n".join(pulled_in)
    broken = [f"{f['module']}:\n{f['error']}" for f in report["failures"]]
    assert not broken, "core modules failed to import:\n" + "\n".join(broken)


def _forbidden_imports(path: Path) -> list[tuple[int, str, bool]]:
    """Return (line, imported name, inside a function) for each forbidden import in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            names: list[str] = []
            if isinstance(child, ast.Import):
                names = [alias.name for alias in child.names]
            elif isinstance(child, ast.ImportFrom) and child.level == 0 and child.module:
                names = [child.module]
            elif (
                isinstance(child, ast.Call)
                and getattr(child.func, "attr", getattr(child.func, "id", None))
                in {"import_module", "__import__"}
                and child.args
                and isinstance(child.args[0], ast.Constant)
                and isinstance(child.args[0].value, str)
            ):
                names = [child.args[0].value]
            for name in names:
                if name.split(".")[0] in FORBIDDEN:
                    found.append((child.lineno, name, in_function))
            nested = in_function or isinstance(
                child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
            )
            visit(child, nested)

    visit(tree, False)
    return found


def test_core_sources_do_not_name_qt_or_widgets():
    """No import statement in the core names Qt or widgets/, not even inside a function."""
    offending = []
    for package in CORE_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT)
            lines = path.read_text(encoding="utf-8").splitlines()
            for lineno, _name, _in_function in _forbidden_imports(path):
                offending.append(f"{relative}:{lineno}: {lines[lineno - 1].strip()}")
    assert not offending, "core sources import Qt or widgets/:\n" + "\n".join(offending)


def test_import_check_names_the_module_that_pulls_qt_in(tmp_path):
    """The subprocess check reports the core module behind an indirect Qt import."""
    package = tmp_path / "cockpit"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "helper.py").write_text("import pyqtgraph\n")
    (package / "model.py").write_text("from cockpit import helper\n")
    (tmp_path / "simulation").mkdir()
    (tmp_path / "simulation" / "__init__.py").write_text("")
    arguments = json.dumps([FORBIDDEN, CORE_PACKAGES, IMPORT_SKIPPED_SUFFIXES])
    completed = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERY_MODULE, arguments],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=True,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )
    report = json.loads(completed.stdout.strip().splitlines()[-1])

    assert {"by": "cockpit.helper", "imported": "pyqtgraph"} in report["attempts"]
    assert {f["module"] for f in report["failures"]} == {"cockpit.helper", "cockpit.model"}


def test_source_check_sees_module_level_lazy_and_dynamic_imports(tmp_path):
    """The source check finds every import form and knows which ones sit inside a function."""
    source = tmp_path / "sample.py"
    source.write_text(
        "import importlib\n"
        "from PySide6.QtCore import QObject\n"
        "import numpy, shiboken6\n"
        "def open_window():\n"
        "    import widgets.app\n"
        "    return importlib.import_module('pyqtgraph')\n"
    )

    assert _forbidden_imports(source) == [
        (2, "PySide6.QtCore", False),
        (3, "shiboken6", False),
        (5, "widgets.app", True),
        (6, "pyqtgraph", True),
    ]
