"""Moved to extract/text/sentences.py (the text toolkit); kept so that imports of
extract.relations.sentences go on working."""
from ..text.sentences import BULLET, MAX_BLOCK, MAX_SENTENCE, Sentences, cap_spans

__all__ = ["BULLET", "MAX_BLOCK", "MAX_SENTENCE", "Sentences", "cap_spans"]
