"""Reading an incident log for replay: columnar, validated as a whole, with bad cells named.

The incident log (docs/incident-log.md; one row per case, the times of each step of the closed loop)
is read with pyarrow into columns, never into pandas or per-row Python objects, so that a
million-row log loads in about the time pandas needs just to read it (the history reader,
:func:`cockpit.history.format.read_log`, builds a pandas frame and takes over twice that). Every check is vectorised; the first bad cell is reported with the
file, the 1-based data row (the header is row 0) and the column, and nothing is kept of a bad file.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from cockpit.history.format import CSV_MAGIC, LogFormatError
from cockpit.vocabulary.domain import OwnerLevel, RiskLevel, Source

Progress = Callable[[float, str], None]
"""Called with the fraction done (0-1) and a short label of the step under way."""

TIME_COLUMNS = (
    "reported_at", "triaged_at", "dispatched_at", "accepted_at", "on_scene_at", "resolved_at",
    "closed_at",
)
"""The step times of the closed loop, in the order the steps happen."""

STRING_COLUMNS = (
    "case_id", "category", "risk_level", "source", "community", "general_grid", "micro_grid",
    "assignee", "owner_level",
)
REOPEN_COLUMNS = ("first_resolved_at", "reopened_at")
"""Optional: when a reopened case was first resolved and when it was (last) reopened."""
NUMBER_COLUMNS = ("lon", "lat")
COUNT_COLUMNS = ("escalations", "reopened")
MAX_REOPENS = 7
"""Reopens of one case a replay follows; a log with more is refused (its rounds beyond the first
have no times of their own, and the index keeps three bits for them)."""
REQUIRED_COLUMNS = (
    STRING_COLUMNS + NUMBER_COLUMNS + TIME_COLUMNS + COUNT_COLUMNS + ("satisfaction",)
)
"""Columns the replay needs; others (e.g. ``status``) are ignored."""

NOT_NULL = (
    "case_id", "reported_at", "category", "risk_level", "source", "community", "general_grid",
    "micro_grid", "lon", "lat", "owner_level",
)

NULL_TIME = np.iinfo(np.int64).min
"""Value standing for a missing time in :attr:`IncidentColumns.times`."""

_ENUMS = {
    "risk_level": [r.value for r in RiskLevel],
    "source": [s.value for s in Source],
    "owner_level": [o.value for o in OwnerLevel],
}
_STEP_NEEDS = {
    "triaged_at": "reported_at",
    "dispatched_at": "triaged_at",
    "accepted_at": "dispatched_at",
    "on_scene_at": "accepted_at",
    "resolved_at": "accepted_at",
    "closed_at": "resolved_at",
}
"""Each step needs the step it follows in the life cycle to be present and not later."""


class LogReadError(LogFormatError):
    """A bad incident log; ``path``, ``row`` (1-based data row, None for the whole file) and ``column``.

    The message is one line naming all three, e.g. ``log.csv: row 17, column accepted_at: ...``.
    """

    def __init__(self, path: str | Path, row: int | None, column: str | None, message: str) -> None:
        where = str(Path(path).name)
        if row is not None:
            where += f": row {row}"
        if column is not None:
            where += f", column {column}" if row is not None else f": column {column}"
        super().__init__(f"{where}: {message}")
        self.path, self.row, self.column = str(path), row, column


@dataclass(frozen=True, eq=False)
class IncidentColumns:
    """A validated incident log held as columns.

    ``times`` maps each step column to int64 UTC microseconds (:data:`NULL_TIME` where empty);
    ``satisfaction`` is 0 where empty. :meth:`encoded` gives a string column dictionary-encoded
    (``labels[codes[i]]``, code -1 for empty); columns not needed by the checks are encoded only
    when first asked for, i.e. when events are first made, not at load.
    """

    path: str
    n: int
    times: dict[str, np.ndarray]
    codes: dict[str, np.ndarray]
    labels: dict[str, list[str]]
    strings: pa.Table
    case_ids: pa.ChunkedArray
    lon: np.ndarray
    lat: np.ndarray
    escalations: np.ndarray
    reopened: np.ndarray
    satisfaction: np.ndarray

    def encoded(self, column: str) -> tuple[np.ndarray, list[str]]:
        """``(codes, labels)`` of a string column (code -1 where empty)."""
        if column not in self.codes:
            self.codes[column], self.labels[column] = _encode(self.strings[column])
        return self.codes[column], self.labels[column]

    def value(self, column: str, row: int) -> str | None:
        """The string in ``column`` at ``row`` (None where empty)."""
        codes, labels = self.encoded(column)
        code = int(codes[row])
        return None if code < 0 else labels[code]

    def frame(self, rows: np.ndarray | None = None):
        """The log (or the given rows) as a pandas frame in the incident log layout."""
        import pandas as pd

        rows = np.arange(self.n) if rows is None else rows
        data: dict[str, object] = {"case_id": self.case_ids.take(pa.array(rows)).to_pylist()}
        for column in STRING_COLUMNS[1:]:
            codes, labels = self.encoded(column)
            data[column] = np.array(labels + [None], dtype=object)[codes[rows]]
        for column in TIME_COLUMNS + REOPEN_COLUMNS:
            micros = self.times[column][rows]
            stamp = pd.to_datetime(np.where(micros == NULL_TIME, 0, micros), unit="us", utc=True)
            data[column] = stamp.where(micros != NULL_TIME)
        data["lon"], data["lat"] = self.lon[rows], self.lat[rows]
        data["escalations"], data["reopened"] = self.escalations[rows], self.reopened[rows]
        sat = self.satisfaction[rows].astype(float)
        data["satisfaction"] = np.where(sat > 0, sat, np.nan)
        return pd.DataFrame(data, columns=list(REQUIRED_COLUMNS + REOPEN_COLUMNS))


def read_incident_log(
    path: str | Path,
    categories: set[str] | None = None,
    staff_ids: set[str] | None = None,
    progress: Progress | None = None,
) -> IncidentColumns:
    """Read and validate an incident log (``.csv`` or ``.parquet``) into columns.

    Parameters
    ----------
    path
        The log file; the format is chosen by the extension.
    categories
        Known category codes; a row naming another is refused. None skips the check.
    staff_ids
        Known staff ids for ``assignee``; None skips the check.
    progress
        Called as steps complete (reading, checking, encoding).

    Raises
    ------
    LogReadError
        Missing file, unknown extension, missing column, or the first bad cell (row and column named).
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        columns, pending = start_reading(path, categories, staff_ids, progress, pool)
        pending.wait()
    return columns


