"""Build the spaCy pipeline and run it over one text."""
from __future__ import annotations

import sys
from pathlib import Path

DEFAULT_MODEL = "de_core_news_sm"
# The model's own NER and parser are not used: our rules decide the entities, and
# excluding them keeps the model path nearly as fast as the blank one.
_MODEL_EXCLUDE = ["ner", "parser", "lemmatizer", "attribute_ruler", "morphologizer", "tagger"]


def build_nlp(*, model: str | None = None, rules_dir: str | Path | None = None,
              export_spans: bool = True, notice=None, sentences: bool = True, tokens: bool = True):
    """The extraction pipeline.

    `model` names an installed spaCy package; without it `de_core_news_sm` is used when
    installed, else `spacy.blank("de")` with a rule-based sentencizer (and a one-line
    notice). `export_spans=False` skips mirroring mentions into doc.ents (batch runs).
    `sentences=False` adds no sentencizer: no component reads doc.sents, so batch runs,
    whose Docs nobody sees, save its pass over every token. `tokens=False` makes Docs without
    tokens (extract.tokenizer.TextOnly): no component reads tokens, only the text, so batch
    runs skip the tokenizer, a quarter of the work, and the vocab no longer grows.
    """
    import spacy

    from . import components  # registers the factories and the Doc extensions
    from .rules import cached_rules
    from .tokenizer import TEXT_ONLY, TextOnly

    rules_key = str(Path(rules_dir).resolve()) if rules_dir else ""
    cached_rules(rules_key or None)  # validate once, fail early with FILE:LINE
    nlp = None
    if uses_model(model):
        try:
            nlp = spacy.load(model or DEFAULT_MODEL, exclude=_MODEL_EXCLUDE)
        except OSError as exc:
            if model:
                raise ValueError(f"spaCy model '{model}' is not installed: {exc}") from exc
    if nlp is None:
        # without tokens, spaCy need not build the German tokenizer's affix rules either
        nlp = spacy.blank("de", config={} if tokens else {"nlp": {"tokenizer": {"@tokenizers": TEXT_ONLY}}})
        if notice is not False:
            (notice or _stderr)(model_notice(None))
    if sentences and "senter" not in nlp.pipe_names and "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
    for name in components.ORDER:
        if name == "extract_spans" and not export_spans:
            continue
        config = {"rules_dir": rules_key} if name not in ("extract_init", "extract_spans") else {}
        nlp.add_pipe(name, config=config)
    if not tokens and not isinstance(nlp.tokenizer, TextOnly):
        nlp.tokenizer = TextOnly(nlp.vocab)
    return nlp


def analyse(nlp, text: str, *, doc_id: str | None = None, published: str | None = None):
    """Run the pipeline over `text`; `published` (ISO) is used when the text gives no date."""
    from .extensions import prepare

    doc = prepare(nlp.make_doc(text), doc_id=doc_id, published=published, text=text)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def uses_model(model: str | None) -> bool:
    """True when the pipeline loads a trained model: the one named, or the default installed."""
    return bool(model) or _installed(DEFAULT_MODEL)


def model_notice(model: str | None) -> str | None:
    """The one line that says the blank pipeline stands in for the default model, when it does."""
    if uses_model(model):
        return None
    return f"note: {DEFAULT_MODEL} not installed; using spacy.blank('de') + rules"


def _installed(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


def analyse_long(nlp, text: str, *, doc_id: str | None = None, published: str | None = None,
                 max_piece: int | None = None):
    """Like `analyse`, for texts of any length: pieces cut at paragraph breaks, offsets kept true.

    Each piece is analysed on its own; mentions and fact rows are shifted back to offsets in
    the whole text and collected on the Doc of the first piece, which stands for the document.
    """
    limit = max_piece or min(nlp.max_length, 200_000)
    if len(text) <= limit:
        return analyse(nlp, text, doc_id=doc_id, published=published)
    first = None
    for offset, piece in split_paragraphs(text, limit):
        doc = analyse(nlp, piece, doc_id=doc_id, published=published if first is None
                      else first._.published)
        if first is None:
            first = doc
            first._.text = text
            continue
        for m in doc._.mentions:
            m.start += offset
            m.end += offset
        first._.mentions.extend(doc._.mentions)
        first._.noise.extend((s + offset, e + offset, r) for s, e, r in doc._.noise)
        for table, rows in doc._.facts.items():
            for row in rows:
                for key in ("start_char", "end_char"):
                    if isinstance(row.get(key), int):
                        row[key] += offset
            first._.facts.setdefault(table, []).extend(rows)
    return first


def split_paragraphs(text: str, limit: int):
    """(offset, piece) pairs covering `text`, each at most `limit` chars, cut after a newline
    where one exists (a blank line preferred), else at a space, else hard."""
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            window = text[start:end]
            cut = max(window.rfind("\n\n"), -1)
            if cut <= 0:
                cut = window.rfind("\n")
            if cut <= 0:
                cut = window.rfind(" ")
            if cut > 0:
                end = start + cut + 1
        yield start, text[start:end]
        start = end
