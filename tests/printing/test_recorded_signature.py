"""A certificate issued by the document use case (SQLite and PostgreSQL) is signed once per issue, and the
QR code on its PDF carries exactly the signature the register records."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from desk_fixtures import YOUNG_WOMAN, Desk
from pdfcheck import qr_codes, render_pngs
from sqlalchemy import select

from desk.store.models import DocumentIssued
from printing.signing import Keyring, StationSigner, payload_in, verify_payload


def test_a_certificate_is_signed_once_and_its_qr_carries_the_recorded_signature(
        desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each issue signs its facts once: the payload the register records is the one the PDF's QR carries
    (the PDF once signed a second time inside `build_pdf`)."""
    desk.core.citizens.set_register_facts(desk.clerk, YOUNG_WOMAN, household_head="李建国", relationship_to_head="女",
                                          registered_on=date(1998, 6, 1))
    desk.core.keys.ensure_demo_key("HP01")
    signed: list[str] = []
    sign = StationSigner.sign

    def counting(self: StationSigner, *args: object, **kwargs: object) -> str:
        signed.append(payload := sign(self, *args, **kwargs))  # type: ignore[arg-type]
        return payload

    monkeypatch.setattr(StationSigner, "sign", counting)
    paper = desk.core.documents.household_certificate(YOUNG_WOMAN, "就业", actor=desk.clerk)
    assert signed == [paper.payload]
    with desk.core.store.read() as session:
        recorded = session.execute(select(DocumentIssued.payload).where(DocumentIssued.serial == paper.serial)
                                   ).scalar_one()
    [printed] = qr_codes(render_pngs(paper.pdf, tmp_path, dpi=150)[0])
    assert payload_in(printed) == recorded == paper.payload
    assert verify_payload(printed, Keyring.load(desk.core.keys_dir), today=desk.clock.today()).valid
