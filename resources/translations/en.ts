<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>Actor</name>
    <message>
        <location filename="../../widgets/i18n.py" line="336"/>
        <source>autopilot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="337"/>
        <source>system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="338"/>
        <source>resident</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlarmBanner</name>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="234"/>
        <source>{n} more waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="253"/>
        <source>{n} alarms within a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="265"/>
        <source>(repeated {n}×)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="296"/>
        <source>Show case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="297"/>
        <source>comment (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="299"/>
        <source>Shelve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="300"/>
        <source>Take the alarm off the banner for a while, with a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="301"/>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="261"/>
        <source>{n} messages missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseDetailPanel</name>
    <message>
        <location filename="../../widgets/case_detail.py" line="271"/>
        <source>Why reopen this case?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="273"/>
        <source>Why is this not a case?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="320"/>
        <source>Why re-dispatch this case?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="351"/>
        <source>Pick a person or a department first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="372"/>
        <source>Close without the resident&apos;s feedback: why?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="378"/>
        <source>Why escalate this case?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="387"/>
        <source>Why is it a duplicate of {case}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="402"/>
        <source>Reason required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="407"/>
        <source>There is no other open case to merge into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="410"/>
        <source>Merge duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="410"/>
        <source>Duplicate of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="461"/>
        <source>nobody yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="463"/>
        <source>ETA {eta} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="467"/>
        <source>escalated {n}×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="471"/>
        <source>repeated {n}×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="473"/>
        <source>merged into {case}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="489"/>
        <source>{left} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="491"/>
        <source>overdue by {late}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="565"/>
        <source>no department team free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="614"/>
        <source>People by arrival (road)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="604"/>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="604"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="604"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="605"/>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="605"/>
        <source>Owner level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="605"/>
        <source>Alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="609"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="609"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="609"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="609"/>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="609"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="610"/>
        <source>Show on map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="611"/>
        <location filename="../../widgets/case_detail.py" line="612"/>
        <source>Triage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="613"/>
        <location filename="../../widgets/case_detail.py" line="616"/>
        <source>Dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="615"/>
        <source>Departments (whistle)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="619"/>
        <source>Handling and feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="620"/>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="621"/>
        <source>On scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="622"/>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="623"/>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="624"/>
        <source>Fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="625"/>
        <source>Record feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="626"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="627"/>
        <source>Escalate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="628"/>
        <source>Merge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="629"/>
        <source>Reopen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="630"/>
        <source>Reject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="631"/>
        <source>Select a case in the queue (Enter opens it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="521"/>
        <source>{item}: {place} · {eta} min · {reason} · {count} on the shelf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="531"/>
        <source>no place can send one now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="617"/>
        <source>Items it needs, nearest by road</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="618"/>
        <source>Send item</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseQueuePanel</name>
    <message>
        <location filename="../../widgets/case_queue.py" line="64"/>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="65"/>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="66"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="67"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="68"/>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="69"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="70"/>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="71"/>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="72"/>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="73"/>
        <source>Owner level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="77"/>
        <source>respond {left}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="78"/>
        <source>response late {left}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="79"/>
        <source>resolve {left}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="80"/>
        <source>overdue {left}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="169"/>
        <source>Resolve by {due}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="172"/>
        <source>Respond by {due}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="388"/>
        <source>Your account works in community {area}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="517"/>
        <source>Export cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="517"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="524"/>
        <source>Not exported: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="528"/>
        <source>{n} cases exported to {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="532"/>
        <source>{shown} of {total} cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="539"/>
        <source>Open only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="540"/>
        <source>Overdue only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="541"/>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="542"/>
        <source>For programs (ISO 8601 times, codes, minutes)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="543"/>
        <source>As shown (for reading)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="545"/>
        <source>All risks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="546"/>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="548"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="549"/>
        <source>All communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="551"/>
        <source>All sources</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Debrief</name>
    <message>
        <location filename="../../widgets/debrief.py" line="41"/>
        <source>triage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="42"/>
        <source>dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="43"/>
        <source>escalate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="46"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="47"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="48"/>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="49"/>
        <source>Trainee did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="50"/>
        <source>Record did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="51"/>
        <source>Best available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="52"/>
        <source>SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="53"/>
        <source>Choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="54"/>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="77"/>
        <source>let pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="93"/>
        <source>{m:.0f} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="96"/>
        <source>to {level}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="98"/>
        <source>escalated {n}×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="100"/>
        <source>at {time}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DebriefView</name>
    <message>
        <location filename="../../widgets/debrief.py" line="222"/>
        <source>trainer: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="223"/>
        <source>log: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="235"/>
        <source>Decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="264"/>
        <source>Could not save {name}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="267"/>
        <source>Saved {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="271"/>
        <source>Save debrief as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="271"/>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="276"/>
        <source>Save debrief as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="276"/>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="281"/>
        <source>Save debrief as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="281"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="293"/>
        <source>Training debrief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="298"/>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="299"/>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="300"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="302"/>
        <source>Saved under the trainee&apos;s name: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="213"/>
        <source>Debrief of {trainee}: {start} – {end}, {n} decisions, score {total}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceHealthPanel</name>
    <message>
        <location filename="../../widgets/device_health.py" line="40"/>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_health.py" line="41"/>
        <source>low battery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_health.py" line="42"/>
        <source>flapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_health.py" line="115"/>
        <source>{offline} offline (no report for three intervals) · {battery} low battery (under {limit:.0%}) · {flapping} flapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_health.py" line="128"/>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_health.py" line="129"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_health.py" line="129"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_health.py" line="129"/>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_health.py" line="130"/>
        <source>Trouble</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_health.py" line="130"/>
        <source>Last heard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_health.py" line="130"/>
        <source>Battery</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Domain</name>
    <message>
        <location filename="../../widgets/i18n.py" line="230"/>
        <source>blue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="231"/>
        <source>yellow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="232"/>
        <source>red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="235"/>
        <location filename="../../widgets/i18n.py" line="321"/>
        <source>reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="236"/>
        <location filename="../../widgets/i18n.py" line="322"/>
        <source>triaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="237"/>
        <location filename="../../widgets/i18n.py" line="323"/>
        <location filename="../../widgets/i18n.py" line="377"/>
        <source>dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="238"/>
        <location filename="../../widgets/i18n.py" line="324"/>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="239"/>
        <location filename="../../widgets/i18n.py" line="268"/>
        <location filename="../../widgets/i18n.py" line="325"/>
        <location filename="../../widgets/i18n.py" line="378"/>
        <source>on scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="240"/>
        <location filename="../../widgets/i18n.py" line="326"/>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="241"/>
        <location filename="../../widgets/i18n.py" line="327"/>
        <source>feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="242"/>
        <location filename="../../widgets/i18n.py" line="328"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="243"/>
        <location filename="../../widgets/i18n.py" line="330"/>
        <source>merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="244"/>
        <location filename="../../widgets/i18n.py" line="332"/>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="247"/>
        <source>patrol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="248"/>
        <source>resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="249"/>
        <source>sensor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="250"/>
        <source>department referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="253"/>
        <source>grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="254"/>
        <source>community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="255"/>
        <source>street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="258"/>
        <source>grid worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="259"/>
        <source>micro-grid head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="260"/>
        <source>volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="261"/>
        <source>party member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="262"/>
        <source>department team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="265"/>
        <source>off duty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="266"/>
        <location filename="../../widgets/i18n.py" line="376"/>
        <source>available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="267"/>
        <source>en route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="269"/>
        <source>busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="272"/>
        <source>city management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="273"/>
        <source>police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="274"/>
        <source>fire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="275"/>
        <source>civil affairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="276"/>
        <source>health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="277"/>
        <source>emergency management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="278"/>
        <source>market regulation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="279"/>
        <source>housing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="280"/>
        <source>property management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="283"/>
        <source>own grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="284"/>
        <source>own community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="285"/>
        <location filename="../../widgets/i18n.py" line="381"/>
        <source>nearest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="286"/>
        <source>least loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="287"/>
        <source>whistle (department)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="290"/>
        <source>mediation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="291"/>
        <source>fire safety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="292"/>
        <source>first aid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="293"/>
        <source>inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="294"/>
        <source>general</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="297"/>
        <source>nearest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="298"/>
        <source>home grid first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="299"/>
        <source>priority, first come first served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="300"/>
        <source>least loaded first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="329"/>
        <source>escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="331"/>
        <source>reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="333"/>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="342"/>
        <source>smoke detector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="343"/>
        <source>elderly bracelet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="344"/>
        <source>smart water meter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="345"/>
        <source>manhole cover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="346"/>
        <source>camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="347"/>
        <source>parking sensor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="348"/>
        <source>environment sensor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="351"/>
        <source>sensor alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="352"/>
        <source>red case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="353"/>
        <source>overdue case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="355"/>
        <source>area overdue rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="356"/>
        <source>alarm flood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="460"/>
        <source>{eta} min ({mode})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="469"/>
        <source>has {skill}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="470"/>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="471"/>
        <source>{n} open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="354"/>
        <source>not on scene in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="357"/>
        <source>possible data loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="358"/>
        <source>low stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="361"/>
        <source>party-mass service centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="362"/>
        <source>party-mass service station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="363"/>
        <source>grid work station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="364"/>
        <source>patrol e-bike</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="365"/>
        <source>car</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="366"/>
        <source>cache at a station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="367"/>
        <source>cache at a school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="368"/>
        <source>cache at a market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="369"/>
        <source>cache at a hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="370"/>
        <source>cache at an office tower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="371"/>
        <source>cache in a park</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="372"/>
        <source>cache on a street front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="373"/>
        <source>cache in a residential block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="382"/>
        <source>nearer ones closed now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="383"/>
        <source>nearer ones out or used up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="384"/>
        <source>next nearest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="388"/>
        <source>stations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="389"/>
        <source>patrol e-bikes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="390"/>
        <source>cars</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportGate</name>
    <message>
        <location filename="../../widgets/export_gate.py" line="25"/>
        <source>Export refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../../widgets/i18n.py" line="631"/>
        <source>{h} h {m:02d} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="633"/>
        <source>{m} min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Kpi</name>
    <message>
        <location filename="../../widgets/i18n.py" line="303"/>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="304"/>
        <source>Open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="305"/>
        <source>Response time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="306"/>
        <source>Response time, 90th percentile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="307"/>
        <source>Accepted within target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="308"/>
        <source>Resolution time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="309"/>
        <source>Closure rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="310"/>
        <source>Overdue cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="311"/>
        <source>Overdue rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="312"/>
        <source>Mean rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="313"/>
        <source>Satisfaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="314"/>
        <source>Proactive discovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="315"/>
        <source>Source resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="316"/>
        <source>Resolved at level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="317"/>
        <source>Staff utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="482"/>
        <source>{m:.0f} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="484"/>
        <source>{h:.1f} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="497"/>
        <source>{h:.0f} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="500"/>
        <source>target ≤ {bound}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="500"/>
        <source>target ≥ {bound}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KpiPanel</name>
    <message>
        <location filename="../../widgets/kpi_panel.py" line="401"/>
        <source>Cases per hour: today (bars) and a usual day (line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_panel.py" line="402"/>
        <source>Response time today (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_panel.py" line="403"/>
        <source>Overdue open cases by community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_panel.py" line="404"/>
        <source>No overdue cases</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../widgets/login_dialog.py" line="58"/>
        <source>Enter your user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/login_dialog.py" line="67"/>
        <source>The account database cannot be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/login_dialog.py" line="74"/>
        <source>Street Cockpit — log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/login_dialog.py" line="75"/>
        <source>Log in to {street}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/login_dialog.py" line="76"/>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/login_dialog.py" line="77"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../widgets/main_window.py" line="308"/>
        <source>demo feed ×{speed:g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="276"/>
        <source>demo account {user}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="33"/>
        <source>REPLAY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="33"/>
        <source>TRAINING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="277"/>
        <source>signed in as {user}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="279"/>
        <source>community {area}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="280"/>
        <source>whole street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="281"/>
        <source>{account} ({role} · {scope})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="286"/>
        <source>database unavailable, nothing lost, retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="290"/>
        <source>saved to {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="294"/>
        <source>demo data, not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="298"/>
        <source>MQTT connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="298"/>
        <source>MQTT degraded, reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="299"/>
        <source>MQTT disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="302"/>
        <source>embedded broker (not durable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="322"/>
        <source>Refused: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="330"/>
        <source>Street Cockpit — {street} — {actor}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="350"/>
        <source>Daily report (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="351"/>
        <source>Weekly report (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="112"/>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="113"/>
        <source>Case queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="114"/>
        <source>KPIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="115"/>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="117"/>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="339"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="340"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="341"/>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="342"/>
        <source>Light (desk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="343"/>
        <source>Dark (night, wall)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="344"/>
        <source>Wall display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="345"/>
        <source>Sound on red alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="346"/>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="347"/>
        <source>What-if simulation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="348"/>
        <source>Training session from this moment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="349"/>
        <source>Open a replay (cockpit replay LOG --window) to train on history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/desk.py" line="34"/>
        <source>Residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/desk.py" line="106"/>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/desk.py" line="119"/>
        <source>Report not written: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/desk.py" line="122"/>
        <source>Report written to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="121"/>
        <source>Resources</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../../widgets/map_panel.py" line="319"/>
        <source>Search grid, case id or staff name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="320"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="322"/>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="323"/>
        <source>Colour by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="347"/>
        <source>{measure}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="349"/>
        <source>Legend:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="325"/>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="321"/>
        <source>Back to the whole street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="325"/>
        <source>General grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="325"/>
        <source>Micro-grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="329"/>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="329"/>
        <source>Sensors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="330"/>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="331"/>
        <source>Dedicated grids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="336"/>
        <source>Open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="337"/>
        <source>Overdue cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="338"/>
        <source>Active alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="339"/>
        <source>Sensors silent or alarming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="340"/>
        <source>Available staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1069"/>
        <source>Dedicated grid: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1082"/>
        <source>{risk} risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1086"/>
        <source>OVERDUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1096"/>
        <source>ALARM {alarm}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1098"/>
        <source>silent since {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1100"/>
        <source>normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1107"/>
        <source>{n} sensors · {silent} silent · {alarming} alarming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1109"/>
        <source>Drill in to see each sensor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="330"/>
        <source>Resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="341"/>
        <source>Households beyond reach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1125"/>
        <source> (low)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1131"/>
        <source>Suggested site: {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../widgets/i18n.py" line="219"/>
        <source>&amp;Look in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="220"/>
        <source>Files of &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="221"/>
        <source>File &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <location filename="../../widgets/i18n.py" line="222"/>
        <source>Drive</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <location filename="../../widgets/error_text.py" line="23"/>
        <location filename="../../widgets/error_text.py" line="53"/>
        <source>triage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="24"/>
        <location filename="../../widgets/error_text.py" line="54"/>
        <source>dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="25"/>
        <source>record an acceptance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="26"/>
        <source>record an arrival</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="27"/>
        <source>resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="28"/>
        <source>record feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="29"/>
        <source>close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="30"/>
        <location filename="../../widgets/error_text.py" line="55"/>
        <source>escalate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="31"/>
        <source>merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="32"/>
        <source>reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="33"/>
        <source>reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="34"/>
        <source>handle alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="35"/>
        <source>see personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="36"/>
        <source>view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="37"/>
        <source>export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="38"/>
        <source>run simulations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="39"/>
        <source>run training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="40"/>
        <source>import residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="41"/>
        <source>purge personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="42"/>
        <source>manage accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="43"/>
        <source>verify the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="46"/>
        <source>operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="47"/>
        <source>leader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="48"/>
        <source>trainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="49"/>
        <source>administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="50"/>
        <source>auditor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="56"/>
        <source>a re-dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="57"/>
        <source>closing without the resident&apos;s feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="58"/>
        <source>an escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="59"/>
        <source>a merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="60"/>
        <source>reopening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="61"/>
        <source>rejecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="86"/>
        <source>concerns the whole street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="87"/>
        <source>is in community {area}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="93"/>
        <source>{role} {user} may act only in community {scope}; {target} {area}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="97"/>
        <source>{role} {user} may not {action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="100"/>
        <source>unknown user {user} may not {action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="103"/>
        <source>to {action} you must be logged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="106"/>
        <source>account {user} is disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="108"/>
        <source>account {user} is locked after {n} failed logins until {until}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="111"/>
        <source>wrong user name or password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="113"/>
        <source>case {case}: cannot {step} a case that is {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="116"/>
        <source>case {case}: {what} needs a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="119"/>
        <source>case {case}: already dispatched to {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="122"/>
        <source>case {case}: the street already owns it; nothing is above it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="125"/>
        <source>case {case}: no such case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="127"/>
        <source>case {case}: nobody called {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="129"/>
        <source>case {case}: a rating is between 1 and 5, not {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="132"/>
        <source>case {case}: a case cannot be merged into itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="134"/>
        <source>case {case}: it cannot be merged into {target}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="137"/>
        <source>alarm {alarm} is already {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="138"/>
        <source>acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="138"/>
        <source>cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="140"/>
        <source>shelving an alarm needs a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="142"/>
        <source>this window replays history: nothing can be changed here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="144"/>
        <source>training: no decision waits; play on to the next case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="146"/>
        <source>training: no decision waits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="148"/>
        <source>training: the session waits for the {kind} of case {case}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="151"/>
        <source>training: only the trainee {who} decides here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="163"/>
        <source>case {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="163"/>
        <source>alarm {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/error_text.py" line="164"/>
        <source>resident {id}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <location filename="../../widgets/replay_bar.py" line="151"/>
        <source>{time} · {n} reports · {red} red overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="269"/>
        <source>Type a time like 2026-10-05 21:05 or 21:05</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="272"/>
        <source>The log runs from {start} to {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="324"/>
        <location filename="../../widgets/replay_bar.py" line="366"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="324"/>
        <location filename="../../widgets/replay_bar.py" line="366"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="362"/>
        <source>REPLAY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="364"/>
        <location filename="../../widgets/replay_bar.py" line="426"/>
        <source>as fast as possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="367"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="368"/>
        <source>Next alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="369"/>
        <source>Next red case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="370"/>
        <source>Loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="371"/>
        <source>Loop between the bookmarks around now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="372"/>
        <source>Bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="373"/>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="374"/>
        <source>jump to 21:05…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="375"/>
        <source>Reports per hour; red: red cases that went overdue. Click to go there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="428"/>
        <source>playing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="429"/>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../widgets/reports.py" line="50"/>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="51"/>
        <source>None.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="52"/>
        <source>The cases reported in the period, judged at {end}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="53"/>
        <source>KPIs against target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="54"/>
        <source>KPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="55"/>
        <source>This period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="56"/>
        <source>Period before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="57"/>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="58"/>
        <source>Cases per hour, overdue in red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="59"/>
        <source>Cases per day, overdue in red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="60"/>
        <source>Overdue by community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="61"/>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="62"/>
        <source>Overdue cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="63"/>
        <source>Top categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="64"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="65"/>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="66"/>
        <source>Red cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="67"/>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="68"/>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="69"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="80"/>
        <source>{street} daily report {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="82"/>
        <source>{street} weekly report {start} – {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="93"/>
        <source>met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="94"/>
        <source>missed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../widgets/reports.py" line="189"/>
        <source>Daily report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="189"/>
        <source>Weekly report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="190"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/reports.py" line="190"/>
        <source>Week ending on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResidentsPanel</name>
    <message>
        <location filename="../../widgets/residents_panel.py" line="44"/>
        <source>Micro-grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="45"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="46"/>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="47"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="48"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="49"/>
        <source>Special care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="52"/>
        <source>elderly living alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="53"/>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="54"/>
        <source>child left behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="55"/>
        <source>chronic illness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="56"/>
        <source>mobility impaired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="57"/>
        <source>dementia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="58"/>
        <source>hypertension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="59"/>
        <source>diabetes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="149"/>
        <source>Log in to see residents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="160"/>
        <source>Shown masked. Seeing a record in clear asks for a reason and is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="173"/>
        <source>{n} residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="188"/>
        <source>Why do you need this resident&apos;s personal data?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="202"/>
        <source>Reason required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="206"/>
        <source>Resident (recorded in the audit log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="210"/>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="229"/>
        <source>All communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents_panel.py" line="235"/>
        <source>Show in clear…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResourcesPanel</name>
    <message>
        <location filename="../../widgets/resources_panel.py" line="211"/>
        <source>Coverage by road</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="213"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="213"/>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="213"/>
        <source>Households within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="213"/>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="214"/>
        <source>Best new sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="215"/>
        <source>New sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="216"/>
        <source>Suggest sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="217"/>
        <source>Replications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="218"/>
        <source>Effect on response (what-if)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="219"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="220"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="220"/>
        <source>With the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="220"/>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="221"/>
        <source>Vehicles and stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="223"/>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="223"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="223"/>
        <source>On the shelf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="223"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="248"/>
        <source>{minutes:g} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="287"/>
        <source>Households beyond {minutes:g} min of {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="311"/>
        <source>Pick a kind above and ask for the best new sites.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="315"/>
        <source>{kind} within {minutes:g} min: {before:.1%} → {after:.1%} of households ({covered_before:,} → {covered_after:,} of {households:,}); {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="327"/>
        <source>proven best ({seconds:.1f} s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="328"/>
        <source>best found, within {gap:.2%} of the best ({seconds:.1f} s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="345"/>
        <source>The what-if cannot run: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="349"/>
        <source>Running today&apos;s placement and the plan under one seed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="368"/>
        <source>The what-if was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="375"/>
        <source>The what-if failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="382"/>
        <source>Only a plan of an emergency item changes how fast cases get it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="388"/>
        <source>{category} about {cases:.0f} cases each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="392"/>
        <source>{replications} replications of four weeks, the very same cases in both (common random numbers): {cases}; mean [95 % interval]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="413"/>
        <source>report → person and {item} there (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="414"/>
        <source>dispatch → {item} there (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="415"/>
        <source>{item} within its standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="430"/>
        <source>{kind}: {free} of {total} free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="441"/>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="443"/>
        <source>{count} out on cases</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScenarioEditorPanel</name>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="52"/>
        <source>Grid workers and department teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="53"/>
        <source>Everyone on duty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="146"/>
        <source>Today: {base}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="176"/>
        <source>Street (departments)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="345"/>
        <source>Incident log to fit demand from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="345"/>
        <source>Incident logs (*.parquet *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="389"/>
        <source>Not valid: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="404"/>
        <source>Fitted from {file}: {per_day:.1f} cases a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="407"/>
        <source>Category table shares, demo hour-of-day profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="412"/>
        <source>{people} people take cases; {added} added, {removed} removed against today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="420"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="421"/>
        <source>Length (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="422"/>
        <source>Warm-up (hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="423"/>
        <source>Dispatch policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="424"/>
        <source>Cases a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="425"/>
        <source>Who takes cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="426"/>
        <source>Staffing of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="432"/>
        <source>Copy current staffing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="433"/>
        <source>Fit from log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="434"/>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="435"/>
        <source>Start again from the street&apos;s staffing as it is today</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScenarioResultsPanel</name>
    <message>
        <location filename="../../widgets/scenario_results.py" line="55"/>
        <source>Responded within target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="56"/>
        <source>Overdue rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="57"/>
        <source>Wait (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="58"/>
        <source>Response (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="59"/>
        <source>Resolution (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="60"/>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="61"/>
        <source>Handled by departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="62"/>
        <source>Utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="63"/>
        <source>Cases per replication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="67"/>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="68"/>
        <source>red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="69"/>
        <source>yellow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="70"/>
        <source>blue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="208"/>
        <source>Indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="208"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="208"/>
        <source>Simulated [95 % range]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="209"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="209"/>
        <source>Reproduced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="252"/>
        <source>KPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="252"/>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="390"/>
        <source>no cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="395"/>
        <source>Largest increase: {grid} ({value:+.1f} pp); red is worse, blue better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="398"/>
        <source>Highest: {grid} ({value:.1f} %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="400"/>
        <source>No overdue or late cases in any grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="217"/>
        <location filename="../../widgets/scenario_results.py" line="445"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="217"/>
        <location filename="../../widgets/scenario_results.py" line="445"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="456"/>
        <source>The staffing search was cancelled after {runs} staffings; no recommendation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="466"/>
        <source>{label} would fall to {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="468"/>
        <source>{shift}: {today} → {recommended} grid workers; binding: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="472"/>
        <source>{shift}: no staffing up to three times today&apos;s meets every constraint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="476"/>
        <source>Every constraint at the lower (upper) bound of a one-sided {confidence} % interval over {n} replications; {runs} staffings simulated, {years:.1f} street-years.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="544"/>
        <source>Export comparison to folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="553"/>
        <source>Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="553"/>
        <source>Wait and response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="553"/>
        <source>Response target by risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="554"/>
        <source>Utilisation by hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="554"/>
        <source>Overdue by grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="554"/>
        <source>Staffing search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="555"/>
        <source>Sensitivity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="555"/>
        <source>Baseline check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="558"/>
        <source>Cases late (no one on scene within target)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="559"/>
        <source>Red cases late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="560"/>
        <source>Overdue rate (past the resolve deadline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="253"/>
        <location filename="../../widgets/scenario_results.py" line="563"/>
        <source>{b} − {a}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="424"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="440"/>
        <source>Constraint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="440"/>
        <source>Value [one-sided bounds]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="440"/>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="440"/>
        <source>Met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="565"/>
        <source>Wait (minutes): share of cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="566"/>
        <source>Response (minutes): share of cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="567"/>
        <source>Share responded within target, 95 % interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="568"/>
        <source>Busy share of on-duty staff by hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="569"/>
        <source>General grids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="570"/>
        <source>Export CSV and PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="454"/>
        <source>No staffing search yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="579"/>
        <source>Mean [95 % interval] over {n} replications. Differences are paired by replication (common random numbers); bold: the interval excludes zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="583"/>
        <source>No results yet: run the scenarios.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SensitivityPanel</name>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="24"/>
        <source>Demand (cases per day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="25"/>
        <source>On-scene work time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="26"/>
        <source>Acceptance delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="27"/>
        <source>Travel time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="28"/>
        <source>Department waiting time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="29"/>
        <source>Triage and dispatch delays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="30"/>
        <source>Grid workers on every shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="31"/>
        <source>Reopen probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="36"/>
        <source>Report to on scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="37"/>
        <source>Utilisation of staff on duty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="73"/>
        <source>{v:+.1f} pp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="75"/>
        <source>{v:+.1f} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="77"/>
        <source>{v:+.2f} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="143"/>
        <source>Change from the base ({unit})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="180"/>
        <source>No sensitivity run yet: “Sensitivity ±20 %” moves each input the street only estimates by 20 % either way and shows how far the answer moves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="185"/>
        <source>{scenario}: {kpi} is {base} at the base. Bars: the change with each input at −{p:.0f} % and +{p:.0f} %, whiskers its 95 % interval over {n} paired replications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="190"/>
        <source>Largest: {name}, {low} at −{p:.0f} % and {high} at +{p:.0f} %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="194"/>
        <source>Cancelled: only the inputs that finished are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="201"/>
        <source>Indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="204"/>
        <source>input −{p:.0f} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="205"/>
        <source>input +{p:.0f} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="219"/>
        <source>percentage points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="221"/>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="223"/>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="225"/>
        <source>rating points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="226"/>
        <source>cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="234"/>
        <source>{v:.1f} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sensitivity_panel.py" line="236"/>
        <source>{v:.2f} h</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShelveDialog</name>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="91"/>
        <source>Shelve alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="92"/>
        <source>why (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="98"/>
        <source>{m} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="93"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="94"/>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SimulationView</name>
    <message>
        <location filename="../../widgets/simulation_view.py" line="415"/>
        <source>Searching the fewest grid workers per community and shift…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="451"/>
        <source>Incident log of the street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="452"/>
        <source>Incident logs (*.parquet *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="469"/>
        <source>Cannot read the incident log: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="476"/>
        <source>Checking the baseline against the history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="487"/>
        <source>Baseline check done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="494"/>
        <source>No baseline check yet: use “Check against history…” to see whether the model reproduces the street&apos;s recent history before trusting a what-if.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="502"/>
        <source>Baseline check passed: calibrated on the history before its last {days} days, the model reproduces those days on all {n} indicators.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="509"/>
        <source>Warning: the baseline misses the history on {missed} of {n} indicators ({names}): outside the simulated 95 % range and more than 10 % off. Treat the what-if results below with caution.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="527"/>
        <source>Staffing search cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="531"/>
        <source>Staffing search done: {recommended} grid workers over all shifts instead of {today} ({runs} staffings simulated).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="568"/>
        <source>Optimise staffing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="569"/>
        <source>Fewest grid workers per community and shift that keep every risk class on scene within 2 h and accepted within target in every shift, and every community&apos;s overdue rate, at 95 % confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="577"/>
        <source>Check against history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="580"/>
        <source>Calibrate the model on the street&apos;s incident log but its last four weeks, simulate those weeks and compare every indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="254"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="346"/>
        <source>{name} (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="396"/>
        <source>Running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="411"/>
        <source>The staffing search needs a street scenario.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="428"/>
        <source>The sensitivity analysis needs a street scenario.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="436"/>
        <source>Moving each input by 20 % either way…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="443"/>
        <source>Cancelled: showing the inputs that finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="445"/>
        <source>Sensitivity done: {n} inputs, {r} replications each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="546"/>
        <source>Cancelled: showing the replications that finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="549"/>
        <source>Done in {seconds:.1f} s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="554"/>
        <source>The run failed: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="561"/>
        <source>Copy scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="562"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="563"/>
        <source>Replications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="564"/>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="565"/>
        <source>Processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="566"/>
        <source>Start from now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="567"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="572"/>
        <source>Sensitivity ±20 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="573"/>
        <source>Move each input the street only estimates (demand, work, acceptance, travel, department waiting, triage and dispatch, grid workers, reopening) by 20 % either way and show how far the answer moves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="576"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="578"/>
        <source>Incident log file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="579"/>
        <source>The demo street&apos;s last year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="583"/>
        <source>What-if simulation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffBoardPanel</name>
    <message>
        <location filename="../../widgets/staff_board.py" line="41"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/staff_board.py" line="42"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/staff_board.py" line="43"/>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/staff_board.py" line="44"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/staff_board.py" line="45"/>
        <source>Open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/staff_board.py" line="46"/>
        <source>Working on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/staff_board.py" line="47"/>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/staff_board.py" line="260"/>
        <source>{shown} shown · {on} on duty · {free} available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/staff_board.py" line="265"/>
        <source>On duty only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/staff_board.py" line="267"/>
        <source>All roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/staff_board.py" line="268"/>
        <source>All communities</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <location filename="../../widgets/training_desk.py" line="93"/>
        <source>From the moment shown ({hours:g} h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="98"/>
        <source>Bookmark {start} – {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="103"/>
        <source>Worst night {start} – {end}: {n} red cases overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="169"/>
        <source>Enter the trainee&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="172"/>
        <source>The window must end after it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="188"/>
        <source>Incident log to train on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="189"/>
        <source>Incident logs (*.parquet *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="225"/>
        <source>Training session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="226"/>
        <source>Trainee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="227"/>
        <source>Incident log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="228"/>
        <source>Another log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="229"/>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="230"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="231"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="232"/>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../../widgets/training_panel.py" line="189"/>
        <source>SLA {sla:.0f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="190"/>
        <source>choice {choice:.0f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="191"/>
        <source>{kind} {case}: score {score:.0f} ({parts}) · record: {recorded} · best: {best}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="193"/>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="201"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="201"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="204"/>
        <source>{n} decisions · {cases} cases in the window · mean score {mean}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="208"/>
        <source>Training finished: the debrief is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="212"/>
        <source>Playing the record ×{speed:g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="213"/>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="215"/>
        <source>The record plays until the next case needs your decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="222"/>
        <source>{time} · your decision: {kind} {case} · {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="226"/>
        <source>Triage in the case panel: category, risk level and owner level, then Triage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="227"/>
        <source>Dispatch in the case panel: pick a person (ranked by arrival by road) or a department, then Dispatch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="229"/>
        <source>The case passed its deadline: escalate it in the case panel (Escalate…) or let it pass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="237"/>
        <source>Next decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="238"/>
        <source>Let it pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="239"/>
        <source>End training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_panel.py" line="240"/>
        <source>Playback speed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WallDisplay</name>
    <message>
        <location filename="../../widgets/wall.py" line="29"/>
        <source>Street map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall.py" line="30"/>
        <source>Today&apos;s KPIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall.py" line="31"/>
        <source>Open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall.py" line="32"/>
        <source>Staff on shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall.py" line="183"/>
        <source>Rotation paused: alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall.py" line="205"/>
        <source>Street Cockpit — wall display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall.py" line="33"/>
        <source>Resources and coverage</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
