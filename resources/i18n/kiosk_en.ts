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
        <location filename="../../kiosk/screens/cases.py" line="81"/>
        <source>编号 {number}</source>
        <translation>No. {number}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="82"/>
        <source>受理单位：{station}</source>
        <translation>Handled by: {station}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="84"/>
        <source>现在：{state}</source>
        <translation>Now: {state}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="85"/>
        <source>下一步：{step}</source>
        <translation>Next: {step}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="86"/>
        <source>时间：{when}</source>
        <translation>When: {when}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="89"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="91"/>
        <source>还需补交：{items}</source>
        <translation>Still to bring: {items}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="92"/>
        <source>原因：{reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="93"/>
        <source>打印补交清单</source>
        <translation>Print missing-papers list</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="94"/>
        <source>取号补交</source>
        <translation>Number to hand in papers</translation>
    </message>
</context>
<context>
    <name>CasesScreen</name>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="198"/>
        <source>办理进度</source>
        <translation>Case progress</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="200"/>
        <source>我的办件（共 {count} 件）</source>
        <translation>My cases ({count})</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="201"/>
        <source>没有查到您的办件。如果您刚刚申请，请稍后再查，或到窗口咨询。</source>
        <translation>No cases found. If you applied just now, check again later or ask at the counter.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="202"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="203"/>
        <source>评价服务</source>
        <translation>Rate our service</translation>
    </message>
</context>
<context>
    <name>CertificatePreviewScreen</name>
    <message>
        <location filename="../../kiosk/screens/preview.py" line="145"/>
        <source>请核对证明内容，无误后点“打印”</source>
        <translation>Check the certificate, then tap “Print”</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/preview.py" line="146"/>
        <source>预览暂时无法显示。您仍可以直接打印，或返回。</source>
        <translation>The preview cannot be shown just now. You may still print it, or go back.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/preview.py" line="147"/>
        <source>证明上印有二维码，单位可扫码核验真伪；有效期 90 天。</source>
        <translation>The certificate carries a QR code anyone can scan to check it; valid for 90 days.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/preview.py" line="148"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/preview.py" line="149"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
</context>
<context>
    <name>CertificateScreen</name>
    <message>
        <location filename="../../kiosk/screens/certificate.py" line="74"/>
        <source>打印户籍证明</source>
        <translation>Print a certificate</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certificate.py" line="77"/>
        <source>{name}（{id_number}）</source>
        <translation>{name} ({id_number})</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certificate.py" line="78"/>
        <source>为 {who} 出具户籍证明</source>
        <translation>Household certificate for {who}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certificate.py" line="79"/>
        <source>请选择证明的用途：</source>
        <translation>What is the certificate for?</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certificate.py" line="80"/>
        <source>证明上印有二维码，单位可扫码核验真伪；有效期 90 天。</source>
        <translation>The certificate carries a QR code anyone can check; it is valid for 90 days.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certificate.py" line="81"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>GuideScreen</name>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="251"/>
        <source>当场办结</source>
        <translation>Done on the spot</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="251"/>
        <source>{days} 个工作日办结</source>
        <translation>Done in {days} working days</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="149"/>
        <source>办事要带什么：请选择业务</source>
        <translation>What to bring: choose a service</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="150"/>
        <source>打印材料清单</source>
        <translation>Print the checklist</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="151"/>
        <source>看看别的业务</source>
        <translation>Another service</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="152"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="256"/>
        <source>一定要带</source>
        <translation>Always bring</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="256"/>
        <source>有些情况才要带</source>
        <translation>Bring only in some cases</translation>
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
        <location filename="../../kiosk/widgets.py" line="343"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>KioskSays</name>
    <message>
        <location filename="../../kiosk/backend.py" line="49"/>
        <source>您的身份证已过期，不能在自助机办理。请到窗口办理，或先换领身份证。</source>
        <translation>Your ID card has expired. Please go to the counter.</translation>
    </message>
    <message>
        <location filename="../../kiosk/backend.py" line="51"/>
        <source>这张证件无法识别，请到窗口由民警帮您办理。</source>
        <translation>This card cannot be read correctly. A clerk at the counter will help you.</translation>
    </message>
    <message>
        <location filename="../../kiosk/backend.py" line="124"/>
        <source>{name}（{number}）：{state}。</source>
        <translation>{name} ({number}): {state}.</translation>
    </message>
    <message>
        <location filename="../../kiosk/backend.py" line="127"/>
        <source>派出所要求补充材料：请查看网上页面或短信中的告知。</source>
        <translation>The station asked for more materials: see the notice on the web page or the text message.</translation>
    </message>
    <message>
        <location filename="../../kiosk/backend.py" line="130"/>
        <source>预约到所日期：{day}，请携带原件。</source>
        <translation>Your visit: {day}; bring the originals.</translation>
    </message>
    <message>
        <location filename="../../kiosk/backend.py" line="133"/>
        <source>已转为办件 {number}。</source>
        <translation>It became case {number}.</translation>
    </message>
    <message>
        <location filename="../../kiosk/bundle_words.py" line="19"/>
        <source>{name}（{count}项，已办好{done}项）</source>
        <translation>{name} ({done} of {count} done)</translation>
    </message>
    <message>
        <location filename="../../kiosk/bundle_words.py" line="24"/>
        <location filename="../../kiosk/plain_words.py" line="54"/>
        <source>已经办好</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../kiosk/bundle_words.py" line="27"/>
        <source>{name}：{step}</source>
        <translation>{name}: {step}</translation>
    </message>
    <message>
        <location filename="../../kiosk/bundle_words.py" line="29"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../kiosk/bundle_words.py" line="33"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../kiosk/bundle_words.py" line="34"/>
        <source>本所事项已全部办好。还需到其他部门办理：{elsewhere}（见告知单）。</source>
        <translation>Everything here is done; still to do at other offices: {elsewhere} (see the list).</translation>
    </message>
    <message>
        <location filename="../../kiosk/bundle_words.py" line="37"/>
        <location filename="../../kiosk/plain_words.py" line="110"/>
        <source>已经全部办完，无需再做什么。</source>
        <translation>All done; nothing more to do.</translation>
    </message>
    <message>
        <location filename="../../kiosk/flow.py" line="47"/>
        <source>读卡器连接中断。为保护您的信息，本次服务已结束。您可以到窗口办理，或稍后再试。</source>
        <translation>The card reader was disconnected. To protect your details, this visit has ended. Please go to the counter or try again later.</translation>
    </message>
    <message>
        <location filename="../../kiosk/flow.py" line="49"/>
        <source>这是网上申请的二维码。请先在读卡区放置本人身份证，再扫描一次，即可查看办理进度。</source>
        <translation>This is an online application&apos;s code. Place your own ID card on the reader first, then scan it again to see how it stands.</translation>
    </message>
    <message>
        <location filename="../../kiosk/flow.py" line="51"/>
        <source>无法识别这个二维码。请扫描受理回执上的二维码，或到窗口咨询。</source>
        <translation>This code is not recognised. Please scan the code on your receipt, or ask at the counter.</translation>
    </message>
    <message>
        <location filename="../../kiosk/flow.py" line="52"/>
        <source>没有找到</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../../kiosk/flow.py" line="187"/>
        <source>无法使用这张证件</source>
        <translation>This card cannot be used</translation>
    </message>
    <message>
        <location filename="../../kiosk/flow.py" line="193"/>
        <source>正在读取您的信息…</source>
        <translation>Reading your card…</translation>
    </message>
    <message>
        <location filename="../../kiosk/flow.py" line="209"/>
        <location filename="../../kiosk/screenshots.py" line="144"/>
        <source>正在查询您的办件…</source>
        <translation>Looking up your cases…</translation>
    </message>
    <message>
        <location filename="../../kiosk/flow.py" line="231"/>
        <source>正在查询办理进度…</source>
        <translation>Looking up the case…</translation>
    </message>
    <message>
        <location filename="../../kiosk/flow.py" line="240"/>
        <source>无法识别</source>
        <translation>Not recognised</translation>
    </message>
    <message>
        <location filename="../../kiosk/flow.py" line="247"/>
        <source>请先刷身份证</source>
        <translation>Place your ID card first</translation>
    </message>
    <message>
        <location filename="../../kiosk/flow.py" line="251"/>
        <source>正在查询网上申请…</source>
        <translation>Looking up your online application…</translation>
    </message>
    <message>
        <location filename="../../kiosk/flow.py" line="253"/>
        <source>网上申请进度</source>
        <translation>Your online application</translation>
    </message>
    <message>
        <location filename="../../kiosk/flow.py" line="283"/>
        <source>这份户籍证明真实有效。编号 {serial}，{issued}出具。</source>
        <translation>This certificate is genuine: number {serial}, issued {issued}.</translation>
    </message>
    <message>
        <location filename="../../kiosk/flow.py" line="285"/>
        <source>核验通过</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../kiosk/flow.py" line="290"/>
        <source>核验未通过，请到窗口核实</source>
        <translation>Not verified — please ask at the counter</translation>
    </message>
    <message>
        <location filename="../../kiosk/health.py" line="55"/>
        <source>读卡器暂时不能使用。查办件、打印证明请到窗口办理；取号、办事指南、评价照常使用。</source>
        <translation>The card reader is not working just now. Please go to the counter to check a case or print a certificate; tickets, guides and ratings still work.</translation>
    </message>
    <message>
        <location filename="../../kiosk/health.py" line="61"/>
        <source>打印机缺纸，暂时不能打印。请到窗口办理，工作人员会尽快装纸。</source>
        <translation>The printer is out of paper. Please go to the counter; staff will refill it soon.</translation>
    </message>
    <message>
        <location filename="../../kiosk/health.py" line="62"/>
        <source>打印机暂时不能使用，需要打印的业务请到窗口办理。</source>
        <translation>The printer is not available. Please go to the counter for anything printed.</translation>
    </message>
    <message>
        <location filename="../../kiosk/plain_words.py" line="49"/>
        <source>正在登记，还没有受理</source>
        <translation>Being recorded, not yet accepted</translation>
    </message>
    <message>
        <location filename="../../kiosk/plain_words.py" line="50"/>
        <source>已受理，正在办理</source>
        <translation>Accepted and in progress</translation>
    </message>
    <message>
        <location filename="../../kiosk/plain_words.py" line="51"/>
        <source>材料不齐，需要补交</source>
        <translation>Some papers are missing</translation>
    </message>
    <message>
        <location filename="../../kiosk/plain_words.py" line="52"/>
        <source>正在审核</source>
        <translation>Being reviewed</translation>
    </message>
    <message>
        <location filename="../../kiosk/plain_words.py" line="53"/>
        <source>已批准，正在办结</source>
        <translation>Approved, being finished</translation>
    </message>
    <message>
        <location filename="../../kiosk/plain_words.py" line="55"/>
        <source>没有受理</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <location filename="../../kiosk/plain_words.py" line="56"/>
        <source>没有批准</source>
        <translation>Not approved</translation>
    </message>
    <message>
        <location filename="../../kiosk/plain_words.py" line="57"/>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../kiosk/plain_words.py" line="61"/>
        <source>请带身份证到窗口领取《准予迁入证明》。</source>
        <translation>Collect the move-in permit at the counter with your ID card.</translation>
    </message>
    <message>
        <location filename="../../kiosk/plain_words.py" line="62"/>
        <source>请带身份证到窗口领取户籍证明，也可在本机自助打印。</source>
        <translation>Collect the certificate at the counter, or print it here.</translation>
    </message>
    <message>
        <location filename="../../kiosk/plain_words.py" line="64"/>
        <source>请带户口簿到窗口领取或更新户口簿。</source>
        <translation>Bring the household booklet to the counter to collect or update it.</translation>
    </message>
    <message>
        <location filename="../../kiosk/plain_words.py" line="65"/>
        <source>请带身份证到窗口领取注销户口证明。</source>
        <translation>Collect the deregistration certificate at the counter.</translation>
    </message>
    <message>
        <location filename="../../kiosk/plain_words.py" line="93"/>
        <source>请带齐材料到窗口，由民警受理。</source>
        <translation>Bring the papers to the counter to have it accepted.</translation>
    </message>
    <message>
        <location filename="../../kiosk/plain_words.py" line="95"/>
        <source>请带齐下面列出的材料到窗口补交，补齐后即可受理。</source>
        <translation>Bring the papers listed below to the counter; then it can be accepted.</translation>
    </message>
    <message>
        <location filename="../../kiosk/plain_words.py" line="98"/>
        <source>窗口民警正在办理，办好后会通知您。</source>
        <translation>The counter is handling it and will tell you when done.</translation>
    </message>
    <message>
        <location filename="../../kiosk/plain_words.py" line="99"/>
        <source>材料将交领导审核，审核后通知您。</source>
        <translation>It goes to the leader for review; you will be told the result.</translation>
    </message>
    <message>
        <location filename="../../kiosk/plain_words.py" line="102"/>
        <source>分局正在审核，无需您做什么，请等候通知。</source>
        <translation>The branch office is reviewing it; nothing to do but wait.</translation>
    </message>
    <message>
        <location filename="../../kiosk/plain_words.py" line="104"/>
        <source>市公安局正在审核，无需您做什么，请等候通知。</source>
        <translation>The city bureau is reviewing it; nothing to do but wait.</translation>
    </message>
    <message>
        <location filename="../../kiosk/plain_words.py" line="105"/>
        <source>所领导正在审核，无需您做什么，请等候通知。</source>
        <translation>The station leader is reviewing it; nothing to do but wait.</translation>
    </message>
    <message>
        <location filename="../../kiosk/plain_words.py" line="107"/>
        <source>已经批准，窗口办结后通知您。</source>
        <translation>Approved; the counter will finish it and tell you.</translation>
    </message>
    <message>
        <location filename="../../kiosk/plain_words.py" line="112"/>
        <source>原因见下方。如有疑问，请到窗口咨询。</source>
        <translation>See the reason below; ask at the counter if unsure.</translation>
    </message>
    <message>
        <location filename="../../kiosk/plain_words.py" line="114"/>
        <source>原因见下方。不服的，可依法申请行政复议或提起行政诉讼，详见决定书。</source>
        <translation>See the reason below. You may appeal; the decision letter says how.</translation>
    </message>
    <message>
        <location filename="../../kiosk/plain_words.py" line="116"/>
        <source>这件申请已经撤回，无需再办。</source>
        <translation>This application was withdrawn; nothing more to do.</translation>
    </message>
    <message>
        <location filename="../../kiosk/plain_words.py" line="125"/>
        <source>{day}办结</source>
        <translation>finished on {day}</translation>
    </message>
    <message>
        <location filename="../../kiosk/plain_words.py" line="127"/>
        <source>承诺{day}前办结</source>
        <translation>promised by {day}</translation>
    </message>
    <message>
        <location filename="../../kiosk/plain_words.py" line="134"/>
        <source>这件申请由{station}受理，请带齐下面列出的材料到该所窗口补交。</source>
        <translation>This application is handled by {station}: please bring the papers listed below to that station&apos;s counter.</translation>
    </message>
    <message>
        <location filename="../../kiosk/plain_words.py" line="144"/>
        <source>{name} {copies}份</source>
        <translation>{name} ×{copies}</translation>
    </message>
    <message>
        <location filename="../../kiosk/printer.py" line="57"/>
        <source>打印机暂时不能使用，请到窗口办理。</source>
        <translation>The printer is not available; please go to the counter.</translation>
    </message>
    <message>
        <location filename="../../kiosk/printer.py" line="88"/>
        <source>打印失败</source>
        <translation>printing failed</translation>
    </message>
    <message>
        <location filename="../../kiosk/printer.py" line="93"/>
        <source>打印机没有响应</source>
        <translation>the printer does not respond</translation>
    </message>
    <message>
        <location filename="../../kiosk/said.py" line="144"/>
        <source>系统暂时出了点问题，您的信息已清除。请稍后再试，或到窗口办理。</source>
        <translation>Something went wrong; your details have been cleared. Please try again later or go to the counter.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certificate.py" line="20"/>
        <source>入学</source>
        <translation>School enrolment</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certificate.py" line="21"/>
        <source>就业</source>
        <translation>Employment</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certificate.py" line="22"/>
        <source>出国（境）</source>
        <translation>Travel abroad</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certificate.py" line="23"/>
        <source>社保</source>
        <translation>Social insurance</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certificate.py" line="24"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certificate.py" line="106"/>
        <source>正在生成户籍证明，请稍候…</source>
        <translation>Preparing your certificate…</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/preview.py" line="169"/>
        <source>正在打印户籍证明，请稍候…</source>
        <translation>Printing your certificate…</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/preview.py" line="172"/>
        <source>请在出纸口取走您的户籍证明。</source>
        <translation>Please take your certificate from the tray.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="369"/>
        <source>正在打印补交清单，请稍候…</source>
        <translation>Printing the list of missing papers…</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="375"/>
        <source>请在出纸口取走补交清单，带齐清单上的材料到窗口补交。</source>
        <translation>Please take the list from the tray and bring the papers it names to the counter.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="377"/>
        <location filename="../../kiosk/screens/guide.py" line="291"/>
        <location filename="../../kiosk/screens/preview.py" line="173"/>
        <source>打印完成</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="381"/>
        <source>补交清单没有打印出来（{reason}）。还需补交的材料列在办件上，也可到窗口领取。</source>
        <translation>The list could not be printed ({reason}). The case lists the papers still missing; the counter can print it too.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/preview.py" line="177"/>
        <source>户籍证明没有打印出来（{reason}）。请到窗口办理，民警会为您重新出具。</source>
        <translation>The certificate could not be printed ({reason}). Please go to the counter.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="393"/>
        <location filename="../../kiosk/screens/certificate.py" line="114"/>
        <source>请到窗口办理</source>
        <translation>Please go to the counter</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="284"/>
        <source>正在打印材料清单…</source>
        <translation>Printing the checklist…</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="290"/>
        <source>请在出纸口取走材料清单。</source>
        <translation>Please take the checklist from the tray.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="294"/>
        <source>材料清单没有打印出来（{reason}）。可以到窗口领取纸质清单。</source>
        <translation>The checklist could not be printed ({reason}). Ask at the counter.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="22"/>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="23"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="24"/>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="25"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="26"/>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="30"/>
        <source>办得快</source>
        <translation>Quick</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="31"/>
        <source>态度好</source>
        <translation>Friendly</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="32"/>
        <source>指引清楚</source>
        <translation>Clear guidance</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="35"/>
        <source>等候时间太长</source>
        <translation>Waited too long</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="36"/>
        <source>工作人员态度不好</source>
        <translation>Unfriendly staff</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="37"/>
        <source>材料要求没说清楚</source>
        <translation>Unclear about papers</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="38"/>
        <source>办理太慢</source>
        <translation>Too slow</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="39"/>
        <source>自助机不好用</source>
        <translation>Kiosk hard to use</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="40"/>
        <source>其他原因</source>
        <translation>Something else</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="166"/>
        <source>正在提交评价…</source>
        <translation>Sending your rating…</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="170"/>
        <source>感谢您的评价！</source>
        <translation>Thank you for your rating!</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="172"/>
        <source>感谢您的评价。所长会认真核查，并在{day}前回访处理。</source>
        <translation>Thank you. The station head will look into it and follow up by {day}.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="174"/>
        <source>评价已提交</source>
        <translation>Rating sent</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/ticket.py" line="202"/>
        <source>正在出号，请稍候…</source>
        <translation>Taking your number…</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/ticket.py" line="211"/>
        <source>您前面还有 {people} 人，预计等待约 {minutes} 分钟。</source>
        <translation>{people} people ahead of you; about {minutes} minutes.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/ticket.py" line="214"/>
        <source>您前面没有人在等候，窗口很快就会叫您的号。</source>
        <translation>No one is ahead of you; you will be called soon.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/ticket.py" line="215"/>
        <source>您的号码</source>
        <translation>Your number</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/ticket.py" line="218"/>
        <source>{ahead}请取走排队号，留意叫号。</source>
        <translation>{ahead} Take your ticket and listen for your number.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/ticket.py" line="224"/>
        <source>排队号没有打印出来（{reason}）。请记住您的号码，{ahead}</source>
        <translation>The ticket could not be printed ({reason}). Please remember your number. {ahead}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/picker.py" line="25"/>
        <source>落户</source>
        <translation>Settling</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/picker.py" line="26"/>
        <source>迁移</source>
        <translation>Moving</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/picker.py" line="27"/>
        <source>注销</source>
        <translation>Deregistering</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/picker.py" line="28"/>
        <source>变更更正</source>
        <translation>Corrections</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/picker.py" line="29"/>
        <source>户务</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/picker.py" line="30"/>
        <source>证件证明</source>
        <translation>Certificates</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../kiosk/window.py" line="168"/>
        <source>{seconds} 秒后自动退出</source>
        <translation>Ends in {seconds} s</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="184"/>
        <source>户籍自助服务</source>
        <translation>Household registration self-service</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="185"/>
        <source>{station} · 自助服务</source>
        <translation>{station} · Self-service</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="187"/>
        <source>大字模式</source>
        <translation>Large text</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="188"/>
        <source>语音提示</source>
        <translation>Spoken prompts</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="189"/>
        <source>结束服务</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="190"/>
        <source>您还在使用吗？如不操作，将自动退出并清除您的信息。</source>
        <translation>Still there? If nothing happens, the kiosk will finish and clear your details.</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="191"/>
        <source>继续使用</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="192"/>
        <source>需要帮助？请到窗口咨询</source>
        <translation>Need help? Please ask at the counter</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="194"/>
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
        <location filename="../../kiosk/widgets.py" line="394"/>
        <source>第 {page} / {pages} 页</source>
        <translation>Page {page} of {pages}</translation>
    </message>
    <message>
        <location filename="../../kiosk/widgets.py" line="397"/>
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../kiosk/widgets.py" line="398"/>
        <source>下一页</source>
        <translation>Next</translation>
    </message>
</context>
<context>
    <name>RatingScreen</name>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="183"/>
        <source>您要评价哪一件事？</source>
        <translation>Which case would you like to rate?</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="183"/>
        <source>您对这次服务满意吗？</source>
        <translation>How satisfied are you with our service?</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="184"/>
        <source>可以说说原因吗？（可不选）</source>
        <translation>Would you tell us why? (optional)</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="186"/>
        <source>评价的办件：{number}</source>
        <translation>Case rated: {number}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="190"/>
        <source>可以选一项或几项，也可以直接提交。</source>
        <translation>Choose one or more, or just send.</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="191"/>
        <source>提交评价</source>
        <translation>Send rating</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="192"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="210"/>
        <source>不针对具体办件</source>
        <translation>Not about one case</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/rating.py" line="210"/>
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
        <location filename="../../kiosk/screens/ticket.py" line="148"/>
        <source>取排队号：请选择要办理的业务</source>
        <translation>Queue number: choose a service</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/ticket.py" line="132"/>
        <source>您要办理：</source>
        <translation>You chose:</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/ticket.py" line="133"/>
        <source>打印排队号</source>
        <translation>Print my number</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/ticket.py" line="134"/>
        <source>优先办理（老年人、残疾人、军人、孕妇）</source>
        <translation>Priority (elderly, disabled, servicemen, pregnant)</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/ticket.py" line="135"/>
        <source>已选择：窗口将优先叫您的号（到窗口出示证件）</source>
        <translation>Chosen: you will be called first (show proof at the counter)</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/ticket.py" line="136"/>
        <source>未选择（点按选择）</source>
        <translation>Not chosen (tap to choose)</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/ticket.py" line="137"/>
        <source>重新选择</source>
        <translation>Choose again</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/ticket.py" line="138"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/ticket.py" line="139"/>
        <source>不确定办什么？取咨询号</source>
        <translation>Not sure? Take an advice number</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/ticket.py" line="146"/>
        <source>取排队号：请确认办理的业务，然后打印</source>
        <translation>Queue ticket: check your choice, then print</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/ticket.py" line="177"/>
        <source>其他业务或咨询</source>
        <translation>Other business or advice</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/ticket.py" line="183"/>
        <source>{transaction}：补交材料（编号 {number}）</source>
        <translation>{transaction}: hand in missing papers (case {number})</translation>
    </message>
</context>
<context>
    <name>TransactionPicker</name>
    <message>
        <location filename="../../kiosk/screens/picker.py" line="193"/>
        <source>拼音首字母：{letters}</source>
        <translation>Letters: {letters}</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/picker.py" line="194"/>
        <source>（例如 出生登记 输入 CSDJ）</source>
        <translation> (pinyin initials, or words of the English name)</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/picker.py" line="303"/>
        <source>当场办结</source>
        <translation>Done on the spot</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/picker.py" line="304"/>
        <source>{days} 个工作日办结</source>
        <translation>Done in {days} working days</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/picker.py" line="317"/>
        <source>按拼音搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/picker.py" line="318"/>
        <source>按分类查找</source>
        <translation>By category</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/picker.py" line="320"/>
        <source>没有找到，请换个字母试试，或按上面的分类查找。</source>
        <translation>Nothing found. Try other letters, or browse by category.</translation>
    </message>
</context>
</TS>
