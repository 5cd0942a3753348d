"""The A4 layout shared by the notices and decisions addressed to an applicant.

Issuing organ and document kind as the title, the document number under it and a rule, the
addressee, indented body paragraphs (and optional tables), the signature block with
「（公章）」 and the date, then the distribution note and the applicant's acknowledgement line.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from printing.documents.common import Paper, Rule, Writer, build_a4
from printing.fonts import FontSet
from printing.models import StationInfo


def letter_writer(fonts: FontSet | None) -> Writer:
    return Writer(Paper.A4, fonts, base_size=14.0)


def letter_head(w: Writer, station: StationInfo, title: str, number: str) -> list[Flowable]:
    return [
        w.p(station.name_zh, w.style("station", fontSize=w.size * 1.25, leading=w.size * 1.8)),
        w.p(title, w.style("title", fontSize=w.size * 1.55, leading=w.size * 2.2)),
        w.p(number, "number"),
        Rule(1.5, 2),
        Spacer(1, 4 * mm),
    ]


def letter_close(
    w: Writer,
    station: StationInfo,
    when: date,
    *,
    copies_note: str,
    acknowledgement: bool = True,
    contact: bool = True,
) -> list[Flowable]:
    """Signature block and the small print, kept on one page — and, by `build_letter`, on the page of the
    body's last paragraph: a page holding only the seal and the date is not a document page (GB/T 9704
    wants the seal on a page with text)."""
    tail: list[Flowable] = [Spacer(1, 12 * mm), w.signature_block(station.name_zh, when), Spacer(1, 10 * mm)]
    if contact:
        tail.append(w.p(f"联系地址：{station.address}　　联系电话：{station.phone}", "small"))
    tail.append(w.p(copies_note, "small"))
    if acknowledgement:
        tail += [Spacer(1, 6 * mm), Rule(0.5, 2, dash=(3, 2)),
                 w.p("申请人签收：＿＿＿＿＿＿＿＿　　　　签收日期：　　　年　　月　　日", "small")]
    return [SignatureBlock(tail)]


class SignatureBlock(KeepTogether):
    """The close of a letter (signature, seal, date, small print): `build_letter` keeps it with the
    flowable before it."""


def _with_the_last_words(story: list[Flowable]) -> list[Flowable]:
    for index, flowable in enumerate(story):
        if isinstance(flowable, SignatureBlock) and index > 0:
            story[index - 1:index + 1] = [KeepTogether([story[index - 1], *flowable._content])]
            break
    return story


def build_letter(
    w: Writer, body: Sequence[Flowable], *, title: str, number: str, author: str
) -> bytes:
    def footer(page: int, total: int) -> str:
        return f"— {page} —" if total > 1 else ""  # a one-page letter carries no page number

    story = _with_the_last_words(list(body))
    return build_a4(story, title=f"{title} {number}", author=author, fonts=w.fonts, footer=footer)
