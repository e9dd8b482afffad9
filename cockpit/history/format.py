"""The incident log format: one row per case with the times of its closed loop.

Replay, calibration, the KPI command and the history generator all read and write this one format
(docs/incident-log.md). A file is either CSV (timestamps ISO 8601 with a UTC offset, written in
+08:00, :data:`~cockpit.vocabulary.local_time.LOCAL_TZ`) or Parquet (timezone-aware timestamps, the format version in the schema metadata). Reading
validates every row with vectorised checks and either returns the whole frame or raises
:class:`LogFormatError` naming the file, the row and the column: nothing is half-imported.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv
import pyarrow.parquet as pq

from cockpit.vocabulary.case_columns import LOG_COLUMNS, REQUIRED_COLUMNS, TIME_COLUMNS
from cockpit.vocabulary.domain import CaseStatus, OwnerLevel, RiskLevel, Source
from cockpit.vocabulary.local_time import LOCAL_OFFSET_TEXT, LOCAL_UTC_OFFSET

LOG_FORMAT_VERSION = 1
"""Version of the column layout (:mod:`cockpit.vocabulary.case_columns`); raised when a column changes
meaning or a required one is added."""

CSV_MAGIC = "# street-cockpit incident log v"
"""Start of the optional first comment line of a CSV log; the version number follows it."""

PARQUET_VERSION_KEY = b"street_cockpit_log_version"
"""Parquet schema metadata key that carries :data:`LOG_FORMAT_VERSION`."""

ENUMS: dict[str, tuple[str, ...]] = {
    "risk_level": tuple(RiskLevel),
    "source": tuple(Source),
    "owner_level": tuple(OwnerLevel),
}
"""Allowed values of the enumerated columns (the domain enums' string values)."""

_STRING_COLUMNS = ("case_id", "category", "community", "general_grid", "micro_grid", "assignee")
_NON_EMPTY = ("case_id", "reported_at", "category", "risk_level", "source", "community",
              "general_grid", "micro_grid", "lon", "lat", "owner_level", "escalations", "reopened")
_CATEGORICAL = ("category", "risk_level", "source", "community", "general_grid", "micro_grid",
                "owner_level")
_UNIT = "us"
_TS = pa.timestamp(_UNIT, tz="UTC")
_NOT_CASES = (CaseStatus.MERGED.value, CaseStatus.REJECTED.value)


class LogFormatError(ValueError):
    """A log file that cannot be read as an incident log; the message names file, row and column."""


def read_log(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read and validate an incident log (``.csv`` or ``.parquet``, chosen by extension).

    Returns
    -------
    pandas.DataFrame
        The columns of :data:`LOG_COLUMNS` in that order: timestamps as timezone-aware UTC
        (``datetime64[us, UTC]``, NaT where empty), enumerations and area ids as categoricals,
        ``escalations`` and ``reopened`` as int64, ``satisfaction`` as nullable Int64.
        Columns the format does not know are dropped.

    Raises
    ------
    LogFormatError
        Missing file, unknown extension, unreadable content, a missing column or any bad value;
        the message names the file, the first bad row (1-based, header not counted) and column.
    """
    path = Path(path)
    name = str(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".parquet"):
        raise LogFormatError(f"{name}: unknown extension {path.suffix!r}; use .csv or .parquet")
    if not path.is_file():
        raise LogFormatError(f"{name}: no such file")
    table = _read_csv(path, name) if suffix == ".csv" else _read_parquet(path, name)
    return _validate(table, name)


def write_log(df: pd.DataFrame, path: str | os.PathLike[str], extra: Sequence[str] = ()) -> None:
    """Validate ``df`` and write it as an incident log (``.csv`` or ``.parquet`` by extension).

    ``df`` may carry more columns (e.g. a twin's ``status``): only :data:`LOG_COLUMNS` are written,
    then the ``extra`` columns named, as they are (readers of the log ignore them). Rows whose
    ``status`` is merged or rejected are not cases and are left out. A CSV starts with the version
    comment line and writes timestamps in local time with their ``+08:00`` offset.

    Raises
    ------
    LogFormatError
        ``df`` breaks the format (the message names the row and column) or the extension is unknown.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".parquet"):
        raise LogFormatError(f"{path}: unknown extension {path.suffix!r}; use .csv or .parquet")
    if "status" in df.columns:
        df = df[~df["status"].astype(str).isin(_NOT_CASES)]
    frame = normalise_log(df, str(path))
    added = {column: df[column].to_numpy() for column in extra}
    if suffix == ".parquet":
        out = pa.Table.from_pandas(frame.assign(**added), preserve_index=False)
        metadata = dict(out.schema.metadata or {})
        metadata[PARQUET_VERSION_KEY] = str(LOG_FORMAT_VERSION).encode()
        pq.write_table(out.replace_schema_metadata(metadata), path)
        return
    columns = {}
    for column in LOG_COLUMNS:
        values = frame[column]
        if column in TIME_COLUMNS:
            columns[column] = _format_local(pa.array(values, type=_TS))
        elif column == "satisfaction":
            columns[column] = pa.array(values.astype("Int64"), type=pa.int64())
        else:
            columns[column] = pa.array(values.astype(object) if column in _CATEGORICAL else values)
    for column, values in added.items():
        columns[column] = pa.array(values)
    with open(path, "wb") as fh:
        fh.write(f"{CSV_MAGIC}{LOG_FORMAT_VERSION}\n".encode())
        pcsv.write_csv(pa.table(columns), fh, pcsv.WriteOptions(quoting_style="needed"))


def normalise_log(df: pd.DataFrame, name: str = "frame") -> pd.DataFrame:
    """Validate an in-memory frame and return it with the exact columns and dtypes of :func:`read_log`.

    ``df`` may carry more columns; rows whose ``status`` is merged or rejected are dropped (they are
    not cases). ``name`` stands for the file name in error messages.

    Raises
    ------
    LogFormatError
        As :func:`read_log`, with rows counted from 1 in ``df``'s order.
    """
    if "status" in df.columns:
        df = df[~df["status"].astype(str).isin(_NOT_CASES)]
    present = [c for c in LOG_COLUMNS if c in df.columns]
    try:
        table = pa.Table.from_pandas(df[present], preserve_index=False)
    except (pa.ArrowException, ValueError, TypeError) as exc:
        raise LogFormatError(f"{name}: cannot convert the frame: {_first_line(exc)}") from None
    return _validate(table, name)


# ---------------------------------------------------------------- reading


def _read_csv(path: Path, name: str) -> pa.Table:
    with open(path, "rb") as fh:
        first = fh.readline()
    skip = 0
    if first.startswith(b"#"):
        skip = 1
        text = first.decode("utf-8", errors="replace").strip()
        if text.startswith(CSV_MAGIC):
            _check_version(text[len(CSV_MAGIC):], name)
    try:
        table = pcsv.read_csv(
            path,
            read_options=pcsv.ReadOptions(skip_rows=skip),
            convert_options=pcsv.ConvertOptions(
                column_types={c: pa.string() for c in LOG_COLUMNS},
                null_values=[""],
                strings_can_be_null=True,
                quoted_strings_can_be_null=True,
            ),
        )
        table.column_names  # noqa: B018 - a header that is not UTF-8 fails here, not later
    except (pa.ArrowException, ValueError, OSError) as exc:
        raise LogFormatError(f"{name}: not a readable CSV incident log: {_first_line(exc)}") from None
    return table


def _read_parquet(path: Path, name: str) -> pa.Table:
    try:
        table = pq.read_table(path)
        table.column_names  # noqa: B018 - a column name that is not UTF-8 fails here, not later
        # Parquet pages are not checked for valid UTF-8 on read; a full validation is.
        table.validate(full=True)
    except (pa.ArrowException, ValueError, OSError) as exc:
        raise LogFormatError(f"{name}: not a readable Parquet incident log: {_first_line(exc)}") from None
    version = (table.schema.metadata or {}).get(PARQUET_VERSION_KEY)
    if version is not None:
        _check_version(version.decode("utf-8", errors="replace"), name)
    return table


def _check_version(text: str, name: str) -> None:
    if text.strip() != str(LOG_FORMAT_VERSION):
        raise LogFormatError(
            f"{name}: incident log format version {text.strip()!r} is not supported "
            f"(this program reads version {LOG_FORMAT_VERSION})"
        )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


# ---------------------------------------------------------------- validation


class _Checker:
    """Raises the format error for the first bad row of one check."""

    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, row: int | None, column: str, reason: str, more: int = 0) -> None:
        where = f"row {row + 1}, " if row is not None else ""
        extra = f" (and {more} more row{'s' if more > 1 else ''})" if more > 0 else ""
        raise LogFormatError(f"{self.name}: {where}column {column}: {reason}{extra}")

    def check(self, bad: np.ndarray, column: str, reason: Callable[[int], str]) -> None:
        """``bad`` is a boolean mask of rows; ``reason(row)`` words the first one."""
        rows = np.flatnonzero(bad)
        if rows.size:
            self.fail(int(rows[0]), column, reason(int(rows[0])), rows.size - 1)


def _validate(table: pa.Table, name: str) -> pd.DataFrame:
    """Convert a table of raw columns to the typed log frame, or raise :class:`LogFormatError`."""
    checker = _Checker(name)
    missing = [c for c in REQUIRED_COLUMNS if c not in table.column_names]
    if missing:
        raise LogFormatError(f"{name}: column {missing[0]} is missing"
                             + (f" (also {', '.join(missing[1:])})" if len(missing) > 1 else ""))
    n = table.num_rows
    raw = {c: _plain(table.column(c)) if c in table.column_names else pa.nulls(n, pa.string())
           for c in LOG_COLUMNS}
    for column in _NON_EMPTY:
        checker.check(_null_mask(raw[column]), column, lambda row: "is empty")

    out: dict[str, object] = {}
    times: dict[str, np.ndarray] = {}
    for column in TIME_COLUMNS:
        arr = _to_timestamp(raw[column], column, checker)
        out[column] = arr
        times[column] = _as_int(arr)
    for column in _STRING_COLUMNS:
        arr = _cast(raw[column], pa.string(), column, checker, "is not text")
        if column != "assignee":
            checker.check(_fill(pc.equal(pc.utf8_trim_whitespace(arr), ""), False), column,
                          lambda row: "is empty")
        out[column] = arr
    for column, allowed in ENUMS.items():
        arr = _cast(raw[column], pa.string(), column, checker, "is not text")
        bad = ~_fill(pc.is_in(arr, value_set=pa.array(allowed)), True)
        checker.check(bad, column, lambda row, a=arr, al=allowed:
                      f"{a[row].as_py()!r} is not one of {', '.join(al)}")
        out[column] = arr
    for column, low, high in (("lon", -180.0, 180.0), ("lat", -90.0, 90.0)):
        values = _cast(raw[column], pa.float64(), column, checker, "is not a number")
        v = values.to_numpy(zero_copy_only=False)
        checker.check(~((v >= low) & (v <= high)), column,
                      lambda row, v=v, lo=low, hi=high: f"{float(v[row])!r} is not between {lo:g} and {hi:g}")
        out[column] = values
    for column in ("escalations", "reopened", "satisfaction"):
        values = _cast(raw[column], pa.int64(), column, checker, "is not a whole number")
        v = _fill_int(values)
        if column == "satisfaction":
            checker.check(~_null_mask(values) & ((v < 1) | (v > 5)), column,
                          lambda row, v=v: f"{v[row]} is not a rating from 1 to 5")
        else:
            checker.check(v < 0, column, lambda row, v=v: f"{v[row]} is negative")
        out[column] = values

    _check_unique(out["case_id"], checker)
    _check_order(times, checker)
    _check_consistency(out, times, checker)
    return _frame(out, n)


def _plain(column: pa.ChunkedArray) -> pa.Array:
    arr = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    if pa.types.is_dictionary(arr.type):
        arr = arr.dictionary_decode()
    return arr


def _null_mask(arr: pa.Array) -> np.ndarray:
    return arr.is_null().to_numpy(zero_copy_only=False)


def _fill(mask: pa.Array, value: bool) -> np.ndarray:
    return pc.fill_null(mask, value).to_numpy(zero_copy_only=False)


def _fill_int(arr: pa.Array) -> np.ndarray:
    return pc.fill_null(arr, 0).to_numpy(zero_copy_only=False)


def _as_int(arr: pa.Array) -> np.ndarray:
    """Microseconds since the epoch, with NaT as the smallest int64 (so it never compares later)."""
    return pc.fill_null(arr.cast(pa.int64()), np.iinfo(np.int64).min).to_numpy(zero_copy_only=False)


def _first_failure(arr: pa.Array, convert: Callable[[pa.Array], object]) -> int:
    """Index of the first element ``convert`` refuses, by bisection (O(n) casts in total)."""
    lo, hi = 0, len(arr)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        try:
            convert(arr.slice(lo, mid - lo))
        except (pa.ArrowException, ValueError, OverflowError):
            hi = mid
        else:
            lo = mid
    return lo


def _cast(arr: pa.Array, target: pa.DataType, column: str, checker: _Checker, reason: str) -> pa.Array:
    if pa.types.is_string(target) and not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)
                                           or pa.types.is_null(arr.type)):
        checker.fail(None, column, f"holds {arr.type} values, not text")
    try:
        return arr.cast(target)
    except (pa.ArrowException, ValueError, OverflowError):
        row = _first_failure(arr, lambda a: a.cast(target))
        checker.fail(row, column, f"{arr[row].as_py()!r} {reason}")
    raise AssertionError("unreachable")


