"""Pure normalisers (no spaCy): German numbers, money, dates and periods.

Rules find spans; these functions turn span text into canonical values. None of them
fills a missing day, month or year from today's date: relative values need an explicit base.
"""
