<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desk/domain/messages.py" line="41"/>
        <source>当前状态为“{state}”，不能{action}。</source>
        <translation>A case that is “{state}” cannot be given “{action}”.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="42"/>
        <source>{role}无权{action}。</source>
        <translation>The {role} may not give “{action}”.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="43"/>
        <source>{action}必须填写理由。</source>
        <translation>“{action}” needs a reason.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="44"/>
        <source>该事项由窗口当场办结，无需提交审核。</source>
        <translation>This transaction is completed at the window; it needs no review.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="45"/>
        <source>该事项须经审批后方可办结，请先提交审核。</source>
        <translation>This transaction needs approval before it can be completed: submit it for review.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="46"/>
        <source>该事项须由所领导审批。</source>
        <translation>Only a station leader may decide this transaction.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="47"/>
        <source>受理人不能审批自己受理的申请，请由其他领导审批。</source>
        <translation>The person who accepted a case may not decide it; another leader must.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="49"/>
        <source>提交审核的人不能审批同一申请，请由其他领导审批。</source>
        <translation>The person who submitted a case for review may not decide it; another leader must.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="52"/>
        <source>找不到申请 {number}。</source>
        <translation>No case numbered {number}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="53"/>
        <source>申请 {number} 已被其他人修改，您的修改未保存。请重新载入后再操作。</source>
        <translation>Case {number} was changed by someone else; your change was not saved. Reload and try again.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="55"/>
        <source>申请 {number} 当前为“{state}”，表单不能再修改。</source>
        <translation>Case {number} is “{state}”; its form can no longer change.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="56"/>
        <source>材料已齐全，无需补正，请直接受理。</source>
        <translation>Every required material is here: accept the application instead.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="57"/>
        <source>受理与一次性告知需要表单和材料。</source>
        <translation>Accepting or a one-time notice needs the form and the materials.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="58"/>
        <source>只有不予受理才选择程序性理由。</source>
        <translation>Only not accepting takes a procedural ground.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="59"/>
        <source>没有“{ground}”这一不予受理理由（可选：{choices}）。</source>
        <translation>No procedural ground &apos;{ground}&apos; (choose one of: {choices}).</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="60"/>
        <source>事项“{transaction}”没有这些材料：{materials}。</source>
        <translation>The transaction “{transaction}” has no materials {materials}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="61"/>
        <source>这些材料不能由系统核验代替，须收取：{materials}。</source>
        <translation>These materials cannot be checked in the systems instead; collect them: {materials}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="62"/>
        <source>该事项须经审批，不能当场办结；请受理后提交审核。</source>
        <translation>This transaction needs approval and cannot be completed at the window: accept and submit it.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="64"/>
        <source>“{action}”不能在这里办理。</source>
        <translation>“{action}” is not decided here.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="65"/>
        <source>审批需要再次输入密码。</source>
        <translation>Approving or denying asks for the password again.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="66"/>
        <source>事项目录中没有“{code}”。</source>
        <translation>The catalog has no transaction “{code}”.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="68"/>
        <source>没有身份证号为 {id_number} 的人员记录。</source>
        <translation>No citizen with ID number {id_number}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="69"/>
        <source>系统中没有身份证号 {id_number} 的人员，请先刷身份证登记。</source>
        <translation>No citizen with ID number {id_number}: read their ID card first.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="72"/>
        <source>用户名 {username} 已存在。</source>
        <translation>The user name {username} is taken.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="73"/>
        <source>没有用户 {username}。</source>
        <translation>No user {username}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="74"/>
        <source>密码不正确，未执行审批。</source>
        <translation>Wrong password; nothing was approved.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="75"/>
        <source>没有编码为 {station} 的派出所。</source>
        <translation>No station with code {station}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="76"/>
        <source>密码至少 {length} 位。</source>
        <translation>A password needs at least {length} characters.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="77"/>
        <source>该密码过于常见，容易被猜中，请换一个。</source>
        <translation>That password is too common; choose another.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="78"/>
        <source>密码不能包含用户名。</source>
        <translation>A password may not contain the user name.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="79"/>
        <source>未知的终端类型“{kind}”。</source>
        <translation>Unknown session kind “{kind}”.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="80"/>
        <source>终端编号无效（1–64 个字符）。</source>
        <translation>A device id needs 1–64 characters.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="82"/>
        <source>窗口设置无效：编号须为正整数，名称不能为空，号段只能是 {letters}。</source>
        <translation>Invalid window: a positive number, a name, and letters among {letters}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="84"/>
        <source>优先原因只能是：{reasons}。</source>
        <translation>Priority must be one of: {reasons}.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="85"/>
        <source>排队号不能结束为“{state}”。</source>
        <translation>A ticket cannot end as “{state}”.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="86"/>
        <source>本所没有 {number} 号窗口（请先设置窗口：desk counter set）。</source>
        <translation>This station has no window {number} (set it up with desk counter set).</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="88"/>
        <source>没有这张排队号。</source>
        <translation>No such queue ticket.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="89"/>
        <source>{number} 号当前状态为“{state}”，不能这样处理。</source>
        <translation>Ticket {number} is “{state}”; it cannot be handled that way.</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="91"/>
        <source>草稿</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="92"/>
        <source>待补正</source>
        <translation>waiting for materials</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="93"/>
        <source>已受理</source>
        <translation>accepted</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="94"/>
        <location filename="../../desk/domain/messages.py" line="102"/>
        <source>不予受理</source>
        <translation>not accepted</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="95"/>
        <source>审核中</source>
        <translation>under review</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="96"/>
        <source>已批准</source>
        <translation>approved</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="97"/>
        <location filename="../../desk/domain/messages.py" line="105"/>
        <source>不予批准</source>
        <translation>denied</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="98"/>
        <source>已办结</source>
        <translation>completed</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="99"/>
        <source>已撤回</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="100"/>
        <source>受理</source>
        <translation>accept</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="101"/>
        <source>一次性告知补正</source>
        <translation>one-time notice of missing materials</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="103"/>
        <source>提交审核</source>
        <translation>submit for review</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="104"/>
        <source>批准</source>
        <translation>approve</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="106"/>
        <source>办结</source>
        <translation>complete</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="107"/>
        <source>撤回申请</source>
        <translation>withdraw</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="108"/>
        <source>窗口民警</source>
        <translation>clerk</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="109"/>
        <source>所领导</source>
        <translation>station leader</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="110"/>
        <source>管理员（所长）</source>
        <translation>manager</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="111"/>
        <source>系统管理员</source>
        <translation>administrator</translation>
    </message>
    <message>
        <location filename="../../desk/domain/messages.py" line="112"/>
        <source>分局户政</source>
        <translation>branch registry officer</translation>
    </message>
</context>
</TS>
