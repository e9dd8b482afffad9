"""scripts/mutate.py on a tiny module: which mutants it makes, that they change behaviour as named,
that the sample is reproducible, and that the list of equivalent mutants still names real ones."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("mutate_tool", ROOT / "scripts" / "mutate.py")
mutate = importlib.util.module_from_spec(_spec)
sys.modules["mutate_tool"] = mutate
_spec.loader.exec_module(mutate)

TINY = '''"""A tiny module."""
import logging

log = logging.getLogger(__name__)
LIMIT = 3
__all__ = ["within", "label"]


def within(x: int, seen: list) -> bool:
    """Docstrings are not mutated."""
    log.info("checked %s", x)
    seen.append(x)
    if x < LIMIT and not seen[0] == 9:
        return x * 2 >= 4
    return False


def label(x: float) -> str:
    return f"{x + 1} items"
'''


def _run(index: int | None):
    code = compile(TINY, "tiny.py", "exec") if index is None else mutate.mutated_code("tiny.py", index, TINY)
    namespace: dict = {}
    exec(code, namespace)
    return namespace


def test_the_sites_of_a_tiny_module_in_walk_order():
    found = [(m.line, m.mutation) for m in mutate.mutants_of("tiny.py", TINY)]
    assert found == [
        (5, "3 → 4"),
        (12, "call removed"),
        (13, "condition negated"),
        (13, "and → or"),
        (13, "< → <="),
        (13, "not removed"),
        (13, "== → !="),
        (13, "0 → 1"),
        (13, "9 → 10"),
        (14, "returns None"),
        (14, ">= → >"),
        (14, "* → /"),
        (14, "2 → 3"),
        (14, "4 → 5"),
        (15, "False → True"),
        (19, "returns None"),
    ]
    # Not mutated: the docstrings, the log call, __all__, annotations, the f-string's insides.
    assert {m.module_level for m in mutate.mutants_of("tiny.py", TINY)} == {True, False}


@pytest.mark.parametrize(("mutation", "x", "seen", "original", "mutated"), [
    ("< → <=", 3, [], False, True),
    ("and → or", 5, [], False, True),
    ("not removed", 2, [], True, False),
    ("* → /", 2, [], True, False),
    ("condition negated", 2, [], True, False),
    ("3 → 4", 3, [], False, True),
    ("False → True", 7, [], False, True),
    ("returns None", 2, [], True, None),
])
def test_each_mutant_changes_what_it_says(mutation, x, seen, original, mutated):
    (mutant,) = [m for m in mutate.mutants_of("tiny.py", TINY) if m.mutation == mutation and m.line < 19]
    assert _run(None)["within"](x, list(seen)) is original
    assert _run(mutant.index)["within"](x, list(seen)) is mutated


def test_a_removed_call_no_longer_happens():
    (mutant,) = [m for m in mutate.mutants_of("tiny.py", TINY) if m.mutation == "call removed"]
    seen: list = []
    _run(mutant.index)["within"](5, seen)
    assert seen == []
    _run(None)["within"](5, seen)
    assert seen == [5]


def test_the_sample_is_the_same_for_the_same_seed_and_sorted_by_site():
    mutants = mutate.mutants_of("tiny.py", TINY)
    first = mutate.sample(mutants, 5, seed=19)
    assert first == mutate.sample(mutants, 5, seed=19)
    assert [m.index for m in first] == sorted(m.index for m in first) and len(first) == 5
    assert {tuple(m.index for m in mutate.sample(mutants, 5, seed=s)) for s in range(10)} != {tuple(m.index for m in first)}
    assert mutate.sample(mutants, 100, seed=random.randrange(100)) == mutants


def test_module_names_and_the_tests_that_import_a_module():
    assert mutate.module_name("cockpit/ingest/payloads.py") == "cockpit.ingest.payloads"
    assert mutate.module_name("cockpit/rules/__init__.py") == "cockpit.rules"
    tests = mutate.tests_importing(["cockpit/ingest/payloads.py"])
    assert "tests/core/test_payload_limits.py" in tests and "tests/core/test_kpi.py" not in tests
    # Through the package that re-exports it: tests import RuleEngine from cockpit.rules.
    assert "tests/core/test_rules.py" in mutate.tests_importing(["cockpit/rules/engine.py"])


def test_every_listed_equivalent_mutant_still_exists_with_a_reason():
    equivalents = mutate.load_equivalents()
    assert equivalents, "the list of equivalent mutants is empty or missing"
    for (path, line, mutation), why in equivalents.items():
        keys = {m.key for m in mutate.mutants_of(path)}
        assert (path, line, mutation) in keys, f"{path}: no mutant {mutation!r} of {line!r} any more"
        assert why.strip() and "\n" not in why.strip()
