"""A citizen's cases at other stations, as a desk may see them: that the case exists and how it stands
(number, transaction, state, station, dates) — so the clerk knows of an open application elsewhere —
without what belongs to the other station (the form, the materials, the history, the receipt's
lookup code, who handled it, the reasons). Opening such a case is refused (`other_station`)."""

from __future__ import annotations

import dataclasses

from desk.services.case_views import CaseView


def case_summary(case: CaseView) -> CaseView:
    return dataclasses.replace(case, lookup_code="", form_values={}, created_by=0, accepted_by=None,
                               decided_by=None, decision_reason=None, missing_materials=[], materials=[],
                               events=[])
