"""A deterministic generator of the demo street, calibrated to a real town (DESIGN.md 1.1).

The street lies in south-west Chengdu (about 104.02-104.10 E, 30.56-30.63 N). Its geometry is built in
metres (UTM zone 48N) and converted to WGS84 at the end: an irregular boundary, a slightly irregular
arterial and secondary road lattice and a river cut the street into blocks; communities are grown from
whole blocks (so their borders follow roads and the river), general grids tile each community and
micro-grids tile each general grid (seeded Voronoi cells relaxed by Lloyd's method). Counts follow the
calibration exactly where the design names them (23 communities, 536 micro-grids) and within the
published ranges elsewhere (300-500 households a general grid, 30-100 a micro-grid). Resources
(stations, vehicles, emergency caches) come last, from a random stream of their own, so that adding
them changed nothing else of a street.
"""

from __future__ import annotations

import math
from collections import Counter
from datetime import time

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import substring

from cockpit.street.geo import first_within
from cockpit.street.model import (
    Community,
    DedicatedGrid,
    GeneralGrid,
    MicroGrid,
    Projection,
    Resource,
    Road,
    Sensor,
    Shift,
    StaffMember,
    Stock,
    Street,
)
from cockpit.vocabulary.domain import Department, ResourceKind, SensorKind, StaffKind
from cockpit.vocabulary.sensor_kinds import sensor_kinds

GENERATOR_VERSION = 4
"""Bumped whenever the output for a given seed changes (cache keys include it)."""

DEFAULT_SEED = 20261124
STREET_ID = "jincheng"
EPSG_UTM_48N = 32648
CENTRE_LONLAT = (104.06, 30.595)
AREA_M2 = 55e6
N_COMMUNITIES = 23
N_MICRO_GRIDS = 536
GENERAL_GRID_HOUSEHOLDS = (300, 500)
MICRO_GRID_HOUSEHOLDS = (30, 100)
MICRO_GRIDS_PER_GENERAL = (4, 10)
TARGET_HOUSEHOLDS = 33_000
MEAN_HOUSEHOLD_SIZE = 3.03
"""~100,000 residents in ~33,000 households."""


STAFF_PREFIX = {
    StaffKind.GRID_WORKER: "GW",
    StaffKind.MICRO_GRID_HEAD: "MH",
    StaffKind.VOLUNTEER: "VO",
    StaffKind.PARTY_MEMBER: "PM",
    StaffKind.DEPARTMENT: "DP",
}

SHIFTS = (
    Shift("day", "白班", time(8, 0), time(17, 30)),
    Shift("evening", "晚班", time(17, 30), time(0, 0)),
    Shift("night", "夜班", time(0, 0), time(8, 0)),
)

DEPARTMENT_TEAMS: dict[Department, tuple[str, int, frozenset[str], tuple[float, float, float]]] = {
    Department.CITY_MANAGEMENT: ("城管", 14, frozenset({"general", "inspection"}), (0.6, 0.3, 0.1)),
    Department.POLICE: ("公安", 12, frozenset({"general", "mediation"}), (0.4, 0.3, 0.3)),
    Department.FIRE: ("消防", 8, frozenset({"fire_safety", "first_aid"}), (0.4, 0.3, 0.3)),
    Department.CIVIL_AFFAIRS: ("民政", 5, frozenset({"general", "mediation"}), (1.0, 0.0, 0.0)),
    Department.HEALTH: ("卫健", 8, frozenset({"first_aid"}), (0.5, 0.25, 0.25)),
    Department.EMERGENCY: ("应急", 6, frozenset({"general", "fire_safety", "first_aid"}), (0.4, 0.3, 0.3)),
    Department.MARKET_REGULATION: ("市场监管", 6, frozenset({"inspection"}), (0.8, 0.2, 0.0)),
    Department.HOUSING: ("住建", 4, frozenset({"general", "inspection"}), (1.0, 0.0, 0.0)),
    Department.PROPERTY: ("物业", 16, frozenset({"general"}), (0.6, 0.3, 0.1)),
}
"""Department: (short name, team count, skills, shares of day/evening/night shifts)."""

N_VOLUNTEERS = 280
N_PARTY_MEMBERS_ON_CALL = 230

DEDICATED_COUNTS = {
    "market": 6,
    "school": 8,
    "hospital": 3,
    "office_tower": 6,
    "park": 2,
    "river": 1,
    "street_front": 8,
}

_COMMUNITY_NAMES = (
    ("锦华", "Jinhua"), ("桂溪", "Guixi"), ("芳草", "Fangcao"), ("玉林", "Yulin"), ("紫荆", "Zijing"),
    ("和平", "Heping"), ("新民", "Xinmin"), ("永丰", "Yongfeng"), ("红星", "Hongxing"), ("金桥", "Jinqiao"),
    ("龙腾", "Longteng"), ("太平", "Taiping"), ("双楠", "Shuangnan"), ("清水", "Qingshui"),
    ("桐梓", "Tongzi"), ("石羊", "Shiyang"), ("中和", "Zhonghe"), ("盛兴", "Shengxing"),
    ("长顺", "Changshun"), ("望江", "Wangjiang"), ("青龙", "Qinglong"), ("东升", "Dongsheng"),
    ("光华", "Guanghua"), ("晋阳", "Jinyang"), ("簇桥", "Cuqiao"), ("华兴", "Huaxing"),
    ("兴隆", "Xinglong"), ("复兴", "Fuxing"), ("府南", "Funan"), ("百花", "Baihua"), ("金沙", "Jinsha"),
)
_ROAD_STEMS = (
    "天府", "剑南", "益州", "盛和", "交子", "南华", "新光", "创业", "紫薇", "芳华", "吉泰", "科华",
    "高朋", "锦悦", "天华", "荣华", "盛安", "雅和", "蜀锦", "府城", "锦绣", "桂林", "长庆", "金履",
    "武侯", "丽都", "佳灵", "双元", "龙爪", "新源", "吉庆", "德赛", "云华", "映月", "锦尚", "华府",
)
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
)
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力婷雪琳晨浩宇欣怡涵轩俊佳思远志国淑珍凤波斌鑫蓉"
_CN_DIGITS = "零一二三四五六七八九十"

Xy = tuple[float, float]


def generate_demo_street(seed: int = DEFAULT_SEED) -> Street:
    """Generate the demo street for ``seed``; the same seed always gives an identical street.

    Parameters
    ----------
    seed
        Seed of every random choice (layout, counts, names, sensors, staff).

    Returns
    -------
    Street
        23 communities, 536 micro-grids, ~77 general grids, 34 dedicated grids, ~1,700 sensors and
        ~1,200 staff, with WGS84 geometry and a UTM 48N projection.
    """
    rng = np.random.default_rng(seed)
    projection = Projection(EPSG_UTM_48N)
    origin = projection.to_xy(*CENTRE_LONLAT)
    builder = _Builder(rng, projection, (float(origin[0]), float(origin[1])))
    return builder.build(seed)


