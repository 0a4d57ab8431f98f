"""Subjects that stand before their verb, through the real bundled models."""
import pytest

from tests.test_relations import triples

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "triple"), [
    # the pluperfect names its subject between كان and قد, past a title
    ("وكان الرئيس التنفيذي لشركة آبل تيم كوك قد التقى المستشار الألماني أولاف شولتس في برلين.",
     ("تيم كوك", "met", "أولاف شولتس")),
    # a relative clause is about the actor before it
    ("وحضرت الحفل نائبة الرئيس الأمريكي كامالا هاريس، التي التقت إيمانويل ماكرون في باريس.",
     ("كامالا هاريس", "met", "إيمانويل ماكرون")),
    # a headline's present-tense verbs share the actor that opens it
    ("ماكرون يزور بكين ويلتقي شي جين بينغ", ("ماكرون", "met", "شي جين بينغ")),
    # an actor opening a reported clause before its verb
    ('وقال المتحدث إن "الحكومة الأمريكية أمرت آبل باتخاذ خطوة غير مسبوقة".',
     ("الحكومة الأمريكية", "requested", "آبل")),
])
def test_subject_before_the_verb(annotate_text, text, triple):
    assert triple in triples(annotate_text, text)


@pytest.mark.parametrize(("text", "wrong"), [
    # a headline's verb shares its subject: the two people after it did not meet each other
    ("ماكرون يستضيف قمة المناخ ويلتقي بايدن وشولتس", ("بايدن", "met", "شولتس")),
    # in verb-first text the actor before a verb ends the last clause
    ("ردا على هجوم كيماوي على بلدة خان شيخون اتهمت واشنطن قوات الرئيس بشار الأسد بتنفيذه.",
     ("خان شيخون", "criticized", "واشنطن")),
    # a subject deep inside a long phrase after كان is not taken
    ("وكانت عدة جهات من بينها حملة مقاطعة داعمي إسرائيل في لبنان قد طالبت الحكومة اللبنانية بمنع الفيلم.",
     ("إسرائيل", "requested", "الحكومة اللبنانية")),
])
def test_no_subject_from_a_neighbouring_clause(annotate_text, text, wrong):
    got = triples(annotate_text, text)
    assert not any(h.endswith(wrong[0].split()[-1]) and r == wrong[1] and t == wrong[2] for h, r, t in got)


def test_the_body_in_a_title_after_the_verb_is_not_the_subject(annotate_text):
    text = "دعا الخبير المحاسب ورئيس الجمعية التونسية للزكاة، محمد مقديش، مجلس نواب الشعب إلى تسريع النظر في القانون."
    got = triples(annotate_text, text)
    assert ("محمد مقديش", "requested", "مجلس نواب الشعب") in got
    assert not any(h.startswith("الجمعية") and r == "requested" for h, r, _ in got)


def test_a_pronoun_after_a_comma_stands_for_the_first_actor(annotate_text):
    text = 'وكان رجل الأعمال سمير الخطيب قد عمل مديرا لشركة زين، وهو يملك صحيفة "الأخبار المسائية" منذ عام 2015.'
    got = triples(annotate_text, text)
    assert any("الخطيب" in h and r == "owns" and "الأخبار المسائية" in t for h, r, t in got)
    assert any("الخطيب" in h and r == "works_for" and "زين" in t for h, r, t in got)


def test_a_participle_after_a_statement_takes_the_speaker(annotate_text):
    text = 'وقال رئيس اللجنة، النائب حسن الزبيدي، إن "الخسائر كبيرة"، منتقدا وزارة الاتصالات لتأخرها في الرد.'
    got = triples(annotate_text, text)
    assert any("الزبيدي" in h and r == "criticized" and "وزارة الاتصالات" in t for h, r, t in got)


def test_a_named_organisation_between_kana_and_qad(annotate_text):
    got = triples(annotate_text, 'وكانت منظمة "هيومن رايتس ووتش" قد انتقدت الحكومة المصرية الشهر الماضي.')
    assert any("هيومن رايتس ووتش" in h and r == "criticized" and "الحكومة المصرية" in t for h, r, t in got)


def test_a_verb_after_that_he_is_the_speakers(annotate_text):
    got = triples(annotate_text, "وقال الوزير محمد الكندري إنه التقى طارق الفيلكاوي صباح أمس.")
    assert ("محمد الكندري", "met", "طارق الفيلكاوي") in got


def test_a_verb_joined_after_a_comma_keeps_the_clauses_subject(annotate_text):
    got = triples(annotate_text, "في المقابل، انتقدت منظمة هيومن رايتس ووتش القرار ووصفته بأنه عقاب جماعي، "
                                 "وطالبت الحكومة السودانية بإعادة الخدمة فورا.")
    assert any("هيومن رايتس ووتش" in h and r == "requested" and "الحكومة السودانية" in t for h, r, t in got)
    assert not any("الحكومة السودانية" in h and r == "requested" for h, r, _ in got)
