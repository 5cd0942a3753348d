"""户籍业务日报 — the station's daily report (A4, several pages) with charts.

Key figures first (what the manager reads in ten seconds), then by transaction, by clerk, the
overdue list, kiosk use and service ratings. Every number comes from
`printing.report_export.report_tables`, the same rows the CSV and XLSX hold.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from printing.documents.common import Paper, Rule, Writer, build_a4, zh_date, zh_datetime
from printing.documents.report_charts import (
    clerk_days_bars,
    has_case_figures,
    has_clerk_days,
    ratings_pie,
    transaction_bars,
)
from printing.fonts import FontSet
from printing.models import DailyReportData
from printing.report_export import ReportTable, Value, report_tables

TITLE = "户籍业务日报"
_MARGINS = (18.0, 18.0, 20.0, 18.0)  # top, right, bottom, left (mm): a report, not a letter
_FRAME_MM = 210 - _MARGINS[1] - _MARGINS[3]


def _fmt(value: Value, percent: bool = False) -> str:
    if value is None:
        return "—"
    if percent and isinstance(value, int | float):
        return f"{value:.1%}"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _rows(table: ReportTable) -> list[list[str]]:
    return [[_fmt(v, i in table.percent_columns) for i, v in enumerate(row)] for row in table.rows]


def _key_figures(data: DailyReportData, w: Writer, summary: ReportTable) -> Table:
    values = {str(row[0]): row[1] for row in summary.rows}
    days = values["平均办理时长（工作日）"]
    target = data.target_working_days
    boxes = [
        ("受理", f"{values['受理件数']} 件"),
        ("办结", f"{values['办结件数']} 件"),
        ("超期", f"{values['超期件数']} 件"),
        ("按时办结率", _fmt(values["按时办结率"], percent=True)),
        ("平均办理时长", f"{_fmt(days)} 个工作日"),
        ("目标", f"{target:g} 个工作日"),
        ("满意率", _fmt(values["满意率"], percent=True)),
        ("自助终端使用", f"{values['自助终端使用人次']} 人次"),
    ]
    big = w.style("center", fontName=w.fonts.heading.name, fontSize=w.size * 1.5, leading=w.size * 2)
    cells = [[w.p(value, big), w.p(label, "small_center")] for label, value in boxes]
    grid = [[cells[i][0] for i in range(4)], [cells[i][1] for i in range(4)],
            [cells[i][0] for i in range(4, 8)], [cells[i][1] for i in range(4, 8)]]
    return w.grid(grid, [w.frame_width / 4] * 4, [
        ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
        ("LINEBELOW", (0, 1), (-1, 1), 0.5, colors.black),
        *[("LINEAFTER", (i, 0), (i, -1), 0.5, colors.black) for i in range(3)],
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ])


def _assessment(data: DailyReportData) -> str:
    totals = data.totals
    parts = [f"本日受理{totals.accepted}件，办结{totals.completed}件"]
    if totals.average_working_days is None:
        parts.append("本日无办结案件，不计算平均办理时长")
    elif totals.average_working_days <= data.target_working_days:
        parts.append(f"平均办理时长{totals.average_working_days:.2f}个工作日，"
                     f"达到{data.target_working_days:g}个工作日的目标")
    else:
        parts.append(f"平均办理时长{totals.average_working_days:.2f}个工作日，"
                     f"超出{data.target_working_days:g}个工作日的目标，请关注")
    parts.append(f"超期案件{totals.overdue}件" + ("，清单见第四部分" if totals.overdue else ""))
    parts.append(f"出具一次性告知书{data.supplement_notices}件，不予受理{data.not_accepted}件")
    if data.ratings.dissatisfied_follow_ups:
        parts.append(f"差评{data.ratings.dissatisfied_follow_ups}件，须在15个工作日内整改反馈")
    clocks = data.legal_clocks
    if clocks.deemed_accepted:
        parts.append(f"5个工作日内未告知、依法视为受理{clocks.deemed_accepted}件")
    if clocks.notices_due or clocks.notices_running:
        parts.append(f"注销公告在公告期内{clocks.notices_running}件、期满待决定{clocks.notices_due}件")
    if clocks.permits_expiring:
        parts.append(f"迁移证件即将或已经到期{clocks.permits_expiring}份")
    if clocks.follow_ups_open:
        parts.append(f"“一件事”后续事项待办{clocks.follow_ups_open}项")
    follow_ups = data.follow_ups
    if follow_ups.open_at_end:
        overdue = f"，其中超过15个工作日{follow_ups.overdue_at_end}件，请督办" if follow_ups.overdue_at_end else ""
        parts.append(f"差评回访未办结{follow_ups.open_at_end}件{overdue}")
    return "；".join(parts) + "。"


def _section(w: Writer, title: str) -> Flowable:
    return w.p(title, w.style("heading", fontSize=w.size * 1.2, leading=w.size * 1.7, spaceBefore=w.size))


def build_pdf(data: DailyReportData, paper: Paper = Paper.A4, *, fonts: FontSet | None = None) -> bytes:
    if paper is not Paper.A4:
        raise ValueError("日报只印在A4纸上 / the daily report is printed on A4 only")
    w = Writer(Paper.A4, fonts, base_size=10.5, frame_width_mm=_FRAME_MM)
    width = w.frame_width
    tables = {t.key: t for t in report_tables(data)}
    figure_widths = [width - 5 * 18 * mm - 28 * mm, *[18 * mm] * 5, 28 * mm]
    figure_align = ["cell", *["cell_right"] * 6]
    clerk_widths = [18 * mm, figure_widths[0] - 18 * mm, *figure_widths[1:]]
    story: list[Flowable] = [
        w.p(data.station.name_zh, w.style("station", fontSize=14, leading=20)),
        w.p(TITLE, w.style("title", fontSize=22, leading=30)),
        w.p(f"统计日期：{zh_date(data.report_date)}　　生成时间：{zh_datetime(data.generated_at)}", "number"),
        Rule(1.2, 2),
        _section(w, "一、核心指标"),
        _key_figures(data, w, tables["summary"]),
        Spacer(1, 3 * mm),
        w.p(_assessment(data), "indent"),
        _section(w, "二、按业务事项统计"),
        # The transaction code is for spreadsheets; the paper shows the name only.
        w.table(tables["by_transaction"].headers[1:], [r[1:] for r in _rows(tables["by_transaction"])],
                figure_widths, align=figure_align),
        Spacer(1, 3 * mm),
        # A chart with nothing to show is not drawn (an empty frame reads as a fault): a sentence instead.
        w.drawing(transaction_bars(data, w.fonts, width)) if has_case_figures(data)
        else w.p("本日无受理、办结或超期案件，不绘制图表。", "indent"),
        CondPageBreak(80 * mm),
        _section(w, "三、按经办人统计"),
        w.table(tables["by_clerk"].headers, _rows(tables["by_clerk"]), clerk_widths, align=["cell", *figure_align]),
        Spacer(1, 3 * mm),
        w.drawing(clerk_days_bars(data, w.fonts, width)) if has_clerk_days(data)
        else w.p("本日无办结案件，不绘制办理时长图表。", "indent"),
        CondPageBreak(60 * mm),
        _section(w, f"四、超期案件清单（共{len(data.overdue)}件）"),
    ]
    if data.overdue:
        story.append(w.table(
            tables["overdue"].headers, _rows(tables["overdue"]),
            [37 * mm, 26 * mm, 15 * mm, 14 * mm, 18 * mm, 18 * mm, 11 * mm, 13 * mm, width - 152 * mm],
            align=["cell", "cell", "cell", "cell", "cell_center", "cell_center", "cell_right", "cell", "cell"],
            fast=True,
        ))
    else:
        story.append(w.p("本日无超期案件。", "indent"))
    kiosk = tables["kiosk_use"]
    story += [
        CondPageBreak(50 * mm),
        _section(w, "五、自助终端使用情况"),
        w.table(kiosk.headers, _rows(kiosk) or [["—", "本日无自助终端数据", "", "", "", ""]],
                [20 * mm, width - 100 * mm, 20 * mm, 20 * mm, 20 * mm, 20 * mm],
                align=["cell_center", "cell", *["cell_right"] * 4]),
        KeepTogether([
            _section(w, "六、服务评价（好差评）"),
            _ratings_block(data, w, tables["ratings"]),
        ]),
        *_anchor_block(data, w),
        Spacer(1, 10 * mm),
        KeepTogether([
            Rule(0.5, 2, dash=(3, 2)),
            w.p("填报人：＿＿＿＿＿＿　　　审核人（所长）：＿＿＿＿＿＿　　　报送日期：　　　年　　月　　日", "small"),
        ]),
    ]

    def footer(page: int, total: int) -> str:
        return f"{data.station.name_zh} {TITLE}（{zh_date(data.report_date)}）　第 {page} 页 共 {total} 页"

    return build_a4(story, title=f"{TITLE} {data.report_date.isoformat()}", author=data.station.name_zh,
                    fonts=w.fonts, footer=footer, margins_mm=_MARGINS)


def _anchor_block(data: DailyReportData, w: Writer) -> list[Flowable]:
    """The day's audit anchor on paper: a rewritten or cut-short log no longer matches what was printed."""
    mark = data.audit_anchor
    if mark is None:
        return []
    return [KeepTogether([
        _section(w, "七、审计日志锚点"),
        w.p(f"锚点时间：{mark.written_at}　　最新记录：第 {mark.seq} 条　　审计链：{mark.chains} 条", "small"),
        w.p(f"链头哈希：{mark.head_hash}", "small"),
        w.p(f"锚点签名（HMAC-SHA256）：{mark.tag or '（本机无审计密钥，未签名）'}", "small"),
        w.p("核验：desk audit verify --anchor 锚点文件；纸面上的哈希与签名须与锚点文件一致。", "small"),
    ])]


def _ratings_block(data: DailyReportData, w: Writer, table: ReportTable) -> Table:
    left_width = 70 * mm
    ratings_table = w.table(table.headers, _rows(table), [28 * mm, 18 * mm, 22 * mm],
                            align=["cell", "cell_right", "cell_right"])
    pie: Flowable = (w.drawing(ratings_pie(data, w.fonts, w.frame_width - left_width - 4 * mm))
                     if data.ratings.total else w.p("本日无服务评价，不绘制图表。", "indent"))
    return w.grid([[ratings_table, pie]], [left_width, w.frame_width - left_width],
                  [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
