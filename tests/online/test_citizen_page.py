"""End to end in a real browser: a citizen signs in with a one-time code, applies for two transactions
(户籍证明 with its conditional fields and an upload; 户口簿补领), bad uploads are refused with a clear
message, the station pre-reviews on the desk (pytest-qt) and asks for a material, and the page then
shows the one-time notice; the counter opens the pre-filled case from the QR code."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from browser import MAX_UPLOAD_KB, OnlineCity
from desk_fixtures import OLD_MAN
from online_samples import ELF_BYTES, PHONE, image_bytes
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import Select, WebDriverWait

from desk.domain.clock import Clock
from desk.domain.online import OnlineState
from desk.services.online import OnlineService
from desk.shipped import shipped_catalog

# Where the screenshots go (docs/ when refreshing them by hand); a temporary folder otherwise.
SCREENSHOTS = os.environ.get("DESK_ONLINE_SCREENSHOTS", "")


def _wait(driver: Any, seconds: float = 20) -> WebDriverWait:
    # A page being replaced (after a click) leaves stale elements behind for a moment: look again.
    return WebDriverWait(driver, seconds, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException))


def _service(city: OnlineCity) -> OnlineService:
    return OnlineService(city.store, shipped_catalog(), Clock())


def sign_in(driver: Any, city: OnlineCity, id_number: str = OLD_MAN) -> None:
    driver.get(city.apply_url)
    if driver.find_elements(By.ID, "t-household_certificate"):
        return  # signed in already (the page went on to the citizen's home)
    driver.find_element(By.ID, "id_number").send_keys(id_number)
    driver.find_element(By.ID, "phone").send_keys(PHONE)
    driver.find_element(By.ID, "send-code").click()
    _wait(driver).until(ready.presence_of_element_located((By.ID, "code")))
    match = re.search(r"验证码 (\d{6})", _service(city).outbox(PHONE)[-1].text)
    assert match is not None
    driver.find_element(By.ID, "code").send_keys(match.group(1))
    driver.find_element(By.ID, "sign-in").click()
    _wait(driver).until(ready.presence_of_element_located((By.ID, "t-household_certificate")))


def _shown(driver: Any, element_id: str) -> None:
    _wait(driver).until(ready.visibility_of_element_located((By.ID, element_id)))


def fill_relative_certificate(driver: Any, upload: Path) -> None:
    """户籍证明 for a close relative: answering 否 shows 被证明人 and the relationship; 近亲属 asks for a proof."""
    assert not driver.find_element(By.ID, "f_subject__name").is_displayed()
    driver.find_element(By.ID, "f_for_self-no").click()
    _shown(driver, "f_subject__name")
    driver.find_element(By.ID, "f_subject__name").send_keys("王芳")
    driver.find_element(By.ID, "f_subject__id_number").send_keys("210103199805200048")
    Select(driver.find_element(By.ID, "f_relationship")).select_by_value("close_relative")
    _shown(driver, "m_relationship_proof")
    Select(driver.find_element(By.ID, "f_purpose")).select_by_value("employment")
    driver.find_element(By.ID, "f_copies").send_keys("1")
    driver.find_element(By.ID, "m_relationship_proof").send_keys(str(upload))


def _screenshot_at(driver: Any, element_id: str, path: Path) -> None:
    driver.execute_script("arguments[0].scrollIntoView()", driver.find_element(By.ID, element_id))
    driver.save_screenshot(str(path))


def _submit(driver: Any) -> None:
    button = driver.find_element(By.ID, "submit")
    driver.execute_script("arguments[0].scrollIntoView()", button)
    button.click()


def test_a_citizen_applies_online_the_station_asks_once_and_the_page_shows_it(
        browser: Any, online_city: OnlineCity, tmp_path: Path, qtbot: Any) -> None:
    driver, city = browser, online_city
    folder = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path
    proof = tmp_path / "亲属关系证明.png"
    proof.write_bytes(image_bytes("PNG"))
    sign_in(driver, city)

    # 1. 户籍证明 with conditional fields and an upload
    driver.find_element(By.ID, "t-household_certificate").click()
    _shown(driver, "application-form")
    assert "办事指南" in driver.page_source and "申请条件" in driver.page_source
    driver.save_screenshot(str(folder / "online-guide-phone.png"))
    fill_relative_certificate(driver, proof)
    _screenshot_at(driver, "form-title", folder / "online-form-phone.png")
    _submit(driver)
    _shown(driver, "application-number")
    driver.save_screenshot(str(folder / "online-submitted-phone.png"))
    certificate = driver.find_element(By.ID, "application-number").text
    assert re.fullmatch(r"WS-HP01-\d{8}-\d{4}", certificate)
    assert driver.find_element(By.ID, "application-state").text == "已提交，等待预审"
    assert driver.execute_script("return document.getElementById('qr').naturalWidth") > 0

    # 2. 户口簿补领: a second transaction, no upload
    driver.get(city.apply_url + "t/booklet_reissue")
    Select(driver.find_element(By.ID, "f_household_type")).select_by_value("family")
    Select(driver.find_element(By.ID, "f_loss_reason")).select_by_value("lost")
    _shown(driver, "f_applicant_is_head-yes")
    driver.find_element(By.ID, "f_applicant_is_head-yes").click()
    driver.find_element(By.ID, "f_contact_phone").send_keys(PHONE)
    _submit(driver)
    _shown(driver, "application-number")
    booklet = driver.find_element(By.ID, "application-number").text
    assert booklet != certificate

    stored = {a.number: a for a in _service(city).queue("HP01")}
    assert set(stored) == {certificate, booklet}
    assert stored[certificate].form_values["relationship"] == "close_relative"
    assert [u.material_key for u in stored[certificate].uploads] == ["relationship_proof"]

    # 3. the station pre-reviews on the desk and asks for a material (the desk's own screen)
    from online_desk import desk_context

    from desk.ui.online_review_view import OnlineReviewView

    context = desk_context(city, qtbot)
    view = OnlineReviewView(context)
    qtbot.addWidget(view)
    view.refresh()
    qtbot.waitUntil(lambda: view.tbl_queue.rowCount() == 2, timeout=20000)
    view.open_number(certificate)
    qtbot.waitUntil(lambda: view.current is not None and view.current.number == certificate, timeout=20000)
    assert "close_relative" in view.txt_values.toPlainText()
    assert view.btn_decide.isEnabled()  # 户籍证明 is fully online (online = "full" in the catalog)
    view.lst_uploads.setCurrentRow(0)  # the uploaded proof, shown on the desk
    qtbot.waitUntil(lambda: not view.lbl_preview.pixmap().isNull(), timeout=20000)
    view.open_number(booklet)
    qtbot.waitUntil(lambda: view.current is not None and view.current.number == booklet, timeout=20000)
    assert PHONE in view.txt_values.toPlainText()
    assert not view.btn_decide.isEnabled()  # 户口簿补领 needs the visit
    view.tick_missing(["applicant_id_card"])
    view.edt_note.setText("请上传身份证正反面照片")
    view.btn_supplement.click()
    qtbot.waitUntil(lambda: view.current is not None and view.current.state is OnlineState.SUPPLEMENT_ASKED,
                    timeout=20000)
    assert "需补充材料" in _service(city).outbox(PHONE)[-1].text

    # 4. the page shows the one-time notice
    driver.get(city.apply_url + f"a/{booklet}")
    _shown(driver, "notice")
    assert driver.find_element(By.ID, "application-state").text == "需补充材料"
    assert "申请人居民身份证" in driver.find_element(By.ID, "notice-materials").text
    assert driver.find_element(By.ID, "notice-text").text == "请上传身份证正反面照片"

    # 5. the notice in English at a desktop size (a screenshot), then back to Chinese on the phone
    driver.find_element(By.ID, "lang-switch").click()
    _wait(driver).until(lambda d: "Materials to add" in d.find_element(By.ID, "application-state").text)
    driver.set_window_size(1280, 900)
    driver.save_screenshot(str(folder / "online-notice-desktop.png"))
    driver.get(city.apply_url + "t/household_certificate")
    fill_relative_certificate(driver, proof)
    _screenshot_at(driver, "form-title", folder / "online-form-desktop.png")
    driver.find_element(By.ID, "lang-switch").click()
    driver.set_window_size(390, 844)
    driver.get(city.apply_url + f"a/{booklet}")
    _shown(driver, "notice")

    # 6. the citizen answers with the missing material: back in the station's queue
    id_photo = tmp_path / "身份证.jpg"
    id_photo.write_bytes(image_bytes("JPEG"))
    driver.find_element(By.ID, "m_applicant_id_card").send_keys(str(id_photo))
    driver.find_element(By.ID, "send-materials").click()
    _wait(driver).until(lambda d: d.find_element(By.ID, "application-state").text == "已提交，等待预审")
    assert booklet in [a.number for a in _service(city).queue("HP01")]

    # 7. 户籍证明 is fully online: the desk decides it without a visit and the page says so
    view.open_number(certificate)
    qtbot.waitUntil(lambda: view.current is not None and view.current.number == certificate, timeout=20000)
    view.btn_decide.click()
    qtbot.waitUntil(lambda: view.current is not None and view.current.state is OnlineState.DECIDED_ONLINE,
                    timeout=30000)
    assert context.printed  # the certificate's papers went to the desk's printer
    driver.get(city.apply_url + f"a/{certificate}")
    _shown(driver, "notice")
    assert "已网上办结" in driver.find_element(By.ID, "notice").text
    case_number = view.current.case_number
    assert case_number is not None and case_number in driver.find_element(By.ID, "notice").text

    for name in ("online-guide-phone.png", "online-form-phone.png", "online-submitted-phone.png",
                 "online-notice-desktop.png", "online-form-desktop.png"):
        assert (folder / name).read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize(("name", "data", "words"), [
    ("证明.pdf", ELF_BYTES, "不是 PDF、JPEG 或 PNG 文件"),
    ("证明.txt", "亲属关系".encode(), "不是 PDF、JPEG 或 PNG 文件"),
    ("大照片.png", image_bytes("PNG") + bytes(MAX_UPLOAD_KB * 1024), "太大"),
])
def test_bad_uploads_are_refused_with_a_clear_message(browser: Any, online_city: OnlineCity, tmp_path: Path,
                                                     name: str, data: bytes, words: str) -> None:
    driver, city = browser, online_city
    sign_in(driver, city)
    before = len(_service(city).queue("HP01"))
    bad = tmp_path / name
    bad.write_bytes(data)
    driver.get(city.apply_url + "t/household_certificate")
    fill_relative_certificate(driver, bad)
    _submit(driver)
    _shown(driver, "form-error")
    text = driver.find_element(By.ID, "form-error").text
    assert words in text and name in text
    assert len(_service(city).queue("HP01")) == before
