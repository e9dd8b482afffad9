"""Audit finding 8: the command lines fail in one clear line, keep passwords out of ``ps``, retry a
broker they cannot reach and say so, and refuse what they cannot answer instead of inventing it."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from cockpit.cli import main
from cockpit.history.format import write_log
from cockpit.history.generator import generate_history
from tests.core.test_replay_cli import log_path, run  # noqa: F401  (fixture)
from tests.core.tiny import tiny_street

REPO = Path(__file__).resolve().parents[2]


def one_line(capsys) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    return err[0]


@pytest.mark.parametrize("argv", [
    ["kpi", "history.csv", "--by", "planet"],
    ["nonsense"],
    ["replay"],
    ["ingest"],
    ["users", "add"],
])
def test_a_bad_command_line_is_one_line_not_a_usage_dump(capsys, argv):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    line = one_line(capsys)
    assert line.startswith("cockpit") and "--help" in line and "usage:" not in line


@pytest.mark.parametrize("url", ["not a url", "", "mysql://db/cockpit", "sqlite:///no/such/folder/x.sqlite"])
def test_a_bad_database_url_is_one_line(capsys, url):
    assert main(["audit", "head", "--db", url]) == 2
    line = one_line(capsys)
    assert "Traceback" not in line and ("database" in line or "folder" in line)


def test_a_password_on_the_command_line_is_refused_without_echoing_it(capsys):
    assert main(["ingest", "--broker", "mqtt://127.0.0.1:1", "--password", "s3cret-pw"]) == 2
    line = one_line(capsys)
    assert "s3cret-pw" not in line and "--password-file" in line


def test_the_broker_password_comes_from_a_file_or_the_environment(tmp_path, monkeypatch):
    from cockpit.ingest.broker_config import PASSWORD_ENV
    from cockpit.ingest.cli import add_login_arguments, broker_login
    from cockpit.command_output import OneLineParser

    parser = OneLineParser(prog="test")
    add_login_arguments(parser)
    secret = tmp_path / "mqtt-password"
    secret.write_text("from-the-file\n", encoding="utf-8")
    args = parser.parse_args(["--username", "cockpit", "--password-file", str(secret)])
    assert broker_login(args).password == "from-the-file"
    monkeypatch.setenv(PASSWORD_ENV, "from-the-environment")
    assert broker_login(parser.parse_args(["--username", "cockpit"])).password == "from-the-environment"
    with pytest.raises(ValueError, match="cannot read"):
        broker_login(parser.parse_args(["--password-file", str(tmp_path / "absent")]))
    with pytest.raises(ValueError, match="together"):
        broker_login(parser.parse_args(["--tls-cert", "client.crt"]))


def test_an_unreachable_broker_is_retried_with_backoff_and_said_so(tmp_path):
    """`cockpit ingest --broker mqtt://127.0.0.1:1` ran forever without a word and printed zeros."""
    process = subprocess.Popen(
        [sys.executable, "-m", "cockpit.ingest", "--broker", "mqtt://127.0.0.1:1",
         "--db", f"sqlite:///{tmp_path / 'cockpit.sqlite'}"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(process.stderr), daemon=True)
    reader.start()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and sum("retry" in line for line in lines) < 3:
        time.sleep(0.2)
    process.send_signal(signal.SIGTERM)
    out = process.stdout.read()          # stderr is the reader's alone
    process.wait(30)
    reader.join(10)
    attempts = [line for line in lines if "cannot connect to 127.0.0.1:1" in line and "retry" in line]
    assert len(attempts) >= 3
    waits = [float(m.group(1)) for line in attempts if (m := re.search(r"retry \d+ in ([0-9.]+) s", line))]
    assert len(waits) == len(attempts) and waits[-1] > waits[0]          # backing off
    assert process.returncode == 1
    assert json.loads(out.strip().splitlines()[-1])["received"] == 0
    assert "never connected to mqtt://127.0.0.1:1" in lines[-1]


def test_replay_far_past_the_end_of_the_log_is_refused(log_path, capsys):  # noqa: F811
    code, out, err = run(["replay", str(log_path), "--at", "2031-01-01T00:00+08:00"], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "after the log's last event" in err and "4 years" in err


def test_replay_shortly_after_the_end_says_how_far_past_it_is(log_path, capsys):  # noqa: F811
    code, out, err = run(["replay", str(log_path), "--at", "2026-10-03T09:00+08:00", "--json"], capsys)
    assert code == 0 and json.loads(out)["after_log_end_s"] == 3600
    code, out, err = run(["replay", str(log_path), "--at", "2026-10-03T09:00+08:00"], capsys)
    assert "1 h after the log's last event" in out


def test_replay_text_output_rounds_its_figures(tmp_path, capsys):
    """It printed "satisfaction 4.436500470366886"."""
    path = tmp_path / "days.csv"
    write_log(generate_history(tiny_street(), 4, seed=2), path)
    code, out, _ = run(["replay", str(path), "--at", "2025-01-03T12:00+08:00"], capsys)
    assert code == 0 and "satisfaction" in out
    assert re.search(r"\d\.\d{3,}", out) is None, out


@pytest.mark.parametrize(("argv", "words"), [
    (["--out", "/nonexistent/x.png"], "folder does not exist: /nonexistent"),
    (["--out", "x.png", "--size", "10x10"], "--size 10x10"),
    (["--out", "x.png", "--size", "100000x100000"], "--size 100000x100000"),
])
def test_snapshot_refuses_a_missing_folder_and_absurd_sizes(capsys, argv, words):
    """Refused before any window is built (none is plugged in here: the refusal must come first)."""
    assert main(["snapshot", *argv]) == 2
    assert words in one_line(capsys)
    assert not Path("/nonexistent").exists()
