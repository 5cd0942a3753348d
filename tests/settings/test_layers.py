"""Settings in layers: defaults → /etc file → the user's file → DESK_* variables → the command line;
each bad value a clear error naming where it came from and the key."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desk.settings import Settings, SettingsError, declared, load_settings, parse_assignments


@pytest.fixture
def layers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    system = tmp_path / "etc" / "settings.toml"
    user_dir = tmp_path / "config"
    system.parent.mkdir()
    user_dir.mkdir()
    monkeypatch.setenv("DESK_SYSTEM_SETTINGS", str(system))
    monkeypatch.setenv("DESK_CONFIG_DIR", str(user_dir))
    monkeypatch.setenv("DESK_DATA_DIR", str(tmp_path / "data"))
    for name in declared():
        monkeypatch.delenv(f"DESK_{name.upper()}", raising=False)
    return system, user_dir / "settings.toml"


def test_every_setting_is_declared_once_with_type_default_and_labels() -> None:
    specs = declared()
    assert set(specs) == {f for f in Settings.__dataclass_fields__}
    for spec in specs.values():
        assert spec.type in (str, int, float)
        assert isinstance(spec.default, spec.type)
        assert spec.label_zh and spec.label_en
    assert load_settings(environ={}, path=Path("/nonexistent/settings.toml")) == Settings()


def test_later_layers_win(layers: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    system, user = layers
    system.write_text('station_code = "SYS1"\nprinter = "cups:front"\nreader_baud = 9600\nkiosk_code = "K09"\n',
                      encoding="utf-8")
    user.write_text('printer = "pdf"\nreader_baud = 19200\nlanguage = "en"\n', encoding="utf-8")
    monkeypatch.setenv("DESK_READER_BAUD", "38400")
    monkeypatch.setenv("DESK_LANGUAGE", "zh_CN")
    settings = load_settings(overrides={"language": "en", "database_url": "sqlite:///x.sqlite3"})
    assert settings.station_code == "SYS1"  # only the machine's file says it
    assert settings.kiosk_code == "K09"
    assert settings.printer == "pdf"  # the user's file over the machine's
    assert settings.reader_baud == 38400  # the environment over both files
    assert settings.language == "en"  # the command line over the environment
    assert settings.database_url == "sqlite:///x.sqlite3"
    assert settings.idle_lock_minutes == 10  # the default where no layer says anything


@pytest.mark.parametrize(("text", "key", "words"), [
    ('reader_baud = "fast"\n', "reader_baud", "must be a whole number"),
    ("station_code = 12\n", "station_code", "must be text"),
    ('language = "fr"\n', "language", "not one of zh_CN / en"),
    ("idle_lock_minutes = 0\n", "idle_lock_minutes", "at least 0.5"),
    ('printr = "pdf"\n', "printr", "no such setting"),
    ("station_code = \n", "(TOML)", "not valid TOML"),
])
def test_a_bad_file_value_names_the_file_and_the_key(layers: tuple[Path, Path], text: str, key: str,
                                                     words: str) -> None:
    system, _ = layers
    system.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert caught.value.source == str(system)
    assert caught.value.key == key
    assert str(system) in caught.value.message_en and key in caught.value.message_en
    assert words in caught.value.message_en
    assert str(system) in caught.value.message_zh


def test_a_bad_environment_value_names_the_variable(layers: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESK_KIOSK_IDLE_SECONDS", "soon")
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert caught.value.source == "DESK_KIOSK_IDLE_SECONDS"
    assert "'soon' is not a whole number" in caught.value.message_en


def test_command_line_assignments() -> None:
    assert parse_assignments(["printer=cups:front", "verify_url=https://a/b?c=d"]) == {
        "printer": "cups:front", "verify_url": "https://a/b?c=d"}
    with pytest.raises(SettingsError) as caught:
        parse_assignments(["printer"])
    assert "NAME=VALUE" in caught.value.message_en and "名称=值" in caught.value.message_zh


def test_the_command_tells_a_bad_setting_without_a_traceback(layers: tuple[Path, Path], tmp_path: Path) -> None:
    _, user = layers
    user.write_text("reader_baud = -5\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "desk", "case", "list"], capture_output=True, text=True,
                          env={**os.environ}, timeout=60, check=False)
    assert proc.returncode == 1
    assert f"reader_baud in {user}" in proc.stderr
    assert "Traceback" not in proc.stderr
    user.unlink()
    proc = subprocess.run([sys.executable, "-m", "desk", "--set", "reader_baud=x", "case", "list"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 1 and "reader_baud in --set" in proc.stderr
