"""What every command prints (DESIGN.md 4): one JSON object on success, one line on failure.

A command that computes something prints exactly one JSON object on stdout with ``--json``, never NaN
(JSON has none): undefined figures (a mean over no cases, a KPI without data) are null, numpy scalars
plain numbers. A command that fails raises :class:`CommandError`; the entry point prints its message
as one line on stderr and leaves with its exit code; a bad command line is refused in one line too
(:class:`OneLineParser`). Every command module, whichever package it sits in, imports these from
here, never from the entry point above it.
"""

from __future__ import annotations

import argparse
import json
import math
from typing import Any, NoReturn

import numpy as np

EXIT_USAGE = 2
"""Exit code of a command refused for its arguments or its input (argparse uses it too)."""


class CommandError(Exception):
    """A failure to report to the user as one line, with the exit code to leave with."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


def json_safe(value: Any) -> Any:
    """``value`` with NaN and infinities as None, numpy scalars as Python numbers, tuples as lists."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    return value


def dumps(data: Any) -> str:
    """The JSON text of ``data`` made safe (non-ASCII kept: Chinese names stay readable)."""
    return json.dumps(json_safe(data), ensure_ascii=False, allow_nan=False, default=str)


def print_json(data: dict[str, Any]) -> None:
    """Print one JSON object on one line of stdout."""
    print(dumps(data), flush=True)


def write_json(target: str | None, data: dict[str, Any], option: str = "--json") -> bool:
    """Write ``data`` as the ``--json OUT`` option asks: to stdout for ``-`` (True: print nothing
    else), to the file ``OUT``, or nowhere for None. A file that cannot be written is a
    :class:`CommandError` naming the option, with exit code 1."""
    if target is None:
        return False
    if target == "-":
        print_json(data)
        return True
    try:
        with open(target, "w", encoding="utf-8") as fh:
            fh.write(dumps(data) + "\n")
    except OSError as exc:
        raise CommandError(f"{option}: cannot write {target}: {exc.strerror or exc}", 1) from None
    return False


class OneLineParser(argparse.ArgumentParser):
    """An argument parser that refuses a bad command line in one line on stderr, pointing at
    ``--help``, instead of argparse's usage block. Its subcommand parsers are of the same class."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")
