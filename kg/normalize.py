"""Small composable str -> str normalizers for matching keys.

They build *keys* only: the original text and its offsets are never changed (evidence and
display always use the article text as written).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache, reduce

import pyarabic.araby as araby

Normalizer = Callable[[str], str]

# Zero-width, bidi controls and BOM: invisible, yet they split names in scraped text.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad\u061c]")
_PUNCT = re.compile(r"[\"'«»“”‘’„()\[\]{}<>.,:;!?،؛؟\-–—_/\\|*#@…]+")
_EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
CLITICS = ("وال", "بال", "فال", "كال", "لل", "و", "ب", "ل", "ف", "ك")
ARTICLE = "ال"


def remove_invisible(text: str) -> str:
    return _INVISIBLE.sub("", text)


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def strip_marks(text: str) -> str:
    """Drop diacritics and tatweel (تَعَب -> تعب)."""
    return araby.strip_tatweel(araby.strip_tashkeel(text))


def unify_letters(text: str) -> str:
    """Fold the letter variants news spells interchangeably: أ إ آ -> ا, ة -> ه, ى -> ي."""
    # ى first: pyarabic's normalize_alef would turn it into ا
    text = text.replace("ى", "ي").replace("ؤ", "و").replace("ئ", "ي")
    return araby.normalize_teh(araby.normalize_alef(text))


def ascii_digits(text: str) -> str:
    return text.translate(_EASTERN_DIGITS)


def drop_punct(text: str) -> str:
    return _PUNCT.sub(" ", text)


def squeeze(text: str) -> str:
    return " ".join(text.split())


def compose(*steps: Normalizer) -> Normalizer:
    return lambda text: reduce(lambda acc, step: step(acc), steps, text)


# cached: the same names come back in every article of a corpus
match_key: Normalizer = lru_cache(maxsize=500_000)(compose(nfkc, remove_invisible, strip_marks, unify_letters,
                                                           ascii_digits, drop_punct, str.casefold, squeeze))
"""The matching key of a name: ``match_key("الحكومةُ") == "الحكومه"``."""


def is_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


@lru_cache(maxsize=200_000)  # called for every word by every rule
def strip_clitic(key: str, min_rest: int = 3) -> str:
    """Remove one leading proclitic (و، ب، ل، ف، ك، وال ...) from a matching key.

    >>> strip_clitic("وتيك توك")
    'تيك توك'
    >>> strip_clitic("بالحكومه")
    'الحكومه'
    """
    for clitic in CLITICS:
        if key.startswith(clitic) and len(key) - len(clitic) >= min_rest:
            rest = key[len(clitic):]
            # "بال"/"وال" keep the article: بالحكومه -> الحكومه
            return ARTICLE + rest if clitic.endswith(ARTICLE) or clitic == "لل" else rest
    return key


def strip_article(key: str, min_rest: int = 3) -> str:
    """Remove the definite article: ``الصين`` -> ``صين``."""
    return key[2:] if key.startswith(ARTICLE) and len(key) - 2 >= min_rest else key


@lru_cache(maxsize=200_000)
def key_variants(text: str) -> tuple[str, ...]:
    """All keys a surface form may match under, in a fixed order: as written, without a clitic,
    without ال.  A tuple, not a set: callers stop at the first key that matches, and a set's order
    changes with each process's hash seed (the graph would too).

    >>> key_variants("والصين")
    ('والصين', 'الصين', 'صين')
    """
    base = match_key(text)
    out = [base, strip_clitic(base)]
    out += [strip_article(k) for k in out]
    out += spelled_acronyms(base)
    return tuple(dict.fromkeys(k for k in out if k))


# Latin letters as Arabic spells them out (إيه دي كيو = ADQ, إس تي سي = STC), by matching key;
# some keys stand for two letters (بي: B or P; اي: A, E or I).
_LETTER_NAMES = {
    "ايه": "a", "بي": "bp", "سي": "c", "دي": "d", "اي": "aei", "اف": "f", "جي": "g", "اتش": "h", "ايتش": "h",
    "جيه": "j", "جاي": "j", "كيه": "k", "ال": "l", "ام": "m", "ان": "n", "او": "o", "كيو": "q", "ار": "r",
    "اس": "s", "تي": "t", "يو": "u", "في": "v", "دبليو": "w", "اكس": "x", "واي": "y", "زد": "z",
}
_ACRONYM_READINGS = 8  # readings kept of an ambiguous spelling


def spelled_acronyms(key: str) -> list[str]:
    """Latin acronyms a name spelled in Arabic letter names may stand for, as matching keys.

    >>> spelled_acronyms("ايه دي كيو"), spelled_acronyms("وزاره الصحه")
    (['adq'], [])
    """
    words = key.split()
    if len(words) < 2 or not all(w in _LETTER_NAMES for w in words):
        return []
    readings = [""]
    for w in words:
        readings = [r + c for r in readings for c in _LETTER_NAMES[w]][:_ACRONYM_READINGS]
    return readings


# A word is a run of letters/digits with Arabic marks and tatweel inside; any other visible
# character is a token of its own.  This mirrors the NER corpora's (and our tokenizer's) tokens.
_TOKEN_RE = re.compile(r"[^\W_](?:[^\W_]|[\u0610-\u061a\u064b-\u065f\u0670\u0640])*|[^\w\s]|_")


def simple_tokens(text: str) -> list[str]:
    """Split ``text`` like the NER corpora do.

    >>> simple_tokens("قال ليون، في لندن.")
    ['قال', 'ليون', '،', 'في', 'لندن', '.']
    """
    return _TOKEN_RE.findall(text)
