<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AlarmBanner</name>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="124"/>
        <source>{n} more waiting</source>
        <translation>另有 {n} 条待确认</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="144"/>
        <source>{n} messages missing</source>
        <translation>缺失 {n} 条消息</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="148"/>
        <source>(repeated {n}×)</source>
        <translation>（重复 {n} 次）</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="179"/>
        <source>Show case</source>
        <translation>查看事件</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="180"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
</context>
<context>
    <name>CaseDetailPanel</name>
    <message>
        <location filename="../../widgets/case_detail.py" line="227"/>
        <source>Why reopen this case?</source>
        <translation>重新打开的原因？</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="229"/>
        <source>Why is this not a case?</source>
        <translation>不予受理的原因？</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="270"/>
        <source>Why re-dispatch this case?</source>
        <translation>改派的原因？</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="301"/>
        <source>Pick a person or a department first.</source>
        <translation>请先选择人员或部门。</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="322"/>
        <source>Close without the resident&apos;s feedback: why?</source>
        <translation>未经居民评价即结案，原因？</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="328"/>
        <source>Why escalate this case?</source>
        <translation>上报升级的原因？</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="337"/>
        <source>Why is it a duplicate of {case}?</source>
        <translation>为何与 {case} 重复？</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="352"/>
        <source>Reason required</source>
        <translation>需要填写原因</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="357"/>
        <source>There is no other open case to merge into.</source>
        <translation>没有可合并的其他在办事件。</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="360"/>
        <source>Merge duplicate</source>
        <translation>合并重复事件</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="360"/>
        <source>Duplicate of:</source>
        <translation>重复于：</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="411"/>
        <source>nobody yet</source>
        <translation>尚未派遣</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="413"/>
        <source>ETA {eta} min</source>
        <translation>预计 {eta} 分钟到达</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="417"/>
        <source>escalated {n}×</source>
        <translation>已升级 {n} 次</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="421"/>
        <source>repeated {n}×</source>
        <translation>重复 {n} 次</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="423"/>
        <source>merged into {case}</source>
        <translation>已并入 {case}</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="439"/>
        <source>{left} left</source>
        <translation>剩余 {left}</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="441"/>
        <source>overdue by {late}</source>
        <translation>已超时 {late}</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="471"/>
        <source>{item}: {place} · {eta} min · {reason} · {count} on the shelf</source>
        <translation>{item}：{place} · {eta} 分钟 · {reason} · 在库 {count}</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="481"/>
        <source>no place can send one now</source>
        <translation>目前没有可调用的点位</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="513"/>
        <source>no department team free</source>
        <translation>暂无空闲部门力量</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="530"/>
        <source>{kind} {name} {distance} m · {eta} min · {reason}</source>
        <translation>{kind} {name} {distance} m · {eta} 分钟 · {reason}</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="534"/>
        <source>{n} open</source>
        <translation>在办 {n} 件</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="562"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="562"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="562"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="563"/>
        <source>Assignee</source>
        <translation>处置人</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="563"/>
        <source>Owner level</source>
        <translation>责任层级</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="563"/>
        <source>Alarm</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="567"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="567"/>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="567"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="567"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="567"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="568"/>
        <source>Show on map</source>
        <translation>地图定位</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="569"/>
        <location filename="../../widgets/case_detail.py" line="570"/>
        <source>Triage</source>
        <translation>研判</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="571"/>
        <location filename="../../widgets/case_detail.py" line="574"/>
        <source>Dispatch</source>
        <translation>派遣</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="572"/>
        <source>People by arrival</source>
        <translation>按到达时间排序的人员</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="573"/>
        <source>Departments (whistle)</source>
        <translation>部门（吹哨报到）</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="575"/>
        <source>Items it needs, nearest by road</source>
        <translation>所需物资（按道路最近）</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="576"/>
        <source>Send item</source>
        <translation>调用物资</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="577"/>
        <source>Handling and feedback</source>
        <translation>处置与评价</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="578"/>
        <source>Accepted</source>
        <translation>已接单</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="579"/>
        <source>On scene</source>
        <translation>已到场</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="580"/>
        <source>Resolved</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="581"/>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="582"/>
        <source>Fixed</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="583"/>
        <source>Record feedback</source>
        <translation>记录评价</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="584"/>
        <source>Close</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="585"/>
        <source>Escalate…</source>
        <translation>升级…</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="586"/>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="587"/>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="588"/>
        <source>Reject…</source>
        <translation>不予受理…</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="589"/>
        <source>Select a case in the queue (Enter opens it).</source>
        <translation>在事件队列中选择事件（回车打开）。</translation>
    </message>
