"""Settings: each declared once here, with its type, default and label, and loaded in layers.

Later layers win over earlier ones:

1. the defaults below;
2. the machine's file, `/etc/station-desk/settings.toml` (IT's settings for every user;
   `DESK_SYSTEM_SETTINGS` names another file);
3. the user's file, `settings.toml` in the user's config folder (`DESK_CONFIG_DIR` overrides);
   a `settings.toml` in the data folder, where earlier releases kept it, is still read just before it;
4. the environment, `DESK_<NAME>` (upper case), e.g. `DESK_READER_PORT=/dev/ttyUSB0`;
5. the command line (`desk --set NAME=VALUE`, `--db URL`).

A bad value is a `SettingsError` naming the file (or variable, or option) and the key.
The desk, the kiosk and the core all read this one `Settings`; the apps' option objects hold only
what is not a setting (demo mode, test timings).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from desk.domain.errors import DeskError
from desk.domain.messages import Term
from desk.paths import config_dir, data_dir, system_settings_path

SETTINGS_FILE = "settings.toml"


def _setting(default: Any, label_zh: str, label_en: str, *, choices: tuple[str, ...] = (),
             minimum: float | None = None) -> Any:
    return field(default=default, metadata={"label_zh": label_zh, "label_en": label_en, "choices": choices,
                                            "minimum": minimum})


@dataclass(frozen=True)
class Settings:
    station_code: str = _setting("HP01", "本所编码", "Station code")
    database_url: str = _setting("", "数据库（留空为本机 SQLite）", "Database URL (empty: SQLite on this machine)")
    reader_port: str = _setting("simulator", "读卡器串口（simulator 为模拟器）",
                                "ID-card reader port ('simulator' for the simulator)")
    reader_baud: int = _setting(115200, "读卡器波特率", "ID-card reader baud rate", minimum=1200)
    printer: str = _setting("pdf", "打印机（pdf / cups:NAME / escpos:PORT）", "Printer (pdf / cups:NAME / escpos:PORT)")
    language: str = _setting("zh_CN", "界面语言", "Language of the screens", choices=("zh_CN", "en"))
    idle_lock_minutes: float = _setting(10.0, "无操作锁屏（分钟）", "Lock after minutes without use", minimum=0.5)
    kiosk_code: str = _setting("K01", "自助机编号", "Kiosk code")
    kiosk_idle_seconds: int = _setting(60, "自助机无操作返回（秒）", "Kiosk: back to start after seconds idle",
                                       minimum=5)
    counter_number: int = _setting(0, "本机窗口号（叫号时报出；0 为不指定）",
                                   "This desk's window number (called out; 0: none)", minimum=0)
    verify_url: str = _setting("", "证明核验网址（放入证明二维码；留空只放核验码）",
                               "Certificate check URL (in the QR code; empty: the code only)")
    print_retention_days: int = _setting(30, "已打印文书保留天数（到期删除本机上的PDF）",
                                         "Days printed papers' PDFs are kept on this machine", minimum=1)
    online_upload_max_kb: int = _setting(5120, "网上办每个上传文件的上限（KB）",
                                         "Citizen web page: largest upload per file (KB)", minimum=16)
    server_url: str = _setting("", "城市服务器地址（https://…；留空为单机模式）",
                               "City server URL (https://…; empty: this station on its own)")
    server_ca: str = _setting("", "城市服务器 CA 证书文件（留空用系统信任库）",
                              "City server's CA certificate file (empty: the system's trust store)")
    device_id: str = _setting("", "本机设备编号（留空用计算机名；自助机用自助机编号）",
                              "This machine's device id (empty: the host name; a kiosk: its kiosk code)")
    kiosk_user: str = _setting("", "自助机登录城市服务器的账号", "Kiosk: its account on the city server")
    kiosk_password_file: str = _setting("", "自助机账号密码文件（仅本机账户可读）",
                                        "Kiosk: file holding its account's password (readable by its OS user only)")


@dataclass(frozen=True)
class SettingSpec:
    name: str
    type: type
    default: Any
    label_zh: str
    label_en: str
    choices: tuple[str, ...]
    minimum: float | None


def declared() -> dict[str, SettingSpec]:
    """Every setting with its type, default and labels, in the order declared."""
    types = {"str": str, "int": int, "float": float}
    specs: dict[str, SettingSpec] = {}
    for spec in fields(Settings):
        kind = spec.type if isinstance(spec.type, type) else types[str(spec.type)]
        specs[spec.name] = SettingSpec(spec.name, kind, spec.default, spec.metadata["label_zh"],
                                       spec.metadata["label_en"], spec.metadata["choices"], spec.metadata["minimum"])
    return specs


class SettingsError(DeskError):
    """A bad setting: `source` is the file, variable or option it came from, `key` the setting."""

    code = "bad_setting"

    source: str = ""
    key: str = ""

    @classmethod
    def at(cls, source: str, key: str, message: str, **params: object) -> SettingsError:
        """The error saying `message` (a "settings.*" key, whose template names the source and the setting)."""
        error = cls.say(message, code=cls.code, source=source, setting=key, **params)
        error.source, error.key = source, key
        return error


def _convert(spec: SettingSpec, value: Any, source: str, *, from_text: bool) -> Any:
    if spec.type in (int, float):
        whole = spec.type is int
        kind = Term("word.whole_number") if whole else Term("word.number")
        if from_text and isinstance(value, str):
            try:
                value = spec.type(value.strip())
            except ValueError:
                raise SettingsError.at(source, spec.name, "settings.not_a", value=value, kind=kind) from None
        allowed = (int,) if whole else (int, float)
        if isinstance(value, bool) or not isinstance(value, allowed):
            raise SettingsError.at(source, spec.name, "settings.must_be", value=repr(value), kind=kind)
        if spec.minimum is not None and value < spec.minimum:
            raise SettingsError.at(source, spec.name, "settings.too_small", minimum=spec.minimum, value=value)
    elif not isinstance(value, str):
        raise SettingsError.at(source, spec.name, "settings.must_be_text", value=repr(value))
    if spec.choices and value not in spec.choices:
        listed = " / ".join(spec.choices)
        raise SettingsError.at(source, spec.name, "settings.not_a_choice", value=value, choices=listed)
    return value


def _apply(values: dict[str, Any], layer: Mapping[str, Any], source: str, *, from_text: bool = False) -> None:
    specs = declared()
    for key, value in layer.items():
        spec = specs.get(key)
        if spec is None:
            raise SettingsError.at(source, key, "settings.unknown", known=", ".join(specs))
        values[key] = _convert(spec, value, source, from_text=from_text)


def read_settings_file(path: Path) -> dict[str, Any]:
    """The settings in one TOML file ({} when there is none), checked key by key."""
    # tomllib only when there is a file: most desks have none, and the parser's import is a few
    # milliseconds of the sign-in screen's start.
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise SettingsError.at(str(path), "(file)", "settings.unreadable", reason=exc.strerror) from None
    import tomllib

    try:
        with handle:
            layer = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError.at(str(path), "(TOML)", "settings.bad_toml", detail=str(exc)) from None
    except OSError as exc:
        raise SettingsError.at(str(path), "(file)", "settings.unreadable", reason=exc.strerror) from None
    values: dict[str, Any] = {}
    _apply(values, layer, str(path))
    return values


def settings_path() -> Path:
    """The user's settings file (layer 3)."""
    return config_dir() / SETTINGS_FILE


