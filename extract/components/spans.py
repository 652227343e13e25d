"""Mirror doc._.mentions into doc.spans["mentions"] and doc.ents, for spaCy users."""
from spacy.language import Language
from spacy.util import filter_spans


@Language.factory("extract_spans", requires=["doc._.mentions", "doc._.noise"],
                  assigns=["doc.ents", "doc.spans", "span._.rule", "span._.normalized", "span._.attrs"])
def make_spans(nlp, name):
    return export_spans


def export_spans(doc):
    spans = []
    for m in doc._.mentions or ():
        span = doc.char_span(m.start, m.end, label=m.label, alignment_mode="expand")
        if span is None:
            continue
        span._.rule = m.rule
        span._.normalized = m.normalized
        span._.attrs = m.attrs
        spans.append(span)
    doc.spans["mentions"] = spans
    doc.ents = filter_spans([s for s in spans if not _is_noise(doc, s)])
    return doc


def _is_noise(doc, span) -> bool:
    return any(s <= span.start_char < e for s, e, _ in doc._.noise or ())
