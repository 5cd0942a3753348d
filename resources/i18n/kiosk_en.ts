<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../../kiosk/screens/attract.py" line="57"/>
        <source>欢迎使用户籍自助服务</source>
        <translation>Welcome to household registration self-service</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/attract.py" line="58"/>
        <source>请将身份证放在读卡区</source>
        <translation>Place your ID card on the reader</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/attract.py" line="59"/>
        <source>查询办理进度 · 打印户籍证明 · 为您的办件评价</source>
        <translation>Check your case · Print a certificate · Rate our service</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/attract.py" line="60"/>
        <source>也可将受理回执上的二维码对准扫描口</source>
        <translation>Or hold the QR code on your receipt to the scanner</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/attract.py" line="61"/>
        <source>不用身份证也可以：</source>
        <translation>Without an ID card you can:</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/attract.py" line="62"/>
        <source>取排队号</source>
        <translation>Take a queue number</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/attract.py" line="62"/>
        <source>到窗口办理业务</source>
        <translation>For service at the counter</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/attract.py" line="63"/>
        <source>办事要带什么</source>
        <translation>What to bring</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/attract.py" line="63"/>
        <source>查看并打印材料清单</source>
        <translation>See and print the checklist</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/attract.py" line="64"/>
        <source>评价服务</source>
        <translation>Rate our service</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/attract.py" line="64"/>
        <source>好差评</source>
        <translation>Good or bad, tell us</translation>
    </message>
