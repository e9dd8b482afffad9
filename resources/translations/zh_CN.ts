<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AlarmBanner</name>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="123"/>
        <source>{n} more waiting</source>
        <translation>另有 {n} 条待确认</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="134"/>
        <source>{n} messages missing</source>
        <translation>缺失 {n} 条消息</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="145"/>
        <source>(repeated {n}×)</source>
        <translation>（重复 {n} 次）</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="176"/>
        <source>Show case</source>
        <translation>查看事件</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="177"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
</context>
<context>
    <name>CaseDetailPanel</name>
    <message>
        <location filename="../../widgets/case_detail.py" line="213"/>
        <source>Why reopen this case?</source>
        <translation>重新打开的原因？</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="215"/>
        <source>Why is this not a case?</source>
        <translation>不予受理的原因？</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="255"/>
        <source>Why re-dispatch this case?</source>
        <translation>改派的原因？</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="286"/>
        <source>Pick a person or a department first.</source>
        <translation>请先选择人员或部门。</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="307"/>
        <source>Close without the resident&apos;s feedback: why?</source>
        <translation>未经居民评价即结案，原因？</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="313"/>
        <source>Why escalate this case?</source>
        <translation>上报升级的原因？</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="322"/>
        <source>Why is it a duplicate of {case}?</source>
        <translation>为何与 {case} 重复？</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="337"/>
        <source>Reason required</source>
        <translation>需要填写原因</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="342"/>
        <source>There is no other open case to merge into.</source>
        <translation>没有可合并的其他在办事件。</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="345"/>
        <source>Merge duplicate</source>
        <translation>合并重复事件</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="345"/>
        <source>Duplicate of:</source>
        <translation>重复于：</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="396"/>
        <source>nobody yet</source>
        <translation>尚未派遣</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="398"/>
        <source>ETA {eta} min</source>
        <translation>预计 {eta} 分钟到达</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="402"/>
        <source>escalated {n}×</source>
        <translation>已升级 {n} 次</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="406"/>
        <source>repeated {n}×</source>
        <translation>重复 {n} 次</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="408"/>
        <source>merged into {case}</source>
        <translation>已并入 {case}</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="424"/>
        <source>{left} left</source>
        <translation>剩余 {left}</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="426"/>
        <source>overdue by {late}</source>
        <translation>已超时 {late}</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="463"/>
        <source>no department team free</source>
        <translation>暂无空闲部门力量</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="480"/>
        <source>{kind} {name} {distance} m · {eta} min · {reason}</source>
        <translation>{kind} {name} {distance} m · {eta} 分钟 · {reason}</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="484"/>
        <source>{n} open</source>
        <translation>在办 {n} 件</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="510"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="510"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="510"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="511"/>
        <source>Assignee</source>
        <translation>处置人</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="511"/>
        <source>Owner level</source>
        <translation>责任层级</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="511"/>
        <source>Alarm</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="515"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="515"/>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="515"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="515"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="515"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="516"/>
        <source>Show on map</source>
        <translation>地图定位</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="517"/>
        <location filename="../../widgets/case_detail.py" line="518"/>
        <source>Triage</source>
        <translation>研判</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="519"/>
        <location filename="../../widgets/case_detail.py" line="522"/>
        <source>Dispatch</source>
        <translation>派遣</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="520"/>
        <source>People by arrival</source>
        <translation>按到达时间排序的人员</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="521"/>
        <source>Departments (whistle)</source>
        <translation>部门（吹哨报到）</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="523"/>
        <source>Handling and feedback</source>
        <translation>处置与评价</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="524"/>
        <source>Accepted</source>
        <translation>已接单</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="525"/>
        <source>On scene</source>
        <translation>已到场</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="526"/>
        <source>Resolved</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="527"/>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="528"/>
        <source>Fixed</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="529"/>
        <source>Record feedback</source>
        <translation>记录评价</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="530"/>
        <source>Close</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="531"/>
        <source>Escalate…</source>
        <translation>升级…</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="532"/>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="533"/>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="534"/>
        <source>Reject…</source>
        <translation>不予受理…</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="535"/>
        <source>Select a case in the queue (Enter opens it).</source>
        <translation>在事件队列中选择事件（回车打开）。</translation>
    </message>
