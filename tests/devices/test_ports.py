"""Ranking serial ports: USB bridges of known readers first, bare UART stubs and Bluetooth dropped."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from serial.tools import list_ports as serial_list_ports

from desk.devices.ports import list_ports


def port(device: str, description: str = "n/a", hwid: str = "n/a", vid: int | None = None,
         pid: int | None = None) -> SimpleNamespace:
    return SimpleNamespace(device=device, description=description, hwid=hwid, vid=vid, pid=pid)


def test_usb_readers_come_first(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = [
        port("/dev/ttyS0"),
        port("/dev/ttyS4", "16550A", "PNP0501"),
        port("/dev/ttyUSB1", "USB Serial", "USB VID:PID=0403:6010", 0x0403, 0x6010),
        port("/dev/ttyUSB0", "USB-Serial CH340", "USB VID:PID=1A86:7523", 0x1A86, 0x7523),
        port("/dev/ttyACM0", "Scanner", "USB VID:PID=05E0:1200", 0x05E0, 0x1200),
        port("/dev/rfcomm0", "Bluetooth serial", "BTH"),
    ]
    monkeypatch.setattr(serial_list_ports, "comports", lambda: fake)
    link = tmp_path / "idcard"
    link.write_text("")
    devices = [p.device for p in list_ports([str(link), str(tmp_path / "missing")])]
    assert devices == [str(link), "/dev/ttyUSB0", "/dev/ttyACM0", "/dev/ttyUSB1", "/dev/ttyS4"]
    assert list_ports()[0].chip == "CH340"
    assert "/dev/ttyS0" in [p.device for p in list_ports(include_all=True)]
