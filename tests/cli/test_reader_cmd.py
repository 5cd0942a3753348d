"""`desk reader`: read a card from the simulator, list ports, run the simulator as a process."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.cli import main
from desk.devices.simulator import ReaderSimulator, load_cards

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def sim() -> Iterator[ReaderSimulator]:
    with ReaderSimulator(load_cards()) as simulator:
        yield simulator


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["reader", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_read_prints_json_with_the_required_keys(capsys: pytest.CaptureFixture[str], sim: ReaderSimulator,
                                                 tmp_path: Path) -> None:
    sim.place("li-xiulan")
    photo = tmp_path / "photo.wlt"
    code, out, _ = run(capsys, "read", "--port", sim.port, "--json", "--timeout", "2", "--photo", str(photo))
    assert code == 0
    data = json.loads(out)
    for key in ("name", "sex", "nation", "birth_date", "address", "id_number", "issuing_authority",
                "valid_from", "valid_to", "card_type"):
        assert key in data
    assert (data["name"], data["sex"], data["nation"], data["birth_date"]) == ("李秀兰", "female", "满", "1978-02-09")
    assert data["valid_to"] == "2039-07-20" and data["card_type"] == "resident"
    assert data["problems"] == [] and data["problem_messages"] == []
    assert photo.read_bytes() == sim.card("li-xiulan").photo


def test_read_human_output_shows_warnings(capsys: pytest.CaptureFixture[str], sim: ReaderSimulator) -> None:
    sim.place("sun-bad-checksum")
    code, out, _ = run(capsys, "read", "--port", sim.port, "--baud", "115200", "--timeout", "2")
    assert code == 0
    assert "姓名 / Name: 孙丽" in out
    assert "注意 / Warning: 证件号码校验位错误" in out


def test_read_json_flags_come_with_messages(capsys: pytest.CaptureFixture[str], sim: ReaderSimulator) -> None:
    sim.place("zhao-expired")
    code, out, _ = run(capsys, "read", "--port", sim.port, "--json", "--timeout", "2")
    data = json.loads(out)
    assert code == 0 and "expired" in data["problems"]
    assert {"code": "expired", "zh": "证件已过有效期", "en": "the card has expired"} in data["problem_messages"]


def test_read_without_a_card_times_out(capsys: pytest.CaptureFixture[str], sim: ReaderSimulator) -> None:
    code, _, err = run(capsys, "read", "--port", sim.port, "--timeout", "0.3")
    assert code == 1
    assert "请放置证件" in err and "读卡器上没有证件" in err and "no card on the reader" in err


def test_read_from_a_missing_port(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "read", "--port", str(tmp_path / "ttyUSB9"), "--timeout", "0.3")
    assert code == 2
    assert "找不到串口" in err


def test_ports_lists_a_given_path_first(capsys: pytest.CaptureFixture[str], sim: ReaderSimulator) -> None:
    code, out, _ = run(capsys, "ports", sim.port)
    assert code == 0
    assert out.splitlines()[0].startswith(sim.port)
    code, out, _ = run(capsys, "ports", "--json", sim.port, "/nonexistent/port")
    data = json.loads(out)
    assert data[0]["device"] == sim.port and data[0]["kind"] == "given"
    assert all(entry["device"] != "/nonexistent/port" for entry in data)


def test_simulate_runs_as_a_process(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    link = tmp_path / "ttyREADER"
    process = subprocess.Popen(
        [sys.executable, "-m", "desk", "reader", "simulate", "--link", str(link), "--card", "2",
         "--fault", "garbage"],
        cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert process.stdout is not None and process.stdin is not None
        assert process.stdout.readline().strip() == str(link)
        code, out, _ = run(capsys, "read", "--port", str(link), "--json", "--timeout", "3")
        assert code == 0 and json.loads(out)["name"] == "李秀兰"
        process.stdin.write("smith-2023\n")
        process.stdin.flush()
        # The console command is applied asynchronously: poll until the new card shows up.
        for _ in range(20):
            code, out, _ = run(capsys, "read", "--port", str(link), "--json", "--timeout", "1")
            if code == 0 and json.loads(out)["card_type"] == "foreign_2023":
                break
        else:
            pytest.fail("the simulator did not place the card typed on its console")
        process.stdin.write("q\n")
        process.stdin.flush()
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert not link.exists()


def test_simulate_rejects_a_bad_cards_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "cards.toml"
    bad.write_text('[[card]]\nlabel = "x"\nname = "名字太长了名字太长了名字太长了名字"\n', encoding="utf-8")
    code, _, err = run(capsys, "simulate", "--cards", str(bad))
    assert code == 1 and "'x'" in err
