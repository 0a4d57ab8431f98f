"""Members' seats (kg/party_seats.py) on the real models."""
import pytest

from kg.entities import find_mentions
from kg.relations import extract_relations

pytestmark = pytest.mark.slow


def _rels(annotate_text, text):
    doc = annotate_text(text)
    return {(r.head.text, r.type, r.tail.text) for r in extract_relations(doc, find_mentions(doc))}


@pytest.mark.parametrize("text, person, party", [
    ("وانتقدت النائبة ريتا الحاج، عن حزب القوات اللبنانية، القانون بشدة.", "ريتا الحاج", "القوات اللبنانية"),
    ("في المقابل، دافع النائب عن حركة أمل علي حمدان عن القانون.", "علي حمدان", "حركة أمل"),
    ("وكانت النائبة سلمى فكري، عضو مجلس النواب المصري عن الحزب المصري الديمقراطي الاجتماعي، قد طالبت الحكومة بالرقابة.",
     "سلمى فكري", "الحزب المصري الديمقراطي الاجتماعي"),
])
def test_a_member_of_parliament_sits_for_a_party(annotate_text, text, person, party):
    got = _rels(annotate_text, text)
    assert any(person in h and rel == "member_of" and party in t for h, rel, t in got)


def test_the_party_a_member_sits_for_is_not_the_object(annotate_text):
    got = _rels(annotate_text, "وانتقد النائب عمر الزيود، عن حزب جبهة العمل الإسلامي، التعديل الوزاري.")
    assert not any(rel == "criticized" and "جبهة العمل" in t for _, rel, t in got)


def test_a_member_of_a_parliament_sits_in_it_for_a_party(annotate_text):
    got = _rels(annotate_text, 'وانتقدت مانون أوبري، النائبة في البرلمان الأوروبي عن حزب "فرنسا الأبية"، الصفقة بشدة.')
    assert any("أوبري" in h and rel == "works_for" and "البرلمان الأوروبي" in t for h, rel, t in got)
    assert any("أوبري" in h and rel == "member_of" and "فرنسا الأبية" in t for h, rel, t in got)
    assert not any(rel == "criticized" for _, rel, _ in got)  # the parliament is in her title, not the object


def test_a_constituency_is_no_employer(annotate_text):
    got = _rels(annotate_text, "أعلن عدنان الحاجي النائب المستقل عن جهة قفصة، اليوم الثلاثاء، رفع الحصانة عنه.")
    assert not any(rel == "works_for" and "قفصة" in t for _, rel, t in got)


def test_members_named_before_in_a_parliament_work_for_it(annotate_text):
    got = _rels(annotate_text, "وناقش المجلس استجوابا قدمه النائبان خالد المطيري وفيصل الشمري في مجلس الأمة أمس.")
    for person in ("المطيري", "الشمري"):
        assert any(person in h and rel == "works_for" and "مجلس الأمة" in t for h, rel, t in got)


def test_an_mp_works_for_the_one_parliament_the_article_names(annotate_text):
    text = ("استضافت لجنة الاتصالات في مجلس النواب العراقي وزير الاتصالات أمس. "
            "وطالب النائب سعد الجبوري الحكومة بتعويض الشركات المتضررة.")
    got = _rels(annotate_text, text)
    assert any("الجبوري" in h and rel == "works_for" and "مجلس النواب" in t for h, rel, t in got)
