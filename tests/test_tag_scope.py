"""Which sentences get parts of speech: exactly those a rule reads tags in (no models needed)."""
import os
import subprocess
import sys

import pytest

from kg.tag_scope import needs_tags, scope_version, tag_windows


@pytest.mark.parametrize("sentence", [
    "وأقر البرلمان قانون السلامة على الإنترنت أمس",  # legislation trigger
    "وقالت وزارة الاتصالات إن الخدمة ستعود",  # institution head
    "وقال المتحدث باسم شركة أرامكو إن",  # institution head after a preposition
    "وقالت الوكالة الوطنية لتقنين المواصلات إن",  # a head with the article, which an adjective and a field may follow
    "التقى ستارمر مديري تيك توك في لندن",  # verb trigger of a relation rule
])
def test_sentences_a_rule_reads_tags_in_are_tagged(sentence):
    assert needs_tags(sentence.split())


@pytest.mark.parametrize("sentence", [
    "وارتفعت درجات الحرارة في العاصمة أمس",
    "الخميس 25 أبريل 2024",
    "وقال إنه سيغادر الوزارة",
    "",
])
def test_other_sentences_are_not(sentence):
    assert not needs_tags(sentence.split())


def test_scope_version_is_a_stable_hash():
    assert scope_version() == scope_version() and len(scope_version()) == 12


def test_cache_keys_do_not_depend_on_the_hash_seed():
    """A new process has a new string-hash seed; the cache keys must not change with it, or every
    re-run would redo the NLP (sets of trigger phrases once made the scope's hash vary)."""
    code = "from kg.tag_scope import scope_version; from kg.rules import rules_version; print(scope_version(), rules_version())"
    keys = {subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONHASHSEED": seed},
                           capture_output=True, text=True, check=True).stdout for seed in ("1", "2", "3")}
    assert len(keys) == 1 and scope_version() in keys.pop()


def test_windows_cover_the_words_rules_read_with_context():
    words = "وقال مصدر إن وزارة الاتصالات والتقنية السعودية ستعلن اليوم عن خطة جديدة للشبكات في المملكة".split()
    assert tag_windows(words, margin=0) == [(4, 8)]  # the name after the head, up to 4 words
    assert tag_windows(words) == [(0, 14)]  # six words of context each side, within the sentence
    assert tag_windows(words, margin=1) == [(3, 9)]
    assert tag_windows("وارتفعت درجات الحرارة أمس".split()) == []
