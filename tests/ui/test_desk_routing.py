"""The desk's sign-in gate and device routes are plain objects: their decisions, without a window."""

from __future__ import annotations

from dataclasses import replace

from desk.domain.workflow import Actor, Role
from desk.services.users import SignedIn
from desk.ui.device_routes import CardRoute, DeskPlace, ScanRoute, accepts_scans, route_card, route_scan
from desk.ui.session_gate import GateState, SessionGate, SignInFails, SignInNow, SignInWaits

WORKING = DeskPlace(signed_in=True, locked=False, workspace_ready=True, handles_cases=True,
                    on_new_case=False, case_open=False)


def _signed(username: str) -> SignedIn:
    actor = Actor(user_id=1, role=Role.CLERK, display_name=username)
    return SignedIn(actor=actor, username=username, display_name=username, station_code="HP01")


def test_a_sign_in_typed_before_the_core_is_ready_is_replayed_once() -> None:
    gate = SessionGate()
    assert isinstance(gate.request_sign_in("clerk", "pw"), SignInWaits)
    assert gate.core_ready() == SignInNow("clerk", "pw")
    assert gate.core_ready() is None
    assert gate.request_sign_in("clerk", "pw") == SignInNow("clerk", "pw")


def test_a_failed_core_answers_the_waiting_sign_in() -> None:
    gate = SessionGate()
    gate.request_sign_in("clerk", "pw")
    error = RuntimeError("no database")
    gate.core_failed(error)
    assert gate.request_sign_in("clerk", "pw") == SignInFails(error)


def test_lock_then_the_same_user_unlocks_and_another_starts_afresh() -> None:
    gate = SessionGate()
    gate.core_ready()
    assert not gate.lock()  # nobody to lock
    assert gate.signed_in(_signed("clerk")) is False
    assert gate.lock() and gate.state is GateState.LOCKED and gate.locked_user == "clerk"
    assert not gate.lock()
    assert gate.signed_in(_signed("clerk")) is True
    gate.lock()
    assert gate.signed_in(_signed("leader")) is False
    assert gate.session is not None and gate.session.username == "leader"
    gate.sign_out()
    assert gate.state is GateState.SIGNED_OUT and gate.session is None and gate.locked_user is None


def test_a_card_goes_to_the_new_case_flow_only_for_a_working_case_handler() -> None:
    assert route_card(WORKING) is CardRoute.NEW_CASE
    assert route_card(replace(WORKING, on_new_case=True, case_open=True)) is CardRoute.NEW_CASE
    for place in (replace(WORKING, locked=True), replace(WORKING, signed_in=False),
                  replace(WORKING, handles_cases=False), replace(WORKING, workspace_ready=False)):
        assert route_card(place) is CardRoute.IGNORE


def test_a_scan_never_abandons_an_open_case() -> None:
    assert route_scan(WORKING) is ScanRoute.SEARCH
    assert route_scan(replace(WORKING, on_new_case=True)) is ScanRoute.SEARCH  # an empty form is left
    assert route_scan(replace(WORKING, on_new_case=True, case_open=True)) is ScanRoute.SEARCH_BEHIND_CASE
    assert route_scan(replace(WORKING, handles_cases=False)) is ScanRoute.SEARCH  # a manager looks cases up
    locked = replace(WORKING, locked=True)
    assert not accepts_scans(locked) and route_scan(locked) is ScanRoute.IGNORE


def test_an_online_applications_qr_opens_its_case_for_a_case_handler_without_abandoning_one() -> None:
    assert route_scan(WORKING, online_application=True) is ScanRoute.ONLINE_COUNTER
    assert route_scan(replace(WORKING, on_new_case=True, case_open=True),
                      online_application=True) is ScanRoute.SEARCH_BEHIND_CASE
    assert route_scan(replace(WORKING, handles_cases=False), online_application=True) is ScanRoute.SEARCH
    assert route_scan(replace(WORKING, locked=True), online_application=True) is ScanRoute.IGNORE
