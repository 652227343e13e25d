"""The tokenizer of batch runs: none. Importing this module registers it with spaCy."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

TEXT_ONLY = "extract.TextOnly.v1"


class TextOnly:
    """Makes an empty Doc; `pipeline.analyse` puts the text in doc._.text, which is all the
    components read. Rows equal those of the tokenizing pipeline (tests/test_engines.py);
    only Docs handed to people (analyse, show, the API) need tokens and doc.ents."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return Doc(self.vocab)

    # nothing to save: `nlp.to_disk()` and `spacy.load()` call these
    def to_disk(self, path, **kwargs) -> None:
        pass

    def from_disk(self, path, **kwargs) -> TextOnly:
        return self


@spacy.registry.tokenizers(TEXT_ONLY)
def make_text_only():
    def create(nlp) -> TextOnly:
        return TextOnly(nlp.vocab)

    return create
