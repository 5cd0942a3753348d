"""A family move on paper, end to end (SQLite and PostgreSQL): the destination's 准予迁入证明 and the
origin's 户口迁移证 each list every person moving and both addresses, as typed on the form — read
back from the PDFs with pdftotext. The permit's tier follows where the family comes from."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from desk_fixtures import START, make_id
from sqlalchemy import select

from desk.core import Core
from desk.domain.catalog import Approval, Catalog
from desk.domain.clock import FixedClock
from desk.domain.errors import InvalidInput
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import Action, Actor, CaseState, Role
from desk.services.citizens import CardFacts
from desk.settings import Settings
from desk.shipped import shipped_catalog
from desk.store.database import Store
from desk.store.models import AuditEntry, Case, DocumentIssued

HUSBAND = make_id("41010219880412001")  # a man born 1988, registered in Henan
WIFE = make_id("41010219900705002")  # a woman born 1990
SON = make_id("41010220150301003")  # a boy born 2015
DAUGHTER = make_id("41010220180909004")  # a girl born 2018
FAMILY = {"王大山": HUSBAND, "李春花": WIFE, "王小虎": SON, "王小花": DAUGHTER}
FROM = "河南省郑州市中原区建设路街道建设东路18号院3号楼2单元501室"
TO = "辽宁省沈阳市和平区太原南街街道南京北街206号5-2-1"


@pytest.fixture
def city(database_url: str) -> Iterator[tuple[Core, Actor, Actor]]:
    store = Store(database_url)
    core = Core(store, shipped_catalog(), WorkingCalendar(), FixedClock(START), Settings(station_code="HP01"))
    core.users.ensure_station("HP01", "沈阳市公安局和平分局太原街派出所", "沈阳市公安局和平分局")
    clerk = Actor(core.users.create_user("clerk", "张丽", Role.CLERK, "HP01", "secret-pass"), Role.CLERK, "张丽")
    clerk2 = Actor(core.users.create_user("clerk2", "刘洋", Role.CLERK, "HP01", "secret-pass"), Role.CLERK, "刘洋")
    core.citizens.register_card(clerk, CardFacts(HUSBAND, "王大山", "male", "汉", date(1988, 4, 12), FROM))
    yield core, clerk, clerk2
    store.dispose()


def _pdftotext(pdf: bytes, folder: Path) -> str:
    path = folder / "paper.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout
    return "".join(text.split())  # a long address wraps inside its cell


def _family(first: str) -> dict[str, object]:
    return {
        first: {"name": "王大山", "id_number": HUSBAND, "relationship": "本人"},
        "accompanying": 3,
        "companion_1": {"name": "李春花", "id_number": WIFE, "relationship": "配偶"},
        "companion_2": {"name": "王小虎", "id_number": SON, "relationship": "子"},
        "companion_3": {"name": "王小花", "id_number": DAUGHTER, "relationship": "女"},
        "origin_address": FROM, "destination_address": TO,
    }


def _paper_route(item_code: str) -> dict[str, object]:
    """A family buying a home here, coming from another province on a paper permit (the ground's own item)."""
    family = _family("applicant")
    del family["applicant"]  # the applicant moves as himself: his card facts head the list
    return {**family, "origin_kind": "paper_permit", "certificate_in_hand": False, "property_address": TO,
            "title_document": "title_certificate", "property_use": "residential", "owner": "self",
            "family_members_follow": 3}


def test_the_move_in_permit_of_a_family_lists_every_mover_and_both_addresses(
        city: tuple[Core, Actor, Actor], tmp_path: Path) -> None:
    core, clerk, clerk2 = city
    item = core.catalog["house_purchase_settlement"]
    values = _paper_route(item.code)
    draft = core.cases.open_draft(clerk, HUSBAND, item.code, values)
    materials = [m.key for m in item.required_materials(values)]
    accepted = core.decisions.accept_and_route(clerk, draft.number, draft.version, materials).case
    # From another province on paper: the branch approves, in 5 working days (the tier of where they come from).
    assert (accepted.approval, accepted.time_limit_days, accepted.tier[0]) == (Approval.BRANCH, 5, "paper_permit")
    approved = core.cases.approve(clerk2, accepted.number, accepted.version, "分局批复：同意迁入")
    done = core.decisions.act_and_issue(clerk, approved.number, approved.version, Action.COMPLETE)
    assert done.case.state is CaseState.COMPLETED
    permit = next(p for p in done.papers if p.kind == "move_in_permit")
    text = _pdftotext(permit.pdf, tmp_path)
    assert "准予迁入证明" in text and permit.serial in text
    for name, number in FAMILY.items():
        assert name in text and number in text
    assert FROM in text and TO in text
    assert "购房落户" in text and "开具准予迁入证明" not in text  # the ground, not a permit item's name
    assert "配偶" in text and "本人" in text
    notice = next(p for p in done.papers if p.kind == "completion_notice")
    notice_text = _pdftotext(notice.pdf, tmp_path)
    assert "准予迁入证明" in notice_text  # what to collect is the permit, not the booklet
    assert "已准予迁入" in notice_text and "户口迁移证" in notice_text and "已办理完毕" not in notice_text


def test_back_with_the_migration_certificate_the_family_settles_at_the_window(city: tuple[Core, Actor, Actor]) -> None:
    core, clerk, _ = city
    item = core.catalog["house_purchase_settlement"]
    values = {**_paper_route(item.code), "certificate_in_hand": True, "certificate_valid_until": "2026-04-01"}
    draft = core.cases.open_draft(clerk, HUSBAND, item.code, values)
    done = core.decisions.accept_and_complete(clerk, draft.number, draft.version,
                                              [m.key for m in item.required_materials(values)])
    assert (done.case.approval, done.case.tier[0]) == (Approval.CLERK, "settle_on_certificate")
    assert [p.kind for p in done.papers] == ["completion_notice"]  # the booklet, no second permit


def test_the_one_stop_routes_issue_no_permit(city: tuple[Core, Actor, Actor]) -> None:
    core, clerk, _ = city
    item = core.catalog["house_purchase_settlement"]
    values = {**_paper_route(item.code), "origin_kind": "within_province"}
    draft = core.cases.open_draft(clerk, HUSBAND, item.code, values)
    materials = [m.key for m in item.required_materials(values)]
    accepted = core.decisions.accept_and_route(clerk, draft.number, draft.version, materials).case
    assert (accepted.approval, accepted.tier[0]) == (Approval.CLERK, "base")
    assert "move_in_permit" not in core.documents.documents_for(accepted)


def test_an_old_case_of_the_retired_permit_item_still_loads_and_prints(
        database_url: str, tmp_path: Path) -> None:
    """Cases opened under `move_in_permit` before it was merged into the grounds' items keep their
    form and print the same permit: the retired entry is kept for them (no data migration)."""
    shipped = shipped_catalog()
    before = Catalog([replace(t, replaced_by=()) for t in [*shipped.values(), *shipped.retired()]])
    store = Store(database_url)
    try:
        old = Core(store, before, WorkingCalendar(), FixedClock(START), Settings(station_code="HP01"))
        old.users.ensure_station("HP01", "沈阳市公安局和平分局太原街派出所", "沈阳市公安局和平分局")
        clerk = Actor(old.users.create_user("clerk", "张丽", Role.CLERK, "HP01", "secret-pass"), Role.CLERK, "张丽")
        leader = Actor(old.users.create_user("boss", "刘洋", Role.LEADER, "HP01", "secret-pass"), Role.LEADER, "刘洋")
        old.citizens.register_card(clerk, CardFacts(HUSBAND, "王大山", "male", "汉", date(1988, 4, 12), FROM))
        values = {**_family("mover"), "move_reason": "house_purchase", "origin_kind": "within_province",
                  "destination_area": "urban"}
        draft = old.cases.open_draft(clerk, HUSBAND, "move_in_permit", values)
        accepted = old.decisions.accept_and_route(clerk, draft.number, draft.version, [
            "id_card", "property_certificate", "origin_household_certificate", "accompanying_relationship_proof"]).case
        approved = old.cases.approve(leader, accepted.number, accepted.version, "同意")
        old.decisions.act_and_issue(clerk, approved.number, approved.version, Action.COMPLETE)

        now = Core(store, shipped, WorkingCalendar(), FixedClock(START), Settings(station_code="HP01"))
        assert "move_in_permit" not in list(now.catalog) and now.catalog["move_in_permit"].retired
        with pytest.raises(InvalidInput) as refused:
            now.cases.open_draft(clerk, HUSBAND, "move_in_permit", values)
        assert "已合并停用" in refused.value.message_zh and "购房落户" in refused.value.message_zh
        permit = now.documents.case_document("move_in_permit", approved.number)
        text = _pdftotext(permit.pdf, tmp_path)
        for name, number in FAMILY.items():
            assert name in text and number in text
        assert FROM in text and TO in text and "购房" in text
    finally:
        store.dispose()


def test_the_migration_certificate_of_a_family_lists_every_mover_and_both_addresses(
        city: tuple[Core, Actor, Actor], tmp_path: Path) -> None:
    core, clerk, _ = city
    values = {**_family("mover"), "move_reason": "family", "permit_number": "京准迁2026第000123号",
              "permit_valid_until": "2026-04-01", "destination_authority": "北京市公安局朝阳分局麦子店派出所"}
    draft = core.cases.open_draft(clerk, HUSBAND, "move_out_of_province", values)
    done = core.decisions.accept_and_complete(clerk, draft.number, draft.version,
                                              ["move_in_permit", "household_booklet", "id_cards"])
    assert [p.kind for p in done.papers] == ["completion_notice", "migration_certificate"]
    certificate = done.papers[1]
    assert certificate.title_zh == "户口迁移证"
    text = _pdftotext(certificate.pdf, tmp_path)
    assert "户口迁移证" in text
    for name, number in FAMILY.items():
        assert name in text and number in text
    assert FROM in text and TO in text
    assert "京准迁2026第000123号" in text and "北京市公安局朝阳分局麦子店派出所" in text
    assert "2026年4月1日止" in text  # valid no longer than the permit it rests on


def test_an_expired_permit_is_refused(city: tuple[Core, Actor, Actor]) -> None:
    core, _, _ = city
    item = core.catalog["move_out_of_province"]
    values = {**_family("mover"), "move_reason": "family", "permit_number": "X1", "permit_valid_until": "2026-02-01",
              "destination_authority": "某派出所"}
    result = item.check_eligibility(values, today=date(2026, 3, 2))
    assert [rule.key for rule in result.failed] == ["permit_valid"]


def test_the_migration_certificate_expires_with_its_permit_and_is_tracked(city: tuple[Core, Actor, Actor]) -> None:
    core, clerk, _ = city
    values = {**_family("mover"), "move_reason": "family", "permit_number": "京准迁2026第000124号",
              "permit_valid_until": "2026-03-06", "destination_authority": "北京市公安局朝阳分局麦子店派出所"}
    draft = core.cases.open_draft(clerk, HUSBAND, "move_out_of_province", values)
    done = core.decisions.accept_and_complete(clerk, draft.number, draft.version,
                                              ["move_in_permit", "household_booklet", "id_cards"])
    certificate = done.papers[1]
    [expiring] = core.clocks.expiring_permits()  # four days left: on the list at once
    assert (expiring.serial, expiring.valid_until, expiring.days_left) == (certificate.serial, date(2026, 3, 6), 4)


# ---- 补发准予迁入证明或户口迁移证 ---------------------------------------------------------------------------

def _family_permit(core: Core, clerk: Actor, clerk2: Actor) -> tuple[str, date]:
    """The family's 准予迁入证明 as first issued: its number and the last day printed on it."""
    item = core.catalog["house_purchase_settlement"]
    values = _paper_route(item.code)
    draft = core.cases.open_draft(clerk, HUSBAND, item.code, values)
    accepted = core.decisions.accept_and_route(clerk, draft.number, draft.version,
                                               [m.key for m in item.required_materials(values)]).case
    approved = core.cases.approve(clerk2, accepted.number, accepted.version, "分局批复：同意迁入")
    done = core.decisions.act_and_issue(clerk, approved.number, approved.version, Action.COMPLETE)
    (permit,) = [p for p in done.papers if p.kind == "move_in_permit"]
    (expiring,) = core.clocks.expiring_permits(within_days=60)
    assert expiring.case_number == done.case.number
    return permit.serial, expiring.valid_until


def _reissue(core: Core, clerk: Actor, applicant: str, number: str, until: date, *, kind: str = "move_in_permit",
             accept: str = "complete") -> object:
    values = {"document_kind": kind, "original_number": number, "original_valid_until": until.isoformat(),
              "damaged": False}
    draft = core.cases.open_draft(clerk, applicant, "move_document_reissue", values)
    materials = [m.key for m in core.catalog["move_document_reissue"].required_materials(values)]
    if accept == "complete":
        return core.decisions.accept_and_complete(clerk, draft.number, draft.version, materials)
    return core.decisions.accept_and_issue(clerk, draft.number, draft.version, materials)


def test_a_lost_permit_is_reissued_from_the_record_under_a_new_number_and_the_original_is_void(
        city: tuple[Core, Actor, Actor], tmp_path: Path) -> None:
    """补发 used to print a receipt only: now the wife (a person on the permit, not its applicant) gets the
    permit again — every mover, both addresses, the original's validity — marked 补发 with the original's
    number; the original is void (off the permit clock, never re-issued twice) and the audit chain holds."""
    from desk.services import audit

    core, clerk, clerk2 = city
    original, until = _family_permit(core, clerk, clerk2)
    core.citizens.register_card(clerk, CardFacts(WIFE, "李春花", "female", "汉", date(1990, 7, 5), FROM))
    done = _reissue(core, clerk, WIFE, original, until)
    assert done.case.state is CaseState.COMPLETED  # type: ignore[attr-defined]
    papers = {p.kind: p for p in done.papers}  # type: ignore[attr-defined]
    assert set(papers) == {"completion_notice", "move_in_permit"}
    permit = papers["move_in_permit"]
    assert permit.serial != original
    text = _pdftotext(permit.pdf, tmp_path)
    assert "准予迁入证明（补发）" in text and permit.serial in text and f"原证编号{original}" in text
    for name, number in FAMILY.items():
        assert name in text and number in text
    assert FROM in text and TO in text and "购房落户" in text
    assert f"至{until.year}年{until.month}月{until.day}日止" in text  # never outlives the original
    assert "补发的准予迁入证明已当场交付" in _pdftotext(papers["completion_notice"].pdf, tmp_path)
    # The permit clock follows the paper in the citizen's hands: the new one, valid as long as the old.
    assert [(p.serial, p.valid_until) for p in core.clocks.expiring_permits(within_days=60)] == [
        (permit.serial, until)]
    # A reprint keeps its number and voids nothing again; a second 补发 of the void original is refused.
    again = core.documents.case_document("move_in_permit", done.case.number, actor=clerk)  # type: ignore[attr-defined]
    assert again.serial == permit.serial and f"原证编号{original}" in _pdftotext(again.pdf, tmp_path)
    with pytest.raises(InvalidInput) as refused:
        _reissue(core, clerk, HUSBAND, original, until)
    assert refused.value.message_key == "reissue.already_void" and permit.serial in refused.value.message_zh
    # The void original stays listed with its own case (it was issued), says what replaced it, and is never
    # printed again: a second valid-looking copy is what the re-issue exists to prevent.
    with core.store.read() as session:
        first_case = session.scalars(select(Case.number).join(DocumentIssued, DocumentIssued.case_id == Case.id)
                                     .where(DocumentIssued.serial == original)).one()
    listed = core.documents.papers_for(core.queries.get(first_case))
    assert [(p.serial, p.void_by) for p in listed if p.kind == "move_in_permit"] == [(original, permit.serial)]
    with pytest.raises(InvalidInput) as refused:
        core.documents.case_document("move_in_permit", first_case, actor=clerk)
    assert refused.value.message_key == "document.void" and permit.serial in refused.value.message_zh
    with core.store.read() as session:
        assert audit.verify(session).ok
        voided = session.scalars(select(AuditEntry).where(AuditEntry.action == "document.voided")).all()
    assert [(e.entity_id, e.details["replaced_by"]) for e in voided] == [(original, permit.serial)]


@pytest.mark.parametrize(("who", "number", "kind", "key"), [
    ("stranger", "ORIGINAL", "move_in_permit", "reissue.not_on_original"),
    ("wife", "HP01ZQ209901010001", "move_in_permit", "reissue.not_ours"),
    ("wife", "ORIGINAL", "migration_certificate", "reissue.wrong_kind"),
])
def test_a_reissue_the_record_does_not_bear_out_is_refused_at_acceptance(
        city: tuple[Core, Actor, Actor], who: str, number: str, kind: str, key: str) -> None:
    """Checked against the station's own register of papers when the clerk accepts — said at the window,
    and nothing is accepted (the case stays a draft, the original stays valid)."""
    core, clerk, clerk2 = city
    original, until = _family_permit(core, clerk, clerk2)
    stranger = make_id("21010219750101005")
    core.citizens.register_card(clerk, CardFacts(WIFE, "李春花", "female", "汉", date(1990, 7, 5), FROM))
    core.citizens.register_card(clerk, CardFacts(stranger, "赵一", "male", "汉", date(1975, 1, 1), TO))
    applicant = stranger if who == "stranger" else WIFE
    with pytest.raises(InvalidInput) as refused:
        _reissue(core, clerk, applicant, original if number == "ORIGINAL" else number, until, kind=kind,
                 accept="issue")
    assert refused.value.message_key == key
    (draft,) = [c for c in core.queries.list(limit=20) if c.transaction_code == "move_document_reissue"]
    assert draft.state is CaseState.DRAFT
    assert [p.serial for p in core.clocks.expiring_permits(within_days=60)] == [original]


def test_an_expired_permit_is_not_reissued_whatever_date_the_form_was_given(city: tuple[Core, Actor, Actor]) -> None:
    """The form's own rule reads the validity the citizen states; the record's printed date decides."""
    from datetime import timedelta

    core, clerk, clerk2 = city
    original, until = _family_permit(core, clerk, clerk2)
    later = Core(core.store, core.catalog, WorkingCalendar(), FixedClock(START + timedelta(days=45)),
                 Settings(station_code="HP01"))
    stated = until + timedelta(days=30)  # misremembered: the form's rule lets it through
    with pytest.raises(InvalidInput) as refused:
        _reissue(later, clerk, HUSBAND, original, stated, accept="issue")
    assert refused.value.message_key == "reissue.expired" and until.isoformat() in refused.value.message_zh