</context>
<context>
    <name>CaseQueuePanel</name>
    <message>
        <location filename="../../widgets/case_queue.py" line="56"/>
        <source>Case</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="57"/>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="58"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="59"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="60"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="61"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="62"/>
        <source>Reported</source>
        <translation>上报时间</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="63"/>
        <source>Time left</source>
        <translation>剩余时限</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="64"/>
        <source>Assignee</source>
        <translation>处置人</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="65"/>
        <source>Owner level</source>
        <translation>责任层级</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="156"/>
        <source>Resolve by {due}</source>
        <translation>须在 {due} 前办结</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="460"/>
        <source>Export cases</source>
        <translation>导出事件</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="460"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="465"/>
        <source>{shown} of {total} cases</source>
        <translation>显示 {shown} / 共 {total} 件</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="472"/>
        <source>Open only</source>
        <translation>仅在办</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="473"/>
        <source>Overdue only</source>
        <translation>仅超时</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="474"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="476"/>
        <source>All risks</source>
        <translation>全部风险等级</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="477"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="479"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="480"/>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="482"/>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
</context>
<context>
    <name>DebriefView</name>
    <message>
        <location filename="../../widgets/debrief.py" line="151"/>
        <source>Save debrief as PNG</source>
        <translation>将复盘保存为 PNG</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="157"/>
        <source>Save debrief as CSV</source>
        <translation>将复盘保存为 CSV</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="171"/>
        <source>Debrief of {trainee}: {start} – {end}, {n} decisions, score {total}</source>
        <translation>{trainee} 的复盘：{start} – {end}，{n} 项决策，得分 {total}</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="173"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="173"/>
        <source>Decision</source>
        <translation>决策</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="173"/>
        <source>Case</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="173"/>
        <source>Trainee did</source>
        <translation>学员操作</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="174"/>
        <source>Record did</source>
        <translation>实际记录</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="174"/>
        <source>Best available</source>
        <translation>最优可选</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="174"/>
        <source>SLA</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="174"/>
        <source>Choice</source>
        <translation>选择</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="175"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="177"/>
        <source>Export PNG</source>
        <translation>导出 PNG</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="178"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
