"""户籍证明 — the household certificate: certified facts, serial, and a signed QR code (A4).

The QR code carries an Ed25519-signed payload (`printing.signing`) with the serial, station,
issue date and a digest of exactly the facts printed here — never a readable ID number — so any
desk or kiosk can check the paper offline. `build_pdf` either signs while building (`signer`) or
prints the payload the caller already signed and recorded (`payload`) after checking it certifies
exactly these facts, so a certificate can never carry a code that does not match its facts.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from printing.documents.common import Paper, Rule, Writer, build_a4, zh_date
from printing.fonts import FontSet
from printing.models import HouseholdCertificateData, StationInfo
from printing.qr import qr_drawing
from printing.signing import SigningError, StationSigner, facts_digest, parse_payload, verification_text

TITLE = "户籍证明"


class SignedCertificate(Protocol):
    """What a signed certificate's QR code is made from (户籍证明, 注销户口证明)."""

    @property
    def station(self) -> StationInfo: ...
    @property
    def serial(self) -> str: ...
    @property
    def issued_at(self) -> datetime: ...
    @property
    def valid_until(self) -> date | None: ...
    def certified_facts(self) -> dict[str, str]: ...


def certificate_payload(data: SignedCertificate, signer: StationSigner) -> str:
    """The signed QR text for a certificate's facts (raises SigningError if the key is another station's)."""
    if signer.station_code != data.station.code:
        raise SigningError("signing.other_station", key_station=signer.station_code, station=data.station.code)
    return signer.sign_facts(data.serial, data.certified_facts(), data.issued_at.date(), data.valid_until)


def printed_payload(data: SignedCertificate, *, signer: StationSigner | None = None,
                    payload: str | None = None) -> str:
    """The QR text a certificate prints: `payload` — signed once, for the register's record — when
    given, after checking that it certifies exactly `data` (serial, station, facts, dates); else a
    new signature by `signer`. Raises SigningError for a payload made for other facts."""
    if payload is None:
        if signer is None:
            raise ValueError("证明须用本站密钥签名 / a certificate needs the station's signer or its signed payload")
        return certificate_payload(data, signer)
    try:
        claim, _signed, _signature = parse_payload(payload)
    except ValueError:
        raise SigningError("signing.payload_not_these_facts", serial=data.serial) from None
    expected = (data.station.code, data.serial, facts_digest(data.certified_facts()), data.issued_at.date())
    if (claim.station_code, claim.serial, claim.digest, claim.issued_on) != expected or (
            claim.version == 2 and claim.valid_until != data.valid_until):
        raise SigningError("signing.payload_not_these_facts", serial=data.serial)
    return payload


def signed_bottom(w: Writer, payload: str, verify_url: str, serial: str, organ: str, issued_on: date) -> Table:
    """The certificate's foot: the signed QR code with its serial at the left, the issuing organ's
    signature block (seal, date) at the right — shared by every signed certificate."""
    qr_block = w.grid(
        [[w.drawing(qr_drawing(verification_text(payload, verify_url), 38, "M"))],
         [w.p("扫码核验", "small_center")],
         [w.p(serial, w.style("small_center", fontSize=7.5, leading=9))]],
        [50 * mm],
        [("ALIGN", (0, 0), (-1, -1), "CENTER"), ("TOPPADDING", (0, 0), (-1, -1), 0),
         ("BOTTOMPADDING", (0, 0), (-1, -1), 0)],
    )
    signature = w.signature_block(organ, issued_on)
    return w.grid([[qr_block, signature]], [52 * mm, w.frame_width - 52 * mm],
                  [("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                   ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])


def facts_grid(w: Writer, rows: list[list[tuple[str, str] | None]], key_widths: tuple[float, float]) -> Table:
    """The boxed facts of a signed certificate: each row one or two (label, value) pairs; a row of one pair
    spans the whole width."""
    width = w.frame_width
    cells = []
    for row in rows:
        cells.append([part for pair in row for part in ((w.p(pair[0], "cell_head"), w.p(pair[1], "cell"))
                                                        if pair is not None else ("", ""))])
    return w.grid(cells, [key_widths[0], width / 2 - key_widths[0], key_widths[1], width / 2 - key_widths[1]], [
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("BOX", (0, 0), (-1, -1), 1.4, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        *[("SPAN", (1, r), (3, r)) for r, row in enumerate(rows) if row[1:] == [None]],
    ])


def certificate_pdf(w: Writer, *, title: str, station: StationInfo, serial: str, facts: Table, body: list[str],
                    bottom: Table, clerk_name: str) -> bytes:
    """A signed certificate's page (户籍证明, 注销户口证明): organ and title, number, 兹证明, the facts, the
    body's paragraphs and 特此证明, the QR code beside the seal and date, the clerk and the small print."""
    story: list[Flowable] = [
        w.p(station.name_zh, w.style("station", fontSize=17, leading=25)),
        w.p(title, w.style("title", fontSize=26, leading=36)),
        w.p(f"编号：{serial}", "number"),
        Rule(1.5, 2),
        Spacer(1, 4 * mm),
        w.p("兹证明：", "left"),
        Spacer(1, 2 * mm),
        facts,
        Spacer(1, 4 * mm),
        *(w.p(text, "indent") for text in body),
        w.p("特此证明。", "indent"),
        Spacer(1, 8 * mm),
        bottom,
        Spacer(1, 6 * mm),
        w.p(f"经办民警：{clerk_name}　　联系电话：{station.phone}", "small"),
        w.p("本证明涂改无效。二维码由出具单位数字签名，可在任一户籍窗口或自助终端离线核验真伪及证明内容。", "small"),
    ]
    return build_a4(story, title=f"{title} {serial}", author=station.name_zh, fonts=w.fonts,
                    margins_mm=(28, 26, 20, 28))


def build_pdf(
    data: HouseholdCertificateData,
    paper: Paper = Paper.A4,
    *,
    signer: StationSigner | None = None,
    payload: str | None = None,
    fonts: FontSet | None = None,
) -> bytes:
    """The certificate signed by `signer`, or carrying `payload` already signed for these facts."""
    if paper is not Paper.A4:
        raise ValueError("户籍证明只印在A4纸上 / the household certificate is printed on A4 only")
    w = Writer(Paper.A4, fonts, base_size=14.0)
    payload = printed_payload(data, signer=signer, payload=payload)
    validity = f"本证明有效期至{zh_date(data.valid_until)}。" if data.valid_until else ""
    bottom = signed_bottom(w, payload, data.verify_url, data.serial, data.station.name_zh, data.issued_at.date())
    facts = facts_grid(w, [
        [("姓名", data.name), ("性别", data.sex)],
        [("民族", data.nation), ("出生日期", zh_date(data.birth_date))],
        [("公民身份号码", data.id_number), None],
        [("曾用名", data.former_names or "无"), None],
        [("户籍地址", data.address), None],
        [("户主姓名", data.household_head), ("与户主关系", data.relationship_to_head)],
        [("本址登记日期", zh_date(data.registered_on)), None],
    ], (32 * mm, 30 * mm))
    return certificate_pdf(w, title=TITLE, station=data.station, serial=data.serial, facts=facts, body=[
        "以上情况经核对本所户籍档案，属实。", f"此证明用于{data.purpose_zh}。{validity}"],
        bottom=bottom, clerk_name=data.clerk_name)
