"""A desk in city mode: the remote use cases (desk/remote) against a real desk server over TLS give
the same values and the same errors as the in-process ones."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from city_server import PASSWORD, City, free_port
from desk_fixtures import OLD_MAN, YOUNG_WOMAN

from desk.domain.errors import ConcurrentChange, NotFound, PermissionDenied
from desk.domain.workflow import Action, CaseState, Role
from desk.remote.connection import Connection, ServerUnavailable
from desk.remote.services import RemoteCases, RemoteCitizens, RemoteDecisions, RemoteQueries
from desk.services.citizens import CardFacts
from printing.documents.common import Paper

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

LEADER_MATERIALS = ["booklet", "relationship_proof", "marriage_certificate"]
LEADER_VALUES = {"child": {"name": "王𠮷", "id_number": YOUNG_WOMAN}, "marital_status": "married"}


@pytest.fixture
def connections(city: City) -> Iterator[dict[str, Connection]]:
    made = {name: Connection(city.server.base_url.removesuffix("/api/v1"), f"pc-{name}",
                             str(city.server.tls.ca_cert)) for name in ("clerk", "leader")}
    yield made
    for connection in made.values():
        connection.close()


def test_a_leader_level_case_through_the_remote_use_cases(connections: dict[str, Connection]) -> None:
    clerk_connection, leader_connection = connections["clerk"], connections["leader"]
    clerk = clerk_connection.sign_in("clerk", PASSWORD).actor
    leader = leader_connection.sign_in("leader", PASSWORD).actor
    assert clerk.role is Role.CLERK and clerk.user_id > 0 and leader.role is Role.LEADER
    citizen = RemoteCitizens(clerk_connection).register_card(clerk, CardFacts(OLD_MAN, "李建国", "male", "汉"))
    assert citizen.name == "李建国" and citizen.birth_date is not None
    draft = RemoteCases(clerk_connection).open_draft(clerk, OLD_MAN, "leader_item", LEADER_VALUES)
    assert draft.state is CaseState.DRAFT and draft.applicant.id_number == OLD_MAN
    decisions = RemoteDecisions(clerk_connection)
    accepted = decisions.accept_and_issue(clerk, draft.number, draft.version, LEADER_MATERIALS, paper=Paper.ROLL_80)
    assert accepted.case.state is CaseState.ACCEPTED and accepted.case.due_date is not None
    (receipt,) = accepted.papers
    assert receipt.kind == "receipt" and receipt.paper is Paper.ROLL_80 and receipt.pdf.startswith(b"%PDF")
    with pytest.raises(ConcurrentChange) as stale:
        decisions.act_and_issue(clerk, draft.number, draft.version, Action.SUBMIT_FOR_REVIEW)
    # The server sends the message key and its parameters; this desk says them in its own language.
    assert stale.value.message_key == "case.conflict" and stale.value.params == {"number": draft.number}
    assert stale.value.message_en.startswith(f"Case {draft.number} was changed by someone else")
    review = decisions.act_and_issue(clerk, draft.number, accepted.case.version, Action.SUBMIT_FOR_REVIEW).case
    assert draft.number in [c.number for c in RemoteQueries(leader_connection).review()]
    with pytest.raises(PermissionDenied) as refused:
        decisions.act_and_issue(clerk, draft.number, review.version, Action.APPROVE, password=PASSWORD)
    assert refused.value.code == "role_not_permitted" and refused.value.message_zh
    approved = RemoteDecisions(leader_connection).act_and_issue(leader, draft.number, review.version,
                                                                Action.APPROVE, password=PASSWORD)
    assert approved.case.state is CaseState.APPROVED and approved.case.decided_by == leader.user_id
    shown = RemoteQueries(clerk_connection).view(clerk, draft.number)
    assert [e.action for e in shown.events] == ["open", "accept", "submit_for_review", "approve"]
    with pytest.raises(NotFound):
        RemoteQueries(clerk_connection).view(clerk, "HP01-00000000-9999")
    clerk_connection.sign_out()
    with pytest.raises(PermissionDenied):
        RemoteQueries(clerk_connection).today()


def test_an_unreachable_server_is_said_so() -> None:
    connection = Connection(f"https://127.0.0.1:{free_port()}", "pc-lonely", timeout=2.0)
    try:
        with pytest.raises(ServerUnavailable) as unavailable:
            connection.sign_in("clerk", PASSWORD)
        assert "无法连接" in unavailable.value.message_zh
    finally:
        connection.close()


def test_the_sign_in_carries_the_badge_number(city: City, connections: dict[str, Connection]) -> None:
    """The desk's status bar shows 工号: in city mode the server's sign-in answer says it (the 警号, or
    the row id for a user without one), as the station's own sign-in does."""
    city.users.set_badge("leader", "0731245", by="test")
    try:
        leader = connections["leader"].sign_in("leader", PASSWORD)
        assert leader.badge == "0731245"
        clerk = connections["clerk"].sign_in("clerk", PASSWORD)
        assert clerk.badge == str(clerk.actor.user_id)
    finally:
        city.users.set_badge("leader", "", by="test")
