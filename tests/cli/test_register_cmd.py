"""`desk register import` on one station's store: the report, the exit code, the dry run, the re-run,
and `desk audit verify` afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest
from desk_fixtures import OLD_MAN, make_id
from sqlalchemy import select

from desk.cli import main
from desk.store.database import Store
from desk.store.models import AuditEntry, Citizen

SON = make_id("21010219850101001")
HEADER = "公民身份号码,姓名,户主姓名,与户主关系,登记日期,住址\n"
ROWS = (f"{OLD_MAN},李建国,李建国,户主,1980-05-01,辽宁省沈阳市和平区太原街1号\n"
        f"{SON},李𠮷,李建国,子,1985-01-20,辽宁省沈阳市和平区太原街1号\n")


@pytest.fixture
def url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    assert main(["--db", url, "station", "add", "HP01", "沈阳市公安局和平分局太原街派出所"]) == 0
    return url


def _citizens(url: str) -> dict[str, tuple[str, str, str]]:
    store = Store(url)
    with store.read() as session:
        found = {c.id_number: (c.name, c.household_head, c.relationship_to_head)
                 for c in session.execute(select(Citizen)).scalars()}
        entries = len(session.execute(select(AuditEntry).where(AuditEntry.action == "register.imported")).all())
    store.dispose()
    found["entries"] = (str(entries), "", "")
    return found


def test_a_gbk_file_loads_and_a_rerun_changes_nothing(url: str, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "户籍导出.csv"
    path.write_bytes((HEADER + ROWS).encode("gb18030"))
    assert main(["--db", url, "register", "import", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "gb18030" in out and "试运行，未写入" in out and "2 loadable (2 new" in out
    assert _citizens(url) == {"entries": ("0", "", "")}
    assert main(["--db", url, "register", "import", str(path)]) == 0
    assert "2 loaded (2 new, 0 updated, 0 unchanged), 0 bad rows skipped" in capsys.readouterr().out
    assert _citizens(url) == {OLD_MAN: ("李建国", "李建国", "户主"), SON: ("李𠮷", "李建国", "子"),
                              "entries": ("1", "", "")}
    assert main(["--db", url, "register", "import", str(path), "--encoding", "gb18030"]) == 0
    assert "(0 new, 0 updated, 2 unchanged)" in capsys.readouterr().out
    assert _citizens(url)["entries"] == ("1", "", "")
    assert main(["--db", url, "audit", "verify"]) == 0


def test_bad_rows_are_listed_and_the_exit_code_says_so(url: str, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "extract.csv"
    path.write_text(HEADER + ROWS + f"{SON[:-1]}0,李四,李建国,表叔,2030-01-01,\n", encoding="utf-8-sig")
    assert main(["--db", url, "register", "import", str(path)]) == 1
    out = capsys.readouterr().out
    assert "第 4 行［公民身份号码］" in out and "line 4 [与户主关系]" in out and "登记日期 2030-01-01 晚于今天" in out
    assert "3 rows: 2 loaded" in out and "1 bad rows skipped" in out
    assert len(_citizens(url)) == 3  # the two good rows loaded
    assert main(["--db", url, "register", "import", str(path), "--station", "XX99"]) == 1
    assert "XX99" in capsys.readouterr().err


def test_a_file_that_is_not_an_extract_is_refused(url: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "other.csv"
    path.write_text("编号,金额\n1,2\n", encoding="utf-8")
    assert main(["--db", url, "register", "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert "文件缺少必需的列" in err and "The file lacks required columns" in err
    assert main(["--db", url, "register", "import", str(tmp_path / "missing.csv")]) == 1
    assert "无法读取文件" in capsys.readouterr().err