</context>
<context>
    <name>Domain</name>
    <message>
        <location filename="../../widgets/i18n.py" line="218"/>
        <source>blue</source>
        <translation>蓝</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="219"/>
        <source>yellow</source>
        <translation>黄</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="220"/>
        <source>red</source>
        <translation>红</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="223"/>
        <location filename="../../widgets/i18n.py" line="302"/>
        <source>reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="224"/>
        <location filename="../../widgets/i18n.py" line="303"/>
        <source>triaged</source>
        <translation>已研判</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="225"/>
        <location filename="../../widgets/i18n.py" line="304"/>
        <location filename="../../widgets/i18n.py" line="351"/>
        <source>dispatched</source>
        <translation>已派遣</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="226"/>
        <location filename="../../widgets/i18n.py" line="305"/>
        <source>accepted</source>
        <translation>已接单</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="227"/>
        <location filename="../../widgets/i18n.py" line="256"/>
        <location filename="../../widgets/i18n.py" line="306"/>
        <location filename="../../widgets/i18n.py" line="352"/>
        <source>on scene</source>
        <translation>已到场</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="228"/>
        <location filename="../../widgets/i18n.py" line="307"/>
        <source>resolved</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="229"/>
        <location filename="../../widgets/i18n.py" line="308"/>
        <source>feedback</source>
        <translation>已评价</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="230"/>
        <location filename="../../widgets/i18n.py" line="309"/>
        <source>closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="231"/>
        <location filename="../../widgets/i18n.py" line="311"/>
        <source>merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="232"/>
        <location filename="../../widgets/i18n.py" line="313"/>
        <source>rejected</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="235"/>
        <source>patrol</source>
        <translation>巡查发现</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="236"/>
        <source>resident</source>
        <translation>群众上报</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="237"/>
        <source>sensor</source>
        <translation>智能感知</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="238"/>
        <source>department referral</source>
        <translation>部门转办</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="241"/>
        <source>grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="242"/>
        <source>community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="243"/>
        <source>street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="246"/>
        <source>grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="247"/>
        <source>micro-grid head</source>
        <translation>微网格长</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="248"/>
        <source>volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="249"/>
        <source>party member</source>
        <translation>下沉党员</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="250"/>
        <source>department team</source>
        <translation>部门力量</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="253"/>
        <source>off duty</source>
        <translation>下班</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="254"/>
        <location filename="../../widgets/i18n.py" line="350"/>
        <source>available</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="255"/>
        <source>en route</source>
        <translation>在途</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="257"/>
        <source>busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="260"/>
        <source>city management</source>
        <translation>城管</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="261"/>
        <source>police</source>
        <translation>公安</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="262"/>
        <source>fire</source>
        <translation>消防</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="263"/>
        <source>civil affairs</source>
        <translation>民政</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="264"/>
        <source>health</source>
        <translation>卫健</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="265"/>
        <source>emergency management</source>
        <translation>应急</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="266"/>
        <source>market regulation</source>
        <translation>市场监管</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="267"/>
        <source>housing</source>
        <translation>住建</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="268"/>
        <source>property management</source>
        <translation>物业</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="271"/>
        <source>own grid</source>
        <translation>本网格</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="272"/>
        <source>own community</source>
        <translation>本社区</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="273"/>
        <location filename="../../widgets/i18n.py" line="355"/>
        <source>nearest</source>
        <translation>最近</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="274"/>
        <source>least loaded</source>
        <translation>任务最少</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="275"/>
        <source>whistle (department)</source>
        <translation>吹哨报到</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="278"/>
        <source>nearest first</source>
        <translation>最近优先</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="279"/>
        <source>home grid first</source>
        <translation>本网格优先</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="280"/>
        <source>priority, first come first served</source>
        <translation>按风险优先、先到先办</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="281"/>
        <source>least loaded first</source>
        <translation>任务最少优先</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="310"/>
        <source>escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="312"/>
        <source>reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="314"/>
        <source>overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="326"/>
        <source>sensor alarm</source>
        <translation>感知告警</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="327"/>
        <source>red case</source>
        <translation>红色事件</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="328"/>
        <source>overdue case</source>
        <translation>超时事件</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="329"/>
        <source>not on scene in time</source>
        <translation>未按时到场</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="330"/>
        <source>area overdue rate</source>
        <translation>区域超时率</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="331"/>
        <source>possible data loss</source>
        <translation>可能丢失数据</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="332"/>
        <source>low stock</source>
        <translation>库存不足</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="335"/>
        <source>party-mass service centre</source>
        <translation>街道党群服务中心</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="336"/>
        <source>party-mass service station</source>
        <translation>社区党群服务站</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="337"/>
        <source>grid work station</source>
        <translation>网格工作站</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="338"/>
        <source>patrol e-bike</source>
        <translation>巡逻电动车</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="339"/>
        <source>car</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="340"/>
        <source>cache at a station</source>
        <translation>服务站储备点</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="341"/>
        <source>cache at a school</source>
        <translation>学校储备点</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="342"/>
        <source>cache at a market</source>
        <translation>市场储备点</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="343"/>
        <source>cache at a hospital</source>
        <translation>医院储备点</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="344"/>
        <source>cache at an office tower</source>
        <translation>写字楼储备点</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="345"/>
        <source>cache in a park</source>
        <translation>公园储备点</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="346"/>
        <source>cache on a street front</source>
        <translation>沿街储备点</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="347"/>
        <source>cache in a residential block</source>
        <translation>小区储备点</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="356"/>
        <source>nearer ones closed now</source>
        <translation>更近的点位未开放</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="357"/>
        <source>nearer ones out or used up</source>
        <translation>更近的点位已调出或用完</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="358"/>
        <source>next nearest</source>
        <translation>次近</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="362"/>
        <source>stations</source>
        <translation>服务站</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="363"/>
        <source>patrol e-bikes</source>
        <translation>巡逻电动车</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="364"/>
        <source>cars</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="317"/>
        <source>smoke detector</source>
        <translation>烟感</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="318"/>
        <source>elderly bracelet</source>
        <translation>老人手环</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="319"/>
        <source>smart water meter</source>
        <translation>智能水表</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="320"/>
        <source>manhole cover</source>
        <translation>井盖</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="321"/>
        <source>camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="322"/>
        <source>parking sensor</source>
        <translation>车位传感器</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="323"/>
        <source>environment sensor</source>
        <translation>环境监测</translation>
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
        <location filename="../../widgets/i18n.py" line="561"/>
        <source>{h} h {m:02d} min</source>
        <translation>{h} 小时 {m:02d} 分</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="563"/>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
