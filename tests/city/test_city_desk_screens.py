"""The desk's screens in city mode where two stations meet (a live city test found them): a citizen's
open case at another station, and a case's papers as the server keeps them. A real `desk server` over
TLS in front of a real PostgreSQL; the real desk app (MainWindow) at 1366×768 in both languages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from city_desk import CityDesk
from city_server import PASSWORD, City

from desk.domain.workflow import Role
from desk.services.citizens import CardFacts
from desk.ui.demo_cases import demo_cases
from desk.ui.new_case import PAGE_PICK
from desk.ui.permissions import Screen

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

LI_XIULAN = CardFacts("210104197802093029", "李秀兰", "female", "满", date(1978, 2, 9),
                      "辽宁省沈阳市大东区小河沿路45号")


def _open_cases_at_hp01(desk: CityDesk) -> tuple[str, str]:
    """At HP01: a 夫妻投靠 case given a 一次性告知书 and then accepted, and another still 待补正."""
    core, actor = desk.app.context.core, desk.app.context.actor
    case = demo_cases(date.today())["spouse_joins_spouse"]
    core.citizens.register_card(actor, LI_XIULAN)
    materials = [m.key for m in core.catalog.get(case.code).materials]
    handed = [m for m in materials if m not in case.withheld]
    draft = core.cases.open_draft(actor, LI_XIULAN.id_number, case.code, case.values)
    asked = core.decisions.supplement_and_issue(actor, draft.number, draft.version, handed, case.values)
    accepted = core.decisions.accept_and_issue(actor, draft.number, asked.case.version, materials, case.values)
    waiting = core.cases.open_draft(actor, LI_XIULAN.id_number, case.code, case.values)
    core.decisions.supplement_and_issue(actor, waiting.number, waiting.version, handed, case.values)
    return accepted.case.number, waiting.number


def test_another_stations_open_case_names_its_station_and_says_where_to_go(
        open_city_desk: Callable[[str], CityDesk], demo_city: City) -> None:
    """At HP02 the citizen's open cases of HP01 were listed with no station, and a double-click opened
    nothing visible (the server refuses another station's case: its form and papers are that station's).
    Now the row names the station, and the double-click says where the citizen is to go."""
    demo_city.users.create_user("clerk_nsc", "赵敏", Role.CLERK, "HP02", PASSWORD)
    desk = open_city_desk("nsc")
    desk.window.resize(1366, 768)
    desk.window.show()
    desk.sign_in("clerk")
    accepted, waiting = _open_cases_at_hp01(desk)
    desk.window.sign_out()
    desk.sign_in("clerk_nsc", PASSWORD)
    panel = desk.new_case.identify
    opened: list[str] = []
    panel.open_case_requested.connect(opened.append)
    for language, station_words in (("zh_CN", "太原街派出所受理"), ("en", "accepted at Taiyuan Street")):
        desk.app.set_language(language)
        desk.window.show_screen(Screen.NEW_CASE, fresh=True)
        desk.swipe("li-xiulan")
        desk.wait(lambda: desk.new_case.page == PAGE_PICK and panel.tbl_cases.rowCount() == 2)
        cells = [panel.tbl_cases.item(row, 0).text() for row in range(2)]  # type: ignore[union-attr]
        assert {waiting, accepted} == {cell.splitlines()[1] for cell in cells}
        assert all(station_words in cell for cell in cells), cells
        # The two columns fit the panel at 1366×768 in either language: no sideways scrolling.
        number_width = panel.tbl_cases.fontMetrics().horizontalAdvance(waiting) + 8  # the number is whole
        desk.wait(lambda width=number_width: panel.tbl_cases.horizontalHeader().sectionSize(0) >= width)
        assert not panel.tbl_cases.horizontalScrollBar().isVisible(), language
        panel.tbl_cases.cellDoubleClicked.emit(0, 0)
        said = panel.lbl_message.text()
        assert panel.lbl_message.isVisible() and opened == []
        if language == "zh_CN":
            assert "由沈阳市公安局和平分局太原街派出所受理，请到该所办理" in said, said
            assert "地址：" in said and "电话：" in said
        else:
            assert "was accepted by Taiyuan Street Police Station" in said and "phone: " in said, said
    desk.app.set_language("zh_CN")


def test_a_case_view_lists_the_papers_really_issued_over_the_wire(
        open_city_desk: Callable[[str], CityDesk]) -> None:
    """Once accepted, a case's 一次性告知书 fell off its 已出具文书 (papers chosen by the state): the list is
    now what was issued, with the serials, and the notice is reprinted under its own serial."""
    desk = open_city_desk("papers")
    desk.sign_in("clerk")
    accepted, _waiting = _open_cases_at_hp01(desk)
    core = desk.app.context.core
    case = core.queries.get(accepted)
    papers = core.documents.papers_for(case)
    assert [paper.kind for paper in papers] == ["supplement_notice", "receipt"]
    assert all(paper.serial.startswith("HP01") for paper in papers)
    notice = papers[0].serial
    again = core.documents.case_document("supplement_notice", accepted, actor=desk.app.context.actor)
    assert again.serial == notice
    view = desk.window.case_view
    with desk.qtbot.waitSignal(view.loaded, timeout=20_000):
        desk.window.open_case(accepted)
    items = [view.lst_documents.item(row).text() for row in range(view.lst_documents.count())]
    assert items[0] == f"一次性告知书\n{notice}" and items[1].startswith("受理回执\n")
    # The materials: each numbered, so names holding 、 and 《》 no longer run together.
    assert view.lbl_materials.text().startswith("已收材料：①") and "②" in view.lbl_materials.text()
    view.lst_documents.setCurrentRow(0)
    view.btn_reprint.click()
    desk.wait(lambda: "一次性告知书 已重新送打印" in view.lbl_message.text())
    assert "一次性告知" in desk.paper_text(notice)
    desk.app.set_language("en")
    desk.wait(lambda: view.lst_documents.count() and view.lst_documents.item(0).text().startswith("One-time"))
    assert view.lbl_materials.text().startswith("Materials received: ①")
    assert "《" not in view.lbl_materials.text()  # the catalog's English names of the materials
    desk.app.set_language("zh_CN")


def test_a_paper_replaced_by_a_reissue_is_listed_void_and_never_printed_again(
        open_city_desk: Callable[[str], CityDesk], demo_city: City) -> None:
    """A move paper re-issued (补发) is void: its own case still lists it (it was issued), says which paper
    replaced it, and a reprint is refused — over the wire and on the case view. The mark a re-issue leaves on
    the replaced paper's record is set here directly; the re-issue itself is tested in the services."""
    from sqlalchemy import select

    from desk.store.models import DocumentIssued

    desk = open_city_desk("void")
    desk.sign_in("clerk")
    accepted, _waiting = _open_cases_at_hp01(desk)
    core = desk.app.context.core
    (notice,) = [p.serial for p in core.documents.papers_for(core.queries.get(accepted))
                 if p.kind == "supplement_notice"]
    with demo_city.store.write() as session:
        record = session.scalars(select(DocumentIssued).where(DocumentIssued.serial == notice)).one()
        record.details = {**(record.details or {}), "voided_by": "HP01ZQ209912310001"}
    papers = core.documents.papers_for(core.queries.get(accepted))
    assert [(p.serial, p.void_by) for p in papers if p.kind == "supplement_notice"] == [
        (notice, "HP01ZQ209912310001")]
    view = desk.window.case_view
    with desk.qtbot.waitSignal(view.loaded, timeout=20_000):
        desk.window.open_case(accepted)
    assert view.lst_documents.item(0).text() == f"一次性告知书\n{notice}（已作废，由 HP01ZQ209912310001 补发替代）"
    view.lst_documents.setCurrentRow(0)
    view.btn_reprint.click()
    desk.wait(lambda: "已由补发的 HP01ZQ209912310001 替代并作废" in view.lbl_message.text())
    assert not list(desk.printed.glob(f"*{notice}*.pdf"))  # nothing printed
