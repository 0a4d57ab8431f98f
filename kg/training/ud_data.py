"""UD Arabic-PUD -> training files whose tokens agree with the NER corpora.

PUD writes some clitics as separate tokens glued to their host with ``SpaceAfter=No``
(``ل`` + ``أوباما``), while the NER corpora keep them attached (``لأوباما``).  We merge every
glued run of word tokens back into one token.  The merged token takes the annotation of the
word that heads the run (its head lies outside the run), so the tagger learns ``لأوباما`` ->
PROPN with lemma ``اوباما``: the lemmatizer doubles as a clitic stripper.
"""
from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.normalize import simple_tokens
from kg.training.ner_data import read_bio

# PUD was machine-translated with Latin punctuation; Arabic news uses the Arabic marks.
ARABIC_PUNCT = str.maketrans({",": "،", "?": "؟", ";": "؛"})
CLITIC_POS = {"ADP", "CCONJ", "PRON", "PART", "SCONJ", "DET"}
NO_SPACE_BEFORE = set(".,،:;؛!?؟)]}»")
NO_SPACE_AFTER = set("([{«")


@dataclass
class Sentence:
    comments: list[str]
    rows: list[list[str]] = field(default_factory=list)


def read_conllu(path: Path) -> Iterator[Sentence]:
    for block in path.read_text(encoding="utf-8").strip().split("\n\n"):
        lines = block.split("\n")
        rows = [ln.split("\t") for ln in lines if ln and not ln.startswith("#")]
        yield Sentence([ln for ln in lines if ln.startswith("#")],
                       [r for r in rows if r[0].isdigit()])


def _wordlike(form: str) -> bool:
    return any(ch.isalnum() for ch in form)


def _groups(rows: list[list[str]]) -> list[list[int]]:
    groups: list[list[int]] = []
    for i, row in enumerate(rows):
        glued = (i > 0 and "SpaceAfter=No" in rows[i - 1][9]
                 and _wordlike(rows[i - 1][1]) and _wordlike(row[1]))
        if glued:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _representative(rows: list[list[str]], group: list[int]) -> int:
    ids = {int(rows[i][0]) for i in group}
    outside = [i for i in group if int(rows[i][6]) not in ids]
    content = [i for i in outside if rows[i][3] not in CLITIC_POS]
    return (content or outside or group)[0]


def merge_sentence(sent: Sentence) -> Sentence:
    rows, groups = sent.rows, _groups(sent.rows)
    word_to_group = {int(rows[i][0]): g + 1 for g, grp in enumerate(groups) for i in grp}
    out = []
    for g, grp in enumerate(groups):
        rep = rows[_representative(rows, grp)]
        head = int(rep[6])
        misc = "SpaceAfter=No" if "SpaceAfter=No" in rows[grp[-1]][9] else "_"
        form = "".join(rows[i][1] for i in grp)
        # XPOS and features are dropped: the graph only needs UPOS and lemmas, and their
        # bilinear classifiers made the tagger ten times slower to train on CPU.
        out.append([str(g + 1), form, rep[2], rep[3], "_", "_",
                    str(word_to_group.get(head, 0)), rep[7], "_", misc])
    return Sentence(sent.comments, out)


def arabize(sent: Sentence) -> Sentence:
    comments = [c.translate(ARABIC_PUNCT) if c.startswith("# text =") else c for c in sent.comments]
    rows = [[r[0], r[1].translate(ARABIC_PUNCT), r[2].translate(ARABIC_PUNCT), *r[3:]] for r in sent.rows]
    return Sentence(comments, rows)


def detokenize(tokens: list[str]) -> tuple[str, list[bool]]:
    """Rebuild running text from NER tokens; returns the text and each token's SpaceAfter."""
    space_after = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        space_after.append(not (tok in NO_SPACE_AFTER or nxt in NO_SPACE_BEFORE))
    text = "".join(t + (" " if s else "") for t, s in zip(tokens, space_after)).strip()
    return text, space_after


def ner_as_conllu(bio: Path, limit: int) -> list[Sentence]:
    """Token-only CoNLL-U sentences from a BIO file, to teach the tokenizer NER-style tokens."""
    out = []
    for k, sent in enumerate(read_bio(bio)):
        if k >= limit:
            break
        tokens = [t for t, _ in sent if not re.search(r"\s", t)]
        text, spaces = detokenize(tokens)
        rows = [[str(i + 1), t, "_", "_", "_", "_", "_", "_", "_", "_" if s else "SpaceAfter=No"]
                for i, (t, s) in enumerate(zip(tokens, spaces))]
        out.append(Sentence([f"# text = {text}"], rows))
    return out


