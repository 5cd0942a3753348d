"""注销户口公告 — posted for 30 days before a registration is cancelled for a person who did not
apply (a duplicate registration found by the police); anyone may object within the period (A4)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from printing.bundle_models import DeregistrationNoticeData
from printing.documents.common import Paper, mask_id_number, zh_date
from printing.documents.letter import build_letter, letter_close, letter_head, letter_writer
from printing.fonts import FontSet

TITLE = "注销户口公告"


def build_pdf(data: DeregistrationNoticeData, paper: Paper = Paper.A4, *, fonts: FontSet | None = None) -> bytes:
    if paper is not Paper.A4:
        raise ValueError("注销户口公告只印在A4纸上 / the deregistration notice is printed on A4 only")
    w = letter_writer(fonts)
    days = (data.ends_on - data.published_on).days
    story: list[Flowable] = [
        *letter_head(w, data.station, TITLE, data.serial),
        w.p(data.body_zh, "indent"),
        w.key_values([("姓名：", data.person_name), ("公民身份号码：", mask_id_number(data.person_id_number)),
                      ("案件编号：", data.case_number)], w.frame_width, 34 * mm),
        Spacer(1, 3 * mm),
        w.p(f"公告期为{days}日，自{zh_date(data.published_on)}起至{zh_date(data.ends_on)}止。"
            "本人或利害关系人对注销有异议的，请在公告期内持有效证件到本所户籍窗口提出，并提供相关证明；"
            "公告期满无异议的，本所将依法注销上述重复户口。", "indent"),
    ]
    story += letter_close(w, data.station, data.published_on, copies_note="本公告张贴于本所公告栏，存档一份。",
                          acknowledgement=False)
    return build_letter(w, story, title=TITLE, number=data.serial, author=data.station.name_zh)
