"""The rule data files: the gazetteer's entries must stay unambiguous as people add to them."""
from collections import Counter, defaultdict
from importlib import resources

import yaml

from kg.normalize import match_key
from kg.rules import gazetteer


def _entries():
    text = resources.files("kg.data").joinpath("gazetteer.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)["entries"]


def test_gazetteer_ids_are_unique():
    counts = Counter(e["id"] for e in _entries())
    assert [i for i, n in counts.items() if n > 1] == []
    assert len(gazetteer()) == len(_entries())


def test_no_alias_names_two_actors():
    owners = defaultdict(set)
    for e in _entries():
        for alias in [e["ar"], e.get("en") or "", *e.get("aliases", [])]:
            if alias:
                owners[match_key(alias)].add(e["id"])
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_demonyms_belong_to_governments_only():
    assert all(e["type"] == "GOVERNMENT" for e in _entries() if e.get("demonyms"))


def test_every_extraction_module_is_part_of_the_rules_version():
    """Cached extractions are keyed by rules_version(): a module of the extraction code left out of
    CODE_FILES would let an edited rule serve stale results from the cache."""
    import subprocess
    import sys

    code = ("import sys, kg.entities, kg.relations; "
            "print(' '.join(sorted(m for m in sys.modules if m.startswith('kg.'))))")
    names = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    from kg.rules import CODE_FILES

    # models and data files are hashed apart; kg.query is the notebook API the package exports
    outside = {"kg.schema", "kg.errors", "kg.ontology", "kg.data", "kg.query"}
    extraction = {n for n in names if not n.startswith("kg.nlp") and n not in outside}
    assert {n.split(".", 1)[1] + ".py" for n in extraction} <= set(CODE_FILES)
