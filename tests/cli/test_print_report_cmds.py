"""`desk print …` and `desk report daily` against a demo store: real PDFs, CSV and XLSX read back."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desk.cli import main


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[dict[str, object]]]:
    folder = tmp_path_factory.mktemp("print-demo")
    url = f"sqlite:///{folder / 'demo.sqlite3'}"
    assert main(["--db", url, "demo-data", "--residents", "30", "--cases", "40", "--seed", "11"]) == 0
    return url, []


def _cases(url: str, capsys: pytest.CaptureFixture[str], state: str) -> list[dict[str, object]]:
    capsys.readouterr()
    main(["--db", url, "case", "list", "--state", state, "--json"])
    return json.loads(capsys.readouterr().out)


def _pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_print_receipt_on_each_paper(demo: tuple[str, list], tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    url = demo[0]
    case = _cases(url, capsys, "accepted")[0]
    for paper in ("58mm", "80mm", "a4"):
        out = tmp_path / f"receipt-{paper}.pdf"
        assert main(["--db", url, "print", "receipt", str(case["number"]), "--paper", paper, "--out", str(out)]) == 0
        text = _pdf_text(out)
        number = str(case["applicant_id_number"])
        assert str(case["number"]) in text and number not in text and number[-4:] in text
    width_mm = float(PdfReader(tmp_path / "receipt-58mm.pdf").pages[0].mediabox.width) / 72 * 25.4
    assert abs(width_mm - 58) < 1


def test_print_notice_picks_the_notice_of_the_state(demo: tuple[str, list], tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    url = demo[0]
    # A refusal after examination is titled by the item's power type (许可 / 登记 / 办理).
    for state, titles in [("supplement_requested", ("一次性告知书",)), ("not_accepted", ("不予受理",)),
                          ("denied", ("不予许可", "不予登记", "不予办理")), ("completed", ("办结",))]:
        case = _cases(url, capsys, state)[0]
        out = tmp_path / f"{state}.pdf"
        assert main(["--db", url, "print", "notice", str(case["number"]), "--out", str(out)]) == 0
        text = _pdf_text(out).replace(" ", "")
        assert any(title in text for title in titles), text[:80]
    draft = _cases(url, capsys, "draft")[0]
    assert main(["--db", url, "print", "notice", str(draft["number"]), "--out", str(tmp_path / "x.pdf")]) == 1
    assert "没有需要出具的通知书" in capsys.readouterr().err


def test_print_certificate_and_verify_it(demo: tuple[str, list], tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESK_DATA_DIR", str(tmp_path))
    url = demo[0]
    person = str(_cases(url, capsys, "completed")[0]["applicant_id_number"])
    out = tmp_path / "certificate.pdf"
    # This machine has no signing key: nothing is printed, and the message says what to do.
    assert main(["--db", url, "print", "certificate", person, "--purpose", "子女入学", "--out", str(out)]) == 1
    assert "desk keys create" in capsys.readouterr().err and not out.exists()
    assert main(["--db", url, "keys", "create"]) == 0
    assert main(["--db", url, "print", "certificate", person, "--purpose", "子女入学", "--out", str(out)]) == 0
    assert "户籍证明" in _pdf_text(out).replace(" ", "")
    assert main(["--db", url, "print", "certificate", "110105194912310029", "--out", str(out)]) == 1
    assert "没有身份证号" in capsys.readouterr().err


def test_daily_report_pdf_csv_xlsx_agree(demo: tuple[str, list], tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    url = demo[0]
    completed = _cases(url, capsys, "completed")
    day = str(completed[0]["completed_at"])[:10]
    pdf, csv_path, xlsx = tmp_path / "daily.pdf", tmp_path / "daily.csv", tmp_path / "daily.xlsx"
    assert main(["--db", url, "report", "daily", "--date", day, "--out", str(pdf), "--csv", str(csv_path),
                 "--xlsx", str(xlsx)]) == 0
    summary = capsys.readouterr().out
    completed_that_day = sum(1 for c in completed if str(c["completed_at"])[:10] == day)
    assert f"办结 {completed_that_day} 件" in summary
    # The paper's words (超期件数), not another's: the line said 逾期 beside a report of 超期.
    assert re.search(r"超期 \d+ 件", summary) and "逾期" not in summary, summary
    assert "户籍业务日报" in _pdf_text(pdf).replace(" ", "")
    rows = list(csv.reader(io.StringIO(csv_path.read_bytes().decode("utf-8-sig"))))
    assert any(str(completed_that_day) in row for row in rows)
    assert load_workbook(xlsx).sheetnames