_SENT_END = re.compile(r"(?<=[.!?؟])\s+")
_LATIN = re.compile(r"[A-Za-z]{2,}")


def raw_as_conllu(raw_dir: Path, limit: int, seed: int) -> list[Sentence]:
    """Sentences of the raw news, tokenized like the NER corpora, half of them with Latin words.

    PUD has few Latin-script names; without these the tokenizer breaks "Reddit" into letters.
    """
    from kg.training.vectors import raw_sentences_text

    rng = random.Random(seed)
    latin: list[str] = []
    plain: list[str] = []
    for para in raw_sentences_text(raw_dir):
        for text in _SENT_END.split(para):
            if 5 <= len(text.split()) <= 60:
                (latin if _LATIN.search(text) else plain).append(text)
    picked = rng.sample(latin, min(limit // 2, len(latin))) + rng.sample(plain, min(limit // 2, len(plain)))
    out = []
    for text in picked:
        rows, pos, prev_end = [], 0, -1
        for i, tok in enumerate(simple_tokens(text)):
            at = text.index(tok, pos)
            pos = at + len(tok)
            rows.append([str(i + 1), tok, "_", "_", "_", "_", "_", "_", "_", "_"])
            if at == prev_end:
                rows[-2][9] = "SpaceAfter=No"
            prev_end = pos
        out.append(Sentence([f"# text = {text}"], rows))
    return out


def write_conllu(sentences: list[Sentence], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for s in sentences:
            handle.write("\n".join(s.comments + ["\t".join(r) for r in s.rows]) + "\n\n")
    return path


def upos_only(sentences: list[Sentence]) -> list[Sentence]:
    """Blank XPOS and FEATS: the tagger then learns UPOS alone, which is all the rules read,
    and its XPOS/feature classifiers shrink to nothing (a cheaper tagger at build time)."""
    return [Sentence(s.comments, [[*r[:4], "_", "_", *r[6:]] if len(r) == 10 else r for r in s.rows])
            for s in sentences]


def write_plaintext(sentences: list[Sentence], path: Path, per_paragraph: int = 5) -> Path:
    """Raw text for the tokenizer: sentences joined by spaces, paragraphs by blank lines."""
    texts = [next(c for c in s.comments if c.startswith("# text =")).split("=", 1)[1].strip()
             for s in sentences]
    paras = [" ".join(texts[i:i + per_paragraph]) for i in range(0, len(texts), per_paragraph)]
    path.write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    return path


def prepare_ud(data_dir: Path, out_dir: Path, seed: int = 1234, ner_sentences: int = 1500,
               raw_sentences: int = 3000) -> dict[str, Path]:
    """Write merged PUD splits (train half arabized) and the tokenizer's text/label files."""
    from stanza.utils.datasets import prepare_tokenizer_data

    rng = random.Random(seed)
    split = data_dir / "ud" / "UD_Arabic-PUD" / "split"
    paths: dict[str, Path] = {}
    for shard in ("train", "dev", "test"):
        sents = [merge_sentence(s) for s in read_conllu(split / f"ar_pud-ud-{shard}.conllu")]
        if shard == "train":
            sents = [arabize(s) if rng.random() < 0.5 else s for s in sents]
        paths[shard] = write_conllu(sents, out_dir / f"ar_pud.{shard}.conllu")
        write_conllu(upos_only(sents), out_dir / f"ar_pud.{shard}.upos.conllu")
        tok_sents = sents
        if shard == "train":
            tok_sents = (sents + ner_as_conllu(data_dir / "ner" / "ANERcorp" / "train.bio", ner_sentences)
                         + raw_as_conllu(data_dir / "raw", raw_sentences, seed))
            rng.shuffle(tok_sents)
        conllu = write_conllu(tok_sents, out_dir / f"ar_tok.{shard}.gold.conllu")
        txt = write_plaintext(tok_sents, out_dir / f"ar_tok.{shard}.txt")
        labels = out_dir / f"ar_tok.{shard}-ud.toklabels"
        prepare_tokenizer_data.main([str(txt), str(conllu), "-o", str(labels),
                                     "-m", str(out_dir / f"ar_tok.{shard}-mwt.json")])
        paths[f"tok_{shard}"] = txt
    return paths
