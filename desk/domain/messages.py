"""What a user is told when something cannot be done: a message key and its parameters.

Errors (`desk.domain.errors.DeskError`) carry a key from `TEMPLATES` and named parameters; each
interface turns them into text in its own language:
- the screens (desk, kiosk) through Qt's translation system — the templates are marked with
  `QT_TRANSLATE_NOOP` so `pyside6-lupdate` collects them into `resources/i18n/messages_en.ts`
  (context "Messages"), compiled with the apps' other catalogs;
- the CLI, the server's answers and the logs through the same English catalog, read without Qt
  (`desk.message_catalog`), installed by their composition roots with `use_english()`.

Chinese is the source language: a template is the Chinese text with `{name}` placeholders. A parameter
may itself be a word of this table (`Term("state.accepted")`), so a state or action name is
translated with the sentence around it; a tuple of words is said as an enumeration (所领导、分局户政 /
station leader, branch registry officer). Catalog texts (`*_zh` / `*_en` in resources/) stay data: a
parameter that names them is a `Bilingual`, and each language reads its own side.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

CONTEXT = "Messages"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks `source` for translation in `context`; returns it unchanged (this module imports no Qt)."""
    return source


@dataclass(frozen=True)
class Bilingual:
    """A parameter that is catalog data in both languages (a transaction's, a material's or a field's
    name, a rule's reason): said in Chinese it is `zh`, in English `en` — data, not translated. A tuple
    of them is said as an enumeration (居民户口簿、结婚证 / Household booklet, Marriage certificate)."""

    zh: str
    en: str


@dataclass(frozen=True)
class Term:
    """A parameter that is itself a word of the table (a state, an action, a role)."""

    key: str


class Saying:
    """A mixin for what says `message_key` with `params` in either language (a data file's issue, a
    calendar's error or warning): the Chinese, and the English the installed catalog gives."""

    message_key: str
    params: Mapping[str, object]

    @property
    def message_zh(self) -> str:
        return render(self.message_key, self.params)

    @property
    def message_en(self) -> str:
        return english(self.message_key, self.params)


@dataclass(frozen=True)
class Said:
    """A parameter that is itself a message with parameters: a problem inside a report's line (the
    condition's problem inside the catalog's line). A tuple of them is said as a list."""

    key: str
    params: Mapping[str, object] = field(default_factory=dict)


Translate = Callable[[str], str]

