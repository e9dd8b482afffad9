"""The case category table (category → department, default risk, on-scene limit, service time).

The table is data (resources/categories.toml), not code, so a street can tune it without a release.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from pathlib import Path

from cockpit.resources import resource_path
from cockpit.vocabulary.domain import Department, RiskLevel


@dataclass(frozen=True, slots=True)
class ServiceTime:
    """On-scene handling time: lognormal with a median in minutes and sigma of log-minutes."""

    dist: str
    median_minutes: float
    sigma: float

    @property
    def mean_minutes(self) -> float:
        return self.median_minutes * math.exp(self.sigma**2 / 2)


@dataclass(frozen=True, slots=True)
class Category:
    """One high-frequency case category and its handling rules."""

    code: str
    name_zh: str
    name_en: str
    department: Department
    default_risk: RiskLevel
    on_scene_limit: timedelta
    skill: str
    service: ServiceTime
    share: float

    def name(self, lang: str = "zh") -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en


class CategoryTable:
    """All categories by code, in file order."""

    def __init__(self, categories: list[Category]) -> None:
        self._by_code = {c.code: c for c in categories}
        if len(self._by_code) != len(categories):
            raise ValueError("category table has duplicate codes")

    def __getitem__(self, code: str) -> Category:
        try:
            return self._by_code[code]
        except KeyError:
            raise KeyError(f"unknown case category {code!r}") from None

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self):
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    @property
    def codes(self) -> list[str]:
        return list(self._by_code)

    @classmethod
    def load(cls, path: Path) -> "CategoryTable":
        """Read a category table file; errors name the file and the category."""
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
        categories = []
        for index, row in enumerate(data.get("category", [])):
            try:
                service = row["service"]
                categories.append(
                    Category(
                        code=row["code"],
                        name_zh=row["name_zh"],
                        name_en=row["name_en"],
                        department=Department(row["department"]),
                        default_risk=RiskLevel(row["default_risk"]),
                        on_scene_limit=timedelta(minutes=float(row["on_scene_minutes"])),
                        skill=row["skill"],
                        service=ServiceTime(
                            dist=service["dist"],
                            median_minutes=float(service["median_minutes"]),
                            sigma=float(service["sigma"]),
                        ),
                        share=float(row["share"]),
                    )
                )
            except (KeyError, ValueError, TypeError) as exc:
                raise ValueError(f"{path}: category #{index + 1}: bad or missing field: {exc}") from exc
        return cls(categories)


@cache
def default_categories() -> CategoryTable:
    """The shipped category table (cached: it never changes while the program runs)."""
    return CategoryTable.load(resource_path("categories.toml"))
