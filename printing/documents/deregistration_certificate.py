"""注销户口证明 — the certificate of a cancelled registration: who, registered where, cancelled when and
why, with a serial and a signed QR code (A4), so a bank, a notary or a property registry can check it.

Signed like the 户籍证明 (`printing.signing`): the QR payload carries the serial, station, issue date
and a digest of exactly the facts printed here, never a readable ID number.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from printing.documents.common import Paper, Rule, Writer, build_a4, zh_date
from printing.documents.household_certificate import signed_bottom
from printing.fonts import FontSet
from printing.models import DeregistrationCertificateData
from printing.signing import SigningError, StationSigner

TITLE = "注销户口证明"


def certificate_payload(data: DeregistrationCertificateData, signer: StationSigner) -> str:
    """The signed QR text for these facts (raises SigningError if the key is another station's)."""
    if signer.station_code != data.station.code:
        raise SigningError("signing.other_station", key_station=signer.station_code, station=data.station.code)
    return signer.sign_facts(data.serial, data.certified_facts(), data.issued_at.date(), data.valid_until)


def _facts_table(data: DeregistrationCertificateData, w: Writer) -> Table:
    width = w.frame_width

    def v(text: str) -> Paragraph:
        return w.p(text, "cell")

    def k(text: str) -> Paragraph:
        return w.p(text, "cell_head")

    rows = [
        [k("姓名"), v(data.name), k("性别"), v(data.sex or "—")],
        [k("民族"), v(data.nation or "—"), k("出生日期"), v(zh_date(data.birth_date) if data.birth_date else "—")],
        [k("公民身份号码"), v(data.id_number), "", ""],
        [k("曾用名"), v(data.former_names or "无"), "", ""],
        [k("注销前户籍地址"), v(data.address or "—"), "", ""],
        [k("注销日期"), v(zh_date(data.deregistered_on)), k("注销原因"), v(data.reason_zh)],
    ]
    return w.grid(rows, [34 * mm, width / 2 - 34 * mm, 26 * mm, width / 2 - 26 * mm], [
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("BOX", (0, 0), (-1, -1), 1.4, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        *[("SPAN", (1, r), (3, r)) for r in (2, 3, 4)],
    ])


def build_pdf(
    data: DeregistrationCertificateData,
    paper: Paper = Paper.A4,
    *,
    signer: StationSigner,
    fonts: FontSet | None = None,
) -> bytes:
    if paper is not Paper.A4:
        raise ValueError("注销户口证明只印在A4纸上 / the deregistration certificate is printed on A4 only")
    w = Writer(Paper.A4, fonts, base_size=14.0)
    payload = certificate_payload(data, signer)
    validity = f"本证明有效期至{zh_date(data.valid_until)}。" if data.valid_until else ""
    story: list[Flowable] = [
        w.p(data.station.name_zh, w.style("station", fontSize=17, leading=25)),
        w.p(TITLE, w.style("title", fontSize=26, leading=36)),
        w.p(f"编号：{data.serial}", "number"),
        Rule(1.5, 2),
        Spacer(1, 4 * mm),
        w.p("兹证明：", "left"),
        Spacer(1, 2 * mm),
        _facts_table(data, w),
        Spacer(1, 4 * mm),
        w.p(f"{data.name}的户口已于{zh_date(data.deregistered_on)}因{data.reason_zh}注销。"
            "以上情况经核对本所户籍档案，属实。", "indent"),
        w.p(f"此证明用于{data.purpose_zh}。{validity}", "indent"),
        w.p("特此证明。", "indent"),
        Spacer(1, 8 * mm),
        signed_bottom(w, payload, data.verify_url, data.serial, data.station.name_zh, data.issued_at.date()),
        Spacer(1, 6 * mm),
        w.p(f"经办民警：{data.clerk_name}　　联系电话：{data.station.phone}", "small"),
        w.p("本证明涂改无效。二维码由出具单位数字签名，可在任一户籍窗口或自助终端离线核验真伪及证明内容。", "small"),
    ]
    return build_a4(story, title=f"{TITLE} {data.serial}", author=data.station.name_zh, fonts=w.fonts,
                    margins_mm=(28, 26, 20, 28))
