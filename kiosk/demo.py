"""Demo data for `desk kiosk --demo` and the screenshots: the desk's demo station, users and residents
when the store is empty, plus the people on the simulator's demo cards (resources/demo/cards.toml)
with register entries and cases in several states — so swiping a demo card shows something real.

Everything goes through the real services (audited, numbered, with real deadlines). No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from desk.core import Core
from desk.devices.card import IdCard, card_from_text
from desk.devices.protocol import decode_text_block
from desk.devices.simulator import SimCard, load_cards
from desk.domain.applicant import ApplicantFacts
from desk.domain.errors import NotFound
from desk.domain.workflow import Actor
from desk.services.citizens import CardFacts
from desk.services.demo import DEMO_PASSWORD
from kiosk.backend import card_refusal

# Register entries (household head, relationship, registered on) for the demo card holders; a card
# holder without one (刘建国) shows the polite "请到窗口办理" of the self-printed certificate.
REGISTER: dict[str, tuple[str, str, date]] = {
    "zhang-wei": ("张伟", "户主", date(1985, 3, 20)),
    "li-xiulan": ("李秀兰", "户主", date(2005, 6, 1)),
    "wang-rare": ("王𠮷", "户主", date(2012, 9, 1)),
}


@dataclass(frozen=True)
class DemoCase:
    transaction: str
    values: dict[str, Any]
    plan: str  # completed | under_review | accepted | supplement


CASES: dict[str, tuple[DemoCase, ...]] = {
    "zhang-wei": (
        DemoCase("booklet_renewal", {"renewal_reason": "damaged", "household_type": "family",
                                     "applicant_is_head": True}, "completed"),
        DemoCase("former_name_change", {"action": "add", "former_name": "张小伟", "period_used": "1985年至1999年",
                                        "evidence_kind": "school_records"}, "under_review"),
        DemoCase("move_within_city", {"move_reason": "own_property", "new_household": True, "movers": 1,
                                      "destination_address": "辽宁省沈阳市和平区三好街96号3-2-1"}, "supplement"),
    ),
    "li-xiulan": (
        DemoCase("former_name_change", {"action": "add", "former_name": "李秀岚", "period_used": "1978年至1990年",
                                        "evidence_kind": "household_archive"}, "accepted"),
    ),
}


def card_of(sim_card: SimCard, today: date) -> IdCard:
    """The IdCard a reader would report for a simulator card (without going through a port)."""
    return card_from_text(decode_text_block(sim_card.text_block()), sim_card.photo, today=today,
                          extra_address=sim_card.extra_address)


def seed_demo(core: Core, *, residents: int = 60, cases: int = 40) -> None:
    """Demo station, users and residents if the store is empty; then the demo card holders' cases."""
    try:
        core.documents.station_info()
    except NotFound:
        core.build_demo_data(residents=residents, cases=cases)
    core.keys.ensure_demo_key(core.station_code)
    clerk = core.users.sign_in("clerk", DEMO_PASSWORD).actor
    leader = core.users.sign_in("leader", DEMO_PASSWORD).actor
    today = core.clock.today()
    for sim_card in load_cards():
        card = card_of(sim_card, today)
        if card_refusal(card) is not None:
            continue  # the forged and expired demo cards stay unknown to the register
        core.citizens.register_card(clerk, CardFacts.from_card(card))
        if sim_card.label in REGISTER:
            head, relationship, registered = REGISTER[sim_card.label]
            core.citizens.set_register_facts(clerk, card.id_number, household_head=head,
                                             relationship_to_head=relationship, registered_on=registered)
        if core.queries.list(applicant_id_number=card.id_number, limit=1):
            continue  # seeded before
        for demo in CASES.get(sim_card.label, ()):
            _make_case(core, clerk, leader, card.id_number, demo)


def _make_case(core: Core, clerk: Actor, leader: Actor, id_number: str, demo: DemoCase) -> None:
    cases = core.cases
    case = cases.open_draft(clerk, id_number, demo.transaction, demo.values)
    transaction = core.catalog[demo.transaction]
    citizen = core.citizens.view(clerk, id_number, purpose="demo")
    facts = ApplicantFacts(citizen.birth_date, citizen.sex, citizen.nation, id_number[:6])
    required = [m.key for m in transaction.required_materials(demo.values, facts, core.clock.today())]
    if demo.plan == "supplement":
        cases.request_supplement(clerk, case.number, case.version, required[:1])
        return
    case = cases.accept(clerk, case.number, case.version, required)
    if demo.plan == "accepted":
        return
    if demo.plan == "under_review":
        cases.submit_for_review(clerk, case.number, case.version)
        return
    if case.state.value == "accepted" and case.approval.value != "clerk":  # the tier fixed at acceptance
        case = cases.submit_for_review(clerk, case.number, case.version)
        case = cases.approve(leader, case.number, case.version)
    cases.complete(clerk, case.number, case.version)
