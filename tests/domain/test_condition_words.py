"""A material's condition told as a person would say it (desk/domain/catalog_words.py over the catalog's
data): a yes/no field that does not hold is said in the catalog's own words (父母未登记结婚 / parents are not
married) — the printed checklist once read 如不是“父母已登记结婚”的情况则需 — and each language keeps its own
brackets and notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.domain.catalog import FieldType
from desk.domain.catalog_loader import load_catalog
from desk.domain.catalog_words import materials_to_bring
from desk.shipped import shipped_catalog

CATALOG = shipped_catalog()
ITEMS = [*CATALOG.transactions(), *CATALOG.retired()]


@pytest.mark.parametrize("item", ITEMS, ids=lambda t: t.code)
def test_no_condition_reads_mechanically(item: object) -> None:
    for line in materials_to_bring(item):  # type: ignore[arg-type]
        if line.condition is None:
            continue
        zh, en = line.condition.zh, line.condition.en
        assert "的情况" not in zh and "的情形" not in zh, zh  # the fallback for a field without its own words
        assert "not:" not in en and "not (" not in en, en
        assert "days since" not in en or en.startswith("needed if more than"), en


def test_every_yes_no_field_a_condition_negates_has_its_own_no_words() -> None:
    for item in ITEMS:
        for material in item.materials:
            source = material.when.source if material.when else ""
            for spec in item.fields:
                if spec.type is FieldType.BOOL and (f"{spec.key} == false" in source or f"not {spec.key}" in source):
                    assert spec.label_false_zh and spec.label_false_en, (item.code, spec.key)


def test_the_english_caption_has_its_own_brackets_and_notes_their_english() -> None:
    lines = {line.name.zh: line for line in materials_to_bring(CATALOG["birth_registration"])}
    marriage = lines["父母《结婚证》"]
    assert marriage.caption.zh == "父母《结婚证》（原件）"
    assert marriage.caption.en == "Parents' marriage certificate (original)"
    assert "（" not in marriage.caption.en and "）" not in marriage.caption.en
    assert marriage.note is not None and marriage.note.en == "Not needed when the police can check it in their systems."
    for item in ITEMS:
        for material in item.materials:
            assert (material.note_zh is None) == (material.note_en is None), (item.code, material.key)


HEADER = """\
code = "{code}"
name_zh = "测试"
name_en = "Test"
category = "document"
time_limit_days = 0
approval = "clerk"
description_zh = "测试。"
description_en = "Test."
conditions_zh = "测试。"
legal_basis_zh = "测试"
source = "测试"

[[fields]]
key = "flag"
type = "{type}"
label_zh = "已办"
label_en = "Done"
{extra}

[[materials]]
key = "paper"
name_zh = "材料"
name_en = "Paper"
form = "original"
why_zh = "测试。"
why_en = "Test."
{note}
"""


@pytest.mark.parametrize("field_type, extra, note, path", [
    ("text", 'label_false_zh = "未办"\nlabel_false_en = "Not done"', "", "fields[0].label_false_zh"),
    ("bool", 'label_false_zh = "未办"', "", "fields[0].label_false_zh"),
    ("bool", "", 'note_zh = "免于提交"', "materials[0].note_en"),
])
def test_the_loader_refuses_half_said_words(tmp_path: Path, field_type: str, extra: str, note: str,
                                            path: str) -> None:
    from desk.domain.catalog import CatalogError

    (tmp_path / "t.toml").write_text(HEADER.format(code="t", type=field_type, extra=extra, note=note), "utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog(tmp_path)
    assert [(e.file, e.path) for e in caught.value.errors] == [("t.toml", path)]
