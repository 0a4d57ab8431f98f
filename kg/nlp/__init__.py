"""Stage 2: the Stanza Arabic pipeline.  The only package that imports stanza."""
from kg.nlp.annotate import annotate, make_pipeline
from kg.nlp.doc import AnnotatedArticle, Sentence, Word
from kg.nlp.models import ModelSpec, resolve_models

__all__ = ["AnnotatedArticle", "ModelSpec", "Sentence", "Word", "annotate", "make_pipeline", "resolve_models"]