TEMPLATES: Mapping[str, str] = MappingProxyType({
    # ---- the workflow: who may do what, when ---------------------------------------------------
    "workflow.invalid_state": QT_TRANSLATE_NOOP("Messages", "当前状态为“{state}”，不能{action}。"),
    "workflow.not_permitted": QT_TRANSLATE_NOOP("Messages", "{role}无权{action}。"),
    "workflow.reason_required": QT_TRANSLATE_NOOP("Messages", "{action}必须填写理由。"),
    "workflow.no_review_needed": QT_TRANSLATE_NOOP("Messages", "该事项由窗口当场办结，无需提交审核。"),
    "workflow.review_required": QT_TRANSLATE_NOOP("Messages", "该事项须经审批后方可办结，请先提交审核。"),
    "workflow.leader_only": QT_TRANSLATE_NOOP("Messages", "该事项须由所领导审批。"),
    "workflow.accepted_by_decider": QT_TRANSLATE_NOOP(
        "Messages", "受理人不能审批自己受理的申请，请由其他领导审批。"),
    "workflow.submitted_by_decider": QT_TRANSLATE_NOOP(
        "Messages", "提交审核的人不能审批同一申请，请由其他领导审批。"),
    # ---- cases ---------------------------------------------------------------------------------
    "case.not_found": QT_TRANSLATE_NOOP("Messages", "找不到申请 {number}。"),
    "case.conflict": QT_TRANSLATE_NOOP(
        "Messages", "申请 {number} 已被其他人修改，您的修改未保存。请重新载入后再操作。"),
    "case.form_closed": QT_TRANSLATE_NOOP("Messages", "申请 {number} 当前为“{state}”，表单不能再修改。"),
    "case.nothing_missing": QT_TRANSLATE_NOOP("Messages", "材料已齐全，无需补正，请直接受理。"),
    "case.needs_form": QT_TRANSLATE_NOOP("Messages", "受理与一次性告知需要表单和材料。"),
    "case.ground_only_for_not_accept": QT_TRANSLATE_NOOP("Messages", "只有不予受理才选择程序性理由。"),
    "case.unknown_ground": QT_TRANSLATE_NOOP("Messages", "没有“{ground}”这一不予受理理由（可选：{choices}）。"),
    "case.unknown_materials": QT_TRANSLATE_NOOP("Messages", "事项“{transaction}”没有这些材料：{materials}。"),
    "case.not_checkable": QT_TRANSLATE_NOOP("Messages", "这些材料不能由系统核验代替，须收取：{materials}。"),
    # {problems}: the fields' problems (field.*), {reasons}: case.rule_* lines, {materials}: the names.
    "case.form_incomplete": QT_TRANSLATE_NOOP("Messages", "表单有 {count} 处需要修改：{problems}"),
    "case.not_eligible": QT_TRANSLATE_NOOP("Messages", "不符合办理条件：{reasons}"),
    "case.rule_failed": QT_TRANSLATE_NOOP("Messages", "{reason}"),
    "case.rule_pending": QT_TRANSLATE_NOOP("Messages", "尚不能判断（请补全相关信息）：{reason}"),
    "case.materials_missing": QT_TRANSLATE_NOOP("Messages", "还缺少 {count} 项材料：{materials}。可出具一次性告知书。"),
    "case.needs_approval": QT_TRANSLATE_NOOP(
        "Messages", "该事项须经审批，不能当场办结；请受理后提交审核。"),
    "case.not_decided_here": QT_TRANSLATE_NOOP("Messages", "“{action}”不能在这里办理。"),
    "case.password_needed": QT_TRANSLATE_NOOP("Messages", "审批需要再次输入密码。"),
    "catalog.unknown_transaction": QT_TRANSLATE_NOOP("Messages", "事项目录中没有“{transaction}”。"),
    "catalog.retired_transaction": QT_TRANSLATE_NOOP(
        "Messages", "“{name}”已合并停用，只保留旧案件；新申请请办理：{replacements}。"),
    # ---- citizens ------------------------------------------------------------------------------
    "citizen.not_found": QT_TRANSLATE_NOOP("Messages", "没有身份证号为 {id_number} 的人员记录。"),
    "citizen.read_card_first": QT_TRANSLATE_NOOP(
        "Messages", "系统中没有身份证号 {id_number} 的人员，请先刷身份证登记。"),
    # ---- users, passwords, sessions ------------------------------------------------------------
    "user.taken": QT_TRANSLATE_NOOP("Messages", "用户名 {username} 已存在。"),
    "user.not_found": QT_TRANSLATE_NOOP("Messages", "没有用户 {username}。"),
    "user.bad_badge": QT_TRANSLATE_NOOP("Messages", "警号“{badge}”不对：只能是数字和字母，最多 {most} 位。"),
    "user.wrong_password_decision": QT_TRANSLATE_NOOP("Messages", "密码不正确，未执行审批。"),
    "station.not_found": QT_TRANSLATE_NOOP("Messages", "没有编码为 {station} 的派出所。"),
    "password.too_short": QT_TRANSLATE_NOOP("Messages", "密码至少 {length} 位。"),
    "password.too_common": QT_TRANSLATE_NOOP("Messages", "该密码过于常见，容易被猜中，请换一个。"),
    "password.contains_username": QT_TRANSLATE_NOOP("Messages", "密码不能包含用户名。"),
    "session.unknown_kind": QT_TRANSLATE_NOOP("Messages", "未知的终端类型“{kind}”。"),
    "session.bad_device_id": QT_TRANSLATE_NOOP("Messages", "终端编号无效（1–64 个字符）。"),
    "session.kiosk_account": QT_TRANSLATE_NOOP(
        "Messages", "{username} 是自助机账号，只能在自助机或大厅屏上登录，不能作为窗口登录。"),
    # ---- the hall's queue ----------------------------------------------------------------------
    "queue.bad_counter": QT_TRANSLATE_NOOP(
        "Messages", "窗口设置无效：编号须为正整数，名称不能为空，号段只能是 {letters}。"),
    "queue.bad_priority": QT_TRANSLATE_NOOP("Messages", "优先原因只能是：{reasons}。"),
    "queue.bad_end": QT_TRANSLATE_NOOP("Messages", "排队号不能结束为“{state}”。"),
    "queue.no_counter": QT_TRANSLATE_NOOP(
        "Messages", "本所没有 {number} 号窗口（请先设置窗口：desk counter set）。"),
    "queue.no_ticket": QT_TRANSLATE_NOOP("Messages", "没有这张排队号。"),
    "queue.ticket_state": QT_TRANSLATE_NOOP("Messages", "{number} 号当前状态为“{state}”，不能这样处理。"),
    # ---- bad ratings' follow-ups (差评整改) -----------------------------------------------------
    "follow_up.not_found": QT_TRANSLATE_NOOP("Messages", "没有这条差评回访。"),
    "follow_up.conflict": QT_TRANSLATE_NOOP("Messages", "这条差评回访刚被别人改过，已重新载入，请再看一遍。"),
    "follow_up.no_such_user": QT_TRANSLATE_NOOP("Messages", "没有这位本所民警。"),
    "follow_up.owner_not_leader": QT_TRANSLATE_NOOP(
        "Messages", "{name}不能做责任人：差评回访的责任人只能是本所的所领导或所长。"),
    "follow_up.write_what_was_found": QT_TRANSLATE_NOOP("Messages", "请写明{step}的情况。"),
    "follow_up.export_kind": QT_TRANSLATE_NOOP("Messages", "导出格式只能是 csv 或 json，不是“{kind}”。"),
    "follow_up.leader_only": QT_TRANSLATE_NOOP("Messages", "差评核实、整改、回访和申诉复核由所领导或所长登记。"),
    "follow_up.closed": QT_TRANSLATE_NOOP("Messages", "这条差评回访已办结。"),
    "follow_up.wrong_step": QT_TRANSLATE_NOOP("Messages", "当前环节是“{current}”，不能登记“{step}”。"),
    "follow_up.wrong_outcome": QT_TRANSLATE_NOOP("Messages", "“{step}”的结果只能是：{outcomes}。"),
    # ---- ratings -------------------------------------------------------------------------------
    "rating.no_case": QT_TRANSLATE_NOOP("Messages", "没有申请 {number}，无法评价。"),
    "rating.bad_phone": QT_TRANSLATE_NOOP("Messages", "联系电话“{phone}”格式不对：请填11位手机号或带区号的固定电话。"),
    "rating.unknown_reasons": QT_TRANSLATE_NOOP("Messages", "未知的差评原因：{reasons}"),
    "rating.reasons_only_when_bad": QT_TRANSLATE_NOOP("Messages", "只有“不满意”和“非常不满意”需要选择原因。"),
    "rating.already_rated": QT_TRANSLATE_NOOP("Messages", "申请 {number} 已经评价过了（一次一评），不能再评。"),
    # ---- 网上办 (online applications) -----------------------------------------------------------
    "online.bad_phone": QT_TRANSLATE_NOOP("Messages", "请填写11位手机号码。"),
    "online.too_many_codes": QT_TRANSLATE_NOOP("Messages", "验证码发送过于频繁，请一小时后再试。"),
    "online.code_refused": QT_TRANSLATE_NOOP("Messages", "验证码不正确或已过期，请重新获取。"),
    "online.choose_files": QT_TRANSLATE_NOOP("Messages", "请选择要上传的文件。"),
    "online.file_empty": QT_TRANSLATE_NOOP("Messages", "文件“{name}”是空的。"),
    "online.file_too_large": QT_TRANSLATE_NOOP("Messages", "文件“{name}”太大（{size}），每个文件不能超过 {most}。"),
    "online.file_not_accepted": QT_TRANSLATE_NOOP(
        "Messages", "文件“{name}”不是 PDF、JPEG 或 PNG 文件，不能上传（按文件内容判断，不看扩展名）。"),
    "online.no_such_upload": QT_TRANSLATE_NOOP("Messages", "申请 {number} 没有这个上传文件。"),
    "online.tick_missing": QT_TRANSLATE_NOOP("Messages", "请勾选缺少的材料。"),
    "online.visit_in_past": QT_TRANSLATE_NOOP("Messages", "预约日期不能早于今天。"),
    "online.not_full_online": QT_TRANSLATE_NOOP("Messages", "“{transaction}”不是全程网办事项，请预约到所办理。"),
    "online.no_transaction": QT_TRANSLATE_NOOP("Messages", "没有这个事项：{transaction}"),
    "online.no_material": QT_TRANSLATE_NOOP("Messages", "“{transaction}”没有材料 {material}。"),
    "online.not_found_here": QT_TRANSLATE_NOOP("Messages", "没有找到申请 {number}。"),
    "online.not_found": QT_TRANSLATE_NOOP("Messages", "没有找到网上申请 {number}。"),
    "online.conflict": QT_TRANSLATE_NOOP("Messages", "网上申请 {number} 已被其他人处理，请重新打开。"),
    "online.other_station": QT_TRANSLATE_NOOP("Messages", "网上申请 {number} 是向 {station} 提交的，不是本所。"),
    "online.wrong_state": QT_TRANSLATE_NOOP("Messages", "网上申请 {number} {state}，不能改为“{to}”。"),
    "online.no_cases_here": QT_TRANSLATE_NOOP("Messages", "此处不能办理案件。"),
    "online.already_case": QT_TRANSLATE_NOOP("Messages", "该网上申请已在窗口受理为 {number}。"),
    # ---- 一件事 bundles --------------------------------------------------------------------------
    "bundle.unknown": QT_TRANSLATE_NOOP("Messages", "没有“{bundle}”这个“一件事”套餐。"),
    "bundle.unknown_members": QT_TRANSLATE_NOOP("Messages", "“{bundle}”没有这些事项：{members}。"),
    "bundle.follow_up_states": QT_TRANSLATE_NOOP("Messages", "后续事项状态只能是 {states}。"),
    "bundle.no_follow_up": QT_TRANSLATE_NOOP("Messages", "套餐 {number} 没有后续事项“{item}”。"),
    "bundle.not_found": QT_TRANSLATE_NOOP("Messages", "找不到“一件事”套餐 {number}。"),
    "bundle.unknown_paper": QT_TRANSLATE_NOOP("Messages", "没有“{kind}”这种套餐文书。"),
    "bundle.not_accepted": QT_TRANSLATE_NOOP("Messages", "套餐 {number} 尚未受理，不能出具受理回执。"),
    # ---- public notices before a cancellation (公告注销) ----------------------------------------
    "notice.only_duplicates": QT_TRANSLATE_NOOP("Messages", "只有重复户口注销可以公告注销。"),
    "notice.accept_first": QT_TRANSLATE_NOOP("Messages", "申请 {number} 当前为“{state}”，受理后才能公告。"),
    "notice.running": QT_TRANSLATE_NOOP("Messages", "申请 {number} 的注销公告正在公告期内。"),
    "notice.decided": QT_TRANSLATE_NOOP("Messages", "公告 {serial} 已作出决定。"),
    "notice.still_running": QT_TRANSLATE_NOOP("Messages", "公告期至 {ends_on} 止，期满后才能作出注销决定。"),
    "notice.awaits_approval": QT_TRANSLATE_NOOP("Messages", "该案件尚待所领导审批，批准后才能注销。"),
    "notice.not_found": QT_TRANSLATE_NOOP("Messages", "找不到公告 {serial}。"),
    # ---- chained changes (连锁变更) --------------------------------------------------------------
    "chain.states": QT_TRANSLATE_NOOP("Messages", "状态只能是：{states}。"),
    "chain.no_record": QT_TRANSLATE_NOOP("Messages", "申请 {number} 的连锁变更中没有“{record}”。"),
    "chain.id_number_exhausted": QT_TRANSLATE_NOOP(
        "Messages", "该地区该出生日期的顺序码已用尽，请联系上级户政部门分配公民身份号码。"),
    "citizen.rejected_by_store": QT_TRANSLATE_NOOP(
        "Messages", "人员记录无法保存：数据不符合登记库的规则，请核对后重试。"),
    "identity.sex_mismatch": QT_TRANSLATE_NOOP("Messages", "性别与证件号码不一致，请核对。"),
    "identity.birth_date_mismatch": QT_TRANSLATE_NOOP("Messages", "出生日期与证件号码不一致，请核对。"),
    # ---- certificates a case hands over, and the citizen's copy online ----
    "document.deregistered_person_missing": QT_TRANSLATE_NOOP(
        "Messages", "请在表单中填写被注销户口人员的姓名和公民身份号码。"),
    "document.deregistration_not_found": QT_TRANSLATE_NOOP(
        "Messages", "本所系统中没有{name}（{id_number}）已办结的注销户口记录：请核实后在表单中填写注销户口日期。"),
    "document.no_online_certificate": QT_TRANSLATE_NOOP(
        "Messages", "网上申请 {number} 尚未网上办结，或该事项不出具可下载的证明。"),
    # ---- words used inside the sentences above -------------------------------------------------
    "state.draft": QT_TRANSLATE_NOOP("Messages", "草稿"),
    "state.supplement_requested": QT_TRANSLATE_NOOP("Messages", "待补正"),
    "state.accepted": QT_TRANSLATE_NOOP("Messages", "已受理"),
    "state.not_accepted": QT_TRANSLATE_NOOP("Messages", "不予受理"),
    "state.under_review": QT_TRANSLATE_NOOP("Messages", "审核中"),
    "state.approved": QT_TRANSLATE_NOOP("Messages", "已批准"),
    "state.denied": QT_TRANSLATE_NOOP("Messages", "不予批准"),
    "state.completed": QT_TRANSLATE_NOOP("Messages", "已办结"),
    "state.withdrawn": QT_TRANSLATE_NOOP("Messages", "已撤回"),
    "action.accept": QT_TRANSLATE_NOOP("Messages", "受理"),
    "action.request_supplement": QT_TRANSLATE_NOOP("Messages", "一次性告知补正"),
    "action.not_accept": QT_TRANSLATE_NOOP("Messages", "不予受理"),
    "action.submit_for_review": QT_TRANSLATE_NOOP("Messages", "提交审核"),
    "action.approve": QT_TRANSLATE_NOOP("Messages", "批准"),
    "action.deny": QT_TRANSLATE_NOOP("Messages", "不予批准"),
    "action.complete": QT_TRANSLATE_NOOP("Messages", "办结"),
    "action.withdraw": QT_TRANSLATE_NOOP("Messages", "撤回申请"),
    "role.clerk": QT_TRANSLATE_NOOP("Messages", "窗口民警"),
    "role.leader": QT_TRANSLATE_NOOP("Messages", "所领导"),
    "role.manager": QT_TRANSLATE_NOOP("Messages", "管理员（所长）"),
    "role.admin": QT_TRANSLATE_NOOP("Messages", "系统管理员"),
    "role.branch": QT_TRANSLATE_NOOP("Messages", "分局户政"),
    # ---- the words of 好差评 and its follow-up loop (差评回访): levels, steps, outcomes ----------
    "rating.very_satisfied": QT_TRANSLATE_NOOP("Messages", "非常满意"),
    "rating.satisfied": QT_TRANSLATE_NOOP("Messages", "满意"),
    "rating.basically_satisfied": QT_TRANSLATE_NOOP("Messages", "基本满意"),
    "rating.dissatisfied": QT_TRANSLATE_NOOP("Messages", "不满意"),
    "rating.very_dissatisfied": QT_TRANSLATE_NOOP("Messages", "非常不满意"),
    "followup.step.verify": QT_TRANSLATE_NOOP("Messages", "核实"),
    "followup.step.rectify": QT_TRANSLATE_NOOP("Messages", "整改"),
    "followup.step.revisit": QT_TRANSLATE_NOOP("Messages", "回访"),
    "followup.step.appeal_review": QT_TRANSLATE_NOOP("Messages", "申诉复核"),
    "followup.step.closed": QT_TRANSLATE_NOOP("Messages", "已办结"),
    "followup.outcome.founded": QT_TRANSLATE_NOOP("Messages", "情况属实"),
    "followup.outcome.unfounded": QT_TRANSLATE_NOOP("Messages", "误评或不实，提出申诉"),
    "followup.outcome.rectified": QT_TRANSLATE_NOOP("Messages", "已整改"),
    "followup.outcome.satisfied": QT_TRANSLATE_NOOP("Messages", "回访满意"),
    "followup.outcome.basically_satisfied": QT_TRANSLATE_NOOP("Messages", "回访基本满意"),
    "followup.outcome.dissatisfied": QT_TRANSLATE_NOOP("Messages", "回访仍不满意"),
    "followup.outcome.appeal_upheld": QT_TRANSLATE_NOOP("Messages", "申诉成立"),
    "followup.outcome.appeal_rejected": QT_TRANSLATE_NOOP("Messages", "申诉不成立"),
    # ---- the kiosk, the desk's start, the CLI, city mode, the store, printers (speak) ----
    "kiosk.online_not_found": QT_TRANSLATE_NOOP("Messages", "没有找到您的这份网上申请。"),
    "kiosk.receipt_not_found": QT_TRANSLATE_NOOP(
        "Messages", "没有找到这张回执对应的申请，请核对后重试，或到窗口咨询。"),
    "kiosk.admin_only_exit": QT_TRANSLATE_NOOP("Messages", "只有系统管理员可以退出自助机。"),
    "kiosk.city_needs_account": QT_TRANSLATE_NOOP(
        "Messages", "城市模式的自助机须设置 kiosk_user 和 kiosk_password_file。"),
    "kiosk.online_not_in_city_mode": QT_TRANSLATE_NOOP(
        "Messages", "本自助机暂不能查询网上申请进度，请在网上或到窗口查询。"),
    "kiosk.own_case_not_found": QT_TRANSLATE_NOOP("Messages", "没有找到您的这件申请。"),
    "kiosk.no_supplement_needed": QT_TRANSLATE_NOOP("Messages", "这件申请现在不需要补交材料。"),
    "kiosk.paper_not_found": QT_TRANSLATE_NOOP("Messages", "本自助机没有出具过这份文书。"),
    "file.not_found": QT_TRANSLATE_NOOP("Messages", "找不到文件 {path}。"),
    "file.password_readable_by_others": QT_TRANSLATE_NOOP(
        "Messages", "密码文件 {path} 其他账户可读，请设为仅本账户可读（chmod 600）。"),
    "file.password_unreadable": QT_TRANSLATE_NOOP("Messages", "无法读取密码文件 {path}：{reason}"),
    "desk.starting": QT_TRANSLATE_NOOP("Messages", "系统正在启动，请稍候。"),
    "desk.sign_in_first": QT_TRANSLATE_NOOP("Messages", "请先登录。"),
    "desk.unexpected": QT_TRANSLATE_NOOP(
        "Messages", "操作未完成：发生意外错误（{kind}）。请重试；如仍出现，请联系管理员。"),
    "form.name_has_digits": QT_TRANSLATE_NOOP("Messages", "姓名中有数字，是否输错了栏目？"),
    "cli.admin_only_in_city_mode": QT_TRANSLATE_NOOP("Messages", "城市模式下的管理命令须由系统管理员登录后执行。"),
    "cli.register_import_role": QT_TRANSLATE_NOOP("Messages", "导入户籍信息须由系统管理员或所长登录后执行。"),
    "cli.password_file_needed": QT_TRANSLATE_NOOP(
        "Messages", "城市模式须用 --password-file 提供管理员密码，或在终端中输入。"),
    "cli.admin_user_needed": QT_TRANSLATE_NOOP("Messages", "城市模式须用 --user 指定管理员账号。"),
    "cli.passwords_differ": QT_TRANSLATE_NOOP("Messages", "两次输入的密码不一致。"),
    "cli.marking_clerk_needed": QT_TRANSLATE_NOOP("Messages", "标记须用 --user 指明经办人。"),
    "cli.no_notice": QT_TRANSLATE_NOOP("Messages", "申请 {number}（{state}）没有需要出具的通知书。"),
    "server.at_least_one": QT_TRANSLATE_NOOP("Messages", "--idle-minutes 与 --workers 至少为 1。"),
    "server.database_url_needed": QT_TRANSLATE_NOOP(
        "Messages", "城市服务器需要城市数据库的地址：用 --db 或 DESK_DATABASE_URL 给出（postgresql://…），"
                    "它不会自己在数据目录里建一个空的 SQLite 数据库。"),
    "server.plain_http_on_loopback": QT_TRANSLATE_NOOP(
        "Messages", "不加密的 HTTP 只能监听本机回环地址（由前置代理负责 TLS）。"),
    "server.tls_files_needed": QT_TRANSLATE_NOOP(
        "Messages", "请给出 --tls-cert 和 --tls-key（或在回环地址上使用 --no-tls）。"),
    "city.no_server_url": QT_TRANSLATE_NOOP("Messages", "未设置城市服务器地址（server_url）。"),
    "city.not_signed_in": QT_TRANSLATE_NOOP("Messages", "尚未登录城市服务器。"),
    "city.actor_not_signed_in": QT_TRANSLATE_NOOP("Messages", "操作人与本终端登录的用户不符。"),
    "city.only_on_server": QT_TRANSLATE_NOOP("Messages", "城市模式下本机不能直接使用“{name}”，请在城市服务器上操作。"),
    "city.data_refused": QT_TRANSLATE_NOOP("Messages", "提交的数据格式不正确。"),
    "city.server_failed": QT_TRANSLATE_NOOP("Messages", "城市服务器出错（{status}）。"),
    "printer.unknown_setting": QT_TRANSLATE_NOOP(
        "Messages", "打印机设置“{spec}”无法识别：应为 pdf、pdf:文件夹、cups:队列名 或 escpos:串口。"),
    "store.unsupported_url": QT_TRANSLATE_NOOP(
        "Messages", "不支持的数据库地址：{url}。只支持 SQLite（sqlite:///文件路径）和 PostgreSQL（postgresql://用户@主机/库名），请修改数据库设置。"),
    "store.folder_failed": QT_TRANSLATE_NOOP("Messages", "无法创建数据库文件夹 {folder}：{reason}。请检查路径和权限。"),
    "store.invalid_url": QT_TRANSLATE_NOOP("Messages", "数据库地址无效：{url}。请修改数据库设置。"),
    "store.changed_by_someone_else": QT_TRANSLATE_NOOP(
        "Messages", "记录已被其他人修改，您的修改未保存。请重新载入后再操作。"),
    "store.not_finite": QT_TRANSLATE_NOOP("Messages", "填写的数字无效（非有限数字），未保存。"),
    "store.disk_full": QT_TRANSLATE_NOOP(
        "Messages", "磁盘空间已满，本次操作未保存（已保存的数据不受影响）。请清理磁盘空间或联系管理员后重试。"),
    "store.corrupt": QT_TRANSLATE_NOOP(
        "Messages", "数据库文件已损坏或不是本系统的数据库：{url}。请停止使用本机，联系管理员从备份恢复；切勿删除该文件。"),  # noqa: E501
    "store.busy": QT_TRANSLATE_NOOP(
        "Messages", "数据库正忙（另一个程序正在写入），请稍后重试；如持续出现，请检查是否有其他程序占用数据库。"),
    "store.cannot_open": QT_TRANSLATE_NOOP("Messages", "无法打开数据库：{url}。请检查数据库文件路径或服务器是否启动。"),
    "db.role_on_sqlite": QT_TRANSLATE_NOOP("Messages", "SQLite 没有数据库角色：服务器角色只用于 PostgreSQL。"),
    "db.upgrade_first": QT_TRANSLATE_NOOP("Messages", "请先运行 `desk db upgrade`，再为服务器角色授权。"),
    "db.role_name_invalid": QT_TRANSLATE_NOOP(
        "Messages", "角色名“{role}”无效：只用小写字母、数字和下划线，以字母或下划线开头。"),
    "db.role_missing": QT_TRANSLATE_NOOP(
        "Messages", "数据库中没有角色 {role}。请数据库管理员先创建它：CREATE ROLE {role} LOGIN PASSWORD '…';"),
    "db.role_too_strong": QT_TRANSLATE_NOOP(
        "Messages", "角色 {role} 是超级用户（或可绕过行级安全）：服务器不能用这样的角色。"),
    "db.role_is_owner": QT_TRANSLATE_NOOP(
        "Messages", "角色 {role} 拥有本库的表（它是所有者角色）：服务器需要另一个角色。"),
    # ---- settings (a file, variable or option, and the key) ----
    "settings.not_a": QT_TRANSLATE_NOOP("Messages", "设置有误：{source} 中的 {setting}：“{value}”不是{kind}"),
    "settings.must_be": QT_TRANSLATE_NOOP("Messages", "设置有误：{source} 中的 {setting}：应为{kind}，而不是 {value}"),
    "settings.too_small": QT_TRANSLATE_NOOP(
        "Messages", "设置有误：{source} 中的 {setting}：不能小于 {minimum}（现为 {value}）"),
    "settings.must_be_text": QT_TRANSLATE_NOOP(
        "Messages", "设置有误：{source} 中的 {setting}：应为文字（加引号），而不是 {value}"),
    "settings.not_a_choice": QT_TRANSLATE_NOOP(
        "Messages", "设置有误：{source} 中的 {setting}：“{value}”不可用，可选：{choices}"),
    "settings.unknown": QT_TRANSLATE_NOOP("Messages", "设置有误：{source} 中的 {setting}：没有这项设置；可用：{known}"),
    "settings.bad_toml": QT_TRANSLATE_NOOP("Messages", "设置有误：{source} 中的 {setting}：文件格式错误：{detail}"),
    "settings.unreadable": QT_TRANSLATE_NOOP("Messages", "设置有误：{source} 中的 {setting}：无法读取：{reason}"),
    "settings.bad_assignment": QT_TRANSLATE_NOOP("Messages", "设置有误：{source} 中的 {setting}：应写成 名称=值"),
    "word.whole_number": QT_TRANSLATE_NOOP("Messages", "整数"),
    "word.number": QT_TRANSLATE_NOOP("Messages", "数字"),
    # ---- data files an administrator reads (each problem names file and key) ----
    "catalog.invalid": QT_TRANSLATE_NOOP("Messages", "事项目录有 {count} 处错误（{files} 个文件）。"),
    "bundles.invalid": QT_TRANSLATE_NOOP("Messages", "“一件事”套餐有 {count} 处错误（{files} 个文件）：{problems}"),
    "refusals.invalid": QT_TRANSLATE_NOOP("Messages", "{file} 有 {count} 处错误：{problems}"),
    "follow_up_step.verify": QT_TRANSLATE_NOOP("Messages", "核实"),
    "follow_up_step.rectify": QT_TRANSLATE_NOOP("Messages", "整改"),
    "follow_up_step.revisit": QT_TRANSLATE_NOOP("Messages", "回访"),
    "follow_up_step.appeal_review": QT_TRANSLATE_NOOP("Messages", "申诉复核"),
    "follow_up_step.closed": QT_TRANSLATE_NOOP("Messages", "已办结"),
    "online_state.submitted": QT_TRANSLATE_NOOP("Messages", "已提交，等待预审"),
    "online_state.under_review": QT_TRANSLATE_NOOP("Messages", "预审中"),
    "online_state.supplement_asked": QT_TRANSLATE_NOOP("Messages", "需补充材料"),
    "online_state.visit_booked": QT_TRANSLATE_NOOP("Messages", "已预约到所"),
    "online_state.decided_online": QT_TRANSLATE_NOOP("Messages", "已网上办结"),
    "online_state.converted": QT_TRANSLATE_NOOP("Messages", "已到所受理"),
    # ---- a data file's problem lines (catalog, bundles, holidays: each names file and key) ----
    "word.list_separator": QT_TRANSLATE_NOOP("Messages", "；"),
    "data.not_regular_file": QT_TRANSLATE_NOOP("Messages", "不是普通文件（可能是管道、设备或指向设备的链接），已跳过"),
    "data.too_large": QT_TRANSLATE_NOOP("Messages", "文件过大（超过 {kilobytes} KB），不像事项文件"),
    "data.toml_syntax": QT_TRANSLATE_NOOP("Messages", "TOML 语法错误：{detail}"),
    "data.not_utf8": QT_TRANSLATE_NOOP("Messages", "文件不是 UTF-8 编码"),
    "data.unreadable": QT_TRANSLATE_NOOP("Messages", "无法读取文件：{reason}"),
    "catalog.no_files": QT_TRANSLATE_NOOP("Messages", "目录 {folder} 中没有 .toml 事项文件"),
    "catalog.no_folder": QT_TRANSLATE_NOOP("Messages", "找不到事项目录：{folder}"),
    "catalog.duplicate_code": QT_TRANSLATE_NOOP("Messages", "事项代码重复（{other} 已用）"),
    "catalog.no_replacement": QT_TRANSLATE_NOOP("Messages", "事项目录中没有“{item}”"),
    "catalog.replacement_retired": QT_TRANSLATE_NOOP("Messages", "“{item}”本身已停用"),
    "catalog.bad_code": QT_TRANSLATE_NOOP("Messages", "代码 {value!r} 只能由小写字母、数字和下划线组成，且以字母开头"),
    "catalog.code_not_file_name": QT_TRANSLATE_NOOP("Messages", "代码 {value!r} 应与文件名一致（{stem}）"),
    "catalog.max_length_text_only": QT_TRANSLATE_NOOP(
        "Messages", "max_length 只用于 text 和 address 字段（不用于 {type}）"),
    "catalog.hands_over_needed": QT_TRANSLATE_NOOP(
        "Messages", "发放户口簿的事项须写明交付给群众的是什么（hands_over_zh，如“换领的新居民户口簿”）"),
    "catalog.hands_over_booklet_only": QT_TRANSLATE_NOOP(
        "Messages", "hands_over_zh 只用于发放户口簿的事项（issues_document = \"booklet\"）；证明类文书以其名称交付"),
    "catalog.false_label_bool_only": QT_TRANSLATE_NOOP(
        "Messages", "label_false_zh / label_false_en 只用于 bool 字段（不用于 {type}）"),
    "catalog.false_label_both": QT_TRANSLATE_NOOP(
        "Messages", "label_false_zh 和 label_false_en 须同时填写（字段不成立时的中英文说法）"),
    "catalog.note_both": QT_TRANSLATE_NOOP("Messages", "材料说明须中英文同时填写（note_zh 和 note_en）"),
    "catalog.min_max_number_only": QT_TRANSLATE_NOOP("Messages", "min/max 只用于 number 字段（不用于 {type}）"),
    "catalog.min_above_max": QT_TRANSLATE_NOOP("Messages", "min（{low}）大于 max（{high}）"),
    "catalog.no_fields": QT_TRANSLATE_NOOP("Messages", "至少需要一个字段"),
    "catalog.options_enum_only": QT_TRANSLATE_NOOP("Messages", "只有 enum 字段才有 options（不用于 {type}）"),
    "catalog.enum_needs_options": QT_TRANSLATE_NOOP("Messages", "enum 字段需要 options"),
    "catalog.bad_option_value": QT_TRANSLATE_NOOP("Messages", "选项值 {value!r} 只能由小写字母、数字和下划线组成"),
    "catalog.duplicate_option": QT_TRANSLATE_NOOP("Messages", "选项值重复：{value}"),
    "catalog.enum_needs_an_option": QT_TRANSLATE_NOOP("Messages", "enum 字段需要至少一个选项"),
    "catalog.when_names_itself": QT_TRANSLATE_NOOP("Messages", "字段的 when 不能引用字段本身（{field}）"),
    "catalog.applicant_when_not_person": QT_TRANSLATE_NOOP(
        "Messages", "只有 person 字段可以写 applicant_when（{field} 是 {type}）"),
    "catalog.when_cycle": QT_TRANSLATE_NOOP(
        "Messages", "字段的 when 条件互相依赖，形成循环（{chain}），这些字段永远不会显示"),
    "catalog.no_materials": QT_TRANSLATE_NOOP("Messages", "至少需要一项材料"),
    "catalog.basis_names_law": QT_TRANSLATE_NOOP("Messages", "依据应写明法律或规定的名称（《…》）"),
    "catalog.base_tier_reserved": QT_TRANSLATE_NOOP("Messages", "base 是保留的层级名（无层级适用时）"),
    "catalog.tier_days": QT_TRANSLATE_NOOP("Messages", "窗口办结的层级时限应为0；需审批的层级时限应大于0"),
    "catalog.roles_table": QT_TRANSLATE_NOOP("Messages", "roles 应为表（[roles]）"),
    "catalog.not_person_field": QT_TRANSLATE_NOOP("Messages", "{field} 不是本事项的 person 字段"),
    "catalog.not_person_or_text_field": QT_TRANSLATE_NOOP("Messages", "{field} 不是本事项的 person 或 text 字段"),
    "catalog.movers_twice": QT_TRANSLATE_NOOP("Messages", "movers 中有重复的字段"),
    "catalog.reissues_table": QT_TRANSLATE_NOOP("Messages", "reissues 应为表（[reissues]）"),
    "catalog.reissue_kind_field": QT_TRANSLATE_NOOP(
        "Messages", "{field} 应为本事项的 enum 字段，其选项只能是可补发的证件（{kinds}）"),
    "catalog.reissue_number_field": QT_TRANSLATE_NOOP("Messages", "{field} 不是本事项的 text 字段"),
    "catalog.replaced_by_empty": QT_TRANSLATE_NOOP("Messages", "replaced_by 不能为空"),
    "catalog.not_item_code": QT_TRANSLATE_NOOP("Messages", "{item!r} 不是有效的事项代码"),
    "catalog.replaces_itself": QT_TRANSLATE_NOOP("Messages", "事项不能由自身替代"),
    "catalog.bad_source_date": QT_TRANSLATE_NOOP("Messages", "日期 {value!r} 应为 YYYY、YYYY-MM 或 YYYY-MM-DD"),
    "catalog.unknown_key": QT_TRANSLATE_NOOP("Messages", "未知的键 {name}"),
    "catalog.unknown_key_close": QT_TRANSLATE_NOOP("Messages", "未知的键 {name}（是否应为 {close}？）"),
    "catalog.missing_key": QT_TRANSLATE_NOOP("Messages", "缺少必填的键 {name}"),
    "catalog.not_table_array": QT_TRANSLATE_NOOP("Messages", "{name} 应为表数组（[[{name}]]）"),
    "catalog.not_a_table": QT_TRANSLATE_NOOP("Messages", "应为表（不是 {kind}）"),
    "catalog.bad_key": QT_TRANSLATE_NOOP("Messages", "键 {value!r} 只能由小写字母、数字和下划线组成，且以字母开头"),
    "catalog.reserved_key": QT_TRANSLATE_NOOP("Messages", "{value} 是保留字"),
    "catalog.duplicate_key": QT_TRANSLATE_NOOP("Messages", "键重复：{value}"),
    "catalog.not_string": QT_TRANSLATE_NOOP("Messages", "应为字符串（不是 {kind}）"),
    "catalog.empty": QT_TRANSLATE_NOOP("Messages", "不能为空"),
    "catalog.not_string_list": QT_TRANSLATE_NOOP("Messages", "应为非空字符串的列表"),
    "catalog.not_bool": QT_TRANSLATE_NOOP("Messages", "应为 true 或 false（不是 {kind}）"),
    "catalog.not_integer": QT_TRANSLATE_NOOP("Messages", "应为整数（不是 {kind}）"),
    "catalog.below_minimum": QT_TRANSLATE_NOOP("Messages", "不能小于 {minimum}（现为 {value}）"),
    "catalog.above_maximum": QT_TRANSLATE_NOOP("Messages", "不能大于 {maximum}（现为 {value}）"),
    "catalog.not_number": QT_TRANSLATE_NOOP("Messages", "应为数字（不是 {kind}）"),
    "catalog.not_finite": QT_TRANSLATE_NOOP("Messages", "应为有限的数字（现为 {value}）"),
    "catalog.beyond_limit": QT_TRANSLATE_NOOP("Messages", "绝对值不能大于 {maximum}（现为 {value}）"),
    "catalog.bad_choice": QT_TRANSLATE_NOOP("Messages", "无效的 {name} 值 {value!r}（可选：{choices}）"),
    "catalog.condition_not_string": QT_TRANSLATE_NOOP("Messages", "条件应为字符串（不是 {kind}）"),
    "catalog.bad_condition": QT_TRANSLATE_NOOP("Messages", "条件 {condition!r} 有误：{problems}"),
    "condition.invalid": QT_TRANSLATE_NOOP("Messages", "{problems}"),
    "condition.not_a_string": QT_TRANSLATE_NOOP("Messages", "条件必须是字符串"),
    "condition.too_long": QT_TRANSLATE_NOOP("Messages", "条件过长（超过 {limit} 个字符）"),
    "condition.syntax": QT_TRANSLATE_NOOP("Messages", "条件语法错误：{detail}"),
    "condition.too_deep": QT_TRANSLATE_NOOP("Messages", "条件嵌套过深"),
    "condition.forbidden_syntax": QT_TRANSLATE_NOOP("Messages", "不允许的写法：{name}"),
    "condition.no_none": QT_TRANSLATE_NOOP("Messages", '没有空值常量：请用 filled("字段") 判断是否已填写'),
    "condition.forbidden_literal": QT_TRANSLATE_NOOP("Messages", "不允许的常量：{value}"),
    "condition.list_of_literals": QT_TRANSLATE_NOOP("Messages", "列表中只能写常量"),
    "condition.forbidden_operator": QT_TRANSLATE_NOOP("Messages", "不允许的运算"),
    "condition.forbidden_comparison": QT_TRANSLATE_NOOP("Messages", "不允许的比较：{name}"),
    "condition.applicant_alone": QT_TRANSLATE_NOOP("Messages", "applicant 后须跟 .age、.sex、.nation 或 .region"),
    "condition.forbidden_name": QT_TRANSLATE_NOOP("Messages", "不允许的名称：{name}"),
    "condition.unknown_field": QT_TRANSLATE_NOOP("Messages", "未知字段：{name}（字段：{known}）"),
    "condition.attribute_where": QT_TRANSLATE_NOOP("Messages", "只能取 applicant 或 person 字段的属性"),
    "condition.applicant_attribute": QT_TRANSLATE_NOOP("Messages", "applicant 没有属性 {attribute}（可用：{allowed}）"),
    "condition.attribute_of_non_person": QT_TRANSLATE_NOOP(
        "Messages", "只有 person 类型的字段有属性：{base}.{attribute}（{base} 是 {type}）"),
    "condition.person_attribute": QT_TRANSLATE_NOOP("Messages", "person 字段没有属性 {attribute}（可用：{allowed}）"),
    "condition.forbidden_call": QT_TRANSLATE_NOOP("Messages", "不允许调用 {name}（只有 filled、age、days_since）"),
    "condition.function_argument": QT_TRANSLATE_NOOP(
        "Messages", '{function}() 只接受一个字符串形式的字段名，如 {function}("birth_date")'),
    "condition.needs_date_field": QT_TRANSLATE_NOOP("Messages", "{function}() 需要日期字段，{field} 是 {type}"),
    "condition.not_orderable": QT_TRANSLATE_NOOP("Messages", "{label} 不能用 {operator} 比较大小"),
    "condition.value_not_orderable": QT_TRANSLATE_NOOP("Messages", "值不能用 {operator} 比较大小"),
    "condition.whole_person": QT_TRANSLATE_NOOP(
        "Messages", "不能直接比较 person 字段 {label}，请用 .name、.id_number、.age 或 .sex"),
    "condition.not_an_option": QT_TRANSLATE_NOOP("Messages", "{label} 没有选项 {value}（可选：{choices}）"),
    "condition.wrong_kind": QT_TRANSLATE_NOOP("Messages", "{label} 不能与 {value} 比较（类型为 {kind}）"),
    # ---- the “一件事” bundle files' problem lines ----
    "bundle_file.duplicate_code": QT_TRANSLATE_NOOP("Messages", "套餐代码重复（{other} 已用）"),
    "bundle_file.unknown_key": QT_TRANSLATE_NOOP("Messages", "未知的键 “{name}”"),
    "bundle_file.missing_key": QT_TRANSLATE_NOOP("Messages", "缺少必填的键 “{name}”"),
    "bundle_file.not_text": QT_TRANSLATE_NOOP("Messages", "应为非空文本（现为 {value!r}）"),
    "bundle_file.not_table_array": QT_TRANSLATE_NOOP("Messages", "应为表数组（[[{name}]]）"),
    "bundle_file.not_a_table": QT_TRANSLATE_NOOP("Messages", "应为表"),
    "bundle_file.bad_code": QT_TRANSLATE_NOOP("Messages", "代码 {value!r} 只能用小写字母、数字和下划线"),
    "bundle_file.code_not_file_name": QT_TRANSLATE_NOOP("Messages", "代码 {value!r} 与文件名不一致（{stem}）"),
    "bundle_file.code_is_transaction": QT_TRANSLATE_NOOP("Messages", "代码 {value!r} 与事项目录中的事项代码重名"),
    "bundle_file.code_not_text": QT_TRANSLATE_NOOP("Messages", "应为文本"),
    "bundle_file.keywords": QT_TRANSLATE_NOOP("Messages", "应为文本列表"),
    "bundle_file.no_members": QT_TRANSLATE_NOOP("Messages", "至少要有一个成员事项"),
    "bundle_file.no_transaction": QT_TRANSLATE_NOOP("Messages", "事项目录中没有 “{item}”"),
    "bundle_file.member_twice": QT_TRANSLATE_NOOP("Messages", "成员 “{item}” 重复"),
    "bundle_file.not_bool": QT_TRANSLATE_NOOP("Messages", "应为 true 或 false"),
    "bundle_file.all_optional": QT_TRANSLATE_NOOP("Messages", "至少要有一个必办成员事项"),
    "bundle_file.bad_key": QT_TRANSLATE_NOOP("Messages", "键 {value!r} 只能用小写字母、数字和下划线"),
    "bundle_file.shared_twice": QT_TRANSLATE_NOOP("Messages", "共用字段 “{value}” 重复"),
    "bundle_file.fills_list": QT_TRANSLATE_NOOP("Messages", "应为“事项代码.字段键”的列表"),
    "bundle_file.not_member": QT_TRANSLATE_NOOP("Messages", "“{item}” 不是本套餐的成员事项"),
    "bundle_file.no_field": QT_TRANSLATE_NOOP("Messages", "事项 “{item}” 没有字段 “{field}”"),
    "bundle_file.filled_already": QT_TRANSLATE_NOOP("Messages", "字段已由共用字段 “{shared}” 填写"),
    "bundle_file.kind_differs": QT_TRANSLATE_NOOP("Messages", "字段类型或选项与 “{first}” 不一致"),
    "bundle_file.follow_up_twice": QT_TRANSLATE_NOOP("Messages", "后续事项 “{value}” 重复"),
    # ---- the holiday files (each problem names file and entry) and the working-day sums ----
    "holidays.bad_year": QT_TRANSLATE_NOOP("Messages", "年份无效：{value!r}"),
    "holidays.no_source": QT_TRANSLATE_NOOP("Messages", "缺少来源（国务院办公厅通知的标题和文号）"),
    "holidays.empty_name": QT_TRANSLATE_NOOP("Messages", "节日名称为空"),
    "holidays.holiday_twice": QT_TRANSLATE_NOOP("Messages", "{day} 重复列为节假日"),
    "holidays.none_listed": QT_TRANSLATE_NOOP("Messages", "没有任何节假日"),
    "holidays.holiday_and_workday": QT_TRANSLATE_NOOP("Messages", "{day} 既是节假日又是调休上班日"),
    "holidays.workday_not_weekend": QT_TRANSLATE_NOOP(
        "Messages", "{day}（星期{weekday}）不是周末，调休上班日只能是周六或周日"),
    "holidays.workday_twice": QT_TRANSLATE_NOOP("Messages", "{day} 重复列为调休上班日"),
    "holidays.not_a_date": QT_TRANSLATE_NOOP("Messages", "不是日期：{value!r}"),
    "holidays.outside_year": QT_TRANSLATE_NOOP("Messages", "{day} 不在 {year} 年内"),
    "holidays.bad_date": QT_TRANSLATE_NOOP("Messages", "不是有效日期：{value!r}（应写作 2027-01-01）"),
    "holidays.unknown_keys": QT_TRANSLATE_NOOP("Messages", "未知的键：{unknown}（允许：{allowed}）"),
    "holidays.bad_entry": QT_TRANSLATE_NOOP(
        "Messages", "应为 {{ date = ..., name = ... }} 或 {{ from = ..., to = ..., name = ... }}"),
    "holidays.no_name": QT_TRANSLATE_NOOP("Messages", "缺少节日名称 name"),
    "holidays.date_or_range": QT_TRANSLATE_NOOP("Messages", "需要 date，或者 from 和 to"),
    "holidays.range_backwards": QT_TRANSLATE_NOOP("Messages", "结束日期 {last} 早于开始日期 {first}"),
    "holidays.range_too_long": QT_TRANSLATE_NOOP("Messages", "{first} 至 {last} 太长，请检查"),
    "holidays.no_year": QT_TRANSLATE_NOOP("Messages", "缺少整数年份 year"),
    "holidays.year_not_file_name": QT_TRANSLATE_NOOP("Messages", "year = {year} 与文件名的年份 {expected} 不一致"),
    "holidays.no_holidays_list": QT_TRANSLATE_NOOP("Messages", "缺少 holidays 列表"),
    "holidays.listed_already": QT_TRANSLATE_NOOP("Messages", "{day} 已在 {earlier} 中列出"),
    "holidays.workdays_list": QT_TRANSLATE_NOOP("Messages", "workdays 应为日期列表"),
    "holidays.file_name": QT_TRANSLATE_NOOP("Messages", "文件名应为四位年份加 .toml，例如 2027.toml"),
    "holidays.passed_as_other_year": QT_TRANSLATE_NOOP("Messages", "作为 {year} 年传入，但数据是 {holds} 年的"),
    "holidays.no_official_data": QT_TRANSLATE_NOOP(
        "Messages", "{year} 年没有官方节假日数据，按周末推算，可能不准确；请管理员导入 {year} 年的节假日安排（desk holidays import {year}.toml）"),  # noqa: E501
    "workdays.negative_days": QT_TRANSLATE_NOOP("Messages", "工作日数应为非负整数：{value!r}"),
    "workdays.beyond_calendar": QT_TRANSLATE_NOOP("Messages", "到期日超出可计算的日期范围"),
    "workdays.negative_soon": QT_TRANSLATE_NOOP("Messages", "提前提醒天数应 ≥ 0：{value}"),
    "weekday.0": QT_TRANSLATE_NOOP("Messages", "一"),
    "weekday.1": QT_TRANSLATE_NOOP("Messages", "二"),
    "weekday.2": QT_TRANSLATE_NOOP("Messages", "三"),
    "weekday.3": QT_TRANSLATE_NOOP("Messages", "四"),
    "weekday.4": QT_TRANSLATE_NOOP("Messages", "五"),
    "weekday.5": QT_TRANSLATE_NOOP("Messages", "六"),
    "weekday.6": QT_TRANSLATE_NOOP("Messages", "日"),
    # ---- signing keys (printing.signing says the key; the use cases say the text) ----
    "signing.bad_station_code": QT_TRANSLATE_NOOP("Messages", "站点代码无效：{value!r}"),
    "signing.key_expired": QT_TRANSLATE_NOOP(
        "Messages", "签名密钥 {kid} 已过有效期（{date}），请管理员更换密钥（desk keys rotate）。"),
    "signing.keyring_damaged": QT_TRANSLATE_NOOP("Messages", "密钥列表文件损坏：{file}（{reason}）"),
    "signing.no_such_key": QT_TRANSLATE_NOOP("Messages", "没有编号为 {kid} 的密钥。"),
    "signing.no_usable_key": QT_TRANSLATE_NOOP(
        "Messages", "本所（{station}）没有可用的证明签名密钥，不能出具带二维码的证明。请系统管理员创建或更换密钥（desk keys create / desk keys rotate）。"),  # noqa: E501
    "signing.no_private_key": QT_TRANSLATE_NOOP(
        "Messages", "本机没有密钥 {kid} 的私钥，不能签名（只有签发机器持有私钥）。"),
    "signing.key_file_damaged": QT_TRANSLATE_NOOP("Messages", "签名密钥文件损坏：{file}"),
    "signing.not_ed25519": QT_TRANSLATE_NOOP("Messages", "签名密钥不是 Ed25519 密钥"),
    "signing.key_mismatch": QT_TRANSLATE_NOOP("Messages", "密钥 {kid} 的私钥与密钥列表中的公钥不符。"),
    "signing.valid_one_day": QT_TRANSLATE_NOOP("Messages", "密钥有效期至少一天。"),
    "signing.active_exists": QT_TRANSLATE_NOOP(
        "Messages", "站点 {station} 已有在用密钥；要更换请用 desk keys rotate。"),
    "signing.revoke_reason": QT_TRANSLATE_NOOP("Messages", "吊销密钥须说明理由。"),
    "signing.keyring_unreadable": QT_TRANSLATE_NOOP("Messages", "密钥列表文件无法读取：{file}（{reason}）"),
    "signing.other_station": QT_TRANSLATE_NOOP(
        "Messages", "签名密钥属于站点 {key_station}，证明的出具单位是 {station}"),
    "signing.payload_not_these_facts": QT_TRANSLATE_NOOP(
        "Messages", "证明 {serial} 的签名不是为所印内容作出的，不能打印。"),
    "document.void": QT_TRANSLATE_NOOP(
        "Messages", "{serial} 已由补发的 {by} 替代并作废，不能再打印；需要时请打印 {by}。"),
    "reissue.not_chosen": QT_TRANSLATE_NOOP("Messages", "请选择补发的证件并填写原证编号。"),
    "reissue.not_ours": QT_TRANSLATE_NOOP(
        "Messages", "本所签发记录中没有编号为 {number} 的证件，不能补发。请核对原证编号；原证由其他机关签发的，请到签发机关申请。"),  # noqa: E501
    "reissue.wrong_kind": QT_TRANSLATE_NOOP(
        "Messages", "编号 {number} 是本所签发的{kind}，不是{chosen}。请选择正确的证件。"),
    "reissue.already_void": QT_TRANSLATE_NOOP(
        "Messages", "编号 {number} 的证件已由 {by} 补发替代并作废，不能再次补发；如遗失的是补发后的证件，请填写该证件的编号。"),  # noqa: E501
    "reissue.expired": QT_TRANSLATE_NOOP(
        "Messages", "编号 {number} 的证件有效期至 {until}，已过期，不能补发。请重新申请准予迁入证明或重新办理迁出。"),
    "reissue.not_on_original": QT_TRANSLATE_NOOP(
        "Messages", "{name} 不是编号 {number} 证件上所列的迁移人员，也不是其申请人，不能申请补发。"),
    "document.no_chain_change": QT_TRANSLATE_NOOP("Messages", "“{transaction}”不引起公民信息连锁变更。"),
    "document.chain_not_completed": QT_TRANSLATE_NOOP("Messages", "申请 {number} 尚未办结，办结后才产生连锁变更。"),
    "document.unknown_kind": QT_TRANSLATE_NOOP("Messages", "没有“{kind}”这种文书。"),
    "document.not_now": QT_TRANSLATE_NOOP("Messages", "申请 {number} 当前为“{state}”，不能出具{paper}。"),
    "document.purpose_needed": QT_TRANSLATE_NOOP("Messages", "请填写证明用途。"),
    "document.no_register_entry": QT_TRANSLATE_NOOP("Messages", "没有身份证号为 {id_number} 的户籍记录。"),
    "document.incomplete_at_kiosk": QT_TRANSLATE_NOOP(
        "Messages", "户籍登记信息不完整（户主、与户主关系或登记日期缺失），不能自助出具证明，请到窗口办理。"),
    "document.no_entry_to_certify": QT_TRANSLATE_NOOP(
        "Messages", "被证明人（{id_number}）在本地没有户籍记录，不能出具户籍证明。"),
    "document.incomplete_entry": QT_TRANSLATE_NOOP(
        "Messages", "{name}（{id_number}）的户籍登记信息不完整（户主、与户主关系或登记日期缺失），请先核实更正后再出具户籍证明。"),  # noqa: E501
    "document.station_not_configured": QT_TRANSLATE_NOOP(
        "Messages", "没有编码为 {station} 的派出所，请先配置本所信息。"),
    # ---- a register extract (desk register import; desk/domain/register_rows.py) ----
    "register.duplicate_column": QT_TRANSLATE_NOOP(
        "Messages", "“{column}”列与“{first}”列是同一项，文件只能有其中一列。"),
    "register.missing_columns": QT_TRANSLATE_NOOP("Messages", "文件缺少必需的列：{columns}。"),
    "register.field_count": QT_TRANSLATE_NOOP("Messages", "本行有 {found} 个字段，表头有 {expected} 个。"),
    "register.cell_empty": QT_TRANSLATE_NOOP("Messages", "此项为空。"),
    "register.not_resident_number": QT_TRANSLATE_NOOP(
        "Messages", "不是居民身份证号码：居住证和外国人永久居留身份证的号码不在户籍登记中。"),
    "register.unknown_relationship": QT_TRANSLATE_NOOP(
        "Messages", "与户主关系“{value}”不在家庭关系代码表（GB/T 4761）中。"),
    "register.not_a_date": QT_TRANSLATE_NOOP("Messages", "“{value}”不是日期（应为 YYYY-MM-DD 或 YYYYMMDD）。"),
    "register.date_in_future": QT_TRANSLATE_NOOP("Messages", "登记日期 {date} 晚于今天。"),
    "register.date_before_birth": QT_TRANSLATE_NOOP("Messages", "登记日期 {date} 早于出生日期 {birth}。"),
    "register.head_not_self": QT_TRANSLATE_NOOP(
        "Messages", "与户主关系为“户主”，户主姓名“{head}”却不是本人姓名“{name}”。"),
    "register.name_mismatch": QT_TRANSLATE_NOOP("Messages", "姓名“{name}”与户籍记录中的“{recorded}”不符。"),
    "register.duplicate_row": QT_TRANSLATE_NOOP("Messages", "公民身份号码与第 {first_line} 行重复。"),
    "register.file_unreadable": QT_TRANSLATE_NOOP("Messages", "无法读取文件 {file}：{reason}"),
    "register.no_header": QT_TRANSLATE_NOOP("Messages", "文件 {file} 是空的，没有表头行。"),
    "register.undecodable": QT_TRANSLATE_NOOP(
        "Messages", "文件 {file} 第 {line} 行不是 {encoding} 编码的文字，请用 --encoding 指明文件的编码（如 gb18030、utf-8）。"),  # noqa: E501
    "register.unknown_encoding": QT_TRANSLATE_NOOP("Messages", "不认识的编码“{encoding}”。"),
    "register.other_station": QT_TRANSLATE_NOOP(
        "Messages", "只能导入本所（{own}）的户籍信息，不能导入 {station} 的。"),
    "paper.receipt": QT_TRANSLATE_NOOP("Messages", "受理回执"),
    "paper.supplement_notice": QT_TRANSLATE_NOOP("Messages", "一次性告知书"),
    "paper.not_accepted_notice": QT_TRANSLATE_NOOP("Messages", "不予受理通知书"),
    "paper.denial_decision": QT_TRANSLATE_NOOP("Messages", "不予许可决定书"),
    "paper.denial_decision.confirmation": QT_TRANSLATE_NOOP("Messages", "不予登记决定书"),
    "paper.denial_decision.service": QT_TRANSLATE_NOOP("Messages", "不予办理决定书"),
    "paper.completion_notice": QT_TRANSLATE_NOOP("Messages", "办结通知书"),
    "paper.move_in_permit": QT_TRANSLATE_NOOP("Messages", "准予迁入证明"),
    "paper.migration_certificate": QT_TRANSLATE_NOOP("Messages", "户口迁移证"),
    "paper.chain_notice": QT_TRANSLATE_NOOP("Messages", "公民信息连锁变更告知单"),
    "paper.household_certificate": QT_TRANSLATE_NOOP("Messages", "户籍证明"),
    "paper.deregistration_certificate": QT_TRANSLATE_NOOP("Messages", "注销户口证明"),
    "paper.queue_ticket": QT_TRANSLATE_NOOP("Messages", "排队号"),
    # ---- the city server's own refusals ----
    "server.not_signed_in": QT_TRANSLATE_NOOP("Messages", "未登录，请先登录。"),
    "server.other_station": QT_TRANSLATE_NOOP("Messages", "不能查看或办理其他派出所（{station}）的业务。"),
    "kiosk.case_of_other_station": QT_TRANSLATE_NOOP(
        "Messages", "这件申请由{station}受理，补交材料请到该所窗口办理，本机不能为它取号。"),
    "server.other_station_view": QT_TRANSLATE_NOOP("Messages", "不能查看其他派出所（{station}）的业务。"),
    # ---- typed dates, the chained-change rules file ----
    "date.unreadable": QT_TRANSLATE_NOOP("Messages", "无法识别的日期“{text}”，请按“年-月-日”输入，如 2026-11-28。"),
    "chain_rules.unreadable": QT_TRANSLATE_NOOP("Messages", "连锁变更规则文件无法读取：{file}（{reason}）"),
    "chain_rules.invalid": QT_TRANSLATE_NOOP("Messages", "连锁变更规则有误：{problems}"),
    # ---- optional parts of the install (extras) ----
    "extra.missing": QT_TRANSLATE_NOOP(
        "Messages", "{feature}需要附加组件 “{extra}”，当前安装中没有。请安装：{command}"),
    "feature.escpos_printer": QT_TRANSLATE_NOOP("Messages", "热敏小票打印机（escpos:串口）"),
    "feature.city_server": QT_TRANSLATE_NOOP("Messages", "城市服务器（desk server）"),
    "feature.postgres": QT_TRANSLATE_NOOP("Messages", "PostgreSQL 数据库（postgresql:// 地址）"),
    # ---- identity numbers (desk.domain.idnumber; the form's own two) ----
    "id.empty": QT_TRANSLATE_NOOP("Messages", "请输入证件号码"),
    "id.length_resident": QT_TRANSLATE_NOOP(
        "Messages", "号码长度为 {length} 位：居民身份证号码应为 18 位（旧证 15 位），请检查是否漏输或多输"),
    "id.checksum_18": QT_TRANSLATE_NOOP(
        "Messages", "校验码错误：按前17位计算，第18位应为 {expected}，请核对号码是否抄错"),
    "id.length_foreign_2017": QT_TRANSLATE_NOOP(
        "Messages", "号码长度为 {length} 位：外国人永久居留身份证（2017版）号码应为 15 位（3个字母+12位数字）"),
    "id.x_not_last": QT_TRANSLATE_NOOP("Messages", "第{position}位是“X”：X 只能是18位号码的最后一位"),
    "id.letter_for_digit": QT_TRANSLATE_NOOP(
        "Messages", "第{position}位是字母“{char}”：号码只能是数字（最后一位可以是 X），是否把数字输成了字母？"),
    "id.not_a_digit": QT_TRANSLATE_NOOP("Messages", "第{position}位“{char}”不是数字：号码只能是数字，最后一位可以是 X"),
    "id.province_unknown": QT_TRANSLATE_NOOP(
        "Messages", "前两位“{prefix}”不是任何省、自治区、直辖市的代码，请核对号码开头"),
    "id.birth_date_invalid": QT_TRANSLATE_NOOP(
        "Messages", "出生日期 {year}年{month}月{day}日 不存在，请核对第{first}-{last}位"),
    "id.birth_date_future": QT_TRANSLATE_NOOP(
        "Messages", "出生日期 {year}年{month}月{day}日 晚于今天，请核对第{first}-{last}位"),
    "id.birth_date_too_early": QT_TRANSLATE_NOOP(
        "Messages", "出生日期 {year}年{month}月{day}日 早于1900年，请核对第{first}-{last}位"),
    "id.permit_only": QT_TRANSLATE_NOOP(
        "Messages", "以“{province}”开头的只有港澳台居民居住证，其前6位应为 810000、820000 或 830000，请核对号码开头"),
    "id.accepting_province": QT_TRANSLATE_NOOP(
        "Messages", "第{first}-{last}位“{province}”应为受理地的省级代码（如 11 北京、21 辽宁），请核对"),
    "id.nationality": QT_TRANSLATE_NOOP("Messages", "第4-6位“000”不是国籍代码，请核对"),
    "id.checksum_15": QT_TRANSLATE_NOOP(
        "Messages", "校验码错误：按前14位计算，第15位应为 {expected}，请核对号码是否抄错"),
    "id.old_15": QT_TRANSLATE_NOOP("Messages", "这是旧的15位号码：请输入18位号码（换算后为 {number}）"),
    "id.enter_18": QT_TRANSLATE_NOOP("Messages", "号码长度为 {length} 位：请输入18位身份证号码"),
    # ---- a form field's value (the catalog's per-type checks; {label} is the field's label, catalog data) ----
    "field.required": QT_TRANSLATE_NOOP("Messages", "请填写“{label}”。"),
    "field.labelled": QT_TRANSLATE_NOOP("Messages", "{label}：{problem}"),
    "field.labelled_part": QT_TRANSLATE_NOOP("Messages", "{label}{part}：{problem}"),
    "word.name_part": QT_TRANSLATE_NOOP("Messages", "姓名"),
    "word.id_number_part": QT_TRANSLATE_NOOP("Messages", "身份证号码"),
    "field.id_length": QT_TRANSLATE_NOOP("Messages", "身份证号码应为18位（现为{length}位）。"),
    "field.id_shape": QT_TRANSLATE_NOOP("Messages", "身份证号码前17位应为数字，末位为数字或X。"),
    "field.id_birth_date": QT_TRANSLATE_NOOP("Messages", "身份证号码中的出生日期无效。"),
    "field.id_checksum": QT_TRANSLATE_NOOP("Messages", "身份证号码校验位不正确，请核对。"),
    "field.not_text": QT_TRANSLATE_NOOP("Messages", "应为文字。"),
    "field.too_long": QT_TRANSLATE_NOOP("Messages", "最多{maximum}个字（现为{length}个）。"),
    "field.not_a_real_date": QT_TRANSLATE_NOOP("Messages", "不是有效日期。"),
    "field.date_format": QT_TRANSLATE_NOOP("Messages", "日期格式应为 YYYY-MM-DD。"),
    "field.not_an_id_number": QT_TRANSLATE_NOOP("Messages", "应为18位身份证号码。"),
    "field.not_a_choice": QT_TRANSLATE_NOOP("Messages", "“{value}”不是可选项，请从以下选项中选择：{choices}。"),
    "field.not_a_phone": QT_TRANSLATE_NOOP("Messages", "应为11位手机号码（1开头）或“区号-号码”形式的固定电话。"),
    "field.not_a_number": QT_TRANSLATE_NOOP("Messages", "应为数字。"),
    "field.not_finite": QT_TRANSLATE_NOOP("Messages", "应为有效的数字。"),
    "field.below_minimum": QT_TRANSLATE_NOOP("Messages", "不能小于{minimum}。"),
    "field.above_maximum": QT_TRANSLATE_NOOP("Messages", "不能大于{maximum}。"),
    "field.yes_or_no": QT_TRANSLATE_NOOP("Messages", "应选择“是”或“否”。"),
    "field.person_needed": QT_TRANSLATE_NOOP("Messages", "应填写姓名和身份证号码。"),
    "field.name_missing": QT_TRANSLATE_NOOP("Messages", "请填写姓名。"),
    "field.id_number_missing": QT_TRANSLATE_NOOP("Messages", "请填写身份证号码。"),
    "field.relationship_text": QT_TRANSLATE_NOOP("Messages", "与申请人关系应为文字。"),
    # ---- demo data, kiosks' events, reports, staff photos, the store's schema and owner role ----
    "demo.not_a_demo_database": QT_TRANSLATE_NOOP(
        "Messages", "该数据库已有 {people} 名人员、{cases} 件申请，且不是演示数据库：不能写入演示数据。"),
    "kiosk.unknown_event": QT_TRANSLATE_NOOP("Messages", "未知的自助机事件：{action}"),
    "user.no_active_user": QT_TRANSLATE_NOOP("Messages", "没有在用的用户“{username}”。"),
    "file.photo_unreadable": QT_TRANSLATE_NOOP("Messages", "无法读取照片文件 {path}：{reason}"),
    "db.owner_only": QT_TRANSLATE_NOOP(
        "Messages", "这个命令只能以数据库所有者角色运行（例如 desk --db postgresql://desk_owner@…/库名 db upgrade），服务器角色没有这个权限。"),  # noqa: E501
    # ---- signing in on the desk ----
    "sign_in.wrong": QT_TRANSLATE_NOOP("Messages", "用户名或密码错误。"),
    "sign_in.locked": QT_TRANSLATE_NOOP("Messages", "密码错误次数过多，账号已锁定至 {until}。请稍后再试或联系管理员。"),
    "sign_in.wrong_tries_left": QT_TRANSLATE_NOOP("Messages", "用户名或密码错误。再错 {left} 次账号将锁定 15 分钟。"),
    "sign_in.wrong_now_locked": QT_TRANSLATE_NOOP("Messages", "用户名或密码错误。账号已锁定 15 分钟。"),
    # ---- a person's identity facts (desk.domain.identity; {label} is a word.person.* term) ----
    "identity.not_text": QT_TRANSLATE_NOOP("Messages", "{label}不是文字。"),
    "identity.control_character": QT_TRANSLATE_NOOP("Messages", "{label}含有不可见的控制字符（{character}），请重新输入或重新读卡。"),  # noqa: E501
    "identity.missing": QT_TRANSLATE_NOOP("Messages", "请填写{label}。"),
    "identity.too_long": QT_TRANSLATE_NOOP("Messages", "{label}过长（{length} 个字符，最多 {most} 个），请核对。"),
    "identity.name_character": QT_TRANSLATE_NOOP(
        "Messages", "{label}中不能有字符“{character}”（{code_point}）：只允许汉字（含生僻字）、间隔号和外文字母。"),
    "identity.punctuation_only": QT_TRANSLATE_NOOP("Messages", "{label}不能只有标点。"),
    "identity.not_a_date": QT_TRANSLATE_NOOP("Messages", "{label}不是日期。"),
    "identity.impossible_date": QT_TRANSLATE_NOOP("Messages", "{label} {date} 不可能成立，请核对。"),
    "identity.id_number_illegal": QT_TRANSLATE_NOOP("Messages", "证件号码含有非法字符或过长。"),
    "identity.bad_sex": QT_TRANSLATE_NOOP("Messages", "性别“{sex}”无效。"),
    "identity.validity_order": QT_TRANSLATE_NOOP("Messages", "有效期截止日期早于起始日期。"),
    "identity.bad_card_type": QT_TRANSLATE_NOOP("Messages", "证件类型“{card_type}”无效。"),
    "identity.phone_characters": QT_TRANSLATE_NOOP("Messages", "电话号码只能包含数字、空格、加号和连字符。"),
    "word.person.name": QT_TRANSLATE_NOOP("Messages", "姓名"),
    "word.person.birth_date": QT_TRANSLATE_NOOP("Messages", "出生日期"),
    "word.person.valid_from": QT_TRANSLATE_NOOP("Messages", "有效期起始日期"),
    "word.person.valid_to": QT_TRANSLATE_NOOP("Messages", "有效期截止日期"),
    "word.person.phone": QT_TRANSLATE_NOOP("Messages", "电话"),
    "word.person.nation": QT_TRANSLATE_NOOP("Messages", "民族"),
    "word.person.address": QT_TRANSLATE_NOOP("Messages", "住址"),
    "word.person.issuing_authority": QT_TRANSLATE_NOOP("Messages", "签发机关"),
    "word.person.household_head": QT_TRANSLATE_NOOP("Messages", "户主姓名"),
    "word.person.relationship_to_head": QT_TRANSLATE_NOOP("Messages", "与户主关系"),
    "word.person.former_names": QT_TRANSLATE_NOOP("Messages", "曾用名"),
    "word.person.registered_on": QT_TRANSLATE_NOOP("Messages", "登记日期"),
    # ---- the ID-card reader and its serial port (the reader's status line, `desk reader`) ----
    # `{name:.0}` says nothing: a technical detail only the English line names (both read as before).
    "reader.status.success": QT_TRANSLATE_NOOP("Messages", "操作成功"),
    "reader.status.card_found": QT_TRANSLATE_NOOP("Messages", "已找到证件"),
    "reader.status.no_content": QT_TRANSLATE_NOOP("Messages", "证件上没有该项内容"),
    "reader.status.checksum_error": QT_TRANSLATE_NOOP("Messages", "读卡器收到的数据校验错误，请重试"),
    "reader.status.length_error": QT_TRANSLATE_NOOP("Messages", "读卡器收到的数据长度错误，请重试"),
    "reader.status.command_error": QT_TRANSLATE_NOOP("Messages", "读卡器不支持该命令"),
    "reader.status.not_authorised": QT_TRANSLATE_NOOP("Messages", "读卡器拒绝该操作（未授权）"),
    "reader.status.unrecognised_error": QT_TRANSLATE_NOOP("Messages", "读卡器发生未知错误，请重试"),
    "reader.status.card_auth_module_failed": QT_TRANSLATE_NOOP("Messages", "证件认证读卡模块失败，请重新放置证件"),
    "reader.status.module_auth_card_failed": QT_TRANSLATE_NOOP("Messages", "证件认证失败，请重新放置证件；多次失败请核查证件真伪"),  # noqa: E501
    "reader.status.verification_error": QT_TRANSLATE_NOOP("Messages", "证件信息验证错误，请核查证件"),
    "reader.status.unknown_card_type": QT_TRANSLATE_NOOP("Messages", "无法识别的证件类型"),
    "reader.status.read_failed": QT_TRANSLATE_NOOP("Messages", "读卡失败，请将证件平放在读卡器上不要移动"),
    "reader.status.random_failed": QT_TRANSLATE_NOOP("Messages", "读卡失败（取随机数失败），请重试"),
    "reader.status.self_test_failed": QT_TRANSLATE_NOOP("Messages", "读卡器自检失败，请联系技术人员"),
    "reader.status.module_not_authorised": QT_TRANSLATE_NOOP("Messages", "读卡器安全模块未授权，请联系技术人员"),
    "reader.status.no_card": QT_TRANSLATE_NOOP("Messages", "读卡器上没有证件"),
    "reader.status.select_failed": QT_TRANSLATE_NOOP("Messages", "选卡失败，请重新放置证件"),
    "reader.status_unknown": QT_TRANSLATE_NOOP("Messages", "读卡器返回未知状态码 {status}，请重试"),
    "reader.short_reply": QT_TRANSLATE_NOOP("Messages", "读卡器应答过短"),
    "reader.short_read": QT_TRANSLATE_NOOP("Messages", "读卡应答不完整"),
    "reader.read_length": QT_TRANSLATE_NOOP("Messages", "读卡应答长度不一致"),
    "reader.card_garbled": QT_TRANSLATE_NOOP("Messages", "证件信息读取异常，请重新放置证件{reason:.0}"),
    "reader.port_corrupted": QT_TRANSLATE_NOOP(
        "Messages", "串口 {port} 上的读卡器有应答，但数据校验一直错误（已试波特率 {tried}）：请检查连线、串口线是否过长或受干扰，必要时更换读卡器"),  # noqa: E501
    "reader.no_answer": QT_TRANSLATE_NOOP("Messages", "串口 {port} 上没有读卡器应答（已试波特率 {tried}）"),
    "reader.truncated": QT_TRANSLATE_NOOP("Messages", "读卡器应答不完整，请将证件放稳后重试"),
    "reader.timeout": QT_TRANSLATE_NOOP("Messages", "读卡器无响应"),
    "reader.checksum_retrying": QT_TRANSLATE_NOOP("Messages", "读卡器数据校验错误，正在重试"),
    "reader.unexpected_reply": QT_TRANSLATE_NOOP("Messages", "读卡器的应答与命令不符，请取下证件后重新放置"),
    "reader.stopped": QT_TRANSLATE_NOOP("Messages", "已停止"),
    "serial.not_open": QT_TRANSLATE_NOOP("Messages", "串口 {port} 未打开"),
    "serial.permission": QT_TRANSLATE_NOOP("Messages", "没有权限打开串口 {port}（请把用户加入 dialout 组）"),
    "serial.not_found": QT_TRANSLATE_NOOP("Messages", "找不到串口 {port}，读卡器可能已拔出"),
    "serial.disconnected": QT_TRANSLATE_NOOP("Messages", "串口 {port} 已断开：{reason}"),
    "photo.decoder_spec": QT_TRANSLATE_NOOP("Messages", "照片解码器配置无效：{spec!r}（应为 模块:函数）"),
    "photo.decoder_unloadable": QT_TRANSLATE_NOOP("Messages", "无法加载照片解码器 {spec}：{reason}"),
    "photo.decoder_not_callable": QT_TRANSLATE_NOOP("Messages", "照片解码器 {spec} 不是函数"),
    # ---- the city server's rights and sessions, the city client ----
    "rights.user_inactive": QT_TRANSLATE_NOOP("Messages", "该账号已停用，不能办理业务。"),
    "rights.kiosk_session": QT_TRANSLATE_NOOP("Messages", "自助机不能办理窗口业务。"),
    "rights.role_not_permitted": QT_TRANSLATE_NOOP("Messages", "{role}无权进行此操作（{action}）。"),
    "rights.other_branch": QT_TRANSLATE_NOOP("Messages", "申请 {number} 不属于本分局辖区的派出所。"),
    "rights.other_station": QT_TRANSLATE_NOOP("Messages", "申请 {number} 属于其他派出所（{station}），不能办理。"),
    "rights.not_a_decider": QT_TRANSLATE_NOOP("Messages", "该事项的审批层级为“{approval}”，须由{deciders}审批。"),
    "rights.separation_of_duties": QT_TRANSLATE_NOOP("Messages", "受理或提交该申请的人不能审批它，请由其他有权人员审批。"),  # noqa: E501
    "rights.call.read": QT_TRANSLATE_NOOP("Messages", "查询"),
    "rights.call.open": QT_TRANSLATE_NOOP("Messages", "新建申请"),
    "rights.call.catalog": QT_TRANSLATE_NOOP("Messages", "查看事项目录"),
    "rights.call.queue": QT_TRANSLATE_NOOP("Messages", "叫号"),
    "rights.call.report": QT_TRANSLATE_NOOP("Messages", "查看日报"),
    "rights.call.kiosk": QT_TRANSLATE_NOOP("Messages", "自助机业务"),
    "rights.call.admin": QT_TRANSLATE_NOOP("Messages", "系统管理"),
    "rights.call.register_import": QT_TRANSLATE_NOOP("Messages", "导入户籍信息"),
    "word.nobody": QT_TRANSLATE_NOOP("Messages", "无人"),
    "word.enumeration_separator": QT_TRANSLATE_NOOP("Messages", "、"),
    # Which side of a `Bilingual` parameter (catalog data) a language reads: English reads "en".
    "word.data_language": QT_TRANSLATE_NOOP("Messages", "zh"),
    "session.device_locked": QT_TRANSLATE_NOOP("Messages", "本终端密码错误次数过多，该账号在本终端锁定至 {until}。可在其他终端登录或联系管理员。"),  # noqa: E501
    "session.wrong_tries_left": QT_TRANSLATE_NOOP("Messages", "用户名或密码错误。再错 {left} 次将在本终端锁定 15 分钟。"),  # noqa: E501
    "session.wrong_now_locked": QT_TRANSLATE_NOOP("Messages", "用户名或密码错误。已在本终端锁定 15 分钟。"),
    "session.unauthenticated": QT_TRANSLATE_NOOP("Messages", "未登录或登录已失效，请重新登录。"),
    "session.revoked": QT_TRANSLATE_NOOP("Messages", "该登录已被注销，请重新登录。"),
    "session.wrong_device": QT_TRANSLATE_NOOP("Messages", "登录凭据与本终端不符，请在本终端重新登录。"),
    "session.expired": QT_TRANSLATE_NOOP("Messages", "长时间无操作，登录已过期，请重新登录。"),
    "city.unreachable": QT_TRANSLATE_NOOP("Messages", "无法连接城市服务器，请检查网络；已填写的内容不会丢失。{kind:.0}"),  # noqa: E501
    "city.unreachable_at_sign_in": QT_TRANSLATE_NOOP(
        "Messages", "无法连接城市服务器，暂时不能登录。请检查网络，稍后再试。{kind:.0}"),
    "rating.counter_desk_only": QT_TRANSLATE_NOOP("Messages", "柜台评价器只能记录窗口评价。"),
    # ---- the audit key and anchors, the city's monthly report, the schema's version ----
    "audit.key_unreadable": QT_TRANSLATE_NOOP("Messages", "审计密钥文件无法读取：{path}（{reason}）。没有它不能写入或核验审计日志。"),  # noqa: E501
    "audit.key_invalid": QT_TRANSLATE_NOOP("Messages", "审计密钥文件内容无效：{path}。"),
    "audit.key_exists": QT_TRANSLATE_NOOP("Messages", "审计密钥已存在：{path}，不会覆盖。"),
    "audit.anchor_unreadable": QT_TRANSLATE_NOOP("Messages", "锚点文件无法读取：{path}（{reason}）。"),
    "report.bad_month": QT_TRANSLATE_NOOP("Messages", "月份应写成 YYYY-MM（如 2026-03），而不是“{text}”。"),
    "report.unknown_branch": QT_TRANSLATE_NOOP("Messages", "没有名为“{branch}”的分局。已有：{known}"),
    "store.schema_newer": QT_TRANSLATE_NOOP(
        "Messages", "数据库结构版本 {current} 比本程序新（本程序为 {head}）：请安装与数据库相同版本的 Station Desk。"),
    "store.schema_behind": QT_TRANSLATE_NOOP(
        "Messages", "数据库结构版本 {current} 落后于本程序（{head}）。程序启动时不会修改共享数据库：请数据库管理员以数据库所有者角色运行 `{command}`，然后再启动。"),  # noqa: E501
    "word.no_schema": QT_TRANSLATE_NOOP("Messages", "空"),
    # ---- papers that cannot be laid out (printing's DocumentTooLong; {what} is a word.paper.* term) ----
    "document.text_too_long": QT_TRANSLATE_NOOP("Messages", "{what}（{length} 个字符，最多 {most} 个）过长，无法排版打印，请核对数据"),  # noqa: E501
    "document.content_too_long": QT_TRANSLATE_NOOP("Messages", "文书内容过长，无法排版打印，请核对数据"),
    "word.paper.applicant_name": QT_TRANSLATE_NOOP("Messages", "申请人姓名"),
    "word.paper.transaction_name": QT_TRANSLATE_NOOP("Messages", "事项名称"),
    "word.paper.clerk_name": QT_TRANSLATE_NOOP("Messages", "经办人姓名"),
    "word.paper.approval_level": QT_TRANSLATE_NOOP("Messages", "审批层级"),
    "word.paper.decided_above": QT_TRANSLATE_NOOP("Messages", "审批机关说明"),
    "word.paper.material_name": QT_TRANSLATE_NOOP("Messages", "材料名称"),
})