def _to_timestamp(arr: pa.Array, column: str, checker: _Checker) -> pa.Array:
    kind = arr.type
    if pa.types.is_null(kind):
        return pa.nulls(len(arr), _TS)
    if pa.types.is_timestamp(kind):
        if kind.tz is None:
            rows = np.flatnonzero(~_null_mask(arr))
            checker.fail(int(rows[0]) if rows.size else None, column,
                         "timestamps have no time zone (store them timezone-aware)")
        return arr.cast(_TS)
    if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        checker.fail(None, column, f"holds {kind} values, not timestamps")
    text = pc.utf8_trim_whitespace(arr)
    try:
        return text.cast(_TS)
    except (pa.ArrowException, ValueError, OverflowError):
        row = _first_failure(text, lambda a: a.cast(_TS))
    value = text[row].as_py()
    try:
        pa.array([value]).cast(pa.timestamp(_UNIT))
    except (pa.ArrowException, ValueError, OverflowError):
        checker.fail(row, column, f"{value!r} is not an ISO 8601 timestamp")
    checker.fail(row, column, f"{value!r} has no UTC offset (write e.g. {value}+08:00)")
    raise AssertionError("unreachable")


def _check_unique(case_id: pa.Array, checker: _Checker) -> None:
    if len(pc.unique(case_id)) == len(case_id):
        return
    ids = pd.Series(case_id.to_numpy(zero_copy_only=False))
    dup = ids.duplicated().to_numpy()
    if dup.any():
        row = int(np.flatnonzero(dup)[0])
        first = int(np.flatnonzero((ids == ids.iloc[row]).to_numpy())[0])
        checker.fail(row, "case_id", f"{ids.iloc[row]!r} duplicates row {first + 1}", int(dup.sum()) - 1)


