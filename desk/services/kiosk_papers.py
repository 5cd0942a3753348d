"""打印补交清单 at the kiosk: the card holder's own case's 一次性告知书 (what is still missing, by when),
reprinted by the document use case under the serial the desk issued it with, and the kiosk's event
for the manager's figures (no name, no ID number). One use case for the in-process kiosk
(kiosk/backend.py) and the city server's kiosk route (desk/server/kiosk_case_routes.py)."""

from __future__ import annotations

from desk.domain.errors import InvalidInput, NotFound
from desk.domain.workflow import CaseState
from desk.services.case_queries import CaseQueries
from desk.services.case_views import CaseView
from desk.services.documents import DocumentService, IssuedPaper
from desk.services.kiosks import KioskService


def own_case(queries: CaseQueries, id_number: str, case_number: str) -> CaseView:
    """The case if the card holder is its applicant; another's case is "not found" (its existence is not told)."""
    try:
        case = queries.get(case_number)
    except NotFound:
        case = None
    if case is None or case.applicant.id_number != id_number:
        raise NotFound.say("kiosk.own_case_not_found")
    return case


def reprint_supplement_notice(queries: CaseQueries, documents: DocumentService, kiosks: KioskService,
                              kiosk_code: str, id_number: str, case_number: str) -> IssuedPaper:
    """The notice names the applicant, so only the card holder's own case (a receipt code alone does not
    print it), and only while the case waits for papers."""
    case = own_case(queries, id_number, case_number)
    if case.state is not CaseState.SUPPLEMENT_REQUESTED:
        raise InvalidInput.say("kiosk.no_supplement_needed")
    paper = documents.case_document("supplement_notice", case_number)
    kiosks.record_event(kiosk_code, "kiosk.supplement_notice", {"serial": paper.serial})
    return paper
