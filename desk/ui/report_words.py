"""The daily report's words on the manager's screen.

`printing.report_export` writes the report's tables in Chinese: they are the station's papers and
files. The screen says the same figures' names, column headers and totals in its own language — the
words are marked here for lupdate (context "ReportWords") and translated when shown; a case's state
and a rating level are the messages' words (context "Messages", desk/domain/messages.py)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

WORDS = (
    # the key figures (the tiles)
    QT_TRANSLATE_NOOP("ReportWords", "受理件数"), QT_TRANSLATE_NOOP("ReportWords", "办结件数"),
    QT_TRANSLATE_NOOP("ReportWords", "超期件数"), QT_TRANSLATE_NOOP("ReportWords", "按时办结率"),
    QT_TRANSLATE_NOOP("ReportWords", "平均办理时长（工作日）"), QT_TRANSLATE_NOOP("ReportWords", "一次性告知件数"),
    QT_TRANSLATE_NOOP("ReportWords", "不予受理件数"), QT_TRANSLATE_NOOP("ReportWords", "满意率"),
    QT_TRANSLATE_NOOP("ReportWords", "评价总数"), QT_TRANSLATE_NOOP("ReportWords", "自助终端使用人次"),
    # the tables' columns
    QT_TRANSLATE_NOOP("ReportWords", "业务代码"), QT_TRANSLATE_NOOP("ReportWords", "业务事项"),
    QT_TRANSLATE_NOOP("ReportWords", "受理"), QT_TRANSLATE_NOOP("ReportWords", "办结"),
    QT_TRANSLATE_NOOP("ReportWords", "超期"), QT_TRANSLATE_NOOP("ReportWords", "按时办结"),
    QT_TRANSLATE_NOOP("ReportWords", "工号"), QT_TRANSLATE_NOOP("ReportWords", "经办人"),
    QT_TRANSLATE_NOOP("ReportWords", "受理编号"), QT_TRANSLATE_NOOP("ReportWords", "申请人"),
    QT_TRANSLATE_NOOP("ReportWords", "受理日期"), QT_TRANSLATE_NOOP("ReportWords", "应办结日期"),
    QT_TRANSLATE_NOOP("ReportWords", "超期（工作日）"), QT_TRANSLATE_NOOP("ReportWords", "状态"),
    QT_TRANSLATE_NOOP("ReportWords", "当前处理人/环节"), QT_TRANSLATE_NOOP("ReportWords", "终端编号"),
    QT_TRANSLATE_NOOP("ReportWords", "设置地点"), QT_TRANSLATE_NOOP("ReportWords", "使用人次"),
    QT_TRANSLATE_NOOP("ReportWords", "取号"), QT_TRANSLATE_NOOP("ReportWords", "进度查询"),
    QT_TRANSLATE_NOOP("ReportWords", "打印文件"), QT_TRANSLATE_NOOP("ReportWords", "评价等级"),
    QT_TRANSLATE_NOOP("ReportWords", "件数"), QT_TRANSLATE_NOOP("ReportWords", "占比"),
    # cells
    QT_TRANSLATE_NOOP("ReportWords", "合计"), QT_TRANSLATE_NOOP("ReportWords", "处理中"),
    # 当前处理人/环节 of an overdue case (desk.services.reports._pending_with); %1 is the clerk's name
    QT_TRANSLATE_NOOP("ReportWords", "所领导审批"), QT_TRANSLATE_NOOP("ReportWords", "分局审批"),
    QT_TRANSLATE_NOOP("ReportWords", "待群众补正材料"), QT_TRANSLATE_NOOP("ReportWords", "窗口：%1"),
    QT_TRANSLATE_NOOP("ReportWords", "窗口办结：%1"),
)


def report_word(text: str) -> str:
    """`text` (a word of the Chinese report) in the screen's language; other text as it is."""
    translated = QCoreApplication.translate("ReportWords", text)
    if translated != text:
        return translated
    return QCoreApplication.translate("Messages", text)
