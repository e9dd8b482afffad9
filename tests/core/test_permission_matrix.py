"""Every role × every action × (in area, out of area, street level): allowed ones succeed, the rest are refused.

Case and alarm actions go through the real twin with the :class:`Authorizer`; viewing, unmasking,
importing and purging residents and managing users go through their real stores, every account
stored and looked up afresh; exporting through :meth:`Authorizer.exporting`, the gate every export
calls; the remaining actions (simulation, training, audit verification) are checked with
:func:`check`, the gate their entry points call.
"""

from __future__ import annotations

import base64
from datetime import datetime, timedelta, timezone

import pytest

from cockpit.security.authorizer import Authorizer
from cockpit.security.permissions import (
    AREA_ACTIONS,
    CASE_ACTIONS,
    PERMISSIONS,
    Action,
    PermissionDenied,
    Role,
    User,
    check,
)
from cockpit.security.personal_data import FieldCipher, Resident, ResidentStore, generate_demo_residents
from cockpit.security.users import UserStore
from cockpit.storage import open_database, save_street
from cockpit.storage.models import UserRow
from cockpit.twin import TwinState
from cockpit.vocabulary.domain import OwnerLevel, RiskLevel, Source
from cockpit.vocabulary.events import (
    AlarmRaised,
    CaseAccepted,
    CaseDispatched,
    CaseFeedback,
    CaseOnScene,
    CaseReported,
    CaseResolved,
    CaseTriaged,
)
from tests.core.tiny import centre, tiny_street

T0 = datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)
HOME = "C01"
COLUMNS = ("in_area", "out_of_area", "street_level")
"""A user scoped to C01 acting in C01, the same user acting in C02, a street-level user acting in C02."""

PRECONDITION = {
    Action.TRIAGE: [], Action.REJECT: [], Action.MERGE: [],
    Action.DISPATCH: ["triage"], Action.ESCALATE: ["triage"],
    Action.ACCEPT: ["triage", "dispatch"],
    Action.ARRIVE: ["triage", "dispatch", "accept"],
    Action.RESOLVE: ["triage", "dispatch", "accept", "arrive"],
    Action.FEEDBACK: ["triage", "dispatch", "accept", "arrive", "resolve"],
    Action.CLOSE: ["triage", "dispatch", "accept", "arrive", "resolve", "feedback"],
    Action.REOPEN: ["triage", "dispatch", "accept", "arrive", "resolve", "feedback"],
    Action.ACKNOWLEDGE: [],
}


def _setup_event(step: str, case_id: str, worker: str):
    return {
        "triage": CaseTriaged(T0, case_id, "waste_sanitation", RiskLevel.BLUE, OwnerLevel.GRID, "setup"),
        "dispatch": CaseDispatched(T0, case_id, worker, "setup"),
        "accept": CaseAccepted(T0, case_id, worker),
        "arrive": CaseOnScene(T0, case_id, worker),
        "resolve": CaseResolved(T0, case_id, worker, "done"),
        "feedback": CaseFeedback(T0, case_id, 5, True, "resident"),
    }[step]


def prepared_twin(action: Action, users: dict[str, User]) -> TwinState:
    """Cases A/B in each community, case A brought to where ``action`` is valid, one alarm on each A."""
    twin = TwinState(tiny_street(), authorizer=Authorizer(users.get))
    for community, col in (("C01", 0), ("C02", 2)):
        micro = twin.street.micro_grid(f"{community}-G01-M01")
        for name in "AB":
            twin.apply(CaseReported(T0, f"{name}-{community}", "waste_sanitation", Source.PATROL,
                                    *centre(col, 0), micro.id, micro.general_grid_id, community))
        for step in PRECONDITION[action]:
            twin.apply(_setup_event(step, f"A-{community}", f"GW-{community}-G01"))
        twin.apply(AlarmRaised(T0, f"AL-{community}", "red_case", RiskLevel.RED, case_id=f"A-{community}"))
    return twin


