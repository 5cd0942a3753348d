"""Charts for the daily report (reportlab.graphics), in greys so they print on any office printer.

Labels use one font per chart (reportlab charts cannot switch fonts per character); transaction
names and clerk names go through `chart_label`, which replaces a character the chart font lacks
with 〓 rather than leaving a blank (the tables beside the charts print the full names).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors

from printing.fonts import MISSING_GLYPH_MARK, FontSet
from printing.models import DailyReportData, FigureRow

GREYS = (colors.Color(0.15, 0.15, 0.15), colors.Color(0.55, 0.55, 0.55), colors.Color(0.82, 0.82, 0.82),
         colors.Color(0.35, 0.35, 0.35), colors.Color(0.7, 0.7, 0.7))


def chart_label(fonts: FontSet, text: str, limit: int = 8) -> str:
    face = fonts.body
    shown = "".join(ch if face.has(ch) or ch.isspace() else MISSING_GLYPH_MARK for ch in text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


LABEL_POINTS = 7  # the transaction chart's category labels


def label_angle(categories: int, axis_width: float, points: float) -> int:
    """The category labels' slant: 20° while neighbouring labels stand a line and a fifth apart at it,
    else steeper (60°, 90° at most) — with the 20 items of a busy day the 20° labels ran into each other
    (“大中专毕业生落户” over “就业（调工调干…”)."""
    step = axis_width / categories
    for angle in (20, 45, 60, 90):
        if step * math.sin(math.radians(angle)) >= 1.2 * points:
            return angle
    return 90


def _title(drawing: Drawing, fonts: FontSet, text: str, width: float, height: float) -> None:
    drawing.add(String(width / 2, height - 12, text, fontName=fonts.heading.name, fontSize=10,
                       textAnchor="middle"))


def has_case_figures(data: DailyReportData) -> bool:
    """Something to draw in the transaction chart: a case accepted, completed or overdue."""
    return any(r.accepted or r.completed or r.overdue for r in data.by_transaction)


def has_clerk_days(data: DailyReportData) -> bool:
    return any(r.average_working_days is not None for r in data.by_clerk)


def transaction_bars(data: DailyReportData, fonts: FontSet, width: float, height: float = 190) -> Drawing:
    """Accepted / completed / overdue per transaction, grouped bars."""
    rows: Sequence[FigureRow] = data.by_transaction
    drawing = Drawing(width, height)
    _title(drawing, fonts, "各业务事项受理、办结、超期件数", width, height)
    chart = VerticalBarChart()
    angle = label_angle(max(len(rows), 1), width - 52, LABEL_POINTS)
    below = 48 if angle <= 20 else 62  # a steeper label reaches further down: 8 characters at 60° ≈ 49 pt
    chart.x, chart.y = 36, below
    chart.width, chart.height = width - 52, height - 38 - below
    chart.data = [[r.accepted for r in rows] or [0], [r.completed for r in rows] or [0],
                  [r.overdue for r in rows] or [0]]
    chart.categoryAxis.categoryNames = [chart_label(fonts, r.label_zh) for r in rows] or [""]
    chart.categoryAxis.labels.fontName = fonts.body.name
    chart.categoryAxis.labels.fontSize = LABEL_POINTS
    chart.categoryAxis.labels.angle = angle
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.labels.fontName = fonts.body.name
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    chart.barSpacing = 1
    chart.groupSpacing = 8
    for index in range(3):
        chart.bars[index].fillColor = GREYS[index]
        chart.bars[index].strokeColor = colors.black
        chart.bars[index].strokeWidth = 0.3
    drawing.add(chart)
    drawing.add(_legend(fonts, width - 160, height - 22, ["受理", "办结", "超期"]))
    return drawing


def clerk_days_bars(data: DailyReportData, fonts: FontSet, width: float, height: float = 170) -> Drawing:
    """Average working days per clerk against the target (dashed line)."""
    rows = [r for r in data.by_clerk if r.average_working_days is not None]
    drawing = Drawing(width, height)
    _title(drawing, fonts, f"经办人平均办理时长（工作日，虚线为目标 {data.target_working_days:g}）", width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 36, 30
    chart.width, chart.height = width - 52, height - 62
    values = [round(r.average_working_days or 0.0, 2) for r in rows] or [0.0]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [chart_label(fonts, r.label_zh) for r in rows] or [""]
    chart.categoryAxis.labels.fontName = fonts.body.name
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = fonts.body.name
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max([*values, data.target_working_days]) * 1.25
    chart.valueAxis.valueMax = top
    chart.bars[0].fillColor = GREYS[1]
    chart.bars[0].strokeColor = colors.black
    chart.bars[0].strokeWidth = 0.3
    chart.barLabelFormat = "%.2f"
    chart.barLabels.fontName = fonts.body.name
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    drawing.add(chart)
    y = chart.y + chart.height * data.target_working_days / top
    drawing.add(Line(chart.x, y, chart.x + chart.width, y, strokeColor=colors.black, strokeWidth=0.9,
                     strokeDashArray=[4, 3]))
    return drawing


def ratings_pie(data: DailyReportData, fonts: FontSet, width: float, height: float = 170) -> Drawing:
    """The five rating levels as a pie (an empty day shows an empty circle and a note)."""
    drawing = Drawing(width, height)
    _title(drawing, fonts, "服务评价分布", width, height)
    items = list(data.ratings.items())
    total = data.ratings.total
    pie = Pie()
    pie.x, pie.y = 30, 14
    pie.width = pie.height = height - 48
    pie.data = [count for _, count in items] if total else [1]
    pie.labels = None
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 0.8
    for index in range(len(pie.data)):
        pie.slices[index].fillColor = GREYS[index % len(GREYS)] if total else colors.white
    if not total:
        pie.slices[0].strokeColor = colors.black
    drawing.add(pie)
    labels = [f"{level.label_zh} {count}（{count / total:.1%}）" if total else f"{level.label_zh} 0"
              for level, count in items]
    legend = _legend(fonts, pie.x + pie.width + 30, pie.y + pie.height - 6, labels)
    legend.colorNamePairs = [(GREYS[i % len(GREYS)], label) for i, label in enumerate(labels)]
    drawing.add(legend)
    return drawing


def _legend(fonts: FontSet, x: float, y: float, names: Sequence[str]) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName = fonts.body.name
    legend.fontSize = 8
    legend.alignment = "right"
    legend.columnMaximum = 6
    legend.dx = legend.dy = 7
    legend.deltay = 11
    legend.strokeColor = colors.black
    legend.strokeWidth = 0.3
    legend.colorNamePairs = [(GREYS[i], name) for i, name in enumerate(names)]
    if len(names) <= 3:
        legend.columnMaximum = 1
        legend.deltax = 48
    return legend
