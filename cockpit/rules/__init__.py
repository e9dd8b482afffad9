"""Alarm rules that turn sensor readings into alarms and cases (DESIGN.md 1.4)."""

from cockpit.rules.engine import RuleEngine
from cockpit.rules.model import AlarmRule, Condition, load_rules

__all__ = ["AlarmRule", "Condition", "RuleEngine", "load_rules"]