def _check_order(times: dict[str, np.ndarray], checker: _Checker) -> None:
    """Each present timestamp is not earlier than every present timestamp before it in the loop."""
    latest = times["reported_at"].copy()
    latest_col = np.zeros(latest.size, dtype=np.int64)
    for index, column in enumerate(TIME_COLUMNS[1:], start=1):
        value = times[column]
        present = value != np.iinfo(np.int64).min
        bad = present & (value < latest)
        if bad.any():
            row = int(np.flatnonzero(bad)[0])
            before = TIME_COLUMNS[int(latest_col[row])]
            checker.fail(row, column, f"is earlier than {before}", int(bad.sum()) - 1)
        newer = present & (value >= latest)
        latest = np.where(newer, value, latest)
        latest_col = np.where(newer, index, latest_col)


def _check_consistency(out: dict[str, object], times: dict[str, np.ndarray], checker: _Checker) -> None:
    """Steps of the loop need the steps before them; counts must fit the rest of the row."""
    nat = np.iinfo(np.int64).min
    has = {c: times[c] != nat for c in TIME_COLUMNS}
    needs = (
        ("dispatched_at", "triaged_at"),
        ("accepted_at", "dispatched_at"),
        ("on_scene_at", "accepted_at"),
        ("resolved_at", "accepted_at"),
        ("first_resolved_at", "accepted_at"),
        ("reopened_at", "first_resolved_at"),
        ("first_resolved_at", "reopened_at"),
        ("closed_at", "resolved_at"),
    )
    for column, required in needs:
        checker.check(has[column] & ~has[required], column,
                      lambda row, r=required: f"is set but {r} is empty")
    reopened = _fill_int(out["reopened"])
    checker.check(has["reopened_at"] & (reopened == 0), "reopened",
                  lambda row: "is 0 but reopened_at is set")
    assignee = out["assignee"]
    no_assignee = _null_mask(assignee) | _fill(pc.equal(pc.utf8_trim_whitespace(assignee), ""), False)
    checker.check(has["dispatched_at"] & no_assignee, "assignee",
                  lambda row: "is empty but the case was dispatched")
    rated = ~_null_mask(out["satisfaction"])
    checker.check(rated & ~has["resolved_at"], "satisfaction",
                  lambda row: "is set but the case is not resolved")
    owners = out["owner_level"]
    owner = pc.index_in(owners, value_set=pa.array([level.value for level in OwnerLevel])).to_numpy(zero_copy_only=False)
    escalations = _fill_int(out["escalations"])
    checker.check(escalations > owner, "escalations",
                  lambda row: f"{escalations[row]} escalation(s) cannot end at {owners[row].as_py()} level")


