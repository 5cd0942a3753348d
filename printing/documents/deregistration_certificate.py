"""注销户口证明 — the certificate of a cancelled registration: who, registered where, cancelled when and
why, with a serial and a signed QR code (A4), so a bank, a notary or a property registry can check it.

Signed like the 户籍证明 (`printing.signing`): the QR payload carries the serial, station, issue date
and a digest of exactly the facts printed here, never a readable ID number.
"""

from __future__ import annotations

from reportlab.lib.units import mm

from printing.documents.common import Paper, Writer, zh_date
from printing.documents.household_certificate import certificate_pdf, facts_grid, printed_payload, signed_bottom
from printing.fonts import FontSet
from printing.models import DeregistrationCertificateData
from printing.signing import StationSigner

TITLE = "注销户口证明"


def build_pdf(
    data: DeregistrationCertificateData,
    paper: Paper = Paper.A4,
    *,
    signer: StationSigner | None = None,
    payload: str | None = None,
    fonts: FontSet | None = None,
) -> bytes:
    """The certificate signed by `signer`, or carrying `payload` already signed for these facts."""
    if paper is not Paper.A4:
        raise ValueError("注销户口证明只印在A4纸上 / the deregistration certificate is printed on A4 only")
    w = Writer(Paper.A4, fonts, base_size=14.0)
    payload = printed_payload(data, signer=signer, payload=payload)
    validity = f"本证明有效期至{zh_date(data.valid_until)}。" if data.valid_until else ""
    facts = facts_grid(w, [
        [("姓名", data.name), ("性别", data.sex or "—")],
        [("民族", data.nation or "—"), ("出生日期", zh_date(data.birth_date) if data.birth_date else "—")],
        [("公民身份号码", data.id_number), None],
        [("曾用名", data.former_names or "无"), None],
        [("注销前户籍地址", data.address or "—"), None],
        [("注销日期", zh_date(data.deregistered_on)), ("注销原因", data.reason_zh)],
    ], (34 * mm, 26 * mm))
    bottom = signed_bottom(w, payload, data.verify_url, data.serial, data.station.name_zh, data.issued_at.date())
    return certificate_pdf(w, title=TITLE, station=data.station, serial=data.serial, facts=facts, body=[
        f"{data.name}的户口已于{zh_date(data.deregistered_on)}因{data.reason_zh}注销。以上情况经核对本所户籍档案，属实。",
        f"此证明用于{data.purpose_zh}。{validity}"], bottom=bottom, clerk_name=data.clerk_name)
