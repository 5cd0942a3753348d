"""Setting up a station and its users from the command line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from desk.cli import main


def test_station_and_users(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                           monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    assert main(["--db", url, "station", "add", "HP02", "沈阳市公安局和平分局南市场派出所",
                 "--branch", "沈阳市公安局和平分局", "--court", "沈阳市和平区人民法院"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("long-enough-pw\n"))
    assert main(["--db", url, "user", "add", "wangjg", "--name", "王建国", "--role", "leader",
                 "--station", "HP02"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["--db", url, "user", "add", "x", "--name", "X", "--role", "clerk", "--station", "HP02"]) == 1
    assert "至少 8 位" in capsys.readouterr().err
    assert main(["--db", url, "user", "list"]) == 0
    assert "王建国" in capsys.readouterr().out
    from desk.core import build_core

    core = build_core(url)
    assert core.users.sign_in("wangjg", "long-enough-pw").display_name == "王建国"
    monkeypatch.setattr("sys.stdin", io.StringIO("another-password\n"))
    assert main(["--db", url, "user", "password", "wangjg"]) == 0
    assert core.users.sign_in("wangjg", "another-password").username == "wangjg"


def test_user_photo_is_checked_and_stored(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    assert main(["--db", url, "station", "add", "HP02", "沈阳市公安局和平分局南市场派出所"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("long-enough-pw\n"))
    assert main(["--db", url, "user", "add", "zhangli", "--name", "张丽", "--role", "clerk",
                 "--station", "HP02"]) == 0
    photo = tmp_path / "zhangli.jpg"
    Image.new("RGB", (264, 336), (200, 180, 160)).save(photo, "JPEG")
    capsys.readouterr()
    assert main(["--db", url, "user", "photo", "zhangli", str(photo)]) == 0
    assert "264×336" in capsys.readouterr().out
    renamed = tmp_path / "not-a-photo.jpg"
    renamed.write_bytes(b"MZ\x90\x00 an executable named .jpg")
    assert main(["--db", url, "user", "photo", "zhangli", str(renamed)]) == 1
    assert "不是 JPEG 或 PNG" in capsys.readouterr().err
    assert main(["--db", url, "user", "photo", "zhangli", str(tmp_path / "missing.png")]) == 1
    assert "无法读取照片文件" in capsys.readouterr().err
    from desk.core import build_core

    core = build_core(url)
    user_id = core.users.sign_in("zhangli", "long-enough-pw").actor.user_id
    stored = core.user_photos.photo(user_id)
    assert stored is not None and stored.data == photo.read_bytes()  # the bad file replaced nothing


def test_a_badge_number_is_recorded_shown_and_printed_as_the_staff_number(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    assert main(["--db", url, "station", "add", "HP02", "沈阳市公安局和平分局南市场派出所"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("long-enough-pw\n"))
    assert main(["--db", url, "user", "add", "zhangli", "--name", "张丽", "--role", "clerk", "--station", "HP02",
                 "--badge", "012345"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("long-enough-pw\n"))
    assert main(["--db", url, "user", "add", "liuyang", "--name", "刘洋", "--role", "clerk",
                 "--station", "HP02"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("long-enough-pw\n"))
    assert main(["--db", url, "user", "add", "bad", "--name", "王五", "--role", "clerk", "--station", "HP02",
                 "--badge", "01-23"]) == 1
    assert "警号“01-23”不对" in capsys.readouterr().err
    from desk.core import build_core

    core = build_core(url)
    liuyang = core.users.sign_in("liuyang", "long-enough-pw")
    assert core.users.sign_in("zhangli", "long-enough-pw").badge == "012345"
    assert liuyang.badge == str(liuyang.actor.user_id)  # none recorded: the number in this system
    assert main(["--db", url, "user", "list"]) == 0
    listed = capsys.readouterr().out
    assert "工号 012345" in listed and f"工号 {liuyang.actor.user_id}" in listed and "bad" not in listed
    assert main(["--db", url, "user", "badge", "liuyang", "--badge", "a20771"]) == 0
    assert "警号 A20771" in capsys.readouterr().out
    assert core.users.badges()["liuyang"] == "A20771"
    assert main(["--db", url, "user", "badge", "liuyang", "--badge", ""]) == 0
    assert core.users.badges()["liuyang"] == str(liuyang.actor.user_id)
    assert main(["--db", url, "user", "badge", "nobody", "--badge", "1"]) == 1


def test_station_add_again_changes_only_what_is_given(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A station set up without its phone gets it later: `desk station add` again updates the options
    given and keeps the rest (it used to say 已登记 and change nothing, so the papers kept printing an
    empty 联系电话)."""
    from sqlalchemy import select

    from desk.core import build_core
    from desk.store.models import AuditEntry, Station

    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    assert main(["--db", url, "station", "add", "HP02", "沈阳市公安局和平分局南市场派出所",
                 "--branch", "沈阳市公安局和平分局", "--court", "沈阳市和平区人民法院"]) == 0
    assert "已登记" in capsys.readouterr().out
    assert main(["--db", url, "station", "add", "HP02", "沈阳市公安局和平分局南市场派出所",
                 "--address", "沈阳市和平区南五马路 1 号", "--phone", "024-22345678"]) == 0
    assert "已更新" in capsys.readouterr().out
    store = build_core(url).store
    with store.read() as session:
        station = session.get(Station, "HP02")
        assert station is not None
        assert (station.address, station.phone) == ("沈阳市和平区南五马路 1 号", "024-22345678")
        assert (station.branch_name, station.court) == ("沈阳市公安局和平分局", "沈阳市和平区人民法院")
        updated = session.execute(select(AuditEntry.details).where(AuditEntry.action == "station.updated")
                                  ).scalar_one()
    assert updated == {"changed": ["address", "phone"]}


def test_a_kiosk_account_is_made_with_kiosk_and_opens_no_desk(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from desk.core import build_core
    from desk.services.users import SignInFailed

    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    assert main(["--db", url, "station", "add", "HP02", "沈阳市公安局和平分局南市场派出所"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("kiosk-password-1\n"))
    assert main(["--db", url, "user", "add", "kiosk-k01", "--name", "自助机一号", "--role", "clerk",
                 "--station", "HP02", "--kiosk"]) == 0
    with pytest.raises(SignInFailed) as refused:
        build_core(url).users.sign_in("kiosk-k01", "kiosk-password-1")
    assert refused.value.code == "kiosk_account"

    monkeypatch.setattr("sys.stdin", io.StringIO("long-enough-pw\n"))
    assert main(["--db", url, "user", "add", "wangjg", "--name", "王建国", "--role", "leader",
                 "--station", "HP02"]) == 0
    capsys.readouterr()
    assert main(["--db", url, "user", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    kiosk_line = next(line for line in lines if line.startswith("kiosk-k01"))
    assert "自助机账号" in kiosk_line and "自助机账号" not in next(line for line in lines if "王建国" in line)
    # One column for the station on every line, counted as a terminal counts (a Chinese character: two).
    from desk.cli.common import text_columns

    starts = {text_columns(line[:line.index("HP02")]) for line in lines if "HP02" in line}
    assert len(starts) == 1