</context>
<context>
    <name>Kpi</name>
    <message>
        <location filename="../../widgets/i18n.py" line="284"/>
        <source>Cases</source>
        <translation>事件数</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="285"/>
        <source>Open cases</source>
        <translation>在办事件</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="286"/>
        <source>Response time</source>
        <translation>响应时间</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="287"/>
        <source>Response time, 90th percentile</source>
        <translation>响应时间（90分位）</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="288"/>
        <source>Accepted within target</source>
        <translation>按时响应率</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="289"/>
        <source>Resolution time</source>
        <translation>办结时长</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="290"/>
        <source>Closure rate</source>
        <translation>结案率</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="291"/>
        <source>Overdue cases</source>
        <translation>超时事件</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="292"/>
        <source>Overdue rate</source>
        <translation>超时率</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="293"/>
        <source>Mean rating</source>
        <translation>平均评分</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="294"/>
        <source>Satisfaction</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="295"/>
        <source>Proactive discovery</source>
        <translation>主动发现率</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="296"/>
        <source>Source resolution</source>
        <translation>源头化解率</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="297"/>
        <source>Resolved at level</source>
        <translation>分级化解</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="298"/>
        <source>Staff utilisation</source>
        <translation>人员负荷率</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="421"/>
        <source>{m:.0f} min</source>
        <translation>{m:.0f} 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="423"/>
        <source>{h:.1f} h</source>
        <translation>{h:.1f} 小时</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="436"/>
        <source>{h:.0f} h</source>
        <translation>{h:.0f} 小时</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="439"/>
        <source>target ≤ {bound}</source>
        <translation>目标 ≤ {bound}</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="439"/>
        <source>target ≥ {bound}</source>
        <translation>目标 ≥ {bound}</translation>
    </message>
