"""Optional parts of the install: a missing extra is a clear error that names it, never an ImportError."""

from __future__ import annotations

import pytest

from desk.domain.errors import DeskError, MissingExtra
from desk.extras import require_extra


def test_a_missing_module_names_the_extra_to_install() -> None:
    with pytest.raises(MissingExtra) as caught:
        require_extra("desk_no_such_module", "postgres", "feature.postgres")
    assert isinstance(caught.value, DeskError)
    assert caught.value.extra == "postgres"
    assert "pip install 'station-desk[postgres]'" in caught.value.message_en
    assert "pip install 'station-desk[postgres]'" in caught.value.message_zh
    assert caught.value.message_zh.startswith("PostgreSQL 数据库（postgresql:// 地址）需要附加组件 “postgres”")
    assert caught.value.message_en.startswith(
        "The PostgreSQL database (a postgresql:// URL) needs the 'postgres' extra")


def test_an_installed_module_passes() -> None:
    require_extra("sqlalchemy", "core", "feature.postgres")
