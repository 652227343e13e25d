"""The text toolkit: what every component reads a raw text with, by character offsets.

sentences (the one sentence splitter, doc._.sentences; a list a sentence opens), clauses
(commas and semicolons inside a sentence, relative clauses), lists (bullet entries), ranges
(merging (start, end) ranges, windows around hits, bisect tests), case (lower-casing that keeps
re's folding or the offsets), memo (a value computed once per text).
"""
