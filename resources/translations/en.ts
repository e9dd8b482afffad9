<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>AlarmBanner</name>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="124"/>
        <source>{n} more waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="144"/>
        <source>{n} messages missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="148"/>
        <source>(repeated {n}×)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="179"/>
        <source>Show case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="180"/>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseDetailPanel</name>
    <message>
        <location filename="../../widgets/case_detail.py" line="227"/>
        <source>Why reopen this case?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="229"/>
        <source>Why is this not a case?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="270"/>
        <source>Why re-dispatch this case?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="301"/>
        <source>Pick a person or a department first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="322"/>
        <source>Close without the resident&apos;s feedback: why?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="328"/>
        <source>Why escalate this case?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="337"/>
        <source>Why is it a duplicate of {case}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="352"/>
        <source>Reason required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="357"/>
        <source>There is no other open case to merge into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="360"/>
        <source>Merge duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="360"/>
        <source>Duplicate of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="411"/>
        <source>nobody yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="413"/>
        <source>ETA {eta} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="417"/>
        <source>escalated {n}×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="421"/>
        <source>repeated {n}×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="423"/>
        <source>merged into {case}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="439"/>
        <source>{left} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="441"/>
        <source>overdue by {late}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="471"/>
        <source>{item}: {place} · {eta} min · {reason} · {count} on the shelf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="481"/>
        <source>no place can send one now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="513"/>
        <source>no department team free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="530"/>
        <source>{kind} {name} {distance} m · {eta} min · {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="534"/>
        <source>{n} open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="562"/>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="562"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="562"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="563"/>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="563"/>
        <source>Owner level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="563"/>
        <source>Alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="567"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="567"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="567"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="567"/>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="567"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="568"/>
        <source>Show on map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="569"/>
        <location filename="../../widgets/case_detail.py" line="570"/>
        <source>Triage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="571"/>
        <location filename="../../widgets/case_detail.py" line="574"/>
        <source>Dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="572"/>
        <source>People by arrival</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="573"/>
        <source>Departments (whistle)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="575"/>
        <source>Items it needs, nearest by road</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="576"/>
        <source>Send item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="577"/>
        <source>Handling and feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="578"/>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="579"/>
        <source>On scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="580"/>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="581"/>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="582"/>
        <source>Fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="583"/>
        <source>Record feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="584"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="585"/>
        <source>Escalate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="586"/>
        <source>Merge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="587"/>
        <source>Reopen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="588"/>
        <source>Reject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="589"/>
        <source>Select a case in the queue (Enter opens it).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseQueuePanel</name>
    <message>
        <location filename="../../widgets/case_queue.py" line="56"/>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="57"/>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="58"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="59"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="60"/>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="61"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="62"/>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="63"/>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="64"/>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="65"/>
        <source>Owner level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="156"/>
        <source>Resolve by {due}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="460"/>
        <source>Export cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="460"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="465"/>
        <source>{shown} of {total} cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="472"/>
        <source>Open only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="473"/>
        <source>Overdue only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="474"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="476"/>
        <source>All risks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="477"/>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="479"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="480"/>
        <source>All communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="482"/>
        <source>All sources</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DebriefView</name>
    <message>
        <location filename="../../widgets/debrief.py" line="151"/>
        <source>Save debrief as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="157"/>
        <source>Save debrief as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="171"/>
        <source>Debrief of {trainee}: {start} – {end}, {n} decisions, score {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="173"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="173"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="173"/>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="173"/>
        <source>Trainee did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="174"/>
        <source>Record did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="174"/>
        <source>Best available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="174"/>
        <source>SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="174"/>
        <source>Choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="175"/>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="177"/>
        <source>Export PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="178"/>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Domain</name>
    <message>
        <location filename="../../widgets/i18n.py" line="218"/>
        <source>blue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="219"/>
        <source>yellow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="220"/>
        <source>red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="223"/>
        <location filename="../../widgets/i18n.py" line="302"/>
        <source>reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="224"/>
        <location filename="../../widgets/i18n.py" line="303"/>
        <source>triaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="225"/>
        <location filename="../../widgets/i18n.py" line="304"/>
        <location filename="../../widgets/i18n.py" line="351"/>
        <source>dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="226"/>
        <location filename="../../widgets/i18n.py" line="305"/>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="227"/>
        <location filename="../../widgets/i18n.py" line="256"/>
        <location filename="../../widgets/i18n.py" line="306"/>
        <location filename="../../widgets/i18n.py" line="352"/>
        <source>on scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="228"/>
        <location filename="../../widgets/i18n.py" line="307"/>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="229"/>
        <location filename="../../widgets/i18n.py" line="308"/>
        <source>feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="230"/>
        <location filename="../../widgets/i18n.py" line="309"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="231"/>
        <location filename="../../widgets/i18n.py" line="311"/>
        <source>merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="232"/>
        <location filename="../../widgets/i18n.py" line="313"/>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="235"/>
        <source>patrol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="236"/>
        <source>resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="237"/>
        <source>sensor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="238"/>
        <source>department referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="241"/>
        <source>grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="242"/>
        <source>community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="243"/>
        <source>street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="246"/>
        <source>grid worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="247"/>
        <source>micro-grid head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="248"/>
        <source>volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="249"/>
        <source>party member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="250"/>
        <source>department team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="253"/>
        <source>off duty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="254"/>
        <location filename="../../widgets/i18n.py" line="350"/>
        <source>available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="255"/>
        <source>en route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="257"/>
        <source>busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="260"/>
        <source>city management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="261"/>
        <source>police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="262"/>
        <source>fire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="263"/>
        <source>civil affairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="264"/>
        <source>health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="265"/>
        <source>emergency management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="266"/>
        <source>market regulation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="267"/>
        <source>housing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="268"/>
        <source>property management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="271"/>
        <source>own grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="272"/>
        <source>own community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="273"/>
        <location filename="../../widgets/i18n.py" line="355"/>
        <source>nearest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="274"/>
        <source>least loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="275"/>
        <source>whistle (department)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="278"/>
        <source>nearest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="279"/>
        <source>home grid first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="280"/>
        <source>priority, first come first served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="281"/>
        <source>least loaded first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="310"/>
        <source>escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="312"/>
        <source>reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="314"/>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="317"/>
        <source>smoke detector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="318"/>
        <source>elderly bracelet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="319"/>
        <source>smart water meter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="320"/>
        <source>manhole cover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="321"/>
        <source>camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="322"/>
        <source>parking sensor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="323"/>
        <source>environment sensor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="326"/>
        <source>sensor alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="327"/>
        <source>red case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="328"/>
        <source>overdue case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="329"/>
        <source>not on scene in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="330"/>
        <source>area overdue rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="331"/>
        <source>possible data loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="332"/>
        <source>low stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="335"/>
        <source>party-mass service centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="336"/>
        <source>party-mass service station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="337"/>
        <source>grid work station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="338"/>
        <source>patrol e-bike</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="339"/>
        <source>car</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="340"/>
        <source>cache at a station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="341"/>
        <source>cache at a school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="342"/>
        <source>cache at a market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="343"/>
        <source>cache at a hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="344"/>
        <source>cache at an office tower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="345"/>
        <source>cache in a park</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="346"/>
        <source>cache on a street front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="347"/>
        <source>cache in a residential block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="356"/>
        <source>nearer ones closed now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="357"/>
        <source>nearer ones out or used up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="358"/>
        <source>next nearest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="362"/>
        <source>stations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="363"/>
        <source>patrol e-bikes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="364"/>
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
        <location filename="../../widgets/i18n.py" line="561"/>
        <source>{h} h {m:02d} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="563"/>
        <source>{m} min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Kpi</name>
    <message>
        <location filename="../../widgets/i18n.py" line="284"/>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="285"/>
        <source>Open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="286"/>
        <source>Response time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="287"/>
        <source>Response time, 90th percentile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="288"/>
        <source>Accepted within target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="289"/>
        <source>Resolution time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="290"/>
        <source>Closure rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="291"/>
        <source>Overdue cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="292"/>
        <source>Overdue rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="293"/>
        <source>Mean rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="294"/>
        <source>Satisfaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="295"/>
        <source>Proactive discovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="296"/>
        <source>Source resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="297"/>
        <source>Resolved at level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="298"/>
        <source>Staff utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="421"/>
        <source>{m:.0f} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="423"/>
        <source>{h:.1f} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="436"/>
        <source>{h:.0f} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="439"/>
        <source>target ≤ {bound}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="439"/>
        <source>target ≥ {bound}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KpiPanel</name>
    <message>
        <location filename="../../widgets/kpi_panel.py" line="384"/>
        <source>Cases per hour: today (bars) and a usual day (line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_panel.py" line="385"/>
        <source>Response time today (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_panel.py" line="386"/>
        <source>Overdue open cases by community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_panel.py" line="387"/>
        <source>No overdue cases</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../widgets/main_window.py" line="238"/>
        <source>demo feed ×{speed:g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="212"/>
        <source>demo account {user}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="213"/>
        <source>signed in as {user}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="216"/>
        <source>database unavailable, nothing lost, retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="220"/>
        <source>saved to {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="224"/>
        <source>demo data, not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="228"/>
        <source>MQTT connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="228"/>
        <source>MQTT degraded, reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="229"/>
        <source>MQTT disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="232"/>
        <source>embedded broker (not durable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="252"/>
        <source>Refused: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="260"/>
        <source>Street Cockpit — {street} — {actor}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="102"/>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="103"/>
        <source>Case queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="104"/>
        <source>KPIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="105"/>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="107"/>
        <source>Resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="263"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="264"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="265"/>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="266"/>
        <source>Light (desk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="267"/>
        <source>Dark (night, wall)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="268"/>
        <source>Wall display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="269"/>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="270"/>
        <source>What-if simulation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="271"/>
        <source>Training session from this moment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="272"/>
        <source>Open a replay (cockpit replay LOG --window) to train on history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="42"/>
        <source>Training session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/training_desk.py" line="43"/>
        <source>Trainee&apos;s name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../../widgets/map_panel.py" line="306"/>
        <source>Search grid, case id or staff name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="307"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="308"/>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="309"/>
        <source>Colour by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="333"/>
        <source>{measure}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="335"/>
        <source>Legend:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="311"/>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="311"/>
        <source>General grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="311"/>
        <source>Micro-grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="315"/>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="315"/>
        <source>Sensors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="316"/>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="316"/>
        <source>Resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="317"/>
        <source>Dedicated grids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="322"/>
        <source>Open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="323"/>
        <source>Overdue cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="324"/>
        <source>Active alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="325"/>
        <source>Sensors silent or alarming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="326"/>
        <source>Available staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="327"/>
        <source>Households beyond reach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1016"/>
        <source>Dedicated grid: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1029"/>
        <source>{risk} risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1033"/>
        <source>OVERDUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1041"/>
        <source>ALARM {alarm}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1043"/>
        <source>silent since {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1045"/>
        <source>normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1062"/>
        <source> (low)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="1068"/>
        <source>Suggested site: {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <location filename="../../widgets/replay_bar.py" line="207"/>
        <location filename="../../widgets/replay_bar.py" line="244"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="207"/>
        <location filename="../../widgets/replay_bar.py" line="244"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="245"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="246"/>
        <source>Next alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="247"/>
        <source>Next red case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="248"/>
        <source>Loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="249"/>
        <source>Loop between the bookmarks around now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="250"/>
        <source>Bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_bar.py" line="251"/>
        <source>note</source>
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
        <location filename="../../widgets/resources_panel.py" line="283"/>
        <source>Households beyond {minutes:g} min of {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="307"/>
        <source>Pick a kind above and ask for the best new sites.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="311"/>
        <source>{kind} within {minutes:g} min: {before:.1%} → {after:.1%} of households ({covered_before:,} → {covered_after:,} of {households:,}); {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="323"/>
        <source>proven best ({seconds:.1f} s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="324"/>
        <source>best found, within {gap:.2%} of the best ({seconds:.1f} s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="341"/>
        <source>The what-if cannot run: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="345"/>
        <source>Running today&apos;s placement and the plan under one seed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="364"/>
        <source>The what-if was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="371"/>
        <source>The what-if failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="378"/>
        <source>Only a plan of an emergency item changes how fast cases get it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="384"/>
        <source>{category} about {cases:.0f} cases each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="388"/>
        <source>{replications} replications of four weeks, the very same cases in both (common random numbers): {cases}; mean [95 % interval]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="409"/>
        <source>report → person and {item} there (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="410"/>
        <source>dispatch → {item} there (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="411"/>
        <source>{item} within its standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="426"/>
        <source>{kind}: {free} of {total} free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="437"/>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/resources_panel.py" line="439"/>
        <source>{count} out on cases</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScenarioEditorPanel</name>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="51"/>
        <source>Grid workers and department teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="52"/>
        <source>Everyone on duty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="145"/>
        <source>Today: {base}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="175"/>
        <source>Street (departments)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="344"/>
        <source>Incident log to fit demand from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="344"/>
        <source>Incident logs (*.parquet *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="388"/>
        <source>Not valid: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="403"/>
        <source>Fitted from {file}: {per_day:.1f} cases a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="406"/>
        <source>Category table shares, demo hour-of-day profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="411"/>
        <source>{people} people take cases; {added} added, {removed} removed against today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="419"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="420"/>
        <source>Length (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="421"/>
        <source>Warm-up (hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="422"/>
        <source>Dispatch policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="423"/>
        <source>Cases a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="424"/>
        <source>Who takes cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="425"/>
        <source>Staffing of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="431"/>
        <source>Copy current staffing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="432"/>
        <source>Fit from log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="433"/>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="434"/>
        <source>Start again from the street&apos;s staffing as it is today</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScenarioResultsPanel</name>
    <message>
        <location filename="../../widgets/scenario_results.py" line="45"/>
        <source>Responded within target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="46"/>
        <source>Overdue rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="47"/>
        <source>Wait (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="48"/>
        <source>Response (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="49"/>
        <source>Resolution (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="50"/>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="51"/>
        <source>Handled by departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="52"/>
        <source>Utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="53"/>
        <source>Cases per replication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="57"/>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="58"/>
        <source>red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="59"/>
        <source>yellow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="60"/>
        <source>blue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="201"/>
        <source>KPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="201"/>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="337"/>
        <source>Largest increase: {grid} ({value:+.1f} pp); red is worse, blue better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="340"/>
        <source>Highest: {grid} ({value:.1f} %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="342"/>
        <source>No overdue or late cases in any grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="348"/>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="348"/>
        <source>Within target [95 % interval]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="348"/>
        <source>Meets target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="357"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="357"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="420"/>
        <source>Export comparison to folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="429"/>
        <source>Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="429"/>
        <source>Wait and response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="429"/>
        <source>Response target by risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="430"/>
        <source>Utilisation by hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="430"/>
        <source>Overdue by grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="430"/>
        <source>Staffing search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="433"/>
        <source>Cases late (no one on scene within target)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="434"/>
        <source>Red cases late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="435"/>
        <source>Overdue rate (past the resolve deadline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="202"/>
        <location filename="../../widgets/scenario_results.py" line="438"/>
        <source>{b} − {a}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="440"/>
        <source>Wait (minutes): share of cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="441"/>
        <source>Response (minutes): share of cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="442"/>
        <source>Share responded within target, 95 % interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="443"/>
        <source>Busy share of on-duty staff by hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="444"/>
        <source>General grids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="445"/>
        <source>Export CSV and PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="448"/>
        <source>No staffing search yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="450"/>
        <source>No level tried kept {target:.0f} % of {label} cases within {minutes:.0f} min.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="454"/>
        <source>Fewest {role} on the {shift} shift: {best}, keeping at least {target:.0f} % of {label} cases within {minutes:.0f} min (lower bound of the 95 % interval over {n} replications). Bold: the chosen level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="461"/>
        <source>Mean [95 % interval] over {n} replications. Differences are paired by replication (common random numbers); bold: the interval excludes zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="465"/>
        <source>No results yet: run the scenarios.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SimulationView</name>
    <message>
        <location filename="../../widgets/simulation_view.py" line="1"/>
        <source>Incident log of the street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="1"/>
        <source>Incident logs (*.parquet *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="1"/>
        <source>Cannot read the incident log: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="1"/>
        <source>Checking the baseline against the history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="1"/>
        <source>Baseline check done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="1"/>
        <source>No baseline check yet: use “Check against history…” to see whether the model reproduces the street's recent history before trusting a what-if.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="1"/>
        <source>Baseline check passed: calibrated on the history before its last {days} days, the model reproduces those days on all {n} indicators.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="1"/>
        <source>Warning: the baseline misses the history on {missed} of {n} indicators ({names}): outside the simulated 95 % range and more than 10 % off. Treat the what-if results below with caution.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="1"/>
        <source>Check against history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="1"/>
        <source>Calibrate the model on the street's incident log but its last four weeks, simulate those weeks and compare every indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="185"/>
        <location filename="../../widgets/simulation_view.py" line="207"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="285"/>
        <source>{name} (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="334"/>
        <source>Running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="348"/>
        <source>The staffing search needs a street scenario.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="352"/>
        <source>Searching the fewest night-shift grid workers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="369"/>
        <source>No level tried met the target ({n} levels tried).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="371"/>
        <source>Fewest night-shift grid workers: {best} ({n} levels tried).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="385"/>
        <source>Cancelled: showing the replications that finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="388"/>
        <source>Done in {seconds:.1f} s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="393"/>
        <source>The run failed: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="400"/>
        <source>Copy scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="401"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="402"/>
        <source>Replications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="403"/>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="404"/>
        <source>Processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="405"/>
        <source>Start from now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="406"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="407"/>
        <source>Fewest night workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="408"/>
        <source>Fewest night-shift grid workers per community that keep this share of red cases responded to within the target, at 95 % confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="410"/>
        <source>Required share of red cases within the response target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="411"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="412"/>
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
    <name>TrainingPanel</name>
    <message>
        <location filename="../../widgets/debrief.py" line="267"/>
        <source>Training finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="268"/>
        <source>Press Next to play on to the next decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="273"/>
        <location filename="../../widgets/debrief.py" line="332"/>
        <source>Triage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="273"/>
        <location filename="../../widgets/debrief.py" line="333"/>
        <source>Dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="273"/>
        <location filename="../../widgets/debrief.py" line="334"/>
        <source>Escalate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="293"/>
        <source>{kind} {case}: score {score:.1f} (SLA {sla:.1f}, choice {choice:.1f}); record: {recorded}; best: {best}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="323"/>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="335"/>
        <source>Let it pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="336"/>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="337"/>
        <source>reason</source>
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
        <location filename="../../widgets/wall.py" line="33"/>
        <source>Resources and coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall.py" line="181"/>
        <source>Rotation paused: alarm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
