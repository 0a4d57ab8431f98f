from kg.nlp.annotate import MAX_PARAGRAPH, paragraphs
from kg.nlp.doc import AnnotatedArticle


def test_paragraphs_keep_offsets_and_cut_huge_lines():
    text = "أ ب\n\n" + ("كلمة " * 2000)
    parts = list(paragraphs(text))
    assert parts[0] == (0, "أ ب")
    assert all(len(p) <= MAX_PARAGRAPH for _, p in parts)
    assert all(text[off:off + len(p)] == p for off, p in parts)


def test_annotation_round_trips_through_json(annotate_text):
    doc = annotate_text("اجتمع مديرو أوفكوم مع تيك توك في لندن.")
    again = AnnotatedArticle.from_json(doc.article, doc.to_json())
    assert again.sentences == doc.sentences
