"""End to end: a kiosk sends 刘建国 to the counter for his household certificate (the register lacks his
household facts); once the station loads its register extract (`desk register import`), the same
kiosk prints the certificate."""

from __future__ import annotations

from pathlib import Path

from kiosk_fixtures import LIU_JIANGUO, KioskUnderTest

from desk.cli import main


def _ask_for_certificate(kiosk: KioskUnderTest) -> None:
    kiosk.flow.home.btn_certificate.click()
    kiosk.wait_screen("certificate")
    kiosk.flow.certificate.purpose_tiles[0].click()  # 入学


def test_after_the_register_is_loaded_the_kiosk_prints_the_certificate(kiosk: KioskUnderTest,
                                                                       tmp_path: Path) -> None:
    kiosk.start_card_session("liu-jianguo")
    _ask_for_certificate(kiosk)
    kiosk.wait_screen("message")
    assert kiosk.flow.message.lbl_title.text() == "请到窗口办理"
    assert kiosk.printed_texts() == []

    extract = tmp_path / "户籍导出.csv"
    extract.write_bytes(("公民身份号码,姓名,户主姓名,与户主关系,登记日期,住址\n"
                         f"{LIU_JIANGUO},刘建国,刘建国,户主,1988-04-12,辽宁省沈阳市沈河区青年大街2号\n")
                        .encode("gb18030"))
    assert main(["--db", kiosk.kiosk.core.store.url, "register", "import", str(extract)]) == 0

    kiosk.flow.message.btn_ok.click()  # back home, the citizen's session still open
    kiosk.wait_screen("home")
    _ask_for_certificate(kiosk)
    kiosk.wait_screen("certificate_preview", timeout=15_000)
    kiosk.flow.certificate_preview.btn_print.click()
    kiosk.wait_screen("message", timeout=15_000)
    [text] = kiosk.wait_printed(1)
    assert "户籍证明" in text and "刘建国" in text and "1988" in text
