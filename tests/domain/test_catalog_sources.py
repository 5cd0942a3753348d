"""docs/catalog-sources.md and the catalog's `[[sources]]` stay in step: every source of every item
(title and address) is listed on the page, every item — retired ones too — has a row there, and an
item decided above the window names a source for its level."""

from __future__ import annotations

from pathlib import Path

from desk.shipped import shipped_catalog

PAGE = Path(__file__).resolve().parents[2] / "docs" / "catalog-sources.md"


def test_every_source_and_every_item_is_on_the_sources_page() -> None:
    page = PAGE.read_text(encoding="utf-8")
    catalog = shipped_catalog()
    for transaction in [*catalog.values(), *catalog.retired()]:
        assert f"| `{transaction.code}` | {transaction.name_zh} |" in page, transaction.code
        for source in transaction.sources:
            assert source.title_zh in page and source.address in page, (transaction.code, source.title_zh)


def test_no_address_is_made_up_where_none_was_found() -> None:
    catalog = shipped_catalog()
    for transaction in [*catalog.values(), *catalog.retired()]:
        for source in transaction.sources:
            address = source.address
            assert address.startswith(("http://", "https://", "unknown")) or "未能检索到" in address, address
