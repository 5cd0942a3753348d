"""Inputs that used to hang or print the wrong words: pipes and devices as catalog files, a NaN
timeout, a reader whose every reply fails its checksum, a "card found" reply to "read"."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.cli import main
from desk.devices.protocol import Command, StatusCode
from desk.devices.reader import CardReaderDriver, ReaderError, Timeouts
from desk.devices.simulator import FaultMode, ReaderSimulator, load_cards

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def sim() -> Iterator[ReaderSimulator]:
    with ReaderSimulator(load_cards()) as simulator:
        yield simulator


def _desk(*argv: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    """A real `desk` process, so a hang is a failed test (TimeoutExpired), not a stuck run."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "desk", *argv], capture_output=True, text=True,
                          timeout=timeout, env=env, check=False)


def test_catalog_check_of_a_fifo_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "birth.toml"
    os.mkfifo(fifo)
    for target in (fifo, tmp_path):  # the pipe named directly, and found in a folder
        result = _desk("catalog", "check", str(target))
        assert result.returncode == 1
        assert "不是普通文件" in result.stdout and "not a regular file" in result.stdout


def test_catalog_check_of_a_link_to_dev_zero_does_not_read_forever(tmp_path: Path) -> None:
    (tmp_path / "zero.toml").symlink_to("/dev/zero")
    result = _desk("catalog", "check", str(tmp_path))
    assert result.returncode == 1 and "不是普通文件" in result.stdout


def test_catalog_check_of_a_huge_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_bytes(b"# " + b"x" * 2_000_000 + b"\n")
    code = main(["catalog", "check", str(big)])
    assert code == 1


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "-1", "1e30", "soon"])
def test_reader_read_refuses_a_timeout_that_never_ends(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["reader", "read", "--port", "/nonexistent", f"--timeout={value}"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "--timeout" in err and ("有限数" in err or "不是数字" in err)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), 0.0, -1.0])
def test_driver_timeouts_must_be_finite(value: float) -> None:
    with pytest.raises(ValueError, match="finite"):
        Timeouts(read=value)


def test_a_reader_whose_replies_all_fail_the_checksum_is_reported_as_such(
        sim: ReaderSimulator, capsys: pytest.CaptureFixture[str]) -> None:
    sim.place(0)
    sim.set_fault(FaultMode.BAD_CHECKSUM)
    code = main(["reader", "read", "--port", sim.port, "--timeout", "0.5"])
    err = capsys.readouterr().err
    assert code == 1
    assert "数据校验一直错误" in err and "failing the checksum" in err
    assert "没有读卡器应答" not in err


def test_a_card_found_reply_to_read_is_not_shown_as_an_error(sim: ReaderSimulator) -> None:
    sim.place("zhang-wei")
    sim.set_fault(FaultMode.STATUS, count=1, status=StatusCode.CARD_FOUND, commands=[Command.READ_TEXT_PHOTO])
    driver = CardReaderDriver(sim.port, timeouts=Timeouts(read=0.6, status=0.15))
    try:
        assert driver.read_once().name == "张伟"  # the stray reply was taken for what it is and the read repeated
    finally:
        driver.close()


def test_a_reader_that_keeps_answering_card_found_to_read_gets_the_right_words(sim: ReaderSimulator) -> None:
    sim.place("zhang-wei")
    sim.set_fault(FaultMode.STATUS, status=StatusCode.CARD_FOUND, commands=[Command.READ_TEXT_PHOTO])
    driver = CardReaderDriver(sim.port, timeouts=Timeouts(read=0.6, status=0.15))
    try:
        with pytest.raises(ReaderError) as caught:
            driver.read_once()
    finally:
        driver.close()
    assert caught.value.code == "unexpected_reply"
    assert "已找到证件" not in caught.value.message_zh and "应答与命令不符" in caught.value.message_zh
