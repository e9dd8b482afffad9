"""What an import found wrong: errors that stop it and warnings it lists, each naming file, place and id."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding of an import: ``where`` is "feature 12", "row 7" or "" for the file as a whole."""

    file: str
    where: str
    id: str | None
    message: str

    def __str__(self) -> str:
        place = ", ".join(part for part in (self.where, f"id {self.id}" if self.id else "") if part)
        return f"{self.file}: {place}: {self.message}" if place else f"{self.file}: {self.message}"


@dataclass
class Problems:
    """Collects the errors and warnings of one import, in the order they were found."""

    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def error(self, file: str, where: str, id: str | None, message: str) -> None:
        self.errors.append(Problem(file, where, id, message))

    def warning(self, file: str, where: str, id: str | None, message: str) -> None:
        self.warnings.append(Problem(file, where, id, message))

    def claim_id(self, file: str, where: str, id: str | None, seen: dict[str, str], column: str) -> bool:
        """True for a present id not seen before in the file (then remembered); else an error says why."""
        if id is None:
            self.error(file, where, None, f"no id (column {column} is empty)")
            return False
        if id in seen:
            self.error(file, where, id, f"duplicate id: {seen[id]} has it too")
            return False
        seen[id] = where
        return True


class ImportStopped(Exception):
    """A problem that leaves nothing more to check (a missing file, an unreadable manifest)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def stop(file: str, message: str, where: str = "", id: str | None = None) -> ImportStopped:
    """The exception to raise for a problem that ends the import at once."""
    return ImportStopped(Problem(file, where, id, message))
