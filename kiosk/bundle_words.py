"""A “一件事” bundle as the kiosk's 我的办件 shows it: ONE item for all its member cases — the
bundle's name with how many of its items are done, the state of the least advanced member, what
happens next for the members still open, and the follow-ups at other agencies still to do.
Pure functions (no Qt), like `kiosk/plain_words.py`.
"""

from __future__ import annotations

from collections.abc import Sequence

from desk.services.bundles import BundleView
from kiosk.plain_words import CaseSummary
from kiosk.said import NOTHING, QT_TRANSLATE_NOOP, Data, Joined, Said, says


def summarise_bundle(bundle: BundleView, members: Sequence[CaseSummary]) -> CaseSummary:
    """One summary for the bundle, from its members' summaries (in the bundle's order)."""
    done = sum(1 for m in members if m.finished)
    name = says(QT_TRANSLATE_NOOP("KioskSays", "{name}（{count}项，已办好{done}项）"),
                name=Data.of(bundle.name_zh, bundle.name_en), count=len(members), done=done)
    open_members = [m for m in members if not m.finished]
    leading = open_members[0] if open_members else (members[0] if members else None)
    if leading is None:
        return CaseSummary(bundle.number, name, says(QT_TRANSLATE_NOOP("KioskSays", "已经办好")), NOTHING, None, (),
                           None, True)
    if open_members:
        steps: Said = Joined([says(QT_TRANSLATE_NOOP(
            "KioskSays", "{name}：{step}"), name=m.transaction, step=m.next_step)
                              for m in open_members], says(QT_TRANSLATE_NOOP("KioskSays", "；")))
    else:
        pending = [f for f in bundle.follow_ups if f.state == "open"]
        elsewhere = Joined([Data.of(f.name_zh, None) for f in pending],
                           says(QT_TRANSLATE_NOOP("KioskSays", "、")))
        steps = (says(QT_TRANSLATE_NOOP(
            "KioskSays", "本所事项已全部办好。还需到其他部门办理：{elsewhere}（见告知单）。"),
                      elsewhere=elsewhere, count=len(pending))
                 if pending else says(QT_TRANSLATE_NOOP("KioskSays", "已经全部办完，无需再做什么。")))
    missing = tuple(w for m in open_members for w in m.missing)
    reason = next((m.reason for m in members if m.reason), None)
    return CaseSummary(bundle.number, name, leading.state, steps, leading.promised, missing, reason,
                       not open_members)


def group_bundles(summaries: Sequence[CaseSummary], bundles: Sequence[BundleView]) -> list[CaseSummary]:
    """The citizen's cases with each bundle's members folded into one item, where its newest member was."""
    by_case = {m.number: b for b in bundles for m in b.members}
    by_number = {s.number: s for s in summaries}
    shown: set[str] = set()
    result: list[CaseSummary] = []
    for summary in summaries:
        bundle = by_case.get(summary.number)
        if bundle is None:
            result.append(summary)
        elif bundle.number not in shown:
            shown.add(bundle.number)
            members = [by_number[m.number] for m in bundle.members if m.number in by_number]
            result.append(summarise_bundle(bundle, members))
    return result
