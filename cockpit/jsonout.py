"""Output of the command line: one JSON object per command, never NaN (JSON has none), and a bad
command line refused in one line.

Undefined figures (a mean over no cases, a KPI without data) are null, numpy scalars plain numbers.
"""

from __future__ import annotations

import argparse
import json
import math
from typing import Any, NoReturn

import numpy as np


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


EXIT_USAGE = 2
"""Exit code of a command refused for its arguments (argparse's own)."""


class OneLineParser(argparse.ArgumentParser):
    """An argument parser that refuses a bad command line in one line on stderr (DESIGN.md 4),
    pointing at ``--help``, instead of argparse's usage block. Its subcommand parsers are of the
    same class."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")
