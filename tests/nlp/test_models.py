"""The bundled models load offline and predict (real models, nothing mocked)."""
import shutil

import pytest

from kg.errors import ModelError
from kg.nlp import make_pipeline, resolve_models
from kg.nlp.models import BUNDLED_DIR

pytestmark = pytest.mark.slow


def test_bundled_models_are_complete_and_small():
    spec = resolve_models("bundled")
    assert {"tokenize", "ner", "pretrain", "pos"} <= set(spec.paths)
    total = sum(p.stat().st_size for p in BUNDLED_DIR.rglob("*.pt"))
    assert total < 60 * 1024 * 1024


def test_bundled_pipeline_finds_people_places_and_organisations(annotate_text):
    doc = annotate_text("قال الرئيس الأمريكي جو بايدن في واشنطن إن شركة مايكروسوفت ستستثمر في مصر. "
                        "والتقى وزير الخارجية سامح شكري بممثلي الشركة في القاهرة.")
    ents = {(e.text, e.type) for s in doc.sentences for e in s.ents}
    assert any(t == "PER" for _, t in ents)
    assert any(t == "LOC" for _, t in ents)
    assert len(doc.sentences) == 2


def test_offsets_index_the_article_text(annotate_text):
    text = "عنوان الخبر\nاجتمع الوزير مع رئيس الشركة في الرياض أمس."
    doc = annotate_text(text)
    for sent in doc.sentences:
        assert text[sent.start:sent.end] == sent.text
        for word in sent.words:
            assert text[word.start:word.end] == word.text
        for ent in sent.ents:
            assert text[ent.start:ent.end] == ent.text


def test_missing_model_gives_one_clear_error(tmp_path):
    (tmp_path / "ar" / "tokenize").mkdir(parents=True)
    with pytest.raises(ModelError, match="No Arabic tokenize and ner model"):
        resolve_models(str(tmp_path))


def test_broken_model_gives_one_clear_error(tmp_path):
    shutil.copytree(BUNDLED_DIR / "ar", tmp_path / "ar")
    (tmp_path / "ar" / "ner" / "kgnews.pt").write_bytes(b"not a model")
    with pytest.raises(ModelError, match="missing or damaged"):
        make_pipeline(resolve_models(str(tmp_path)))


def test_a_lone_character_language_model_names_the_missing_one(tmp_path):
    # a NER model trained with character LMs needs both; the folder check names the missing half
    shutil.copytree(BUNDLED_DIR / "ar", tmp_path / "ar")
    (tmp_path / "ar" / "backward_charlm").mkdir()
    shutil.copy2(BUNDLED_DIR / "ar" / "tokenize" / "kgnews.pt", tmp_path / "ar" / "backward_charlm" / "kgnews.pt")
    with pytest.raises(ModelError, match="(?s)forward charlm.*missing or damaged"):
        resolve_models(str(tmp_path))


def test_unknown_models_choice_is_explained():
    with pytest.raises(ModelError, match="not 'bundled', 'official'"):
        resolve_models("/no/such/folder")
