"""A desk in city mode: the remote use cases (desk/remote) against a real desk server over TLS give
the same values and the same errors as the in-process ones."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from city_server import PASSWORD, City, free_port
from desk_fixtures import OLD_MAN, YOUNG_WOMAN

from desk.domain.errors import ConcurrentChange, InvalidInput, NotFound, PermissionDenied
from desk.domain.messages import Bilingual, Said
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
        # At sign-in nothing was typed but a password: its own words (not "已填写的内容不会丢失"), and
        # in English no exception class name.
        assert unavailable.value.message_key == "city.unreachable_at_sign_in"
        assert "已填写" not in unavailable.value.message_zh and "不能登录" in unavailable.value.message_zh
        assert "Error" not in unavailable.value.message_en and "sign in" in unavailable.value.message_en
        with pytest.raises(ServerUnavailable) as later:  # a call of a signed-in desk: the form's words
            connection.call("GET", "/me")
        assert "已填写的内容不会丢失" in later.value.message_zh and "Error" not in later.value.message_en
    finally:
        connection.close()


def test_the_signed_in_user_carries_the_badge_number_the_city_recorded(city: City,
                                                                      connections: dict[str, Connection]) -> None:
    """The desk's status bar shows 工号: the 警号 the administrator recorded, else the user's number —
    a city desk showed the row id although the user had a 警号."""
    city.users.set_badge("clerk", "210031", by="admin")
    try:
        assert connections["clerk"].sign_in("clerk", PASSWORD).badge == "210031"
    finally:
        city.users.set_badge("clerk", "", by="admin")
    leader = connections["leader"].sign_in("leader", PASSWORD)
    assert leader.badge == str(leader.actor.user_id)


def test_a_kiosk_s_account_opens_a_kiosk_session_and_never_a_desk(city: City) -> None:
    """The kiosk's password lies in a file on a public machine: with it, a stolen laptop got a clerk's
    desk session. A kiosk account (`desk user add --kiosk`) opens kiosk sessions only; refused, audited."""
    from sqlalchemy import select

    from desk.store.models import AuditEntry

    city.users.create_user("kiosk-nsc-1", "南市场自助机一号", Role.CLERK, "HP01", PASSWORD, kiosk_only=True)
    root = city.server.base_url.removesuffix("/api/v1")
    kiosk = Connection(root, "K07", str(city.server.tls.ca_cert), kind="kiosk")
    laptop = Connection(root, "stolen-laptop", str(city.server.tls.ca_cert))
    try:
        assert kiosk.sign_in("kiosk-nsc-1", PASSWORD).username == "kiosk-nsc-1"
        with pytest.raises(PermissionDenied) as refused:
            laptop.sign_in("kiosk-nsc-1", PASSWORD)
        assert refused.value.code == "kiosk_account" and "自助机账号" in refused.value.message_zh
        assert laptop.token is None
    finally:
        kiosk.close()
        laptop.close()
    with city.store.read() as session:
        entries = session.execute(select(AuditEntry.entity_id).where(
            AuditEntry.action == "session.kiosk_account_refused")).scalars().all()
    assert entries == ["stolen-laptop"]


def test_the_refusals_naming_catalog_data_are_said_in_the_desks_own_language(
        connections: dict[str, Connection]) -> None:
    """The form's problems, the rule's reason and the missing materials name catalog data (a field's
    label, a rule's reason, the materials' names): the server sends both sides ({"zh", "en"}), and a
    city desk says each in its own language — English names in English, never the Chinese."""
    connection = connections["clerk"]
    clerk = connection.sign_in("clerk", PASSWORD).actor
    cases, decisions = RemoteCases(connection), RemoteDecisions(connection)
    unfinished = cases.open_draft(clerk, OLD_MAN, "leader_item", {"child": LEADER_VALUES["child"]})
    with pytest.raises(InvalidInput) as incomplete:
        decisions.accept_and_issue(clerk, unfinished.number, unfinished.version, LEADER_MATERIALS)
    assert (incomplete.value.code, incomplete.value.message_key) == ("form_incomplete", "case.form_incomplete")
    assert incomplete.value.params == {
        "count": 1, "problems": (Said("field.required", {"label": Bilingual("婚姻状况", "Marital status")}),)}
    assert incomplete.value.message_zh == "表单有 1 处需要修改：请填写“婚姻状况”。"
    assert incomplete.value.message_en == "The form has 1 problem(s): Marital status is required."

    short = cases.open_draft(clerk, OLD_MAN, "leader_item", LEADER_VALUES)
    with pytest.raises(InvalidInput) as missing:
        decisions.accept_and_issue(clerk, short.number, short.version, ["booklet"])
    assert (missing.value.code, missing.value.message_key) == ("materials_missing", "case.materials_missing")
    assert missing.value.message_zh == "还缺少 2 项材料：亲属关系证明、结婚证。可出具一次性告知书。"
    assert missing.value.message_en == ("2 material(s) missing: Proof of relationship, Marriage certificate; "
                                        "issue a one-time supplement notice instead.")

    too_young = cases.open_draft(clerk, YOUNG_WOMAN, "leader_item", LEADER_VALUES)
    with pytest.raises(InvalidInput) as refused:
        decisions.accept_and_issue(clerk, too_young.number, too_young.version, LEADER_MATERIALS)
    assert (refused.value.code, refused.value.message_key) == ("not_eligible", "case.not_eligible")
    assert refused.value.message_zh == "不符合办理条件：投靠子女须男满 60 周岁、女满 55 周岁。"
    assert refused.value.message_en == "Not eligible: Men must be 60 and women 55 to join a child."