</context>
<context>
    <name>KpiPanel</name>
    <message>
        <location filename="../../widgets/kpi_panel.py" line="384"/>
        <source>Cases per hour: today (bars) and a usual day (line)</source>
        <translation>每小时事件数：今日（柱）与平常日（线）</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_panel.py" line="385"/>
        <source>Response time today (minutes)</source>
        <translation>今日响应时间（分钟）</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_panel.py" line="386"/>
        <source>Overdue open cases by community</source>
        <translation>各社区超时在办事件</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_panel.py" line="387"/>
        <source>No overdue cases</source>
        <translation>当前无超时事件</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../widgets/main_window.py" line="238"/>
        <source>demo feed ×{speed:g}</source>
        <translation>演示数据流 ×{speed:g}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="212"/>
        <source>demo account {user}</source>
        <translation>演示账号 {user}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="213"/>
        <source>signed in as {user}</source>
        <translation>当前用户 {user}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="216"/>
        <source>database unavailable, nothing lost, retrying</source>
        <translation>数据库暂不可用，数据未丢失，正在重试</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="220"/>
        <source>saved to {name}</source>
        <translation>已保存至 {name}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="224"/>
        <source>demo data, not saved</source>
        <translation>演示数据，不保存</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="228"/>
        <source>MQTT connected</source>
        <translation>MQTT 已连接</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="228"/>
        <source>MQTT degraded, reconnecting</source>
        <translation>MQTT 连接降级，正在重连</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="229"/>
        <source>MQTT disconnected</source>
        <translation>MQTT 未连接</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="232"/>
        <source>embedded broker (not durable)</source>
        <translation>内置代理（不持久保存）</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="252"/>
        <source>Refused: {reason}</source>
        <translation>被拒绝：{reason}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="260"/>
        <source>Street Cockpit — {street} — {actor}</source>
        <translation>街道数字孪生驾驶舱 — {street} — {actor}</translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="102"/>
        <source>Case</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="103"/>
        <source>Case queue</source>
        <translation>事件队列</translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="104"/>
        <source>KPIs</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="105"/>
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="107"/>
        <source>Resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="263"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="264"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="265"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="266"/>
        <source>Light (desk)</source>
        <translation>浅色（坐席）</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="267"/>
        <source>Dark (night, wall)</source>
        <translation>深色（夜班、大屏）</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="268"/>
        <source>Wall display</source>
        <translation>大屏模式</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="269"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="270"/>
        <source>What-if simulation…</source>
        <translation>推演模拟…</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="271"/>
        <source>Training session from this moment…</source>
        <translation>从此刻开始培训…</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="272"/>
        <source>Open a replay (cockpit replay LOG --window) to train on history</source>
        <translation>请先打开回放（cockpit replay LOG --window）再进行历史培训</translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="42"/>
        <source>Training session</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="43"/>
        <source>Trainee&apos;s name:</source>
        <translation>学员姓名：</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../../widgets/map_panel.py" line="306"/>
        <source>Search grid, case id or staff name</source>
        <translation>搜索网格、事件编号或人员姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="307"/>
        <source>Fit</source>
        <translation>全图</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="308"/>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="309"/>
        <source>Colour by</source>
        <translation>着色依据</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="335"/>
        <source>Legend:</source>
        <translation>图例：</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="333"/>
        <source>{measure}:</source>
        <translation>{measure}：</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="311"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="311"/>
        <source>General grid</source>
        <translation>一般网格</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="311"/>
        <source>Micro-grid</source>
        <translation>微网格</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="315"/>
        <source>Cases</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="315"/>
        <source>Sensors</source>
        <translation>感知设备</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="316"/>
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="316"/>
        <source>Resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="317"/>
        <source>Dedicated grids</source>
        <translation>专属网格</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="322"/>
        <source>Open cases</source>
        <translation>在办事件</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="323"/>
        <source>Overdue cases</source>
        <translation>超时事件</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="324"/>
        <source>Active alarms</source>
        <translation>活动告警</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="325"/>
        <source>Sensors silent or alarming</source>
        <translation>离线或告警设备</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="326"/>
        <source>Available staff</source>
        <translation>空闲人员</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="327"/>
        <source>Households beyond reach</source>
        <translation>服务范围外住户</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1016"/>
        <source>Dedicated grid: {names}</source>
        <translation>专属网格：{names}</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1029"/>
        <source>{risk} risk</source>
        <translation>{risk}色风险</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1033"/>
        <source>OVERDUE</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1041"/>
        <source>ALARM {alarm}</source>
        <translation>告警 {alarm}</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1043"/>
        <source>silent since {time}</source>
        <translation>自 {time} 起无信号</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1045"/>
        <source>normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1062"/>
        <source> (low)</source>
        <translation>（不足）</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1068"/>
        <source>Suggested site: {name}</source>
        <translation>建议点位：{name}</translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <location filename="../../widgets/replay_bar.py" line="207"/>
        <location filename="../../widgets/replay_bar.py" line="244"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="207"/>
        <location filename="../../widgets/replay_bar.py" line="244"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="245"/>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="246"/>
        <source>Next alarm</source>
        <translation>下一告警</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="247"/>
        <source>Next red case</source>
        <translation>下一红色事件</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="248"/>
        <source>Loop</source>
        <translation>循环</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="249"/>
        <source>Loop between the bookmarks around now</source>
        <translation>在当前前后的书签之间循环</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="250"/>
        <source>Bookmark</source>
        <translation>书签</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="251"/>
        <source>note</source>
        <translation>备注</translation>
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
        <location filename="../../widgets/resources_panel.py" line="283"/>
        <source>Households beyond {minutes:g} min of {kind}</source>
        <translation>{kind} {minutes:g} 分钟范围外住户</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="307"/>
        <source>Pick a kind above and ask for the best new sites.</source>
        <translation>在上表选择类别，再求最佳新增点位。</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="311"/>
        <source>{kind} within {minutes:g} min: {before:.1%} → {after:.1%} of households ({covered_before:,} → {covered_after:,} of {households:,}); {status}</source>
        <translation>{kind} {minutes:g} 分钟覆盖：住户 {before:.1%} → {after:.1%}（{covered_before:,} → {covered_after:,}，共 {households:,} 户）；{status}</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="323"/>
        <source>proven best ({seconds:.1f} s)</source>
        <translation>已证明最优（{seconds:.1f} 秒）</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="324"/>
        <source>best found, within {gap:.2%} of the best ({seconds:.1f} s)</source>
        <translation>找到的最好方案，距最优不超过 {gap:.2%}（{seconds:.1f} 秒）</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="341"/>
        <source>The what-if cannot run: {reason}</source>
        <translation>推演无法运行：{reason}</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="345"/>
        <source>Running today&apos;s placement and the plan under one seed…</source>
        <translation>正在以同一随机种子推演现状布局与方案……</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="364"/>
        <source>The what-if was cancelled.</source>
        <translation>推演已取消。</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="371"/>
        <source>The what-if failed: {reason}</source>
        <translation>推演失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="378"/>
        <source>Only a plan of an emergency item changes how fast cases get it.</source>
        <translation>只有应急物资的布局方案会改变事件拿到物资的快慢。</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="384"/>
        <source>{category} about {cases:.0f} cases each</source>
        <translation>{category}每次约 {cases:.0f} 件</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="388"/>
        <source>{replications} replications of four weeks, the very same cases in both (common random numbers): {cases}; mean [95 % interval]</source>
        <translation>各重复 {replications} 次、每次四周，两者事件完全相同（公共随机数）：{cases}；均值 [95% 区间]</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="409"/>
        <source>report → person and {item} there (min)</source>
        <translation>上报→人员与{item}到场（分钟）</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="410"/>
        <source>dispatch → {item} there (min)</source>
        <translation>派遣→{item}到场（分钟）</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="411"/>
        <source>{item} within its standard</source>
        <translation>{item}标准时间内到场</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="426"/>
        <source>{kind}: {free} of {total} free</source>
        <translation>{kind}：空闲 {free}/{total}</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="437"/>
        <source>low</source>
        <translation>不足</translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="439"/>
        <source>{count} out on cases</source>
        <translation>{count} 件在事件现场</translation>
    </message>
