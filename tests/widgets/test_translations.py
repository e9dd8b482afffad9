"""Every visible string has its Chinese translation (zh_CN is the default language)."""

import xml.etree.ElementTree as ET

from cockpit.resources import resource_path


def test_zh_cn_has_no_unfinished_or_empty_translation():
    root = ET.parse(resource_path("translations", "zh_CN.ts")).getroot()
    messages = [(ctx.findtext("name"), m) for ctx in root.iter("context") for m in ctx.iter("message")]
    untranslated = [
        f"{context}: {m.findtext('source')}"
        for context, m in messages
        if m.find("translation").get("type") in ("unfinished", "vanished")
        or not (m.findtext("translation") or "").strip()
    ]
    assert len(messages) > 300
    assert untranslated == []
