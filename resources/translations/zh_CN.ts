<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Actor</name>
    <message>
        <location filename="../../widgets/i18n.py" line="336"/>
        <source>autopilot</source>
        <translation>自动值守</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="337"/>
        <source>system</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="338"/>
        <source>resident</source>
        <translation>居民</translation>
    </message>
</context>
<context>
    <name>AlarmBanner</name>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="234"/>
        <source>{n} more waiting</source>
        <translation>另有 {n} 条待确认</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="253"/>
        <source>{n} alarms within a minute</source>
        <translation>一分钟内 {n} 条报警</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="265"/>
        <source>(repeated {n}×)</source>
        <translation>（重复 {n} 次）</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="296"/>
        <source>Show case</source>
        <translation>查看事件</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="297"/>
        <source>comment (optional)</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="299"/>
        <source>Shelve…</source>
        <translation>搁置…</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="300"/>
        <source>Take the alarm off the banner for a while, with a reason</source>
        <translation>暂时将此报警移出横幅（须填写原因）</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="301"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="261"/>
        <source>{n} messages missing</source>
        <translation>缺失 {n} 条消息</translation>
    </message>
</context>
<context>
    <name>CaseDetailPanel</name>
    <message>
        <location filename="../../widgets/case_detail.py" line="271"/>
        <source>Why reopen this case?</source>
        <translation>重新打开的原因？</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="273"/>
        <source>Why is this not a case?</source>
        <translation>不予受理的原因？</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="320"/>
        <source>Why re-dispatch this case?</source>
        <translation>改派的原因？</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="351"/>
        <source>Pick a person or a department first.</source>
        <translation>请先选择人员或部门。</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="372"/>
        <source>Close without the resident&apos;s feedback: why?</source>
        <translation>未经居民评价即结案，原因？</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="378"/>
        <source>Why escalate this case?</source>
        <translation>上报升级的原因？</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="387"/>
        <source>Why is it a duplicate of {case}?</source>
        <translation>为何与 {case} 重复？</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="402"/>
        <source>Reason required</source>
        <translation>需要填写原因</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="407"/>
        <source>There is no other open case to merge into.</source>
        <translation>没有可合并的其他在办事件。</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="410"/>
        <source>Merge duplicate</source>
        <translation>合并重复事件</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="410"/>
        <source>Duplicate of:</source>
        <translation>重复于：</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="461"/>
        <source>nobody yet</source>
        <translation>尚未派遣</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="463"/>
        <source>ETA {eta} min</source>
        <translation>预计 {eta} 分钟到达</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="467"/>
        <source>escalated {n}×</source>
        <translation>已升级 {n} 次</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="471"/>
        <source>repeated {n}×</source>
        <translation>重复 {n} 次</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="473"/>
        <source>merged into {case}</source>
        <translation>已并入 {case}</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="489"/>
        <source>{left} left</source>
        <translation>剩余 {left}</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="491"/>
        <source>overdue by {late}</source>
        <translation>已超时 {late}</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="565"/>
        <source>no department team free</source>
        <translation>暂无空闲部门力量</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="614"/>
        <source>People by arrival (road)</source>
        <translation>按到达时间排序的人员（按路网）</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="604"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="604"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="604"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="605"/>
        <source>Assignee</source>
        <translation>处置人</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="605"/>
        <source>Owner level</source>
        <translation>责任层级</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="605"/>
        <source>Alarm</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="609"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="609"/>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="609"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="609"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="609"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="610"/>
        <source>Show on map</source>
        <translation>地图定位</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="611"/>
        <location filename="../../widgets/case_detail.py" line="612"/>
        <source>Triage</source>
        <translation>研判</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="613"/>
        <location filename="../../widgets/case_detail.py" line="616"/>
        <source>Dispatch</source>
        <translation>派遣</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="615"/>
        <source>Departments (whistle)</source>
        <translation>部门（吹哨报到）</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="619"/>
        <source>Handling and feedback</source>
        <translation>处置与评价</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="620"/>
        <source>Accepted</source>
        <translation>已接单</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="621"/>
        <source>On scene</source>
        <translation>已到场</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="622"/>
        <source>Resolved</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="623"/>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="624"/>
        <source>Fixed</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="625"/>
        <source>Record feedback</source>
        <translation>记录评价</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="626"/>
        <source>Close</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="627"/>
        <source>Escalate…</source>
        <translation>升级…</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="628"/>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="629"/>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="630"/>
        <source>Reject…</source>
        <translation>不予受理…</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="631"/>
        <source>Select a case in the queue (Enter opens it).</source>
        <translation>在事件队列中选择事件（回车打开）。</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="521"/>
        <source>{item}: {place} · {eta} min · {reason} · {count} on the shelf</source>
        <translation>{item}：{place} · {eta} 分钟 · {reason} · 在库 {count}</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="531"/>
        <source>no place can send one now</source>
        <translation>目前没有可调用的点位</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="617"/>
        <source>Items it needs, nearest by road</source>
        <translation>所需物资（按道路最近）</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="618"/>
        <source>Send item</source>
        <translation>调用物资</translation>
    </message>
</context>
<context>
    <name>CaseQueuePanel</name>
    <message>
        <location filename="../../widgets/case_queue.py" line="64"/>
        <source>Case</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="65"/>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="66"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="67"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="68"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="69"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="70"/>
        <source>Reported</source>
        <translation>上报时间</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="71"/>
        <source>Time left</source>
        <translation>剩余时限</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="72"/>
        <source>Assignee</source>
        <translation>处置人</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="73"/>
        <source>Owner level</source>
        <translation>责任层级</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="77"/>
        <source>respond {left}</source>
        <translation>响应剩 {left}</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="78"/>
        <source>response late {left}</source>
        <translation>响应超时 {left}</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="79"/>
        <source>resolve {left}</source>
        <translation>办结剩 {left}</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="80"/>
        <source>overdue {left}</source>
        <translation>已超时 {left}</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="169"/>
        <source>Resolve by {due}</source>
        <translation>须在 {due} 前办结</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="172"/>
        <source>Respond by {due}</source>
        <translation>须在 {due} 前响应</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="388"/>
        <source>Your account works in community {area}</source>
        <translation>您的账号只负责社区 {area}</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="517"/>
        <source>Export cases</source>
        <translation>导出事件</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="517"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="524"/>
        <source>Not exported: {reason}</source>
        <translation>未导出：{reason}</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="528"/>
        <source>{n} cases exported to {name}</source>
        <translation>已导出 {n} 件事件到 {name}</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="532"/>
        <source>{shown} of {total} cases</source>
        <translation>显示 {shown} / 共 {total} 件</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="539"/>
        <source>Open only</source>
        <translation>仅在办</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="540"/>
        <source>Overdue only</source>
        <translation>仅超时</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="541"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="542"/>
        <source>For programs (ISO 8601 times, codes, minutes)…</source>
        <translation>供程序读取（ISO 8601 时间、代码、分钟数）…</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="543"/>
        <source>As shown (for reading)…</source>
        <translation>按界面显示（供阅读）…</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="545"/>
        <source>All risks</source>
        <translation>全部风险等级</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="546"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="548"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="549"/>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="551"/>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
</context>
<context>
    <name>Debrief</name>
    <message>
        <location filename="../../widgets/debrief.py" line="41"/>
        <source>triage</source>
        <translation>研判</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="42"/>
        <source>dispatch</source>
        <translation>派遣</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="43"/>
        <source>escalate</source>
        <translation>升级</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="46"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="47"/>
        <source>Decision</source>
        <translation>决策</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="48"/>
        <source>Case</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="49"/>
        <source>Trainee did</source>
        <translation>学员处置</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="50"/>
        <source>Record did</source>
        <translation>实际记录</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="51"/>
        <source>Best available</source>
        <translation>当时最佳</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="52"/>
        <source>SLA</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="53"/>
        <source>Choice</source>
        <translation>选择</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="54"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="77"/>
        <source>let pass</source>
        <translation>未处理</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="93"/>
        <source>{m:.0f} min</source>
        <translation>{m:.0f} 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="96"/>
        <source>to {level}</source>
        <translation>升至{level}</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="98"/>
        <source>escalated {n}×</source>
        <translation>升级 {n} 次</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="100"/>
        <source>at {time}</source>
        <translation>于 {time}</translation>
    </message>
