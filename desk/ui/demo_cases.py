"""Worked examples of complete cases, as a clerk would type them: the values of a transaction's
form, the materials handed in, and whose card is swiped. The screenshots command, the benchmark
and the UI tests drive the real screens with them. Plain data, no Qt.

Persons are the demo cards of `resources/demo/cards.toml` (valid ID numbers).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

ZHANG_WEI = {"name": "张伟", "id_number": "210102198503121239"}  # card "zhang-wei", born 1985
LI_XIULAN = {"name": "李秀兰", "id_number": "210104197802093029"}  # card "li-xiulan", born 1978
LIU_JIANGUO = {"name": "刘建国", "id_number": "210103196211082511"}  # card "liu-jianguo", born 1962


@dataclass(frozen=True)
class DemoCase:
    code: str
    card: str  # the applicant's demo card label
    values: dict[str, Any]
    # Materials NOT handed in (empty: all required ones are ticked).
    withheld: tuple[str, ...] = ()
    search: str = ""  # what the clerk types to find the transaction
    notes: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def demo_cases(today: date) -> dict[str, DemoCase]:
    born = (today - timedelta(days=6)).isoformat()
    return {
        "birth_registration": DemoCase(
            "birth_registration", "zhang-wei",
            {"child_name": "张子涵", "child_sex": "female", "child_birth_date": born, "parents_married": True,
             "settle_with": "father", "mother": LI_XIULAN, "father": ZHANG_WEI, "parents_nations_differ": True},
            search="csdj", notes="same-day, clerk level; the father's card is the applicant's"),
        "booklet_reissue": DemoCase(
            "booklet_reissue", "li-xiulan",
            {"household_type": "family", "loss_reason": "lost", "applicant_is_head": True,
             "contact_phone": "13912345678"},
            search="补领", notes="same-day, clerk level"),
        "spouse_joins_spouse": DemoCase(
            "spouse_joins_spouse", "li-xiulan",
            {"spouse": LIU_JIANGUO, "marriage_date": "2019-05-20", "origin_kind": "within_province",
             "residence_type": "own_property", "destination_area": "urban"},
            withheld=("applicant_household_certificate",), search="fqtk",
            notes="a material is missing: one-time supplement notice"),
        "household_split": DemoCase(
            "household_split", "zhang-wei",
            {"new_head": ZHANG_WEI, "split_reason": "own_home", "housing": "owned_by_applicant",
             "members_count": 3, "in_expropriation_zone": False},
            search="jmfh", notes="needs the station leader's approval (2 working days)"),
        "former_name_change": DemoCase(
            "former_name_change", "liu-jianguo",
            {"action": "add", "former_name": "刘建军", "period_used": "1962年至1980年",
             "evidence_kind": "household_archive"},
            search="zscym", notes="leader level"),
    }


def type_values(form: Any, values: dict[str, Any]) -> None:
    """Enter `values` into a TransactionForm field by field, in the catalog's order, as edits
    (each counts as the clerk's input: shown problems, the checklist and the draft save follow)."""
    for key in form.editors():
        if key in values:
            form.editor(key).set_value(values[key])
