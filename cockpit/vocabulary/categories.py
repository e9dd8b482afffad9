"""The case category table (category → department, default risk, on-scene limit, service time, items).

The table is data (resources/categories.toml), not code, so a street can tune it without a release.
The same file holds the catalogue of emergency items that resources stock (extinguishers, AEDs,
sandbags, drainage pumps, first-aid kits) and says which items a category needs.
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
    items: tuple[str, ...] = ()
    """Catalogue items the case needs on scene, any one of them (empty: none)."""

    def name(self, lang: str = "zh") -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en


@dataclass(frozen=True, slots=True)
class Item:
    """An emergency item that stations and caches stock, and how its coverage is measured.

    ``mode`` is the travel mode that brings it to a household (walk, e_bike, car in
    ``resources/travel.toml``) and ``minutes`` the coverage standard: a household is covered when the
    nearest unit is within that many minutes by road. A place's stock is low (an alarm asks for a
    restock) when it holds fewer than ``low_stock`` of its capacity.
    """

    code: str
    name_zh: str
    name_en: str
    unit_zh: str
    mode: str
    minutes: float
    low_stock: float = 0.5

    def low(self, held: int, capacity: int) -> bool:
        """True if ``held`` units of a shelf for ``capacity`` are too few (never for an empty shelf)."""
        return capacity > 0 and held < self.low_stock * capacity

    def name(self, lang: str = "zh") -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en


class CategoryTable:
    """All categories by code, in file order."""

    def __init__(self, categories: list[Category], items: list[Item] | None = None) -> None:
        self._by_code = {c.code: c for c in categories}
        if len(self._by_code) != len(categories):
            raise ValueError("category table has duplicate codes")
        self.items: dict[str, Item] = {item.code: item for item in items or ()}
        """The item catalogue by code, in file order."""
        if len(self.items) != len(items or ()):
            raise ValueError("item catalogue has duplicate codes")
        for category in categories:
            unknown = [code for code in category.items if code not in self.items]
            if unknown:
                raise ValueError(f"category {category.code} needs unknown items {unknown}")

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
                        items=tuple(row.get("items", ())),
                    )
                )
            except (KeyError, ValueError, TypeError) as exc:
                raise ValueError(f"{path}: category #{index + 1}: bad or missing field: {exc}") from exc
        items = []
        for index, row in enumerate(data.get("item", [])):
            try:
                items.append(
                    Item(
                        code=row["code"],
                        name_zh=row["name_zh"],
                        name_en=row["name_en"],
                        unit_zh=row["unit_zh"],
                        mode=row["mode"],
                        minutes=float(row["minutes"]),
                        low_stock=float(row.get("low_stock", 0.5)),
                    )
                )
            except (KeyError, ValueError, TypeError) as exc:
                raise ValueError(f"{path}: item #{index + 1}: bad or missing field: {exc}") from exc
            if not 0 < items[-1].low_stock <= 1:
                raise ValueError(f"{path}: item {items[-1].code}: low_stock must be in (0, 1], "
                                 f"not {items[-1].low_stock}")
        try:
            return cls(categories, items)
        except ValueError as exc:
            raise ValueError(f"{path}: {exc}") from exc


@cache
def default_categories() -> CategoryTable:
    """The shipped category table (cached: it never changes while the program runs)."""
    return CategoryTable.load(resource_path("categories.toml"))