</context>
<context>
    <name>DebriefView</name>
    <message>
        <location filename="../../widgets/debrief.py" line="222"/>
        <source>trainer: {name}</source>
        <translation>带教：{name}</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="223"/>
        <source>log: {name}</source>
        <translation>记录文件：{name}</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="235"/>
        <source>Decisions</source>
        <translation>各项决策</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="264"/>
        <source>Could not save {name}: {reason}</source>
        <translation>无法保存 {name}：{reason}</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="267"/>
        <source>Saved {name}</source>
        <translation>已保存 {name}</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="271"/>
        <source>Save debrief as PDF</source>
        <translation>将复盘保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="271"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="276"/>
        <source>Save debrief as PNG</source>
        <translation>将复盘保存为 PNG</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="276"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="281"/>
        <source>Save debrief as CSV</source>
        <translation>将复盘保存为 CSV</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="281"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="293"/>
        <source>Training debrief</source>
        <translation>培训复盘</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="298"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="299"/>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="300"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="302"/>
        <source>Saved under the trainee&apos;s name: {path}</source>
        <translation>已按学员姓名保存：{path}</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="213"/>
        <source>Debrief of {trainee}: {start} – {end}, {n} decisions, score {total}</source>
        <translation>{trainee} 的复盘：{start} – {end}，{n} 项决策，得分 {total}</translation>
    </message>
</context>
<context>
    <name>DeviceHealthPanel</name>
    <message>
        <location filename="../../widgets/device_health.py" line="40"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../widgets/device_health.py" line="41"/>
        <source>low battery</source>
        <translation>电量低</translation>
    </message>
    <message>
        <location filename="../../widgets/device_health.py" line="42"/>
        <source>flapping</source>
        <translation>频繁抖动</translation>
    </message>
    <message>
        <location filename="../../widgets/device_health.py" line="115"/>
        <source>{offline} offline (no report for three intervals) · {battery} low battery (under {limit:.0%}) · {flapping} flapping</source>
        <translation>离线 {offline} 台（连续三个周期未上报）· 电量低 {battery} 台（低于 {limit:.0%}）· 频繁抖动 {flapping} 台</translation>
    </message>
    <message>
        <location filename="../../widgets/device_health.py" line="128"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/device_health.py" line="129"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../widgets/device_health.py" line="129"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/device_health.py" line="129"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../widgets/device_health.py" line="130"/>
        <source>Trouble</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../widgets/device_health.py" line="130"/>
        <source>Last heard</source>
        <translation>最近上报</translation>
    </message>
    <message>
        <location filename="../../widgets/device_health.py" line="130"/>
        <source>Battery</source>
        <translation>电量</translation>
    </message>
</context>
<context>
    <name>Domain</name>
    <message>
        <location filename="../../widgets/i18n.py" line="230"/>
        <source>blue</source>
        <translation>蓝</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="231"/>
        <source>yellow</source>
        <translation>黄</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="232"/>
        <source>red</source>
        <translation>红</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="235"/>
        <location filename="../../widgets/i18n.py" line="321"/>
        <source>reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="236"/>
        <location filename="../../widgets/i18n.py" line="322"/>
        <source>triaged</source>
        <translation>已研判</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="237"/>
        <location filename="../../widgets/i18n.py" line="323"/>
        <location filename="../../widgets/i18n.py" line="377"/>
        <source>dispatched</source>
        <translation>已派遣</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="238"/>
        <location filename="../../widgets/i18n.py" line="324"/>
        <source>accepted</source>
        <translation>已接单</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="239"/>
        <location filename="../../widgets/i18n.py" line="268"/>
        <location filename="../../widgets/i18n.py" line="325"/>
        <location filename="../../widgets/i18n.py" line="378"/>
        <source>on scene</source>
        <translation>已到场</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="240"/>
        <location filename="../../widgets/i18n.py" line="326"/>
        <source>resolved</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="241"/>
        <location filename="../../widgets/i18n.py" line="327"/>
        <source>feedback</source>
        <translation>已评价</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="242"/>
        <location filename="../../widgets/i18n.py" line="328"/>
        <source>closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="243"/>
        <location filename="../../widgets/i18n.py" line="330"/>
        <source>merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="244"/>
        <location filename="../../widgets/i18n.py" line="332"/>
        <source>rejected</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="247"/>
        <source>patrol</source>
        <translation>巡查发现</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="248"/>
        <source>resident</source>
        <translation>群众上报</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="249"/>
        <source>sensor</source>
        <translation>智能感知</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="250"/>
        <source>department referral</source>
        <translation>部门转办</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="253"/>
        <source>grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="254"/>
        <source>community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="255"/>
        <source>street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="258"/>
        <source>grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="259"/>
        <source>micro-grid head</source>
        <translation>微网格长</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="260"/>
        <source>volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="261"/>
        <source>party member</source>
        <translation>下沉党员</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="262"/>
        <source>department team</source>
        <translation>部门力量</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="265"/>
        <source>off duty</source>
        <translation>下班</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="266"/>
        <location filename="../../widgets/i18n.py" line="376"/>
        <source>available</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="267"/>
        <source>en route</source>
        <translation>在途</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="269"/>
        <source>busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="272"/>
        <source>city management</source>
        <translation>城管</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="273"/>
        <source>police</source>
        <translation>公安</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="274"/>
        <source>fire</source>
        <translation>消防</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="275"/>
        <source>civil affairs</source>
        <translation>民政</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="276"/>
        <source>health</source>
        <translation>卫健</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="277"/>
        <source>emergency management</source>
        <translation>应急</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="278"/>
        <source>market regulation</source>
        <translation>市场监管</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="279"/>
        <source>housing</source>
        <translation>住建</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="280"/>
        <source>property management</source>
        <translation>物业</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="283"/>
        <source>own grid</source>
        <translation>本网格</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="284"/>
        <source>own community</source>
        <translation>本社区</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="285"/>
        <location filename="../../widgets/i18n.py" line="381"/>
        <source>nearest</source>
        <translation>最近</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="286"/>
        <source>least loaded</source>
        <translation>任务最少</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="287"/>
        <source>whistle (department)</source>
        <translation>吹哨报到</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="290"/>
        <source>mediation</source>
        <translation>调解</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="291"/>
        <source>fire safety</source>
        <translation>消防</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="292"/>
        <source>first aid</source>
        <translation>急救</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="293"/>
        <source>inspection</source>
        <translation>巡检</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="294"/>
        <source>general</source>
        <translation>通用</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="297"/>
        <source>nearest first</source>
        <translation>最近优先</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="298"/>
        <source>home grid first</source>
        <translation>本网格优先</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="299"/>
        <source>priority, first come first served</source>
        <translation>按风险优先、先到先办</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="300"/>
        <source>least loaded first</source>
        <translation>任务最少优先</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="329"/>
        <source>escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="331"/>
        <source>reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="333"/>
        <source>overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="351"/>
        <source>sensor alarm</source>
        <translation>感知告警</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="352"/>
        <source>red case</source>
        <translation>红色事件</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="353"/>
        <source>overdue case</source>
        <translation>超时事件</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="355"/>
        <source>area overdue rate</source>
        <translation>区域超时率</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="356"/>
        <source>alarm flood</source>
        <translation>报警泛滥</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="460"/>
        <source>{eta} min ({mode})</source>
        <translation>{eta} 分钟（{mode}）</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="469"/>
        <source>has {skill}</source>
        <translation>有{skill}技能</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="470"/>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="471"/>
        <source>{n} open</source>
        <translation>在办 {n} 件</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="342"/>
        <source>smoke detector</source>
        <translation>烟感</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="343"/>
        <source>elderly bracelet</source>
        <translation>老人手环</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="344"/>
        <source>smart water meter</source>
        <translation>智能水表</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="345"/>
        <source>manhole cover</source>
        <translation>井盖</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="346"/>
        <source>camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="347"/>
        <source>parking sensor</source>
        <translation>车位传感器</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="348"/>
        <source>environment sensor</source>
        <translation>环境监测</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="354"/>
        <source>not on scene in time</source>
        <translation>未按时到场</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="357"/>
        <source>possible data loss</source>
        <translation>可能丢失数据</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="358"/>
        <source>low stock</source>
        <translation>库存不足</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="361"/>
        <source>party-mass service centre</source>
        <translation>街道党群服务中心</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="362"/>
        <source>party-mass service station</source>
        <translation>社区党群服务站</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="363"/>
        <source>grid work station</source>
        <translation>网格工作站</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="364"/>
        <source>patrol e-bike</source>
        <translation>巡逻电动车</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="365"/>
        <source>car</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="366"/>
        <source>cache at a station</source>
        <translation>服务站储备点</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="367"/>
        <source>cache at a school</source>
        <translation>学校储备点</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="368"/>
        <source>cache at a market</source>
        <translation>市场储备点</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="369"/>
        <source>cache at a hospital</source>
        <translation>医院储备点</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="370"/>
        <source>cache at an office tower</source>
        <translation>写字楼储备点</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="371"/>
        <source>cache in a park</source>
        <translation>公园储备点</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="372"/>
        <source>cache on a street front</source>
        <translation>沿街储备点</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="373"/>
        <source>cache in a residential block</source>
        <translation>小区储备点</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="382"/>
        <source>nearer ones closed now</source>
        <translation>更近的点位未开放</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="383"/>
        <source>nearer ones out or used up</source>
        <translation>更近的点位已调出或用完</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="384"/>
        <source>next nearest</source>
        <translation>次近</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="388"/>
        <source>stations</source>
        <translation>服务站</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="389"/>
        <source>patrol e-bikes</source>
        <translation>巡逻电动车</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="390"/>
        <source>cars</source>
        <translation>车辆</translation>
    </message>
