"""Warming up the form engine while nobody waits for it.

The first form a clerk opens in a fresh process pays the first-use costs of Qt and the bindings —
style rules worked out per class, font engines for the captions' and notes' sizes, the inputs'
lazily built parts — roughly half its build time, all in the one turn of the event loop that
builds it (≈40 ms instead of ≈15 ms for the birth registration form). `warm_up_forms()` pays them
ahead: once the work screens are built it builds, hidden, the forms and materials lists of a few
transactions that together use every field type, one per turn of the event loop, and throws them
away.

Thread contract: GUI thread only.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from desk.domain.applicant import ApplicantFacts
from desk.domain.catalog import Transaction
from desk.qt.app_filters import AppEventFilters, paused


def covering_transactions(transactions: Sequence[Transaction]) -> list[Transaction]:
    """A few transactions that together use every field type of `transactions` (greedy: the one
    adding the most types not yet used first; of equals, the one with the fewest fields)."""
    missing = {spec.type for transaction in transactions for spec in transaction.fields}
    chosen: list[Transaction] = []
    while missing:
        best = max(transactions, key=lambda t: (len(missing & {s.type for s in t.fields}), -len(t.fields)))
        chosen.append(best)
        missing -= {spec.type for spec in best.fields}
    return chosen


def warm_up_forms(transactions: Sequence[Transaction], today: date, language: str, parent: QWidget,
                  filters: AppEventFilters | None = None) -> None:
    """Build and drop, hidden under `parent`, the form and materials list of each of `transactions`,
    one per turn of the event loop. Stops by itself if `parent` goes away first."""
    from desk.forms.form_view import TransactionForm
    from desk.forms.materials_view import MaterialsChecklist

    holder = QWidget(parent)
    holder.hide()
    queue = list(transactions)
    timer = QTimer(holder)  # dies with the holder: no step runs after the window is gone
    timer.setSingleShot(True)

    def step() -> None:
        if not queue:
            holder.deleteLater()
            return
        transaction = queue.pop(0)
        with paused(filters):  # as for a real form: no input can arrive during the build
            form = TransactionForm(transaction, ApplicantFacts(), today, language, holder)
            checklist = MaterialsChecklist(transaction, ApplicantFacts(), today, language, holder)
        form.deleteLater()
        checklist.deleteLater()
        timer.start(0)

    timer.timeout.connect(step)
    timer.start(0)