def _same(source: str) -> str:
    return source


def render(key: str, params: Mapping[str, object], translate: Translate = _same) -> str:
    """The message `key` with its parameters, each template and `Term` passed through `translate`
    (the identity gives the Chinese). A template whose translation lost a placeholder still shows."""
    template = translate(TEMPLATES[key])
    values = {name: _said(value, translate) for name, value in params.items()}
    try:
        return template.format_map(values)
    except (KeyError, IndexError, ValueError):
        return template


def _said(value: object, translate: Translate) -> object:
    if isinstance(value, Bilingual):
        return value.en if _reads_english(translate) else value.zh
    if isinstance(value, tuple) and value and all(isinstance(item, Bilingual) for item in value):
        separator = translate(TEMPLATES["word.enumeration_separator"])  # 、 / ,
        english = _reads_english(translate)
        return separator.join(item.en if english else item.zh for item in value)
    if isinstance(value, Term):
        return translate(TEMPLATES[value.key])
    if isinstance(value, Said):
        return render(value.key, value.params, translate)
    if isinstance(value, tuple) and value and all(isinstance(item, Said) for item in value):
        separator = translate(TEMPLATES["word.list_separator"])
        return separator.join(render(item.key, item.params, translate) for item in value)
    if isinstance(value, tuple) and value and all(isinstance(item, Term) for item in value):
        separator = translate(TEMPLATES["word.enumeration_separator"])  # 、 / ,
        return separator.join(translate(TEMPLATES[item.key]) for item in value)
    return value