</context>
<context>
    <name>ExportGate</name>
    <message>
        <location filename="../../widgets/export_gate.py" line="25"/>
        <source>Export refused</source>
        <translation>拒绝导出</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../../widgets/i18n.py" line="631"/>
        <source>{h} h {m:02d} min</source>
        <translation>{h} 小时 {m:02d} 分</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="633"/>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
</context>
<context>
    <name>Kpi</name>
    <message>
        <location filename="../../widgets/i18n.py" line="303"/>
        <source>Cases</source>
        <translation>事件数</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="304"/>
        <source>Open cases</source>
        <translation>在办事件</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="305"/>
        <source>Response time</source>
        <translation>响应时间</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="306"/>
        <source>Response time, 90th percentile</source>
        <translation>响应时间（90分位）</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="307"/>
        <source>Accepted within target</source>
        <translation>按时响应率</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="308"/>
        <source>Resolution time</source>
        <translation>办结时长</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="309"/>
        <source>Closure rate</source>
        <translation>结案率</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="310"/>
        <source>Overdue cases</source>
        <translation>超时事件</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="311"/>
        <source>Overdue rate</source>
        <translation>超时率</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="312"/>
        <source>Mean rating</source>
        <translation>平均评分</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="313"/>
        <source>Satisfaction</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="314"/>
        <source>Proactive discovery</source>
        <translation>主动发现率</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="315"/>
        <source>Source resolution</source>
        <translation>源头化解率</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="316"/>
        <source>Resolved at level</source>
        <translation>分级化解</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="317"/>
        <source>Staff utilisation</source>
        <translation>人员负荷率</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="482"/>
        <source>{m:.0f} min</source>
        <translation>{m:.0f} 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="484"/>
        <source>{h:.1f} h</source>
        <translation>{h:.1f} 小时</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="497"/>
        <source>{h:.0f} h</source>
        <translation>{h:.0f} 小时</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="500"/>
        <source>target ≤ {bound}</source>
        <translation>目标 ≤ {bound}</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="500"/>
        <source>target ≥ {bound}</source>
        <translation>目标 ≥ {bound}</translation>
    </message>