</context>
<context>
    <name>CaseQueuePanel</name>
    <message>
        <location filename="../../widgets/case_queue.py" line="54"/>
        <source>Case</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="55"/>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="56"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="57"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="58"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="59"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="60"/>
        <source>Reported</source>
        <translation>上报时间</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="61"/>
        <source>Time left</source>
        <translation>剩余时限</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="62"/>
        <source>Assignee</source>
        <translation>处置人</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="63"/>
        <source>Owner level</source>
        <translation>责任层级</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="152"/>
        <source>Resolve by {due}</source>
        <translation>须在 {due} 前办结</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="445"/>
        <source>Export cases</source>
        <translation>导出事件</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="445"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="450"/>
        <source>{shown} of {total} cases</source>
        <translation>显示 {shown} / 共 {total} 件</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="457"/>
        <source>Open only</source>
        <translation>仅在办</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="458"/>
        <source>Overdue only</source>
        <translation>仅超时</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="459"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="461"/>
        <source>All risks</source>
        <translation>全部风险等级</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="462"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="464"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="465"/>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="467"/>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
</context>
<context>
    <name>DebriefView</name>
    <message>
        <location filename="../../widgets/debrief.py" line="136"/>
        <source>Save debrief as PNG</source>
        <translation>将复盘保存为 PNG</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="142"/>
        <source>Save debrief as CSV</source>
        <translation>将复盘保存为 CSV</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="156"/>
        <source>Debrief of {trainee}: {start} – {end}, {n} decisions, score {total}</source>
        <translation>{trainee} 的复盘：{start} – {end}，{n} 项决策，得分 {total}</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="158"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="158"/>
        <source>Decision</source>
        <translation>决策</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="158"/>
        <source>Case</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="158"/>
        <source>Trainee did</source>
        <translation>学员操作</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="159"/>
        <source>Record did</source>
        <translation>实际记录</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="159"/>
        <source>Best available</source>
        <translation>最优可选</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="159"/>
        <source>SLA</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="159"/>
        <source>Choice</source>
        <translation>选择</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="160"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="162"/>
        <source>Export PNG</source>
        <translation>导出 PNG</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="163"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
</context>
<context>
    <name>Domain</name>
    <message>
        <location filename="../../widgets/i18n.py" line="214"/>
        <source>blue</source>
        <translation>蓝</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="215"/>
        <source>yellow</source>
        <translation>黄</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="216"/>
        <source>red</source>
        <translation>红</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="219"/>
        <location filename="../../widgets/i18n.py" line="298"/>
        <source>reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="220"/>
        <location filename="../../widgets/i18n.py" line="299"/>
        <source>triaged</source>
        <translation>已研判</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="221"/>
        <location filename="../../widgets/i18n.py" line="300"/>
        <source>dispatched</source>
        <translation>已派遣</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="222"/>
        <location filename="../../widgets/i18n.py" line="301"/>
        <source>accepted</source>
        <translation>已接单</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="223"/>
        <location filename="../../widgets/i18n.py" line="252"/>
        <location filename="../../widgets/i18n.py" line="302"/>
        <source>on scene</source>
        <translation>已到场</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="224"/>
        <location filename="../../widgets/i18n.py" line="303"/>
        <source>resolved</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="225"/>
        <location filename="../../widgets/i18n.py" line="304"/>
        <source>feedback</source>
        <translation>已评价</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="226"/>
        <location filename="../../widgets/i18n.py" line="305"/>
        <source>closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="227"/>
        <location filename="../../widgets/i18n.py" line="307"/>
        <source>merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="228"/>
        <location filename="../../widgets/i18n.py" line="309"/>
        <source>rejected</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="231"/>
        <source>patrol</source>
        <translation>巡查发现</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="232"/>
        <source>resident</source>
        <translation>群众上报</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="233"/>
        <source>sensor</source>
        <translation>智能感知</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="234"/>
        <source>department referral</source>
        <translation>部门转办</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="237"/>
        <source>grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="238"/>
        <source>community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="239"/>
        <source>street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="242"/>
        <source>grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="243"/>
        <source>micro-grid head</source>
        <translation>微网格长</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="244"/>
        <source>volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="245"/>
        <source>party member</source>
        <translation>下沉党员</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="246"/>
        <source>department team</source>
        <translation>部门力量</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="249"/>
        <source>off duty</source>
        <translation>下班</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="250"/>
        <source>available</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="251"/>
        <source>en route</source>
        <translation>在途</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="253"/>
        <source>busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="256"/>
        <source>city management</source>
        <translation>城管</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="257"/>
        <source>police</source>
        <translation>公安</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="258"/>
        <source>fire</source>
        <translation>消防</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="259"/>
        <source>civil affairs</source>
        <translation>民政</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="260"/>
        <source>health</source>
        <translation>卫健</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="261"/>
        <source>emergency management</source>
        <translation>应急</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="262"/>
        <source>market regulation</source>
        <translation>市场监管</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="263"/>
        <source>housing</source>
        <translation>住建</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="264"/>
        <source>property management</source>
        <translation>物业</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="267"/>
        <source>own grid</source>
        <translation>本网格</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="268"/>
        <source>own community</source>
        <translation>本社区</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="269"/>
        <source>nearest</source>
        <translation>最近</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="270"/>
        <source>least loaded</source>
        <translation>任务最少</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="271"/>
        <source>whistle (department)</source>
        <translation>吹哨报到</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="274"/>
        <source>nearest first</source>
        <translation>最近优先</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="275"/>
        <source>home grid first</source>
        <translation>本网格优先</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="276"/>
        <source>priority, first come first served</source>
        <translation>按风险优先、先到先办</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="277"/>
        <source>least loaded first</source>
        <translation>任务最少优先</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="306"/>
        <source>escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="308"/>
        <source>reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="310"/>
        <source>overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="322"/>
        <source>sensor alarm</source>
        <translation>感知告警</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="323"/>
        <source>red case</source>
        <translation>红色事件</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="324"/>
        <source>overdue case</source>
        <translation>超时事件</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="325"/>
        <source>not on scene in time</source>
        <translation>未按时到场</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="326"/>
        <source>area overdue rate</source>
        <translation>区域超时率</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="276"/>
        <source>possible data loss</source>
        <translation>可能丢失数据</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="313"/>
        <source>smoke detector</source>
        <translation>烟感</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="314"/>
        <source>elderly bracelet</source>
        <translation>老人手环</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="315"/>
        <source>smart water meter</source>
        <translation>智能水表</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="316"/>
        <source>manhole cover</source>
        <translation>井盖</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="317"/>
        <source>camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="318"/>
        <source>parking sensor</source>
        <translation>车位传感器</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="319"/>
        <source>environment sensor</source>
        <translation>环境监测</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../../widgets/i18n.py" line="496"/>
        <source>{h} h {m:02d} min</source>
        <translation>{h} 小时 {m:02d} 分</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="498"/>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
