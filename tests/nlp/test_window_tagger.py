from stanza import Document

from kg.nlp.window_tagger import tag_pieces
from kg.tag_scope import tag_windows
from tests.conftest import SEEDS


def test_window_tags_equal_stanzas_own_tagging(pipeline):
    """The direct route gives, word for word, the tags of Stanza's PosProcessor on the same
    windows of the seed articles, including across forward passes (small max_words)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    docs = pipeline.bulk_process([Document([], text=t) for t in texts], processors=["tokenize"])
    pieces = [[w.text for w in s.words][a:b] for d in docs for s in d.sentences
              for a, b in tag_windows([w.text for w in s.words])]
    pos = pipeline.processors["pos"]
    own = pos.process(Document([[{"id": k + 1, "text": w} for k, w in enumerate(p)] for p in pieces]))
    expected = [[w.upos for w in s.words] for s in own.sentences]
    assert len(pieces) > 20
    assert tag_pieces(pos, pieces) == expected
    assert tag_pieces(pos, pieces, max_words=50) == expected


def test_empty_pieces_get_no_tags(pipeline):
    pos = pipeline.processors["pos"]
    tags = tag_pieces(pos, [[], ["وزير", "الاتصالات"], []])
    assert tags[0] == [] and tags[2] == [] and len(tags[1]) == 2
    assert tag_pieces(pos, []) == []