</context>
<context>
    <name>KpiPanel</name>
    <message>
        <location filename="../../widgets/kpi_panel.py" line="401"/>
        <source>Cases per hour: today (bars) and a usual day (line)</source>
        <translation>每小时事件数：今日（柱）与平常日（线）</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_panel.py" line="402"/>
        <source>Response time today (minutes)</source>
        <translation>今日响应时间（分钟）</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_panel.py" line="403"/>
        <source>Overdue open cases by community</source>
        <translation>各社区超时在办事件</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_panel.py" line="404"/>
        <source>No overdue cases</source>
        <translation>当前无超时事件</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../widgets/login_dialog.py" line="58"/>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../widgets/login_dialog.py" line="67"/>
        <source>The account database cannot be read: {reason}</source>
        <translation>无法读取账号数据库：{reason}</translation>
    </message>
    <message>
        <location filename="../../widgets/login_dialog.py" line="74"/>
        <source>Street Cockpit — log in</source>
        <translation>街道驾驶舱 — 登录</translation>
    </message>
    <message>
        <location filename="../../widgets/login_dialog.py" line="75"/>
        <source>Log in to {street}</source>
        <translation>登录 {street}</translation>
    </message>
    <message>
        <location filename="../../widgets/login_dialog.py" line="76"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../widgets/login_dialog.py" line="77"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../widgets/main_window.py" line="308"/>
        <source>demo feed ×{speed:g}</source>
        <translation>演示数据流 ×{speed:g}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="276"/>
        <source>demo account {user}</source>
        <translation>演示账号 {user}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="33"/>
        <source>REPLAY</source>
        <translation>回放</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="33"/>
        <source>TRAINING</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="277"/>
        <source>signed in as {user}</source>
        <translation>当前用户 {user}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="279"/>
        <source>community {area}</source>
        <translation>社区 {area}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="280"/>
        <source>whole street</source>
        <translation>全街道</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="281"/>
        <source>{account} ({role} · {scope})</source>
        <translation>{account}（{role} · {scope}）</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="286"/>
        <source>database unavailable, nothing lost, retrying</source>
        <translation>数据库暂不可用，数据未丢失，正在重试</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="290"/>
        <source>saved to {name}</source>
        <translation>已保存至 {name}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="294"/>
        <source>demo data, not saved</source>
        <translation>演示数据，不保存</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="298"/>
        <source>MQTT connected</source>
        <translation>MQTT 已连接</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="298"/>
        <source>MQTT degraded, reconnecting</source>
        <translation>MQTT 连接降级，正在重连</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="299"/>
        <source>MQTT disconnected</source>
        <translation>MQTT 未连接</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="302"/>
        <source>embedded broker (not durable)</source>
        <translation>内置代理（不持久保存）</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="322"/>
        <source>Refused: {reason}</source>
        <translation>被拒绝：{reason}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="330"/>
        <source>Street Cockpit — {street} — {actor}</source>
        <translation>街道数字孪生驾驶舱 — {street} — {actor}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="350"/>
        <source>Daily report (PDF)…</source>
        <translation>日报（PDF）…</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="351"/>
        <source>Weekly report (PDF)…</source>
        <translation>周报（PDF）…</translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="112"/>
        <source>Case</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="113"/>
        <source>Case queue</source>
        <translation>事件队列</translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="114"/>
        <source>KPIs</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="115"/>
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="117"/>
        <source>Devices</source>
        <translation>设备状态</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="339"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="340"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="341"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="342"/>
        <source>Light (desk)</source>
        <translation>浅色（坐席）</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="343"/>
        <source>Dark (night, wall)</source>
        <translation>深色（夜班、大屏）</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="344"/>
        <source>Wall display</source>
        <translation>大屏模式</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="345"/>
        <source>Sound on red alarms</source>
        <translation>红色报警声音提示</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="346"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="347"/>
        <source>What-if simulation…</source>
        <translation>推演模拟…</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="348"/>
        <source>Training session from this moment…</source>
        <translation>从此刻开始培训…</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="349"/>
        <source>Open a replay (cockpit replay LOG --window) to train on history</source>
        <translation>请先打开回放（cockpit replay LOG --window）再进行历史培训</translation>
    </message>
    <message>
        <location filename="../../widgets/desk.py" line="34"/>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../widgets/desk.py" line="106"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../widgets/desk.py" line="119"/>
        <source>Report not written: {reason}</source>
        <translation>报告未生成：{reason}</translation>
    </message>
    <message>
        <location filename="../../widgets/desk.py" line="122"/>
        <source>Report written to {path}</source>
        <translation>报告已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="121"/>
        <source>Resources</source>
        <translation>资源</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../../widgets/map_panel.py" line="319"/>
        <source>Search grid, case id or staff name</source>
        <translation>搜索网格、事件编号或人员姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="320"/>
        <source>Fit</source>
        <translation>全图</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="322"/>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="323"/>
        <source>Colour by</source>
        <translation>着色依据</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="349"/>
        <source>Legend:</source>
        <translation>图例：</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="347"/>
        <source>{measure}:</source>
        <translation>{measure}：</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="321"/>
        <source>Back to the whole street</source>
        <translation>返回整个街道</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="325"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="325"/>
        <source>General grid</source>
        <translation>一般网格</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="325"/>
        <source>Micro-grid</source>
        <translation>微网格</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="329"/>
        <source>Cases</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="329"/>
        <source>Sensors</source>
        <translation>感知设备</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="330"/>
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="331"/>
        <source>Dedicated grids</source>
        <translation>专属网格</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="336"/>
        <source>Open cases</source>
        <translation>在办事件</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="337"/>
        <source>Overdue cases</source>
        <translation>超时事件</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="338"/>
        <source>Active alarms</source>
        <translation>活动告警</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="339"/>
        <source>Sensors silent or alarming</source>
        <translation>离线或告警设备</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="340"/>
        <source>Available staff</source>
        <translation>空闲人员</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1069"/>
        <source>Dedicated grid: {names}</source>
        <translation>专属网格：{names}</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1082"/>
        <source>{risk} risk</source>
        <translation>{risk}色风险</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1086"/>
        <source>OVERDUE</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1096"/>
        <source>ALARM {alarm}</source>
        <translation>告警 {alarm}</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1098"/>
        <source>silent since {time}</source>
        <translation>自 {time} 起无信号</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1100"/>
        <source>normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1107"/>
        <source>{n} sensors · {silent} silent · {alarming} alarming</source>
        <translation>感知设备 {n} 台 · 离线 {silent} · 报警 {alarming}</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1109"/>
        <source>Drill in to see each sensor</source>
        <translation>放大查看每台设备</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="330"/>
        <source>Resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="341"/>
        <source>Households beyond reach</source>
        <translation>服务范围外住户</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1125"/>
        <source> (low)</source>
        <translation>（不足）</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1131"/>
        <source>Suggested site: {name}</source>
        <translation>建议点位：{name}</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../widgets/i18n.py" line="219"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="220"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="221"/>
        <source>File &amp;name:</source>
        <translation>文件名称(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <location filename="../../widgets/i18n.py" line="222"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <location filename="../../widgets/error_text.py" line="23"/>
        <location filename="../../widgets/error_text.py" line="53"/>
        <source>triage</source>
        <translation>研判</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="24"/>
        <location filename="../../widgets/error_text.py" line="54"/>
        <source>dispatch</source>
        <translation>派遣</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="25"/>
        <source>record an acceptance</source>
        <translation>登记签收</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="26"/>
        <source>record an arrival</source>
        <translation>登记到场</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="27"/>
        <source>resolve</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="28"/>
        <source>record feedback</source>
        <translation>登记评价</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="29"/>
        <source>close</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="30"/>
        <location filename="../../widgets/error_text.py" line="55"/>
        <source>escalate</source>
        <translation>升级</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="31"/>
        <source>merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="32"/>
        <source>reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="33"/>
        <source>reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="34"/>
        <source>handle alarms</source>
        <translation>处理报警</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="35"/>
        <source>see personal data</source>
        <translation>查看个人信息</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="36"/>
        <source>view</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="37"/>
        <source>export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="38"/>
        <source>run simulations</source>
        <translation>运行推演</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="39"/>
        <source>run training</source>
        <translation>组织培训</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="40"/>
        <source>import residents</source>
        <translation>导入居民信息</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="41"/>
        <source>purge personal data</source>
        <translation>清除个人信息</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="42"/>
        <source>manage accounts</source>
        <translation>管理账号</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="43"/>
        <source>verify the audit log</source>
        <translation>核验审计日志</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="46"/>
        <source>operator</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="47"/>
        <source>leader</source>
        <translation>领导</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="48"/>
        <source>trainer</source>
        <translation>培训师</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="49"/>
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="50"/>
        <source>auditor</source>
        <translation>审计员</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="56"/>
        <source>a re-dispatch</source>
        <translation>改派</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="57"/>
        <source>closing without the resident&apos;s feedback</source>
        <translation>未经居民评价结案</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="58"/>
        <source>an escalation</source>
        <translation>升级</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="59"/>
        <source>a merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="60"/>
        <source>reopening</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="61"/>
        <source>rejecting</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="86"/>
        <source>concerns the whole street</source>
        <translation>涉及整个街道</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="87"/>
        <source>is in community {area}</source>
        <translation>位于社区 {area}</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="93"/>
        <source>{role} {user} may act only in community {scope}; {target} {area}</source>
        <translation>{role} {user} 只能处置社区 {scope} 的事务；{target}{area}</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="97"/>
        <source>{role} {user} may not {action}</source>
        <translation>{role} {user} 无权{action}</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="100"/>
        <source>unknown user {user} may not {action}</source>
        <translation>未知用户 {user} 无权{action}</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="103"/>
        <source>to {action} you must be logged in</source>
        <translation>须登录后才能{action}</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="106"/>
        <source>account {user} is disabled</source>
        <translation>账号 {user} 已停用</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="108"/>
        <source>account {user} is locked after {n} failed logins until {until}</source>
        <translation>账号 {user} 连续 {n} 次登录失败，已锁定至 {until}</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="111"/>
        <source>wrong user name or password</source>
        <translation>用户名或密码错误</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="113"/>
        <source>case {case}: cannot {step} a case that is {status}</source>
        <translation>事件 {case}：当前状态为“{status}”，不能进行“{step}”</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="116"/>
        <source>case {case}: {what} needs a reason</source>
        <translation>事件 {case}：{what}须填写原因</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="119"/>
        <source>case {case}: already dispatched to {who}</source>
        <translation>事件 {case}：已派遣给 {who}</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="122"/>
        <source>case {case}: the street already owns it; nothing is above it</source>
        <translation>事件 {case}：已由街道负责，无法再升级</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="125"/>
        <source>case {case}: no such case</source>
        <translation>事件 {case}：不存在</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="127"/>
        <source>case {case}: nobody called {who}</source>
        <translation>事件 {case}：没有名为 {who} 的人员</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="129"/>
        <source>case {case}: a rating is between 1 and 5, not {n}</source>
        <translation>事件 {case}：评分应为 1 至 5，而不是 {n}</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="132"/>
        <source>case {case}: a case cannot be merged into itself</source>
        <translation>事件 {case}：不能合并到自身</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="134"/>
        <source>case {case}: it cannot be merged into {target}</source>
        <translation>事件 {case}：不能合并到 {target}</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="137"/>
        <source>alarm {alarm} is already {state}</source>
        <translation>报警 {alarm} 已{state}</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="138"/>
        <source>acknowledged</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="138"/>
        <source>cleared</source>
        <translation>解除</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="140"/>
        <source>shelving an alarm needs a reason</source>
        <translation>搁置报警须填写原因</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="142"/>
        <source>this window replays history: nothing can be changed here</source>
        <translation>此窗口为历史回放，不能在此处置</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="144"/>
        <source>training: no decision waits; play on to the next case</source>
        <translation>培训：当前无待决策事项，请继续播放至下一事件</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="146"/>
        <source>training: no decision waits</source>
        <translation>培训：当前无待决策事项</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="148"/>
        <source>training: the session waits for the {kind} of case {case}</source>
        <translation>培训：当前应对事件 {case} 进行{kind}</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="151"/>
        <source>training: only the trainee {who} decides here</source>
        <translation>培训：此处只能由学员 {who} 决策</translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="163"/>
        <source>case {id}</source>
        <translation>事件 {id} </translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="163"/>
        <source>alarm {id}</source>
        <translation>报警 {id} </translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="164"/>
        <source>resident {id}</source>
        <translation>居民 {id} </translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <location filename="../../widgets/replay_bar.py" line="151"/>
        <source>{time} · {n} reports · {red} red overdue</source>
        <translation>{time} · 上报 {n} 件 · 红色超时 {red} 件</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="269"/>
        <source>Type a time like 2026-10-05 21:05 or 21:05</source>
        <translation>请输入时间，如 2026-10-05 21:05 或 21:05</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="272"/>
        <source>The log runs from {start} to {end}</source>
        <translation>记录时间范围为 {start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="324"/>
        <location filename="../../widgets/replay_bar.py" line="366"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="324"/>
        <location filename="../../widgets/replay_bar.py" line="366"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="362"/>
        <source>REPLAY</source>
        <translation>回放</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="364"/>
        <location filename="../../widgets/replay_bar.py" line="426"/>
        <source>as fast as possible</source>
        <translation>最快</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="367"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="368"/>
        <source>Next alarm</source>
        <translation>下一告警</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="369"/>
        <source>Next red case</source>
        <translation>下一红色事件</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="370"/>
        <source>Loop</source>
        <translation>循环</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="371"/>
        <source>Loop between the bookmarks around now</source>
        <translation>在当前前后的书签之间循环</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="372"/>
        <source>Bookmark</source>
        <translation>书签</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="373"/>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="374"/>
        <source>jump to 21:05…</source>
        <translation>跳转到 21:05…</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="375"/>
        <source>Reports per hour; red: red cases that went overdue. Click to go there.</source>
        <translation>每小时上报量；红色：超时的红色事件。点击跳转到该时刻。</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="428"/>
        <source>playing</source>
        <translation>播放中</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="429"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../widgets/reports.py" line="50"/>
        <source>overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="51"/>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="52"/>
        <source>The cases reported in the period, judged at {end}.</source>
        <translation>统计本期内上报的事件，截至 {end}。</translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="53"/>
        <source>KPIs against target</source>
        <translation>指标与目标对比</translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="54"/>
        <source>KPI</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="55"/>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="56"/>
        <source>Period before</source>
        <translation>上期</translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="57"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="58"/>
        <source>Cases per hour, overdue in red</source>
        <translation>每小时事件数（红色为超时）</translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="59"/>
        <source>Cases per day, overdue in red</source>
        <translation>每日事件数（红色为超时）</translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="60"/>
        <source>Overdue by community</source>
        <translation>各社区超时情况</translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="61"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="62"/>
        <source>Overdue cases</source>
        <translation>超时事件</translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="63"/>
        <source>Top categories</source>
        <translation>高发类别</translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="64"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="65"/>
        <source>Cases</source>
        <translation>事件数</translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="66"/>
        <source>Red cases</source>
        <translation>红色事件</translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="67"/>
        <source>Case</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="68"/>
        <source>Reported</source>
        <translation>上报时间</translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="69"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="80"/>
        <source>{street} daily report {day}</source>
        <translation>{street}日报 {day}</translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="82"/>
        <source>{street} weekly report {start} – {end}</source>
        <translation>{street}周报 {start} – {end}</translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="93"/>
        <source>met</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="94"/>
        <source>missed</source>
        <translation>未达标</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../widgets/reports.py" line="189"/>
        <source>Daily report</source>
        <translation>日报</translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="189"/>
        <source>Weekly report</source>
        <translation>周报</translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="190"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="190"/>
        <source>Week ending on</source>
        <translation>截止日期</translation>
    </message>
</context>
<context>
    <name>ResidentsPanel</name>
    <message>
        <location filename="../../widgets/residents_panel.py" line="44"/>
        <source>Micro-grid</source>
        <translation>微网格</translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="45"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="46"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="47"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="48"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="49"/>
        <source>Special care</source>
        <translation>重点关爱</translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="52"/>
        <source>elderly living alone</source>
        <translation>独居老人</translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="53"/>
        <source>disabled</source>
        <translation>残障人士</translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="54"/>
        <source>child left behind</source>
        <translation>留守儿童</translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="55"/>
        <source>chronic illness</source>
        <translation>慢性病</translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="56"/>
        <source>mobility impaired</source>
        <translation>行动不便</translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="57"/>
        <source>dementia</source>
        <translation>认知障碍</translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="58"/>
        <source>hypertension</source>
        <translation>高血压</translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="59"/>
        <source>diabetes</source>
        <translation>糖尿病</translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="149"/>
        <source>Log in to see residents.</source>
        <translation>登录后才能查看居民信息。</translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="160"/>
        <source>Shown masked. Seeing a record in clear asks for a reason and is recorded.</source>
        <translation>以脱敏形式显示。查看明文须填写原因，并记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="173"/>
        <source>{n} residents</source>
        <translation>{n} 名居民</translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="188"/>
        <source>Why do you need this resident&apos;s personal data?</source>
        <translation>为什么需要查看该居民的个人信息？</translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="202"/>
        <source>Reason required</source>
        <translation>需要填写原因</translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="206"/>
        <source>Resident (recorded in the audit log)</source>
        <translation>居民信息（已记入审计日志）</translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="210"/>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="229"/>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="235"/>
        <source>Show in clear…</source>
        <translation>查看明文…</translation>
    </message>
</context>
<context>
    <name>ResourcesPanel</name>
    <message>
        <location filename="../../widgets/resources_panel.py" line="211"/>
        <source>Coverage by road</source>
        <translation>按道路计的覆盖率</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="213"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="213"/>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="213"/>
        <source>Households within</source>
        <translation>覆盖住户</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="213"/>
        <source>Share</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="214"/>
        <source>Best new sites</source>
        <translation>最佳新增点位</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="215"/>
        <source>New sites</source>
        <translation>新增点位</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="216"/>
        <source>Suggest sites</source>
        <translation>建议点位</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="217"/>
        <source>Replications</source>
        <translation>重复次数</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="218"/>
        <source>Effect on response (what-if)</source>
        <translation>对响应的影响（推演）</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="219"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="220"/>
        <source>Today</source>
        <translation>现状</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="220"/>
        <source>With the plan</source>
        <translation>按方案</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="220"/>
        <source>Difference</source>
        <translation>差值</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="221"/>
        <source>Vehicles and stock</source>
        <translation>车辆与库存</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="223"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="223"/>
        <source>Item</source>
        <translation>物资</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="223"/>
        <source>On the shelf</source>
        <translation>在库</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="223"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="248"/>
        <source>{minutes:g} min</source>
        <translation>{minutes:g} 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="287"/>
        <source>Households beyond {minutes:g} min of {kind}</source>
        <translation>{kind} {minutes:g} 分钟范围外住户</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="311"/>
        <source>Pick a kind above and ask for the best new sites.</source>
        <translation>在上表选择类别，再求最佳新增点位。</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="315"/>
        <source>{kind} within {minutes:g} min: {before:.1%} → {after:.1%} of households ({covered_before:,} → {covered_after:,} of {households:,}); {status}</source>
        <translation>{kind} {minutes:g} 分钟覆盖：住户 {before:.1%} → {after:.1%}（{covered_before:,} → {covered_after:,}，共 {households:,} 户）；{status}</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="327"/>
        <source>proven best ({seconds:.1f} s)</source>
        <translation>已证明最优（{seconds:.1f} 秒）</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="328"/>
        <source>best found, within {gap:.2%} of the best ({seconds:.1f} s)</source>
        <translation>找到的最好方案，距最优不超过 {gap:.2%}（{seconds:.1f} 秒）</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="345"/>
        <source>The what-if cannot run: {reason}</source>
        <translation>推演无法运行：{reason}</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="349"/>
        <source>Running today&apos;s placement and the plan under one seed…</source>
        <translation>正在以同一随机种子推演现状布局与方案……</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="368"/>
        <source>The what-if was cancelled.</source>
        <translation>推演已取消。</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="375"/>
        <source>The what-if failed: {reason}</source>
        <translation>推演失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="382"/>
        <source>Only a plan of an emergency item changes how fast cases get it.</source>
        <translation>只有应急物资的布局方案会改变事件拿到物资的快慢。</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="388"/>
        <source>{category} about {cases:.0f} cases each</source>
        <translation>{category}每次约 {cases:.0f} 件</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="392"/>
        <source>{replications} replications of four weeks, the very same cases in both (common random numbers): {cases}; mean [95 % interval]</source>
        <translation>各重复 {replications} 次、每次四周，两者事件完全相同（公共随机数）：{cases}；均值 [95% 区间]</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="413"/>
        <source>report → person and {item} there (min)</source>
        <translation>上报→人员与{item}到场（分钟）</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="414"/>
        <source>dispatch → {item} there (min)</source>
        <translation>派遣→{item}到场（分钟）</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="415"/>
        <source>{item} within its standard</source>
        <translation>{item}标准时间内到场</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="430"/>
        <source>{kind}: {free} of {total} free</source>
        <translation>{kind}：空闲 {free}/{total}</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="441"/>
        <source>low</source>
        <translation>不足</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="443"/>
        <source>{count} out on cases</source>
        <translation>{count} 件在事件现场</translation>
    </message>
</context>
<context>
    <name>ScenarioEditorPanel</name>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="52"/>
        <source>Grid workers and department teams</source>
        <translation>网格员与部门力量</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="53"/>
        <source>Everyone on duty</source>
        <translation>全部在岗人员</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="146"/>
        <source>Today: {base}</source>
        <translation>当前：{base}</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="176"/>
        <source>Street (departments)</source>
        <translation>街道（部门）</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="345"/>
        <source>Incident log to fit demand from</source>
        <translation>用于拟合需求的事件日志</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="345"/>
        <source>Incident logs (*.parquet *.csv)</source>
        <translation>事件日志 (*.parquet *.csv)</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="389"/>
        <source>Not valid: {error}</source>
        <translation>无效：{error}</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="404"/>
        <source>Fitted from {file}: {per_day:.1f} cases a day</source>
        <translation>已由 {file} 拟合：每天 {per_day:.1f} 件</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="407"/>
        <source>Category table shares, demo hour-of-day profile</source>
        <translation>按类别表比例与演示日内分布</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="412"/>
        <source>{people} people take cases; {added} added, {removed} removed against today</source>
        <translation>{people} 人接办事件；较当前增加 {added} 人，减少 {removed} 人</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="420"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="421"/>
        <source>Length (days)</source>
        <translation>时长（天）</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="422"/>
        <source>Warm-up (hours)</source>
        <translation>预热（小时）</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="423"/>
        <source>Dispatch policy</source>
        <translation>派遣策略</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="424"/>
        <source>Cases a day</source>
        <translation>每日事件数</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="425"/>
        <source>Who takes cases</source>
        <translation>接办人员</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="426"/>
        <source>Staffing of</source>
        <translation>人员配置：</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="432"/>
        <source>Copy current staffing</source>
        <translation>复制当前人员配置</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="433"/>
        <source>Fit from log…</source>
        <translation>从日志拟合…</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="434"/>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="435"/>
        <source>Start again from the street&apos;s staffing as it is today</source>
        <translation>从街道当前人员配置重新开始</translation>
    </message>
</context>
<context>
    <name>ScenarioResultsPanel</name>
    <message>
        <location filename="../../widgets/scenario_results.py" line="55"/>
        <source>Responded within target</source>
        <translation>按时响应</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="56"/>
        <source>Overdue rate</source>
        <translation>超时率</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="57"/>
        <source>Wait (min)</source>
        <translation>等待（分钟）</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="58"/>
        <source>Response (min)</source>
        <translation>响应（分钟）</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="59"/>
        <source>Resolution (min)</source>
        <translation>办结（分钟）</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="60"/>
        <source>Escalated</source>
        <translation>升级</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="61"/>
        <source>Handled by departments</source>
        <translation>部门处置</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="62"/>
        <source>Utilisation</source>
        <translation>人员利用率</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="63"/>
        <source>Cases per replication</source>
        <translation>每次重复的事件数</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="67"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="68"/>
        <source>red</source>
        <translation>红</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="69"/>
        <source>yellow</source>
        <translation>黄</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="70"/>
        <source>blue</source>
        <translation>蓝</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="208"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="208"/>
        <source>History</source>
        <translation>历史实际</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="208"/>
        <source>Simulated [95 % range]</source>
        <translation>模拟均值 [95 % 范围]</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="209"/>
        <source>Error</source>
        <translation>偏差</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="209"/>
        <source>Reproduced</source>
        <translation>是否重现</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="252"/>
        <source>KPI</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="252"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="390"/>
        <source>no cases</source>
        <translation>无事件</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="395"/>
        <source>Largest increase: {grid} ({value:+.1f} pp); red is worse, blue better</source>
        <translation>增幅最大：{grid}（{value:+.1f} 个百分点）；红色更差，蓝色更好</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="398"/>
        <source>Highest: {grid} ({value:.1f} %)</source>
        <translation>最高：{grid}（{value:.1f} %）</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="400"/>
        <source>No overdue or late cases in any grid</source>
        <translation>各网格均无超时或迟到事件</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="217"/>
        <location filename="../../widgets/scenario_results.py" line="445"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="217"/>
        <location filename="../../widgets/scenario_results.py" line="445"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="456"/>
        <source>The staffing search was cancelled after {runs} staffings; no recommendation.</source>
        <translation>人员配置搜索已取消（已试算 {runs} 种配置），无建议。</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="466"/>
        <source>{label} would fall to {value}</source>
        <translation>再减一人则{label}降至 {value}</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="468"/>
        <source>{shift}: {today} → {recommended} grid workers; binding: {why}</source>
        <translation>{shift}：网格员 {today} → {recommended} 人；起约束作用：{why}</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="472"/>
        <source>{shift}: no staffing up to three times today&apos;s meets every constraint.</source>
        <translation>{shift}：增至当前三倍人数仍不能满足全部约束。</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="476"/>
        <source>Every constraint at the lower (upper) bound of a one-sided {confidence} % interval over {n} replications; {runs} staffings simulated, {years:.1f} street-years.</source>
        <translation>各约束均按 {n} 次重复的单侧 {confidence} % 置信界判定；共试算 {runs} 种配置，模拟 {years:.1f} 街道年。</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="544"/>
        <source>Export comparison to folder</source>
        <translation>导出对比到文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="553"/>
        <source>Comparison</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="553"/>
        <source>Wait and response</source>
        <translation>等待与响应</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="553"/>
        <source>Response target by risk</source>
        <translation>分级响应达标率</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="554"/>
        <source>Utilisation by hour</source>
        <translation>分时利用率</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="554"/>
        <source>Overdue by grid</source>
        <translation>各网格超时</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="554"/>
        <source>Staffing search</source>
        <translation>人员配置</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="555"/>
        <source>Sensitivity</source>
        <translation>敏感性</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="555"/>
        <source>Baseline check</source>
        <translation>基线检查</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="558"/>
        <source>Cases late (no one on scene within target)</source>
        <translation>事件延误（未按时到场）</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="559"/>
        <source>Red cases late</source>
        <translation>红色事件延误</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="560"/>
        <source>Overdue rate (past the resolve deadline)</source>
        <translation>超时率（超过办结时限）</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="253"/>
        <location filename="../../widgets/scenario_results.py" line="563"/>
        <source>{b} − {a}</source>
        <translation>{b} − {a}</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="424"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="440"/>
        <source>Constraint</source>
        <translation>约束</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="440"/>
        <source>Value [one-sided bounds]</source>
        <translation>数值 [单侧置信界]</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="440"/>
        <source>Limit</source>
        <translation>限值</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="440"/>
        <source>Met</source>
        <translation>满足</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="565"/>
        <source>Wait (minutes): share of cases</source>
        <translation>等待时间（分钟）：事件占比</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="566"/>
        <source>Response (minutes): share of cases</source>
        <translation>响应时间（分钟）：事件占比</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="567"/>
        <source>Share responded within target, 95 % interval</source>
        <translation>按时响应占比，95 % 置信区间</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="568"/>
        <source>Busy share of on-duty staff by hour</source>
        <translation>在岗人员分时忙碌占比</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="569"/>
        <source>General grids</source>
        <translation>一般网格</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="570"/>
        <source>Export CSV and PNG…</source>
        <translation>导出 CSV 和 PNG…</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="454"/>
        <source>No staffing search yet.</source>
        <translation>尚未进行人员配置搜索。</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="579"/>
        <source>Mean [95 % interval] over {n} replications. Differences are paired by replication (common random numbers); bold: the interval excludes zero.</source>
        <translation>{n} 次重复的均值 [95 % 置信区间]。差值按重复配对（共同随机数）；粗体：区间不含零。</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="583"/>
        <source>No results yet: run the scenarios.</source>
        <translation>尚无结果：请运行方案。</translation>
    </message>
</context>
<context>
    <name>SensitivityPanel</name>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="24"/>
        <source>Demand (cases per day)</source>
        <translation>需求量（每日事件数）</translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="25"/>
        <source>On-scene work time</source>
        <translation>现场处置时长</translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="26"/>
        <source>Acceptance delay</source>
        <translation>签收时长</translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="27"/>
        <source>Travel time</source>
        <translation>路途时长</translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="28"/>
        <source>Department waiting time</source>
        <translation>部门等待时长</translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="29"/>
        <source>Triage and dispatch delays</source>
        <translation>研判与分拨时长</translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="30"/>
        <source>Grid workers on every shift</source>
        <translation>各班次网格员人数</translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="31"/>
        <source>Reopen probability</source>
        <translation>重开概率</translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="36"/>
        <source>Report to on scene</source>
        <translation>上报至到场</translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="37"/>
        <source>Utilisation of staff on duty</source>
        <translation>在岗人员忙碌率</translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="73"/>
        <source>{v:+.1f} pp</source>
        <translation>{v:+.1f} 个百分点</translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="75"/>
        <source>{v:+.1f} min</source>
        <translation>{v:+.1f} 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="77"/>
        <source>{v:+.2f} h</source>
        <translation>{v:+.2f} 小时</translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="143"/>
        <source>Change from the base ({unit})</source>
        <translation>相对基准的变化（{unit}）</translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="180"/>
        <source>No sensitivity run yet: “Sensitivity ±20 %” moves each input the street only estimates by 20 % either way and shows how far the answer moves.</source>
        <translation>尚未做敏感性分析：“敏感性分析 ±20 %”把街道只能估计的每个输入各上调、下调 20 %，显示结论随之变化多少。</translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="185"/>
        <source>{scenario}: {kpi} is {base} at the base. Bars: the change with each input at −{p:.0f} % and +{p:.0f} %, whiskers its 95 % interval over {n} paired replications.</source>
        <translation>{scenario}：基准下{kpi}为 {base}。条形：每个输入在 −{p:.0f} % 和 +{p:.0f} % 时的变化，须线为 {n} 次配对重复的 95 % 区间。</translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="190"/>
        <source>Largest: {name}, {low} at −{p:.0f} % and {high} at +{p:.0f} %.</source>
        <translation>影响最大：{name}，−{p:.0f} % 时 {low}，+{p:.0f} % 时 {high}。</translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="194"/>
        <source>Cancelled: only the inputs that finished are shown.</source>
        <translation>已取消：只显示已完成的输入。</translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="201"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="204"/>
        <source>input −{p:.0f} %</source>
        <translation>输入 −{p:.0f} %</translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="205"/>
        <source>input +{p:.0f} %</source>
        <translation>输入 +{p:.0f} %</translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="219"/>
        <source>percentage points</source>
        <translation>百分点</translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="221"/>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="223"/>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="225"/>
        <source>rating points</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="226"/>
        <source>cases</source>
        <translation>件</translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="234"/>
        <source>{v:.1f} min</source>
        <translation>{v:.1f} 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="236"/>
        <source>{v:.2f} h</source>
        <translation>{v:.2f} 小时</translation>
    </message>
</context>
<context>
    <name>ShelveDialog</name>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="91"/>
        <source>Shelve alarm</source>
        <translation>搁置报警</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="92"/>
        <source>why (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="98"/>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="93"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="94"/>
        <source>For</source>
        <translation>时长</translation>
    </message>
</context>
<context>
    <name>SimulationView</name>
    <message>
        <location filename="../../widgets/simulation_view.py" line="415"/>
        <source>Searching the fewest grid workers per community and shift…</source>
        <translation>正在搜索各社区各班次最少网格员人数…</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="451"/>
        <source>Incident log of the street</source>
        <translation>街道事件日志</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="452"/>
        <source>Incident logs (*.parquet *.csv)</source>
        <translation>事件日志 (*.parquet *.csv)</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="469"/>
        <source>Cannot read the incident log: {message}</source>
        <translation>无法读取事件日志：{message}</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="476"/>
        <source>Checking the baseline against the history…</source>
        <translation>正在用历史数据检查基线…</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="487"/>
        <source>Baseline check done.</source>
        <translation>基线检查完成。</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="494"/>
        <source>No baseline check yet: use “Check against history…” to see whether the model reproduces the street&apos;s recent history before trusting a what-if.</source>
        <translation>尚未做基线检查：请先用“对照历史检查…”确认模型能重现本街道近期的历史，再采信假设分析结果。</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="502"/>
        <source>Baseline check passed: calibrated on the history before its last {days} days, the model reproduces those days on all {n} indicators.</source>
        <translation>基线检查通过：用最后 {days} 天之前的历史校准后，模型重现了这 {days} 天的全部 {n} 项指标。</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="509"/>
        <source>Warning: the baseline misses the history on {missed} of {n} indicators ({names}): outside the simulated 95 % range and more than 10 % off. Treat the what-if results below with caution.</source>
        <translation>警告：基线有 {missed} 项指标（共 {n} 项）与历史不符（{names}）：超出模拟的 95% 区间且偏差超过 10%。下面的假设分析结果请谨慎对待。</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="527"/>
        <source>Staffing search cancelled.</source>
        <translation>人员配置搜索已取消。</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="531"/>
        <source>Staffing search done: {recommended} grid workers over all shifts instead of {today} ({runs} staffings simulated).</source>
        <translation>人员配置搜索完成：各班次共需网格员 {recommended} 人（当前 {today} 人；试算 {runs} 种配置）。</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="568"/>
        <source>Optimise staffing</source>
        <translation>人员配置优化</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="569"/>
        <source>Fewest grid workers per community and shift that keep every risk class on scene within 2 h and accepted within target in every shift, and every community&apos;s overdue rate, at 95 % confidence</source>
        <translation>在 95 % 置信度下，保证每个班次各风险等级事件 2 小时内到场率和按时签收率、各社区超期率均达标所需的各社区各班次最少网格员人数</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="577"/>
        <source>Check against history…</source>
        <translation>对照历史检查…</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="580"/>
        <source>Calibrate the model on the street&apos;s incident log but its last four weeks, simulate those weeks and compare every indicator</source>
        <translation>用本街道事件日志（最后四周除外）校准模型，模拟这四周并逐项对比指标</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="254"/>
        <source>Today</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="346"/>
        <source>{name} (copy)</source>
        <translation>{name}（副本）</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="396"/>
        <source>Running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="411"/>
        <source>The staffing search needs a street scenario.</source>
        <translation>人员配置搜索需要街道场景。</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="428"/>
        <source>The sensitivity analysis needs a street scenario.</source>
        <translation>敏感性分析需要街道情景。</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="436"/>
        <source>Moving each input by 20 % either way…</source>
        <translation>正在把每个输入各上调、下调 20 %…</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="443"/>
        <source>Cancelled: showing the inputs that finished.</source>
        <translation>已取消：显示已完成的输入。</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="445"/>
        <source>Sensitivity done: {n} inputs, {r} replications each.</source>
        <translation>敏感性分析完成：{n} 个输入，每项 {r} 次重复。</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="546"/>
        <source>Cancelled: showing the replications that finished.</source>
        <translation>已取消：显示已完成的重复。</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="549"/>
        <source>Done in {seconds:.1f} s.</source>
        <translation>用时 {seconds:.1f} 秒完成。</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="554"/>
        <source>The run failed: {message}</source>
        <translation>运行失败：{message}</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="561"/>
        <source>Copy scenario</source>
        <translation>复制方案</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="562"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="563"/>
        <source>Replications</source>
        <translation>重复次数</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="564"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="565"/>
        <source>Processes</source>
        <translation>进程数</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="566"/>
        <source>Start from now</source>
        <translation>从当前状态开始</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="567"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="572"/>
        <source>Sensitivity ±20 %</source>
        <translation>敏感性分析 ±20 %</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="573"/>
        <source>Move each input the street only estimates (demand, work, acceptance, travel, department waiting, triage and dispatch, grid workers, reopening) by 20 % either way and show how far the answer moves</source>
        <translation>把街道只能估计的每个输入（需求量、处置、签收、路途、部门等待、研判与分拨、网格员人数、重开）各上调、下调 20 %，显示结论随之变化多少</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="576"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="578"/>
        <source>Incident log file…</source>
        <translation>事件日志文件…</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="579"/>
        <source>The demo street&apos;s last year</source>
        <translation>演示街道近一年历史</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="583"/>
        <source>What-if simulation</source>
        <translation>推演模拟</translation>
    </message>
</context>
<context>
    <name>StaffBoardPanel</name>
    <message>
        <location filename="../../widgets/staff_board.py" line="41"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/staff_board.py" line="42"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../widgets/staff_board.py" line="43"/>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../widgets/staff_board.py" line="44"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/staff_board.py" line="45"/>
        <source>Open cases</source>
        <translation>任务数</translation>
    </message>
    <message>
        <location filename="../../widgets/staff_board.py" line="46"/>
        <source>Working on</source>
        <translation>在办事件</translation>
    </message>
    <message>
        <location filename="../../widgets/staff_board.py" line="47"/>
        <source>Last seen</source>
        <translation>最近上报</translation>
    </message>
    <message>
        <location filename="../../widgets/staff_board.py" line="260"/>
        <source>{shown} shown · {on} on duty · {free} available</source>
        <translation>显示 {shown} 人 · 在岗 {on} · 空闲 {free}</translation>
    </message>
    <message>
        <location filename="../../widgets/staff_board.py" line="265"/>
        <source>On duty only</source>
        <translation>仅在岗</translation>
    </message>
    <message>
        <location filename="../../widgets/staff_board.py" line="267"/>
        <source>All roles</source>
        <translation>全部角色</translation>
    </message>
    <message>
        <location filename="../../widgets/staff_board.py" line="268"/>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <location filename="../../widgets/training_desk.py" line="93"/>
        <source>From the moment shown ({hours:g} h)</source>
        <translation>从当前时刻起（{hours:g} 小时）</translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="98"/>
        <source>Bookmark {start} – {end}</source>
        <translation>书签 {start} – {end}</translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="103"/>
        <source>Worst night {start} – {end}: {n} red cases overdue</source>
        <translation>最差夜间 {start} – {end}：{n} 件红色事件超时</translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="169"/>
        <source>Enter the trainee&apos;s name.</source>
        <translation>请输入学员姓名。</translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="172"/>
        <source>The window must end after it starts.</source>
        <translation>结束时间须晚于开始时间。</translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="188"/>
        <source>Incident log to train on</source>
        <translation>用于培训的事件记录</translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="189"/>
        <source>Incident logs (*.parquet *.csv)</source>
        <translation>事件记录 (*.parquet *.csv)</translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="225"/>
        <source>Training session</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="226"/>
        <source>Trainee</source>
        <translation>学员</translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="227"/>
        <source>Incident log</source>
        <translation>事件记录</translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="228"/>
        <source>Another log…</source>
        <translation>其他记录…</translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="229"/>
        <source>Window</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="230"/>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="231"/>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="232"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../../widgets/training_panel.py" line="189"/>
        <source>SLA {sla:.0f}</source>
        <translation>时限 {sla:.0f}</translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="190"/>
        <source>choice {choice:.0f}</source>
        <translation>选择 {choice:.0f}</translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="191"/>
        <source>{kind} {case}: score {score:.0f} ({parts}) · record: {recorded} · best: {best}</source>
        <translation>{kind} {case}：得分 {score:.0f}（{parts}）· 实际记录：{recorded} · 当时最佳：{best}</translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="193"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="201"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="201"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="204"/>
        <source>{n} decisions · {cases} cases in the window · mean score {mean}</source>
        <translation>已决策 {n} 项 · 时段内 {cases} 件事件 · 平均得分 {mean}</translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="208"/>
        <source>Training finished: the debrief is open.</source>
        <translation>培训结束，复盘已打开。</translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="212"/>
        <source>Playing the record ×{speed:g}</source>
        <translation>按记录播放 ×{speed:g}</translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="213"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="215"/>
        <source>The record plays until the next case needs your decision.</source>
        <translation>记录将播放到下一件需要您决策的事件。</translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="222"/>
        <source>{time} · your decision: {kind} {case} · {what}</source>
        <translation>{time} · 请决策：{kind} {case} · {what}</translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="226"/>
        <source>Triage in the case panel: category, risk level and owner level, then Triage.</source>
        <translation>请在事件面板研判：选择类别、风险等级和责任层级，然后点击“研判”。</translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="227"/>
        <source>Dispatch in the case panel: pick a person (ranked by arrival by road) or a department, then Dispatch.</source>
        <translation>请在事件面板派遣：选择人员（按路网到达时间排序）或部门，然后点击“派遣”。</translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="229"/>
        <source>The case passed its deadline: escalate it in the case panel (Escalate…) or let it pass.</source>
        <translation>该事件已超过办结时限：请在事件面板点击“升级…”，或选择不处理。</translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="237"/>
        <source>Next decision</source>
        <translation>下一项决策</translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="238"/>
        <source>Let it pass</source>
        <translation>不处理</translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="239"/>
        <source>End training</source>
        <translation>结束培训</translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="240"/>
        <source>Playback speed</source>
        <translation>播放速度</translation>
    </message>
</context>
<context>
    <name>WallDisplay</name>
    <message>
        <location filename="../../widgets/wall.py" line="29"/>
        <source>Street map</source>
        <translation>街道地图</translation>
    </message>
    <message>
        <location filename="../../widgets/wall.py" line="30"/>
        <source>Today&apos;s KPIs</source>
        <translation>今日指标</translation>
    </message>
    <message>
        <location filename="../../widgets/wall.py" line="31"/>
        <source>Open cases</source>
        <translation>在办事件</translation>
    </message>
    <message>
        <location filename="../../widgets/wall.py" line="32"/>
        <source>Staff on shift</source>
        <translation>在岗人员</translation>
    </message>
    <message>
        <location filename="../../widgets/wall.py" line="183"/>
        <source>Rotation paused: alarm</source>
        <translation>轮播暂停：告警</translation>
    </message>
    <message>
        <location filename="../../widgets/wall.py" line="205"/>
        <source>Street Cockpit — wall display</source>
        <translation>街道数字孪生驾驶舱 — 大屏</translation>
    </message>
    <message>
        <location filename="../../widgets/wall.py" line="33"/>
        <source>Resources and coverage</source>
        <translation>资源与覆盖</translation>
    </message>
</context>
</TS>