def settings_files() -> list[Path]:
    """The files read, first to last: the machine's, the data folder's (earlier releases), the user's."""
    return [system_settings_path(), data_dir() / SETTINGS_FILE, settings_path()]


def environment_overrides(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    environ = os.environ if environ is None else environ
    return {name: environ[f"DESK_{name.upper()}"] for name in declared() if f"DESK_{name.upper()}" in environ}


def parse_assignments(assignments: list[str] | None) -> dict[str, str]:
    """`NAME=VALUE` words from the command line (`desk --set`)."""
    overrides: dict[str, str] = {}
    for word in assignments or []:
        name, sep, value = word.partition("=")
        if not sep or not name.strip():
            raise SettingsError.at("--set", word, "settings.bad_assignment")
        overrides[name.strip()] = value
    return overrides


def load_settings(path: Path | None = None, *, overrides: Mapping[str, Any] | None = None,
                  environ: Mapping[str, str] | None = None) -> Settings:
    """The settings from every layer (see the module docstring); `path` replaces the file layers (tests)."""
    values: dict[str, Any] = {}
    for file in [path] if path is not None else settings_files():
        values.update(read_settings_file(file))
    for name, value in environment_overrides(environ).items():
        _apply(values, {name: value}, f"DESK_{name.upper()}", from_text=True)
    for name, value in (overrides or {}).items():
        _apply(values, {name: value}, "--set" if name != "database_url" else "--db", from_text=True)
    return Settings(**values)