</context>
<context>
    <name>Kpi</name>
    <message>
        <location filename="../../widgets/i18n.py" line="280"/>
        <source>Cases</source>
        <translation>事件数</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="281"/>
        <source>Open cases</source>
        <translation>在办事件</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="282"/>
        <source>Response time</source>
        <translation>响应时间</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="283"/>
        <source>Response time, 90th percentile</source>
        <translation>响应时间（90分位）</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="284"/>
        <source>Accepted within target</source>
        <translation>按时响应率</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="285"/>
        <source>Resolution time</source>
        <translation>办结时长</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="286"/>
        <source>Closure rate</source>
        <translation>结案率</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="287"/>
        <source>Overdue cases</source>
        <translation>超时事件</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="288"/>
        <source>Overdue rate</source>
        <translation>超时率</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="289"/>
        <source>Mean rating</source>
        <translation>平均评分</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="290"/>
        <source>Satisfaction</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="291"/>
        <source>Proactive discovery</source>
        <translation>主动发现率</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="292"/>
        <source>Source resolution</source>
        <translation>源头化解率</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="293"/>
        <source>Resolved at level</source>
        <translation>分级化解</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="294"/>
        <source>Staff utilisation</source>
        <translation>人员负荷率</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="382"/>
        <source>{m:.0f} min</source>
        <translation>{m:.0f} 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="384"/>
        <source>{h:.1f} h</source>
        <translation>{h:.1f} 小时</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="397"/>
        <source>{h:.0f} h</source>
        <translation>{h:.0f} 小时</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="400"/>
        <source>target ≤ {bound}</source>
        <translation>目标 ≤ {bound}</translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="400"/>
        <source>target ≥ {bound}</source>
        <translation>目标 ≥ {bound}</translation>
    </message>
