<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>AlarmBanner</name>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="123"/>
        <source>{n} more waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="134"/>
        <source>{n} messages missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="145"/>
        <source>(repeated {n}×)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="176"/>
        <source>Show case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_banner.py" line="177"/>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseDetailPanel</name>
    <message>
        <location filename="../../widgets/case_detail.py" line="213"/>
        <source>Why reopen this case?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="215"/>
        <source>Why is this not a case?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="255"/>
        <source>Why re-dispatch this case?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="286"/>
        <source>Pick a person or a department first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="307"/>
        <source>Close without the resident&apos;s feedback: why?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="313"/>
        <source>Why escalate this case?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="322"/>
        <source>Why is it a duplicate of {case}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="337"/>
        <source>Reason required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="342"/>
        <source>There is no other open case to merge into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="345"/>
        <source>Merge duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="345"/>
        <source>Duplicate of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="396"/>
        <source>nobody yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="398"/>
        <source>ETA {eta} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="402"/>
        <source>escalated {n}×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="406"/>
        <source>repeated {n}×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="408"/>
        <source>merged into {case}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="424"/>
        <source>{left} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="426"/>
        <source>overdue by {late}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="463"/>
        <source>no department team free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="480"/>
        <source>{kind} {name} {distance} m · {eta} min · {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="484"/>
        <source>{n} open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="510"/>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="510"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="510"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="511"/>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="511"/>
        <source>Owner level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="511"/>
        <source>Alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="515"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="515"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="515"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="515"/>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="515"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="516"/>
        <source>Show on map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="517"/>
        <location filename="../../widgets/case_detail.py" line="518"/>
        <source>Triage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="519"/>
        <location filename="../../widgets/case_detail.py" line="522"/>
        <source>Dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="520"/>
        <source>People by arrival</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="521"/>
        <source>Departments (whistle)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="523"/>
        <source>Handling and feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="524"/>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="525"/>
        <source>On scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="526"/>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="527"/>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="528"/>
        <source>Fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="529"/>
        <source>Record feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="530"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="531"/>
        <source>Escalate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="532"/>
        <source>Merge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="533"/>
        <source>Reopen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="534"/>
        <source>Reject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="535"/>
        <source>Select a case in the queue (Enter opens it).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseQueuePanel</name>
    <message>
        <location filename="../../widgets/case_queue.py" line="54"/>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="55"/>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="56"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="57"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="58"/>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="59"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="60"/>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="61"/>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="62"/>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="63"/>
        <source>Owner level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="152"/>
        <source>Resolve by {due}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="445"/>
        <source>Export cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="445"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="450"/>
        <source>{shown} of {total} cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="457"/>
        <source>Open only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="458"/>
        <source>Overdue only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="459"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="461"/>
        <source>All risks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="462"/>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="464"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="465"/>
        <source>All communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="467"/>
        <source>All sources</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DebriefView</name>
    <message>
        <location filename="../../widgets/debrief.py" line="136"/>
        <source>Save debrief as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="142"/>
        <source>Save debrief as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="156"/>
        <source>Debrief of {trainee}: {start} – {end}, {n} decisions, score {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="158"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="158"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="158"/>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="158"/>
        <source>Trainee did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="159"/>
        <source>Record did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="159"/>
        <source>Best available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="159"/>
        <source>SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="159"/>
        <source>Choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="160"/>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="162"/>
        <source>Export PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="163"/>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Domain</name>
    <message>
        <location filename="../../widgets/i18n.py" line="214"/>
        <source>blue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="215"/>
        <source>yellow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="216"/>
        <source>red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="219"/>
        <location filename="../../widgets/i18n.py" line="298"/>
        <source>reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="220"/>
        <location filename="../../widgets/i18n.py" line="299"/>
        <source>triaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="221"/>
        <location filename="../../widgets/i18n.py" line="300"/>
        <source>dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="222"/>
        <location filename="../../widgets/i18n.py" line="301"/>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="223"/>
        <location filename="../../widgets/i18n.py" line="252"/>
        <location filename="../../widgets/i18n.py" line="302"/>
        <source>on scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="224"/>
        <location filename="../../widgets/i18n.py" line="303"/>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="225"/>
        <location filename="../../widgets/i18n.py" line="304"/>
        <source>feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="226"/>
        <location filename="../../widgets/i18n.py" line="305"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="227"/>
        <location filename="../../widgets/i18n.py" line="307"/>
        <source>merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="228"/>
        <location filename="../../widgets/i18n.py" line="309"/>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="231"/>
        <source>patrol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="232"/>
        <source>resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="233"/>
        <source>sensor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="234"/>
        <source>department referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="237"/>
        <source>grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="238"/>
        <source>community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="239"/>
        <source>street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="242"/>
        <source>grid worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="243"/>
        <source>micro-grid head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="244"/>
        <source>volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="245"/>
        <source>party member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="246"/>
        <source>department team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="249"/>
        <source>off duty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="250"/>
        <source>available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="251"/>
        <source>en route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="253"/>
        <source>busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="256"/>
        <source>city management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="257"/>
        <source>police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="258"/>
        <source>fire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="259"/>
        <source>civil affairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="260"/>
        <source>health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="261"/>
        <source>emergency management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="262"/>
        <source>market regulation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="263"/>
        <source>housing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="264"/>
        <source>property management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="267"/>
        <source>own grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="268"/>
        <source>own community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="269"/>
        <source>nearest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="270"/>
        <source>least loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="271"/>
        <source>whistle (department)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="274"/>
        <source>nearest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="275"/>
        <source>home grid first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="276"/>
        <source>priority, first come first served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="277"/>
        <source>least loaded first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="306"/>
        <source>escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="308"/>
        <source>reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="310"/>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="313"/>
        <source>smoke detector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="314"/>
        <source>elderly bracelet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="315"/>
        <source>smart water meter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="316"/>
        <source>manhole cover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="317"/>
        <source>camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="318"/>
        <source>parking sensor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="319"/>
        <source>environment sensor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="322"/>
        <source>sensor alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="323"/>
        <source>red case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="324"/>
        <source>overdue case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="325"/>
        <source>not on scene in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="326"/>
        <source>area overdue rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="276"/>
        <source>possible data loss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../../widgets/i18n.py" line="496"/>
        <source>{h} h {m:02d} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="498"/>
        <source>{m} min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Kpi</name>
    <message>
        <location filename="../../widgets/i18n.py" line="280"/>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="281"/>
        <source>Open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="282"/>
        <source>Response time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="283"/>
        <source>Response time, 90th percentile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="284"/>
        <source>Accepted within target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="285"/>
        <source>Resolution time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="286"/>
        <source>Closure rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="287"/>
        <source>Overdue cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="288"/>
        <source>Overdue rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="289"/>
        <source>Mean rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="290"/>
        <source>Satisfaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="291"/>
        <source>Proactive discovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="292"/>
        <source>Source resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="293"/>
        <source>Resolved at level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="294"/>
        <source>Staff utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="382"/>
        <source>{m:.0f} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="384"/>
        <source>{h:.1f} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="397"/>
        <source>{h:.0f} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="400"/>
        <source>target ≤ {bound}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/i18n.py" line="400"/>
        <source>target ≥ {bound}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KpiPanel</name>
    <message>
        <location filename="../../widgets/kpi_panel.py" line="372"/>
        <source>Cases per hour: today (bars) and a usual day (line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_panel.py" line="373"/>
        <source>Response time today (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_panel.py" line="374"/>
        <source>Overdue open cases by community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_panel.py" line="375"/>
        <source>No overdue cases</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../widgets/main_window.py" line="213"/>
        <source>demo feed ×{speed:g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="187"/>
        <source>demo account {user}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="188"/>
        <source>signed in as {user}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="191"/>
        <source>database unavailable, nothing lost, retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="195"/>
        <source>saved to {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="199"/>
        <source>demo data, not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="203"/>
        <source>MQTT connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="203"/>
        <source>MQTT degraded, reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="204"/>
        <source>MQTT disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="207"/>
        <source>embedded broker (not durable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="227"/>
        <source>Refused: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="235"/>
        <source>Street Cockpit — {street} — {actor}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="236"/>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="237"/>
        <source>Case queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="238"/>
        <source>KPIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="239"/>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="240"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="241"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="242"/>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="243"/>
        <source>Light (desk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="244"/>
        <source>Dark (night, wall)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="245"/>
        <source>Wall display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="246"/>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="247"/>
        <source>What-if simulation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="248"/>
        <source>Training session from this moment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="249"/>
        <source>Open a replay (cockpit replay LOG --window) to train on history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="643"/>
        <source>Training session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="644"/>
        <source>Trainee&apos;s name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../../widgets/map_panel.py" line="299"/>
        <source>Search grid, case id or staff name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="300"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="301"/>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="302"/>
        <source>Colour by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="324"/>
        <source>{measure}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="326"/>
        <source>Legend:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="304"/>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="304"/>
        <source>General grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="304"/>
        <source>Micro-grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="308"/>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="308"/>
        <source>Sensors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="309"/>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="309"/>
        <source>Dedicated grids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="314"/>
        <source>Open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="315"/>
        <source>Overdue cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="316"/>
        <source>Active alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="317"/>
        <source>Sensors silent or alarming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="318"/>
        <source>Available staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="948"/>
        <source>Dedicated grid: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="961"/>
        <source>{risk} risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="965"/>
        <source>OVERDUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="973"/>
        <source>ALARM {alarm}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="975"/>
        <source>silent since {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_panel.py" line="977"/>
        <source>normal</source>
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
    <name>ScenarioEditorPanel</name>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="49"/>
        <source>Grid workers and department teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="50"/>
        <source>Everyone on duty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="143"/>
        <source>Today: {base}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="173"/>
        <source>Street (departments)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="342"/>
        <source>Incident log to fit demand from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="342"/>
        <source>Incident logs (*.parquet *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="386"/>
        <source>Not valid: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="401"/>
        <source>Fitted from {file}: {per_day:.1f} cases a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="404"/>
        <source>Category table shares, demo hour-of-day profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="409"/>
        <source>{people} people take cases; {added} added, {removed} removed against today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="417"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="418"/>
        <source>Length (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="419"/>
        <source>Warm-up (hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="420"/>
        <source>Dispatch policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="421"/>
        <source>Cases a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="422"/>
        <source>Who takes cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="423"/>
        <source>Staffing of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="429"/>
        <source>Copy current staffing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="430"/>
        <source>Fit from log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="431"/>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_editor.py" line="432"/>
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
        <location filename="../../widgets/scenario_results.py" line="197"/>
        <source>KPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="197"/>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="333"/>
        <source>Largest increase: {grid} ({value:+.1f} pp); red is worse, blue better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="336"/>
        <source>Highest: {grid} ({value:.1f} %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="338"/>
        <source>No overdue or late cases in any grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="344"/>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="344"/>
        <source>Within target [95 % interval]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="344"/>
        <source>Meets target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="353"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="353"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="408"/>
        <source>Export comparison to folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="418"/>
        <source>Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="418"/>
        <source>Wait and response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="418"/>
        <source>Response target by risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="419"/>
        <source>Utilisation by hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="419"/>
        <source>Overdue by grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="419"/>
        <source>Staffing search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="422"/>
        <source>Cases late (no one on scene within target)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="423"/>
        <source>Red cases late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="424"/>
        <source>Overdue rate (past the resolve deadline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="198"/>
        <location filename="../../widgets/scenario_results.py" line="427"/>
        <source>{b} − {a}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="429"/>
        <source>Wait (minutes): share of cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="430"/>
        <source>Response (minutes): share of cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="431"/>
        <source>Share responded within target, 95 % interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="432"/>
        <source>Busy share of on-duty staff by hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="433"/>
        <source>General grids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="434"/>
        <source>Export CSV and PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="437"/>
        <source>No staffing search yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="439"/>
        <source>No level tried kept {target:.0f} % of {label} cases within {minutes:.0f} min.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="443"/>
        <source>Fewest {role} on the {shift} shift: {best}, keeping at least {target:.0f} % of {label} cases within {minutes:.0f} min (lower bound of the 95 % interval over {n} replications). Bold: the chosen level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="450"/>
        <source>Mean [95 % interval] over {n} replications. Differences are paired by replication (common random numbers); bold: the interval excludes zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/scenario_results.py" line="454"/>
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
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="263"/>
        <source>{name} (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="312"/>
        <source>Running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="326"/>
        <source>The staffing search needs a street scenario.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="330"/>
        <source>Searching the fewest night-shift grid workers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="347"/>
        <source>No level tried met the target ({n} levels tried).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="349"/>
        <source>Fewest night-shift grid workers: {best} ({n} levels tried).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="363"/>
        <source>Cancelled: showing the replications that finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="366"/>
        <source>Done in {seconds:.1f} s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="371"/>
        <source>The run failed: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="378"/>
        <source>Copy scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="379"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="380"/>
        <source>Replications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="381"/>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="382"/>
        <source>Processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="383"/>
        <source>Start from now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="384"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="385"/>
        <source>Fewest night workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="386"/>
        <source>Fewest night-shift grid workers per community that keep this share of red cases responded to within the target, at 95 % confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="388"/>
        <source>Required share of red cases within the response target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="389"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/simulation_view.py" line="390"/>
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
        <location filename="../../widgets/debrief.py" line="252"/>
        <source>Training finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="253"/>
        <source>Press Next to play on to the next decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="258"/>
        <location filename="../../widgets/debrief.py" line="317"/>
        <source>Triage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="258"/>
        <location filename="../../widgets/debrief.py" line="318"/>
        <source>Dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="258"/>
        <location filename="../../widgets/debrief.py" line="319"/>
        <source>Escalate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="278"/>
        <source>{kind} {case}: score {score:.1f} (SLA {sla:.1f}, choice {choice:.1f}); record: {recorded}; best: {best}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="308"/>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="320"/>
        <source>Let it pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="321"/>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/debrief.py" line="322"/>
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
        <location filename="../../widgets/wall.py" line="180"/>
        <source>Rotation paused: alarm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportGate</name>
    <message>
        <location filename="../../widgets/export_gate.py" line="26"/>
        <source>Export refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
