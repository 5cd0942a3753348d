"""Sample data for every document: the sample PDFs/PNGs in docs/, the benchmark and the tests.

Invented people and numbers (the ID numbers have valid check digits but belong to nobody
known); one applicant's name holds 𠮷 (U+20BB7, CJK Extension B) to exercise font fallback.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from printing.bundle_models import (
    BundleMemberLine,
    BundleReceiptData,
    DeregistrationNoticeData,
    ReferralLine,
    ReferralListData,
)
from printing.models import (
    AppealRights,
    CompletionNoticeData,
    DailyReportData,
    DenialDecisionData,
    DeregistrationCertificateData,
    HouseholdCertificateData,
    KioskUseRow,
    MissingMaterial,
    MoveInPermitData,
    MovePerson,
    NotAcceptedNoticeData,
    QueueTicketData,
    RatingCounts,
    RatingLevel,
    ReceiptData,
    ReceivedMaterial,
    StationInfo,
    SupplementNoticeData,
)
from printing.report_figures import CaseFigure, build_daily_report

RARE_NAME = "\U00020bb7志强"  # 𠮷志强
RARE_ID = "21010219900307123X"
STATION = StationInfo(
    code="210102001",
    name_zh="沈阳市公安局和平分局南市场派出所",
    address="沈阳市和平区南市场街道十一纬路12号",
    phone="024-2345 6789",
    branch_name="沈阳市公安局和平分局",
)
RIGHTS = AppealRights(reconsideration_body="沈阳市和平区人民政府", court="沈阳市和平区人民法院")
NOW = datetime(2026, 11, 25, 9, 42)


def id_check_digit(first17: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(d) * w for d, w in zip(first17, weights, strict=True))
    return "10X98765432"[total % 11]


def receipt() -> ReceiptData:
    return ReceiptData(
        station=STATION,
        case_number="HJ2101022026112500017",
        lookup_code="7K3Q9M",
        transaction_code="zinv-toukao-fumu",
        transaction_name_zh="子女投靠父母落户",
        transaction_name_en="Child joining parents' household",
        applicant_name=RARE_NAME,
        applicant_id_number=RARE_ID,
        materials_received=(
            ReceivedMaterial("户口迁移申请表（双方签字）", "原件", 1),
            ReceivedMaterial("居民户口簿（投靠方）", "原件", 1),
            ReceivedMaterial("居民户口簿（被投靠方）", "原件", 1),
            ReceivedMaterial("出生医学证明", "复印件", 1),
            ReceivedMaterial("房屋所有权证", "复印件", 1),
        ),
        accepted_at=NOW,
        time_limit_days=2,
        promised_date=date(2026, 11, 27),
        clerk_name="王丽娜",
        approval_level="派出所审批",
    )


def supplement_notice() -> SupplementNoticeData:
    return SupplementNoticeData(
        station=STATION,
        document_number="沈和南公（户）告字〔2026〕第0117号",
        case_number="HJ2101022026112500018",
        transaction_name_zh="夫妻投靠落户",
        applicant_name="李秀英",
        applied_at=NOW,
        missing_materials=(
            MissingMaterial("结婚证", "证明夫妻关系，办理投靠落户的必要材料；本次未携带。"),
            MissingMaterial("投靠方户籍证明", "投靠方户口在外省，需由原户籍地派出所出具户籍证明。", "原件"),
            MissingMaterial("合法稳定住所证明", "所提交的房屋租赁合同未经备案，需补交备案证明或房屋所有权证。",
                            "原件及复印件"),
        ),
        supply_deadline=date(2026, 12, 25),
        clerk_name="王丽娜",
        issued_at=NOW,
    )


def not_accepted_notice() -> NotAcceptedNoticeData:
    return NotAcceptedNoticeData(
        station=STATION,
        document_number="沈和南公（户）不受字〔2026〕第0009号",
        transaction_name_zh="居民分户",
        applicant_name="赵建国",
        applied_at=NOW,
        reason_zh="申请分户的房屋位于已公告的征收范围内，依规定暂停办理分户",
        legal_basis_zh="《中华人民共和国行政许可法》第三十二条第一款第（二）项",
        rights=RIGHTS,
        clerk_name="王丽娜",
        issued_at=NOW,
    )


def denial_decision() -> DenialDecisionData:
    return DenialDecisionData(
        station=STATION,
        document_number="沈和南公（户）不许字〔2026〕第0004号",
        case_number="HJ2101022026112000003",
        transaction_name_zh="父母投靠子女落户",
        applicant_name="孙桂兰",
        applicant_id_number="210102" + "19710812" + "204" + id_check_digit("21010219710812204"),
        applied_at=datetime(2026, 11, 20, 10, 5),
        reason_zh="申请人未达到父母投靠子女落户规定的年龄条件（女性年满55周岁）",
        legal_basis_zh="《辽宁省户口迁移政策规定》",
        rights=RIGHTS,
        decided_at=NOW,
        clerk_name="王丽娜",
    )


def completion_notice() -> CompletionNoticeData:
    return CompletionNoticeData(
        station=STATION,
        document_number="沈和南公（户）结字〔2026〕第0211号",
        case_number="HJ2101022026112400011",
        transaction_name_zh="子女投靠父母落户",
        applicant_name=RARE_NAME,
        accepted_at=datetime(2026, 11, 24, 14, 20),
        completed_at=NOW,
        result_zh="准予落户，已登记在户主𠮷国华户内，与户主关系为子。",
        items_to_collect=("居民户口簿（已登记本人户口页）", "准予迁入证明（如需）"),
        collect_place_zh="南市场派出所户籍室 2号窗口",
        collect_hours_zh="工作日 8:30—11:30，13:30—17:00",
        clerk_name="王丽娜",
    )


def move_in_permit() -> MoveInPermitData:
    return MoveInPermitData(
        station=STATION,
        permit_number="辽准字 210102 2026 001523",
        case_number="HJ2101022026112400011",
        persons=(
            MovePerson(RARE_NAME, "男", date(1990, 3, 7), RARE_ID, "本人"),
            MovePerson("陈晓燕", "女", date(1992, 5, 18), "110105199205181226", "配偶"),
        ),
        from_address_zh="北京市朝阳区团结湖北里3号楼2单元501室",
        from_authority_zh="北京市公安局朝阳分局团结湖派出所",
        to_address_zh="辽宁省沈阳市和平区南市场街道十一纬路18号2-3-1",
        to_authority_zh=STATION.name_zh,
        reason_zh="投靠父母",
        issued_on=NOW.date(),
        valid_until=date(2027, 3, 25),
        clerk_name="王丽娜",
    )


def household_certificate() -> HouseholdCertificateData:
    return HouseholdCertificateData(
        station=STATION,
        serial="HJZM-210102001-2026-000731",
        name=RARE_NAME,
        sex="男",
        nation="汉族",
        birth_date=date(1990, 3, 7),
        id_number=RARE_ID,
        address="辽宁省沈阳市和平区南市场街道十一纬路18号2-3-1",
        household_head="𠮷国华",
        relationship_to_head="子",
        registered_on=date(2008, 9, 1),
        purpose_zh="办理子女入学手续",
        issued_at=NOW,
        clerk_name="王丽娜",
        valid_until=date(2027, 2, 25),
    )


def deregistration_certificate() -> DeregistrationCertificateData:
    return DeregistrationCertificateData(
        station=STATION,
        serial="210102001ZX202611250001",
        name=RARE_NAME,
        sex="男",
        nation="汉族",
        birth_date=date(1990, 3, 7),
        id_number=RARE_ID,
        address="辽宁省沈阳市和平区南市场街道十一纬路18号2-3-1",
        deregistered_on=date(2026, 10, 9),
        reason_zh="死亡或被宣告死亡",
        purpose_zh="继承、遗产处理",
        issued_at=NOW,
        clerk_name="王丽娜",
        valid_until=date(2027, 2, 23),
    )


def queue_ticket() -> QueueTicketData:
    return QueueTicketData(
        station=STATION,
        number="A023",
        transaction_name_zh="户口迁移（投靠落户）",
        people_ahead=5,
        issued_at=NOW,
        estimated_wait_minutes=18,
    )


_TRANSACTIONS = (
    ("chusheng", "出生登记", 0),
    ("zinv-toukao-fumu", "子女投靠父母落户", 2),
    ("fuqi-toukao", "夫妻投靠落户", 2),
    ("fenhu", "居民分户", 2),
    ("buban-hukoubu", "补办户口簿", 0),
    ("siwang-zhuxiao", "死亡注销", 0),
    ("biangeng-gengzheng", "变更更正登记项目", 5),
    ("rencai-luohu", "人才落户", 0),
)
_CLERKS = (("c01", "王丽娜"), ("c02", "刘洋"), ("c03", "张宏伟"), ("c04", "陈静"))
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰"


def case_figures(count: int, report_day: date | None = None, seed: int = 7) -> list[CaseFigure]:
    """`count` invented cases touching the report day (deterministic for a seed)."""
    report_day = report_day or NOW.date()
    rng = random.Random(seed)
    rows: list[CaseFigure] = []
    for i in range(count):
        code, name, limit = rng.choice(_TRANSACTIONS)
        clerk_id, clerk = rng.choice(_CLERKS)
        accepted_on = report_day - timedelta(days=rng.choice((0, 0, 0, 0, 1, 1, 2, 3, 5)))
        due_on = accepted_on + timedelta(days=limit)
        completed_today = rng.random() < 0.55
        within = rng.random() < 0.95  # most cases finish in time, a few do not
        taken: float | None = None
        if completed_today:
            taken = round(rng.uniform(0.1, max(limit, 1) * 0.9) if within else limit + rng.uniform(0.5, 3), 2)
        overdue = (completed_today and not within) or (
            not completed_today and due_on < report_day and rng.random() < 0.15)
        rows.append(CaseFigure(
            case_number=f"HJ{STATION.code[:6]}{accepted_on:%Y%m%d}{i:05d}",
            transaction_code=code,
            transaction_name_zh=name,
            clerk_id=clerk_id,
            clerk_name=clerk,
            applicant_name=rng.choice(_SURNAMES) + rng.choice(_GIVEN) + rng.choice(("", rng.choice(_GIVEN))),
            accepted_on=accepted_on,
            due_on=due_on,
            accepted_today=accepted_on == report_day,
            completed_today=completed_today,
            overdue=overdue,
            completed_within_limit=within,
            working_days_taken=taken,
            overdue_working_days=max((report_day - due_on).days, 1) if overdue else 0,
            status_zh="超期办结" if completed_today else "审核中",
        ))
    return rows


def daily_report(cases: int = 300) -> DailyReportData:
    ratings = RatingCounts({
        RatingLevel.VERY_SATISFIED: 96, RatingLevel.SATISFIED: 31, RatingLevel.BASICALLY_SATISFIED: 6,
        RatingLevel.DISSATISFIED: 1, RatingLevel.VERY_DISSATISFIED: 0,
    })
    kiosks = (
        KioskUseRow("K01", "南市场派出所大厅", 212, 148, 37, 41),
        KioskUseRow("K02", "十一纬路社区服务中心（微型无人警局）", 96, 0, 52, 33),
        KioskUseRow("K03", "西塔街道便民服务站", 58, 0, 21, 17),
    )
    return build_daily_report(STATION, NOW.date(), case_figures(cases), kiosk_use=kiosks, ratings=ratings,
                              generated_at=datetime(2026, 11, 25, 18, 5))


def bundle_receipt() -> BundleReceiptData:
    """新生儿出生“一件事”: one member case completed at the window."""
    return BundleReceiptData(
        station=STATION, serial="210102001YJ202611250001", bundle_number="210102001-YJ20261125-001",
        bundle_name_zh="新生儿出生“一件事”", applicant_name="张伟", applicant_id_number="21010219850312123" + "9",
        subject_zh="新生儿姓名：张子涵",
        members=(BundleMemberLine("210102001-20261125-0007", "出生登记", "已办结", NOW.date(),
                                  "《出生医学证明》、随父或随母落户一方的《居民户口簿》、申报人居民身份证（读卡核验）"),),
        follow_up_count=5, accepted_at=NOW, clerk_name="张丽")


def referral_list() -> ReferralListData:
    lines = (
        ReferralLine("城乡居民基本医疗保险参保登记（新生儿）", "医疗保障经办机构",
                     "户口登记后信息共享，按参保地规定缴费；出生当年参保的，出生之日起享受待遇。", "已转介"),
        ReferralLine("社会保障卡申领", "人力资源和社会保障部门（社保卡服务网点或合作银行）",
                     "凭户口簿新生儿页和出生医学证明申领，可邮寄送达。", "待办"),
        ReferralLine("预防接种建档（预防接种证）", "辖区社区卫生服务中心或乡镇卫生院预防接种门诊",
                     "出生后一个月内持出生医学证明建档，按免疫程序接种。", "待办"),
        ReferralLine("生育医疗费用及生育津贴申领", "医疗保障经办机构（或用人单位）",
                     "参加职工医保的母亲或父亲凭出生医学证明等申领。", "待办"),
        ReferralLine("居民身份证申领（自愿）", "户籍所在地公安派出所",
                     "未满十六周岁的可自愿申领，由监护人陪同，有效期五年。", "待办"),
    )
    return ReferralListData(station=STATION, serial="210102001ZJ202611250001",
                            bundle_number="210102001-YJ20261125-001", bundle_name_zh="新生儿出生“一件事”",
                            applicant_name="张伟", subject_zh="新生儿姓名：张子涵", lines=lines, issued_at=NOW)


def deregistration_notice() -> DeregistrationNoticeData:
    return DeregistrationNoticeData(
        station=STATION, serial="210102001GG202611250001", case_number="210102001-20261120-0003",
        person_name="赵明", person_id_number="21010219800315001" + id_check_digit("21010219800315001"),
        body_zh="经调查核实，赵明在本所辖区和铁岭市银州区红旗街5号登记有两处常住户口，属重复户口。"
                "依照《中华人民共和国户口登记条例》第六条“公民应当在经常居住的地方登记为常住人口，"
                "一个公民只能在一个地方登记为常住人口”的规定，本所拟注销其重复登记的户口，现予公告。",
        published_on=NOW.date(), ends_on=NOW.date() + timedelta(days=30))
