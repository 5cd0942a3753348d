"""Catalog tiers, end to end on the real catalog (SQLite and PostgreSQL): the tier a case falls in is
fixed when it is accepted, decides who approves it, and is printed on its receipt; refusals cite a
procedural ground and are issued in the name of the level that decided, with that level's 复议 and
诉讼 bodies."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from desk_fixtures import START, make_id
from pypdf import PdfReader

from desk.core import Core
from desk.domain.catalog import Approval, IssuedDocument
from desk.domain.clock import FixedClock
from desk.domain.errors import InvalidInput
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import Actor, CaseState, Role
from desk.services.citizens import CardFacts
from desk.settings import Settings
from desk.shipped import shipped_catalog
from desk.store.database import Store

FATHER = make_id("21010219900315001")  # born 1990-03-15, a man
MOTHER = make_id("21010219920610002")  # born 1992-06-10, a woman
CHILD_NOW = make_id("21010220260101003")
STATION = "沈阳市公安局和平分局太原街派出所"
BIRTH_MATERIALS = ["birth_medical_certificate", "household_booklet", "parent_id_card"]


@pytest.fixture
def city(database_url: str) -> Iterator[tuple[Core, Actor, Actor, Actor]]:
    store = Store(database_url)
    core = Core(store, shipped_catalog(), WorkingCalendar(), FixedClock(START), Settings(station_code="HP01"))
    core.users.ensure_station("HP01", STATION, "沈阳市公安局和平分局", reconsideration_body="沈阳市和平区人民政府",
                              court="沈阳市和平区人民法院")
    clerk = Actor(core.users.create_user("clerk", "张丽", Role.CLERK, "HP01", "secret-pass"), Role.CLERK, "张丽")
    clerk2 = Actor(core.users.create_user("clerk2", "刘洋", Role.CLERK, "HP01", "secret-pass"), Role.CLERK, "刘洋")
    leader = Actor(core.users.create_user("leader", "王建国", Role.LEADER, "HP01", "secret-pass"), Role.LEADER,
                   "王建国")
    core.citizens.register_card(clerk, CardFacts(FATHER, "赵大明", "male", "汉", date(1990, 3, 15), "沈阳市和平区"))
    yield core, clerk, clerk2, leader
    store.dispose()


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).replace("\n", "")


def _birth(core: Core, clerk: Actor, birth_date: str, **extra: object) -> tuple[str, int, dict[str, object]]:
    values: dict[str, object] = {
        "child_name": "赵小明", "child_sex": "male", "child_birth_date": birth_date, "parents_married": True,
        "settle_with": "father", "mother": {"name": "钱丽", "id_number": MOTHER},
        "father": {"name": "赵大明", "id_number": FATHER}, **extra,
    }
    draft = core.cases.open_draft(clerk, FATHER, "birth_registration", values)
    return draft.number, draft.version, values


def test_a_newborn_is_registered_on_the_spot_by_the_clerk(city: tuple[Core, Actor, Actor, Actor]) -> None:
    core, clerk, _, _ = city
    number, version, values = _birth(core, clerk, "2026-02-20")
    decided = core.decisions.accept_and_issue(clerk, number, version, BIRTH_MATERIALS, values,
                                              verified=["marriage_certificate"])
    assert decided.case.approval is Approval.CLERK and decided.case.time_limit_days == 0
    assert decided.case.tier == ("base", None)
    receipt = _text(decided.papers[0].pdf)
    assert "窗口当场办结" in receipt and "分局审批" not in receipt


def test_a_child_registered_years_late_goes_to_the_branch(city: tuple[Core, Actor, Actor, Actor]) -> None:
    core, clerk, clerk2, _ = city
    number, version, values = _birth(core, clerk, "2019-05-01")
    decided = core.decisions.accept_and_route(clerk, number, version,
                                              [*BIRTH_MATERIALS, "late_registration_statement"], values,
                                              verified=["marriage_certificate"])
    case = decided.case
    assert case.approval is Approval.BRANCH and case.time_limit_days == 5
    assert case.state is CaseState.UNDER_REVIEW  # routed to the approvers' queue, not left at the window
    assert case.tier == ("over_five", "年满5周岁以上申报出生登记，由分局调查审批")
    assert case.due_date == date(2026, 3, 9)  # Monday + 5 working days
    receipt = _text(decided.papers[0].pdf)
    assert "分局审批（5个工作日）" in receipt
    assert "报沈阳市公安局和平分局审批" in receipt and "年满5周岁以上申报出生登记" in receipt
    # A leader cannot take the branch's decision through the station's leader-only path, and the
    # clerk who accepted may not record it.
    with pytest.raises(Exception, match="受理人不能审批"):
        core.cases.approve(clerk, number, case.version, "同意")
    approved = core.cases.approve(clerk2, number, case.version, "分局批复：同意登记")
    assert approved.state is CaseState.APPROVED


def test_a_rural_settlement_goes_to_the_branch(city: tuple[Core, Actor, Actor, Actor]) -> None:
    core, clerk, _, _ = city
    number, version, values = _birth(core, clerk, "2026-02-20", settle_area="rural")
    case = core.cases.accept(clerk, number, version, [*BIRTH_MATERIALS, "marriage_certificate"], values)
    assert (case.approval, case.time_limit_days, case.tier[0]) == (Approval.BRANCH, 5, "rural")


def test_the_tier_stays_as_accepted_when_the_catalog_changes(city: tuple[Core, Actor, Actor, Actor]) -> None:
    core, clerk, _, _ = city
    number, version, values = _birth(core, clerk, "2019-05-01")
    case = core.cases.accept(clerk, number, version, [*BIRTH_MATERIALS, "late_registration_statement",
                                                    "marriage_certificate"], values)
    # The city later moves late registrations to the city bureau: the accepted case keeps its tier.
    births = core.catalog["birth_registration"]
    moved = replace(births, tiers=tuple(replace(t, approval=Approval.CITY, time_limit_days=10) for t in births.tiers))
    core.cases.catalog = type(core.catalog)([moved, *(t for t in core.catalog.values() if t.code != moved.code)])
    again = core.queries.get(number)
    assert (again.approval, again.time_limit_days, again.due_date) == (Approval.BRANCH, 5, case.due_date)


def test_a_minors_name_change_is_the_stations_and_an_adults_the_branchs() -> None:
    names = shipped_catalog()["name_change"]
    from desk.domain.applicant import ApplicantFacts

    minor = ApplicantFacts(birth_date=date(2012, 1, 1), sex="male")
    adult = ApplicantFacts(birth_date=date(1990, 1, 1), sex="male")
    assert names.resolve_tier({}, minor, date(2026, 3, 2)).approval is Approval.LEADER
    assert names.resolve_tier({}, minor, date(2026, 3, 2)).time_limit_days == 2
    assert names.resolve_tier({}, adult, date(2026, 3, 2)).approval is Approval.BRANCH


GROUND_ITEMS = ["spouse_joins_spouse", "child_joins_parents", "parents_join_child", "employment_settlement",
                "talent_settlement", "house_purchase_settlement"]


@pytest.mark.parametrize("code", GROUND_ITEMS)
def test_where_the_person_comes_from_is_one_field_with_its_own_tier(code: str) -> None:
    item = shipped_catalog()[code]
    base = (item.approval, item.time_limit_days)
    for origin in ("within_city", "within_province"):
        tier = item.resolve_tier({"origin_kind": origin, "destination_area": "urban"})
        assert (tier.key, (tier.approval, tier.time_limit_days)) == ("base", base), origin
    for origin in ("cross_province", "paper_permit"):
        tier = item.resolve_tier({"origin_kind": origin, "destination_area": "urban"})
        assert (tier.key, tier.approval, tier.time_limit_days) == (origin, Approval.BRANCH, 5)
    # Only the paper route issues the 准予迁入证明; the one-stop routes end with the booklet.
    first_visit = {"origin_kind": "paper_permit", "certificate_in_hand": False}
    assert item.issued_document(first_visit) is IssuedDocument.MOVE_IN_PERMIT
    assert item.issued_document({"origin_kind": "cross_province"}) is IssuedDocument.BOOKLET
    # Back with the origin's 户口迁移证: settled at the window, on the spot, the booklet the result.
    back = {**first_visit, "certificate_in_hand": True, "certificate_valid_until": "2026-04-01"}
    assert item.issued_document(back) is IssuedDocument.BOOKLET
    settle = item.resolve_tier(back)
    assert (settle.key, settle.approval, settle.time_limit_days) == ("settle_on_certificate", Approval.CLERK, 0)
    assert "migration_certificate_in_hand" in {m.key for m in item.required_materials(back)}
    assert "migration_certificate_in_hand" not in {m.key for m in item.required_materials(first_visit)}
    expired = item.check_eligibility({**back, "certificate_valid_until": "2026-03-01"}, today=date(2026, 3, 2))
    assert "certificate_valid" in [rule.key for rule in expired.failed]
    if item.field("destination_area") is not None:
        rural = item.resolve_tier({"origin_kind": "within_city", "destination_area": "rural"})
        assert (rural.approval, rural.time_limit_days, rural.key) == (Approval.BRANCH, 5, "rural")


@pytest.mark.parametrize("code, one_stop", [("spouse_joins_spouse", True), ("parents_join_child", True),
                                            ("child_joins_parents", False), ("talent_settlement", False),
                                            ("house_purchase_settlement", False)])
def test_the_one_stop_scheme_covers_its_five_kinds_only(code: str, one_stop: bool) -> None:
    item = shipped_catalog()[code]
    failed = [rule.key for rule in item.check_eligibility({"origin_kind": "cross_province"}).failed]
    assert ("one_stop_kinds_only" not in failed) is one_stop
    employment = shipped_catalog()["employment_settlement"]
    transfer = employment.check_eligibility({"origin_kind": "cross_province", "employment_type": "job_transfer"})
    hired = employment.check_eligibility({"origin_kind": "cross_province", "employment_type": "hired"})
    assert "one_stop_kinds_only" not in [r.key for r in transfer.failed]
    assert "one_stop_kinds_only" in [r.key for r in hired.failed]


@pytest.mark.parametrize("code", ["talent_settlement", "employment_settlement"])
def test_settling_in_the_city_is_refused_to_a_person_registered_in_it(code: str) -> None:
    item = shipped_catalog()[code]
    [rule] = [r for r in item.check_eligibility({"origin_kind": "within_city"}).failed
              if r.key == "not_registered_in_city"]
    assert "第六条" in rule.basis_zh
    assert "not_registered_in_city" not in [r.key for r in item.check_eligibility(
        {"origin_kind": "within_province"}).failed]


# ---- grounds -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("ground, basis", [
    ("not_registration_matter", "《中华人民共和国行政许可法》第三十二条第一款第（一）项"),
    ("outside_jurisdiction", "《中华人民共和国行政许可法》第三十二条第一款第（二）项"),
    ("materials_not_supplemented", "《中华人民共和国行政许可法》第三十二条第一款第（四）项"),
    ("not_entitled_applicant", "《中华人民共和国行政许可法》第二十九条"),
    ("pending_elsewhere", "《中华人民共和国行政许可法》第三十二条第一款第（二）项"),
])
def test_a_not_accepted_notice_cites_its_procedural_ground(city: tuple[Core, Actor, Actor, Actor], ground: str,
                                                           basis: str) -> None:
    core, clerk, _, _ = city
    number, version, _ = _birth(core, clerk, "2026-02-20")
    decided = core.decisions.refuse_and_issue(clerk, number, version, "申请人户口在大东区。", ground=ground)
    text = _text(decided.papers[0].pdf)
    assert f"根据{basis}" in text and "的规定，决定不予受理。" in text
    assert core.documents._refusals().ground(ground).text_zh[:12] in text
    assert "《中华人民共和国户口登记条例》第七条" not in text  # never the item's substantive basis
    assert "。。" not in text and "大东区）" in text  # the clerk's note, without a doubled full stop
    assert f"{STATION}" in text  # not accepting is the accepting station's decision
    assert "向沈阳市和平区人民政府申请行政复议" in text and "向沈阳市和平区人民法院提起行政诉讼" in text


def test_an_unknown_ground_is_refused_and_changes_nothing(city: tuple[Core, Actor, Actor, Actor]) -> None:
    core, clerk, _, _ = city
    number, version, _ = _birth(core, clerk, "2026-02-20")
    with pytest.raises(InvalidInput, match="没有“made_up”"):
        core.decisions.refuse_and_issue(clerk, number, version, "x", ground="made_up")
    assert core.queries.get(number).state is CaseState.DRAFT


def test_a_branch_denial_is_issued_by_the_branch_as_a_refusal_to_register(
        city: tuple[Core, Actor, Actor, Actor]) -> None:
    core, clerk, clerk2, _ = city
    number, version, values = _birth(core, clerk, "2019-05-01")
    case = core.decisions.accept_and_route(clerk, number, version, [*BIRTH_MATERIALS, "late_registration_statement"],
                                           values, verified=["marriage_certificate"]).case
    done = core.cases.deny(clerk2, number, case.version, "经调查，该儿童已在他处登记常住户口。")
    paper = core.documents.case_document("denial_decision", number, actor=clerk2)
    assert done.state is CaseState.DENIED and paper.title_zh == "不予登记决定书"
    text = _text(paper.pdf)
    assert text.count("不予登记决定书") >= 1 and "决定不予登记" in text and "不予许可" not in text
    assert "沈阳市公安局和平分局" in text and f"经{STATION}受理" in text
    assert "。。" not in text and "向沈阳市和平区人民政府申请行政复议" in text


def test_a_city_level_case_is_decided_in_the_city_bureaus_name(city: tuple[Core, Actor, Actor, Actor]) -> None:
    core, clerk, clerk2, _ = city
    births = core.catalog["birth_registration"]
    city_level = replace(births, tiers=(replace(births.tiers[0], approval=Approval.CITY, time_limit_days=10),))
    catalog = type(core.catalog)([city_level, *(t for t in core.catalog.values() if t.code != births.code)])
    core.cases.catalog = catalog
    core.documents.catalog = catalog
    number, version, values = _birth(core, clerk, "2019-05-01")
    case = core.decisions.accept_and_route(clerk, number, version, [*BIRTH_MATERIALS, "late_registration_statement"],
                                           values, verified=["marriage_certificate"])
    assert case.case.approval is Approval.CITY and "报沈阳市公安局审批" in _text(case.papers[0].pdf)
    core.cases.deny(clerk2, number, case.case.version, "不符合补录条件")
    text = _text(core.documents.case_document("denial_decision", number, actor=clerk2).pdf)
    assert "沈阳市公安局" in text and "向沈阳市人民政府申请行政复议" in text


def test_a_not_accepted_case_without_a_ground_still_cites_article_32(city: tuple[Core, Actor, Actor, Actor]) -> None:
    core, clerk, _, _ = city
    number, version, _ = _birth(core, clerk, "2026-02-20")
    decided = core.decisions.refuse_and_issue(clerk, number, version, "申请人户口不在本辖区。")
    text = _text(decided.papers[0].pdf)
    assert "申请人户口不在本辖区。根据《中华人民共和国行政许可法》第三十二条第一款的规定" in text


def test_the_receipt_names_the_applicant_and_the_person_the_case_is_about(
        city: tuple[Core, Actor, Actor, Actor]) -> None:
    core, clerk, _, _ = city
    number, version, values = _birth(core, clerk, "2026-02-20")
    decided = core.decisions.accept_and_issue(clerk, number, version, BIRTH_MATERIALS, values,
                                              verified=["marriage_certificate"])
    text = _text(decided.papers[0].pdf)
    assert "申 请 人：赵大明" in text and "当事人：赵小明" in text


def test_an_inbound_move_exists_once_the_old_items_are_retired_and_name_their_successors() -> None:
    catalog = shipped_catalog()
    retired = {t.code: t.replaced_by for t in catalog.retired()}
    assert set(retired) == {"move_in_permit", "move_cross_province"}
    assert not set(retired) & set(catalog)  # not listed, not offered
    assert all(code in catalog for successors in retired.values() for code in successors)
    assert all("spouse_joins_spouse" in retired[code] for code in ("move_in_permit", "move_cross_province"))
    # 夫妻投靠 from another province: one item, one tier per route.
    spouse = catalog["spouse_joins_spouse"]
    tiers = {spouse.resolve_tier({"origin_kind": o, "destination_area": "urban"}).key
             for o in ("cross_province", "paper_permit")}
    assert tiers == {"cross_province", "paper_permit"}


def test_students_come_from_the_same_four_places_on_the_level_their_source_gives() -> None:
    catalog = shipped_catalog()
    graduate, student = catalog["graduate_settlement"], catalog["new_student_settlement"]
    for origin in ("within_city", "within_province", "cross_province", "paper_permit"):
        # The time-limit list names both grounds by themselves (应届毕业生开具准迁证, 新生落户): no tier per origin.
        assert graduate.resolve_tier({"origin_kind": origin}).key == "base"
        assert student.resolve_tier({"origin_kind": origin}).key == "base"
    assert graduate.issued_document({"origin_kind": "paper_permit", "certificate_in_hand": False}) \
        is IssuedDocument.MOVE_IN_PERMIT
    assert student.issued_document({"origin_kind": "paper_permit"}) is IssuedDocument.BOOKLET  # the letter suffices
    needs = {m.key for m in student.required_materials({"origin_kind": "paper_permit"})}
    assert "migration_certificate" in needs and "household_booklet" not in needs
    one_stop = {m.key for m in student.required_materials({"origin_kind": "cross_province"})}
    assert "migration_certificate" not in one_stop


def test_the_case_view_is_offered_the_refusal_under_the_title_it_prints(
        city: tuple[Core, Actor, Actor, Actor]) -> None:
    """One title table for screen and paper: the document service hands each paper with its title's
    message key, and the paper prints exactly that title (the case view once kept its own rule)."""
    from desk.domain.messages import TEMPLATES

    core, clerk, clerk2, _ = city
    number, version, values = _birth(core, clerk, "2019-05-01")
    case = core.decisions.accept_and_route(clerk, number, version, [*BIRTH_MATERIALS, "late_registration_statement"],
                                           values, verified=["marriage_certificate"]).case
    denied = core.cases.deny(clerk2, number, case.version, "经调查，该儿童已在他处登记常住户口。")
    offers = {offer.kind: offer for offer in core.documents.papers_for(denied)}
    assert [o.kind for o in offers.values()] == core.documents.documents_for(denied)
    refusal = offers["denial_decision"]
    assert refusal.title_key == "paper.denial_decision.confirmation" and refusal.title_key in TEMPLATES
    paper = core.documents.case_document("denial_decision", number, actor=clerk2)
    assert paper.title_zh == refusal.title_zh == "不予登记决定书" and refusal.title_zh in _text(paper.pdf)
    assert offers["receipt"].title_key == "paper.receipt"


@pytest.mark.parametrize("code, values, handed_over", [
    ("booklet_renewal", {"renewal_reason": "pages_full", "household_type": "family", "applicant_is_head": True},
     "换领的新居民户口簿"),
    ("booklet_reissue", {"household_type": "family", "loss_reason": "lost", "applicant_is_head": True,
                         "contact_phone": "13912345678"}, "补发的居民户口簿"),
])
def test_the_completion_notice_names_what_the_item_hands_over(
        city: tuple[Core, Actor, Actor, Actor], code: str, values: dict[str, object], handed_over: str) -> None:
    """Found in the live test: a 换领 said 居民户口簿（已登记/变更页）已当场交付 — the whole new booklet is handed
    over. The words are the catalog item's own (`hands_over_zh`)."""
    core, clerk, _, _ = city
    item = core.catalog[code]
    draft = core.cases.open_draft(clerk, FATHER, code, values)
    decided = core.decisions.accept_and_complete(clerk, draft.number, draft.version,
                                                 [m.key for m in item.required_materials(values)])
    text = _text(decided.papers[0].pdf)
    assert decided.papers[0].kind == "completion_notice"
    assert f"已当场办理完毕，{handed_over}已当场交付。" in text and "已登记/变更页" not in text