</context>
<context>
    <name>ScenarioEditorPanel</name>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="51"/>
        <source>Grid workers and department teams</source>
        <translation>网格员与部门力量</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="52"/>
        <source>Everyone on duty</source>
        <translation>全部在岗人员</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="145"/>
        <source>Today: {base}</source>
        <translation>当前：{base}</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="175"/>
        <source>Street (departments)</source>
        <translation>街道（部门）</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="344"/>
        <source>Incident log to fit demand from</source>
        <translation>用于拟合需求的事件日志</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="344"/>
        <source>Incident logs (*.parquet *.csv)</source>
        <translation>事件日志 (*.parquet *.csv)</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="388"/>
        <source>Not valid: {error}</source>
        <translation>无效：{error}</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="403"/>
        <source>Fitted from {file}: {per_day:.1f} cases a day</source>
        <translation>已由 {file} 拟合：每天 {per_day:.1f} 件</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="406"/>
        <source>Category table shares, demo hour-of-day profile</source>
        <translation>按类别表比例与演示日内分布</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="411"/>
        <source>{people} people take cases; {added} added, {removed} removed against today</source>
        <translation>{people} 人接办事件；较当前增加 {added} 人，减少 {removed} 人</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="419"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="420"/>
        <source>Length (days)</source>
        <translation>时长（天）</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="421"/>
        <source>Warm-up (hours)</source>
        <translation>预热（小时）</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="422"/>
        <source>Dispatch policy</source>
        <translation>派遣策略</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="423"/>
        <source>Cases a day</source>
        <translation>每日事件数</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="424"/>
        <source>Who takes cases</source>
        <translation>接办人员</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="425"/>
        <source>Staffing of</source>
        <translation>人员配置：</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="431"/>
        <source>Copy current staffing</source>
        <translation>复制当前人员配置</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="432"/>
        <source>Fit from log…</source>
        <translation>从日志拟合…</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="433"/>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="434"/>
        <source>Start again from the street&apos;s staffing as it is today</source>
        <translation>从街道当前人员配置重新开始</translation>
    </message>
