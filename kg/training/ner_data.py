"""BIO files -> Stanza NER json, and the mapping of foreign tag sets onto PER/LOC/ORG/MISC."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

# Wojood's fine-grained types mapped onto ANERcorp's, as the model card reports (GPE -> LOC).
WOJOOD_MAP = {"PERS": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}


def read_bio(path: Path, tag_map: dict[str, str] | None = None) -> Iterator[list[tuple[str, str]]]:
    """Yield sentences as ``(token, tag)`` lists; tags outside ``tag_map`` become ``O``."""
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if sentence:
                yield sentence
            sentence = []
            continue
        token, _, tag = line.partition("\t")
        tag = tag.strip() or "O"
        if tag_map is not None and tag != "O":
            prefix, _, kind = tag.partition("-")
            tag = f"{prefix}-{tag_map[kind]}" if kind in tag_map else "O"
        sentence.append((token, tag))
    if sentence:
        yield sentence


def repair_bio(sentence: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Turn an ``I-X`` that does not continue an ``X`` span into ``B-X`` (mapping can break spans)."""
    out, prev = [], "O"
    for token, tag in sentence:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append((token, tag))
        prev = tag
    return out


def write_stanza_json(sentences: list[list[tuple[str, str]]], out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    doc = [[{"text": tok, "ner": tag} for tok, tag in repair_bio(s)] for s in sentences]
    out.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return out


def ner_train_files(data_dir: Path, with_aqmar: bool = True) -> list[Path]:
    ner = data_dir / "ner"
    return [ner / "ANERcorp" / "train.bio"] + ([ner / "AQMAR" / "train.bio"] if with_aqmar else [])


def training_words(data_dir: Path, with_aqmar: bool = True) -> list[str]:
    """The distinct tokens of the NER training files, in first-seen order (never dev or test)."""
    words = (tok for path in ner_train_files(data_dir, with_aqmar) for s in read_bio(path) for tok, _ in s)
    return list(dict.fromkeys(words))


def prepare_ner(data_dir: Path, out_dir: Path, with_aqmar: bool = True) -> dict[str, Path]:
    """Write train/dev json for Stanza's NER tagger; train = ANERcorp (+ AQMAR) train."""
    ner = data_dir / "ner"
    train = [s for path in ner_train_files(data_dir, with_aqmar) for s in read_bio(path)]
    return {
        "train": write_stanza_json(train, out_dir / "ar_ner.train.json"),
        "dev": write_stanza_json(list(read_bio(ner / "ANERcorp" / "dev.bio")), out_dir / "ar_ner.dev.json"),
    }
