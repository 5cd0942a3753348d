"""The wire form: a case with its applicant, materials and history, and an issued paper, survive JSON
unchanged (what the city server sends is what the desk's remote use case returns)."""

from __future__ import annotations

import json

from desk_fixtures import OLD_MAN, Desk

from desk.services.wire import (
    case_from_wire,
    case_to_wire,
    citizen_from_wire,
    citizen_to_wire,
    paper_from_wire,
    paper_to_wire,
)

PHONE = "13912345678"


def test_a_decided_case_and_its_paper_survive_json(desk: Desk) -> None:
    draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": False, "contact_phone": PHONE})
    decided = desk.core.decisions.accept_and_issue(desk.clerk, draft.number, draft.version, ["id_card"])
    case = decided.case
    assert case.events and case.materials and case.accepted_at is not None and case.due_date is not None
    assert case_from_wire(json.loads(json.dumps(case_to_wire(case)))) == case
    assert citizen_from_wire(json.loads(json.dumps(citizen_to_wire(case.applicant)))) == case.applicant
    (paper,) = decided.papers
    assert paper_from_wire(json.loads(json.dumps(paper_to_wire(paper)))) == paper
