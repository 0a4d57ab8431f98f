from kg.graph import build_graph, relation_key
from kg.schema import Entity, Evidence, Mention, Relation, mention_key


def mention(article, start, text, etype):
    return Mention(article=article, sentence=0, start=start, end=start + len(text), text=text, type=etype, source="ner")


def entity(ident, etype, name):
    return Entity(id=ident, type=etype, label=name, name_ar=name, aliases=[name], mentions=1, articles=["a"])


def relation(rtype, head, tail, article="a", conf=0.5, role=None):
    ev = Evidence(article=article, sentence="جملة", start=0, end=4, rule=f"{rtype}.test.v1")
    return Relation(type=rtype, head=head, tail=tail, evidence=ev, confidence=conf, attrs={"role": role} if role else {})


def sample():
    x, y, z = mention("a", 0, "س", "PERSON"), mention("a", 5, "ص", "COMPANY"), mention("b", 0, "ع", "PERSON")
    ents = [entity("p:x", "PERSON", "س"), entity("c:y", "COMPANY", "ص"), entity("p:z", "PERSON", "ع")]
    mapping = {mention_key(x): "p:x", mention_key(y): "c:y", mention_key(z): "p:z"}
    rels = [relation("works_for", x, y, role="مدير"), relation("works_for", x, y, article="b", conf=0.5),
            relation("met", z, x, article="b"), relation("met", x, z)]
    return build_graph(ents, rels, mapping)


def test_one_edge_per_head_relation_tail_with_weight_and_all_evidence():
    g = sample()
    (data,) = g.get_edge_data("p:x", "c:y").values()
    assert data["weight"] == 2 and len(data["evidence"]) == 2
    assert data["confidence"] == 0.75  # noisy-or of two 0.5 readings
    assert data["attrs"]["role"] == "مدير"


def test_met_is_symmetric_one_edge_either_way():
    g = sample()
    met = [(u, v) for u, v, d in g.edges(data=True) if d["relation"] == "met"]
    assert len(met) == 1
    assert relation_key("p:x", "met", "p:z") == relation_key("p:z", "met", "p:x")


def test_self_loops_are_dropped():
    x = mention("a", 0, "س", "PERSON")
    g = build_graph([entity("p:x", "PERSON", "س")], [relation("met", x, x)], {mention_key(x): "p:x"})
    assert g.number_of_edges() == 0


def test_a_government_sharing_its_span_with_a_place_keeps_its_own_node():
    # سفيرة الولايات المتحدة: the title's government and the place are two mentions of one span
    person, place = mention("a", 0, "ألينا", "PERSON"), mention("a", 20, "الولايات المتحدة", "LOCATION")
    government = place.model_copy(update={"type": "GOVERNMENT", "source": "implied"})
    ents = [entity("p:a", "PERSON", "ألينا"), entity("l:us", "LOCATION", "الولايات المتحدة"),
            entity("g:us", "GOVERNMENT", "الحكومة الأمريكية")]
    mapping = {mention_key(person): "p:a", mention_key(place): "l:us", mention_key(government): "g:us"}
    graph = build_graph(ents, [relation("works_for", person, government)], mapping)
    assert [(h, t) for h, t, _ in graph.edges(data=True)] == [("p:a", "g:us")]
