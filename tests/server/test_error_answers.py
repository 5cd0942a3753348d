"""How a city desk reads an error answer (`desk.remote.connection`): the message key and parameters said
again in its own language — and, for a key or a parameter shape it does not know (a newer server's),
the server's own two texts, never a crash and never a raw object in the sentence."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from desk.domain.errors import InvalidInput
from desk.domain.messages import Bilingual
from desk.remote.connection import _error

MISSING_ZH = "还缺少 1 项材料：结婚证。可出具一次性告知书。"
MISSING_EN = "1 material(s) missing: Marriage certificate; issue a one-time supplement notice instead."
UNCHECKABLE_ZH = "这些材料不能由系统核验代替，须收取：结婚证。"
UNCHECKABLE_EN = "These materials cannot be checked in the systems instead; collect them: Marriage certificate."


def _answer(materials: object, key: str = "case.materials_missing") -> dict[str, Any]:
    return {"code": "materials_missing", "message_zh": MISSING_ZH, "message_en": MISSING_EN,
            "message": key, "params": {"count": 1, "materials": materials}}


def _uncheckable(materials: object) -> dict[str, Any]:
    """A key every desk knows (`case.not_checkable`), its parameter in a shape a desk may not."""
    return {"code": "invalid_input", "message_zh": UNCHECKABLE_ZH, "message_en": UNCHECKABLE_EN,
            "message": "case.not_checkable", "params": {"materials": materials}}


def test_catalog_names_on_the_wire_are_said_again_in_each_language() -> None:
    error = _error(httpx.Response(422, json=_answer([{"zh": "结婚证", "en": "Marriage certificate"}])))
    assert isinstance(error, InvalidInput) and error.code == "materials_missing"
    assert error.message_key == "case.materials_missing"
    assert error.params == {"count": 1, "materials": (Bilingual("结婚证", "Marriage certificate"),)}
    assert (error.message_zh, error.message_en) == (MISSING_ZH, MISSING_EN)
    known = _error(httpx.Response(422, json=_uncheckable([{"zh": "结婚证", "en": "Marriage certificate"}])))
    assert known.message_key == "case.not_checkable"
    assert (known.message_zh, known.message_en) == (UNCHECKABLE_ZH, UNCHECKABLE_EN)


@pytest.mark.parametrize("materials", [
    [{"zh": "结婚证", "ug": "نىكاھ گۇۋاھنامىسى"}],  # a side this desk does not know, and no English
    {"names": ["结婚证"]},
    [{"zh": "结婚证", "en": "Marriage certificate"}, {"said": "field.required", "params": {}}],
])
def test_a_parameter_of_an_unknown_shape_shows_the_servers_own_texts(materials: object) -> None:
    error = _error(httpx.Response(422, json=_uncheckable(materials)))
    assert isinstance(error, InvalidInput) and error.code == "invalid_input"
    assert error.message_key is None  # not said again: the server's texts as they came
    assert (error.message_zh, error.message_en) == (UNCHECKABLE_ZH, UNCHECKABLE_EN)


def test_a_key_this_desk_does_not_know_shows_the_servers_own_texts() -> None:
    error = _error(httpx.Response(422, json=_answer([{"zh": "结婚证", "en": "Marriage certificate"}],
                                                    key="case.invented_later")))
    assert error.message_key is None and (error.message_zh, error.message_en) == (MISSING_ZH, MISSING_EN)