def run_case_action(twin: TwinState, action: Action, community: str, actor: str) -> None:
    case, worker = f"A-{community}", f"GW-{community}-G01"
    calls = {
        Action.TRIAGE: lambda: twin.triage(case, "waste_sanitation", RiskLevel.YELLOW, OwnerLevel.COMMUNITY, actor),
        Action.DISPATCH: lambda: twin.dispatch(case, worker, actor),
        Action.ACCEPT: lambda: twin.accept(case, actor),
        Action.ARRIVE: lambda: twin.arrive(case, actor),
        Action.RESOLVE: lambda: twin.resolve(case, actor, "cleared"),
        Action.FEEDBACK: lambda: twin.feedback(case, 4, True, actor),
        Action.CLOSE: lambda: twin.close(case, actor),
        Action.ESCALATE: lambda: twin.escalate(case, actor, "needs the community"),
        Action.MERGE: lambda: twin.merge(case, f"B-{community}", actor, "duplicate"),
        Action.REOPEN: lambda: twin.reopen(case, actor, "not fixed"),
        Action.REJECT: lambda: twin.reject(case, actor, "not a case"),
        Action.ACKNOWLEDGE: lambda: twin.acknowledge(f"AL-{community}", actor),
    }
    calls[action]()


def expected(role: Role, action: Action, column: str) -> bool:
    allowed = action in PERMISSIONS[role]
    return allowed and (column != "out_of_area" or action not in AREA_ACTIONS)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A database with the tiny street, two residents (one per community) and a user per role and scope."""
    db = open_database(f"sqlite:///{tmp_path_factory.mktemp('matrix') / 'matrix.sqlite'}")
    save_street(db, tiny_street())
    cipher = FieldCipher(base64.b64decode(base64.b64encode(bytes(range(32)))))
    users = {"importer": User("importer", Role.ADMINISTRATOR)}
    for role in Role:
        users[f"{role.value}-c01"] = User(f"{role.value}-c01", role, HOME)
        users[f"{role.value}-street"] = User(f"{role.value}-street", role, None)
    # Stored as they are: every sensitive call looks its account up (an administrator scoped to a
    # community cannot be made through UserStore.add, but the matrix tries one).
    with db.transaction() as session:
        session.add_all(UserRow(username=u.username, password_hash="-", role=u.role.value, scope_area=u.scope_area,
                                disabled=False, created_at=T0) for u in users.values())
    store = ResidentStore(db, "tiny", cipher)
    residents = [r for r in generate_demo_residents(tiny_street(), seed=3, others_per_micro_grid=1)
                 if r.micro_grid_id in ("C01-G01-M01", "C02-G01-M01")][:: 9]
    store.add_many(residents, users["importer"], now=T0)
    ids = {row.micro_grid_id[:3]: row.id for row in store.masked(users["importer"])}
    yield db, store, ids, users
    db.close()


def attempt(world, role: Role, action: Action, column: str, n: int) -> tuple[bool, str]:
    """Try the action; (succeeded, refusal message)."""
    db, store, ids, users = world
    user = users[f"{role.value}-street" if column == "street_level" else f"{role.value}-c01"]
    community = HOME if column == "in_area" else "C02"
    try:
        if action in CASE_ACTIONS:
            twin = prepared_twin(action, users)
            before = twin.applied
            run_case_action(twin, action, community, user.username)
            assert twin.applied > before
        elif action is Action.UNMASK:
            resident = store.unmask(ids[community], user, "calling back about a case")
            assert isinstance(resident, Resident) and len(resident.id_number) == 18
        elif action is Action.IMPORT_RESIDENTS:
            count = store.count()
            new = Resident(f"{community}-G01-M02", "测试人", "11010519491231002X", "13800000000",
                           "测试地址1栋1单元101室")
            store.add_many([new], user, now=T0)
            assert store.count() == count + 1
        elif action is Action.PURGE_PERSONAL_DATA:
            store.purge_older_than(T0 - timedelta(days=3650), user)
        elif action is Action.MANAGE_USERS:
            created = UserStore(db).add(f"new-{role.value}-{n}", "a long password", Role.OPERATOR, None, actor=user)
            assert UserStore(db).get(created.username) == created
        elif action is Action.VIEW:
            assert store.masked(user, limit=1)
        elif action is Action.EXPORT:
            Authorizer(UserStore(db).get).exporting(user.username, "cases", "cases.csv")
        else:
            check(user, action)
    except PermissionDenied as denied:
        return False, str(denied)
    return True, ""


def test_permission_matrix_is_enforced_everywhere(world, capsys):
    cells = [(role, action, column) for role in Role for action in Action for column in COLUMNS]
    wrong, refusals, allowed_count = [], [], 0
    for n, (role, action, column) in enumerate(cells):
        ok, message = attempt(world, role, action, column, n)
        if ok != expected(role, action, column):
            wrong.append((role.value, action.value, column, ok, message))
        if not ok:
            refusals.append(message)
        allowed_count += ok
    assert len(cells) == len(Role) * len(Action) * len(COLUMNS) == 5 * 21 * 3 == 315
    assert wrong == []
    assert allowed_count == sum(expected(*cell) for cell in cells) == 100
    assert len(refusals) == 315 - 100 == 215
    assert all(m.strip() and "\n" not in m for m in refusals)
    with capsys.disabled():
        print(f"\npermission matrix: {len(cells)} cells, {allowed_count} allowed and succeeded, "
              f"{len(refusals)} forbidden and refused")


def test_an_operator_is_told_why_outside_their_community():
    users = {"op07": User("op07", Role.OPERATOR, "C01")}
    twin = prepared_twin(Action.DISPATCH, users)
    with pytest.raises(PermissionDenied) as refused:
        twin.dispatch("A-C02", "GW-C02-G01", "op07")
    assert str(refused.value) == "operator op07 may act only in community C01; case A-C02 is in C02"
    assert twin.cases["A-C02"].assignee is None
    twin.dispatch("A-C01", "GW-C01-G01", "op07")
    assert twin.cases["A-C01"].assignee == "GW-C01-G01"


def test_unknown_disabled_and_missing_actors_are_refused():
    users = {"gone": User("gone", Role.LEADER, None, disabled=True)}
    twin = prepared_twin(Action.REJECT, users)
    for actor, message in (("nobody", "unknown user 'nobody' may not reject"),
                           ("gone", "account gone is disabled"),
                           ("", "reject needs a logged-in user; none was given")):
        with pytest.raises(PermissionDenied, match=message):
            twin.reject("A-C01", actor, "spam")
    assert twin.cases["A-C01"].status.value == "reported"


def test_a_merge_needs_both_cases_in_area():
    users = {"op": User("op", Role.OPERATOR, "C01")}
    twin = prepared_twin(Action.MERGE, users)
    with pytest.raises(PermissionDenied, match="case A-C02 is in C02"):
        twin.merge("A-C01", "A-C02", "op", "duplicate")


def test_refusals_are_audited_when_an_audit_log_is_given(tmp_path):
    from cockpit.storage.audit import AuditLog

    db = open_database(f"sqlite:///{tmp_path / 'a.sqlite'}")
    users = {"op": User("op", Role.OPERATOR, "C01")}
    twin = prepared_twin(Action.REJECT, users)
    twin.authorizer = Authorizer(users.get, audit=AuditLog(db))
    with pytest.raises(PermissionDenied):
        twin.reject("A-C02", "op", "spam")
    [entry] = AuditLog(db).entries()
    assert (entry.actor, entry.action, entry.target) == ("op", "denied.reject", "case A-C02")
    assert "may act only in community C01" in entry.reason
    db.close()