def _reads_english(translate: Translate) -> bool:
    """Whether `translate` is a language that reads the English side of catalog data: the catalog's
    data is in Chinese and English only, so a translation's own word decides."""
    return translate(TEMPLATES["word.data_language"]) == "en"


_english: Translate | None = None


def use_english(lookup: Callable[[str], str | None] | None) -> None:
    """Install where English comes from for texts read outside Qt (CLI, server, logs): a function from
    the Chinese template to its English, None when it has none. Composition roots call this."""
    global _english
    _english = None if lookup is None else (lambda source: lookup(source) or source)


def english(key: str, params: Mapping[str, object]) -> str:
    """The English text (the Chinese one when no English catalog is installed or it lacks the key)."""
    return render(key, params, _english or _same)


def params_to_wire(params: Mapping[str, object]) -> dict[str, object]:
    """Parameters as JSON values (a `Term` as {"term": key}, a `Said` as {"said": key, "params": …}, a
    `Bilingual` as {"zh": …, "en": …}, a tuple of them as a JSON list): the city server sends key and
    parameters, and each desk or kiosk says them in its own language (docs/city.md, "The API (v1)")."""
    return {name: _value_to_wire(value) for name, value in params.items()}


def _value_to_wire(value: object) -> object:
    if isinstance(value, Term):
        return {"term": value.key}
    if isinstance(value, Said):
        return {"said": value.key, "params": params_to_wire(value.params)}
    if isinstance(value, Bilingual):
        return {"zh": value.zh, "en": value.en}
    if isinstance(value, tuple) and value and all(isinstance(item, Said | Term | Bilingual) for item in value):
        return [_value_to_wire(item) for item in value]
    return value if isinstance(value, int | float | str) or value is None else str(value)


