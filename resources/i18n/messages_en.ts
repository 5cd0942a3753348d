<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desk/domain/messages.py" line="78"/>
        <source>当前状态为“{state}”，不能{action}。</source>
        <translation>A case that is “{state}” cannot be given “{action}”.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="79"/>
        <source>{role}无权{action}。</source>
        <translation>The {role} may not give “{action}”.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="80"/>
        <source>{action}必须填写理由。</source>
        <translation>“{action}” needs a reason.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="81"/>
        <source>该事项由窗口当场办结，无需提交审核。</source>
        <translation>This transaction is completed at the window; it needs no review.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="82"/>
        <source>该事项须经审批后方可办结，请先提交审核。</source>
        <translation>This transaction needs approval before it can be completed: submit it for review.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="83"/>
        <source>该事项须由所领导审批。</source>
        <translation>Only a station leader may decide this transaction.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="84"/>
        <source>受理人不能审批自己受理的申请，请由其他领导审批。</source>
        <translation>The person who accepted a case may not decide it; another leader must.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="86"/>
        <source>提交审核的人不能审批同一申请，请由其他领导审批。</source>
        <translation>The person who submitted a case for review may not decide it; another leader must.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="89"/>
        <source>找不到申请 {number}。</source>
        <translation>No case numbered {number}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="90"/>
        <source>申请 {number} 已被其他人修改，您的修改未保存。请重新载入后再操作。</source>
        <translation>Case {number} was changed by someone else; your change was not saved. Reload and try again.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="92"/>
        <source>申请 {number} 当前为“{state}”，表单不能再修改。</source>
        <translation>Case {number} is “{state}”; its form can no longer change.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="93"/>
        <source>材料已齐全，无需补正，请直接受理。</source>
        <translation>Every required material is here: accept the application instead.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="94"/>
        <source>受理与一次性告知需要表单和材料。</source>
        <translation>Accepting or a one-time notice needs the form and the materials.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="95"/>
        <source>只有不予受理才选择程序性理由。</source>
        <translation>Only not accepting takes a procedural ground.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="96"/>
        <source>没有“{ground}”这一不予受理理由（可选：{choices}）。</source>
        <translation>No procedural ground &apos;{ground}&apos; (choose one of: {choices}).</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="97"/>
        <source>事项“{transaction}”没有这些材料：{materials}。</source>
        <translation>The transaction “{transaction}” has no materials {materials}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="98"/>
        <source>这些材料不能由系统核验代替，须收取：{materials}。</source>
        <translation>These materials cannot be checked in the systems instead; collect them: {materials}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="100"/>
        <source>表单有 {count} 处需要修改：{problems}</source>
        <translation>The form has {count} problem(s): {problems}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="101"/>
        <source>不符合办理条件：{reasons}</source>
        <translation>Not eligible: {reasons}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="102"/>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="103"/>
        <source>尚不能判断（请补全相关信息）：{reason}</source>
        <translation>cannot tell yet (fill in the fields): {reason}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="104"/>
        <source>还缺少 {count} 项材料：{materials}。可出具一次性告知书。</source>
        <translation>{count} material(s) missing: {materials}; issue a one-time supplement notice instead.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="105"/>
        <source>该事项须经审批，不能当场办结；请受理后提交审核。</source>
        <translation>This transaction needs approval and cannot be completed at the window: accept and submit it.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="107"/>
        <source>“{action}”不能在这里办理。</source>
        <translation>“{action}” is not decided here.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="108"/>
        <source>审批需要再次输入密码。</source>
        <translation>Approving or denying asks for the password again.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="109"/>
        <source>事项目录中没有“{transaction}”。</source>
        <translation>The catalog has no transaction “{transaction}”.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="110"/>
        <source>“{name}”已合并停用，只保留旧案件；新申请请办理：{replacements}。</source>
        <translation>“{name}” was merged into other items and is kept for its old cases only; apply under: {replacements}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="113"/>
        <source>没有身份证号为 {id_number} 的人员记录。</source>
        <translation>No citizen with ID number {id_number}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="114"/>
        <source>系统中没有身份证号 {id_number} 的人员，请先刷身份证登记。</source>
        <translation>No citizen with ID number {id_number}: read their ID card first.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="117"/>
        <source>用户名 {username} 已存在。</source>
        <translation>The user name {username} is taken.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="118"/>
        <source>没有用户 {username}。</source>
        <translation>No user {username}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="119"/>
        <source>警号“{badge}”不对：只能是数字和字母，最多 {most} 位。</source>
        <translation>Badge number “{badge}” is not valid: digits and letters only, at most {most}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="120"/>
        <source>密码不正确，未执行审批。</source>
        <translation>Wrong password; nothing was approved.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="121"/>
        <source>没有编码为 {station} 的派出所。</source>
        <translation>No station with code {station}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="122"/>
        <source>密码至少 {length} 位。</source>
        <translation>A password needs at least {length} characters.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="123"/>
        <source>该密码过于常见，容易被猜中，请换一个。</source>
        <translation>That password is too common; choose another.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="124"/>
        <source>密码不能包含用户名。</source>
        <translation>A password may not contain the user name.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="125"/>
        <source>未知的终端类型“{kind}”。</source>
        <translation>Unknown session kind “{kind}”.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="126"/>
        <source>终端编号无效（1–64 个字符）。</source>
        <translation>A device id needs 1–64 characters.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="127"/>
        <source>{username} 是自助机账号，只能在自助机或大厅屏上登录，不能作为窗口登录。</source>
        <translation>{username} is a kiosk&apos;s account: it signs in on a kiosk or the hall screen only, never as a desk.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="130"/>
        <source>窗口设置无效：编号须为正整数，名称不能为空，号段只能是 {letters}。</source>
        <translation>Invalid window: a positive number, a name, and letters among {letters}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="132"/>
        <source>优先原因只能是：{reasons}。</source>
        <translation>Priority must be one of: {reasons}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="133"/>
        <source>排队号不能结束为“{state}”。</source>
        <translation>A ticket cannot end as “{state}”.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="134"/>
        <source>本所没有 {number} 号窗口（请先设置窗口：desk counter set）。</source>
        <translation>This station has no window {number} (set it up with desk counter set).</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="136"/>
        <source>没有这张排队号。</source>
        <translation>No such queue ticket.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="137"/>
        <source>{number} 号当前状态为“{state}”，不能这样处理。</source>
        <translation>Ticket {number} is “{state}”; it cannot be handled that way.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="139"/>
        <source>没有这条差评回访。</source>
        <translation>No such follow-up.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="140"/>
        <source>这条差评回访刚被别人改过，已重新载入，请再看一遍。</source>
        <translation>Someone else changed this follow-up; it was reloaded: look at it again.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="141"/>
        <source>没有这位本所民警。</source>
        <translation>No such active user at this station.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="142"/>
        <source>{name}不能做责任人：差评回访的责任人只能是本所的所领导或所长。</source>
        <translation>{name} cannot answer for it: a follow-up&apos;s owner is one of the station&apos;s leaders or its manager.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="144"/>
        <source>请写明{step}的情况。</source>
        <translation>Write what the {step} found.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="145"/>
        <source>导出格式只能是 csv 或 json，不是“{kind}”。</source>
        <translation>Export as csv or json, not “{kind}”.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="146"/>
        <source>差评核实、整改、回访和申诉复核由所领导或所长登记。</source>
        <translation>Follow-ups are recorded by a station leader or the manager.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="147"/>
        <source>这条差评回访已办结。</source>
        <translation>This follow-up is already closed.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="148"/>
        <source>当前环节是“{current}”，不能登记“{step}”。</source>
        <translation>The follow-up is at “{current}”, not “{step}”.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="149"/>
        <source>“{step}”的结果只能是：{outcomes}。</source>
        <translation>The “{step}” step may record only: {outcomes}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="151"/>
        <source>没有申请 {number}，无法评价。</source>
        <translation>No case {number} to rate.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="152"/>
        <source>联系电话“{phone}”格式不对：请填11位手机号或带区号的固定电话。</source>
        <translation>Phone number “{phone}” is not valid: an 11-digit mobile or a landline with its area code.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="153"/>
        <source>未知的差评原因：{reasons}</source>
        <translation>Unknown reasons: {reasons}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="154"/>
        <source>只有“不满意”和“非常不满意”需要选择原因。</source>
        <translation>Only a bad rating takes reasons.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="155"/>
        <source>申请 {number} 已经评价过了（一次一评），不能再评。</source>
        <translation>Case {number} has already been rated (one rating per case).</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="157"/>
        <source>请填写11位手机号码。</source>
        <translation>Enter an 11-digit mobile number.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="158"/>
        <source>验证码发送过于频繁，请一小时后再试。</source>
        <translation>Too many codes were sent; try again in an hour.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="159"/>
        <source>验证码不正确或已过期，请重新获取。</source>
        <translation>The code is wrong or expired: ask for a new one.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="160"/>
        <source>请选择要上传的文件。</source>
        <translation>Choose the files to upload.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="161"/>
        <source>文件“{name}”是空的。</source>
        <translation>The file “{name}” is empty.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="162"/>
        <source>文件“{name}”太大（{size}），每个文件不能超过 {most}。</source>
        <translation>The file “{name}” is too large ({size}); each file may be at most {most}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="163"/>
        <source>文件“{name}”不是 PDF、JPEG 或 PNG 文件，不能上传（按文件内容判断，不看扩展名）。</source>
        <translation>The file “{name}” is not a PDF, JPEG or PNG file and cannot be uploaded (judged by its content, not its name).</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="165"/>
        <source>申请 {number} 没有这个上传文件。</source>
        <translation>Application {number} has no such upload.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="166"/>
        <source>请勾选缺少的材料。</source>
        <translation>Tick the materials that are missing.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="167"/>
        <source>预约日期不能早于今天。</source>
        <translation>The visit cannot be booked in the past.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="168"/>
        <source>“{transaction}”不是全程网办事项，请预约到所办理。</source>
        <translation>“{transaction}” cannot be decided online: book a visit.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="169"/>
        <source>没有这个事项：{transaction}</source>
        <translation>No such transaction: {transaction}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="170"/>
        <source>“{transaction}”没有材料 {material}。</source>
        <translation>“{transaction}” has no material “{material}”.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="171"/>
        <source>没有找到申请 {number}。</source>
        <translation>Application {number} was not found.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="172"/>
        <source>没有找到网上申请 {number}。</source>
        <translation>Online application {number} was not found.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="173"/>
        <source>网上申请 {number} 已被其他人处理，请重新打开。</source>
        <translation>Online application {number} was changed by someone else; open it again.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="174"/>
        <source>网上申请 {number} 是向 {station} 提交的，不是本所。</source>
        <translation>Online application {number} was sent to {station}, not this station.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="175"/>
        <source>网上申请 {number} {state}，不能改为“{to}”。</source>
        <translation>Online application {number} is “{state}”; it cannot become “{to}”.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="176"/>
        <source>此处不能办理案件。</source>
        <translation>Cases cannot be opened here.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="177"/>
        <source>该网上申请已在窗口受理为 {number}。</source>
        <translation>This application is already case {number}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="179"/>
        <source>没有“{bundle}”这个“一件事”套餐。</source>
        <translation>No bundle “{bundle}”.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="180"/>
        <source>“{bundle}”没有这些事项：{members}。</source>
        <translation>“{bundle}” has no members {members}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="181"/>
        <source>后续事项状态只能是 {states}。</source>
        <translation>A follow-up&apos;s state is one of {states}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="182"/>
        <source>套餐 {number} 没有后续事项“{item}”。</source>
        <translation>Bundle {number} has no follow-up “{item}”.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="183"/>
        <source>找不到“一件事”套餐 {number}。</source>
        <translation>No bundle numbered {number}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="184"/>
        <source>没有“{kind}”这种套餐文书。</source>
        <translation>No bundle paper “{kind}”.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="185"/>
        <source>套餐 {number} 尚未受理，不能出具受理回执。</source>
        <translation>Bundle {number} is not accepted yet: no receipt can be issued.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="187"/>
        <source>只有重复户口注销可以公告注销。</source>
        <translation>Only a duplicate registration is cancelled after a public notice.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="188"/>
        <source>申请 {number} 当前为“{state}”，受理后才能公告。</source>
        <translation>Case {number} is “{state}”: it must be accepted before its notice is posted.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="189"/>
        <source>申请 {number} 的注销公告正在公告期内。</source>
        <translation>Case {number} already has a notice running.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="190"/>
        <source>公告 {serial} 已作出决定。</source>
        <translation>Notice {serial} is decided already.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="191"/>
        <source>公告期至 {ends_on} 止，期满后才能作出注销决定。</source>
        <translation>The notice runs until {ends_on}; decide after it.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="192"/>
        <source>该案件尚待所领导审批，批准后才能注销。</source>
        <translation>The case still waits for the leader&apos;s approval.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="193"/>
        <source>找不到公告 {serial}。</source>
        <translation>No notice {serial}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="195"/>
        <source>状态只能是：{states}。</source>
        <translation>The state must be one of: {states}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="196"/>
        <source>申请 {number} 的连锁变更中没有“{record}”。</source>
        <translation>Case {number}&apos;s chained changes have no record “{record}”.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="197"/>
        <source>该地区该出生日期的顺序码已用尽，请联系上级户政部门分配公民身份号码。</source>
        <translation>No order code is free for that region and birth date: ask the higher household registration office to assign an ID number.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="199"/>
        <source>人员记录无法保存：数据不符合登记库的规则，请核对后重试。</source>
        <translation>The citizen record cannot be saved: it breaks a rule of the register; check and retry.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="201"/>
        <source>性别与证件号码不一致，请核对。</source>
        <translation>The sex does not match the ID number; check it.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="202"/>
        <source>出生日期与证件号码不一致，请核对。</source>
        <translation>The birth date does not match the ID number; check it.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="204"/>
        <source>请在表单中填写被注销户口人员的姓名和公民身份号码。</source>
        <translation>Fill in the name and ID number of the person whose registration was cancelled.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="206"/>
        <source>本所系统中没有{name}（{id_number}）已办结的注销户口记录：请核实后在表单中填写注销户口日期。</source>
        <translation>This station&apos;s system holds no completed cancellation of the registration of {name} ({id_number}): check it, then fill in the date of cancellation on the form.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="208"/>
        <source>网上申请 {number} 尚未网上办结，或该事项不出具可下载的证明。</source>
        <translation>Online application {number} has not been decided online, or its item issues no certificate to download.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="211"/>
        <source>草稿</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="212"/>
        <source>待补正</source>
        <translation>waiting for materials</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="213"/>
        <source>已受理</source>
        <translation>accepted</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="214"/>
        <location filename="../../desk/domain/messages.py" line="222"/>
        <source>不予受理</source>
        <translation>not accepted</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="215"/>
        <source>审核中</source>
        <translation>under review</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="216"/>
        <source>已批准</source>
        <translation>approved</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="217"/>
        <location filename="../../desk/domain/messages.py" line="225"/>
        <source>不予批准</source>
        <translation>denied</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="218"/>
        <location filename="../../desk/domain/messages.py" line="243"/>
        <location filename="../../desk/domain/messages.py" line="344"/>
        <source>已办结</source>
        <translation>completed</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="219"/>
        <source>已撤回</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="220"/>
        <source>受理</source>
        <translation>accept</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="221"/>
        <source>一次性告知补正</source>
        <translation>one-time notice of missing materials</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="223"/>
        <source>提交审核</source>
        <translation>submit for review</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="224"/>
        <source>批准</source>
        <translation>approve</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="226"/>
        <source>办结</source>
        <translation>complete</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="227"/>
        <source>撤回申请</source>
        <translation>withdraw</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="228"/>
        <source>窗口民警</source>
        <translation>clerk</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="229"/>
        <source>所领导</source>
        <translation>station leader</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="230"/>
        <source>管理员（所长）</source>
        <translation>manager</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="231"/>
        <source>系统管理员</source>
        <translation>administrator</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="232"/>
        <source>分局户政</source>
        <translation>branch registry officer</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="234"/>
        <source>非常满意</source>
        <translation>very satisfied</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="235"/>
        <source>满意</source>
        <translation>satisfied</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="236"/>
        <source>基本满意</source>
        <translation>basically satisfied</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="237"/>
        <source>不满意</source>
        <translation>dissatisfied</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="238"/>
        <source>非常不满意</source>
        <translation>very dissatisfied</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="244"/>
        <source>情况属实</source>
        <translation>complaint founded</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="245"/>
        <source>误评或不实，提出申诉</source>
        <translation>unfounded or mistaken: appealed</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="246"/>
        <source>已整改</source>
        <translation>rectified</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="247"/>
        <source>回访满意</source>
        <translation>satisfied on the return visit</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="248"/>
        <source>回访基本满意</source>
        <translation>basically satisfied on the return visit</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="249"/>
        <source>回访仍不满意</source>
        <translation>still dissatisfied on the return visit</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="250"/>
        <source>申诉成立</source>
        <translation>appeal upheld</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="251"/>
        <source>申诉不成立</source>
        <translation>appeal rejected</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="253"/>
        <source>没有找到您的这份网上申请。</source>
        <translation>No online application of yours has that number.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="254"/>
        <source>没有找到这张回执对应的申请，请核对后重试，或到窗口咨询。</source>
        <translation>No case matches this receipt code. Please check it or ask at the counter.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="256"/>
        <source>只有系统管理员可以退出自助机。</source>
        <translation>Only an administrator may leave the kiosk.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="257"/>
        <source>城市模式的自助机须设置 kiosk_user 和 kiosk_password_file。</source>
        <translation>A kiosk in city mode needs kiosk_user and kiosk_password_file set.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="259"/>
        <source>本自助机暂不能查询网上申请进度，请在网上或到窗口查询。</source>
        <translation>This kiosk cannot look up online applications yet: check on the web page or at the counter.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="261"/>
        <source>没有找到您的这件申请。</source>
        <translation>No case of yours has that number.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="262"/>
        <source>这件申请现在不需要补交材料。</source>
        <translation>This case is not waiting for papers.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="264"/>
        <source>找不到文件 {path}。</source>
        <translation>No such file: {path}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="265"/>
        <source>密码文件 {path} 其他账户可读，请设为仅本账户可读（chmod 600）。</source>
        <translation>The password file {path} is readable by others: chmod 600 it.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="267"/>
        <source>无法读取密码文件 {path}：{reason}</source>
        <translation>Cannot read the password file {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="268"/>
        <source>系统正在启动，请稍候。</source>
        <translation>Station Desk is still starting; one moment.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="269"/>
        <source>请先登录。</source>
        <translation>Sign in first.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="270"/>
        <source>操作未完成：发生意外错误（{kind}）。请重试；如仍出现，请联系管理员。</source>
        <translation>The action did not finish: unexpected error ({kind}). Try again or call support.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="272"/>
        <source>姓名中有数字，是否输错了栏目？</source>
        <translation>The name contains digits: typed into the wrong box?</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="273"/>
        <source>城市模式下的管理命令须由系统管理员登录后执行。</source>
        <translation>In city mode the support commands need an administrator&apos;s sign-in.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="274"/>
        <source>导入户籍信息须由系统管理员或所长登录后执行。</source>
        <translation>Loading the register needs an administrator or a station manager signed in.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="275"/>
        <source>城市模式须用 --password-file 提供管理员密码，或在终端中输入。</source>
        <translation>City mode: give the administrator&apos;s password with --password-file, or type it.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="277"/>
        <source>城市模式须用 --user 指定管理员账号。</source>
        <translation>City mode: name the administrator with --user.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="278"/>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="279"/>
        <source>标记须用 --user 指明经办人。</source>
        <translation>Name the clerk who marks it with --user.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="280"/>
        <source>申请 {number}（{state}）没有需要出具的通知书。</source>
        <translation>Case {number} ({state}) has no notice.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="281"/>
        <source>--idle-minutes 与 --workers 至少为 1。</source>
        <translation>--idle-minutes and --workers must be ≥ 1.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="282"/>
        <source>城市服务器需要城市数据库的地址：用 --db 或 DESK_DATABASE_URL 给出（postgresql://…），它不会自己在数据目录里建一个空的 SQLite 数据库。</source>
        <translation>The city server needs the city database&apos;s address: give it with --db or DESK_DATABASE_URL (postgresql://…); it does not make an empty SQLite database in its data folder.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="285"/>
        <source>不加密的 HTTP 只能监听本机回环地址（由前置代理负责 TLS）。</source>
        <translation>Plain HTTP listens on loopback only (a proxy in front does TLS).</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="287"/>
        <source>请给出 --tls-cert 和 --tls-key（或在回环地址上使用 --no-tls）。</source>
        <translation>Give --tls-cert and --tls-key (or --no-tls on a loopback address).</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="289"/>
        <source>未设置城市服务器地址（server_url）。</source>
        <translation>No city server is set (server_url).</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="290"/>
        <source>尚未登录城市服务器。</source>
        <translation>Not signed in to the city server.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="291"/>
        <source>操作人与本终端登录的用户不符。</source>
        <translation>The actor is not the user signed in on this desk.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="292"/>
        <source>城市模式下本机不能直接使用“{name}”，请在城市服务器上操作。</source>
        <translation>“{name}” is not available on a desk in city mode: run it on the city server.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="293"/>
        <source>提交的数据格式不正确。</source>
        <translation>The server refused the data as malformed.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="294"/>
        <source>城市服务器出错（{status}）。</source>
        <translation>The city server answered {status}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="295"/>
        <source>打印机设置“{spec}”无法识别：应为 pdf、pdf:文件夹、cups:队列名 或 escpos:串口。</source>
        <translation>Unknown printer setting “{spec}”: use pdf, pdf:FOLDER, cups:QUEUE or escpos:PORT.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="297"/>
        <source>不支持的数据库地址：{url}。只支持 SQLite（sqlite:///文件路径）和 PostgreSQL（postgresql://用户@主机/库名），请修改数据库设置。</source>
        <translation>Unsupported database URL {url}: only SQLite (sqlite:///path) and PostgreSQL (postgresql://user@host/db) are supported; change the database setting.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="299"/>
        <source>无法创建数据库文件夹 {folder}：{reason}。请检查路径和权限。</source>
        <translation>Cannot create the database folder {folder}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="300"/>
        <source>数据库地址无效：{url}。请修改数据库设置。</source>
        <translation>Invalid database URL {url}; change the database setting.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="301"/>
        <source>记录已被其他人修改，您的修改未保存。请重新载入后再操作。</source>
        <translation>The record was changed by someone else; your change was not saved. Reload and try again.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="303"/>
        <source>填写的数字无效（非有限数字），未保存。</source>
        <translation>A number is not finite (NaN or infinity); nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="304"/>
        <source>磁盘空间已满，本次操作未保存（已保存的数据不受影响）。请清理磁盘空间或联系管理员后重试。</source>
        <translation>The disk is full: this operation was not saved (saved data is unharmed). Free disk space or call the administrator, then try again.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="306"/>
        <source>数据库文件已损坏或不是本系统的数据库：{url}。请停止使用本机，联系管理员从备份恢复；切勿删除该文件。</source>
        <translation>The database file is damaged or not a Station Desk database: {url}. Stop using this machine and have the administrator restore it from a backup; do not delete it.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="308"/>
        <source>数据库正忙（另一个程序正在写入），请稍后重试；如持续出现，请检查是否有其他程序占用数据库。</source>
        <translation>The database is locked by another writer; try again shortly. If it keeps happening, check which program holds the database.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="310"/>
        <source>无法打开数据库：{url}。请检查数据库文件路径或服务器是否启动。</source>
        <translation>Cannot open the database {url}: check the path or that the server runs.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="311"/>
        <source>SQLite 没有数据库角色：服务器角色只用于 PostgreSQL。</source>
        <translation>SQLite has no roles: a server role is for PostgreSQL only.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="312"/>
        <source>请先运行 `desk db upgrade`，再为服务器角色授权。</source>
        <translation>Run `desk db upgrade` first, then grant the server role.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="313"/>
        <source>角色名“{role}”无效：只用小写字母、数字和下划线，以字母或下划线开头。</source>
        <translation>Invalid role name “{role}”: lower-case letters, digits and _ only, not starting with a digit.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="315"/>
        <source>数据库中没有角色 {role}。请数据库管理员先创建它：CREATE ROLE {role} LOGIN PASSWORD &apos;…&apos;;</source>
        <translation>There is no role {role} in this PostgreSQL. Have the database administrator create it first: CREATE ROLE {role} LOGIN PASSWORD &apos;…&apos;;</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="317"/>
        <source>角色 {role} 是超级用户（或可绕过行级安全）：服务器不能用这样的角色。</source>
        <translation>Role {role} is a superuser (or bypasses row security): the server must not use it.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="319"/>
        <source>角色 {role} 拥有本库的表（它是所有者角色）：服务器需要另一个角色。</source>
        <translation>Role {role} owns tables of this database (it is the owner role): the server needs a role of its own.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="322"/>
        <source>设置有误：{source} 中的 {setting}：“{value}”不是{kind}</source>
        <translation>Bad setting: {setting} in {source}: &apos;{value}&apos; is not {kind}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="323"/>
        <source>设置有误：{source} 中的 {setting}：应为{kind}，而不是 {value}</source>
        <translation>Bad setting: {setting} in {source}: must be {kind}, not {value}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="324"/>
        <source>设置有误：{source} 中的 {setting}：不能小于 {minimum}（现为 {value}）</source>
        <translation>Bad setting: {setting} in {source}: must be at least {minimum} (is {value})</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="326"/>
        <source>设置有误：{source} 中的 {setting}：应为文字（加引号），而不是 {value}</source>
        <translation>Bad setting: {setting} in {source}: must be text (in quotes), not {value}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="328"/>
        <source>设置有误：{source} 中的 {setting}：“{value}”不可用，可选：{choices}</source>
        <translation>Bad setting: {setting} in {source}: &apos;{value}&apos; is not one of {choices}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="330"/>
        <source>设置有误：{source} 中的 {setting}：没有这项设置；可用：{known}</source>
        <translation>Bad setting: {setting} in {source}: no such setting; known: {known}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="331"/>
        <source>设置有误：{source} 中的 {setting}：文件格式错误：{detail}</source>
        <translation>Bad setting: {setting} in {source}: not valid TOML: {detail}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="332"/>
        <source>设置有误：{source} 中的 {setting}：无法读取：{reason}</source>
        <translation>Bad setting: {setting} in {source}: cannot be read: {reason}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="333"/>
        <source>设置有误：{source} 中的 {setting}：应写成 名称=值</source>
        <translation>Bad setting: {setting} in {source}: must be NAME=VALUE</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="334"/>
        <source>整数</source>
        <translation>a whole number</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="335"/>
        <source>数字</source>
        <translation>a number</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="337"/>
        <source>事项目录有 {count} 处错误（{files} 个文件）。</source>
        <translation>{count} catalog error(s) in {files} file(s).</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="338"/>
        <source>“一件事”套餐有 {count} 处错误（{files} 个文件）：{problems}</source>
        <translation>{count} bundle error(s) in {files} file(s): {problems}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="339"/>
        <source>{file} 有 {count} 处错误：{problems}</source>
        <translation>{file}: {count} error(s): {problems}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="352"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="353"/>
        <source>不是普通文件（可能是管道、设备或指向设备的链接），已跳过</source>
        <translation>not a regular file (a pipe, a device or a link to one); skipped</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="354"/>
        <source>文件过大（超过 {kilobytes} KB），不像事项文件</source>
        <translation>file too large (over {kilobytes} kB) to be a transaction file</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="355"/>
        <source>TOML 语法错误：{detail}</source>
        <translation>TOML syntax error: {detail}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="356"/>
        <source>文件不是 UTF-8 编码</source>
        <translation>file is not UTF-8</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="357"/>
        <source>无法读取文件：{reason}</source>
        <translation>cannot read file: {reason}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="358"/>
        <source>目录 {folder} 中没有 .toml 事项文件</source>
        <translation>no .toml transaction files in {folder}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="359"/>
        <source>找不到事项目录：{folder}</source>
        <translation>no such catalog folder or file: {folder}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="360"/>
        <source>事项代码重复（{other} 已用）</source>
        <translation>duplicate code: also used by {other}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="361"/>
        <source>事项目录中没有“{item}”</source>
        <translation>no item {item!r} in the catalog</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="362"/>
        <source>“{item}”本身已停用</source>
        <translation>{item!r} is retired itself</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="363"/>
        <source>代码 {value!r} 只能由小写字母、数字和下划线组成，且以字母开头</source>
        <translation>code {value!r} must match ^[a-z][a-z0-9_]*$</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="364"/>
        <source>代码 {value!r} 应与文件名一致（{stem}）</source>
        <translation>code {value!r} differs from the file name {stem!r}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="365"/>
        <source>max_length 只用于 text 和 address 字段（不用于 {type}）</source>
        <translation>max_length is only for text and address fields, not {type}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="367"/>
        <source>发放户口簿的事项须写明交付给群众的是什么（hands_over_zh，如“换领的新居民户口簿”）</source>
        <translation>an item that issues a household booklet must say what the citizen is handed (hands_over_zh, e.g. “换领的新居民户口簿”)</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="369"/>
        <source>hands_over_zh 只用于发放户口簿的事项（issues_document = &quot;booklet&quot;）；证明类文书以其名称交付</source>
        <translation>hands_over_zh is only for items that issue a household booklet (issues_document = &quot;booklet&quot;); a certificate is handed over under its own name</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="371"/>
        <source>label_false_zh / label_false_en 只用于 bool 字段（不用于 {type}）</source>
        <translation>label_false_zh / label_false_en are only for bool fields (not for {type})</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="373"/>
        <source>label_false_zh 和 label_false_en 须同时填写（字段不成立时的中英文说法）</source>
        <translation>label_false_zh and label_false_en go together (what the field says when it does not hold, in Chinese and English)</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="375"/>
        <source>材料说明须中英文同时填写（note_zh 和 note_en）</source>
        <translation>a material&apos;s note is given in both languages (note_zh and note_en)</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="376"/>
        <source>min/max 只用于 number 字段（不用于 {type}）</source>
        <translation>min/max are only for number fields, not {type}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="377"/>
        <source>min（{low}）大于 max（{high}）</source>
        <translation>min {low} is greater than max {high}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="378"/>
        <source>至少需要一个字段</source>
        <translation>at least one [[fields]] entry is needed</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="379"/>
        <source>只有 enum 字段才有 options（不用于 {type}）</source>
        <translation>options are only for enum fields, not {type}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="380"/>
        <source>enum 字段需要 options</source>
        <translation>an enum field needs options</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="381"/>
        <source>选项值 {value!r} 只能由小写字母、数字和下划线组成</source>
        <translation>option value {value!r} must match ^[a-z0-9_]+$</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="382"/>
        <source>选项值重复：{value}</source>
        <translation>duplicate option value {value!r}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="383"/>
        <source>enum 字段需要至少一个选项</source>
        <translation>an enum field needs at least one option</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="384"/>
        <source>字段的 when 不能引用字段本身（{field}）</source>
        <translation>a field&apos;s when cannot name the field itself ({field})</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="385"/>
        <source>只有 person 字段可以写 applicant_when（{field} 是 {type}）</source>
        <translation>only a person field may have applicant_when ({field} is {type})</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="387"/>
        <source>字段的 when 条件互相依赖，形成循环（{chain}），这些字段永远不会显示</source>
        <translation>the fields&apos; when conditions form a cycle ({chain}): these fields could never show</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="389"/>
        <source>至少需要一项材料</source>
        <translation>at least one [[materials]] entry is needed</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="390"/>
        <source>依据应写明法律或规定的名称（《…》）</source>
        <translation>basis_zh must name the law or rule (in 《…》)</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="391"/>
        <source>base 是保留的层级名（无层级适用时）</source>
        <translation>&apos;base&apos; names the transaction&apos;s own level; choose another tier key</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="392"/>
        <source>窗口办结的层级时限应为0；需审批的层级时限应大于0</source>
        <translation>a clerk tier is finished on the spot (0 days); an approval tier needs days &gt; 0</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="393"/>
        <source>roles 应为表（[roles]）</source>
        <translation>roles must be a table ([roles])</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="394"/>
        <source>{field} 不是本事项的 person 字段</source>
        <translation>{field!r} is not a person field of this transaction</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="395"/>
        <source>{field} 不是本事项的 person 或 text 字段</source>
        <translation>{field!r} is not a person or text field of this transaction</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="396"/>
        <source>movers 中有重复的字段</source>
        <translation>movers names a field twice</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="397"/>
        <source>reissues 应为表（[reissues]）</source>
        <translation>reissues must be a table ([reissues])</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="398"/>
        <source>{field} 应为本事项的 enum 字段，其选项只能是可补发的证件（{kinds}）</source>
        <translation>{field} must be an enum field of this item whose options are papers that can be re-issued ({kinds})</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="400"/>
        <source>{field} 不是本事项的 text 字段</source>
        <translation>{field} is not a text field of this item</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="401"/>
        <source>replaced_by 不能为空</source>
        <translation>replaced_by must name at least one item</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="402"/>
        <source>{item!r} 不是有效的事项代码</source>
        <translation>{item!r} is not an item code</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="403"/>
        <source>事项不能由自身替代</source>
        <translation>an item cannot replace itself</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="404"/>
        <source>日期 {value!r} 应为 YYYY、YYYY-MM 或 YYYY-MM-DD</source>
        <translation>date {value!r} must be YYYY, YYYY-MM or YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="405"/>
        <source>未知的键 {name}</source>
        <translation>unknown key {name!r}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="406"/>
        <source>未知的键 {name}（是否应为 {close}？）</source>
        <translation>unknown key {name!r} (did you mean {close!r}?)</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="407"/>
        <source>缺少必填的键 {name}</source>
        <translation>missing required key {name!r}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="408"/>
        <source>{name} 应为表数组（[[{name}]]）</source>
        <translation>{name} must be an array of tables ([[{name}]])</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="409"/>
        <source>应为表（不是 {kind}）</source>
        <translation>must be a table, not {kind}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="410"/>
        <source>键 {value!r} 只能由小写字母、数字和下划线组成，且以字母开头</source>
        <translation>key {value!r} must match ^[a-z][a-z0-9_]*$</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="411"/>
        <source>{value} 是保留字</source>
        <translation>{value!r} is a reserved name</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="412"/>
        <source>键重复：{value}</source>
        <translation>duplicate key {value!r}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="413"/>
        <source>应为字符串（不是 {kind}）</source>
        <translation>must be a string, not {kind}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="414"/>
        <source>不能为空</source>
        <translation>must not be empty</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="415"/>
        <source>应为非空字符串的列表</source>
        <translation>must be a list of non-empty strings</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="416"/>
        <source>应为 true 或 false（不是 {kind}）</source>
        <translation>must be true or false, not {kind}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="417"/>
        <source>应为整数（不是 {kind}）</source>
        <translation>must be an integer, not {kind}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="418"/>
        <source>不能小于 {minimum}（现为 {value}）</source>
        <translation>must be at least {minimum}, not {value}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="419"/>
        <source>不能大于 {maximum}（现为 {value}）</source>
        <translation>must be at most {maximum}, not {value}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="420"/>
        <source>应为数字（不是 {kind}）</source>
        <translation>must be a number, not {kind}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="421"/>
        <source>应为有限的数字（现为 {value}）</source>
        <translation>must be a finite number, not {value}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="422"/>
        <source>绝对值不能大于 {maximum}（现为 {value}）</source>
        <translation>must lie within ±{maximum}, not {value}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="423"/>
        <source>无效的 {name} 值 {value!r}（可选：{choices}）</source>
        <translation>unknown {name} {value!r} (expected one of {choices})</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="424"/>
        <source>条件应为字符串（不是 {kind}）</source>
        <translation>a condition must be a string, not {kind}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="425"/>
        <source>条件 {condition!r} 有误：{problems}</source>
        <translation>condition {condition!r}: {problems}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="426"/>
        <source>{problems}</source>
        <translation>{problems}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="427"/>
        <source>条件必须是字符串</source>
        <translation>a condition must be a string</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="428"/>
        <source>条件过长（超过 {limit} 个字符）</source>
        <translation>condition longer than {limit} characters</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="429"/>
        <source>条件语法错误：{detail}</source>
        <translation>syntax error: {detail}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="430"/>
        <source>条件嵌套过深</source>
        <translation>condition nested too deeply</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="431"/>
        <source>不允许的写法：{name}</source>
        <translation>forbidden syntax: {name}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="432"/>
        <source>没有空值常量：请用 filled(&quot;字段&quot;) 判断是否已填写</source>
        <translation>there is no none literal: use filled(&quot;key&quot;) to test for a value</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="433"/>
        <source>不允许的常量：{value}</source>
        <translation>forbidden literal: {value}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="434"/>
        <source>列表中只能写常量</source>
        <translation>a list may only hold literals</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="435"/>
        <source>不允许的运算</source>
        <translation>forbidden operator (only &apos;not&apos; and a sign on a number)</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="436"/>
        <source>不允许的比较：{name}</source>
        <translation>forbidden comparison: {name}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="437"/>
        <source>applicant 后须跟 .age、.sex、.nation 或 .region</source>
        <translation>&apos;applicant&apos; must be followed by .age, .sex, .nation or .region</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="438"/>
        <source>不允许的名称：{name}</source>
        <translation>forbidden name: {name}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="439"/>
        <source>未知字段：{name}（字段：{known}）</source>
        <translation>unknown field &apos;{name}&apos; (fields: {known})</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="440"/>
        <source>只能取 applicant 或 person 字段的属性</source>
        <translation>attributes are only allowed on &apos;applicant&apos; or a person field</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="441"/>
        <source>applicant 没有属性 {attribute}（可用：{allowed}）</source>
        <translation>applicant has no attribute &apos;{attribute}&apos; (allowed: {allowed})</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="442"/>
        <source>只有 person 类型的字段有属性：{base}.{attribute}（{base} 是 {type}）</source>
        <translation>only person fields have attributes ({base}.{attribute}): &apos;{base}&apos; is {type}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="444"/>
        <source>person 字段没有属性 {attribute}（可用：{allowed}）</source>
        <translation>a person field has no attribute &apos;{attribute}&apos; (allowed: {allowed})</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="445"/>
        <source>不允许调用 {name}（只有 filled、age、days_since）</source>
        <translation>call of &apos;{name}&apos; not allowed (only filled, age, days_since)</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="446"/>
        <source>{function}() 只接受一个字符串形式的字段名，如 {function}(&quot;birth_date&quot;)</source>
        <translation>{function}() takes one field key as a string, e.g. {function}(&quot;birth_date&quot;)</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="448"/>
        <source>{function}() 需要日期字段，{field} 是 {type}</source>
        <translation>{function}() needs a date field; &apos;{field}&apos; is {type}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="449"/>
        <source>{label} 不能用 {operator} 比较大小</source>
        <translation>{label} cannot be ordered with {operator}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="450"/>
        <source>值不能用 {operator} 比较大小</source>
        <translation>value cannot be ordered with {operator}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="451"/>
        <source>不能直接比较 person 字段 {label}，请用 .name、.id_number、.age 或 .sex</source>
        <translation>compare a part of person {label} (.name, .id_number, .age, .sex), not the whole</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="453"/>
        <source>{label} 没有选项 {value}（可选：{choices}）</source>
        <translation>{label}: {value} is not one of its options ({choices})</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="454"/>
        <source>{label} 不能与 {value} 比较（类型为 {kind}）</source>
        <translation>{label} ({kind}) cannot be compared with {value}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="456"/>
        <source>套餐代码重复（{other} 已用）</source>
        <translation>duplicate code: also used by {other}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="457"/>
        <source>未知的键 “{name}”</source>
        <translation>unknown key &apos;{name}&apos;</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="458"/>
        <source>缺少必填的键 “{name}”</source>
        <translation>missing required key &apos;{name}&apos;</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="459"/>
        <source>应为非空文本（现为 {value!r}）</source>
        <translation>must be a non-empty string, not {value!r}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="460"/>
        <source>应为表数组（[[{name}]]）</source>
        <translation>must be an array of tables ([[{name}]])</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="461"/>
        <source>应为表</source>
        <translation>must be a table</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="462"/>
        <source>代码 {value!r} 只能用小写字母、数字和下划线</source>
        <translation>code {value!r} must be snake_case</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="463"/>
        <source>代码 {value!r} 与文件名不一致（{stem}）</source>
        <translation>code {value!r} differs from the file name {stem!r}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="464"/>
        <source>代码 {value!r} 与事项目录中的事项代码重名</source>
        <translation>code {value!r} is also a catalog transaction</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="465"/>
        <source>应为文本</source>
        <translation>must be a string</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="466"/>
        <source>应为文本列表</source>
        <translation>must be a list of strings</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="467"/>
        <source>至少要有一个成员事项</source>
        <translation>a bundle needs at least one member transaction</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="468"/>
        <source>事项目录中没有 “{item}”</source>
        <translation>the catalog has no transaction {item!r}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="469"/>
        <source>成员 “{item}” 重复</source>
        <translation>member {item!r} appears twice</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="470"/>
        <source>应为 true 或 false</source>
        <translation>must be true or false</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="471"/>
        <source>至少要有一个必办成员事项</source>
        <translation>at least one member must not be optional</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="472"/>
        <source>键 {value!r} 只能用小写字母、数字和下划线</source>
        <translation>key {value!r} must be snake_case</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="473"/>
        <source>共用字段 “{value}” 重复</source>
        <translation>shared field {value!r} appears twice</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="474"/>
        <source>应为“事项代码.字段键”的列表</source>
        <translation>must be a list of &apos;transaction.field&apos;</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="475"/>
        <source>“{item}” 不是本套餐的成员事项</source>
        <translation>{item!r} is not a member of this bundle</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="476"/>
        <source>事项 “{item}” 没有字段 “{field}”</source>
        <translation>{item} has no field {field!r}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="477"/>
        <source>字段已由共用字段 “{shared}” 填写</source>
        <translation>already filled by shared field {shared!r}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="478"/>
        <source>字段类型或选项与 “{first}” 不一致</source>
        <translation>type or options differ from {first!r}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="479"/>
        <source>后续事项 “{value}” 重复</source>
        <translation>follow-up {value!r} appears twice</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="481"/>
        <source>年份无效：{value!r}</source>
        <translation>invalid year: {value!r}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="482"/>
        <source>缺少来源（国务院办公厅通知的标题和文号）</source>
        <translation>source missing (title and number of the State Council notice)</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="483"/>
        <source>节日名称为空</source>
        <translation>holiday name is empty</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="484"/>
        <source>{day} 重复列为节假日</source>
        <translation>{day} is listed as a holiday twice</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="485"/>
        <source>没有任何节假日</source>
        <translation>no holidays listed</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="486"/>
        <source>{day} 既是节假日又是调休上班日</source>
        <translation>{day} is both a holiday and a make-up working day</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="487"/>
        <source>{day}（星期{weekday}）不是周末，调休上班日只能是周六或周日</source>
        <translation>{day} ({weekday}) is not a weekend day; make-up working days are Saturdays or Sundays</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="489"/>
        <source>{day} 重复列为调休上班日</source>
        <translation>{day} is listed as a make-up working day twice</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="490"/>
        <source>不是日期：{value!r}</source>
        <translation>not a date: {value!r}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="491"/>
        <source>{day} 不在 {year} 年内</source>
        <translation>{day} is not inside the year {year}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="492"/>
        <source>不是有效日期：{value!r}（应写作 2027-01-01）</source>
        <translation>not a valid date: {value!r} (write it as 2027-01-01)</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="493"/>
        <source>未知的键：{unknown}（允许：{allowed}）</source>
        <translation>unknown key(s): {unknown} (allowed: {allowed})</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="494"/>
        <source>应为 {{ date = ..., name = ... }} 或 {{ from = ..., to = ..., name = ... }}</source>
        <translation>expected {{ date = ..., name = ... }} or {{ from = ..., to = ..., name = ... }}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="496"/>
        <source>缺少节日名称 name</source>
        <translation>name missing</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="497"/>
        <source>需要 date，或者 from 和 to</source>
        <translation>needs date, or both from and to</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="498"/>
        <source>结束日期 {last} 早于开始日期 {first}</source>
        <translation>to ({last}) is before from ({first})</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="499"/>
        <source>{first} 至 {last} 太长，请检查</source>
        <translation>{first} to {last} is implausibly long</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="500"/>
        <source>缺少整数年份 year</source>
        <translation>year missing or not an integer</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="501"/>
        <source>year = {year} 与文件名的年份 {expected} 不一致</source>
        <translation>year = {year} does not match the file name&apos;s year {expected}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="502"/>
        <source>缺少 holidays 列表</source>
        <translation>holidays list missing</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="503"/>
        <source>{day} 已在 {earlier} 中列出</source>
        <translation>{day} is already listed in {earlier}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="504"/>
        <source>workdays 应为日期列表</source>
        <translation>workdays must be a list of dates</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="505"/>
        <source>文件名应为四位年份加 .toml，例如 2027.toml</source>
        <translation>the file name must be the four-digit year plus .toml, e.g. 2027.toml</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="506"/>
        <source>作为 {year} 年传入，但数据是 {holds} 年的</source>
        <translation>passed as {year} but holds {holds}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="507"/>
        <source>{year} 年没有官方节假日数据，按周末推算，可能不准确；请管理员导入 {year} 年的节假日安排（desk holidays import {year}.toml）</source>
        <translation>No official holiday data for {year}: counted with weekends only, the date may be wrong; an administrator should import the {year} schedule (desk holidays import {year}.toml)</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="509"/>
        <source>工作日数应为非负整数：{value!r}</source>
        <translation>the number of working days must be ≥ 0: {value!r}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="510"/>
        <source>到期日超出可计算的日期范围</source>
        <translation>the due date is beyond the last representable date</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="511"/>
        <source>提前提醒天数应 ≥ 0：{value}</source>
        <translation>soon_days must be ≥ 0: {value}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="512"/>
        <source>一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="513"/>
        <source>二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="514"/>
        <source>三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="515"/>
        <source>四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="516"/>
        <source>五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="517"/>
        <source>六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="518"/>
        <source>日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="520"/>
        <source>站点代码无效：{value!r}</source>
        <translation>invalid station code: {value!r}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="521"/>
        <source>签名密钥 {kid} 已过有效期（{date}），请管理员更换密钥（desk keys rotate）。</source>
        <translation>signing key {kid} expired on {date}; rotate it (desk keys rotate)</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="523"/>
        <source>密钥列表文件损坏：{file}（{reason}）</source>
        <translation>the keyring file {file} is unreadable ({reason})</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="524"/>
        <source>没有编号为 {kid} 的密钥。</source>
        <translation>no key {kid}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="525"/>
        <source>本所（{station}）没有可用的证明签名密钥，不能出具带二维码的证明。请系统管理员创建或更换密钥（desk keys create / desk keys rotate）。</source>
        <translation>station {station} has no usable signing key; an administrator must create or rotate one (desk keys create / rotate). Nothing was printed.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="527"/>
        <source>本机没有密钥 {kid} 的私钥，不能签名（只有签发机器持有私钥）。</source>
        <translation>this machine holds no private key for {kid}; only the signing machine does</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="529"/>
        <source>签名密钥文件损坏：{file}</source>
        <translation>signing key unreadable: {file}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="530"/>
        <source>签名密钥不是 Ed25519 密钥</source>
        <translation>signing key is not an Ed25519 key</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="531"/>
        <source>密钥 {kid} 的私钥与密钥列表中的公钥不符。</source>
        <translation>private key {kid} does not match the keyring</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="532"/>
        <source>密钥有效期至少一天。</source>
        <translation>a key must be valid for at least one day</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="533"/>
        <source>站点 {station} 已有在用密钥；要更换请用 desk keys rotate。</source>
        <translation>station {station} already has an active key; use desk keys rotate</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="535"/>
        <source>吊销密钥须说明理由。</source>
        <translation>say why the key is revoked</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="536"/>
        <source>密钥列表文件无法读取：{file}（{reason}）</source>
        <translation>keyring file unreadable: {file} ({reason})</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="537"/>
        <source>签名密钥属于站点 {key_station}，证明的出具单位是 {station}</source>
        <translation>key of station {key_station} cannot sign for station {station}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="539"/>
        <source>证明 {serial} 的签名不是为所印内容作出的，不能打印。</source>
        <translation>the signature given for certificate {serial} was not made for the facts printed on it; it is not printed</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="541"/>
        <source>{serial} 已由补发的 {by} 替代并作废，不能再打印；需要时请打印 {by}。</source>
        <translation>{serial} was replaced by the re-issued {by} and is void; it cannot be printed again. Print {by} if needed.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="543"/>
        <source>请选择补发的证件并填写原证编号。</source>
        <translation>Choose the document to re-issue and enter the original&apos;s number.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="544"/>
        <source>本所签发记录中没有编号为 {number} 的证件，不能补发。请核对原证编号；原证由其他机关签发的，请到签发机关申请。</source>
        <translation>This station has issued no document numbered {number}; it cannot be re-issued. Check the original&apos;s number; a document issued by another authority is re-issued there.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="546"/>
        <source>编号 {number} 是本所签发的{kind}，不是{chosen}。请选择正确的证件。</source>
        <translation>{number} is a {kind} this station issued, not a {chosen}. Choose the right document.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="548"/>
        <source>编号 {number} 的证件已由 {by} 补发替代并作废，不能再次补发；如遗失的是补发后的证件，请填写该证件的编号。</source>
        <translation>Document {number} was replaced by the re-issued {by} and is void; it cannot be re-issued again. If the re-issued document was lost, enter its number.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="550"/>
        <source>编号 {number} 的证件有效期至 {until}，已过期，不能补发。请重新申请准予迁入证明或重新办理迁出。</source>
        <translation>Document {number} was valid until {until} and has expired; it cannot be re-issued. Apply for a new move-in permit or move out again.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="552"/>
        <source>{name} 不是编号 {number} 证件上所列的迁移人员，也不是其申请人，不能申请补发。</source>
        <translation>{name} is neither a person moving on document {number} nor its applicant, and cannot apply for it to be re-issued.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="554"/>
        <source>“{transaction}”不引起公民信息连锁变更。</source>
        <translation>“{transaction}” does not change a person&apos;s basic facts.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="555"/>
        <source>申请 {number} 尚未办结，办结后才产生连锁变更。</source>
        <translation>Case {number} is not completed yet.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="556"/>
        <source>没有“{kind}”这种文书。</source>
        <translation>No document kind &apos;{kind}&apos;.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="557"/>
        <source>申请 {number} 当前为“{state}”，不能出具{paper}。</source>
        <translation>Case {number} is “{state}”: it has no {paper}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="558"/>
        <source>请填写证明用途。</source>
        <translation>Say what the certificate is for.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="559"/>
        <source>没有身份证号为 {id_number} 的户籍记录。</source>
        <translation>No register entry for {id_number}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="560"/>
        <source>户籍登记信息不完整（户主、与户主关系或登记日期缺失），不能自助出具证明，请到窗口办理。</source>
        <translation>The register entry is incomplete (head, relationship or date); please ask at the counter.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="562"/>
        <source>被证明人（{id_number}）在本地没有户籍记录，不能出具户籍证明。</source>
        <translation>No register entry for the person to certify ({id_number}).</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="564"/>
        <source>{name}（{id_number}）的户籍登记信息不完整（户主、与户主关系或登记日期缺失），请先核实更正后再出具户籍证明。</source>
        <translation>{name} ({id_number}): the register entry is incomplete (head, relationship or date); correct it before certifying.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="566"/>
        <source>没有编码为 {station} 的派出所，请先配置本所信息。</source>
        <translation>No station {station} is configured.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="569"/>
        <source>“{column}”列与“{first}”列是同一项，文件只能有其中一列。</source>
        <translation>The columns “{column}” and “{first}” are the same fact; the file may have only one of them.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="571"/>
        <source>文件缺少必需的列：{columns}。</source>
        <translation>The file lacks required columns: {columns}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="572"/>
        <source>本行有 {found} 个字段，表头有 {expected} 个。</source>
        <translation>This line has {found} fields; the header has {expected}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="573"/>
        <source>此项为空。</source>
        <translation>This field is empty.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="574"/>
        <source>不是居民身份证号码：居住证和外国人永久居留身份证的号码不在户籍登记中。</source>
        <translation>Not a resident ID number: residence permits&apos; and foreigners&apos; permanent residence numbers are not in the household register.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="576"/>
        <source>与户主关系“{value}”不在家庭关系代码表（GB/T 4761）中。</source>
        <translation>The relationship to the household head “{value}” is not in the family relationship table (GB/T 4761).</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="578"/>
        <source>“{value}”不是日期（应为 YYYY-MM-DD 或 YYYYMMDD）。</source>
        <translation>“{value}” is not a date (write YYYY-MM-DD or YYYYMMDD).</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="579"/>
        <source>登记日期 {date} 晚于今天。</source>
        <translation>The registration date {date} is after today.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="580"/>
        <source>登记日期 {date} 早于出生日期 {birth}。</source>
        <translation>The registration date {date} is before the date of birth {birth}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="581"/>
        <source>与户主关系为“户主”，户主姓名“{head}”却不是本人姓名“{name}”。</source>
        <translation>The relationship is “household head”, but the head&apos;s name “{head}” is not the person&apos;s own name “{name}”.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="583"/>
        <source>姓名“{name}”与户籍记录中的“{recorded}”不符。</source>
        <translation>The name “{name}” does not match “{recorded}” in the register.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="584"/>
        <source>公民身份号码与第 {first_line} 行重复。</source>
        <translation>This ID number already appears on line {first_line}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="585"/>
        <source>无法读取文件 {file}：{reason}</source>
        <translation>Cannot read the file {file}: {reason}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="586"/>
        <source>文件 {file} 是空的，没有表头行。</source>
        <translation>The file {file} is empty: it has no header row.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="587"/>
        <source>文件 {file} 第 {line} 行不是 {encoding} 编码的文字，请用 --encoding 指明文件的编码（如 gb18030、utf-8）。</source>
        <translation>Line {line} of the file {file} is not text in {encoding}; name the file&apos;s encoding with --encoding (e.g. gb18030, utf-8).</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="589"/>
        <source>不认识的编码“{encoding}”。</source>
        <translation>Unknown encoding “{encoding}”.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="590"/>
        <source>只能导入本所（{own}）的户籍信息，不能导入 {station} 的。</source>
        <translation>You may load the register of your own station ({own}) only, not of {station}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="592"/>
        <source>受理回执</source>
        <translation>acknowledgement of receipt</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="593"/>
        <source>一次性告知书</source>
        <translation>one-time supplement notice</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="594"/>
        <source>不予受理通知书</source>
        <translation>notice of non-acceptance</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="595"/>
        <source>不予许可决定书</source>
        <translation>decision to deny</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="596"/>
        <source>不予登记决定书</source>
        <translation>decision not to register</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="597"/>
        <source>不予办理决定书</source>
        <translation>decision not to handle</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="598"/>
        <source>办结通知书</source>
        <translation>completion notice</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="599"/>
        <source>准予迁入证明</source>
        <translation>move-in permit</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="600"/>
        <source>户口迁移证</source>
        <translation>migration certificate</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="601"/>
        <source>公民信息连锁变更告知单</source>
        <translation>notice of chained changes</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="602"/>
        <source>户籍证明</source>
        <translation>household certificate</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="603"/>
        <source>注销户口证明</source>
        <translation>certificate of deregistration</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="604"/>
        <source>排队号</source>
        <translation>queue ticket</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="606"/>
        <source>未登录，请先登录。</source>
        <translation>Not signed in: sign in first.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="607"/>
        <source>不能查看或办理其他派出所（{station}）的业务。</source>
        <translation>Station {station} is outside your scope.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="608"/>
        <source>这件申请由{station}受理，补交材料请到该所窗口办理，本机不能为它取号。</source>
        <translation>This application is handled by {station}: please bring the missing papers to a window there. This kiosk cannot take a ticket for it.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="610"/>
        <source>不能查看其他派出所（{station}）的业务。</source>
        <translation>Station {station} is outside your scope.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="612"/>
        <source>无法识别的日期“{text}”，请按“年-月-日”输入，如 2026-11-28。</source>
        <translation>Cannot read the date &apos;{text}&apos;: type year-month-day, e.g. 2026-11-28.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="613"/>
        <source>连锁变更规则文件无法读取：{file}（{reason}）</source>
        <translation>Cannot read the chained-change rules {file}: {reason}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="614"/>
        <source>连锁变更规则有误：{problems}</source>
        <translation>The chained-change rules have problems: {problems}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="616"/>
        <source>{feature}需要附加组件 “{extra}”，当前安装中没有。请安装：{command}</source>
        <translation>{feature} needs the &apos;{extra}&apos; extra, which is not installed: {command}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="618"/>
        <source>热敏小票打印机（escpos:串口）</source>
        <translation>A thermal receipt printer (escpos:PORT)</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="619"/>
        <source>城市服务器（desk server）</source>
        <translation>The city server (desk server)</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="620"/>
        <source>PostgreSQL 数据库（postgresql:// 地址）</source>
        <translation>The PostgreSQL database (a postgresql:// URL)</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="622"/>
        <source>请输入证件号码</source>
        <translation>Enter the ID number</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="623"/>
        <source>号码长度为 {length} 位：居民身份证号码应为 18 位（旧证 15 位），请检查是否漏输或多输</source>
        <translation>The number has {length} characters: an ID number has 18 (old cards 15) — check for a missing or extra digit</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="625"/>
        <source>校验码错误：按前17位计算，第18位应为 {expected}，请核对号码是否抄错</source>
        <translation>The check digit is wrong: the 18th character should be {expected} — check for a typo</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="627"/>
        <source>号码长度为 {length} 位：外国人永久居留身份证（2017版）号码应为 15 位（3个字母+12位数字）</source>
        <translation>The number has {length} characters: a 2017 foreign permanent resident ID number has 15 (3 letters + 12 digits)</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="629"/>
        <source>第{position}位是“X”：X 只能是18位号码的最后一位</source>
        <translation>Character {position} is &apos;X&apos;: X can only be the last of 18 characters</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="630"/>
        <source>第{position}位是字母“{char}”：号码只能是数字（最后一位可以是 X），是否把数字输成了字母？</source>
        <translation>Character {position} is the letter &apos;{char}&apos;: the number has digits only (the last may be X) — a digit typed as a letter?</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="632"/>
        <source>第{position}位“{char}”不是数字：号码只能是数字，最后一位可以是 X</source>
        <translation>Character {position} &apos;{char}&apos; is not a digit: the number has digits only, the last may be X</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="633"/>
        <source>前两位“{prefix}”不是任何省、自治区、直辖市的代码，请核对号码开头</source>
        <translation>The first two digits &apos;{prefix}&apos; are not the code of any province — check the start of the number</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="635"/>
        <source>出生日期 {year}年{month}月{day}日 不存在，请核对第{first}-{last}位</source>
        <translation>The birth date {year}-{month}-{day} does not exist — check characters {first}-{last}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="637"/>
        <source>出生日期 {year}年{month}月{day}日 晚于今天，请核对第{first}-{last}位</source>
        <translation>The birth date {year}-{month}-{day} is after today — check characters {first}-{last}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="639"/>
        <source>出生日期 {year}年{month}月{day}日 早于1900年，请核对第{first}-{last}位</source>
        <translation>The birth date {year}-{month}-{day} is before 1900 — check characters {first}-{last}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="641"/>
        <source>以“{province}”开头的只有港澳台居民居住证，其前6位应为 810000、820000 或 830000，请核对号码开头</source>
        <translation>Only residence permits start with &apos;{province}&apos;, and their first six digits are 810000, 820000 or 830000 — check the start of the number</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="643"/>
        <source>第{first}-{last}位“{province}”应为受理地的省级代码（如 11 北京、21 辽宁），请核对</source>
        <translation>Characters {first}-{last} &apos;{province}&apos; should be the accepting province&apos;s code (e.g. 11 Beijing, 21 Liaoning) — please check</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="645"/>
        <source>第4-6位“000”不是国籍代码，请核对</source>
        <translation>Characters 4-6 &apos;000&apos; are not a nationality code — please check</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="646"/>
        <source>校验码错误：按前14位计算，第15位应为 {expected}，请核对号码是否抄错</source>
        <translation>The check digit is wrong: the 15th character should be {expected} — check for a typo</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="648"/>
        <source>这是旧的15位号码：请输入18位号码（换算后为 {number}）</source>
        <translation>This is an old 15-digit number: enter the 18-character one ({number})</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="649"/>
        <source>号码长度为 {length} 位：请输入18位身份证号码</source>
        <translation>The number has {length} characters: enter the 18-character ID number</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="651"/>
        <source>请填写“{label}”。</source>
        <translation>{label} is required.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="652"/>
        <source>{label}：{problem}</source>
        <translation>{label}: {problem}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="653"/>
        <source>{label}{part}：{problem}</source>
        <translation>{label} {part}: {problem}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="654"/>
        <location filename="../../desk/domain/messages.py" line="704"/>
        <source>姓名</source>
        <translation>name</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="655"/>
        <source>身份证号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="656"/>
        <source>身份证号码应为18位（现为{length}位）。</source>
        <translation>An ID number has 18 characters (this one has {length}).</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="657"/>
        <source>身份证号码前17位应为数字，末位为数字或X。</source>
        <translation>An ID number is 17 digits and a digit or X.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="658"/>
        <source>身份证号码中的出生日期无效。</source>
        <translation>The birth date inside the ID number is not a real date.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="659"/>
        <source>身份证号码校验位不正确，请核对。</source>
        <translation>The ID number&apos;s check digit is wrong; please check it.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="660"/>
        <source>应为文字。</source>
        <translation>must be text.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="661"/>
        <source>最多{maximum}个字（现为{length}个）。</source>
        <translation>at most {maximum} characters (this has {length}).</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="662"/>
        <source>不是有效日期。</source>
        <translation>is not a real date.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="663"/>
        <source>日期格式应为 YYYY-MM-DD。</source>
        <translation>a date is written YYYY-MM-DD.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="664"/>
        <source>应为18位身份证号码。</source>
        <translation>must be an 18-character ID number.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="665"/>
        <source>“{value}”不是可选项，请从以下选项中选择：{choices}。</source>
        <translation>{value!r} is not one of the choices ({choices}).</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="666"/>
        <source>应为11位手机号码（1开头）或“区号-号码”形式的固定电话。</source>
        <translation>must be an 11-digit mobile number (starting 13-19) or a landline like 024-12345678.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="667"/>
        <source>应为数字。</source>
        <translation>must be a number.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="668"/>
        <source>应为有效的数字。</source>
        <translation>must be a finite number.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="669"/>
        <source>不能小于{minimum}。</source>
        <translation>must be at least {minimum}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="670"/>
        <source>不能大于{maximum}。</source>
        <translation>must be at most {maximum}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="671"/>
        <source>应选择“是”或“否”。</source>
        <translation>must be yes or no.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="672"/>
        <source>应填写姓名和身份证号码。</source>
        <translation>needs a name and an ID number.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="673"/>
        <source>请填写姓名。</source>
        <translation>the name is missing.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="674"/>
        <source>请填写身份证号码。</source>
        <translation>the ID number is missing.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="675"/>
        <source>与申请人关系应为文字。</source>
        <translation>the relationship must be text.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="677"/>
        <source>该数据库已有 {people} 名人员、{cases} 件申请，且不是演示数据库：不能写入演示数据。</source>
        <translation>This database holds {people} people and {cases} cases and is not a demo database: demo data is refused.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="679"/>
        <source>未知的自助机事件：{action}</source>
        <translation>Unknown kiosk event: {action}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="680"/>
        <source>没有在用的用户“{username}”。</source>
        <translation>No active user &apos;{username}&apos;.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="681"/>
        <source>无法读取照片文件 {path}：{reason}</source>
        <translation>Cannot read the photo file {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="682"/>
        <source>这个命令只能以数据库所有者角色运行（例如 desk --db postgresql://desk_owner@…/库名 db upgrade），服务器角色没有这个权限。</source>
        <translation>This command runs as the database&apos;s owner role only (e.g. desk --db postgresql://desk_owner@…/db db upgrade); the server role has no such right.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="685"/>
        <source>用户名或密码错误。</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="686"/>
        <source>密码错误次数过多，账号已锁定至 {until}。请稍后再试或联系管理员。</source>
        <translation>Too many wrong passwords: the account is locked until {until}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="687"/>
        <source>用户名或密码错误。再错 {left} 次账号将锁定 15 分钟。</source>
        <translation>Wrong user name or password. {left} more wrong tries lock the account for 15 minutes.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="688"/>
        <source>用户名或密码错误。账号已锁定 15 分钟。</source>
        <translation>Wrong user name or password. The account is now locked for 15 minutes.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="690"/>
        <source>{label}不是文字。</source>
        <translation>The {label} is not text.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="691"/>
        <source>{label}含有不可见的控制字符（{character}），请重新输入或重新读卡。</source>
        <translation>The {label} holds an invisible control character ({character}); type it again or re-read the card.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="692"/>
        <source>请填写{label}。</source>
        <translation>Enter the {label}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="693"/>
        <source>{label}过长（{length} 个字符，最多 {most} 个），请核对。</source>
        <translation>The {label} is too long ({length} characters, at most {most}).</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="694"/>
        <source>{label}中不能有字符“{character}”（{code_point}）：只允许汉字（含生僻字）、间隔号和外文字母。</source>
        <translation>The {label} cannot hold “{character}” ({code_point}): only Han characters (rare ones included), the middle dot and Latin letters.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="696"/>
        <source>{label}不能只有标点。</source>
        <translation>The {label} cannot be punctuation only.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="697"/>
        <source>{label}不是日期。</source>
        <translation>The {label} is not a date.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="698"/>
        <source>{label} {date} 不可能成立，请核对。</source>
        <translation>The {label} {date} is not possible; check it.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="699"/>
        <source>证件号码含有非法字符或过长。</source>
        <translation>The ID number holds illegal characters or is too long.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="700"/>
        <source>性别“{sex}”无效。</source>
        <translation>Invalid sex “{sex}”.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="701"/>
        <source>有效期截止日期早于起始日期。</source>
        <translation>The validity ends before it starts.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="702"/>
        <source>证件类型“{card_type}”无效。</source>
        <translation>Invalid card type “{card_type}”.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="703"/>
        <source>电话号码只能包含数字、空格、加号和连字符。</source>
        <translation>A phone number holds digits, spaces, + and - only.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="705"/>
        <source>出生日期</source>
        <translation>birth date</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="706"/>
        <source>有效期起始日期</source>
        <translation>validity start</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="707"/>
        <source>有效期截止日期</source>
        <translation>validity end</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="708"/>
        <source>电话</source>
        <translation>phone</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="709"/>
        <source>民族</source>
        <translation>ethnic group</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="710"/>
        <source>住址</source>
        <translation>address</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="711"/>
        <source>签发机关</source>
        <translation>issuing authority</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="712"/>
        <source>户主姓名</source>
        <translation>head of household</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="713"/>
        <source>与户主关系</source>
        <translation>relationship to the head</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="714"/>
        <source>曾用名</source>
        <translation>former names</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="715"/>
        <source>登记日期</source>
        <translation>registration date</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="718"/>
        <source>操作成功</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="719"/>
        <source>已找到证件</source>
        <translation>card found</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="720"/>
        <source>证件上没有该项内容</source>
        <translation>the card holds no such item</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="721"/>
        <source>读卡器收到的数据校验错误，请重试</source>
        <translation>the reader received corrupted data — try again</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="722"/>
        <source>读卡器收到的数据长度错误，请重试</source>
        <translation>the reader received data of the wrong length — try again</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="723"/>
        <source>读卡器不支持该命令</source>
        <translation>the reader does not accept this command</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="724"/>
        <source>读卡器拒绝该操作（未授权）</source>
        <translation>operation not authorised by the reader</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="725"/>
        <source>读卡器发生未知错误，请重试</source>
        <translation>unrecognised reader error — try again</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="726"/>
        <source>证件认证读卡模块失败，请重新放置证件</source>
        <translation>card authentication of the reader failed — place the card again</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="727"/>
        <source>证件认证失败，请重新放置证件；多次失败请核查证件真伪</source>
        <translation>card authentication failed — place the card again; if it keeps failing, check the card</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="728"/>
        <source>证件信息验证错误，请核查证件</source>
        <translation>card information failed verification — check the card</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="729"/>
        <source>无法识别的证件类型</source>
        <translation>card type not recognised</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="730"/>
        <source>读卡失败，请将证件平放在读卡器上不要移动</source>
        <translation>reading the card failed — keep the card flat on the reader</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="731"/>
        <source>读卡失败（取随机数失败），请重试</source>
        <translation>reading failed (random number) — try again</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="732"/>
        <source>读卡器自检失败，请联系技术人员</source>
        <translation>the reader failed its self-test — call technical support</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="733"/>
        <source>读卡器安全模块未授权，请联系技术人员</source>
        <translation>the reader&apos;s security module is not authorised — call technical support</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="734"/>
        <source>读卡器上没有证件</source>
        <translation>no card on the reader</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="735"/>
        <source>选卡失败，请重新放置证件</source>
        <translation>selecting the card failed — place the card again</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="736"/>
        <source>读卡器返回未知状态码 {status}，请重试</source>
        <translation>the reader returned unknown status {status} — try again</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="737"/>
        <source>读卡器应答过短</source>
        <translation>reader reply too short</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="738"/>
        <source>读卡应答不完整</source>
        <translation>card data reply too short</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="739"/>
        <source>读卡应答长度不一致</source>
        <translation>card data lengths do not add up</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="740"/>
        <source>证件信息读取异常，请重新放置证件{reason:.0}</source>
        <translation>the card&apos;s data looks garbled ({reason}) — place the card again</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="741"/>
        <source>串口 {port} 上的读卡器有应答，但数据校验一直错误（已试波特率 {tried}）：请检查连线、串口线是否过长或受干扰，必要时更换读卡器</source>
        <translation>a reader answers on {port} but its data keeps failing the checksum (tried {tried} baud): check the cable and interference, or replace the reader</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="743"/>
        <source>串口 {port} 上没有读卡器应答（已试波特率 {tried}）</source>
        <translation>no reader answers on {port} (tried {tried} baud)</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="744"/>
        <source>读卡器应答不完整，请将证件放稳后重试</source>
        <translation>incomplete reply from the reader — keep the card still and try again</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="745"/>
        <source>读卡器无响应</source>
        <translation>the reader does not answer</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="746"/>
        <source>读卡器数据校验错误，正在重试</source>
        <translation>reader data failed its checksum — retrying</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="747"/>
        <source>读卡器的应答与命令不符，请取下证件后重新放置</source>
        <translation>the reader&apos;s reply does not match the command — place the card again</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="748"/>
        <source>已停止</source>
        <translation>stopped</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="749"/>
        <source>串口 {port} 未打开</source>
        <translation>port {port} is not open</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="750"/>
        <source>没有权限打开串口 {port}（请把用户加入 dialout 组）</source>
        <translation>no permission to open {port} (add the user to the dialout group)</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="751"/>
        <source>找不到串口 {port}，读卡器可能已拔出</source>
        <translation>port {port} not found — reader unplugged?</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="752"/>
        <source>串口 {port} 已断开：{reason}</source>
        <translation>port {port} disconnected: {reason}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="753"/>
        <source>照片解码器配置无效：{spec!r}（应为 模块:函数）</source>
        <translation>invalid photo decoder {spec!r} (expected module:function)</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="754"/>
        <source>无法加载照片解码器 {spec}：{reason}</source>
        <translation>cannot load photo decoder {spec}: {reason}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="755"/>
        <source>照片解码器 {spec} 不是函数</source>
        <translation>photo decoder {spec} is not callable</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="757"/>
        <source>该账号已停用，不能办理业务。</source>
        <translation>This account is deactivated.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="758"/>
        <source>自助机不能办理窗口业务。</source>
        <translation>A kiosk session cannot take desk actions.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="759"/>
        <source>{role}无权进行此操作（{action}）。</source>
        <translation>The role {role} may not do this ({action}).</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="760"/>
        <source>申请 {number} 不属于本分局辖区的派出所。</source>
        <translation>Case {number} belongs to a station outside your branch.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="761"/>
        <source>申请 {number} 属于其他派出所（{station}），不能办理。</source>
        <translation>Case {number} belongs to another station ({station}).</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="762"/>
        <source>该事项的审批层级为“{approval}”，须由{deciders}审批。</source>
        <translation>A {approval}-level case is decided by: {deciders}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="763"/>
        <source>受理或提交该申请的人不能审批它，请由其他有权人员审批。</source>
        <translation>Whoever accepted or submitted a case may not decide it.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="764"/>
        <source>查询</source>
        <translation>look-ups</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="765"/>
        <source>新建申请</source>
        <translation>opening cases</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="766"/>
        <source>查看事项目录</source>
        <translation>the catalog</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="767"/>
        <source>叫号</source>
        <translation>calling the queue</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="768"/>
        <source>查看日报</source>
        <translation>the daily report</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="769"/>
        <source>自助机业务</source>
        <translation>kiosk business</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="770"/>
        <source>系统管理</source>
        <translation>administration</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="771"/>
        <source>导入户籍信息</source>
        <translation>loading a register extract</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="772"/>
        <source>无人</source>
        <translation>nobody</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="773"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="775"/>
        <source>zh</source>
        <translation>en</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="776"/>
        <source>本终端密码错误次数过多，该账号在本终端锁定至 {until}。可在其他终端登录或联系管理员。</source>
        <translation>Too many wrong passwords on this device: locked here until {until}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="777"/>
        <source>用户名或密码错误。再错 {left} 次将在本终端锁定 15 分钟。</source>
        <translation>Wrong user name or password. {left} more and this device is locked for 15 minutes.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="778"/>
        <source>用户名或密码错误。已在本终端锁定 15 分钟。</source>
        <translation>Wrong user name or password. This device is locked for 15 minutes.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="779"/>
        <source>未登录或登录已失效，请重新登录。</source>
        <translation>Not signed in: sign in first.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="780"/>
        <source>该登录已被注销，请重新登录。</source>
        <translation>This session was ended: sign in again.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="781"/>
        <source>登录凭据与本终端不符，请在本终端重新登录。</source>
        <translation>This session belongs to another device: sign in on this one.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="782"/>
        <source>长时间无操作，登录已过期，请重新登录。</source>
        <translation>The session expired after being idle: sign in again.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="783"/>
        <source>无法连接城市服务器，请检查网络；已填写的内容不会丢失。{kind:.0}</source>
        <translation>The city server cannot be reached; check the network. Nothing typed is lost.{kind:.0}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="784"/>
        <source>无法连接城市服务器，暂时不能登录。请检查网络，稍后再试。{kind:.0}</source>
        <translation>The city server cannot be reached, so no one can sign in now. Check the network and try again shortly.{kind:.0}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="786"/>
        <source>柜台评价器只能记录窗口评价。</source>
        <translation>The counter&apos;s evaluator records desk ratings only.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="788"/>
        <source>审计密钥文件无法读取：{path}（{reason}）。没有它不能写入或核验审计日志。</source>
        <translation>The audit key file {path} is unreadable ({reason}).</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="789"/>
        <source>审计密钥文件内容无效：{path}。</source>
        <translation>The audit key file {path} is invalid.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="790"/>
        <source>审计密钥已存在：{path}，不会覆盖。</source>
        <translation>An audit key already exists at {path}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="791"/>
        <source>锚点文件无法读取：{path}（{reason}）。</source>
        <translation>Cannot read the anchor file {path} ({reason}).</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="792"/>
        <source>月份应写成 YYYY-MM（如 2026-03），而不是“{text}”。</source>
        <translation>A month is written YYYY-MM (e.g. 2026-03), not {text!r}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="793"/>
        <source>没有名为“{branch}”的分局。已有：{known}</source>
        <translation>No branch named {branch!r}. Known: {known}</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="794"/>
        <source>数据库结构版本 {current} 比本程序新（本程序为 {head}）：请安装与数据库相同版本的 Station Desk。</source>
        <translation>The database schema ({current}) is newer than this program ({head}): install the Station Desk release that matches the database.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="796"/>
        <source>数据库结构版本 {current} 落后于本程序（{head}）。程序启动时不会修改共享数据库：请数据库管理员以数据库所有者角色运行 `{command}`，然后再启动。</source>
        <translation>The database schema ({current}) is behind this program ({head}). Programs never migrate a shared database on start: have the database administrator run `{command}` as the owner role, then start again.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="798"/>
        <source>空</source>
        <translation>empty</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="800"/>
        <source>{what}（{length} 个字符，最多 {most} 个）过长，无法排版打印，请核对数据</source>
        <translation>the {what} ({length} characters, at most {most}) is too long to lay out and print; check the data</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="801"/>
        <source>文书内容过长，无法排版打印，请核对数据</source>
        <translation>the document&apos;s content is too long to lay out and print; check the data</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="802"/>
        <source>申请人姓名</source>
        <translation>applicant&apos;s name</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="803"/>
        <source>事项名称</source>
        <translation>transaction name</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="804"/>
        <source>经办人姓名</source>
        <translation>clerk&apos;s name</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="805"/>
        <source>审批层级</source>
        <translation>approval level</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="806"/>
        <source>审批机关说明</source>
        <translation>decided-above note</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="807"/>
        <source>材料名称</source>
        <translation>material name</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="239"/>
        <location filename="../../desk/domain/messages.py" line="340"/>
        <source>核实</source>
        <translation>verification</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="240"/>
        <location filename="../../desk/domain/messages.py" line="341"/>
        <source>整改</source>
        <translation>rectification</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="241"/>
        <location filename="../../desk/domain/messages.py" line="342"/>
        <source>回访</source>
        <translation>call-back</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="242"/>
        <location filename="../../desk/domain/messages.py" line="343"/>
        <source>申诉复核</source>
        <translation>appeal review</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="263"/>
        <source>本自助机没有出具过这份文书。</source>
        <translation>This kiosk did not issue that paper.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="345"/>
        <source>已提交，等待预审</source>
        <translation>submitted, waiting for pre-review</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="346"/>
        <source>预审中</source>
        <translation>under pre-review</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="347"/>
        <source>需补充材料</source>
        <translation>waiting for materials</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="348"/>
        <source>已预约到所</source>
        <translation>visit booked</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="349"/>
        <source>已网上办结</source>
        <translation>decided online</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="350"/>
        <source>已到所受理</source>
        <translation>taken in at the station</translation>
    </message>
</context>
</TS>