</context>
<context>
    <name>KpiPanel</name>
    <message>
        <location filename="../../widgets/kpi_panel.py" line="372"/>
        <source>Cases per hour: today (bars) and a usual day (line)</source>
        <translation>每小时事件数：今日（柱）与平常日（线）</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_panel.py" line="373"/>
        <source>Response time today (minutes)</source>
        <translation>今日响应时间（分钟）</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_panel.py" line="374"/>
        <source>Overdue open cases by community</source>
        <translation>各社区超时在办事件</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_panel.py" line="375"/>
        <source>No overdue cases</source>
        <translation>当前无超时事件</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../widgets/main_window.py" line="213"/>
        <source>demo feed ×{speed:g}</source>
        <translation>演示数据流 ×{speed:g}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="187"/>
        <source>demo account {user}</source>
        <translation>演示账号 {user}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="188"/>
        <source>signed in as {user}</source>
        <translation>当前用户 {user}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="191"/>
        <source>database unavailable, nothing lost, retrying</source>
        <translation>数据库暂不可用，数据未丢失，正在重试</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="195"/>
        <source>saved to {name}</source>
        <translation>已保存至 {name}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="199"/>
        <source>demo data, not saved</source>
        <translation>演示数据，不保存</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="203"/>
        <source>MQTT connected</source>
        <translation>MQTT 已连接</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="203"/>
        <source>MQTT degraded, reconnecting</source>
        <translation>MQTT 连接降级，正在重连</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="204"/>
        <source>MQTT disconnected</source>
        <translation>MQTT 未连接</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="207"/>
        <source>embedded broker (not durable)</source>
        <translation>内置代理（不持久保存）</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="227"/>
        <source>Refused: {reason}</source>
        <translation>被拒绝：{reason}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="235"/>
        <source>Street Cockpit — {street} — {actor}</source>
        <translation>街道数字孪生驾驶舱 — {street} — {actor}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="236"/>
        <source>Case</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="237"/>
        <source>Case queue</source>
        <translation>事件队列</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="238"/>
        <source>KPIs</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="239"/>
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="240"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="241"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="242"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="243"/>
        <source>Light (desk)</source>
        <translation>浅色（坐席）</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="244"/>
        <source>Dark (night, wall)</source>
        <translation>深色（夜班、大屏）</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="245"/>
        <source>Wall display</source>
        <translation>大屏模式</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="246"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="247"/>
        <source>What-if simulation…</source>
        <translation>推演模拟…</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="248"/>
        <source>Training session from this moment…</source>
        <translation>从此刻开始培训…</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="249"/>
        <source>Open a replay (cockpit replay LOG --window) to train on history</source>
        <translation>请先打开回放（cockpit replay LOG --window）再进行历史培训</translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="643"/>
        <source>Training session</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="644"/>
        <source>Trainee&apos;s name:</source>
        <translation>学员姓名：</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../../widgets/map_panel.py" line="299"/>
        <source>Search grid, case id or staff name</source>
        <translation>搜索网格、事件编号或人员姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="300"/>
        <source>Fit</source>
        <translation>全图</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="301"/>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="302"/>
        <source>Colour by</source>
        <translation>着色依据</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="326"/>
        <source>Legend:</source>
        <translation>图例：</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="324"/>
        <source>{measure}:</source>
        <translation>{measure}：</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="304"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="304"/>
        <source>General grid</source>
        <translation>一般网格</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="304"/>
        <source>Micro-grid</source>
        <translation>微网格</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="308"/>
        <source>Cases</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="308"/>
        <source>Sensors</source>
        <translation>感知设备</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="309"/>
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="309"/>
        <source>Dedicated grids</source>
        <translation>专属网格</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="314"/>
        <source>Open cases</source>
        <translation>在办事件</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="315"/>
        <source>Overdue cases</source>
        <translation>超时事件</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="316"/>
        <source>Active alarms</source>
        <translation>活动告警</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="317"/>
        <source>Sensors silent or alarming</source>
        <translation>离线或告警设备</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="318"/>
        <source>Available staff</source>
        <translation>空闲人员</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="948"/>
        <source>Dedicated grid: {names}</source>
        <translation>专属网格：{names}</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="961"/>
        <source>{risk} risk</source>
        <translation>{risk}色风险</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="965"/>
        <source>OVERDUE</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="973"/>
        <source>ALARM {alarm}</source>
        <translation>告警 {alarm}</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="975"/>
        <source>silent since {time}</source>
        <translation>自 {time} 起无信号</translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="977"/>
        <source>normal</source>
        <translation>正常</translation>
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
    <name>ScenarioEditorPanel</name>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="49"/>
        <source>Grid workers and department teams</source>
        <translation>网格员与部门力量</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="50"/>
        <source>Everyone on duty</source>
        <translation>全部在岗人员</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="143"/>
        <source>Today: {base}</source>
        <translation>当前：{base}</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="173"/>
        <source>Street (departments)</source>
        <translation>街道（部门）</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="342"/>
        <source>Incident log to fit demand from</source>
        <translation>用于拟合需求的事件日志</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="342"/>
        <source>Incident logs (*.parquet *.csv)</source>
        <translation>事件日志 (*.parquet *.csv)</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="386"/>
        <source>Not valid: {error}</source>
        <translation>无效：{error}</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="401"/>
        <source>Fitted from {file}: {per_day:.1f} cases a day</source>
        <translation>已由 {file} 拟合：每天 {per_day:.1f} 件</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="404"/>
        <source>Category table shares, demo hour-of-day profile</source>
        <translation>按类别表比例与演示日内分布</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="409"/>
        <source>{people} people take cases; {added} added, {removed} removed against today</source>
        <translation>{people} 人接办事件；较当前增加 {added} 人，减少 {removed} 人</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="417"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="418"/>
        <source>Length (days)</source>
        <translation>时长（天）</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="419"/>
        <source>Warm-up (hours)</source>
        <translation>预热（小时）</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="420"/>
        <source>Dispatch policy</source>
        <translation>派遣策略</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="421"/>
        <source>Cases a day</source>
        <translation>每日事件数</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="422"/>
        <source>Who takes cases</source>
        <translation>接办人员</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="423"/>
        <source>Staffing of</source>
        <translation>人员配置：</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="429"/>
        <source>Copy current staffing</source>
        <translation>复制当前人员配置</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="430"/>
        <source>Fit from log…</source>
        <translation>从日志拟合…</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="431"/>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="432"/>
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
        <location filename="../../widgets/scenario_results.py" line="197"/>
        <source>KPI</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="197"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="333"/>
        <source>Largest increase: {grid} ({value:+.1f} pp); red is worse, blue better</source>
        <translation>增幅最大：{grid}（{value:+.1f} 个百分点）；红色更差，蓝色更好</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="336"/>
        <source>Highest: {grid} ({value:.1f} %)</source>
        <translation>最高：{grid}（{value:.1f} %）</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="338"/>
        <source>No overdue or late cases in any grid</source>
        <translation>各网格均无超时或迟到事件</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="344"/>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="344"/>
        <source>Within target [95 % interval]</source>
        <translation>达标率 [95 % 区间]</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="344"/>
        <source>Meets target</source>
        <translation>是否达标</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="353"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="353"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="408"/>
        <source>Export comparison to folder</source>
        <translation>导出对比到文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="418"/>
        <source>Comparison</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="418"/>
        <source>Wait and response</source>
        <translation>等待与响应</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="418"/>
        <source>Response target by risk</source>
        <translation>按风险等级的响应达标率</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="419"/>
        <source>Utilisation by hour</source>
        <translation>分时人员利用率</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="419"/>
        <source>Overdue by grid</source>
        <translation>各网格超时</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="419"/>
        <source>Staffing search</source>
        <translation>人员配置搜索</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="422"/>
        <source>Cases late (no one on scene within target)</source>
        <translation>事件延误（未按时到场）</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="423"/>
        <source>Red cases late</source>
        <translation>红色事件延误</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="424"/>
        <source>Overdue rate (past the resolve deadline)</source>
        <translation>超时率（超过办结时限）</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="198"/>
        <location filename="../../widgets/scenario_results.py" line="427"/>
        <source>{b} − {a}</source>
        <translation>{b} − {a}</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="429"/>
        <source>Wait (minutes): share of cases</source>
        <translation>等待时间（分钟）：事件占比</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="430"/>
        <source>Response (minutes): share of cases</source>
        <translation>响应时间（分钟）：事件占比</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="431"/>
        <source>Share responded within target, 95 % interval</source>
        <translation>按时响应占比，95 % 置信区间</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="432"/>
        <source>Busy share of on-duty staff by hour</source>
        <translation>在岗人员分时忙碌占比</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="433"/>
        <source>General grids</source>
        <translation>一般网格</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="434"/>
        <source>Export CSV and PNG…</source>
        <translation>导出 CSV 和 PNG…</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="437"/>
        <source>No staffing search yet.</source>
        <translation>尚未进行人员配置搜索。</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="439"/>
        <source>No level tried kept {target:.0f} % of {label} cases within {minutes:.0f} min.</source>
        <translation>所试配置均未能使 {target:.0f} % 的{label}事件在 {minutes:.0f} 分钟内响应。</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="443"/>
        <source>Fewest {role} on the {shift} shift: {best}, keeping at least {target:.0f} % of {label} cases within {minutes:.0f} min (lower bound of the 95 % interval over {n} replications). Bold: the chosen level.</source>
        <translation>{shift}班最少需要{role} {best} 人，可使至少 {target:.0f} % 的{label}事件在 {minutes:.0f} 分钟内响应（{n} 次重复的 95 % 区间下限）。粗体为所选配置。</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="450"/>
        <source>Mean [95 % interval] over {n} replications. Differences are paired by replication (common random numbers); bold: the interval excludes zero.</source>
        <translation>{n} 次重复的均值 [95 % 置信区间]。差值按重复配对（共同随机数）；粗体：区间不含零。</translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="454"/>
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
        <source>Today</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="263"/>
        <source>{name} (copy)</source>
        <translation>{name}（副本）</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="312"/>
        <source>Running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="326"/>
        <source>The staffing search needs a street scenario.</source>
        <translation>人员配置搜索需要街道场景。</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="330"/>
        <source>Searching the fewest night-shift grid workers…</source>
        <translation>正在搜索夜班最少网格员人数…</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="347"/>
        <source>No level tried met the target ({n} levels tried).</source>
        <translation>所试配置均未达标（共试 {n} 种）。</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="349"/>
        <source>Fewest night-shift grid workers: {best} ({n} levels tried).</source>
        <translation>夜班最少网格员：{best} 人（共试 {n} 种）。</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="363"/>
        <source>Cancelled: showing the replications that finished.</source>
        <translation>已取消：显示已完成的重复。</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="366"/>
        <source>Done in {seconds:.1f} s.</source>
        <translation>用时 {seconds:.1f} 秒完成。</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="371"/>
        <source>The run failed: {message}</source>
        <translation>运行失败：{message}</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="378"/>
        <source>Copy scenario</source>
        <translation>复制方案</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="379"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="380"/>
        <source>Replications</source>
        <translation>重复次数</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="381"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="382"/>
        <source>Processes</source>
        <translation>进程数</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="383"/>
        <source>Start from now</source>
        <translation>从当前状态开始</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="384"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="385"/>
        <source>Fewest night workers</source>
        <translation>夜班最少人数</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="386"/>
        <source>Fewest night-shift grid workers per community that keep this share of red cases responded to within the target, at 95 % confidence</source>
        <translation>在 95 % 置信度下，使红色事件按时响应比例达到此值所需的各社区夜班最少网格员</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="388"/>
        <source>Required share of red cases within the response target</source>
        <translation>红色事件按时响应的要求比例</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="389"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="390"/>
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
        <location filename="../../widgets/debrief.py" line="252"/>
        <source>Training finished.</source>
        <translation>培训结束。</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="253"/>
        <source>Press Next to play on to the next decision.</source>
        <translation>按“下一步”播放到下一个决策点。</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="258"/>
        <location filename="../../widgets/debrief.py" line="317"/>
        <source>Triage</source>
        <translation>研判</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="258"/>
        <location filename="../../widgets/debrief.py" line="318"/>
        <source>Dispatch</source>
        <translation>派遣</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="258"/>
        <location filename="../../widgets/debrief.py" line="319"/>
        <source>Escalate</source>
        <translation>上报升级</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="278"/>
        <source>{kind} {case}: score {score:.1f} (SLA {sla:.1f}, choice {choice:.1f}); record: {recorded}; best: {best}</source>
        <translation>{kind} {case}：得分 {score:.1f}（时限 {sla:.1f}，选择 {choice:.1f}）；实际记录：{recorded}；最佳：{best}</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="308"/>
        <source>overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="320"/>
        <source>Let it pass</source>
        <translation>不处理</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="321"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="322"/>
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
        <location filename="../../widgets/wall.py" line="180"/>
        <source>Rotation paused: alarm</source>
        <translation>轮播暂停：告警</translation>
    </message>
</context>
<context>
    <name>ExportGate</name>
    <message>
        <location filename="../../widgets/export_gate.py" line="26"/>
        <source>Export refused</source>
        <translation>拒绝导出</translation>
    </message>
</context>
</TS>
