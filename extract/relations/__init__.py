"""Link mentions into facts: pure Python over (text, mentions, triggers), no spaCy."""
from .facts import Trigger, build_facts

__all__ = ["Trigger", "build_facts"]