</context>
<context>
    <name>ScenarioResultsPanel</name>
    <message>
        <location filename="../../widgets/scenario_results.py" line="45"/>
        <source>Responded within target</source>
        <translation>按时响应</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="46"/>
        <source>Overdue rate</source>
        <translation>超时率</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="47"/>
        <source>Wait (min)</source>
        <translation>等待（分钟）</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="48"/>
        <source>Response (min)</source>
        <translation>响应（分钟）</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="49"/>
        <source>Resolution (min)</source>
        <translation>办结（分钟）</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="50"/>
        <source>Escalated</source>
        <translation>升级</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="51"/>
        <source>Handled by departments</source>
        <translation>部门处置</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="52"/>
        <source>Utilisation</source>
        <translation>人员利用率</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="53"/>
        <source>Cases per replication</source>
        <translation>每次重复的事件数</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="57"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="58"/>
        <source>red</source>
        <translation>红</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="59"/>
        <source>yellow</source>
        <translation>黄</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="60"/>
        <source>blue</source>
        <translation>蓝</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="201"/>
        <source>KPI</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="201"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="337"/>
        <source>Largest increase: {grid} ({value:+.1f} pp); red is worse, blue better</source>
        <translation>增幅最大：{grid}（{value:+.1f} 个百分点）；红色更差，蓝色更好</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="340"/>
        <source>Highest: {grid} ({value:.1f} %)</source>
        <translation>最高：{grid}（{value:.1f} %）</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="342"/>
        <source>No overdue or late cases in any grid</source>
        <translation>各网格均无超时或迟到事件</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="348"/>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="348"/>
        <source>Within target [95 % interval]</source>
        <translation>达标率 [95 % 区间]</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="348"/>
        <source>Meets target</source>
        <translation>是否达标</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="357"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="357"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="420"/>
        <source>Export comparison to folder</source>
        <translation>导出对比到文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="429"/>
        <source>Comparison</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="429"/>
        <source>Wait and response</source>
        <translation>等待与响应</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="429"/>
        <source>Response target by risk</source>
        <translation>按风险等级的响应达标率</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="430"/>
        <source>Utilisation by hour</source>
        <translation>分时人员利用率</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="430"/>
        <source>Overdue by grid</source>
        <translation>各网格超时</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="430"/>
        <source>Staffing search</source>
        <translation>人员配置搜索</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="433"/>
        <source>Cases late (no one on scene within target)</source>
        <translation>事件延误（未按时到场）</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="434"/>
        <source>Red cases late</source>
        <translation>红色事件延误</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="435"/>
        <source>Overdue rate (past the resolve deadline)</source>
        <translation>超时率（超过办结时限）</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="202"/>
        <location filename="../../widgets/scenario_results.py" line="438"/>
        <source>{b} − {a}</source>
        <translation>{b} − {a}</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="440"/>
        <source>Wait (minutes): share of cases</source>
        <translation>等待时间（分钟）：事件占比</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="441"/>
        <source>Response (minutes): share of cases</source>
        <translation>响应时间（分钟）：事件占比</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="442"/>
        <source>Share responded within target, 95 % interval</source>
        <translation>按时响应占比，95 % 置信区间</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="443"/>
        <source>Busy share of on-duty staff by hour</source>
        <translation>在岗人员分时忙碌占比</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="444"/>
        <source>General grids</source>
        <translation>一般网格</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="445"/>
        <source>Export CSV and PNG…</source>
        <translation>导出 CSV 和 PNG…</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="448"/>
        <source>No staffing search yet.</source>
        <translation>尚未进行人员配置搜索。</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="450"/>
        <source>No level tried kept {target:.0f} % of {label} cases within {minutes:.0f} min.</source>
        <translation>所试配置均未能使 {target:.0f} % 的{label}事件在 {minutes:.0f} 分钟内响应。</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="454"/>
        <source>Fewest {role} on the {shift} shift: {best}, keeping at least {target:.0f} % of {label} cases within {minutes:.0f} min (lower bound of the 95 % interval over {n} replications). Bold: the chosen level.</source>
        <translation>{shift}班最少需要{role} {best} 人，可使至少 {target:.0f} % 的{label}事件在 {minutes:.0f} 分钟内响应（{n} 次重复的 95 % 区间下限）。粗体为所选配置。</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="461"/>
        <source>Mean [95 % interval] over {n} replications. Differences are paired by replication (common random numbers); bold: the interval excludes zero.</source>
        <translation>{n} 次重复的均值 [95 % 置信区间]。差值按重复配对（共同随机数）；粗体：区间不含零。</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="465"/>
        <source>No results yet: run the scenarios.</source>
        <translation>尚无结果：请运行方案。</translation>
    </message>
