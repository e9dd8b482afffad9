"""Resources live: the twin folds dispatches, arrivals, returns, use and restock; low stock alarms; offers by road."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from cockpit.item_offers import dispatch_item, item_offers
from cockpit.security.authorizer import Authorizer
from cockpit.security.permissions import PermissionDenied, Role, User
from cockpit.sla import live_derivers
from cockpit.stock import StockMonitor, low_items
from cockpit.travel.model import RoadTravel, street_travel
from cockpit.twin import LOW_STOCK, TwinError, TwinState
from cockpit.vocabulary.domain import AlarmState, ResourceStatus, Source
from cockpit.vocabulary.events import (
    CaseReported,
    ClockTick,
    ItemRestocked,
    ItemUsed,
    ResourceArrived,
    ResourceDispatched,
    ResourceReturned,
    VehicleMoved,
    decode,
    encode,
)
from tests.core.tiny import DLAT, DLON, LAT0, LON0, centre, tiny_street_with_resources

T0 = datetime(2026, 11, 24, 2, 0, tzinfo=timezone.utc)  # 10:00 in Shanghai: the depot is open


def twin_with_case(category: str = "drainage_flooding", col_row=(3.5, 1.5), derivers=None) -> TwinState:
    twin = TwinState(tiny_street_with_resources(), derivers=live_derivers() if derivers is None else derivers)
    twin.tick(T0)
    micro = twin.street.micro_grid("C02-G02-M02")
    lon, lat = centre(*col_row)
    twin.apply(CaseReported(T0, "K1", category, Source.RESIDENT, lon, lat, micro.id, micro.general_grid_id,
                            micro.community_id))
    return twin


def test_an_item_goes_out_arrives_and_comes_back():
    twin = twin_with_case()
    depot = twin.resources["STN-1"]
    twin.dispatch_resource("K1", "STN-1", "op", item="pump", count=1, at=T0)
    assert depot.stock["pump"] == 1 and depot.units_out("pump") == 1 and depot.held("pump") == 2
    assert depot.status is ResourceStatus.DISPATCHED and depot.free  # a station keeps serving from its shelf
    twin.apply(ResourceArrived(T0 + timedelta(minutes=9), "STN-1", "K1"))
    assert depot.status is ResourceStatus.ON_SCENE
    assert [(r.id, a.item, a.count) for r, a in twin.sent_to("K1")] == [("STN-1", "pump", 1)]
    twin.apply(ResourceReturned(T0 + timedelta(hours=2), "STN-1", "K1"))
    assert depot.stock["pump"] == 2 and not depot.out and depot.status is ResourceStatus.AVAILABLE


def test_a_vehicle_serves_one_case_at_a_time_and_follows_its_tracker():
    twin = twin_with_case()
    micro = twin.street.micro_grid("C01-G01-M01")
    twin.apply(CaseReported(T0, "K2", "drainage_flooding", Source.RESIDENT, *centre(0, 0), micro.id,
                            micro.general_grid_id, micro.community_id))
    twin.dispatch_resource("K1", "CAR-1", "op", at=T0)
    with pytest.raises(TwinError, match="out on case K1"):
        twin.dispatch_resource("K2", "CAR-1", "op", at=T0)
    lon, lat = centre(2, 0)
    twin.apply(VehicleMoved(T0 + timedelta(minutes=3), "CAR-1", lon, lat))
    car = twin.resources["CAR-1"]
    assert (car.lon, car.lat, car.last_seen) == (lon, lat, T0 + timedelta(minutes=3))
    x, y = twin.street.projection.to_xy(lon, lat)
    assert (car.x, car.y) == pytest.approx((x, y))
    with pytest.raises(TwinError, match="not a vehicle"):
        twin.apply(VehicleMoved(T0, "CCH-1", lon, lat))


@pytest.mark.parametrize("event, message", [
    (ResourceDispatched(T0, "STN-1", "K1", "pump", 3), "has 2 pump on the shelf, not 3"),
    (ResourceDispatched(T0, "STN-1", "K1", "aed", 1), "has 0 aed on the shelf"),
    (ResourceDispatched(T0, "STN-1", "K1"), "not a vehicle: say which item"),
    (ResourceDispatched(T0, "NOPE", "K1", "pump"), "unknown resource"),
    (ResourceDispatched(T0, "STN-1", "K9", "pump"), "no such case"),
    (ResourceArrived(T0, "STN-1", "K1"), "nothing of it is out on case K1"),
    (ItemUsed(T0, "CCH-1", "pump", 2), "1 pump on the shelf, cannot use 2"),
    (ItemRestocked(T0, "CCH-1", "rope", 2), "not an item of the catalogue"),
    (ItemRestocked(T0, "CCH-1", "pump", 0), "at least one"),
])
def test_what_cannot_happen_is_refused_and_changes_nothing(event, message):
    twin = twin_with_case()
    before = {r.id: (dict(r.stock), dict(r.out)) for r in twin.resources.values()}
    with pytest.raises(TwinError, match=message):
        twin.apply(event)
    assert {r.id: (dict(r.stock), dict(r.out)) for r in twin.resources.values()} == before


def test_nothing_is_sent_to_a_case_that_left_the_loop():
    twin = twin_with_case()
    twin.reject("K1", "op", "not a case", at=T0)
    with pytest.raises(TwinError, match="rejected"):
        twin.dispatch_resource("K1", "STN-1", "op", item="pump", at=T0)


def test_using_up_stock_raises_a_low_stock_alarm_that_is_acknowledged_and_cleared_by_restock():
    twin = twin_with_case("fire_hazard", col_row=(0.2, 0.2))
    twin.dispatch_resource("K1", "STN-1", "op", item="extinguisher", count=5, at=T0)
    assert not twin.resources["STN-1"].low_alarms  # out on a case, still the depot's
    later = T0 + timedelta(minutes=40)
    applied = twin.apply(ItemUsed(later, "STN-1", "extinguisher", 4, case_id="K1", actor="GW-C01-G01"))
    raised = [e for e in applied if getattr(e, "alarm_kind", None) == LOW_STOCK]
    assert len(raised) == 1
    alarm = twin.alarms[raised[0].alarm_id]
    assert (alarm.resource_id, alarm.detail, alarm.area_id) == ("STN-1", "extinguisher", "C01-G01-M01")
    assert alarm.needs_attention and twin.resources["STN-1"].low_alarms == {"extinguisher": alarm.id}
    twin.apply(ResourceReturned(later, "STN-1", "K1"))
    assert twin.resources["STN-1"].stock["extinguisher"] == 2  # the four used stay used
    twin.acknowledge(alarm.id, "op", at=later)
    assert alarm.state is AlarmState.ACKNOWLEDGED
    twin.apply(ItemRestocked(later + timedelta(hours=1), "STN-1", "extinguisher", 1))
    assert alarm.state is AlarmState.CLEARED  # 3 of 6 is not below half
    assert not twin.resources["STN-1"].low_alarms


def test_stock_already_low_when_the_twin_starts_alarms_on_the_first_tick_once():
    twin = TwinState(tiny_street_with_resources(), derivers=[StockMonitor()])
    twin.apply(ItemUsed(T0, "CCH-2", "aed", 1))  # the cabinet's only AED gone
    assert twin.resources["CCH-2"].low_alarms  # raised by the use itself
    fresh = TwinState(tiny_street_with_resources(), derivers=[StockMonitor()])
    fresh.resources["CCH-2"].stock["aed"] = 0  # as a restored street might hold it
    applied = fresh.apply(ClockTick(T0))
    assert [e.resource_id for e in applied if getattr(e, "alarm_kind", None) == LOW_STOCK] == ["CCH-2"]
    assert not [e for e in fresh.apply(ClockTick(T0 + timedelta(minutes=1))) if hasattr(e, "alarm_id")]


def test_a_restock_larger_than_the_shelf_makes_the_shelf_larger():
    twin = twin_with_case()
    twin.apply(ItemRestocked(T0, "CCH-1", "pump", 2))
    assert twin.resources["CCH-1"].capacity["pump"] == 3 and twin.resources["CCH-1"].stock["pump"] == 3


def test_resource_commands_are_checked_like_dispatches_in_the_resource_or_case_community():
    users = {"op-c01": User("op-c01", Role.OPERATOR, "C01"), "op": User("op", Role.OPERATOR, None),
             "auditor": User("auditor", Role.AUDITOR, None)}
    twin = twin_with_case(derivers=[])  # the case lies in C02
    twin.authorizer = Authorizer(users.get)
    with pytest.raises(PermissionDenied, match="only in community C01; case K1 is in C02"):
        twin.dispatch_resource("K1", "CCH-1", "op-c01", item="pump", at=T0)
    twin.dispatch_resource("K1", "CCH-1", "op", item="pump", at=T0)
    with pytest.raises(PermissionDenied, match="auditor auditor may not dispatch"):
        twin.return_resource("K1", "CCH-1", "auditor", at=T0)
    twin.restock("STN-1", "pump", 1, "op-c01", at=T0)  # the depot is in C01
    with pytest.raises(PermissionDenied, match="resource CCH-1 is in C02"):
        twin.restock("CCH-1", "pump", 1, "op-c01", at=T0)
    with pytest.raises(PermissionDenied, match="ItemUsed is not an operator command"):
        twin.command(ItemUsed(T0, "STN-1", "pump", 1, actor="op"))
    assert twin.resources["STN-1"].stock["pump"] == 3 and twin.resources["CCH-1"].stock["pump"] == 0


def test_resource_events_round_trip():
    events = [
        ResourceDispatched(T0, "STN-1", "K1", "pump", 1, "op", 8.5),
        ResourceArrived(T0, "STN-1", "K1", "op"),
        ResourceReturned(T0, "STN-1", "K1"),
        ItemUsed(T0, "STN-1", "extinguisher", 2, "K1", "GW-1"),
        ItemRestocked(T0, "STN-1", "pump", 1, "op"),
        VehicleMoved(T0, "CAR-1", 104.06, 30.61),
    ]
    assert decode(encode(events)) == events


def test_offers_the_nearest_pump_by_road_with_its_reason():
    twin = twin_with_case()  # in C02-G02-M02, 250 m from CCH-1's corner, 1.8 km from the depot
    offers = item_offers(twin, "K1")
    assert [(o.resource_id, o.item, o.reason) for o in offers] == [("CCH-1", "pump", "nearest"),
                                                                  ("STN-1", "pump", "next")]
    travel = street_travel(twin.street)
    assert isinstance(travel, RoadTravel)
    x, y = twin.street.projection.to_xy(*centre(3.5, 1.5))
    cx, cy = twin.street.projection.to_xy(LON0 + 3 * DLON, LAT0 + DLAT)
    assert offers[0].eta_minutes == pytest.approx(travel.minutes("car", (cx, cy), (x, y)))
    assert offers[0].mode == "car" and offers[0].on_shelf == 1
    assert offers[1].eta_minutes > offers[0].eta_minutes


def test_a_nearer_place_that_is_closed_or_empty_is_passed_over_and_said_so():
    twin = twin_with_case(col_row=(0.3, 0.3))  # beside the depot
    assert item_offers(twin, "K1")[0].resource_id == "STN-1"
    night = T0 + timedelta(hours=12)  # 22:00 in Shanghai: the depot is closed
    offer = item_offers(twin, "K1", at=night)[0]
    assert (offer.resource_id, offer.reason, offer.skipped) == ("CCH-1", "nearer_closed", ("STN-1",))
    twin.dispatch_resource("K1", "STN-1", "op", item="pump", count=2, at=T0)
    micro = twin.street.micro_grid("C01-G01-M01")
    twin.apply(CaseReported(T0, "K2", "drainage_flooding", Source.RESIDENT, *centre(0.3, 0.3), micro.id,
                            micro.general_grid_id, micro.community_id))
    offer = item_offers(twin, "K2")[0]
    assert (offer.resource_id, offer.reason, offer.skipped) == ("CCH-1", "nearer_out", ("STN-1",))


def test_any_one_of_the_items_serves_and_each_is_offered():
    twin = twin_with_case("elderly_emergency", col_row=(1, 1))
    assert {o.item for o in item_offers(twin, "K1")} == {"aed", "first_aid_kit"}
    twin = twin_with_case("property_maintenance")
    assert item_offers(twin, "K1") == []


def test_dispatching_an_offer_records_its_road_arrival():
    twin = twin_with_case()
    offer = item_offers(twin, "K1")[0]
    dispatch_item(twin, "K1", offer.resource_id, offer.item, "op", at=T0)
    assignment = twin.resources[offer.resource_id].out["K1"]
    assert assignment.eta_minutes == pytest.approx(offer.eta_minutes)
    assert item_offers(twin, "K1")[0].resource_id == "STN-1"  # CCH-1's only pump is out


class StockMachine(RuleBasedStateMachine):
    """Any sequence of sends, returns, uses and restocks keeps the books and the alarms straight."""

    def __init__(self) -> None:
        super().__init__()
        self.twin = twin_with_case("fire_hazard", col_row=(0.2, 0.2))
        self.at = T0
        self.used = 0
        self.restocked = 0

    def _next(self) -> datetime:
        self.at += timedelta(minutes=1)
        return self.at

    @precondition(lambda self: "K1" not in self.twin.resources["STN-1"].out)
    @rule(count=st.integers(1, 8))
    def send(self, count):
        on_shelf = self.twin.resources["STN-1"].stock["extinguisher"]
        if count > on_shelf:
            with pytest.raises(TwinError):
                self.twin.apply(ResourceDispatched(self._next(), "STN-1", "K1", "extinguisher", count))
        else:
            self.twin.apply(ResourceDispatched(self._next(), "STN-1", "K1", "extinguisher", count))

    @precondition(lambda self: "K1" in self.twin.resources["STN-1"].out)
    @rule()
    def come_back(self):
        self.twin.apply(ResourceReturned(self._next(), "STN-1", "K1"))

    @rule(count=st.integers(1, 4), on_case=st.booleans())
    def use(self, count, on_case):
        depot = self.twin.resources["STN-1"]
        out = depot.out.get("K1")
        available = (out.count if out is not None else 0) if on_case else depot.stock["extinguisher"]
        event = ItemUsed(self._next(), "STN-1", "extinguisher", count, "K1" if on_case else None)
        if count > available:
            with pytest.raises(TwinError):
                self.twin.apply(event)
        else:
            self.twin.apply(event)
            self.used += count

    @rule(count=st.integers(1, 5))
    def restock(self, count):
        self.twin.apply(ItemRestocked(self._next(), "STN-1", "extinguisher", count))
        self.restocked += count

    @invariant()
    def books_balance(self):
        depot = self.twin.resources["STN-1"]
        assert depot.stock["extinguisher"] >= 0
        assert depot.held("extinguisher") == 6 - self.used + self.restocked
        assert depot.capacity["extinguisher"] >= depot.held("extinguisher")

    @invariant()
    def an_alarm_is_active_exactly_while_low(self):
        depot = self.twin.resources["STN-1"]
        low = "extinguisher" in low_items(self.twin, depot)
        assert ("extinguisher" in depot.low_alarms) == low
        if low:
            assert self.twin.alarms[depot.low_alarms["extinguisher"]].state is not AlarmState.CLEARED


TestStockMachine = StockMachine.TestCase
TestStockMachine.settings = settings(max_examples=60, stateful_step_count=25, deadline=None,
                                     suppress_health_check=[HealthCheck.too_slow])
