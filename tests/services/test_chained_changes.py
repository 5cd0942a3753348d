"""A completed birth-date correction yields the new ID number and the 连锁变更告知单 that lists every
record to follow — printed with the completion notice in one decision; on SQLite and PostgreSQL."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date

import pytest
from desk_fixtures import START, make_id
from pypdf import PdfReader

from desk.core import Core
from desk.domain.clock import FixedClock
from desk.domain.errors import DeskError, InvalidInput
from desk.domain.idnumber import parse_id_number
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import Action, Actor, CaseState, Role
from desk.services.citizens import CardFacts
from desk.settings import Settings
from desk.shipped import shipped_catalog
from desk.store.database import Store

PERSON = make_id("21010219800315001")  # born 1980-03-15; order 001: a man


@pytest.fixture
def city(database_url: str) -> Iterator[tuple[Core, Actor, Actor]]:
    store = Store(database_url)
    core = Core(store, shipped_catalog(), WorkingCalendar(), FixedClock(START), Settings(station_code="HP01"))
    core.users.ensure_station("HP01", "沈阳市公安局和平分局太原街派出所", "和平分局")
    clerk = Actor(core.users.create_user("clerk", "张丽", Role.CLERK, "HP01", "secret-pass"), Role.CLERK, "张丽")
    clerk2 = Actor(core.users.create_user("clerk2", "刘洋", Role.CLERK, "HP01", "secret-pass"), Role.CLERK, "刘洋")
    core.citizens.register_card(clerk, CardFacts(PERSON, "赵𠮷", "male", "汉", date(1980, 3, 15), "沈阳市和平区"))
    yield core, clerk, clerk2
    store.dispose()


def _completed_correction(core: Core, clerk: Actor, clerk2: Actor) -> str:
    values = {"correct_birth_date": "1980-05-13", "discrepancy": "records_inconsistent", "public_servant": False}
    draft = core.cases.open_draft(clerk, PERSON, "birth_date_correction", values)
    accepted = core.decisions.accept_and_issue(clerk, draft.number, draft.version, [
        "written_application", "household_booklet", "resident_id_card", "earlier_documents"]).case
    review = core.cases.submit_for_review(clerk, accepted.number, accepted.version)
    approved = core.cases.approve(clerk2, review.number, review.version, "分局批复：同意更正")
    return approved.number


def test_completing_a_birth_date_correction_prints_the_chain_notice(city: tuple[Core, Actor, Actor]) -> None:
    core, clerk, clerk2 = city
    number = _completed_correction(core, clerk, clerk2)
    with pytest.raises(InvalidInput, match="尚未办结"):
        core.documents.follow_ups(number)
    case = core.queries.get(number)
    done = core.decisions.act_and_issue(clerk, number, case.version, Action.COMPLETE)
    assert done.case.state is CaseState.COMPLETED
    assert [p.kind for p in done.papers] == ["completion_notice", "chain_notice"]

    follow = core.documents.follow_ups(number)
    assert follow.new_id_number is not None and follow.old_id_number == PERSON
    info = parse_id_number(follow.new_id_number, today=date(2026, 12, 4))
    assert info.birth_date == date(1980, 5, 13) and info.sex == "male"
    assert (follow.old_value, follow.new_value) == ("1980-03-15", "1980-05-13")

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(done.papers[1].pdf)).pages)
    flat = text.replace(" ", "").replace("\n", "")
    assert "公民信息连锁变更告知单" in flat and PERSON in flat and follow.new_id_number in flat
    assert "出入境" in flat and "社会保障卡" in flat and "不动产" in flat


def test_a_new_number_already_held_by_someone_else_is_skipped(city: tuple[Core, Actor, Actor]) -> None:
    core, clerk, clerk2 = city
    from desk.domain.chained_changes import new_id_number

    holder = new_id_number(PERSON, birth_date=date(1980, 5, 13))  # somebody already has that number
    core.citizens.register_card(clerk, CardFacts(holder, "钱多", "male", "汉", date(1980, 5, 13), "沈阳市"))
    number = _completed_correction(core, clerk, clerk2)
    core.decisions.act_and_issue(clerk, number, core.queries.get(number).version, Action.COMPLETE)
    follow = core.documents.follow_ups(number)
    assert follow.new_id_number not in (None, holder, PERSON)
    assert follow.new_id_number[:14] == holder[:14]  # type: ignore[index]


def test_a_transaction_without_chained_changes_says_so(city: tuple[Core, Actor, Actor]) -> None:
    core, clerk, _ = city
    draft = core.cases.open_draft(clerk, PERSON, "household_certificate", {})
    with pytest.raises(InvalidInput, match="不引起") as refused:
        core.documents.follow_ups(draft.number)
    item = core.catalog["household_certificate"]
    assert item.name_en in refused.value.message_en and item.name_zh not in refused.value.message_en


def test_cli_exports_the_follow_ups_and_prints_the_notice(city: tuple[Core, Actor, Actor], tmp_path,
                                                          capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import csv
    import json

    from desk.cli import main

    core, clerk, clerk2 = city
    number = _completed_correction(core, clerk, clerk2)
    core.decisions.act_and_issue(clerk, number, core.queries.get(number).version, Action.COMPLETE)
    monkeypatch.setattr("desk.cli.followups_cmd.core_from_args", lambda _args: core)
    out, table = tmp_path / "chain.pdf", tmp_path / "chain.csv"
    assert main(["follow-ups", number, "--json", "--csv", str(table), "--out", str(out)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["new_id_number"] and result["old_id_number"] == PERSON and len(result["records"]) >= 10
    rows = list(csv.DictReader(table.read_text(encoding="utf-8-sig").splitlines()))
    assert {row["new_id_number"] for row in rows} == {result["new_id_number"]}
    assert out.read_bytes().startswith(b"%PDF")


def test_a_wrongly_built_number_gets_the_next_free_one_of_the_same_sex(city: tuple[Core, Actor, Actor]) -> None:
    core, clerk, clerk2 = city
    values = {"reason": "wrong_number", "contact_phone": "13912345678"}
    draft = core.cases.open_draft(clerk, PERSON, "id_number_correction", values)
    accepted = core.decisions.accept_and_issue(clerk, draft.number, draft.version, [
        "written_application", "household_booklet", "resident_id_card", "wrong_number_evidence"]).case
    review = core.cases.submit_for_review(clerk, accepted.number, accepted.version)
    approved = core.cases.approve(clerk2, review.number, review.version, "分局批复：同意变更")
    core.decisions.act_and_issue(clerk, approved.number, approved.version, Action.COMPLETE)
    follow = core.documents.follow_ups(approved.number)
    assert follow.new_id_number is not None and follow.new_id_number != PERSON
    assert follow.new_id_number[:14] == PERSON[:14]
    assert parse_id_number(follow.new_id_number, today=date(2026, 12, 4)).sex == "male"


def test_each_record_to_follow_is_tracked_to_done_and_audited(city: tuple[Core, Actor, Actor],
                                                              capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from sqlalchemy import select

    from desk.cli import main
    from desk.store.models import AuditEntry

    core, clerk, clerk2 = city
    number = _completed_correction(core, clerk, clerk2)
    core.decisions.act_and_issue(clerk, number, core.queries.get(number).version, Action.COMPLETE)
    tracked = core.chain_follow_ups.tracked(number)
    assert tracked and {t.state for t in tracked} == {"open"}
    keys = [t.record.key for t in tracked]
    assert "exit_entry" in keys and "social_security" in keys
    core.chain_follow_ups.mark(clerk, number, "exit_entry", "referred", "已电话告知出入境管理大队")
    core.chain_follow_ups.mark(clerk, number, "exit_entry", "done")
    core.chain_follow_ups.mark(clerk2, number, "social_security", "done", "社保卡已换")
    states = {t.record.key: (t.state, t.note) for t in core.chain_follow_ups.tracked(number)}
    assert states["exit_entry"] == ("done", "") and states["social_security"] == ("done", "社保卡已换")
    assert sum(1 for state, _ in states.values() if state == "open") == len(keys) - 2
    with pytest.raises(InvalidInput, match="状态只能是"):
        core.chain_follow_ups.mark(clerk, number, "bank", "lost")
    with pytest.raises(DeskError, match="没有"):
        core.chain_follow_ups.mark(clerk, number, "no_such_record", "done")
    with core.store.read() as session:
        marks = session.execute(select(AuditEntry.details).where(AuditEntry.action == "case.chain_follow_up")
                                .order_by(AuditEntry.seq)).scalars().all()
    assert [(m["record"], m["from"], m["to"]) for m in marks] == [
        ("exit_entry", "open", "referred"), ("exit_entry", "referred", "done"), ("social_security", "open", "done")]

    # The CLI marks (naming the clerk) and shows each record's state, in JSON too.
    monkeypatch.setattr("desk.cli.followups_cmd.core_from_args", lambda _args: core)
    assert main(["follow-ups", number, "--mark", "bank", "--state", "referred"]) == 1  # no --user: refused
    assert "--user" in capsys.readouterr().err
    assert main(["follow-ups", number, "--mark", "bank", "--state", "referred", "--user", "clerk", "--json"]) == 0
    records = {r["key"]: r["state"] for r in json.loads(capsys.readouterr().out)["records"]}
    assert records["bank"] == "referred" and records["exit_entry"] == "done" and records["phone"] == "open"
