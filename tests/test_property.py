"""Arbitrary text never breaks the pipeline, and every offset it reports stays true."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.pipeline import analyse_long

# Words the rules react to, so generated text reaches the rule code, not only the tokenizer.
CUES = ["Kompetenzzentrum", "Mittelstand 4.0", "in", "Bremen", "Halle (Saale)", "Bundesministerium für",
        "Wirtschaft", "(BMWi)", "3,6 Mio. Euro", "bis Ende", "2022", "von 2018 bis 2020", "Dr.",
        "Prof.", "Jürgen", "Ude", "GmbH", "e.V.", "Universität", "unter der Leitung der",
        "Partner sind", "\n", "* ", "„", "“", "15. Januar 2021", "Foto:", "©", "(", ")", ",", ".",
        "zwei weitere Jahre", "Projektträger ist", "Fraunhofer-Institut", "IFF", "-", "–", "€"]
text_strategy = st.lists(st.one_of(st.sampled_from(CUES), st.text(max_size=12)), max_size=60).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=text_strategy)
def test_pipeline_never_raises_and_offsets_stay_true(nlp, text):
    doc = analyse_long(nlp, text, doc_id="h")
    for m in doc._.mentions:
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start:m.end] == m.text
    for rows in doc._.facts.values():
        for r in rows:
            if isinstance(r.get("start_char"), int):
                assert 0 <= r["start_char"] <= r["end_char"] <= len(text)


@settings(max_examples=30, deadline=None)
@given(text=text_strategy, limit=st.integers(min_value=20, max_value=200))
def test_pieces_of_a_long_text_keep_true_offsets(nlp, text, limit):
    doc = analyse_long(nlp, text, doc_id="h", max_piece=limit)
    for m in doc._.mentions:
        assert text[m.start:m.end] == m.text
