"""`cockpit broker check`: a Mosquitto configuration that would lose acknowledged messages is refused
with one line per problem, before the broker starts (audit finding 4)."""

from __future__ import annotations

import json
import os
import pwd
from pathlib import Path

import pytest

from cockpit.cli import main
from cockpit.ingest.mosquitto_conf import durability_problems

SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "mosquitto" / "mosquitto.conf"


def shipped_here(tmp_path: Path, **changes: str) -> Path:
    """The shipped configuration with its persistence folder in ``tmp_path`` (and other lines changed)."""
    folder = tmp_path / "persistence"
    folder.mkdir(exist_ok=True)
    options = {"persistence_location": f"{folder}/", "user": pwd.getpwuid(os.geteuid()).pw_name, **changes}
    lines = []
    for line in SHIPPED.read_text(encoding="utf-8").splitlines():
        name = line.split(None, 1)[0] if line.strip() and not line.startswith("#") else ""
        lines.append(f"{name} {options.pop(name)}" if name in options else line)
    lines += [f"{name} {value}" for name, value in options.items()]
    path = tmp_path / "mosquitto.conf"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_shipped_configuration_is_durable(tmp_path, capsys):
    config = shipped_here(tmp_path)
    assert durability_problems(config) == []
    assert main(["broker", "check", "--config", str(config), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"config": str(config), "durable": True, "problems": []}


@pytest.mark.parametrize(("changes", "words"), [
    ({"autosave_interval": "30"}, "autosave_interval 30"),       # the configuration the audit found shipped
    ({"persistence": "false"}, "persistence is off"),
])
def test_rare_snapshots_and_no_persistence_are_refused(tmp_path, capsys, changes, words):
    config = shipped_here(tmp_path, **changes)
    [problem] = durability_problems(config)
    assert words in problem
    assert main(["broker", "check", "--config", str(config)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and words in err[0]


def test_a_persistence_folder_the_brokers_user_cannot_write_is_refused(tmp_path):
    folder = tmp_path / "persistence"
    folder.mkdir()
    if os.geteuid() == 0:
        # Root writes anywhere; the broker drops to its own user, here one that owns nothing.
        config = shipped_here(tmp_path, user="nobody")
        words = "nobody"
    else:
        folder.chmod(0o500)
        config = shipped_here(tmp_path)
        words = "is not writable by"
    [problem] = durability_problems(config)
    assert str(folder) in problem and words in problem and "without persistence" in problem


def test_a_missing_folder_and_an_unreadable_file_are_one_line_each(tmp_path, capsys):
    config = shipped_here(tmp_path, persistence_location=str(tmp_path / "nowhere"))
    assert "does not exist" in durability_problems(config)[0]
    assert main(["broker", "check", "--config", str(tmp_path / "absent.conf")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cannot read Mosquitto configuration" in err[0]
