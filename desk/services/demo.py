"""Deterministic demo data: Shenyang residents with valid ID numbers, cases in every state spread
over recent working days, and one user per role — all created through the real services, so the
audit chain, numbering and deadlines are exactly what production would hold."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from desk.domain.applicant import ApplicantFacts
from desk.domain.catalog import Catalog, FieldSpec, Transaction
from desk.domain.clock import CHINA_TZ, Clock, FixedClock
from desk.domain.errors import DeskError
from desk.domain.idnumber import generate_id_number
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import Actor, Approval, Role
from desk.services.cases import CaseService
from desk.services.citizens import CardFacts, CitizenService
from desk.services.users import UserService
from desk.store.database import Store

DEMO_PASSWORD = "demo1234"
DEMO_STATION = ("HP01", "沈阳市公安局和平分局太原街派出所", "沈阳市公安局和平分局",
                "沈阳市和平区太原南街 68 号", "024-23456110", "沈阳市和平区人民政府", "沈阳市和平区人民法院")
DEMO_STATION_EN = "Taiyuan Street Police Station"
DEMO_USERS = (
    ("clerk", "张丽", Role.CLERK),
    ("clerk2", "刘洋", Role.CLERK),
    ("leader", "王建国", Role.LEADER),
    ("leader2", "赵振华", Role.LEADER),
    ("manager", "陈所长", Role.MANAGER),
    ("admin", "系统管理员", Role.ADMIN),
)

SHENYANG_DISTRICTS = {
    "210102": ("和平区", ["南京南街", "太原南街", "中华路", "南五马路", "十一纬路", "三好街"]),
    "210103": ("沈河区", ["北站路", "青年大街", "中街路", "小西路", "市府大路", "万柳塘路"]),
    "210104": ("大东区", ["东顺城街", "津桥路", "东北大马路", "小河沿路", "龙之梦大街"]),
    "210105": ("皇姑区", ["黄河南大街", "崇山中路", "长江街", "北陵大街", "昆山中路"]),
    "210106": ("铁西区", ["兴华南街", "北二中路", "建设中路", "重工街", "卫工北街"]),
    "210112": ("浑南区", ["浑南中路", "创新路", "全运路", "沈中大街"]),
    "210114": ("于洪区", ["沈大路", "洪湖北街", "黄海路"]),
}
SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶"
    "阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
)
GIVEN_MALE = ["伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚", "建华", "志强", "海涛", "振宇", "国庆",
              "宏伟", "子轩", "浩然", "宇航", "博文", "鑫", "鹏", "天佑", "晨阳"]
GIVEN_FEMALE = ["芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀英", "桂兰", "玉兰", "晓燕", "雪梅", "欣怡",
                "梓涵", "诗琪", "雨桐", "佳怡", "思彤", "丹", "颖", "婷", "慧敏", "淑珍"]
NATIONS = ["汉"] * 16 + ["满", "回", "朝鲜", "蒙古"]
WORK_TEXT = {
    "reason": "工作调动", "school": "东北大学", "employer": "沈阳鼓风机集团有限公司", "unit": "沈阳市和平区教育局",
    "company": "沈阳新松机器人自动化股份有限公司", "country": "加拿大", "hospital": "中国医科大学附属盛京医院",
}


@dataclass(frozen=True)
class DemoSummary:
    residents: int
    cases: int
    by_state: dict[str, int]


def years_later(day: date, years: int) -> date:
    """The same calendar day `years` later; a card issued on 29 February expires on 28 February
    when that year has no 29th (the card's validity never runs past the date printed on it)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


class DemoBuilder:
    def __init__(self, store: Store, catalog: Catalog, calendar: WorkingCalendar, seed: int,
                 today: date | None = None) -> None:
        self.store, self.catalog, self.calendar = store, catalog, calendar
        self.rng = random.Random(seed)
        self.today = today or Clock().today()
        self.residents: list[CardFacts] = []
        self.latest = self._instant(self.today, 0)
        self.actors: dict[str, Actor] = {}

    # -- people ----------------------------------------------------------------------------------

    def users(self) -> None:
        service = UserService(self.store, FixedClock(self._instant(self.today, 8)))
        service.ensure_station(*DEMO_STATION, name_en=DEMO_STATION_EN)
        for username, name, role in DEMO_USERS:
            try:
                user_id = service.create_user(username, name, role, DEMO_STATION[0], DEMO_PASSWORD)
            except DeskError:
                user_id = service.sign_in(username, DEMO_PASSWORD).actor.user_id
            self.actors[username] = Actor(user_id, role, name)

    def resident(self, *, min_age: int = 18, max_age: int = 85) -> CardFacts:
        rng = self.rng
        region = rng.choice(list(SHENYANG_DISTRICTS))
        district, streets = SHENYANG_DISTRICTS[region]
        sex = rng.choice(["male", "female"])
        age_days = rng.randint(min_age * 365 + 10, max_age * 365)
        birth = self.today - timedelta(days=age_days)
        id_number = generate_id_number(region, birth, sex, rng.randint(0, 400))
        name = rng.choice(SURNAMES) + rng.choice(GIVEN_MALE if sex == "male" else GIVEN_FEMALE)
        unit = f"{rng.randint(1, 30)}-{rng.randint(1, 6)}-{rng.randint(1, 4)}"
        address = f"辽宁省沈阳市{district}{rng.choice(streets)}{rng.randint(1, 300)}号{unit}"
        start = self.today - timedelta(days=rng.randint(30, 3600))
        valid_to = None if age_days > 46 * 365 else years_later(start, 20 if age_days > 26 * 365 else 10)
        return CardFacts(
            id_number=id_number, name=name, sex=sex, nation=rng.choice(NATIONS), birth_date=birth,
            address=address, issuing_authority=f"沈阳市公安局{district}分局", valid_from=start,
            valid_to=valid_to, phone=f"13{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}",
        )

    def register_residents(self, count: int) -> None:
        service = CitizenService(self.store, FixedClock(self._instant(self.today, 8)))
        heads: list[CardFacts] = []
        for index in range(count):
            facts = self.resident()
            service.register_card(self.actors["clerk"], facts)
            # Every third resident lives in an earlier resident's household; the others head their own.
            head = heads[-1] if index % 3 == 2 and heads else facts
            if head is facts:
                heads.append(facts)
            relationship = "户主" if head is facts else self.rng.choice(["配偶", "子", "女", "母亲", "父亲"])
            assert facts.birth_date is not None
            registered = facts.birth_date + timedelta(days=self.rng.randint(20, 9000))
            service.set_register_facts(self.actors["clerk"], facts.id_number, household_head=head.name,
                                       relationship_to_head=relationship,
                                       registered_on=min(registered, self.today - timedelta(days=30)))
            self.residents.append(facts)

    # -- cases -----------------------------------------------------------------------------------

    def cases(self, count: int) -> dict[str, int]:
        counts: dict[str, int] = {}
        working_days = self._recent_working_days(25)
        # Nothing in the demo happens later than the end of the last working day before today.
        self.latest = self._instant(working_days[-1], 17, 30)
        plans = ["completed", "completed", "completed", "under_review", "approved", "accepted", "supplement",
                 "not_accepted", "denied", "withdrawn", "draft", "overdue"]
        made = 0
        attempts = 0
        while made < count and attempts < count * 20:
            attempts += 1
            plan = plans[made % len(plans)]
            if plan == "overdue":
                day = working_days[self.rng.randrange(3)]
            elif plan in ("accepted", "under_review", "approved"):
                day = working_days[-1 - self.rng.randrange(2)]  # still within their time limit
            elif self.rng.random() < 0.4:
                day = working_days[-1 - self.rng.randrange(3)]  # the recent days the manager looks at
            else:
                day = working_days[self.rng.randrange(len(working_days))]
            state = self._one_case(plan, day)
            if state is not None:
                counts[state] = counts.get(state, 0) + 1
                made += 1
        return counts

    def _one_case(self, plan: str, day: date) -> str | None:
        transaction = self._transaction_for(plan)
        applicant = self.rng.choice(self.residents)
        clock = _CappedClock(self._instant(day, self.rng.randint(8, 15), self.rng.randint(0, 59)), self.latest)
        service = CaseService(self.store, self.catalog, self.calendar, clock, DEMO_STATION[0])
        clerk = self.actors[self.rng.choice(["clerk", "clerk2"])]
        facts = ApplicantFacts(applicant.birth_date, applicant.sex, applicant.nation, applicant.id_number[:6])
        values = self._values(transaction, facts, day)
        if transaction.validate_values(values, facts, day) or not transaction.check_eligibility(
            values, facts, day
        ).eligible:
            return None
        case = service.open_draft(clerk, applicant.id_number, transaction.code, values)
        if plan == "draft":
            return case.state.value
        required = [m.key for m in transaction.required_materials(values, facts, day)]
        clock.advance(timedelta(minutes=self.rng.randint(3, 12)))
        if plan == "supplement" and required:
            case = service.request_supplement(clerk, case.number, case.version, required[:-1])
            return case.state.value
        if plan == "not_accepted":
            reason = "申请人户籍不在本所辖区，应到户籍所在地派出所申请。"
            case = service.not_accept(clerk, case.number, case.version, reason)
            return case.state.value
        case = service.accept(clerk, case.number, case.version, required)
        if plan == "withdrawn":
            clock.advance(timedelta(hours=1))
            return service.withdraw(clerk, case.number, case.version, "申请人主动撤回申请。").state.value
        if case.approval is Approval.CLERK:  # the case's tier, fixed when it was accepted
            if plan in ("completed", "approved", "denied", "under_review", "overdue"):
                clock.advance(timedelta(minutes=5))
                case = service.complete(clerk, case.number, case.version)
            return case.state.value
        if plan == "accepted":
            return case.state.value
        clock.advance(timedelta(minutes=10))
        case = service.submit_for_review(clerk, case.number, case.version)
        if plan in ("under_review", "overdue"):
            return case.state.value
        leader = self.actors["leader"]
        self._advance_working_days(clock, max(0, min(case.time_limit_days, 2) - 1))
        if plan == "denied":
            reason = "经核查，申请人提交的亲属关系证明与户籍档案记载不一致。"
            return service.deny(leader, case.number, case.version, reason).state.value
        case = service.approve(leader, case.number, case.version)
        if plan == "approved":
            return case.state.value
        clock.advance(timedelta(hours=2))
        return service.complete(clerk, case.number, case.version).state.value

    def _transaction_for(self, plan: str) -> Transaction:
        transactions = self.catalog.transactions()
        if plan in ("under_review", "approved", "denied", "overdue", "accepted"):
            reviewed = [t for t in transactions if t.approval is not Approval.CLERK]
            transactions = reviewed or transactions
        return self.rng.choice(transactions)

    def _values(self, transaction: Transaction, facts: ApplicantFacts, today: date) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for spec in transaction.fields:
            values[spec.key] = self._value(spec, today)
        # Second pass: drop fields whose condition does not hold, so the form looks typed by a clerk.
        visible = {f.key for f in transaction.visible_fields(values, facts, today)}
        return {k: v for k, v in values.items() if k in visible}

    def _value(self, spec: FieldSpec, today: date) -> Any:
        rng, key, kind = self.rng, spec.key, str(spec.type)
        if kind == "enum":
            return rng.choice(spec.options).value
        if kind == "bool":
            return rng.random() < 0.7
        if kind == "number":
            low = spec.min_value if spec.min_value is not None else 1
            high = spec.max_value if spec.max_value is not None else low + 10
            return int(rng.uniform(low, high))
        if kind == "phone":
            return f"139{rng.randint(10000000, 99999999)}"
        if kind == "date":
            days = rng.randint(5, 25) if "birth" in key else rng.randint(20, 400)
            return (today - timedelta(days=days)).isoformat()
        if kind == "id_number":
            return self.resident().id_number
        if kind == "person":
            person = self.resident()
            return {"name": person.name, "id_number": person.id_number}
        if kind == "address":
            return self.resident().address
        if "name" in key:
            return self.resident().name
        for hint, text in WORK_TEXT.items():
            if hint in key:
                return text
        if spec.max_length is not None and spec.max_length <= 20:
            return "详见申请表"
        return spec.label_zh.removesuffix("名称") + "（见申请表）"

    # -- time ------------------------------------------------------------------------------------

    def _recent_working_days(self, count: int) -> list[date]:
        days: list[date] = []
        day = self.today
        while len(days) < count:
            day -= timedelta(days=1)
            if self.calendar.is_working_day(day):
                days.append(day)
        return sorted(days)

    def _advance_working_days(self, clock: FixedClock, days: int) -> None:
        local = clock.now().astimezone(CHINA_TZ)
        target = self.calendar.add_working_days(local.date(), days).due_date if days else local.date()
        target = min(target, self.today)
        clock.current = max(clock.current, self._instant(target, 10))

    @staticmethod
    def _instant(day: date, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute), CHINA_TZ).astimezone(UTC)


_END_OF_TIME = datetime.max.replace(tzinfo=UTC)


@dataclass
class _CappedClock(FixedClock):
    """A demo clock that never runs past `latest`: demo history must not lie in the future."""

    latest: datetime = _END_OF_TIME

    def now(self) -> datetime:
        return min(self.current, self.latest)


def build_demo(store: Store, catalog: Catalog, calendar: WorkingCalendar, *, residents: int, cases: int,
               seed: int = 2026, today: date | None = None) -> DemoSummary:
    builder = DemoBuilder(store, catalog, calendar, seed, today)
    builder.users()
    builder.register_residents(residents)
    by_state = builder.cases(cases) if cases else {}
    return DemoSummary(residents, sum(by_state.values()), by_state)