class PendingChecks:
    """Checks still running on a worker thread; :meth:`wait` raises the first one's error, if any."""

    def __init__(self, futures: list[Future]) -> None:
        self._futures = futures

    def add(self, future: Future) -> None:
        self._futures.append(future)

    def wait(self) -> None:
        for future in self._futures:
            future.result()


def start_reading(
    path: str | Path,
    categories: set[str] | None,
    staff_ids: set[str] | None,
    progress: Progress | None,
    pool: ThreadPoolExecutor,
) -> tuple[IncidentColumns, PendingChecks]:
    """:func:`read_incident_log`, leaving the checks the columns do not depend on to ``pool``.

    Case id uniqueness, the source and owner level values and the category and staff lists are
    checked on the worker thread (pyarrow lets go of the GIL), so that the caller can build its index meanwhile; it must call
    ``wait()`` on the returned checks before using the columns.
    """
    path = Path(path)
    report = progress or (lambda fraction, label: None)
    if not path.is_file():
        raise LogReadError(path, None, None, "no such file")
    report(0.0, "reading")
    table = _read_table(path)
    report(0.4, "checking")
    missing = [c for c in REQUIRED_COLUMNS if c not in table.column_names]
    if missing:
        raise LogReadError(path, None, missing[0], "missing column")
    n = table.num_rows
    for column in NOT_NULL:
        if table[column].null_count:
            _first_bad(path, column, table[column].is_null(), "empty")
    case_ids = table["case_id"]
    lists = {name: set(known) for name, known in (("category", categories), ("assignee", staff_ids))
             if known is not None}
    lists.update({column: set(_ENUMS[column]) for column in ("source", "owner_level")})
    pending = PendingChecks([pool.submit(_check_unique, path, case_ids, n)] + [
        pool.submit(_check_listed, path, column, table[column], known) for column, known in lists.items()])

    times = {c: _micros(path, c, table[c]) for c in TIME_COLUMNS}
    for column in REOPEN_COLUMNS:
        times[column] = (_micros(path, column, table[column]) if column in table.column_names
                         else np.full(n, NULL_TIME, dtype=np.int64))
    report(0.6, "encoding")

    codes: dict[str, np.ndarray] = {}
    labels: dict[str, list[str]] = {}
    codes["risk_level"], labels["risk_level"] = _encode(table["risk_level"])
    _check_labels(path, "risk_level", codes["risk_level"], labels["risk_level"], set(_ENUMS["risk_level"]))

    lon = _floats(path, "lon", table["lon"])
    lat = _floats(path, "lat", table["lat"])
    escalations = _counts(path, "escalations", table["escalations"], 0, None)
    reopened = _counts(path, "reopened", table["reopened"], 0, MAX_REOPENS)
    pending.add(pool.submit(_check_steps, path, times, table["assignee"], reopened))
    satisfaction = _counts(path, "satisfaction", table["satisfaction"], 1, 5)
    report(1.0, "done")
    strings = table.select([c for c in STRING_COLUMNS[1:] if c not in codes])
    columns = IncidentColumns(str(path), n, times, codes, labels, strings, case_ids, lon, lat,
                              escalations, reopened, satisfaction)
    return columns, pending


