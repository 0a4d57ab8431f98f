import json

import networkx as nx

from kg.export import export_all
from kg.export.html_export import render_html
from kg.export.json_export import graph_document
from tests.test_graph import entity, mention, relation

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> javascript:alert(2) &amp; </script>'


def hostile_graph():
    x, y = mention("a", 0, "س", "PERSON"), mention("a", 5, "ص", "COMPANY")
    bad = entity("p:x", "PERSON", HOSTILE + "\x01\x0b")
    rel = relation("works_for", x, y, role=HOSTILE)
    rel = rel.model_copy(update={"evidence": rel.evidence.model_copy(update={"sentence": HOSTILE + ' href="x"'})})
    from kg.graph import build_graph
    from kg.schema import mention_key

    graph = build_graph([bad, entity("c:y", "COMPANY", "ص")], [rel], {mention_key(x): "p:x", mention_key(y): "c:y"})
    assert graph.number_of_edges() == 1  # the hostile role and evidence are in the graph
    return graph


def test_graphml_round_trip_has_the_same_nodes_and_edges(tmp_path):
    g = hostile_graph()
    paths = export_all(g, tmp_path)
    back = nx.read_graphml(paths["graphml"])
    assert set(back.nodes) == set(g.nodes)
    assert {(u, v) for u, v in back.edges()} == {(u, v) for u, v in g.edges()}
    assert all(isinstance(v, (str, int, float)) for _, d in back.nodes(data=True) for v in d.values())
    assert back.nodes["p:x"]["type"] == "PERSON"


def test_gexf_has_viz_colours(tmp_path):
    path = export_all(hostile_graph(), tmp_path, ("gexf",))["gexf"]
    text = path.read_text(encoding="utf-8")
    assert "viz:color" in text and "viz:size" in text
    back = nx.read_gexf(path)
    assert set(back.nodes) == {"p:x", "c:y"} and back.number_of_edges() == 1


def test_json_is_node_link_as_the_design_says(tmp_path):
    path = export_all(hostile_graph(), tmp_path, ("json",))["json"]
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["directed"] and data["multigraph"]
    assert {"id", "label", "type", "name_ar", "name_en", "aliases", "mentions", "articles"} <= set(data["nodes"][0])
    link = data["links"][0]
    assert {"source", "target", "key", "relation", "attrs", "confidence", "evidence"} <= set(link)
    assert {"article", "sentence", "start", "end", "rule"} <= set(link["evidence"][0])
    graph_document(hostile_graph())  # validates against the pydantic model


def test_html_never_contains_live_markup_from_article_text():
    html = render_html(hostile_graph())
    # our three script elements close three times: hostile text never closes one early
    assert html.count("</script") == 3
    assert HOSTILE not in html
    assert "<img" not in html and "onerror=alert(1)>" not in html
    assert "\\u003cscript\\u003e" in html
    assert "<script src" not in html and "<link" not in html  # nothing fetched: it works offline


def test_csv_exports(tmp_path):
    paths = export_all(hostile_graph(), tmp_path, ("entities_csv", "relations_csv"))
    assert "works_for" in paths["relations_csv"].read_text(encoding="utf-8-sig")


def test_graphml_is_well_formed_for_gephi(tmp_path):
    """Structural GraphML checks (the XSD itself is not available offline): every data key is
    declared with a GraphML scalar type, no list or dict values, no control characters."""
    from lxml import etree

    path = export_all(hostile_graph(), tmp_path, ("graphml",))["graphml"]
    raw = path.read_text(encoding="utf-8")
    assert not any(ord(c) < 32 and c not in "\n\t\r" for c in raw)
    root = etree.parse(str(path)).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = {k.get("id"): k for k in root.findall("g:key", ns)}
    assert {k.get("attr.type") for k in keys.values()} <= {"string", "long", "double", "boolean", "int", "float"}
    assert {k.get("attr.name") for k in keys.values() if k.get("for") == "node"} >= {"label", "type", "aliases"}
    assert {k.get("attr.name") for k in keys.values() if k.get("for") == "edge"} >= {"relation", "weight"}
    for data in root.iter("{http://graphml.graphdrawing.org/xmlns}data"):
        assert data.get("key") in keys
        assert not data.text.startswith(("[", "{"))
