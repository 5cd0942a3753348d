"""Settings, each declared once with its type, default and label; stored in `settings.toml` in the
data directory, overridable by environment variables `DESK_<NAME>` (upper case)."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from desk.paths import data_dir


@dataclass(frozen=True)
class Settings:
    station_code: str = field(default="HP01", metadata={"label_zh": "本所编码"})
    database_url: str = field(default="", metadata={"label_zh": "数据库（留空为本机 SQLite）"})
    reader_port: str = field(default="simulator", metadata={"label_zh": "读卡器串口（simulator 为模拟器）"})
    reader_baud: int = field(default=115200, metadata={"label_zh": "读卡器波特率"})
    printer: str = field(default="pdf", metadata={"label_zh": "打印机（pdf / cups:NAME / escpos:PORT）"})
    language: str = field(default="zh_CN", metadata={"label_zh": "界面语言"})
    idle_lock_minutes: int = field(default=10, metadata={"label_zh": "无操作锁屏（分钟）"})
    kiosk_code: str = field(default="K01", metadata={"label_zh": "自助机编号"})
    kiosk_idle_seconds: int = field(default=60, metadata={"label_zh": "自助机无操作返回（秒）"})
    counter_number: int = field(default=0, metadata={"label_zh": "本机窗口号（叫号时报出；0 为不指定）"})
    verify_url: str = field(default="", metadata={"label_zh": "证明核验网址（放入证明二维码；留空只放核验码）"})


def settings_path() -> Path:
    return data_dir() / "settings.toml"


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_path()
    values: dict[str, Any] = {}
    if path.exists():
        with path.open("rb") as handle:
            values.update(tomllib.load(handle))
    known = {f.name: f for f in fields(Settings)}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ValueError(f"{path}: unknown settings {unknown}; known: {sorted(known)}")
    for name, spec in known.items():
        env = os.environ.get(f"DESK_{name.upper()}")
        if env is not None:
            values[name] = int(env) if spec.type in (int, "int") else env
    return Settings(**values)