</context>
<context>
    <name>CaseCard</name>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="47"/>
        <source>编号 {number}</source>
        <translation>No. {number}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="48"/>
        <source>现在：{state}</source>
        <translation>Now: {state}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="49"/>
        <source>下一步：{step}</source>
        <translation>Next: {step}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="50"/>
        <source>时间：{when}</source>
        <translation>When: {when}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="53"/>
        <source>还需补交：{items}</source>
        <translation>Still to bring: {items}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="54"/>
        <source>原因：{reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
</context>
<context>
    <name>CasesScreen</name>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="116"/>
        <source>办理进度</source>
        <translation>Case progress</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="118"/>
        <source>我的办件（共 {count} 件）</source>
        <translation>My cases ({count})</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="119"/>
        <source>没有查到您的办件。如果您刚刚申请，请稍后再查，或到窗口咨询。</source>
        <translation>No cases found. If you applied just now, check again later or ask at the counter.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="120"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="121"/>
        <source>评价服务</source>
        <translation>Rate our service</translation>
    </message>
</context>
<context>
    <name>CertificateScreen</name>
    <message>
        <location filename="../../kiosk/screens/certificate.py" line="73"/>
        <source>打印户籍证明</source>
        <translation>Print a certificate</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certificate.py" line="74"/>
        <source>为 {who} 出具户籍证明</source>
        <translation>Household certificate for {who}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certificate.py" line="75"/>
        <source>请选择证明的用途：</source>
        <translation>What is the certificate for?</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certificate.py" line="76"/>
        <source>证明上印有二维码，单位可扫码核验真伪；有效期 90 天。</source>
        <translation>The certificate carries a QR code anyone can check; it is valid for 90 days.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certificate.py" line="77"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>GuideScreen</name>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="138"/>
        <source>当场办结</source>
        <translation>Done on the spot</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="138"/>
        <source>{days} 个工作日办结</source>
        <translation>Done in {days} working days</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="142"/>
        <source>办事要带什么：请选择业务</source>
        <translation>What to bring: choose a service</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="143"/>
        <source>打印材料清单</source>
        <translation>Print the checklist</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="144"/>
        <source>看看别的业务</source>
        <translation>Another service</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="145"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="196"/>
        <source>一定要带</source>
        <translation>Always bring</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="196"/>
        <source>有些情况才要带</source>
        <translation>Bring only in some cases</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="201"/>
        <source>，{copies} 份</source>
        <translation>, {copies} copies</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../kiosk/screens/home.py" line="62"/>
        <source>您好，{name}</source>
        <translation>Hello, {name}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/home.py" line="63"/>
        <source>身份证号：{number}</source>
        <translation>ID number: {number}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/home.py" line="64"/>
        <source>我的办件</source>
        <translation>My cases</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/home.py" line="64"/>
        <source>办到哪一步了、还缺什么</source>
        <translation>Where it stands, what is missing</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/home.py" line="65"/>
        <source>打印户籍证明</source>
        <translation>Print a certificate</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/home.py" line="65"/>
        <source>入学、就业、社保等用途</source>
        <translation>School, work, insurance …</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/home.py" line="66"/>
        <source>取排队号</source>
        <translation>Take a queue number</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/home.py" line="66"/>
        <source>到窗口办理业务</source>
        <translation>For service at the counter</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/home.py" line="67"/>
        <source>办事要带什么</source>
        <translation>What to bring</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/home.py" line="67"/>
        <source>查看并打印材料清单</source>
        <translation>See and print the checklist</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/home.py" line="68"/>
        <source>评价服务</source>
        <translation>Rate our service</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/home.py" line="68"/>
        <source>好差评</source>
        <translation>Good or bad, tell us</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../kiosk/widgets.py" line="248"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../kiosk/window.py" line="166"/>
        <source>{seconds} 秒后自动退出</source>
        <translation>Ends in {seconds} s</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="181"/>
        <source>户籍自助服务</source>
        <translation>Household registration self-service</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="182"/>
        <source>{station} · 自助服务</source>
        <translation>{station} · Self-service</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="184"/>
        <source>大字模式</source>
        <translation>Large text</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="185"/>
        <source>语音提示</source>
        <translation>Spoken prompts</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="186"/>
        <source>结束服务</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="187"/>
        <source>您还在使用吗？如不操作，将自动退出并清除您的信息。</source>
        <translation>Still there? If nothing happens, the kiosk will finish and clear your details.</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="188"/>
        <source>继续使用</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="189"/>
        <source>需要帮助？请到窗口咨询</source>
        <translation>Need help? Please ask at the counter</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="191"/>
        <source>，或拨打 {phone}</source>
        <translation> or call {phone}</translation>
    </message>
</context>
<context>
    <name>MessageScreen</name>
    <message>
        <location filename="../../kiosk/screens/message.py" line="79"/>
        <source>好的</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/message.py" line="79"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/message.py" line="90"/>
        <source>{seconds} 秒后自动返回</source>
        <translation>Returns by itself in {seconds} s</translation>
    </message>
</context>
<context>
    <name>Pager</name>
    <message>
        <location filename="../../kiosk/widgets.py" line="293"/>
        <source>第 {page} / {pages} 页</source>
        <translation>Page {page} of {pages}</translation>
    </message>
    <message>
        <location filename="../../kiosk/widgets.py" line="296"/>
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../kiosk/widgets.py" line="297"/>
        <source>下一页</source>
        <translation>Next</translation>
    </message>
</context>
<context>
    <name>RatingScreen</name>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="174"/>
        <source>您要评价哪一件事？</source>
        <translation>Which case would you like to rate?</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="174"/>
        <source>您对这次服务满意吗？</source>
        <translation>How satisfied are you with our service?</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="175"/>
        <source>可以说说原因吗？（可不选）</source>
        <translation>Would you tell us why? (optional)</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="177"/>
        <source>评价的办件：{number}</source>
        <translation>Case rated: {number}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="181"/>
        <source>可以选一项或几项，也可以直接提交。</source>
        <translation>Choose one or more, or just send.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="182"/>
        <source>提交评价</source>
        <translation>Send rating</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="183"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="201"/>
        <source>不针对具体办件</source>
        <translation>Not about one case</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="201"/>
        <source>评价今天的整体服务</source>
        <translation>Rate today&apos;s service as a whole</translation>
    </message>
</context>
<context>
    <name>StaffExitScreen</name>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="86"/>
        <source>工作人员退出</source>
        <translation>Staff exit</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="87"/>
        <source>管理员账号</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="88"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="89"/>
        <source>确认退出自助机</source>
        <translation>Leave the kiosk</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/staff.py" line="90"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TakeCardScreen</name>
    <message>
        <location filename="../../kiosk/screens/message.py" line="167"/>
        <source>请取走您的身份证</source>
        <translation>Please take your ID card</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/message.py" line="168"/>
        <source>您的信息已清除，谢谢使用。</source>
        <translation>Your details have been cleared. Thank you.</translation>
    </message>
</context>
<context>
    <name>TicketScreen</name>
    <message>
        <location filename="../../kiosk/screens/ticket.py" line="85"/>
        <source>取排队号：请选择要办理的业务</source>
        <translation>Queue number: choose a service</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/ticket.py" line="86"/>
        <source>您要办理：</source>
        <translation>You chose:</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/ticket.py" line="87"/>
        <source>打印排队号</source>
        <translation>Print my number</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/ticket.py" line="88"/>
        <source>优先办理（老年人、残疾人、军人、孕妇）</source>
        <translation>Priority (elderly, disabled, servicemen, pregnant)</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/ticket.py" line="89"/>
        <source>重新选择</source>
        <translation>Choose again</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/ticket.py" line="90"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/ticket.py" line="91"/>
        <source>不确定办什么？取咨询号</source>
        <translation>Not sure? Take an advice number</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/ticket.py" line="118"/>
        <source>其他业务或咨询</source>
        <translation>Other business or advice</translation>
    </message>
</context>
<context>
    <name>TransactionPicker</name>
    <message>
        <location filename="../../kiosk/screens/picker.py" line="156"/>
        <source>拼音首字母：{letters}</source>
        <translation>Letters: {letters}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/picker.py" line="157"/>
        <source>（例如 出生登记 输入 CSDJ）</source>
        <translation> (pinyin initials, or words of the English name)</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/picker.py" line="188"/>
        <source>当场办结</source>
        <translation>Done on the spot</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/picker.py" line="189"/>
        <source>{days} 个工作日办结</source>
        <translation>Done in {days} working days</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/picker.py" line="201"/>
        <source>按拼音搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/picker.py" line="202"/>
        <source>按分类查找</source>
        <translation>By category</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/picker.py" line="204"/>
        <source>没有找到，请换个字母试试，或按上面的分类查找。</source>
        <translation>Nothing found. Try other letters, or browse by category.</translation>
    </message>
</context>
</TS>