def _check_steps(path: Path, times: dict[str, np.ndarray], assignee: pa.ChunkedArray, reopened: np.ndarray) -> None:
    for later, earlier in _STEP_NEEDS.items():
        has_later = times[later] != NULL_TIME
        _first_bad(path, later, has_later & (times[earlier] == NULL_TIME), f"set but {earlier} is empty")
        _first_bad(path, later, has_later & (times[later] < times[earlier]), f"earlier than {earlier}")
    first, reopen = times["first_resolved_at"], times["reopened_at"]
    if (first != NULL_TIME).any() or (reopen != NULL_TIME).any():
        _check_reopens(path, times, first, reopen, reopened)
    _first_bad(path, "assignee", (times["dispatched_at"] != NULL_TIME) & assignee.is_null(),
               "empty although the case was dispatched")


def _check_reopens(path: Path, times: dict[str, np.ndarray], first: np.ndarray, reopen: np.ndarray,
                   reopened: np.ndarray) -> None:
    """A reopened case's first resolution and reopen come together, after its acceptance, in order,
    before its final resolution, and only with ``reopened`` at least 1."""
    has_first, has_reopen = first != NULL_TIME, reopen != NULL_TIME
    _first_bad(path, "first_resolved_at", has_first & ~has_reopen, "set but reopened_at is empty")
    _first_bad(path, "reopened_at", has_reopen & ~has_first, "set but first_resolved_at is empty")
    _first_bad(path, "reopened", has_reopen & (reopened == 0), "is 0 but reopened_at is set")
    accepted, resolved = times["accepted_at"], times["resolved_at"]
    _first_bad(path, "first_resolved_at", has_first & (accepted == NULL_TIME), "set but accepted_at is empty")
    _first_bad(path, "first_resolved_at", has_first & (first < accepted), "earlier than accepted_at")
    on_scene = times["on_scene_at"]
    _first_bad(path, "first_resolved_at", has_first & (on_scene != NULL_TIME) & (first < on_scene),
               "earlier than on_scene_at")
    _first_bad(path, "reopened_at", has_reopen & (reopen < first), "earlier than first_resolved_at")
    _first_bad(path, "resolved_at", has_reopen & (resolved != NULL_TIME) & (resolved < reopen),
               "earlier than reopened_at")


def _check_unique(path: Path, case_ids: pa.ChunkedArray, n: int) -> None:
    if len(case_ids.unique()) == n:
        return
    counts = pc.value_counts(case_ids)
    first = counts.filter(pc.greater(counts.field("counts"), 1))[0]["values"].as_py()
    row = int(np.flatnonzero(pc.equal(case_ids, first).to_numpy(zero_copy_only=False))[1])
    raise LogReadError(path, row + 1, "case_id", f"duplicate case id {first!r}")


def _check_listed(path: Path, column: str, values: pa.ChunkedArray, known: set[str]) -> None:
    codes, labels = _encode(values)
    _check_labels(path, column, codes, labels, known)


def _read_table(path: Path) -> pa.Table:
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            present = set(pq.ParquetFile(path).schema_arrow.names)
            # Area ids, enums and staff ids repeat: reading them as dictionaries skips decoding
            # a million strings each and gives their codes directly.
            return pq.read_table(path, columns=[c for c in REQUIRED_COLUMNS + REOPEN_COLUMNS if c in present],
                                 read_dictionary=[c for c in STRING_COLUMNS[1:] if c in present])
        if suffix == ".csv":
            with open(path, "rb") as handle:
                versioned = handle.readline().startswith(CSV_MAGIC.encode())
            # Every cell as text, so that a bad cell is found and named here, not by the parser.
            types = {c: pa.string() for c in REQUIRED_COLUMNS + REOPEN_COLUMNS}
            return pacsv.read_csv(path, read_options=pacsv.ReadOptions(skip_rows=int(versioned)),
                                  convert_options=pacsv.ConvertOptions(column_types=types,
                                                                       strings_can_be_null=True))
    except (pa.ArrowInvalid, OSError) as exc:
        raise LogReadError(path, None, None, f"cannot read: {str(exc).splitlines()[0]}") from None
    raise LogReadError(path, None, None, f"unknown log format {suffix!r}; use .csv or .parquet")


def _first_bad(path: Path, column: str, bad, message: str) -> None:
    mask = bad.to_numpy(zero_copy_only=False) if not isinstance(bad, np.ndarray) else bad
    if mask.any():
        raise LogReadError(path, int(np.argmax(mask)) + 1, column, message)


