"""Is a Mosquitto configuration durable? What a broker will not say until it is too late.

Mosquitto keeps sessions and queued QoS 1 messages in memory and writes a snapshot every
``autosave_interval`` seconds: what it acknowledged after the last snapshot is gone when it is
killed, the cockpit's own session included. A broker whose ``persistence_location`` it cannot
write runs anyway, without persistence, and says so only in its own log. :func:`durability_problems`
reads a configuration file (``include_dir`` too) and lists what would lose acknowledged messages;
``cockpit broker check`` prints them and fails, so a service manager can refuse to start the broker
(resources/mosquitto/street-cockpit-check.conf).
"""

from __future__ import annotations

import grp
import os
import pwd
import stat
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_USER = "mosquitto"
"""The account Mosquitto drops to when started as root and no ``user`` line says otherwise."""
DEFAULT_AUTOSAVE_S = 1800
MAX_AUTOSAVE_S = 1
"""The longest snapshot interval the cockpit accepts: a broker killed loses at most this much."""


class ConfigError(ValueError):
    """The configuration file cannot be read; the message names it."""


@dataclass
class MosquittoSettings:
    """The options of a configuration that matter to durability (last value wins, as in Mosquitto)."""

    path: Path
    options: dict[str, str] = field(default_factory=dict)

    def flag(self, name: str, default: bool = False) -> bool:
        value = self.options.get(name)
        return default if value is None else value.lower() == "true"

    def number(self, name: str, default: int) -> int:
        value = self.options.get(name)
        if value is None:
            return default
        try:
            return int(value)
        except ValueError:
            raise ConfigError(f"{self.path}: {name} {value!r} is not a whole number") from None


def read_settings(path: str | Path) -> MosquittoSettings:
    """The options of a Mosquitto configuration file and of the files its ``include_dir`` names.

    Raises
    ------
    ConfigError
        The file (or an included folder) cannot be read.
    """
    settings = MosquittoSettings(Path(path))
    _read_into(settings, Path(path))
    return settings


def _read_into(settings: MosquittoSettings, path: Path) -> None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read Mosquitto configuration {path}: {exc}") from None
    for line in text.splitlines():
        words = line.strip().split(None, 1)
        if not words or words[0].startswith("#"):
            continue
        name, value = words[0], (words[1].strip() if len(words) > 1 else "")
        if name == "include_dir":
            folder = Path(value)
            if not folder.is_dir():
                raise ConfigError(f"{path}: include_dir {folder} is not a folder")
            for included in sorted(folder.glob("*.conf")):
                _read_into(settings, included)
        else:
            settings.options[name] = value


def durability_problems(path: str | Path) -> list[str]:
    """One line per setting of the configuration at ``path`` that would lose acknowledged messages.

    Checked: persistence is on; snapshots are written at least every :data:`MAX_AUTOSAVE_S`
    seconds (or on every change); ``persistence_location`` is an existing folder that the broker's
    user (``user``, default ``mosquitto``; the current user when not run as root) can write.

    Raises
    ------
    ConfigError
        The file cannot be read.
    """
    settings = read_settings(path)
    problems = []
    if not settings.flag("persistence"):
        problems.append(f"{settings.path}: persistence is off: every queued message and session is lost "
                        "on a restart (persistence true)")
        return problems
    interval = settings.number("autosave_interval", DEFAULT_AUTOSAVE_S)
    if not settings.flag("autosave_on_changes") and not 0 < interval <= MAX_AUTOSAVE_S:
        problems.append(f"{settings.path}: autosave_interval {interval}: a broker killed up to {interval} s after "
                        f"it acknowledged a message loses it (autosave_interval {MAX_AUTOSAVE_S})")
    location = settings.options.get("persistence_location")
    if not location:
        problems.append(f"{settings.path}: persistence_location is not set: the broker writes its snapshot into "
                        "whatever folder it was started in")
        return problems
    folder = Path(location)
    user = settings.options.get("user") or (DEFAULT_USER if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name)
    problem = writable_problem(folder, user)
    if problem:
        problems.append(f"{settings.path}: persistence_location {folder} {problem}: the broker would run "
                        "without persistence")
    return problems


def writable_problem(folder: Path, user: str) -> str:
    """Why ``user`` cannot create files in ``folder`` ("" if it can), from owners and mode bits.

    POSIX access lists are not read: a folder writable only through one is reported as not writable.
    """
    try:
        account = pwd.getpwnam(user)
    except KeyError:
        return f"belongs to no known account: user {user!r} does not exist"
    if not folder.is_dir():
        return "does not exist" if not folder.exists() else "is not a folder"
    if os.statvfs(folder).f_flag & os.ST_RDONLY:
        return "is on a read-only file system"
    groups = {account.pw_gid} | {g.gr_gid for g in grp.getgrall() if user in g.gr_mem}
    for part in (folder, *folder.parents):
        if not _allowed(part, account.pw_uid, groups, stat.S_IXUSR, stat.S_IXGRP, stat.S_IXOTH):
            return f"cannot be reached by {user} ({part} is not searchable)"
    if not _allowed(folder, account.pw_uid, groups, stat.S_IWUSR, stat.S_IWGRP, stat.S_IWOTH):
        return f"is not writable by {user}"
    return ""


def _allowed(path: Path, uid: int, groups: set[int], user_bit: int, group_bit: int, other_bit: int) -> bool:
    if uid == 0:
        return True
    info = path.stat()
    if info.st_uid == uid:
        return bool(info.st_mode & user_bit)
    if info.st_gid in groups:
        return bool(info.st_mode & group_bit)
    return bool(info.st_mode & other_bit)