class _Builder:
    """Holds the metric intermediate layers while the street is assembled (local metres around 0, 0)."""

    def __init__(self, rng: np.random.Generator, projection: Projection, origin: Xy) -> None:
        self.rng = rng
        self.projection = projection
        self.origin = origin
        self.angle = math.radians(rng.uniform(8.0, 15.0))

    def build(self, seed: int) -> Street:
        rng = self.rng
        boundary = _boundary(rng)
        self.radius = math.sqrt(boundary.area / math.pi)
        roads = self._roads(boundary)
        river = self._river(boundary)
        blocks = _blocks(boundary, [line for _, line in roads] + [river])
        roads += self._local_roads(blocks)
        community_polys = _order(_group_blocks(blocks, N_COMMUNITIES, rng))
        names = [_COMMUNITY_NAMES[i] for i in rng.permutation(len(_COMMUNITY_NAMES))[:N_COMMUNITIES]]

        grids_per_community = _general_grid_counts(community_polys, rng)
        n_general = sum(grids_per_community)
        micro_counts = _micro_counts(n_general, rng)
        general_households = [_general_households(m, TARGET_HOUSEHOLDS / n_general, rng) for m in micro_counts]

        general_polys: list[Polygon] = []
        general_community: list[int] = []
        for c, (poly, k) in enumerate(zip(community_polys, grids_per_community)):
            for tile in _order(_split(poly, k, rng)):
                general_polys.append(tile)
                general_community.append(c)
        micro_polys: list[Polygon] = []
        micro_general: list[int] = []
        micro_households: list[int] = []
        for g, (poly, m) in enumerate(zip(general_polys, micro_counts)):
            micro_polys.extend(_order(_split(poly, m, rng)))
            micro_general.extend([g] * m)
            micro_households.extend(_split_integer(general_households[g], m, *MICRO_GRID_HOUSEHOLDS, rng))

        to_ll = self._to_lonlat_geometries
        boundary_ll, *rest = to_ll([boundary, *community_polys, *general_polys, *micro_polys])
        community_ll = rest[: len(community_polys)]
        general_ll = rest[len(community_polys) : len(community_polys) + n_general]
        micro_ll = rest[len(community_polys) + n_general :]

        micro_grids = self._micro_grids(micro_ll, micro_polys, micro_general, general_community, micro_households, names)
        general_grids = []
        for g, poly in enumerate(general_ll):
            c = general_community[g]
            members = [mg for mg, owner in zip(micro_grids, micro_general) if owner == g]
            general_grids.append(
                GeneralGrid(
                    id=_general_id(c, g - general_community.index(c)),
                    community_id=_community_id(c),
                    name=f"{names[c][0]}社区第{g - general_community.index(c) + 1}网格",
                    polygon=poly,
                    households=sum(mg.households for mg in members),
                    residents=sum(mg.residents for mg in members),
                )
            )
        communities = []
        for c, poly in enumerate(community_ll):
            members = [gg for gg in general_grids if gg.community_id == _community_id(c)]
            communities.append(
                Community(
                    id=_community_id(c),
                    name=f"{names[c][0]}社区",
                    name_en=f"{names[c][1]} Community",
                    polygon=poly,
                    households=sum(gg.households for gg in members),
                    residents=sum(gg.residents for gg in members),
                )
            )

        self.community_stems = [stem for stem, _ in names]
        dedicated_xy = self._dedicated(boundary, roads, river, community_polys)
        dedicated = []
        kind_seen: Counter[str] = Counter()
        dedicated_ll = to_ll([poly for _, _, poly in dedicated_xy])
        for (kind, name, poly), poly_ll in zip(dedicated_xy, dedicated_ll):
            kind_seen[kind] += 1
            owner = majority_owner(poly, community_polys)
            dedicated.append(
                DedicatedGrid(
                    id=f"D-{_DEDICATED_CODE[kind]}{kind_seen[kind]:02d}",
                    kind=kind,
                    name=name,
                    polygon=poly_ll,
                    community_id=None if owner is None else _community_id(owner),
                )
            )
        road_items = [
            Road(id=f"R{i + 1:03d}", name=name, kind=kind, line=line_ll)
            for i, ((kind, line), name, line_ll) in enumerate(
                zip(roads, _road_names(roads, rng), to_ll([line for _, line in roads]))
            )
        ]
        sensors = self._sensors(boundary, micro_grids, micro_polys, roads, dedicated_xy)
        staff = self._staff(communities, general_grids, general_polys, micro_grids, micro_polys)
        resources = _ResourcePlacer(self, seed, roads, river, community_polys, general_polys, micro_polys).place(
            communities, general_grids, micro_grids, dedicated_xy
        )
        return Street(
            id=STREET_ID,
            name="锦城街道",
            name_en="Jincheng Street",
            city="成都市",
            projection=self.projection,
            boundary=boundary_ll,
            communities=tuple(communities),
            general_grids=tuple(general_grids),
            micro_grids=tuple(micro_grids),
            dedicated_grids=tuple(dedicated),
            roads=tuple(road_items),
            sensors=tuple(sensors),
            staff=tuple(staff),
            shifts=SHIFTS,
            seed=seed,
            resources=tuple(resources),
        )

    # -- coordinates -------------------------------------------------------------------------------

    def _to_lonlat_geometries(self, geometries: list[BaseGeometry]) -> list[BaseGeometry]:
        """Local metres → WGS84, all geometries in one projection call."""
        ox, oy = self.origin

        def convert(coords: np.ndarray) -> np.ndarray:
            return np.column_stack(self.projection.to_lonlat(coords[:, 0] + ox, coords[:, 1] + oy))

        return list(shapely.transform(np.asarray(geometries, dtype=object), convert))

    def _to_lonlat_points(self, xy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        ox, oy = self.origin
        lon, lat = self.projection.to_lonlat(xy[:, 0] + ox, xy[:, 1] + oy)
        return np.asarray(lon), np.asarray(lat)

    # -- roads and river ---------------------------------------------------------------------------

    def _roads(self, boundary: Polygon) -> list[tuple[str, BaseGeometry]]:
        """Two families of gently wavering lines (a rotated lattice, like Chengdu's) and one diagonal."""
        rng = self.rng
        extent = self.radius * 1.6
        roads: list[tuple[str, BaseGeometry]] = []
        for family in (0, 1):
            theta = self.angle + family * math.pi / 2
            offset = -extent + rng.uniform(200, 600)
            index = 0
            while offset < extent:
                kind = "arterial" if index % 3 == 1 else "secondary"
                t0, t1 = -extent, extent
                if kind == "secondary" and rng.random() < 0.3:
                    t0 = rng.uniform(-extent, 0.0)
                    t1 = rng.uniform(0.0, extent)
                line = _wavering_line(theta, offset, t0, t1, 45.0 if kind == "arterial" else 70.0, rng)
                clipped = shapely.intersection(line, boundary)
                if not clipped.is_empty and clipped.length > 300:
                    roads.append((kind, clipped))
                offset += rng.uniform(640, 900)
                index += 1
        diagonal = _wavering_line(self.angle + math.pi / 4, rng.uniform(-800, 800), -extent, extent, 40.0, rng)
        roads.append(("arterial", shapely.intersection(diagonal, boundary)))
        return roads

    def _river(self, boundary: Polygon) -> BaseGeometry:
        """A meandering river crossing the street from west to east."""
        rng = self.rng
        extent = self.radius * 1.6
        theta = self.angle - math.radians(rng.uniform(20, 35))
        t = np.arange(-extent, extent + 1, 80.0)
        phase = rng.uniform(0, 2 * math.pi, size=2)
        offset = (
            rng.uniform(-0.35, 0.35) * self.radius
            + 380 * np.sin(t / 1300 + phase[0])
            + 120 * np.sin(t / 370 + phase[1])
        )
        d = np.array([math.cos(theta), math.sin(theta)])
        n = np.array([-d[1], d[0]])
        coords = t[:, None] * d + offset[:, None] * n
        return shapely.intersection(LineString(coords), boundary)

    def _local_roads(self, blocks: list[Polygon]) -> list[tuple[str, BaseGeometry]]:
        """Local streets: one or two chords through each larger block, ending at its roads."""
        rng = self.rng
        locals_: list[tuple[str, BaseGeometry]] = []
        for block in blocks:
            count = int(block.area // 250_000)
            for _ in range(min(count, 2)):
                centre = _random_points(block, 1, rng)[0]
                theta = self.angle + rng.integers(0, 2) * math.pi / 2 + math.radians(rng.uniform(-6, 6))
                d = np.array([math.cos(theta), math.sin(theta)]) * 2000
                chord = shapely.intersection(LineString([centre - d, centre + d]), block)
                for part in shapely.get_parts(chord):
                    if part.geom_type == "LineString" and part.length > 150:
                        locals_.append(("local", part))
        return locals_

    # -- population --------------------------------------------------------------------------------

    def _micro_grids(
        self,
        micro_ll: list[BaseGeometry],
        micro_polys: list[Polygon],
        micro_general: list[int],
        general_community: list[int],
        households: list[int],
        names: list[tuple[str, str]],
    ) -> list[MicroGrid]:
        rng = self.rng
        elderly_rate = rng.uniform(0.025, 0.055, size=N_COMMUNITIES)
        result = []
        for i, poly_ll in enumerate(micro_ll):
            g = micro_general[i]
            c = general_community[g]
            g_local = g - general_community.index(c)
            m_local = i - micro_general.index(g)
            h = households[i]
            residents = int(round(h * float(np.clip(rng.normal(MEAN_HOUSEHOLD_SIZE, 0.2), 2.4, 3.7))))
            centre = micro_polys[i].centroid
            # The outskirts are more rural: more children left behind while parents work in the city.
            rural = min(1.0, math.hypot(centre.x, centre.y) / self.radius) ** 2
            result.append(
                MicroGrid(
                    id=f"{_general_id(c, g_local)}-M{m_local + 1:02d}",
                    general_grid_id=_general_id(c, g_local),
                    community_id=_community_id(c),
                    name=f"{names[c][0]}社区第{g_local + 1}网格第{m_local + 1}微网格",
                    polygon=poly_ll,
                    households=h,
                    residents=residents,
                    elderly_alone=int(rng.binomial(h, elderly_rate[c])),
                    disabled=int(rng.binomial(residents, 0.017)),
                    children_left_behind=int(rng.binomial(residents, 0.002 + 0.01 * rural)),
                )
            )
        return result

    # -- dedicated grids ---------------------------------------------------------------------------

    def _dedicated(
        self,
        boundary: Polygon,
        roads: list[tuple[str, BaseGeometry]],
        river: BaseGeometry,
        community_polys: list[Polygon],
    ) -> list[tuple[str, str, BaseGeometry]]:
        """Places of the dedicated grids in metres: (kind, name, polygon)."""
        rng = self.rng
        inner = boundary.buffer(-350)
        core = inner.intersection(shapely.Point(0, 0).buffer(self.radius * 0.5))
        taken = [river.buffer(60)]
        placed: list[tuple[str, str, BaseGeometry]] = []
        used_names: set[str] = set()

        def name_for(poly: BaseGeometry, suffix: str) -> str:
            owner = majority_owner(poly, community_polys, share=0.0)
            stem = "锦城" if owner is None else self.community_stems[owner]
            name = f"{stem}{suffix}"
            n = 2
            while name in used_names:
                name = f"{stem}{suffix}（{_CN_DIGITS[n]}）"
                n += 1
            used_names.add(name)
            return name

        def place(kind: str, width: float, height: float, region: BaseGeometry, suffix: str) -> None:
            for _ in range(200):
                centre = _random_points(region, 1, rng)[0]
                poly = _rectangle(centre, width, height, self.angle + rng.uniform(-0.05, 0.05))
                if not any(poly.intersects(other) for other in taken):
                    taken.append(poly.buffer(40))
                    placed.append((kind, name_for(poly, suffix), poly))
                    return
            raise RuntimeError(f"no room for a {kind} in the demo street")

        for _ in range(DEDICATED_COUNTS["market"]):
            place("market", 90, 70, inner, "农贸市场")
        for i in range(DEDICATED_COUNTS["school"]):
            place("school", 220, 160, inner, ("小学", "中学", "实验学校")[i % 3])
        for i in range(DEDICATED_COUNTS["hospital"]):
            place("hospital", 160, 120, inner, ("社区卫生服务中心", "人民医院", "中医医院")[i % 3])
        for _ in range(DEDICATED_COUNTS["office_tower"]):
            place("office_tower", 70, 60, core, "国际大厦")
        for _ in range(DEDICATED_COUNTS["park"]):
            place("park", 560, 380, inner, "公园")
        river_area = river.buffer(35, cap_style="flat").intersection(boundary)
        placed.append(("river", "清水河", river_area))
        arterials = [line for kind, line in roads if kind == "arterial" and line.geom_type == "LineString"]
        order = rng.permutation(len(arterials))
        fronts = 0
        for i in range(DEDICATED_COUNTS["street_front"] * 4):
            if fronts == DEDICATED_COUNTS["street_front"]:
                break
            line = arterials[order[i % len(arterials)]]
            length = rng.uniform(700, 1400)
            if line.length < length + 400:
                continue
            start = rng.uniform(200, line.length - length - 200)
            front = substring(line, start, start + length).buffer(30, cap_style="flat")
            if any(front.intersects(other) for other in taken[1:]):
                continue
            taken.append(front.buffer(40))
            placed.append(("street_front", name_for(front, "沿街商铺"), front))
            fronts += 1
        if fronts < DEDICATED_COUNTS["street_front"]:
            raise RuntimeError("no room for the street-front grids in the demo street")
        return placed

    # -- sensors -----------------------------------------------------------------------------------

    def _sensors(
        self,
        boundary: Polygon,
        micro_grids: list[MicroGrid],
        micro_polys: list[Polygon],
        roads: list[tuple[str, BaseGeometry]],
        dedicated_xy: list[tuple[str, str, BaseGeometry]],
    ) -> list[Sensor]:
        rng = self.rng
        households = np.array([m.households for m in micro_grids])
        elderly = np.array([m.elderly_alone for m in micro_grids])
        batches: list[tuple[SensorKind, np.ndarray, bool]] = []

        def in_micro_grids(counts: np.ndarray) -> np.ndarray:
            points = [_random_points(micro_polys[i], int(counts[i]), rng) for i in np.flatnonzero(counts)]
            return np.concatenate(points)

        lines = [line for _, line in roads]
        # Devices on roads keep 20 m inside the street so that their side-step never leaves it.
        inner = boundary.buffer(-20)
        places = {kind: [poly for k, _, poly in dedicated_xy if k == kind] for kind in DEDICATED_COUNTS}

        def households_share(n: int) -> np.ndarray:
            return in_micro_grids(rng.multinomial(n, households / households.sum()))

        def elderly_homes(n: int) -> np.ndarray:
            return in_micro_grids(rng.multivariate_hypergeometric(elderly, n))

        def on_roads(n: int) -> np.ndarray:
            points = _points_on_lines(lines, 2 * n, rng)
            return points[shapely.contains_xy(inner, points[:, 0], points[:, 1])][:n]

        def markets_and_junctions(n: int) -> np.ndarray:
            junctions = _junctions([line for kind, line in roads if kind != "local"])
            junctions = junctions[shapely.contains_xy(inner, junctions[:, 0], junctions[:, 1])]
            at_markets = _points_in_polygons(places["market"] + places["street_front"], n // 4, rng)
            at_junctions = junctions[rng.choice(len(junctions), n - len(at_markets), replace=len(junctions) < n)]
            # A camera stands on a corner of the junction, a few metres off the road centre lines.
            at_junctions = at_junctions + rng.choice([-6.0, 6.0], size=at_junctions.shape)
            return np.concatenate([at_markets, at_junctions])

        def street_front(n: int) -> np.ndarray:
            return _points_in_polygons(places["street_front"] + places["office_tower"], n, rng)

        def spread(n: int) -> np.ndarray:
            candidates = np.concatenate([_random_points(p, 20, rng) for p in micro_polys])
            return _farthest_points(candidates, n, rng)

        placements = {
            "households": households_share, "elderly_homes": elderly_homes, "roads": on_roads,
            "markets_and_junctions": markets_and_junctions, "street_front": street_front, "spread": spread,
        }
        kinds = sensor_kinds()
        for info in kinds.values():
            batches.append((info.kind, placements[info.demo_placement](info.demo_count),
                            info.demo_placement == "elderly_homes"))

        micro_ll = np.asarray([m.polygon for m in micro_grids], dtype=object)
        sensors = []
        for kind, xy, elderly_alone in batches:
            lon, lat = self._to_lonlat_points(xy)
            owner = first_within(micro_ll, lon, lat)
            if (owner < 0).any():
                raise RuntimeError(f"demo street: a {kind} sensor fell outside every micro-grid")
            for n, (x, y, o) in enumerate(zip(lon, lat, owner)):
                sensors.append(
                    Sensor(
                        id=f"{kinds[kind].prefix}-{n + 1:06d}",
                        kind=kind,
                        lon=float(x),
                        lat=float(y),
                        micro_grid_id=micro_grids[o].id,
                        interval_s=kinds[kind].interval_s,
                        elderly_alone=elderly_alone,
                        label=f"{kinds[kind].label} {micro_grids[o].name}",
                    )
                )
        return sensors

    # -- staff -------------------------------------------------------------------------------------

    def _staff(
        self,
        communities: list[Community],
        general_grids: list[GeneralGrid],
        general_polys: list[Polygon],
        micro_grids: list[MicroGrid],
        micro_polys: list[Polygon],
    ) -> list[StaffMember]:
        rng = self.rng
        staff: list[StaffMember] = []
        counters: Counter[StaffKind] = Counter()

        def add(
            kind: StaffKind, xy: np.ndarray, skills: set[str], shift: str, name: str | None = None, **homes: object
        ) -> None:
            counters[kind] += 1
            lon, lat = self._to_lonlat_points(np.asarray(xy, dtype=float).reshape(1, 2))
            staff.append(
                StaffMember(
                    id=f"{STAFF_PREFIX[kind]}-{counters[kind]:04d}",
                    name=name or _person_name(rng),
                    kind=kind,
                    skills=frozenset(skills),
                    shift_id=shift,
                    lon=float(lon[0]),
                    lat=float(lat[0]),
                    **homes,  # type: ignore[arg-type]
                )
            )

        def maybe(skill: str, p: float) -> set[str]:
            return {skill} if rng.random() < p else set()

        def shift(p_day: float, p_evening: float, p_night: float) -> str:
            return str(rng.choice(["day", "evening", "night"], p=[p_day, p_evening, p_night]))

        grid_worker_shift = _grid_worker_shifts(general_grids)
        for g, grid in enumerate(general_grids):
            base = general_polys[g].point_on_surface()
            skills = {"general", "mediation"} | maybe("fire_safety", 0.4) | maybe("first_aid", 0.35) | maybe("inspection", 0.2)
            add(
                StaffKind.GRID_WORKER,
                (base.x, base.y),
                skills,
                grid_worker_shift[grid.id],
                home_community_id=grid.community_id,
                home_general_grid_id=grid.id,
            )
        for m, micro in enumerate(micro_grids):
            base = micro_polys[m].point_on_surface()
            add(
                StaffKind.MICRO_GRID_HEAD,
                (base.x, base.y),
                {"general"} | maybe("mediation", 0.5) | maybe("first_aid", 0.15),
                shift(0.6, 0.4, 0.0),
                home_community_id=micro.community_id,
                home_general_grid_id=micro.general_grid_id,
                home_micro_grid_id=micro.id,
            )
        for m in np.sort(rng.choice(len(micro_grids), N_VOLUNTEERS, replace=False)):
            micro = micro_grids[m]
            add(
                StaffKind.VOLUNTEER,
                _random_points(micro_polys[m], 1, rng)[0],
                {"general"} | maybe("first_aid", 0.25) | maybe("mediation", 0.15),
                shift(0.5, 0.4, 0.1),
                home_community_id=micro.community_id,
                home_general_grid_id=micro.general_grid_id,
                home_micro_grid_id=micro.id,
            )
        for g in np.sort(rng.choice(len(general_grids), N_PARTY_MEMBERS_ON_CALL, replace=True)):
            grid = general_grids[g]
            add(
                StaffKind.PARTY_MEMBER,
                _random_points(general_polys[g], 1, rng)[0],
                {"general", "mediation"} | maybe("first_aid", 0.2) | maybe("fire_safety", 0.1),
                shift(0.4, 0.35, 0.25),
                home_community_id=grid.community_id,
                home_general_grid_id=grid.id,
            )
        core = shapely.Point(0, 0).buffer(self.radius * 0.45)
        for department, (short, teams, skills, shares) in DEPARTMENT_TEAMS.items():
            station = _random_points(core, 1, rng)[0]
            for t in range(teams):
                add(
                    StaffKind.DEPARTMENT,
                    station + rng.normal(0, 15, size=2),
                    set(skills),
                    shift(*shares),
                    name=f"{short}{t + 1}组 {_person_name(rng)}",
                    department=department,
                )
        return staff


# -- resources -------------------------------------------------------------------------------------

RESOURCE_STREAM = 18
"""Resources draw from ``default_rng([seed, RESOURCE_STREAM])``: the rest of a street keeps its draws."""

N_GRID_STATIONS = 2
"""Grid work stations (网格工作站), in the communities with the most households."""
N_E_BIKES = 40
N_CARS = 6
N_CACHES = 120

STATION_HOURS = ((time(9, 0), time(12, 0)), (time(13, 30), time(17, 30)))
STATION_LATE_HOURS = ((time(9, 0), time(12, 0)), (time(13, 30), time(20, 30)))
"""错时延时服务: about a third of the community stations stay open into the evening."""
CENTRE_HOURS = ((time(8, 30), time(18, 0)),)
GRID_STATION_HOURS = ((time(8, 0), time(20, 0)),)

CACHE_HOURS = {
    "school": ((time(7, 0), time(18, 0)),),
    "market": ((time(6, 0), time(20, 0)),),
    "park": ((time(6, 0), time(22, 0)),),
}
"""Caches inside a place open only while it is; the rest (hospitals, towers, outdoor cabinets) round the clock."""

CACHE_STOCK = {
    "station": {"extinguisher": 6, "first_aid_kit": 3},
    "school": {"extinguisher": 20, "first_aid_kit": 5},
    "market": {"extinguisher": 12, "first_aid_kit": 2},
    "hospital": {"extinguisher": 15, "first_aid_kit": 10, "aed": 2},
    "office_tower": {"extinguisher": 15, "first_aid_kit": 2, "aed": 1},
    "park": {"extinguisher": 4, "first_aid_kit": 2, "aed": 1},
    "street_front": {"extinguisher": 8, "first_aid_kit": 1},
    "residential": {"extinguisher": 6},
}
"""Capacity per item of a cache by the place that hosts it (stock is drawn at or below it)."""

AED_SHARE = {"station": 0.35, "school": 0.6, "market": 0.3}
"""Share of these hosts that also keep one AED: public AEDs are still sparse in Chinese streets."""
CONSUMABLES = ("extinguisher", "first_aid_kit", "sandbag")
LOW_STOCK_SHARE = 0.15
"""Share of consumable stocks used and not yet restocked."""
FLOOD_DEPOT = {"pump": 4, "sandbag": 600}
"""The street's flood-control depot (防汛物资仓库), kept at the party-mass service centre."""
RIVERSIDE_FLOOD_CACHES = 4
"""Residential caches nearest the river that also keep a pump and sandbags."""
RIVERSIDE_FLOOD_STOCK = {"pump": 1, "sandbag": 150}

RESOURCE_PREFIX = {"station": "STN", "e_bike": "EBK", "car": "CAR", "cache": "CCH"}
_CAR_NAMES = ("综合执法车", "应急保障车", "巡逻车")


def _inside(polygon: BaseGeometry) -> np.ndarray:
    point = polygon.point_on_surface()
    return np.array([point.x, point.y])


class _ResourcePlacer:
    """Places the stations, vehicles and caches of a street the way a real street has them.

    Stations face a road in the middle of their community; vehicles park at stations, more where
    more households are; caches sit at stations, schools, markets, hospitals, towers, parks, street
    fronts and residential blocks (more where more households live); AEDs are few.
    """

    def __init__(self, builder: _Builder, seed: int, roads, river, community_polys, general_polys, micro_polys) -> None:
        self.builder = builder
        self.rng = np.random.default_rng([seed, RESOURCE_STREAM])
        self.roads = [line for _, line in roads]
        self.river = river
        self.community_polys = community_polys
        self.general_polys = general_polys
        self.micro_polys = micro_polys
        self.resources: list[tuple[dict, np.ndarray]] = []

    def place(self, communities, general_grids, micro_grids, dedicated_xy) -> list[Resource]:
        stations = self._stations(communities, general_grids)
        self._vehicles(stations, communities)
        self._caches(stations, micro_grids, dedicated_xy)
        return self._finish(micro_grids)

    def _add(self, xy: np.ndarray, **fields) -> str:
        prefix = RESOURCE_PREFIX[fields["type"] if fields["kind"] is ResourceKind.VEHICLE else fields["kind"].value]
        number = sum(1 for f, _ in self.resources if f["id"].startswith(prefix)) + 1
        fields["id"] = f"{prefix}-{number:04d}"
        self.resources.append((fields, np.asarray(xy, dtype=float)))
        return fields["id"]

    def _beside_road(self, target: np.ndarray, area: Polygon, setback: float = 15.0) -> np.ndarray:
        """A point ``setback`` metres off the road nearest ``target`` inside ``area``, on ``target``'s side."""
        point = shapely.Point(target)
        inside = [part for line in self.roads for part in shapely.get_parts(shapely.intersection(line, area))
                  if part.geom_type == "LineString" and not part.is_empty]
        if not inside:
            return target
        road = min(inside, key=point.distance)
        on_road = road.interpolate(road.project(point))
        away = np.asarray(target) - np.array([on_road.x, on_road.y])
        norm = float(np.hypot(*away))
        if norm < 1e-6:
            return target
        candidate = np.array([on_road.x, on_road.y]) + away / norm * min(setback, norm)
        return candidate if area.contains(shapely.Point(candidate)) else target

    def _stations(self, communities, general_grids) -> list[tuple[str, np.ndarray, int, str]]:
        """Every station as (id, position, community index, name)."""
        rng = self.rng
        stations = []
        centre_owner = int(np.argmin([p.distance(shapely.Point(0, 0)) for p in self.community_polys]))
        centre_area = self.community_polys[centre_owner]
        centre_target = np.array([0.0, 0.0]) if centre_area.contains(shapely.Point(0, 0)) else _inside(centre_area)
        xy = self._beside_road(centre_target, centre_area)
        name = "锦城街道党群服务中心"
        stations.append((self._add(xy, kind=ResourceKind.STATION, type="party_mass_centre", name=name,
                                   staff=int(rng.integers(8, 13)), hours=CENTRE_HOURS), xy, centre_owner, name))
        for c, community in enumerate(communities):
            area = self.community_polys[c]
            xy = self._beside_road(_inside(area), area)
            hours = STATION_LATE_HOURS if rng.random() < 1 / 3 else STATION_HOURS
            name = f"{community.name}党群服务站"
            stations.append((self._add(xy, kind=ResourceKind.STATION, type="party_mass_station", name=name,
                                       staff=int(rng.integers(3, 7)), hours=hours), xy, c, name))
        busiest = np.argsort([-c.households for c in communities], kind="stable")[:N_GRID_STATIONS]
        for c in sorted(int(i) for i in busiest):
            community_station = next(xy for _, xy, owner, _ in stations[1:] if owner == c)
            grids = [g for g, grid in enumerate(general_grids) if grid.community_id == communities[c].id]
            far = max(grids, key=lambda g: float(np.hypot(*(_inside(self.general_polys[g]) - community_station))))
            area = self.general_polys[far]
            xy = self._beside_road(_inside(area), area)
            name = f"{general_grids[far].name}工作站"
            stations.append((self._add(xy, kind=ResourceKind.STATION, type="grid_station", name=name,
                                       staff=int(rng.integers(2, 4)), hours=GRID_STATION_HOURS), xy, c, name))
        return stations

    def _vehicles(self, stations, communities) -> None:
        rng = self.rng
        centre, community_stations, grid_stations = stations[0], stations[1:1 + len(communities)], stations[1 + len(communities):]
        bikes = {centre[0]: 4} | {s[0]: 2 for s in grid_stations}
        left = N_E_BIKES - sum(bikes.values())
        households = np.array([communities[s[2]].households for s in community_stations], dtype=float)
        share = 1 + (left - len(community_stations)) * households / households.sum()
        counts = np.floor(share).astype(int)
        for i in np.argsort(-(share - counts), kind="stable")[: left - counts.sum()]:
            counts[i] += 1
        bikes |= {s[0]: int(n) for s, n in zip(community_stations, counts)}
        positions = {s[0]: s[1] for s in stations}
        number = 0
        for station_id, count in bikes.items():
            for _ in range(count):
                number += 1
                self._add(positions[station_id] + rng.normal(0, 4, 2), kind=ResourceKind.VEHICLE, type="e_bike",
                          name=f"巡逻电动车{number:02d}", base_id=station_id)
        far = sorted(community_stations, key=lambda s: -float(np.hypot(*(s[1] - centre[1]))))
        homes = [centre] * (N_CARS // 2) + far[: N_CARS - N_CARS // 2]
        for k, (station_id, xy, _, _) in enumerate(homes):
            kind_name = _CAR_NAMES[k] if k < len(_CAR_NAMES) else _CAR_NAMES[-1]
            serial = sum(1 for f, _ in self.resources if f["name"].startswith(kind_name)) + 1
            self._add(xy + rng.normal(0, 4, 2), kind=ResourceKind.VEHICLE, type="car",
                      name=f"{kind_name}{_CN_DIGITS[serial]}号", base_id=station_id)

    def _caches(self, stations, micro_grids, dedicated_xy) -> None:
        rng = self.rng
        hours_of = {f["id"]: f.get("hours", ()) for f, _ in self.resources}
        for k, (station_id, xy, _, name) in enumerate(stations):
            stock = dict(CACHE_STOCK["station"])
            if k == 0:
                stock |= FLOOD_DEPOT | {"aed": 1}
            elif rng.random() < AED_SHARE["station"]:
                stock["aed"] = 1
            self._add(xy + rng.normal(0, 3, 2), kind=ResourceKind.CACHE, type="station", name=f"{name}应急物资柜",
                      stock=stock, hours=hours_of[station_id], base_id=station_id)
        hosted = [(kind, name, poly) for kind, name, poly in dedicated_xy if kind in CACHE_STOCK]
        for kind, name, poly in hosted:
            stock = dict(CACHE_STOCK[kind])
            if rng.random() < AED_SHARE.get(kind, 0.0):
                stock["aed"] = 1
            xy = _random_points(poly.buffer(-10) if poly.buffer(-10).area > 0 else poly, 1, rng)[0]
            self._add(xy, kind=ResourceKind.CACHE, type=kind, name=f"{name}应急物资点", stock=stock,
                      hours=CACHE_HOURS.get(kind, ()))
        n_residential = N_CACHES - len(stations) - len(hosted)
        households = np.array([m.households for m in micro_grids], dtype=float)
        chosen = np.sort(rng.choice(len(micro_grids), n_residential, replace=False, p=households / households.sum()))
        river_distance = np.array([self.micro_polys[m].distance(self.river) for m in chosen])
        riverside = set(chosen[np.argsort(river_distance, kind="stable")[:RIVERSIDE_FLOOD_CACHES]].tolist())
        for m in chosen:
            stock = dict(CACHE_STOCK["residential"])
            if rng.random() < 0.6:
                stock["first_aid_kit"] = 1
            if m in riverside:
                stock |= RIVERSIDE_FLOOD_STOCK
            self._add(_random_points(self.micro_polys[m], 1, rng)[0], kind=ResourceKind.CACHE, type="residential",
                      name=f"{micro_grids[m].name}应急物资点", stock=stock)

    def _finish(self, micro_grids) -> list[Resource]:
        rng = self.rng
        xy = np.array([p for _, p in self.resources])
        lon, lat = self.builder._to_lonlat_points(xy)
        owner = first_within(np.asarray([m.polygon for m in micro_grids], dtype=object), lon, lat)
        if (owner < 0).any():
            raise RuntimeError("demo street: a resource fell outside every micro-grid")
        resources = []
        for (fields, _), x, y, o in zip(self.resources, lon, lat, owner):
            stock = []
            for item, capacity in sorted(fields.pop("stock", {}).items()):
                low = item in CONSUMABLES and rng.random() < LOW_STOCK_SHARE
                stock.append(Stock(item, int(rng.integers(0, capacity)) if low else capacity, capacity))
            resources.append(Resource(lon=float(x), lat=float(y), micro_grid_id=micro_grids[o].id,
                                      stock=tuple(stock), **fields))
        return resources


# -- geometry helpers ------------------------------------------------------------------------------


def _grid_worker_shifts(general_grids) -> dict[str, str]:
    """Nights are thin, evenings busy: the shift of each community's full-time grid workers.

    Neighbouring communities share night duty in pairs (C01 with C02, C03 with C04, ...; the
    generator numbers communities so that each such pair touches): the first of a pair keeps one grid
    worker on nights for both. Every community keeps one on evenings, the resident-report peak
    after work (a community without a night worker two); the rest work days. Night duty rotates in
    practice; the roster fixes it so that a staffing plan has someone to add or remove per shift.
    """
    by_community: dict[str, list[str]] = {}
    for grid in general_grids:
        by_community.setdefault(grid.community_id, []).append(grid.id)
    shifts: dict[str, str] = {}
    for k, community in enumerate(sorted(by_community)):
        ids = by_community[community]
        night = k % 2 == 0
        for m, grid_id in enumerate(reversed(ids)):
            if m == 0:
                shifts[grid_id] = "night" if night else "evening"
            else:
                shifts[grid_id] = "evening" if m == 1 else "day"
    return shifts


def _boundary(rng: np.random.Generator) -> Polygon:
    """An irregular, star-shaped outline of AREA_M2 (a few low harmonics plus vertex noise)."""
    theta = np.linspace(0, 2 * math.pi, 120, endpoint=False)
    radius = np.ones_like(theta)
    for k in range(2, 9):
        radius += rng.uniform(0.04, 0.11) / (k / 2) * np.cos(k * theta + rng.uniform(0, 2 * math.pi))
    # Smoothed vertex noise: a boundary that follows field edges and streams, not a drawn curve.
    noise = rng.normal(0, 0.025, size=theta.size)
    radius += np.convolve(np.concatenate([noise[-2:], noise, noise[:2]]), np.ones(5) / 5, mode="valid")
    xy = np.column_stack([1.12 * radius * np.cos(theta), 0.9 * radius * np.sin(theta)])
    poly = Polygon(xy)
    factor = math.sqrt(AREA_M2 / poly.area)
    return shapely.transform(poly, lambda c: c * factor)


def _wavering_line(theta: float, offset: float, t0: float, t1: float, wobble: float, rng: np.random.Generator) -> LineString:
    """A road line along direction ``theta`` at lateral ``offset``, wavering smoothly by ~``wobble`` m."""
    t = np.linspace(t0, t1, max(2, int((t1 - t0) / 350) + 1))
    steps = rng.normal(0, wobble / 3, size=t.size)
    lateral = np.clip(offset + np.cumsum(steps) - steps.mean() * np.arange(t.size), offset - wobble, offset + wobble)
    d = np.array([math.cos(theta), math.sin(theta)])
    n = np.array([-d[1], d[0]])
    return LineString(t[:, None] * d + lateral[:, None] * n)


def _blocks(boundary: Polygon, lines: list[BaseGeometry]) -> list[Polygon]:
    """The faces of the noded road and river network inside the boundary."""
    noded = shapely.unary_union([boundary.exterior, *lines])
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(noded)))
    return [face for face in faces if face.area > 1.0]


def _group_blocks(blocks: list[Polygon], n: int, rng: np.random.Generator) -> list[Polygon]:
    """Grow ``n`` contiguous groups of blocks from spread-out seeds, always extending the smallest group."""
    count = len(blocks)
    if count < n:
        raise RuntimeError(f"only {count} blocks for {n} communities")
    areas = shapely.area(np.asarray(blocks, dtype=object))
    tree = shapely.STRtree(blocks)
    left, right = tree.query(blocks, predicate="intersects")
    keep = left < right
    left, right = left[keep], right[keep]
    borders = np.asarray(blocks, dtype=object)
    shared = shapely.length(shapely.intersection(shapely.boundary(borders[left]), shapely.boundary(borders[right])))
    neighbours: list[dict[int, float]] = [dict() for _ in range(count)]
    for a, b, length in zip(left, right, shared):
        if length > 1.0:
            neighbours[a][int(b)] = float(length)
            neighbours[b][int(a)] = float(length)

    centres = np.column_stack([shapely.get_x(shapely.centroid(borders)), shapely.get_y(shapely.centroid(borders))])
    eligible = np.flatnonzero(areas >= 0.5 * np.median(areas))
    seeds = eligible[_farthest_indices(centres[eligible], n, rng)]
    owner = np.full(count, -1)
    owner[seeds] = np.arange(n)
    group_area = areas[seeds].astype(float)
    closed = np.zeros(n, dtype=bool)
    while (owner < 0).any() and not closed.all():
        g = int(np.argmin(np.where(closed, np.inf, group_area)))
        frontier: dict[int, float] = {}
        for block in np.flatnonzero(owner == g):
            for other, length in neighbours[block].items():
                if owner[other] < 0:
                    frontier[other] = frontier.get(other, 0.0) + length
        if not frontier:
            closed[g] = True
            continue
        best = max(frontier, key=lambda b: (frontier[b], -b))
        owner[best] = g
        group_area[g] += areas[best]
    for block in np.flatnonzero(owner < 0):
        owner[block] = owner[max(neighbours[block], key=neighbours[block].get)]
    return [_single(shapely.unary_union(borders[owner == g])) for g in range(n)]


def _single(geometry: BaseGeometry) -> Polygon:
    """The polygon of an area that must be one piece (fails loudly if it is not)."""
    if geometry.geom_type != "Polygon":
        raise RuntimeError(f"demo street: expected one polygon, got {geometry.geom_type}")
    return geometry


def _split(parent: Polygon, k: int, rng: np.random.Generator, iterations: int = 4) -> list[Polygon]:
    """Tile ``parent`` with ``k`` single polygons: Voronoi cells of seeded points, Lloyd-relaxed, clipped."""
    points = _random_points(parent, k, rng)
    for _ in range(iterations):
        cells = _voronoi_cells(parent, points)
        centroids = shapely.centroid(cells)
        inside = shapely.contains(parent, centroids)
        surface = shapely.point_on_surface(cells)
        moved = np.where(inside, centroids, surface)
        points = np.column_stack([shapely.get_x(moved), shapely.get_y(moved)])
    return _merge_fragments(list(_voronoi_cells(parent, points)))


def _voronoi_cells(parent: Polygon, points: np.ndarray) -> np.ndarray:
    diagram = shapely.voronoi_polygons(shapely.multipoints(points), extend_to=parent, ordered=True)
    return shapely.intersection(shapely.get_parts(diagram), parent)


def _merge_fragments(cells: list[BaseGeometry]) -> list[Polygon]:
    """Keep each cell's largest piece; hand smaller pieces (cut off by a concave parent) to a neighbour."""
    pieces = [[p for p in shapely.get_parts(cell) if p.geom_type == "Polygon" and p.area > 0] for cell in cells]
    main = [max(parts, key=lambda p: p.area) for parts in pieces]
    for i, parts in enumerate(pieces):
        for part in parts:
            if part is main[i]:
                continue
            shared = [
                (shapely.length(shapely.intersection(part.boundary, main[j].boundary)), j)
                for j in range(len(main))
                if j != i
            ]
            length, j = max(shared)
            if length <= 0:
                raise RuntimeError("demo street: a cut-off piece of a cell touches no neighbour")
            main[j] = _single(shapely.unary_union([main[j], part]))
    return main


def _order(polygons: list[Polygon]) -> list[Polygon]:
    """Reading order (north to south in bands, then west to east) so numbers run like a map."""
    points = [p.point_on_surface() for p in polygons]
    band = max(1.0, math.sqrt(sum(p.area for p in polygons) / len(polygons)))
    keys = [(-math.floor(pt.y / band), pt.x) for pt in points]
    return [polygons[i] for i in sorted(range(len(polygons)), key=keys.__getitem__)]


def _random_points(polygon: BaseGeometry, n: int, rng: np.random.Generator) -> np.ndarray:
    """``n`` uniform points strictly inside ``polygon`` (rejection sampling in its bounding box)."""
    if n == 0:
        return np.empty((0, 2))
    minx, miny, maxx, maxy = polygon.bounds
    shapely.prepare(polygon)
    found: list[np.ndarray] = []
    total = 0
    batch = max(16, 4 * n)
    while total < n:
        xy = np.column_stack([rng.uniform(minx, maxx, batch), rng.uniform(miny, maxy, batch)])
        xy = xy[shapely.contains_xy(polygon, xy[:, 0], xy[:, 1])]
        found.append(xy)
        total += len(xy)
    return np.concatenate(found)[:n]


def _points_in_polygons(polygons: list[BaseGeometry], n: int, rng: np.random.Generator) -> np.ndarray:
    counts = rng.multinomial(n, np.full(len(polygons), 1 / len(polygons)))
    return np.concatenate([_random_points(p, int(c), rng) for p, c in zip(polygons, counts)])


def _points_on_lines(lines: list[BaseGeometry], n: int, rng: np.random.Generator) -> np.ndarray:
    """``n`` points spread along ``lines`` by length, 2-4 m to one side of the centre line."""
    lengths = np.array([line.length for line in lines])
    which = rng.choice(len(lines), size=n, p=lengths / lengths.sum())
    points = []
    for i in which:
        line = lines[i]
        at = rng.uniform(0, line.length)
        a = line.interpolate(max(0.0, at - 1.0))
        b = line.interpolate(min(line.length, at + 1.0))
        d = np.array([b.x - a.x, b.y - a.y])
        d /= max(np.linalg.norm(d), 1e-9)
        side = rng.choice([-1.0, 1.0]) * rng.uniform(2.0, 4.0)
        p = line.interpolate(at)
        points.append([p.x - d[1] * side, p.y + d[0] * side])
    return np.array(points)


def _junctions(lines: list[BaseGeometry]) -> np.ndarray:
    """Crossing points of the major roads."""
    array = np.asarray(lines, dtype=object)
    left, right = shapely.STRtree(array).query(array, predicate="crosses")
    keep = left < right
    crossings = shapely.intersection(array[left[keep]], array[right[keep]])
    return shapely.get_coordinates(crossings)


def _farthest_indices(points: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    chosen = [int(rng.integers(len(points)))]
    distance = np.hypot(*(points - points[chosen[0]]).T)
    for _ in range(n - 1):
        nxt = int(np.argmax(distance))
        chosen.append(nxt)
        distance = np.minimum(distance, np.hypot(*(points - points[nxt]).T))
    return np.array(chosen)


def _farthest_points(points: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    return points[_farthest_indices(points, n, rng)]


def _rectangle(centre: np.ndarray, width: float, height: float, theta: float) -> Polygon:
    d = np.array([math.cos(theta), math.sin(theta)])
    n = np.array([-d[1], d[0]])
    corners = [centre + sx * width / 2 * d + sy * height / 2 * n for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1))]
    return Polygon(corners)


def majority_owner(poly: BaseGeometry, owners: list[Polygon], share: float = 0.6) -> int | None:
    """The owner holding the largest part of ``poly`` if that part is at least ``share`` of it."""
    overlap = shapely.area(shapely.intersection(np.asarray(owners, dtype=object), poly))
    best = int(np.argmax(overlap))
    return best if overlap[best] >= share * poly.area and overlap[best] > 0 else None


# -- counts ----------------------------------------------------------------------------------------


def _general_grid_counts(community_polys: list[Polygon], rng: np.random.Generator) -> list[int]:
    """3 general grids per community, one more for the larger ones, ~75-80 in all."""
    total = int(rng.integers(75, 81))
    counts = [3] * len(community_polys)
    by_area = np.argsort([-p.area for p in community_polys], kind="stable")
    for i in range(total - sum(counts)):
        counts[by_area[i % len(by_area)]] += 1
    return counts


def _micro_counts(n_general: int, rng: np.random.Generator) -> list[int]:
    """Micro-grids per general grid, within 4-10, summing to exactly N_MICRO_GRIDS."""
    low, high = MICRO_GRIDS_PER_GENERAL
    counts = np.clip(np.rint(rng.normal(N_MICRO_GRIDS / n_general, 1.2, n_general)), low + 1, high - 1).astype(int)
    while counts.sum() != N_MICRO_GRIDS:
        step = 1 if counts.sum() < N_MICRO_GRIDS else -1
        movable = np.flatnonzero((counts + step >= low) & (counts + step <= high))
        counts[rng.choice(movable)] += step
    return [int(c) for c in counts]


def _general_households(micro: int, mean: float, rng: np.random.Generator) -> int:
    """Households of a general grid around ``mean``, feasible for its ``micro`` micro-grids."""
    low = max(GENERAL_GRID_HOUSEHOLDS[0], MICRO_GRID_HOUSEHOLDS[0] * micro)
    high = min(GENERAL_GRID_HOUSEHOLDS[1], MICRO_GRID_HOUSEHOLDS[1] * micro)
    return int(np.clip(round(rng.normal(mean, 45)), low, high))


def _split_integer(total: int, parts: int, low: int, high: int, rng: np.random.Generator) -> list[int]:
    """Split ``total`` into ``parts`` integers in [low, high], uneven like real buildings."""
    values = np.full(parts, low)
    remaining = total - low * parts
    weights = rng.dirichlet(np.full(parts, 4.0))
    while remaining > 0:
        weights = np.where(values < high, weights, 0.0)
        share = rng.multinomial(remaining, weights / weights.sum())
        add = np.minimum(share, high - values)
        values += add
        remaining -= int(add.sum())
    return [int(v) for v in values]


# -- names and ids ---------------------------------------------------------------------------------

_DEDICATED_CODE = {
    "market": "MKT",
    "school": "SCH",
    "hospital": "HSP",
    "office_tower": "OFC",
    "park": "PRK",
    "river": "RIV",
    "street_front": "SFR",
}


def _community_id(index: int) -> str:
    return f"C{index + 1:02d}"


def _general_id(community: int, local: int) -> str:
    return f"{_community_id(community)}-G{local + 1:02d}"


def _road_names(roads: list[tuple[str, BaseGeometry]], rng: np.random.Generator) -> list[str]:
    stems = [_ROAD_STEMS[i] for i in rng.permutation(len(_ROAD_STEMS))]
    suffix = {"arterial": "大道", "secondary": "路", "local": "街"}
    names = []
    used: Counter[str] = Counter()
    for i, (kind, _) in enumerate(roads):
        base = f"{stems[i % len(stems)]}{suffix[kind]}"
        used[base] += 1
        names.append(base if used[base] == 1 else f"{stems[i % len(stems)]}{_CN_DIGITS[min(used[base], 10)]}{suffix[kind]}")
    return names


def _person_name(rng: np.random.Generator) -> str:
    surname = _SURNAMES[min(int(rng.exponential(18)), len(_SURNAMES) - 1)]
    given = "".join(rng.choice(list(_GIVEN), size=int(rng.choice([1, 2], p=[0.3, 0.7]))))
    return surname + given