</context>
<context>
    <name>SimulationView</name>
    <message>
        <location filename="../../widgets/simulation_view.py" line="1"/>
        <source>Incident log of the street</source>
        <translation>街道事件日志</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="1"/>
        <source>Incident logs (*.parquet *.csv)</source>
        <translation>事件日志 (*.parquet *.csv)</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="1"/>
        <source>Cannot read the incident log: {message}</source>
        <translation>无法读取事件日志：{message}</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="1"/>
        <source>Checking the baseline against the history…</source>
        <translation>正在用历史数据检查基线…</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="1"/>
        <source>Baseline check done.</source>
        <translation>基线检查完成。</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="1"/>
        <source>No baseline check yet: use “Check against history…” to see whether the model reproduces the street's recent history before trusting a what-if.</source>
        <translation>尚未做基线检查：请先用“对照历史检查…”确认模型能重现本街道近期的历史，再采信假设分析结果。</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="1"/>
        <source>Baseline check passed: calibrated on the history before its last {days} days, the model reproduces those days on all {n} indicators.</source>
        <translation>基线检查通过：用最后 {days} 天之前的历史校准后，模型重现了这 {days} 天的全部 {n} 项指标。</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="1"/>
        <source>Warning: the baseline misses the history on {missed} of {n} indicators ({names}): outside the simulated 95 % range and more than 10 % off. Treat the what-if results below with caution.</source>
        <translation>警告：基线有 {missed} 项指标（共 {n} 项）与历史不符（{names}）：超出模拟的 95% 区间且偏差超过 10%。下面的假设分析结果请谨慎对待。</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="1"/>
        <source>Check against history…</source>
        <translation>对照历史检查…</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="1"/>
        <source>Calibrate the model on the street's incident log but its last four weeks, simulate those weeks and compare every indicator</source>
        <translation>用本街道事件日志（最后四周除外）校准模型，模拟这四周并逐项对比指标</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="185"/>
        <location filename="../../widgets/simulation_view.py" line="207"/>
        <source>Today</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="285"/>
        <source>{name} (copy)</source>
        <translation>{name}（副本）</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="334"/>
        <source>Running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="348"/>
        <source>The staffing search needs a street scenario.</source>
        <translation>人员配置搜索需要街道场景。</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="352"/>
        <source>Searching the fewest night-shift grid workers…</source>
        <translation>正在搜索夜班最少网格员人数…</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="369"/>
        <source>No level tried met the target ({n} levels tried).</source>
        <translation>所试配置均未达标（共试 {n} 种）。</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="371"/>
        <source>Fewest night-shift grid workers: {best} ({n} levels tried).</source>
        <translation>夜班最少网格员：{best} 人（共试 {n} 种）。</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="385"/>
        <source>Cancelled: showing the replications that finished.</source>
        <translation>已取消：显示已完成的重复。</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="388"/>
        <source>Done in {seconds:.1f} s.</source>
        <translation>用时 {seconds:.1f} 秒完成。</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="393"/>
        <source>The run failed: {message}</source>
        <translation>运行失败：{message}</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="400"/>
        <source>Copy scenario</source>
        <translation>复制方案</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="401"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="402"/>
        <source>Replications</source>
        <translation>重复次数</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="403"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="404"/>
        <source>Processes</source>
        <translation>进程数</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="405"/>
        <source>Start from now</source>
        <translation>从当前状态开始</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="406"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="407"/>
        <source>Fewest night workers</source>
        <translation>夜班最少人数</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="408"/>
        <source>Fewest night-shift grid workers per community that keep this share of red cases responded to within the target, at 95 % confidence</source>
        <translation>在 95 % 置信度下，使红色事件按时响应比例达到此值所需的各社区夜班最少网格员</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="410"/>
        <source>Required share of red cases within the response target</source>
        <translation>红色事件按时响应的要求比例</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="411"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="412"/>
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
    <name>TrainingPanel</name>
    <message>
        <location filename="../../widgets/debrief.py" line="267"/>
        <source>Training finished.</source>
        <translation>培训结束。</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="268"/>
        <source>Press Next to play on to the next decision.</source>
        <translation>按“下一步”播放到下一个决策点。</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="273"/>
        <location filename="../../widgets/debrief.py" line="332"/>
        <source>Triage</source>
        <translation>研判</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="273"/>
        <location filename="../../widgets/debrief.py" line="333"/>
        <source>Dispatch</source>
        <translation>派遣</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="273"/>
        <location filename="../../widgets/debrief.py" line="334"/>
        <source>Escalate</source>
        <translation>上报升级</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="293"/>
        <source>{kind} {case}: score {score:.1f} (SLA {sla:.1f}, choice {choice:.1f}); record: {recorded}; best: {best}</source>
        <translation>{kind} {case}：得分 {score:.1f}（时限 {sla:.1f}，选择 {choice:.1f}）；实际记录：{recorded}；最佳：{best}</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="323"/>
        <source>overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="335"/>
        <source>Let it pass</source>
        <translation>不处理</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="336"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="337"/>
        <source>reason</source>
        <translation>理由</translation>
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
        <location filename="../../widgets/wall.py" line="33"/>
        <source>Resources and coverage</source>
        <translation>资源与覆盖</translation>
    </message>
    <message>
        <location filename="../../widgets/wall.py" line="181"/>
        <source>Rotation paused: alarm</source>
        <translation>轮播暂停：告警</translation>
    </message>
</context>
</TS>
