<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BoolEditor</name>
    <message>
        <location filename="../../desk/forms/field_widgets.py" line="329"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../desk/forms/field_widgets.py" line="330"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../desk/forms/field_widgets.py" line="337"/>
        <source>键盘：Y 为“是”，N 为“否”</source>
        <translation>Keyboard: Y for yes, N for no</translation>
    </message>
</context>
<context>
    <name>BundlePage</name>
    <message>
        <location filename="../../desk/ui/bundle_page.py" line="169"/>
        <source>共用信息：</source>
        <translation>Shared details: </translation>
    </message>
    <message>
        <location filename="../../desk/ui/bundle_page.py" line="199"/>
        <source>暂不能受理：</source>
        <translation>Cannot accept yet:</translation>
    </message>
    <message>
        <location filename="../../desk/ui/bundle_page.py" line="201"/>
        <source>✓ 各事项表单完整、符合条件、材料齐全，可以一并受理。</source>
        <translation>✓ Every form complete, eligible, all materials received: ready to accept them together.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/bundle_page.py" line="237"/>
        <source>③ %1</source>
        <translation>③ %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/bundle_page.py" line="238"/>
        <source>申请人：%1&#x3000;%2</source>
        <translation>Applicant: %1   %2</translation>
    </message>
    <message>
        <location filename="../../desk/ui/bundle_page.py" line="240"/>
        <source>共用信息（只填一次，自动带入各事项）</source>
        <translation>Shared details (asked once, copied into every item)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/bundle_page.py" line="241"/>
        <source>本次一并办理 %1 个事项，后续事项 %2 项（另打印告知单）</source>
        <translation>%1 item(s) handled together; %2 follow-up(s) elsewhere (printed on a separate list)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/bundle_page.py" line="246"/>
        <source>同时办理：%1</source>
        <translation>Also handle: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/bundle_page.py" line="248"/>
        <source>一并受理并打印回执 (Ctrl+Enter)</source>
        <translation>Accept all and print the receipt (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>CaseDetailView</name>
    <message>
        <location filename="../../desk/ui/case_view.py" line="284"/>
        <source>审批须再次输入您的登录密码：</source>
        <translation>Approving needs your sign-in password again:</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="280"/>
        <source>请填写%1的理由：</source>
        <translation>Reason for &quot;%1&quot;:</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="298"/>
        <source>已完成：%1</source>
        <translation>Done: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="323"/>
        <source>下一件待审批（剩 %1 件）(&amp;X)</source>
        <translation>Ne&amp;xt approval (%1 left)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="353"/>
        <source>%1 已重新送打印</source>
        <translation>%1 sent to the printer again</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="371"/>
        <source>建立草稿</source>
        <translation>Draft opened</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="382"/>
        <source>录入分局批准</source>
        <translation>Record the branch&apos;s approval</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="384"/>
        <source>录入分局不予批准</source>
        <translation>Record the branch&apos;s denial</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="386"/>
        <source>录入市局批准</source>
        <translation>Record the city bureau&apos;s approval</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="388"/>
        <source>录入市局不予批准</source>
        <translation>Record the city bureau&apos;s denial</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="402"/>
        <source>申请人：%1（%2）</source>
        <translation>Applicant: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="403"/>
        <source>查询码：%1</source>
        <translation>Lookup code: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="404"/>
        <source>建立：%1</source>
        <translation>Opened: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="405"/>
        <source>受理：%1</source>
        <translation>Accepted: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="406"/>
        <source>审批层级：%1</source>
        <translation>Approval level: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="407"/>
        <source>承诺办结日期：%1</source>
        <translation>Promised completion: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="408"/>
        <source>办结：%1</source>
        <translation>Completed: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="409"/>
        <source>决定理由：%1</source>
        <translation>Reason for the decision: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="415"/>
        <source>已收材料：%1</source>
        <translation>Materials received: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="418"/>
        <source>待补正材料：%1</source>
        <translation>Materials still missing: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="430"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="430"/>
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="430"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="430"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="430"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="432"/>
        <source>项目</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="432"/>
        <source>填写内容</source>
        <translation>Entered</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="438"/>
        <source>尚未出具，可打印</source>
        <translation>not issued yet: can be printed</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="440"/>
        <source>%1（已作废，由 %2 补发替代）</source>
        <translation>%1 (void: replaced by the re-issued %2)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="473"/>
        <source>可办理的操作</source>
        <translation>Next actions</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="473"/>
        <source>可办理的操作：无</source>
        <translation>Next actions: none</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="475"/>
        <source>录入分局的审批结果</source>
        <translation>Record the branch&apos;s decision</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="476"/>
        <source>录入市局的审批结果</source>
        <translation>Record the city bureau&apos;s decision</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="484"/>
        <source>← 返回</source>
        <translation>← Back</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="485"/>
        <source>办理经过</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="486"/>
        <source>申请内容（只读）</source>
        <translation>Application (read-only)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="488"/>
        <source>批准意见(&amp;O)：</source>
        <translation>Approval &amp;opinion:</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="489"/>
        <source>批准时记入审批意见；不予批准时另行填写理由</source>
        <translation>Recorded with an approval; a refusal asks for its own reason</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="490"/>
        <source>已出具文书</source>
        <translation>Documents issued</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="491"/>
        <source>重新打印所选文书(&amp;P)</source>
        <translation>Re&amp;print the selected document</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_view.py" line="492"/>
        <source>继续办理(&amp;E)</source>
        <translation>Continu&amp;e</translation>
    </message>
</context>
<context>
    <name>CaseExtrasPanel</name>
    <message>
        <location filename="../../desk/ui/case_extras.py" line="120"/>
        <source>依法视为受理：收件后 5 个工作日内（至 %1）未出具受理、一次性告知或不予受理，自收件之日（%2）起即视为受理（《行政许可法》第三十二条）。</source>
        <translation>Counts as accepted by law: no acceptance, one-time notice or refusal went out within 5 working days of receipt (by %1), so it counts as accepted from the day it was received (%2) (Administrative Licensing Law, art. 32).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_extras.py" line="134"/>
        <source>公民信息连锁变更：以下记录须随之变更，逐项登记已转介或已办结。</source>
        <translation>Chained changes: these records elsewhere must follow; mark each referred or done.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_extras.py" line="135"/>
        <source>待办</source>
        <translation>to do</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_extras.py" line="135"/>
        <source>已转介</source>
        <translation>referred</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_extras.py" line="135"/>
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_extras.py" line="144"/>
        <source>属于“一件事”%1（%2）：%3</source>
        <translation>Part of bundle %1 (%2): %3</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_extras.py" line="166"/>
        <source>公告期内</source>
        <translation>notice running</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_extras.py" line="166"/>
        <source>期满无异议，已注销</source>
        <translation>no objection: cancelled</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_extras.py" line="167"/>
        <location filename="../../desk/ui/case_extras.py" line="238"/>
        <location filename="../../desk/ui/case_extras.py" line="258"/>
        <source>有异议，保留户口</source>
        <translation>Objection: keep the registration</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_extras.py" line="168"/>
        <source>注销公告 %1：%2 至 %3，%4</source>
        <translation>Deregistration notice %1: %2 to %3, %4</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_extras.py" line="171"/>
        <source>公告期已满，请作出决定。</source>
        <translation>The notice period is over: decide now.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_extras.py" line="183"/>
        <source>连锁变更已登记。</source>
        <translation>Chained change recorded.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_extras.py" line="191"/>
        <source>后续事项已登记。</source>
        <translation>Follow-up recorded.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_extras.py" line="215"/>
        <source>“一件事”回执和后续事项告知单已送打印。</source>
        <translation>The bundle receipt and the follow-up list were sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_extras.py" line="216"/>
        <source>“一件事”回执、后续事项告知单和%1已送打印。</source>
        <translation>The bundle receipt, the follow-up list and the %1 were sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_extras.py" line="216"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_extras.py" line="228"/>
        <source>注销公告已发布并送打印，公告期 30 日。</source>
        <translation>The deregistration notice was posted and printed; it runs 30 days.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_extras.py" line="238"/>
        <source>请填写异议情况：</source>
        <translation>Describe the objection:</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_extras.py" line="245"/>
        <source>注销公告已作出决定。</source>
        <translation>The notice was decided.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_extras.py" line="253"/>
        <source>所选后续事项：已转介</source>
        <translation>Selected follow-up: referred</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_extras.py" line="254"/>
        <source>所选后续事项：已办结</source>
        <translation>Selected follow-up: done</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_extras.py" line="255"/>
        <source>重新打印回执和告知单</source>
        <translation>Reprint the receipt and the list</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_extras.py" line="256"/>
        <source>发布注销公告（30日）</source>
        <translation>Post the deregistration notice (30 days)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/case_extras.py" line="257"/>
        <source>期满无异议，注销重复户口</source>
        <translation>No objection: cancel the duplicate</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <location filename="../../desk/forms/field_widgets.py" line="107"/>
        <source>未填写</source>
        <translation>Not filled in</translation>
    </message>
    <message>
        <location filename="../../desk/forms/field_widgets.py" line="110"/>
        <source>清除日期（键盘：Delete）</source>
        <translation>Clear the date (keyboard: Delete)</translation>
    </message>
</context>
<context>
    <name>DeskApp</name>
    <message>
        <location filename="../../desk/ui/bootstrap.py" line="206"/>
        <source>城市服务器已结束本次登录，请重新登录。</source>
        <translation>The city server ended this sign-in: please sign in again.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/bootstrap.py" line="207"/>
        <source>该账号已停用，请联系系统管理员。</source>
        <translation>This account is deactivated: please call the administrator.</translation>
    </message>
</context>
<context>
    <name>DeviceStatusBar</name>
    <message>
        <location filename="../../desk/ui/status_bar.py" line="162"/>
        <source>读卡器：正在启动</source>
        <translation>Card reader: starting</translation>
    </message>
    <message>
        <location filename="../../desk/ui/status_bar.py" line="166"/>
        <source>读卡器：%1</source>
        <translation>Reader: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/status_bar.py" line="172"/>
        <source>打印机：正在检查</source>
        <translation>Printer: checking</translation>
    </message>
    <message>
        <location filename="../../desk/ui/status_bar.py" line="175"/>
        <source>打印机：%1</source>
        <translation>Printer: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/status_bar.py" line="179"/>
        <source>；%1 份未打印（%2）</source>
        <translation>; %1 job(s) not printed (%2)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/status_bar.py" line="190"/>
        <source>城市服务器无法连接</source>
        <translation>City server unreachable</translation>
    </message>
    <message>
        <location filename="../../desk/ui/status_bar.py" line="192"/>
        <source>城市服务器无法连接：已填写的内容保存在本机，恢复后自动发送</source>
        <translation>City server unreachable: input kept here, sent when it is back</translation>
    </message>
    <message>
        <location filename="../../desk/ui/status_bar.py" line="194"/>
        <source>城市服务器已恢复连接</source>
        <translation>City server reachable again</translation>
    </message>
    <message>
        <location filename="../../desk/ui/status_bar.py" line="196"/>
        <source>城市服务器已连接</source>
        <translation>City server connected</translation>
    </message>
    <message>
        <location filename="../../desk/ui/status_bar.py" line="201"/>
        <source>草稿保存中…</source>
        <translation>Saving the draft…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/status_bar.py" line="201"/>
        <source>草稿已保存</source>
        <translation>Draft saved</translation>
    </message>
    <message>
        <location filename="../../desk/ui/status_bar.py" line="202"/>
        <source>草稿保存失败，将在下次输入时重试</source>
        <translation>Draft not saved; it is retried with the next input</translation>
    </message>
    <message>
        <location filename="../../desk/ui/status_bar.py" line="203"/>
        <source>草稿已保存在本机，服务器恢复后自动发送</source>
        <translation>Draft kept on this PC; sent when the server is back</translation>
    </message>
    <message>
        <location filename="../../desk/ui/status_bar.py" line="219"/>
        <source>重新读卡 F2</source>
        <translation>Read again F2</translation>
    </message>
    <message>
        <location filename="../../desk/ui/status_bar.py" line="220"/>
        <source>重新打印</source>
        <translation>Print again</translation>
    </message>
</context>
<context>
    <name>EnumEditor</name>
    <message>
        <location filename="../../desk/forms/field_widgets.py" line="211"/>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../desk/forms/editor_base.py" line="122"/>
        <source>此项当前不适用（取决于前面的选择）</source>
        <translation>Does not apply now (depends on an earlier choice)</translation>
    </message>
</context>
<context>
    <name>FollowUpsView</name>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="241"/>
        <source>已登记：%1</source>
        <translation>Recorded: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="260"/>
        <source>已指派责任人：%1</source>
        <translation>Owner named: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="279"/>
        <source>导出好差评数据</source>
        <translation>Export the ratings</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="289"/>
        <source>已导出：%1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="307"/>
        <source>逾期办结</source>
        <translation>closed late</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="307"/>
        <source>按期办结</source>
        <translation>closed on time</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="309"/>
        <source>超期 %1 个工作日</source>
        <translation>%1 working day(s) overdue</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="310"/>
        <source>剩 %1 个工作日</source>
        <translation>%1 working day(s) left</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="316"/>
        <location filename="../../desk/ui/followups_view.py" line="372"/>
        <source>未指派</source>
        <translation>not assigned</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="318"/>
        <source>受理编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="318"/>
        <location filename="../../desk/ui/followups_view.py" line="421"/>
        <source>评价</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="318"/>
        <location filename="../../desk/ui/followups_view.py" line="424"/>
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="318"/>
        <location filename="../../desk/ui/followups_view.py" line="421"/>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="319"/>
        <source>原因</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="319"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="319"/>
        <source>当前环节</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="319"/>
        <source>责任人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="320"/>
        <source>整改期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="320"/>
        <source>剩余/超期</source>
        <translation>Left / overdue</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="330"/>
        <source>暂无差评回访。</source>
        <translation>No follow-ups.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="325"/>
        <source>%1 条差评已超过15个工作日仍未办结。</source>
        <translation>%1 bad rating(s) still open after 15 working days.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="240"/>
        <source>已登记：%1。这条差评回访已办结。</source>
        <translation>Recorded: %1. This follow-up is closed.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="338"/>
        <source>回访详情</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="339"/>
        <source>在上表中选择一条差评。</source>
        <translation>Choose a bad rating in the list above.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="340"/>
        <location filename="../../desk/ui/followups_view.py" line="350"/>
        <source>环节</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="340"/>
        <location filename="../../desk/ui/followups_view.py" line="350"/>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="340"/>
        <location filename="../../desk/ui/followups_view.py" line="350"/>
        <source>情况</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="340"/>
        <location filename="../../desk/ui/followups_view.py" line="350"/>
        <source>登记人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="341"/>
        <location filename="../../desk/ui/followups_view.py" line="351"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="346"/>
        <source>回访详情：%1</source>
        <translation>Follow-up: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="347"/>
        <source>评价时间 %1 · 整改期限 %2（%3）· 结果：%4</source>
        <translation>Rated %1 · deadline %2 (%3) · result: %4</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="358"/>
        <source>登记%1：</source>
        <translation>Record %1:</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="372"/>
        <source>责任人：%1</source>
        <translation>Owner: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="400"/>
        <source>%1号窗口</source>
        <translation>Window %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="400"/>
        <source>自助终端/未记录窗口</source>
        <translation>Kiosk / window not recorded</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="401"/>
        <source>未记录经办人</source>
        <translation>Clerk not recorded</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="415"/>
        <source>评价 %1 件（%2）· 差评 %3 · 本月办结 %4（按期 %5）· 月末未办结 %6（超期 %7）</source>
        <translation>%1 rating(s) (%2) · %3 bad · %4 closed this month (%5 on time) · %6 open at month end (%7 overdue)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="421"/>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="421"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="421"/>
        <source>差评</source>
        <translation>Bad</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="422"/>
        <source>满意率</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="433"/>
        <source>只看未办结</source>
        <translation>Open only</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="434"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="435"/>
        <source>登记(&amp;R)</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="436"/>
        <source>指派</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="437"/>
        <source>在本所领导和所长中指派这条差评的责任人</source>
        <translation>Name who answers for this follow-up, among the station&apos;s leaders and manager</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="438"/>
        <source>写明核实、整改或回访的情况</source>
        <translation>What the check, fix or call found</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="439"/>
        <source>月度统计与排名</source>
        <translation>Month&apos;s figures and rankings</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="440"/>
        <source>导出好差评 CSV</source>
        <translation>Export ratings CSV</translation>
    </message>
    <message>
        <location filename="../../desk/ui/followups_view.py" line="441"/>
        <source>导出好差评 JSON</source>
        <translation>Export ratings JSON</translation>
    </message>
</context>
<context>
    <name>IdNumberEdit</name>
    <message>
        <location filename="../../desk/forms/inputs.py" line="311"/>
        <source>18位身份证号码</source>
        <translation>ID number (18)</translation>
    </message>
</context>
<context>
    <name>IdentifyPanel</name>
    <message>
        <location filename="../../desk/ui/identify_panel.py" line="301"/>
        <source>已读取身份证</source>
        <translation>ID card read</translation>
    </message>
    <message>
        <location filename="../../desk/ui/identify_panel.py" line="281"/>
        <source>请输入申请人姓名。</source>
        <translation>Enter the applicant&apos;s name.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/identify_panel.py" line="315"/>
        <source>已输入 %1 / 18 位</source>
        <translation>%1 of 18 characters</translation>
    </message>
    <message>
        <location filename="../../desk/ui/identify_panel.py" line="327"/>
        <source>✓ 号码有效：%1，%2 出生，%3 — 按回车查询</source>
        <translation>✓ Valid number: %1, born %2, %3 — press Enter to look up</translation>
    </message>
    <message>
        <location filename="../../desk/ui/identify_panel.py" line="345"/>
        <source>身份证号：%1</source>
        <translation>ID number: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/identify_panel.py" line="346"/>
        <source>性别：%1&#x3000;民族：%2&#x3000;出生：%3</source>
        <translation>Sex: %1   Ethnic group: %2   Born: %3</translation>
    </message>
    <message>
        <location filename="../../desk/ui/identify_panel.py" line="348"/>
        <source>住址：%1</source>
        <translation>Address: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/identify_panel.py" line="351"/>
        <source>有效期：%1 至 %2</source>
        <translation>Valid: %1 to %2</translation>
    </message>
    <message>
        <location filename="../../desk/ui/identify_panel.py" line="352"/>
        <source>长期</source>
        <translation>no expiry</translation>
    </message>
    <message>
        <location filename="../../desk/ui/identify_panel.py" line="356"/>
        <source>户主：%1（与户主关系：%2）</source>
        <translation>Head of household: %1 (relationship: %2)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/identify_panel.py" line="372"/>
        <source>%1受理</source>
        <translation>accepted at %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/identify_panel.py" line="376"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desk/ui/identify_panel.py" line="376"/>
        <source>申请</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../desk/ui/identify_panel.py" line="389"/>
        <source>未办结的申请（%1）</source>
        <translation>Open cases (%1)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/identify_panel.py" line="414"/>
        <source>申请 %1 由%2受理，请到该所办理。</source>
        <translation>Case %1 was accepted by %2: the applicant goes there for it.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/identify_panel.py" line="416"/>
        <source>地址：%1</source>
        <translation>address: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/identify_panel.py" line="417"/>
        <source>电话：%1</source>
        <translation>phone: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/identify_panel.py" line="418"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desk/ui/identify_panel.py" line="419"/>
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/identify_panel.py" line="463"/>
        <source>证件照片
（未安装授权解码组件，请核对证件原件）</source>
        <translation>Card photo
(no decoder: check the card)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/identify_panel.py" line="465"/>
        <source>未读卡
无照片</source>
        <translation>No card read
no photo</translation>
    </message>
    <message>
        <location filename="../../desk/ui/identify_panel.py" line="480"/>
        <source>① 核验身份</source>
        <translation>① Identify</translation>
    </message>
    <message>
        <location filename="../../desk/ui/identify_panel.py" line="481"/>
        <source>刷身份证，或输入身份证号后按回车</source>
        <translation>Swipe the ID card, or type the ID number and press Enter</translation>
    </message>
    <message>
        <location filename="../../desk/ui/identify_panel.py" line="482"/>
        <source>系统中没有此号码的人员记录。请刷身份证；无证件时输入姓名登记：</source>
        <translation>Nobody with this number is registered. Swipe the ID card; without a card, enter the name to register:</translation>
    </message>
    <message>
        <location filename="../../desk/ui/identify_panel.py" line="483"/>
        <source>申请人姓名</source>
        <translation>Applicant&apos;s name</translation>
    </message>
    <message>
        <location filename="../../desk/ui/identify_panel.py" line="484"/>
        <source>登记</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../desk/ui/identify_panel.py" line="485"/>
        <source>人证一致(&amp;K)</source>
        <translation>Face matches the card (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/identify_panel.py" line="486"/>
        <source>已核对窗口前的人与身份证照片为同一人（记入审计日志）</source>
        <translation>The person at the window is the person on the card (recorded in the audit log)</translation>
    </message>
</context>
<context>
    <name>InternalError</name>
    <message>
        <location filename="../../desk/qt/error_dialog.py" line="27"/>
        <source>程序内部错误</source>
        <translation>Internal error</translation>
    </message>
    <message>
        <location filename="../../desk/qt/error_dialog.py" line="28"/>
        <source>程序遇到内部错误，当前操作可能没有完成。已保存的数据不受影响。
请把日志文件交给信息技术部门：
{path}</source>
        <translation>The program met an internal error; what you were doing may not have been finished. Data already saved is not affected.
Please give the log file to your IT department:
{path}</translation>
    </message>
</context>
<context>
    <name>KioskStatusView</name>
    <message>
        <location filename="../../desk/ui/kiosk_status_view.py" line="82"/>
        <source>终端编号</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <location filename="../../desk/ui/kiosk_status_view.py" line="82"/>
        <source>设置地点</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../desk/ui/kiosk_status_view.py" line="82"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desk/ui/kiosk_status_view.py" line="82"/>
        <source>最后心跳</source>
        <translation>Last heartbeat</translation>
    </message>
    <message>
        <location filename="../../desk/ui/kiosk_status_view.py" line="83"/>
        <source>读卡器</source>
        <translation>Reader</translation>
    </message>
    <message>
        <location filename="../../desk/ui/kiosk_status_view.py" line="83"/>
        <source>打印机/纸张</source>
        <translation>Printer / paper</translation>
    </message>
    <message>
        <location filename="../../desk/ui/kiosk_status_view.py" line="83"/>
        <source>今日使用</source>
        <translation>Sessions today</translation>
    </message>
    <message>
        <location filename="../../desk/ui/kiosk_status_view.py" line="84"/>
        <source>在线</source>
        <translation>online</translation>
    </message>
    <message>
        <location filename="../../desk/ui/kiosk_status_view.py" line="84"/>
        <source>离线</source>
        <translation>offline</translation>
    </message>
    <message>
        <location filename="../../desk/ui/kiosk_status_view.py" line="85"/>
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../desk/ui/kiosk_status_view.py" line="89"/>
        <source>本所还没有自助终端报到（终端开机后每30秒报告一次状态）。</source>
        <translation>No kiosk has reported yet (a running kiosk reports every 30 seconds).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/kiosk_status_view.py" line="91"/>
        <source>%1 台自助终端需要处理：%2</source>
        <translation>%1 kiosk(s) need attention: %2</translation>
    </message>
    <message>
        <location filename="../../desk/ui/kiosk_status_view.py" line="94"/>
        <source>全部自助终端在线，打印机就绪。</source>
        <translation>All kiosks online, printers ready.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/kiosk_status_view.py" line="102"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desk/ui/main_window.py" line="319"/>
        <location filename="../../desk/ui/main_window.py" line="590"/>
        <source>户籍综合窗口 — %1</source>
        <translation>Household registration desk — %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="363"/>
        <location filename="../../desk/ui/main_window.py" line="592"/>
        <source>户籍综合窗口</source>
        <translation>Household registration desk</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="371"/>
        <source>%1 · 工号 %2 · %3</source>
        <translation>%1 · staff no. %2 · %3</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="460"/>
        <source>已调出网上申请 %1：请核对原件。</source>
        <translation>Online application opened as %1: check the originals.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="506"/>
        <source>已扫码“%1”：当前申请未离开，按 Ctrl+F 查看查询结果。</source>
        <translation>Scanned &quot;%1&quot;: the open case stays; press Ctrl+F for the search result.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="545"/>
        <source>长时间未操作，%1 秒后锁屏</source>
        <translation>No activity: the screen locks in %1 s</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="556"/>
        <location filename="../../desk/ui/main_window.py" line="574"/>
        <source>今日工作</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="556"/>
        <location filename="../../desk/ui/main_window.py" line="574"/>
        <source>新办业务</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="557"/>
        <location filename="../../desk/ui/main_window.py" line="575"/>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="557"/>
        <location filename="../../desk/ui/main_window.py" line="575"/>
        <source>统计日报</source>
        <translation>Daily report</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="566"/>
        <source>系统</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="567"/>
        <source>业务</source>
        <translation>Work</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="568"/>
        <source>语言 Language</source>
        <translation>语言 Language</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="570"/>
        <source>模拟刷卡</source>
        <translation>Simulated card</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="571"/>
        <source>锁屏</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="572"/>
        <source>注销</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="573"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="578"/>
        <source>重新读卡</source>
        <translation>Read the card again</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="579"/>
        <source>叫号</source>
        <translation>Call next</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="580"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="581"/>
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="582"/>
        <source>受理并办结</source>
        <translation>Accept and complete</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="583"/>
        <source>网上预审</source>
        <translation>Online pre-review</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="596"/>
        <source>放置 %1 的身份证</source>
        <translation>Place %1&apos;s ID card</translation>
    </message>
</context>
<context>
    <name>ManagerView</name>
    <message>
        <location filename="../../desk/ui/manager_view.py" line="211"/>
        <source>日报已送打印机。</source>
        <translation>The daily report was sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/manager_view.py" line="221"/>
        <source>导出日报</source>
        <translation>Export the daily report</translation>
    </message>
    <message>
        <location filename="../../desk/ui/manager_view.py" line="230"/>
        <source>已导出：%1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/manager_view.py" line="258"/>
        <source>双击打开这件申请</source>
        <translation>Double-click to open the case</translation>
    </message>
    <message>
        <location filename="../../desk/ui/manager_view.py" line="295"/>
        <source>统计日报</source>
        <translation>Daily report</translation>
    </message>
    <message>
        <location filename="../../desk/ui/manager_view.py" line="296"/>
        <source>差评回访</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location filename="../../desk/ui/manager_view.py" line="297"/>
        <source>自助终端</source>
        <translation>Kiosks</translation>
    </message>
    <message>
        <location filename="../../desk/ui/manager_view.py" line="298"/>
        <source>统计日期</source>
        <translation>Report date</translation>
    </message>
    <message>
        <location filename="../../desk/ui/manager_view.py" line="299"/>
        <source>生成日报(&amp;G)</source>
        <translation>&amp;Generate the report</translation>
    </message>
    <message>
        <location filename="../../desk/ui/manager_view.py" line="300"/>
        <source>打印(&amp;P)</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <location filename="../../desk/ui/manager_view.py" line="301"/>
        <source>导出 PDF(&amp;D)</source>
        <translation>Export P&amp;DF</translation>
    </message>
    <message>
        <location filename="../../desk/ui/manager_view.py" line="302"/>
        <source>导出 CSV(&amp;C)</source>
        <translation>Export &amp;CSV</translation>
    </message>
    <message>
        <location filename="../../desk/ui/manager_view.py" line="303"/>
        <source>导出 XLSX(&amp;X)</source>
        <translation>Export &amp;XLSX</translation>
    </message>
</context>
<context>
    <name>MaterialsChecklist</name>
    <message>
        <location filename="../../desk/forms/materials_view.py" line="158"/>
        <source>所需材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location filename="../../desk/forms/materials_view.py" line="163"/>
        <source>全部收齐</source>
        <translation>All received</translation>
    </message>
    <message>
        <location filename="../../desk/forms/materials_view.py" line="164"/>
        <source>勾选下列全部材料（Alt+A）</source>
        <translation>Tick every material below (Alt+A)</translation>
    </message>
    <message>
        <location filename="../../desk/forms/materials_view.py" line="302"/>
        <source>已收 %1 · 核验 %2 / %3 项</source>
        <translation>%1 received · %2 checked / %3</translation>
    </message>
    <message>
        <location filename="../../desk/forms/materials_view.py" line="304"/>
        <source>已收 %1 / %3 项</source>
        <translation>%1 / %3 received</translation>
    </message>
</context>
<context>
    <name>NewCaseView</name>
    <message>
        <location filename="../../desk/ui/new_case.py" line="260"/>
        <source>读到 %1 的身份证。如要为其新办业务，请先按 Ctrl+N。</source>
        <translation>Read %1&apos;s ID card. To open a case for them, press Ctrl+N first.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="746"/>
        <source>当场办结</source>
        <translation>Completed on the spot</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="747"/>
        <source>%1 个工作日</source>
        <translation>%1 working day(s)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="751"/>
        <source>男</source>
        <translation>male</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="751"/>
        <source>女</source>
        <translation>female</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="752"/>
        <source>申请人：%1&#x3000;%2&#x3000;%3</source>
        <translation>Applicant: %1   %2   %3</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="504"/>
        <source>暂不能受理：</source>
        <translation>Cannot accept yet:</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="506"/>
        <source>✓ 表单完整、符合条件、材料齐全，可以受理。</source>
        <translation>✓ Form complete, eligible, all materials received: ready to accept.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="562"/>
        <location filename="../../desk/ui/new_case.py" line="628"/>
        <source>不予受理</source>
        <translation>Do not accept</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="562"/>
        <source>不予受理的理由：</source>
        <translation>Ground for not accepting:</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="563"/>
        <source>请说明本案的具体情况（将打印在通知书上）：</source>
        <translation>Say what happened in this case (printed on the notice):</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="627"/>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="627"/>
        <source>已出具一次性告知书</source>
        <translation>One-time supplement notice issued</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="628"/>
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="629"/>
        <source>已受理，已提交领导审批</source>
        <translation>Accepted and sent for the leader&apos;s approval</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="634"/>
        <source>受理编号 %1 · 查询码 %2</source>
        <translation>Case %1 · lookup code %2</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="330"/>
        <location filename="../../desk/ui/new_case.py" line="635"/>
        <source>%1（%2）已送打印机</source>
        <translation>%1 (%2) sent to the printer</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="323"/>
        <source>“一件事”已一并受理</source>
        <translation>Bundle accepted</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="324"/>
        <source>套餐编号 %1</source>
        <translation>Bundle %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="386"/>
        <source>该申请收件后 5 个工作日内（至 %1）未受理、未一次性告知，依法自收件之日（%2）起视为受理，请尽快办理。</source>
        <translation>No acceptance or one-time notice went out within 5 working days of receipt (by %1): by law this application counts as accepted from the day it was received (%2). Please handle it now.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="630"/>
        <source>已受理，报分局审批</source>
        <translation>Accepted — sent to the branch for approval</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="630"/>
        <source>已受理，报市局审批</source>
        <translation>Accepted — sent to the city bureau for approval</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="638"/>
        <source>该申请已进入待审批队列，由上级机关审批，结果录入后通知申请人；无需再提交。</source>
        <translation>The application is in the approval queue of the higher authority; the applicant is told once its decision is entered. Nothing more to submit.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="640"/>
        <source>该申请已进入“待领导审批”，无需再提交。</source>
        <translation>The case is in &quot;Awaiting approval&quot;; nothing more to submit.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="642"/>
        <source>承诺办结日期：%1</source>
        <translation>Promised completion: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="645"/>
        <source>需补正材料：%1</source>
        <translation>Materials to bring: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="667"/>
        <source>请将“%1”的身份证放在读卡器上（F2 重新读卡）。</source>
        <translation>Place the ID card of &quot;%1&quot; on the reader (F2 reads again).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="699"/>
        <source>（已重新载入最新内容）</source>
        <translation> (reloaded with the latest content)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="709"/>
        <source>正在建立草稿…</source>
        <translation>Creating the draft…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="711"/>
        <source>保存中…</source>
        <translation>saving…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="711"/>
        <source>已自动保存</source>
        <translation>saved automatically</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="711"/>
        <source>保存失败</source>
        <translation>not saved</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="712"/>
        <source>草稿</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="712"/>
        <source>待补正</source>
        <translation>waiting for papers</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="750"/>
        <source>%1&#x3000;·&#x3000;%2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="757"/>
        <source>① 核验身份</source>
        <translation>① Identify</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="757"/>
        <source>② 选择事项</source>
        <translation>② Choose the transaction</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="757"/>
        <source>③ 填写表单</source>
        <translation>③ Fill in the form</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="758"/>
        <source>④ 核对材料 · 决定</source>
        <translation>④ Materials · decide</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="760"/>
        <source>请申请人将身份证放在读卡器上。

也可在左侧输入身份证号后按回车。</source>
        <translation>Ask the applicant to place their ID card on the reader.

Or type the ID number on the left and press Enter.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="761"/>
        <source>受理并打印回执 (Ctrl+Enter)</source>
        <translation>Accept and print the receipt (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="762"/>
        <source>受理并办结 (Ctrl+Shift+Enter)</source>
        <translation>Accept and complete (Ctrl+Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="763"/>
        <source>一次性告知补正(&amp;B)</source>
        <translation>One-time notice to &amp;bring materials</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="764"/>
        <source>不予受理(&amp;R)</source>
        <translation>&amp;Refuse</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="765"/>
        <source>当场办结(&amp;C)</source>
        <translation>&amp;Complete now</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="766"/>
        <source>查看申请(&amp;V)</source>
        <translation>&amp;View the case</translation>
    </message>
    <message>
        <location filename="../../desk/ui/new_case.py" line="767"/>
        <source>办理下一位 (Ctrl+N)</source>
        <translation>Next citizen (Ctrl+N)</translation>
    </message>
</context>
<context>
    <name>NumberEditor</name>
    <message>
        <location filename="../../desk/forms/field_widgets.py" line="279"/>
        <source>未填写</source>
        <translation>Not filled in</translation>
    </message>
</context>
<context>
    <name>OnlineReviewView</name>
    <message>
        <location filename="../../desk/ui/online_review_view.py" line="140"/>
        <source>申请编号</source>
        <translation>Application number</translation>
    </message>
    <message>
        <location filename="../../desk/ui/online_review_view.py" line="140"/>
        <source>事项</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <location filename="../../desk/ui/online_review_view.py" line="140"/>
        <source>身份证号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../desk/ui/online_review_view.py" line="140"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desk/ui/online_review_view.py" line="141"/>
        <source>提交时间</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../desk/ui/online_review_view.py" line="143"/>
        <source>没有等待预审的网上申请。</source>
        <translation>No online applications are waiting for pre-review.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/online_review_view.py" line="226"/>
        <source>PDF 文件（%1 KB）：按回车或双击，用本机的 PDF 阅读器打开。</source>
        <translation>PDF file (%1 KB): press Enter or double-click to open it in this computer&apos;s PDF viewer.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/online_review_view.py" line="283"/>
        <source>已处理：%1（%2）</source>
        <translation>Done: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/online_review_view.py" line="313"/>
        <source>该群众有网上申请 %1：扫描申请二维码，或按 Ctrl+Shift+O 在网上预审中调出。</source>
        <translation>This citizen applied online: %1. Scan the application&apos;s QR code, or open it under Online pre-review (Ctrl+Shift+O).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/online_review_view.py" line="336"/>
        <source>网上预审</source>
        <translation>Online pre-review</translation>
    </message>
    <message>
        <location filename="../../desk/ui/online_review_view.py" line="337"/>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/online_review_view.py" line="338"/>
        <source>缺少的材料（勾选后发出一次性告知）</source>
        <translation>Missing materials (tick them, then send the one-time notice)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/online_review_view.py" line="339"/>
        <source>给申请人的留言（可不填）</source>
        <translation>A note to the applicant (optional)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/online_review_view.py" line="340"/>
        <source>一次性告知补充材料</source>
        <translation>Ask once for the missing materials</translation>
    </message>
    <message>
        <location filename="../../desk/ui/online_review_view.py" line="341"/>
        <source>预约到所</source>
        <translation>Book a visit</translation>
    </message>
    <message>
        <location filename="../../desk/ui/online_review_view.py" line="342"/>
        <source>网上办结（全程网办）</source>
        <translation>Decide online (fully online item)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/online_review_view.py" line="343"/>
        <source>预约日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../../desk/ui/online_review_view.py" line="344"/>
        <source>上传的材料</source>
        <translation>Uploaded materials</translation>
    </message>
    <message>
        <location filename="../../desk/ui/online_review_view.py" line="345"/>
        <source>申请表内容</source>
        <translation>Form values</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../desk/ui/reason_dialog.py" line="115"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desk/ui/reason_dialog.py" line="116"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PersonEditor</name>
    <message>
        <location filename="../../desk/forms/field_widgets.py" line="405"/>
        <source>刷卡填入</source>
        <translation>Swipe to fill</translation>
    </message>
    <message>
        <location filename="../../desk/forms/field_widgets.py" line="406"/>
        <source>即申请人</source>
        <translation>Is the applicant</translation>
    </message>
    <message>
        <location filename="../../desk/forms/field_widgets.py" line="407"/>
        <source>不适用：即申请人本人</source>
        <translation>Not applicable: the applicant themself</translation>
    </message>
    <message>
        <location filename="../../desk/forms/field_widgets.py" line="416"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desk/forms/field_widgets.py" line="419"/>
        <source>在读卡器上刷此人的身份证，自动填入姓名和号码（光标在此栏时直接刷卡亦可）</source>
        <translation>Swipe this person&apos;s ID card to fill in name and number (or just place the card while the cursor is in this field)</translation>
    </message>
    <message>
        <location filename="../../desk/forms/field_widgets.py" line="421"/>
        <source>此人就是申请人：填入申请人的姓名和号码（F6）</source>
        <translation>This person is the applicant: fill in the applicant&apos;s name and number (F6)</translation>
    </message>
</context>
<context>
    <name>PhoneEditor</name>
    <message>
        <location filename="../../desk/forms/field_widgets.py" line="244"/>
        <source>手机号码或“区号-号码”</source>
        <translation>Mobile number or &quot;area code-number&quot;</translation>
    </message>
</context>
<context>
    <name>RatingWindow</name>
    <message>
        <location filename="../../desk/ui/rating_window.py" line="185"/>
        <source>经办民警：%1&#x3000;&#x3000;工号：%2</source>
        <translation>Officer: %1   No.: %2</translation>
    </message>
    <message>
        <location filename="../../desk/ui/rating_window.py" line="187"/>
        <source>&#x3000;&#x3000;%1号窗口</source>
        <translation>   Window %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/rating_window.py" line="188"/>
        <source>受理编号：%1
办理事项：%2</source>
        <translation>Case: %1
Service: %2</translation>
    </message>
    <message>
        <location filename="../../desk/ui/rating_window.py" line="236"/>
        <source>您选择了“%1”。请告诉我们哪里做得不好，所领导会在15个工作日内回访：</source>
        <translation>You chose &quot;%1&quot;. Please tell us what went wrong; the station will call you back within 15 working days:</translation>
    </message>
    <message>
        <location filename="../../desk/ui/rating_window.py" line="239"/>
        <source>请点击一项，对本次服务作出评价：</source>
        <translation>Please rate this service:</translation>
    </message>
    <message>
        <location filename="../../desk/ui/rating_window.py" line="242"/>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../desk/ui/rating_window.py" line="242"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../desk/ui/rating_window.py" line="243"/>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../../desk/ui/rating_window.py" line="243"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../desk/ui/rating_window.py" line="244"/>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../../desk/ui/rating_window.py" line="253"/>
        <source>服务评价</source>
        <translation>Rate our service</translation>
    </message>
    <message>
        <location filename="../../desk/ui/rating_window.py" line="254"/>
        <source>请您对本次服务进行评价</source>
        <translation>Please rate our service</translation>
    </message>
    <message>
        <location filename="../../desk/ui/rating_window.py" line="268"/>
        <source>民警
照片</source>
        <translation>Officer
photo</translation>
    </message>
    <message>
        <location filename="../../desk/ui/rating_window.py" line="258"/>
        <source>其他意见（选填）</source>
        <translation>Anything else (optional)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/rating_window.py" line="259"/>
        <source>联系电话（选填，便于回访）</source>
        <translation>Phone (optional, for the call back)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/rating_window.py" line="260"/>
        <source>提交评价</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../desk/ui/rating_window.py" line="261"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../desk/ui/rating_window.py" line="262"/>
        <source>感谢您的评价！</source>
        <translation>Thank you!</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../desk/ui/reason_dialog.py" line="45"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desk/ui/reason_dialog.py" line="46"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReportWords</name>
    <message>
        <location filename="../../desk/ui/report_words.py" line="14"/>
        <source>受理件数</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="14"/>
        <source>办结件数</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="15"/>
        <source>超期件数</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="15"/>
        <source>按时办结率</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="16"/>
        <source>平均办理时长（工作日）</source>
        <translation>Avg. working days</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="16"/>
        <source>一次性告知件数</source>
        <translation>Supplement notices</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="17"/>
        <source>不予受理件数</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="17"/>
        <source>满意率</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="18"/>
        <source>评价总数</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="18"/>
        <source>自助终端使用人次</source>
        <translation>Kiosk sessions</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="20"/>
        <source>业务代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="20"/>
        <source>业务事项</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="21"/>
        <source>受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="21"/>
        <source>办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="22"/>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="22"/>
        <source>按时办结</source>
        <translation>Completed on time</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="23"/>
        <source>工号</source>
        <translation>Badge no.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="23"/>
        <source>经办人</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="24"/>
        <source>受理编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="24"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="25"/>
        <source>受理日期</source>
        <translation>Accepted on</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="25"/>
        <source>应办结日期</source>
        <translation>Due on</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="26"/>
        <source>超期（工作日）</source>
        <translation>Working days over</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="26"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="27"/>
        <source>当前处理人/环节</source>
        <translation>Now with</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="27"/>
        <source>终端编号</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="28"/>
        <source>设置地点</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="28"/>
        <source>使用人次</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="29"/>
        <source>取号</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="29"/>
        <source>进度查询</source>
        <translation>Progress queries</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="30"/>
        <source>打印文件</source>
        <translation>Papers printed</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="30"/>
        <source>评价等级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="31"/>
        <source>件数</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="31"/>
        <source>占比</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="33"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="33"/>
        <source>处理中</source>
        <translation>in progress</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="35"/>
        <source>所领导审批</source>
        <translation>station leader</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="35"/>
        <source>分局审批</source>
        <translation>branch bureau</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="36"/>
        <source>待群众补正材料</source>
        <translation>applicant (materials)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="36"/>
        <source>窗口：%1</source>
        <translation>window: %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/report_words.py" line="37"/>
        <source>窗口办结：%1</source>
        <translation>window (to complete): %1</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../../desk/ui/role_words.py" line="17"/>
        <source>窗口民警</source>
        <translation>clerk</translation>
    </message>
    <message>
        <location filename="../../desk/ui/role_words.py" line="18"/>
        <source>所领导</source>
        <translation>station leader</translation>
    </message>
    <message>
        <location filename="../../desk/ui/role_words.py" line="19"/>
        <source>管理员（所长）</source>
        <translation>manager</translation>
    </message>
    <message>
        <location filename="../../desk/ui/role_words.py" line="20"/>
        <source>系统管理员</source>
        <translation>administrator</translation>
    </message>
    <message>
        <location filename="../../desk/ui/role_words.py" line="21"/>
        <source>分局户政</source>
        <translation>branch registry officer</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <location filename="../../desk/ui/search_view.py" line="136"/>
        <source>没有找到符合条件的申请。</source>
        <translation>No case found.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/search_view.py" line="156"/>
        <source>受理编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../desk/ui/search_view.py" line="156"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/search_view.py" line="156"/>
        <source>事项</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <location filename="../../desk/ui/search_view.py" line="156"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../desk/ui/search_view.py" line="157"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desk/ui/search_view.py" line="157"/>
        <source>建立时间</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../desk/ui/search_view.py" line="157"/>
        <source>应办结日期</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../desk/ui/search_view.py" line="159"/>
        <source>共 %1 条</source>
        <translation>%1 found</translation>
    </message>
    <message>
        <location filename="../../desk/ui/search_view.py" line="173"/>
        <source>身份证号、姓名、受理编号或查询码；也可直接扫描回执二维码</source>
        <translation>ID number, name, case number or lookup code — or scan the receipt QR code</translation>
    </message>
    <message>
        <location filename="../../desk/ui/search_view.py" line="174"/>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../desk/ui/search_view.py" line="175"/>
        <source>回车查询，双击结果打开申请。</source>
        <translation>Enter searches; double-click a result to open the case.</translation>
    </message>
</context>
<context>
    <name>SignInView</name>
    <message>
        <location filename="../../desk/ui/sign_in.py" line="157"/>
        <source>正在打开本所数据（首次启动需要稍候），完成后自动登录……</source>
        <translation>Opening the station&apos;s data (the first start takes a moment); you will be signed in when it is ready…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/sign_in.py" line="165"/>
        <source>请输入用户名和密码。</source>
        <translation>Enter your user name and password.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/sign_in.py" line="185"/>
        <source>户籍综合窗口</source>
        <translation>Household registration desk</translation>
    </message>
    <message>
        <location filename="../../desk/ui/sign_in.py" line="188"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../desk/ui/sign_in.py" line="189"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../desk/ui/sign_in.py" line="190"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../desk/ui/sign_in.py" line="191"/>
        <source>切换用户</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <location filename="../../desk/ui/sign_in.py" line="193"/>
        <source>屏幕已锁定</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location filename="../../desk/ui/sign_in.py" line="194"/>
        <source>%1 长时间未操作，屏幕已锁定。请输入密码继续。</source>
        <translation>%1: the screen locked after a quiet spell. Enter your password to go on.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/sign_in.py" line="196"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../desk/ui/sign_in.py" line="198"/>
        <source>请使用本所民警账号登录。</source>
        <translation>Sign in with your station account.</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../../desk/ui/today_view.py" line="198"/>
        <source>没有等候的群众。</source>
        <translation>Nobody is waiting.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="216"/>
        <source>已重呼 %1 号（第 %2 次）。</source>
        <translation>Ticket %1 called again (time %2).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="228"/>
        <source>%1 号已过号。</source>
        <translation>Ticket %1 marked as not come.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="238"/>
        <source>%1 号已转到 %2 号窗口。</source>
        <translation>Ticket %1 sent to window %2.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="259"/>
        <source>本所没有其他窗口</source>
        <translation>No other window at this station</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="287"/>
        <source>当前无叫号</source>
        <translation>No ticket called</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="290"/>
        <source>请 %1 号到 %2 号窗口办理</source>
        <translation>Ticket %1, please come to window %2</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="293"/>
        <source>请 %1 号到窗口办理</source>
        <translation>Ticket %1, please come to the window</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="305"/>
        <source>号码</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="305"/>
        <source>取号时间</source>
        <translation>Taken at</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="305"/>
        <location filename="../../desk/ui/today_view.py" line="308"/>
        <location filename="../../desk/ui/today_view.py" line="313"/>
        <location filename="../../desk/ui/today_view.py" line="317"/>
        <source>事项</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="307"/>
        <source>综合业务</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="308"/>
        <location filename="../../desk/ui/today_view.py" line="313"/>
        <location filename="../../desk/ui/today_view.py" line="317"/>
        <location filename="../../desk/ui/today_view.py" line="374"/>
        <source>受理编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="308"/>
        <location filename="../../desk/ui/today_view.py" line="313"/>
        <location filename="../../desk/ui/today_view.py" line="317"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="308"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="311"/>
        <source>超期</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="311"/>
        <source>今日</source>
        <translation>today</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="312"/>
        <source>将到期</source>
        <translation>soon</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="313"/>
        <source>到期</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="317"/>
        <source>审批</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="318"/>
        <source>应办结日期</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="321"/>
        <source>排队叫号（等候 %1 人）</source>
        <translation>Queue (%1 waiting)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="322"/>
        <source>草稿与待补正（%1）</source>
        <translation>Drafts and awaiting supplements (%1)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="324"/>
        <source>到期提醒：超期 %1 · 今日 %2 · 即将 %3</source>
        <translation>Due: %1 overdue · %2 today · %3 soon</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="326"/>
        <source>待领导审批（%1）</source>
        <translation>Awaiting the leader&apos;s approval (%1)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="326"/>
        <source>待分局审批（%1）</source>
        <translation>Awaiting the branch&apos;s approval (%1)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="338"/>
        <source>分局</source>
        <translation>Branch</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="338"/>
        <source>市局</source>
        <translation>City bureau</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="338"/>
        <source>所领导</source>
        <translation>Leader</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="353"/>
        <source>视为受理</source>
        <translation>Deemed accepted</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="354"/>
        <source>5个工作日内未告知，自收件日起视为受理</source>
        <translation>Not answered within 5 working days: accepted from receipt</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="355"/>
        <source>%1 收件</source>
        <translation>received %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="357"/>
        <source>公告期满，待作注销决定</source>
        <translation>Notice over: decision due</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="358"/>
        <source>公告期内，还有 %1 天</source>
        <translation>Notice running, %1 day(s) left</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="359"/>
        <source>注销公告</source>
        <translation>Deregistration notice</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="360"/>
        <source>%1 止</source>
        <translation>until %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="362"/>
        <source>还有 %1 天到期</source>
        <translation>expires in %1 day(s)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="363"/>
        <source>已过期 %1 天</source>
        <translation>expired %1 day(s) ago</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="364"/>
        <source>证件到期</source>
        <translation>Permit expiry</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="368"/>
        <source>一件事后续</source>
        <translation>Bundle follow-up</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="374"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="374"/>
        <source>对象</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="374"/>
        <source>情况</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="375"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="377"/>
        <source>法定时限与后续事项：视为受理 %1 · 注销公告 %2 · 证件到期 %3 · 一件事后续 %4</source>
        <translation>Legal clocks and follow-ups: deemed accepted %1 · notices %2 · permits %3 · bundle follow-ups %4</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="392"/>
        <source>叫号 (F3)</source>
        <translation>Call next (F3)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="393"/>
        <source>办结此号(&amp;D)</source>
        <translation>Ticket &amp;done</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="394"/>
        <source>重呼 (F4)</source>
        <translation>Recall (F4)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="395"/>
        <source>过号 (F6)</source>
        <translation>No-show (F6)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="399"/>
        <source>转窗口</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="400"/>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today_view.py" line="401"/>
        <source>新办业务 (Ctrl+N)</source>
        <translation>New case (Ctrl+N)</translation>
    </message>
</context>
<context>
    <name>TransactionForm</name>
    <message>
        <location filename="../../desk/forms/form_view.py" line="105"/>
        <source>带 * 的为必填项</source>
        <translation>Fields marked * are required</translation>
    </message>
    <message>
        <location filename="../../desk/forms/form_view.py" line="117"/>
        <source>办理条件</source>
        <translation>Eligibility</translation>
    </message>
    <message>
        <location filename="../../desk/forms/form_view.py" line="378"/>
        <source>✓ 符合办理条件</source>
        <translation>✓ Eligible</translation>
    </message>
    <message>
        <location filename="../../desk/forms/form_view.py" line="380"/>
        <source>✓ 按已填写的信息，符合办理条件</source>
        <translation>✓ Eligible as far as filled in</translation>
    </message>
    <message>
        <location filename="../../desk/forms/form_view.py" line="387"/>
        <source>（填写相关信息后判断）</source>
        <translation> (decided once the fields are filled in)</translation>
    </message>
</context>
<context>
    <name>TransactionPicker</name>
    <message>
        <location filename="../../desk/ui/transaction_picker.py" line="145"/>
        <source>当场办结</source>
        <translation>Completed on the spot</translation>
    </message>
    <message>
        <location filename="../../desk/ui/transaction_picker.py" line="147"/>
        <source>%1 个工作日</source>
        <translation>%1 working day(s)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/transaction_picker.py" line="153"/>
        <source>一件事：%1 个事项，%2 项后续</source>
        <translation>bundle: %1 item(s), %2 follow-up(s)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/transaction_picker.py" line="193"/>
        <source>② 选择事项</source>
        <translation>② Choose the transaction</translation>
    </message>
    <message>
        <location filename="../../desk/ui/transaction_picker.py" line="194"/>
        <source>输入事项名称、拼音首字母（如 csdj）或代码；“一件事”如 出生一件事</source>
        <translation>Type the name, pinyin initials (e.g. csdj) or code; bundles too, e.g. 出生一件事</translation>
    </message>
    <message>
        <location filename="../../desk/ui/transaction_picker.py" line="195"/>
        <source>↑↓ 选择，回车确认；常办事项排在前面</source>
        <translation>↑↓ to choose, Enter to confirm; the most used come first</translation>
    </message>
</context>
</TS>