class UnknownParameter(ValueError):
    """A parameter on the wire in a shape this program does not know (a newer server's): the caller
    shows the sender's own texts instead (`message_zh` / `message_en`)."""


def params_from_wire(wire: Mapping[str, object]) -> dict[str, object]:
    """The inverse of `params_to_wire`; a term the table does not know stays its key (never a crash).
    Raises `UnknownParameter` for an object or a list of objects of no shape above, and for a message
    inside the message whose key this program does not know."""
    return {name: _value_from_wire(value) for name, value in wire.items()}


def _bilingual_on_wire(value: object) -> bool:
    return (isinstance(value, Mapping) and isinstance(value.get("zh"), str) and isinstance(value.get("en"), str)
            and "term" not in value and "said" not in value)


def _value_from_wire(value: object) -> object:
    if _bilingual_on_wire(value):
        assert isinstance(value, Mapping)
        return Bilingual(value["zh"], value["en"])
    if isinstance(value, list) and value and all(_bilingual_on_wire(item) for item in value):
        return tuple(_value_from_wire(item) for item in value)
    if isinstance(value, Mapping) and isinstance(value.get("term"), str):
        key = value["term"]
        return Term(key) if key in TEMPLATES else key
    if isinstance(value, Mapping) and isinstance(value.get("said"), str) and isinstance(value.get("params"), Mapping):
        key = value["said"]
        if key not in TEMPLATES:  # a newer program's message: its key is no text to show
            raise UnknownParameter(f"a message this program does not know: {key}")
        return Said(key, params_from_wire(value["params"]))
    if isinstance(value, list) and value and all(isinstance(item, Mapping) and "said" in item for item in value):
        return tuple(_value_from_wire(item) for item in value)
    if isinstance(value, list) and value and all(isinstance(item, Mapping) and "term" in item for item in value):
        words = tuple(_value_from_wire(item) for item in value)
        return words if all(isinstance(word, Term) for word in words) else "、".join(map(str, words))
    if isinstance(value, Mapping) or (isinstance(value, list) and any(isinstance(item, Mapping) for item in value)):
        raise UnknownParameter(f"a message parameter of unknown shape: {str(value)[:200]}")
    return value
