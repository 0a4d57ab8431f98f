import pytest

from kg.entities import ArticleMentions
from kg.resolve import Resolver
from kg.schema import Mention


def m(article, start, text, etype, source="ner", key=None, sentence=0):
    return Mention(article=article, sentence=sentence, start=start, end=start + len(text), text=text, type=etype,
                   source=source, key=key)


def resolve(*articles):
    r = Resolver()
    for mentions, links in articles:
        r.add_article(ArticleMentions(mentions, links))
    return r.resolve()


def by_alias(entities, alias):
    return [e for e in entities if alias in e.aliases]


def test_partial_name_joins_the_full_name_in_the_same_article():
    entities, _ = resolve(([m("a", 0, "جيمس ليون", "PERSON"), m("a", 50, "ليون", "PERSON")], []))
    (lyons,) = by_alias(entities, "ليون")
    assert lyons.aliases == ["جيمس ليون", "ليون"] and lyons.name_ar == "جيمس ليون"
    assert any("partial name" in why for why in lyons.merges)


def test_bare_surname_does_not_join_across_articles():
    entities, _ = resolve(([m("a", 0, "جيمس ليون", "PERSON")], []), ([m("b", 0, "ليون", "PERSON")], []))
    assert len(entities) == 2


def test_spellings_and_scripts_of_a_gazetteer_actor_are_one_node():
    entities, mapping = resolve(([m("a", 0, "تيخوك", "COMPANY"), m("a", 20, "Tiktok", "COMPANY")], []),
                                ([m("b", 0, "تيك توك", "COMPANY", source="gazetteer", key="tiktok")], []))
    (tiktok,) = entities
    assert tiktok.name_en == "TikTok" and set(tiktok.aliases) == {"تيخوك", "Tiktok", "تيك توك"}
    assert len(set(mapping.values())) == 1 and tiktok.articles == ["a", "b"]


def test_parenthetical_latin_name_joins_its_arabic_name():
    mentions = [m("a", 0, "فيكسو", "COMPANY"), m("a", 8, "Fixo", "COMPANY", source="rule")]
    entities, _ = resolve((mentions, [(0, 1, "parenthetical")]))
    (fixo,) = entities
    assert fixo.name_ar == "فيكسو" and fixo.name_en == "Fixo"


def test_same_name_across_articles_joins_but_different_types_do_not():
    entities, _ = resolve(([m("a", 0, "شركة النور", "COMPANY")], []), ([m("b", 0, "شركة النور", "COMPANY")], []),
                          ([m("c", 0, "النور", "LOCATION")], []))
    assert sorted(e.type for e in entities) == ["COMPANY", "LOCATION"]


def test_transliteration_variants_join_by_fuzzy_match():
    entities, _ = resolve(([m("a", 0, "مؤسسة كارنيغي للسلام", "ORGANIZATION")], []),
                          ([m("b", 0, "مؤسسة كارنيجي للسلام", "ORGANIZATION")], []))
    (one,) = entities
    assert any(why.startswith("fuzzy") for why in one.merges)


@pytest.mark.parametrize(("a", "b", "etype"), [
    ("الحكومة الفرنسية", "الحكومة الروسية", "GOVERNMENT"),  # close spellings, different actors
    ("جون كيري", "جون كيربي", "PERSON"),
    ("الاتحاد الدولي لكرة القدم", "الاتحاد الآسيوي لكرة القدم", "ORGANIZATION"),
])
def test_close_spellings_of_different_actors_stay_apart(a, b, etype):
    entities, _ = resolve(([m("a", 0, a, etype)], []), ([m("b", 0, b, etype)], []))
    assert len(entities) == 2


def test_descriptors_point_at_their_actor_but_are_not_aliases():
    entities, mapping = resolve(([m("a", 0, "أوفكوم", "GOVERNMENT", source="gazetteer", key="ofcom"),
                                  m("a", 40, "الجهة التنظيمية", "GOVERNMENT", source="descriptor")], [(0, 1, "descriptor")]))
    (ofcom,) = entities
    assert "الجهة التنظيمية" not in ofcom.aliases
    assert mapping[("a", 40, 40 + len("الجهة التنظيمية"), "GOVERNMENT")] == ofcom.id


def test_ids_are_content_derived_and_stable():
    first, _ = resolve(([m("a", 0, "شركة النور", "COMPANY")], []))
    second, _ = resolve(([m("z", 9, "شركة النور", "COMPANY")], []))
    assert first[0].id == second[0].id


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

NAMES = [("جيمس ليون", "PERSON"), ("ليون", "PERSON"), ("تيك توك", "COMPANY"), ("تيخوك", "COMPANY"),
         ("TikTok", "COMPANY"), ("وزارة الخارجية", "GOVERNMENT"), ("الحكومة", "GOVERNMENT"), ("بلومبيرغ", "MEDIA")]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from(NAMES), min_size=1, max_size=4), min_size=1, max_size=4), st.randoms())
def test_resolution_does_not_depend_on_article_order(articles, rnd):
    def run(order):
        built = [([m(f"a{k}", 10 * i, text, etype) for i, (text, etype) in enumerate(articles[k])], []) for k in order]
        entities, _ = resolve(*built)
        return sorted((e.id, tuple(sorted(e.aliases))) for e in entities)

    order = list(range(len(articles)))
    shuffled = order[:]
    rnd.shuffle(shuffled)
    assert run(order) == run(shuffled)


def test_a_family_name_with_the_article_is_not_a_given_name():
    # الفيصل is short for تركي الفيصل, فيصل for فيصل بن عبدالعزيز: two people in one article
    mentions = [m("a", 0, "تركي الفيصل", "PERSON"), m("a", 20, "الفيصل", "PERSON"),
                m("a", 40, "فيصل بن عبدالعزيز", "PERSON"), m("a", 70, "فيصل", "PERSON")]
    entities, _ = resolve((mentions, []))
    assert len([e for e in entities if e.type == "PERSON"]) == 2


def test_a_body_named_without_its_state_joins_only_within_its_article():
    """وزارة الاتصالات in a Cairo report and in a Beirut report are two ministries; with the state in
    the name (مجلس النواب اللبناني) the name is specific enough to join across articles."""
    entities, _ = resolve(([m("a", 0, "وزارة الاتصالات", "GOVERNMENT", source="rule"),
                            m("a", 40, "وزارة الاتصالات", "GOVERNMENT", source="rule")], []),
                          ([m("b", 0, "وزارة الاتصالات", "GOVERNMENT", source="rule")], []))
    assert len(by_alias(entities, "وزارة الاتصالات")) == 2
    entities, _ = resolve(([m("a", 0, "مجلس النواب اللبناني", "GOVERNMENT", source="rule")], []),
                          ([m("b", 0, "مجلس النواب اللبناني", "GOVERNMENT", source="rule")], []))
    assert len(entities) == 1
