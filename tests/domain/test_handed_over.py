"""What every shipped item hands over when done, in its own words (resources/catalog `hands_over_zh`): the
completion notice prints them after 已当场交付 / 请领取. A 换领 hands over the whole new booklet, a 补领 the
reissued one, a new household (立户 / 分户) its first booklet, a change the booklet with the new page, a
settlement the booklet with the newcomer's page — never the old one-size "已登记/变更页"."""

from __future__ import annotations

import pytest

from desk.domain.catalog import Category, IssuedDocument, Transaction
from desk.shipped import shipped_catalog

CATALOG = shipped_catalog()
ALL_ITEMS = [*CATALOG.transactions(), *CATALOG.retired()]  # retired ones too: their old cases still print
BOOKLET_ITEMS = [t for t in ALL_ITEMS if t.issues_document is IssuedDocument.BOOKLET]


def test_every_booklet_item_is_checked() -> None:
    assert len(BOOKLET_ITEMS) >= 29


@pytest.mark.parametrize("item", BOOKLET_ITEMS, ids=lambda t: t.code)
def test_a_booklet_item_hands_over_what_it_made(item: Transaction) -> None:
    words = item.handed_over_zh(IssuedDocument.BOOKLET)
    assert "户口簿" in words and "/" not in words and "已登记/变更页" not in words
    if "换领" in item.name_zh:
        assert words == "换领的新居民户口簿"
    elif "补领" in item.name_zh:
        assert words == "补发的居民户口簿"
    elif "立户" in item.name_zh or "分户" in item.name_zh:
        assert words.startswith("新立户的")  # a new household's first booklet
    elif item.category is Category.CHANGE or item.code == "head_of_household_change":
        assert "换发" in words  # the page (or the first page) that changed is reissued
    else:  # born, adopted, settled, restored: the newcomer's page is added to the household's booklet
        assert words.endswith("户口页）") and "已登记" in words


def test_items_issuing_a_paper_hand_over_that_paper_and_others_nothing() -> None:
    for item in ALL_ITEMS:
        if item.issues_document is IssuedDocument.BOOKLET:
            continue
        assert item.hands_over_zh == ""
        assert item.handed_over_zh(item.issues_document) == (
            "" if item.issues_document is IssuedDocument.RECEIPT_ONLY else item.issues_document.label_zh)
