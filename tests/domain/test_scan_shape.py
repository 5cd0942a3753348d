"""Only text shaped like a code the desk prints is a scan."""

from __future__ import annotations

from desk.domain.online import ONLINE_QR_PREFIX, number_from_scan, qr_payload
from desk.domain.scan_shape import CERTIFICATE_PREFIXES, ONLINE_PREFIX, RECEIPT_PREFIX, looks_like_scan
from printing.qr import RECEIPT_QR_PREFIX, receipt_qr_text
from printing.signing import PAYLOAD_PREFIXES


def test_the_prefixes_are_the_ones_printing_uses() -> None:
    assert RECEIPT_PREFIX == RECEIPT_QR_PREFIX + ":"
    assert set(CERTIFICATE_PREFIXES) == {prefix + "." for prefix in PAYLOAD_PREFIXES}


def test_codes_the_desk_prints_are_scans() -> None:
    assert looks_like_scan(receipt_qr_text("HP01-20261125-0007", "K7M2Q9"))
    assert looks_like_scan("HP01-20261125-0007")
    assert looks_like_scan("SD-2026-000123")
    assert looks_like_scan("HJZM2.eyJ2IjoyfQ.c2ln")
    assert looks_like_scan("https://verify.example.cn/v?c=HJZM2.eyJ2IjoyfQ.c2ln")
    assert looks_like_scan(qr_payload("WS-HP01-20261125-0003"))  # a citizen's online application


def test_the_online_prefix_is_the_one_the_web_page_prints() -> None:
    assert ONLINE_PREFIX == ONLINE_QR_PREFIX
    assert number_from_scan("hjws1:ws-hp01-20261125-0003") == "WS-HP01-20261125-0003"
    assert number_from_scan("HP01-20261125-0003") is None  # a case number is not an application


def test_typing_is_not() -> None:
    for text in ("csdj", "csdj1234", "zhangsan", "210102195301150038", "13912345678", "2026-11-28", ""):
        assert not looks_like_scan(text), text
