"""Finding the serial ports a card reader or scanner is likely on.

USB readers appear as virtual serial ports (/dev/ttyUSB*, /dev/ttyACM*, COMn); built-in UARTs
(/dev/ttyS*) are listed last and only when they look real. Paths given explicitly (a simulator's
pty link, a udev symlink such as /dev/idcard) are always listed first when they exist.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

from serial.tools import list_ports as serial_list_ports

# USB-serial bridges used in ID-card readers and scanners (vendor id, product id) -> chip.
KNOWN_BRIDGES: dict[tuple[int, int], str] = {
    (0x1A86, 0x7523): "CH340",
    (0x1A86, 0x55D4): "CH9102",
    (0x067B, 0x2303): "PL2303",
    (0x10C4, 0xEA60): "CP210x",
    (0x0403, 0x6001): "FT232",
    (0x0403, 0x6015): "FT231X",
}


@dataclass(frozen=True)
class PortInfo:
    device: str
    description: str
    kind: str  # "given", "usb", "acm", "platform"
    score: int  # higher = more likely a reader
    hwid: str = ""
    chip: str = ""


def _rank(port: object) -> PortInfo | None:
    device = str(getattr(port, "device", ""))
    description = str(getattr(port, "description", "") or "")
    hwid = str(getattr(port, "hwid", "") or "")
    vid, pid = getattr(port, "vid", None), getattr(port, "pid", None)
    if "bluetooth" in description.lower() or "rfcomm" in device:
        return None
    if vid is not None:
        chip = KNOWN_BRIDGES.get((vid, pid or 0), "")
        kind = "acm" if "ACM" in device else "usb"
        return PortInfo(device, description, kind, 30 if chip else 20, hwid, chip)
    if hwid in ("", "n/a"):
        # A /dev/ttyS* with no hardware behind it: legacy UART stubs every PC kernel creates.
        return None
    return PortInfo(device, description, "platform", 5, hwid)


def list_ports(given: Iterable[str] = (), *, include_all: bool = False) -> list[PortInfo]:
    """Candidate ports, most likely first. `given` paths are included if they exist."""
    found: dict[str, PortInfo] = {}
    for path in given:
        if path and os.path.exists(path):
            target = os.path.realpath(path)
            found[path] = PortInfo(path, f"→ {target}" if target != path else path, "given", 100)
    for port in serial_list_ports.comports():
        info = _rank(port)
        if info is None:
            if not include_all:
                continue
            info = PortInfo(str(port.device), str(port.description or ""), "platform", 0, str(port.hwid or ""))
        found.setdefault(info.device, info)
    return sorted(found.values(), key=lambda info: (-info.score, info.device))