_ISO = r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$"


def _micros(path: Path, name: str, column: pa.ChunkedArray) -> np.ndarray:
    if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
        column = pc.if_else(pc.equal(column, ""), pa.scalar(None, column.type), column)
        ok = pc.or_kleene(pc.is_null(column), pc.match_substring_regex(column, _ISO))
        bad = pc.invert(ok)
        if pc.any(bad).as_py():
            row = int(np.argmax(bad.to_numpy(zero_copy_only=False)))
            raise LogReadError(path, row + 1, name,
                               f"{column[row].as_py()!r} is not an ISO 8601 time with offset")
        stamps = pc.cast(column, pa.timestamp("us", "UTC"), safe=False)
    elif pa.types.is_timestamp(column.type):
        if column.type.tz is None:
            raise LogReadError(path, 1, name, "timestamps must be timezone-aware")
        stamps = column.cast(pa.timestamp("us", "UTC"), safe=False)
    else:
        raise LogReadError(path, None, name, f"not a time column (type {column.type})")
    return stamps.cast(pa.int64()).fill_null(NULL_TIME).to_numpy()


def _encode(values: pa.ChunkedArray) -> tuple[np.ndarray, list[str]]:
    """``(codes, labels)`` of a string or dictionary column (code -1 where empty)."""
    if pa.types.is_dictionary(values.type):
        encoded = values.unify_dictionaries().combine_chunks()
    else:
        encoded = values.dictionary_encode().combine_chunks()
    codes = encoded.indices.fill_null(-1).to_numpy().astype(np.int32)
    return codes, [None if v is None else str(v) for v in encoded.dictionary.to_pylist()]


def _check_labels(path: Path, column: str, codes: np.ndarray, labels: list[str], allowed: set[str]) -> None:
    bad = [code for code, label in enumerate(labels) if label not in allowed]
    if not bad:
        return
    hits = np.isin(codes, bad)
    if hits.any():
        row = int(np.argmax(hits))
        raise LogReadError(path, row + 1, column, f"unknown value {labels[codes[row]]!r}")


def _numeric(path: Path, column: str, values: pa.ChunkedArray) -> np.ndarray:
    """The column as float64 with NaN for empty cells; text that is not a number is a bad cell."""
    if pa.types.is_string(values.type) or pa.types.is_large_string(values.type):
        values = pc.utf8_trim_whitespace(values)
        values = pc.if_else(pc.equal(values, ""), pa.scalar(None, values.type), values)
        ok = pc.or_kleene(pc.is_null(values), pc.match_substring_regex(values, _NUMBER))
        _first_bad(path, column, pc.invert(ok).fill_null(False), "not a number")
    elif not (pa.types.is_integer(values.type) or pa.types.is_floating(values.type)
              or pa.types.is_null(values.type)):
        raise LogReadError(path, None, column, f"not a number column (type {values.type})")
    values = values.cast(pa.float64())
    if values.null_count:
        values = values.fill_null(np.nan)
    return values.to_numpy()


_NUMBER = r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$"


def _floats(path: Path, column: str, values: pa.ChunkedArray) -> np.ndarray:
    out = _numeric(path, column, values)
    _first_bad(path, column, ~np.isfinite(out), "not a finite number")
    return out


def _counts(path: Path, column: str, values: pa.ChunkedArray, low: int, high: int | None) -> np.ndarray:
    """Whole numbers in ``low``-``high`` as int32, 0 where empty."""
    if pa.types.is_integer(values.type):
        # Parquet's integer columns: only the range needs a look at the rows.
        extremes = pc.min_max(values)
        smallest, largest = extremes["min"].as_py(), extremes["max"].as_py()
        if smallest is not None and (smallest < low or (high is not None and largest > high)):
            numbers = values.fill_null(low).to_numpy()
            _first_bad(path, column, numbers < low, f"below {low}")
            _first_bad(path, column, numbers > high, f"above {high}")
        return values.fill_null(0).to_numpy().astype(np.int32) if values.null_count else \
            values.to_numpy().astype(np.int32)
    out = _numeric(path, column, values)
    if np.isnan(out).all():
        return np.zeros(len(out), dtype=np.int32)
    if np.nanmin(out) < low:
        _first_bad(path, column, out < low, f"below {low}")
    if high is not None and np.nanmax(out) > high:
        _first_bad(path, column, out > high, f"above {high}")
    whole = np.nan_to_num(out, nan=float(low)).astype(np.int32)
    if not np.array_equal(whole, np.nan_to_num(out, nan=float(low))):
        _first_bad(path, column, whole != np.nan_to_num(out, nan=float(low)), "not a whole number")
    whole[np.isnan(out)] = 0
    return whole
