"""A value computed once per text: the components of one document all ask for it."""
from __future__ import annotations


class LastText:
    """`compute(text)`, kept for the last text: the components of one document all ask.

    The text and its value are one tuple, read once, so threads sharing a pipeline always get
    a value that belongs to their text (a race only costs a recomputation)."""

    __slots__ = ("compute", "pair")

    def __init__(self, compute):
        self.compute = compute
        self.pair: tuple = (None, None)

    def __call__(self, text: str):
        pair = self.pair
        if pair[0] is text:
            return pair[1]
        value = self.compute(text)
        self.pair = (text, value)
        return value