def _frame(out: dict[str, object], n: int) -> pd.DataFrame:
    data: dict[str, pd.Series] = {}
    for column in LOG_COLUMNS:
        arr = out[column]
        if column in TIME_COLUMNS:
            data[column] = pd.Series(arr.to_pandas(), dtype=f"datetime64[{_UNIT}, UTC]")
        elif column in ENUMS:
            data[column] = pd.Series(pd.Categorical(arr.to_pandas(), categories=list(ENUMS[column])))
        elif column in _CATEGORICAL:
            data[column] = pd.Series(arr.to_pandas(), dtype="category")
        elif column == "satisfaction":
            data[column] = pd.Series(arr.to_pandas(), dtype="Int64")
        elif column in ("escalations", "reopened"):
            data[column] = pd.Series(arr.to_numpy(zero_copy_only=False), dtype="int64")
        elif column in ("lon", "lat"):
            data[column] = pd.Series(arr.to_numpy(zero_copy_only=False), dtype="float64")
        else:
            data[column] = pd.Series(arr.to_pandas(), dtype=object).where(lambda s: s.notna(), None)
    frame = pd.DataFrame(data, columns=list(LOG_COLUMNS))
    frame.index = pd.RangeIndex(n)
    return frame


def _format_local(arr: pa.Array) -> pa.Array:
    """``YYYY-MM-DDTHH:MM:SS[.ffffff]+08:00``: local time by its constant offset."""
    micros = arr.cast(pa.int64())
    local = pc.add(micros, LOCAL_UTC_OFFSET // timedelta(microseconds=1)).cast(pa.timestamp(_UNIT))
    whole_seconds = not pc.any(pc.not_equal(pc.remainder(pc.fill_null(micros, 0), 1_000_000), 0)).as_py()
    if whole_seconds:
        local = local.cast(pa.timestamp("s"))
    text = pc.strftime(local, format="%Y-%m-%dT%H:%M:%S")
    return pc.binary_join_element_wise(text, pa.scalar(LOCAL_OFFSET_TEXT), "")
