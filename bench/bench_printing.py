"""Benchmark: building a receipt and a daily report of 2,000 cases, against their goals.

Goals (issue 4): a receipt ≤ 50 ms each (the clerk presses "accept" and the printer starts at
once); a daily report of 2,000 cases ≤ 1 s (aggregation + a multi-page PDF with charts). Fonts
are loaded once per process before timing (that one-off cost is printed separately), as the
desk loads them at start-up.

A baseline measured in the same run puts the figures in proportion to the machine: a plain
one-page reportlab PDF with the same fonts and no layout.

    .venv/bin/python bench/bench_printing.py [--receipts N] [--cases N] [--runs N]

Exit code 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import io
import re
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

# Runnable from a checkout without installing the package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from printing import samples
from printing.documents import daily_report, receipt
from printing.documents.common import Paper
from printing.fonts import FontSet, default_fonts
from printing.report_figures import build_daily_report

RECEIPT_GOAL = 0.050
REPORT_GOAL = 1.0


def _median(fn: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _baseline(fonts: FontSet) -> None:
    buffer = io.BytesIO()
    style = ParagraphStyle("b", fontName=fonts.body.name, fontSize=10)
    SimpleDocTemplate(buffer).build([Paragraph("受理回执 HJ2101022026112500017", style)])


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b(?!s)", pdf))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--receipts", type=int, default=40, help="receipts to time (median)")
    parser.add_argument("--cases", type=int, default=2000, help="cases in the daily report")
    parser.add_argument("--runs", type=int, default=5, help="daily-report runs (median)")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    fonts = default_fonts()
    data = samples.receipt()
    receipt.build_pdf(data, Paper.ROLL_80, fonts=fonts)  # warm-up: font parsing, rare-character font
    first = time.perf_counter() - start

    baseline = _median(lambda: _baseline(fonts), args.receipts)
    receipt_80 = _median(lambda: receipt.build_pdf(data, Paper.ROLL_80, fonts=fonts), args.receipts)
    receipt_58 = _median(lambda: receipt.build_pdf(data, Paper.ROLL_58, fonts=fonts), args.receipts)

    cases = samples.case_figures(args.cases)

    def report() -> bytes:
        figures = build_daily_report(samples.STATION, samples.NOW.date(), cases,
                                     kiosk_use=samples.daily_report(10).kiosk_use,
                                     ratings=samples.daily_report(10).ratings)
        return daily_report.build_pdf(figures, fonts=fonts)

    pages = _pages(report())
    report_time = _median(report, args.runs)

    # The worst case: every one of the cases is overdue, so the report lists all of them.
    listed = [replace(c, overdue=True, overdue_working_days=1) for c in cases]

    def worst() -> bytes:
        figures = build_daily_report(samples.STATION, samples.NOW.date(), listed)
        return daily_report.build_pdf(figures, fonts=fonts)

    worst_pages = _pages(worst())
    worst_time = _median(worst, args.runs)

    rows = [
        ("fonts loaded + first receipt (one-off)", first, None),
        ("baseline: one-paragraph PDF", baseline, None),
        ("receipt, 80 mm roll", receipt_80, RECEIPT_GOAL),
        ("receipt, 58 mm roll", receipt_58, RECEIPT_GOAL),
        (f"daily report, {args.cases} cases ({pages} pages)", report_time, REPORT_GOAL),
        (f"  … all {args.cases} listed as overdue ({worst_pages} pages)", worst_time, REPORT_GOAL),
    ]
    missed = False
    print(f"{'':48} {'median':>10} {'goal':>8} {'ratio':>7} {'× baseline':>11}")
    for label, seconds, goal in rows:
        ratio = f"{seconds / goal:6.2f}" if goal else ""
        goal_text = f"{goal * 1000:.0f} ms" if goal else ""
        print(f"{label:48} {seconds * 1000:8.1f} ms {goal_text:>8} {ratio:>7} {seconds / baseline:10.1f}×")
        missed |= goal is not None and seconds > goal
    print("goals met" if not missed else "GOAL MISSED")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
