"""Loading a register extract: encodings, bad rows reported and nothing lost, dry run, idempotent re-run,
one audit entry per batch with a valid chain, and the household certificate issued afterwards."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from desk_fixtures import OLD_MAN, YOUNG_WOMAN, Desk, make_id
from sqlalchemy import func, select

from desk.domain.errors import InvalidInput
from desk.domain.register_rows import ExtractError
from desk.services import audit
from desk.services.documents import DocumentService
from desk.services.keys import KeyService
from desk.services.register_file import ExtractFile, extract_format
from desk.services.register_import import ExtractSource, ImportReport, run_import
from desk.store.models import AuditEntry, Citizen

HEADER = "公民身份号码,姓名,户主姓名,与户主关系,登记日期,住址\n"
# 李建国 heads the household; 王𠮷 is on record already; 赵䶮 is not on record yet (created from the row).
NEWCOMER = make_id("21010220100301001")  # born 2010-03-01, a boy
GOOD_ROWS = (f"{OLD_MAN},李建国,李建国,户主,1980-05-01,辽宁省沈阳市和平区太原街1号\n"
             f"{YOUNG_WOMAN},王𠮷,李建国,10,20100315,\n"  # a GB/T 4761 code is taken for its name
             f"{NEWCOMER},赵䶮,李建国,孙子,2010-03-05,辽宁省沈阳市和平区太原街1号\n")


def _write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "extract.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _import(desk: Desk, path: Path, *, dry_run: bool = False, encoding: str | None = None,
            batch_rows: int = 5000) -> ImportReport:
    extract = ExtractFile.inspect(path, encoding)
    source = ExtractSource(path.name, extract.sha256, "HP01", dry_run=dry_run)
    service = desk.core.register_import

    def load(source: ExtractSource, number: int, rows: list) -> object:  # type: ignore[type-arg]
        return service.load_batch("admin", source, number, rows)

    return run_import(extract, load, source, extract_format(), desk.clock.today(),  # type: ignore[arg-type]
                      batch_rows=batch_rows)


def _facts(desk: Desk, id_number: str) -> tuple[str, str, str, date | None, str]:
    with desk.core.store.read() as session:
        citizen = session.execute(select(Citizen).where(Citizen.id_number == id_number)).scalar_one()
        return citizen.name, citizen.household_head, citizen.relationship_to_head, citizen.registered_on, \
            citizen.address


def _entries(desk: Desk, action: str = "register.imported") -> list[AuditEntry]:
    with desk.core.store.read() as session:
        return list(session.execute(select(AuditEntry).where(AuditEntry.action == action)).scalars())


def test_a_good_file_loads_every_row_and_a_rerun_changes_nothing(desk: Desk, tmp_path: Path) -> None:
    path = _write(tmp_path, HEADER + GOOD_ROWS)
    report = _import(desk, path)
    assert (report.rows, report.created, report.updated, report.unchanged, report.bad_rows) == (3, 1, 2, 0, 0)
    assert _facts(desk, OLD_MAN) == ("李建国", "李建国", "户主", date(1980, 5, 1), "辽宁省沈阳市和平区太原街1号")
    # an empty 住址 keeps the address on record; the code 10 is stored as its name
    assert _facts(desk, YOUNG_WOMAN) == ("王𠮷", "李建国", "配偶", date(2010, 3, 15), "辽宁省沈阳市和平区")
    assert _facts(desk, NEWCOMER) == ("赵䶮", "李建国", "孙子", date(2010, 3, 5), "辽宁省沈阳市和平区太原街1号")
    with desk.core.store.read() as session:
        newcomer = session.execute(select(Citizen).where(Citizen.id_number == NEWCOMER)).scalar_one()
        assert (newcomer.sex, newcomer.birth_date, newcomer.name_initials) == ("male", date(2010, 3, 1), "ZY")
    [entry] = _entries(desk)
    assert entry.details["sha256"] == report.sha256 and entry.details["lines"] == [2, 4]
    assert (entry.details["created"], entry.details["updated"], entry.chain) == (1, 2, "HP01")
    again = _import(desk, path)
    assert (again.created, again.updated, again.unchanged, again.bad_rows) == (0, 0, 3, 0)
    assert len(_entries(desk)) == 1  # nothing changed: nothing written, not even an entry
    with desk.core.store.read() as session:
        assert audit.verify(session, session.info.get(audit.AUDIT_KEY_INFO)).ok


def test_gbk_gb18030_and_bom_files_are_read_alike(desk: Desk, tmp_path: Path) -> None:
    gbk_rows = f"{OLD_MAN},李建国,李建国,户主,1980-05-01,辽宁省沈阳市和平区太原街1号\n"
    gbk = ExtractFile.inspect(_write(tmp_path, HEADER + gbk_rows, "gbk", "gbk.csv"))
    assert gbk.encoding == "gb18030"
    # 𠮷 and 䶮 are not in GBK: a GB18030 export holds them as four-byte sequences
    rare = ExtractFile.inspect(_write(tmp_path, HEADER + GOOD_ROWS, "gb18030", "rare.csv"))
    bom = ExtractFile.inspect(_write(tmp_path, HEADER + GOOD_ROWS, "utf-8-sig", "bom.csv"))
    assert (rare.encoding, bom.encoding) == ("gb18030", "utf-8-sig")
    report = _import(desk, rare.path)
    assert (report.created, report.updated, report.bad_rows) == (1, 2, 0)
    assert _facts(desk, NEWCOMER)[0] == "赵䶮" and _facts(desk, YOUNG_WOMAN)[0] == "王𠮷"
    assert _import(desk, bom.path).unchanged == 3  # the same facts, however encoded
    assert _import(desk, gbk.path, encoding="gbk").unchanged == 1


def test_an_undecodable_file_is_refused_naming_the_line(desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "broken.csv"
    path.write_bytes(HEADER.encode() + GOOD_ROWS.encode() + b"\xff\xfe\xfa,\n")
    with pytest.raises(ExtractError) as refused:
        ExtractFile.inspect(path, "utf-8")
    assert refused.value.message_key == "register.undecodable" and refused.value.params["line"] == 5
    assert "Line 5" in refused.value.message_en
    with pytest.raises(ExtractError, match="gb18030"):  # neither UTF-8 nor GB18030: the last one tried is named
        ExtractFile.inspect(path)
    with pytest.raises(ExtractError, match="不认识的编码"):
        ExtractFile.inspect(path, "klingon")


def test_bad_rows_are_reported_and_the_good_ones_loaded(desk: Desk, tmp_path: Path) -> None:
    wrong_checksum = OLD_MAN[:-1] + ("0" if OLD_MAN[-1] != "0" else "1")
    rows = (f"{wrong_checksum},李建国,李建国,户主,1980-05-01,\n"      # line 2: checksum
            f"{YOUNG_WOMAN},王𠮷,李建国,表叔,2010-03-15,\n"         # line 3: unknown relationship
            f"{NEWCOMER},赵䶮,李建国,孙子,2099-01-01,\n"             # line 4: in the future
            f"{YOUNG_WOMAN},王吉,李建国,女,2010-03-15,\n"          # line 5: not the name on record
            f"{OLD_MAN},李建国,李建国,户主,1980-05-01,\n"            # line 6: good
            f"{OLD_MAN},李建国,李建国,户主,1980-05-01,\n"            # line 7: the same person again
            f"{NEWCOMER},赵䶮,李建国,孙子,2009-01-01,\n"             # line 8: before the birth
            f"{NEWCOMER},赵䶮,王五,户主,2010-03-05\n"                # line 9: a field short
            "\n")
    report = _import(desk, _write(tmp_path, HEADER + rows))
    said = {(p.line, p.column, p.message_key) for p in report.problems}
    assert said == {(2, "公民身份号码", "id.checksum_18"), (3, "与户主关系", "register.unknown_relationship"),
                    (4, "登记日期", "register.date_in_future"), (5, "姓名", "register.name_mismatch"),
                    (7, "公民身份号码", "register.duplicate_row"), (8, "登记日期", "register.date_before_birth"),
                    (9, "", "register.field_count")}
    assert (report.rows, report.updated, report.created, report.bad_rows) == (8, 1, 0, 7)
    by_line = {p.line: p for p in report.problems}
    assert "姓名“王吉”与户籍记录中的“王𠮷”不符" in by_line[5].message_zh
    assert "王𠮷" in by_line[5].message_en and "does not match" in by_line[5].message_en
    assert "GB/T 4761" in by_line[3].message_en
    assert _facts(desk, OLD_MAN)[1:3] == ("李建国", "户主")  # the good row was loaded
    assert _facts(desk, YOUNG_WOMAN)[1] == ""  # the bad one changed nothing


def test_a_missing_column_refuses_the_file(desk: Desk, tmp_path: Path) -> None:
    path = _write(tmp_path, "id_number,name,household_head,relationship\n" + f"{OLD_MAN},李建国,李建国,户主\n")
    with pytest.raises(ExtractError) as refused:
        _import(desk, path)
    assert refused.value.message_key == "register.missing_columns" and "registered_on" in refused.value.message_zh


def test_english_headers_and_a_dry_run_that_writes_nothing(desk: Desk, tmp_path: Path) -> None:
    english = "ID_Number,Name,household_head,relationship_to_head,registered_on,address,gender\n"
    path = _write(tmp_path, english + GOOD_ROWS.replace(",\n", ",,female\n").replace("号\n", "号,x\n"))
    before = _facts(desk, OLD_MAN)
    report = _import(desk, path, dry_run=True)
    assert (report.created, report.updated, report.bad_rows) == (1, 2, 0)  # what a real run would do
    assert _facts(desk, OLD_MAN) == before and _entries(desk) == []
    with desk.core.store.read() as session:
        assert session.execute(select(Citizen).where(Citizen.id_number == NEWCOMER)).first() is None
    assert _import(desk, path).created == 1


def test_batches_each_write_one_entry_and_the_chain_verifies(desk: Desk, tmp_path: Path) -> None:
    names = {(day, n): "张" + "一二三四"[n] + chr(0x4E00 + day) for day in range(1, 29) for n in range(1, 4)}
    rows = "".join(f"{make_id(f'210102199001{day:02d}00{n}')},{name},{name},户主,2000-01-01,\n"
                   for (day, n), name in names.items())
    report = _import(desk, _write(tmp_path, HEADER + rows), batch_rows=10)
    assert (report.created, report.bad_rows) == (84, 0)
    entries = _entries(desk)
    assert len(entries) == 9 and [e.details["batch"] for e in entries] == list(range(1, 10))
    with desk.core.store.read() as session:
        assert audit.verify(session, session.info.get(audit.AUDIT_KEY_INFO)).ok
        assert session.execute(select(func.count()).select_from(Citizen)).scalar() == 86


def test_after_an_import_the_household_certificate_is_issued(desk: Desk, tmp_path: Path) -> None:
    documents = DocumentService(desk.core.store, desk.core.catalog, desk.core.calendar, desk.clock, "HP01",
                                tmp_path / "keys")
    KeyService(desk.core.store, desk.clock, tmp_path / "keys").create("HP01", by="admin")
    with pytest.raises(InvalidInput) as incomplete:
        documents.household_certificate(YOUNG_WOMAN, "子女入学", kiosk_code="K01")
    assert incomplete.value.message_key == "document.incomplete_at_kiosk"
    _import(desk, _write(tmp_path, HEADER + GOOD_ROWS))
    for person in (YOUNG_WOMAN, NEWCOMER):
        issued = documents.household_certificate(person, "子女入学", kiosk_code="K01")
        assert issued.kind == "household_certificate" and issued.pdf.startswith(b"%PDF")


def test_an_unknown_station_is_refused(desk: Desk) -> None:
    with pytest.raises(InvalidInput, match="XX99"):
        desk.core.register_import.check_station("XX99")
    desk.core.register_import.check_station("HP01")
