"""“一件事” bundles through the services, on SQLite and PostgreSQL: a newborn bundle from the card
swipe to one receipt that lists its member case and the referral list (both PDFs read back), the
follow-ups tracked to done / referred; 身后一件事 opening its chosen members in one transaction."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from desk_fixtures import make_id
from pypdf import PdfReader

from desk.core import Core
from desk.domain.clock import FixedClock
from desk.domain.errors import InvalidInput
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import Actor, CaseState, Role
from desk.services.citizens import CardFacts
from desk.settings import Settings
from desk.shipped import shipped_catalog
from desk.store.database import Store

MOTHER = make_id("21010219950612002")  # a woman born 1995-06-12
FATHER = make_id("21010219930301001")
DECEASED = make_id("21010219400101001")
NOW = datetime(2026, 12, 4, 2, 0, tzinfo=UTC)  # Friday 4 December 2026, 10:00 in Shenyang


@pytest.fixture
def station(database_url: str) -> Iterator[tuple[Core, Actor]]:
    store = Store(database_url)
    core = Core(store, shipped_catalog(), WorkingCalendar(), FixedClock(NOW), Settings(station_code="HP01"))
    core.users.ensure_station("HP01", "沈阳市公安局和平分局太原街派出所", "和平分局")
    clerk = Actor(core.users.create_user("clerk", "张丽", Role.CLERK, "HP01", "secret-pass"), Role.CLERK, "张丽")
    yield core, clerk
    store.dispose()


def _text(pdf: bytes) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).replace(" ", "").replace("\n", "")


def _newborn_values() -> tuple[dict[str, object], dict[str, dict[str, object]]]:
    shared = {"child_name": "张子涵", "child_sex": "female", "child_birth_date": "2026-11-20"}
    own = {"birth_registration": {"parents_married": True, "settle_with": "mother",
                                  "mother": {"name": "李秀兰", "id_number": MOTHER},
                                  "father": {"name": "张伟", "id_number": FATHER}}}
    return shared, own


def test_a_newborn_bundle_from_swipe_to_receipt_and_referral_list(station: tuple[Core, Actor]) -> None:
    core, clerk = station
    core.citizens.register_card(clerk, CardFacts(MOTHER, "李秀兰", "female", "汉", date(1995, 6, 12), "沈阳市和平区"))
    shared, own = _newborn_values()
    started = core.bundles.start(clerk, MOTHER, "newborn", shared, own)
    (member,) = started.members
    assert member.transaction_code == "birth_registration" and member.state is CaseState.DRAFT
    assert member.form_values["child_name"] == "张子涵" and member.form_values["settle_with"] == "mother"
    assert [f.state for f in started.follow_ups] == ["open"] * len(started.follow_ups) != []
    assert core.bundles.for_case(member.number).number == started.number  # type: ignore[union-attr]

    with pytest.raises(InvalidInput, match="出生登记"):  # a material missing: nothing accepted, and said which
        core.bundles.accept_and_issue(clerk, started.number, {"birth_registration": ["household_booklet"]})
    assert core.queries.get(member.number).state is CaseState.DRAFT

    done = core.bundles.accept_and_issue(
        clerk, started.number, {"birth_registration": ["birth_medical_certificate", "household_booklet"]},
        verified={"birth_registration": ["parent_id_card", "marriage_certificate"]})
    assert done.bundle.members[0].state is CaseState.COMPLETED and done.bundle.finished
    receipt, referrals = done.papers
    assert (receipt.kind, referrals.kind) == ("bundle_receipt", "referral_list")
    # The day's first bundle has the day's first receipt (it once shared the bundles' counter: …0002).
    assert started.number == "HP01-YJ20261204-001" and receipt.serial == "HP01YH202612040001"
    text = _text(receipt.pdf)
    # One number told to the citizen — the bundle's, where a letter's number stands; the paper's own
    # serial only in the small print, labelled as the register's.
    assert text.count(started.number) == 1 and f"套餐编号：{started.number}" in text
    assert f"回执登记号：{receipt.serial}（本所文书登记用，查询进度请用套餐编号）" in text
    assert text.index(started.number) < text.index("申请人") < text.index(receipt.serial)
    assert "一件事”受理回执" in text and started.number in text and member.number in text
    assert "出生登记" in text and "张子涵" in text and "已办结" in text and "出生医学证明" in text
    listed = _text(referrals.pdf)
    assert listed.count(started.number) == 1 and f"告知单登记号：{referrals.serial}" in listed
    assert "后续事项告知单" in listed and "社会保障卡申领" in listed and "预防接种" in listed
    # one 待办 per follow-up, and one in the sentence that explains it
    assert "医疗保障经办机构" in listed and listed.count("待办") == len(started.follow_ups) + 1

    core.bundles.set_follow_up(clerk, started.number, "medical_insurance", "referred", "信息已推送医保局")
    after = core.bundles.set_follow_up(clerk, started.number, "vaccination", "done")
    states = {f.key: f.state for f in after.follow_ups}
    assert states["medical_insurance"] == "referred" and states["vaccination"] == "done"
    assert states["social_security_card"] == "open"
    with pytest.raises(InvalidInput):
        core.bundles.set_follow_up(clerk, started.number, "vaccination", "finished")
    again = core.bundles.paper("referral_list", started.number, actor=clerk)
    assert again.serial == referrals.serial  # a reprint keeps its serial, and shows the states now
    now_listed = _text(again.pdf)
    assert "已转介" in now_listed and "已办结" in now_listed
    assert [b.number for b in core.bundles.for_citizen(MOTHER)] == [started.number]


def test_after_death_opens_its_chosen_members_in_one_go(station: tuple[Core, Actor]) -> None:
    core, clerk = station
    core.citizens.register_card(clerk, CardFacts(FATHER, "张伟", "male", "汉", date(1993, 3, 1), "沈阳市和平区"))
    deceased = {"name": "张德厚", "id_number": DECEASED}
    with pytest.raises(InvalidInput, match="没有这些事项") as refused:
        core.bundles.start(clerk, FATHER, "after_death", {"deceased": deceased}, include=["birth_registration"])
    bundle = core.bundles.bundle("after_death")
    assert bundle.name_zh in refused.value.message_zh
    assert bundle.name_en in refused.value.message_en and bundle.name_zh not in refused.value.message_en
    started = core.bundles.start(clerk, FATHER, "after_death", {"deceased": deceased},
                                 include=["head_of_household_change"])
    codes = [m.transaction_code for m in started.members]
    assert codes == ["death_deregistration", "head_of_household_change"]  # the certificate was not chosen
    assert started.members[0].form_values["deceased"] == deceased
    assert started.members[1].form_values["former_head"] == deceased
    numbers = [m.number for m in started.members]
    assert len(set(numbers)) == 2 and all(core.bundles.for_case(n).number == started.number  # type: ignore[union-attr]
                                          for n in numbers)
    assert {f.key for f in started.follow_ups} >= {"funeral", "pension", "real_estate"}


def test_start_and_accept_is_one_transaction(station: tuple[Core, Actor]) -> None:
    core, clerk = station
    core.citizens.register_card(clerk, CardFacts(MOTHER, "李秀兰", "female", "汉", date(1995, 6, 12), "沈阳市和平区"))
    shared, own = _newborn_values()
    with pytest.raises(InvalidInput, match="出生登记"):
        core.bundles.start_and_accept(clerk, MOTHER, "newborn", shared, own, {"birth_registration": []})
    assert core.bundles.for_citizen(MOTHER) == [] and core.queries.list(applicant_id_number=MOTHER) == []
    done = core.bundles.start_and_accept(
        clerk, MOTHER, "newborn", shared, own,
        {"birth_registration": ["birth_medical_certificate", "household_booklet"]},
        verified={"birth_registration": ["parent_id_card", "marriage_certificate"]})
    assert done.bundle.finished and [p.kind for p in done.papers] == ["bundle_receipt", "referral_list"]


def test_after_death_hands_over_the_deregistration_certificate_with_its_papers(
        station: tuple[Core, Actor]) -> None:
    """身后一件事 with its optional 开具注销户口证明: the signed 注销户口证明 comes with the bundle's receipt and
    referral list (it once stayed behind, printable only from the member case), and the bundle offers it
    again under the same serial."""
    from printing.signing import VerificationStatus

    core, clerk = station
    core.keys.ensure_demo_key("HP01")
    core.citizens.register_card(clerk, CardFacts(FATHER, "张伟", "male", "汉", date(1993, 3, 1), "沈阳市和平区"))
    own = {"death_deregistration": {"death_date": "2026-12-01", "death_circumstance": "medical_facility",
                                    "declarant_role": "relative", "id_card_returned": True},
           "deregistration_certificate": {"deregistration_reason": "death", "relationship": "close_relative",
                                          "purpose": "inheritance", "copies": 1}}
    started = core.bundles.start(clerk, FATHER, "after_death", {"deceased": {"name": "张德厚", "id_number": DECEASED}},
                                 own, include=["deregistration_certificate"])
    assert started.papers == ("bundle_receipt", "referral_list")  # nothing completed yet
    received = {m.transaction_code: [x.key for x in core.catalog[m.transaction_code].required_materials(m.form_values)]
                for m in started.members}
    done = core.bundles.accept_and_issue(clerk, started.number, received)
    assert [p.kind for p in done.papers] == ["bundle_receipt", "referral_list", "deregistration_certificate"]
    certificate = done.papers[2]
    text = _text(certificate.pdf)
    assert "注销户口证明" in text and "张德厚" in text and "因死亡或被宣告死亡注销" in text
    assert core.verifications.verify(certificate.payload or "", where="test").status is VerificationStatus.VALID
    assert done.bundle.papers == ("bundle_receipt", "referral_list", "deregistration_certificate")
    again = core.bundles.paper("deregistration_certificate", started.number, actor=clerk)
    assert (again.serial, again.payload) == (certificate.serial, certificate.payload)
    assert core.bundles.get(started.number).papers == done.bundle.papers


def test_a_bundle_without_a_certificate_member_offers_none(station: tuple[Core, Actor]) -> None:
    core, clerk = station
    core.citizens.register_card(clerk, CardFacts(MOTHER, "李秀兰", "female", "汉", date(1995, 6, 12), "沈阳市和平区"))
    shared, own = _newborn_values()
    received = {"birth_registration": ["birth_medical_certificate", "household_booklet"]}
    done = core.bundles.start_and_accept(clerk, MOTHER, "newborn", shared, own, received,
                                         verified={"birth_registration": ["parent_id_card", "marriage_certificate"]})
    assert done.bundle.papers == ("bundle_receipt", "referral_list")
    with pytest.raises(InvalidInput, match="deregistration_certificate"):
        core.bundles.paper("deregistration_certificate", done.bundle.number, actor=clerk)
