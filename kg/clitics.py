"""Proclitics glued to the first word of a name (وتيك توك، لبايت دانس، والحكومة).

A leading و، ب، ل، ف، ك is stripped only where the bare form is a word of the article or of a
known name: names often begin with these letters (ليون، بيتر، وليد، كاليفورنيا).
"""
from __future__ import annotations

from functools import lru_cache

from kg.nlp.doc import Word
from kg.normalize import match_key, simple_tokens, strip_clitic
from kg.rules import gazetteer, type_rules


@lru_cache(maxsize=1)
def alias_first_tokens() -> frozenset[str]:
    keys: set[str] = set()
    for entry in gazetteer().values():
        for alias in (entry.name_ar, *entry.aliases):
            keys.update(match_key(t) for t in simple_tokens(alias)[:1])
    return frozenset(keys)


def leading_clitic(word: Word, article_keys: set[str], person_name: bool = False) -> int:
    """Characters of a proclitic glued to a name's first word (وتيك، لبايت، والحكومة).

    ``person_name``: the word opens a person's name of two words or more, where a leading و is
    "and" (وديفيد تريسمان) unless the name itself begins with it (وليد، وائل، ويليام)."""
    key = match_key(word.text)
    for clitic in ("وال", "بال", "فال", "كال"):
        # كاليفورنيا، فالنسيا: ك and ف glue to the article rarely, to foreign names often
        if not key.startswith(clitic) or len(key) <= len(clitic) + 2:
            continue
        article_form = "ال" + key[len(clitic):]
        if clitic in ("وال", "بال") or article_form in article_keys or article_form in alias_first_tokens():
            return len(clitic) - 2  # keep the article: والحكومة -> الحكومة
    if (person_name and key.startswith("و") and len(key) >= 4 and key[1] not in "اوي"
            and key not in type_rules().waw_words):
        return 1
    if person_name and word.text.startswith(("وأ", "وإ", "وآ")) and len(key) >= 4:
        return 1  # وأمانسيو، وإيمانويل: no name begins with و and a hamzated alef (وائل has its hamza later)
    stripped = strip_clitic(key)
    if key[:len(key) - len(stripped)] in {"ك", "وك", "فك"}:
        return 0  # كابل is Kabul or a cable, not ك + آبل: "as" rarely glues to a name
    heads = type_rules().institution_words
    if stripped != key and not stripped.startswith("ال") and stripped in heads and key not in heads:
        return len(key) - len(stripped)  # لسفارة، لاتحاد: a preposition before an institution's head word
    # names often begin with these letters (ليون، بيتر، وليد): strip only when the bare form
    # is itself a word of the article or of a known name
    if stripped != key and not stripped.startswith("ال") and (stripped in article_keys or stripped in alias_first_tokens()):
        return len(key) - len(stripped)
    return 0
