"""Entity stage on small Arabic sentences, run through the real bundled models."""
import json
import subprocess
import sys

import pytest

from kg.entities import find_mentions

pytestmark = pytest.mark.slow


def mentions(annotate_text, text):
    return {(m.text, m.type) for m in find_mentions(annotate_text(text)).mentions}


def test_gazetteer_catches_latin_names_and_strips_clitics(annotate_text):
    found = mentions(annotate_text, "وقالت Ofcom إنها ستراقب منصة Tiktok ولتيك توك حساب رسمي.")
    assert ("Ofcom", "GOVERNMENT") in found
    assert ("Tiktok", "COMPANY") in found
    assert ("تيك توك", "COMPANY") in found  # the clitic ل is not part of the name


def test_head_words_refine_organisations(annotate_text):
    found = find_mentions(annotate_text("أعلنت وزارة الاتصالات السعودية وصحيفة الرياض عن اتفاق جديد.")).mentions
    types = {m.type for m in found}
    assert "GOVERNMENT" in types


@pytest.mark.parametrize(("text", "name"), [
    ("وقالت وزارة الداخلية الروسية مساء الجمعة إن الهجوم فشل.", "وزارة الداخلية الروسية"),
    ("وطالبت المنظمة وزارة الداخلية بالتحقيق مع المسؤولين.", "وزارة الداخلية"),
    ("وقال رئيس لجنة في مجلس نواب الشعب السلطات إلى التدخل.", "مجلس نواب الشعب"),
    ("وأعلنت وزارة الدفاع الروسية قولها إن الطائرة سقطت.", "وزارة الدفاع الروسية"),
    # a definite head is followed by adjectives, not by a person's name (نبيه ends like a nisba)
    ("والتقى الوزير رئيس مجلس النواب نبيه بري في مقر الرئاسة الثانية.", "مجلس النواب"),
    # a party is named by its adjectives after الحزب
    ("وقال فريد زهران، رئيس الحزب المصري الديمقراطي الاجتماعي، إن القانون ضروري.", "الحزب المصري الديمقراطي الاجتماعي"),
])
def test_an_institution_name_stops_where_a_new_phrase_starts(annotate_text, text, name):
    assert name in {m for m, _ in mentions(annotate_text, text)}


def test_and_before_a_persons_name_is_not_part_of_it(annotate_text):
    found = mentions(annotate_text, "وحضر اللقاء جيروم شامبين وديفيد تريسمان رئيس الاتحاد الإنجليزي السابق.")
    names = {m for m, t in found if t == "PERSON"}
    assert "ديفيد تريسمان" in names and "وديفيد تريسمان" not in names


def test_a_name_that_starts_like_a_clitic_keeps_it(annotate_text):
    found = mentions(annotate_text, "وقالت الشركة التي تتخذ من كاليفورنيا مقرا لها إن الأرباح ارتفعت.")
    assert any(m == "كاليفورنيا" for m, _ in found)
    assert not any(m.startswith("اليفورنيا") for m, _ in found)


def test_bracketed_latin_name_is_linked_to_its_arabic_name(annotate_text):
    found = find_mentions(annotate_text('شملت الاجتماعات شركة "زوكسي" (Zooxy) في لندن.'))
    texts = [m.text for m in found.mentions]
    assert "Zooxy" in texts
    assert any(why == "parenthetical" for _, _, why in found.links)


def test_a_gloss_the_gazetteer_knows_only_in_part_is_not_linked(annotate_text):
    """فودافون قطر (Vodafone Qatar): the gazetteer's Vodafone inside the gloss is the parent group,
    not the Qatari operator, which stays an actor of its own."""
    found = find_mentions(annotate_text("وقال الرئيس التنفيذي لشركة فودافون قطر (Vodafone Qatar) إن الشركة ستدفع الغرامة."))
    texts = [m.text for m in found.mentions]
    assert "فودافون قطر" in texts
    linked = {found.mentions[b].text for a, b, why in found.links if why == "parenthetical"}
    linked |= {found.mentions[a].text for a, b, why in found.links if why == "parenthetical"}
    assert "Vodafone" not in linked


def test_legislation_is_found_after_its_trigger(annotate_text):
    found = mentions(annotate_text, "ستخضع الشركات لقانون حماية البيانات الشخصية في المملكة.")
    assert any(t == "LEGISLATION" and "حماية البيانات" in text for text, t in found)


def test_a_laws_name_ends_before_amid(annotate_text):
    found = mentions(annotate_text, "البرلمان يقر قانون الجرائم الإلكترونية وسط انتقادات حقوقية")
    assert ("قانون الجرائم الإلكترونية", "LEGISLATION") in found


def test_a_partys_country_adjective_belongs_to_its_name(annotate_text):
    found = mentions(annotate_text, "ورحب رئيس حزب القوات اللبنانية سمير جعجع بالقرار.")
    assert ("حزب القوات اللبنانية", "PARTY") in found


def test_title_implies_the_government(annotate_text):
    found = find_mentions(annotate_text("قال رئيس الوزراء البريطاني بوريس جونسون إن الخطة جاهزة.")).mentions
    assert any(m.source == "implied" and m.key == "uk_government" for m in found)


def test_extraction_does_not_import_torch(annotate_text, tmp_path):
    """A parallel build's main process only extracts; torch there (thinc imports it with spaCy)
    cost ~3 s of CPU that the NLP workers need."""
    annotated = annotate_text("وقالت Ofcom إنها ستراقب منصة Tiktok.")
    saved = tmp_path / "annotated.json"
    saved.write_text(json.dumps({"article": annotated.article.model_dump(), "nlp": annotated.to_json()}), encoding="utf-8")
    code = ("import json, sys; from kg.nlp.doc import AnnotatedArticle; from kg.schema import Article; "
            "from kg.pipeline import extract; "
            f"d = json.loads(open({str(saved)!r}, encoding='utf-8').read()); "
            "ex = extract(AnnotatedArticle.from_json(Article.model_validate(d['article']), d['nlp'])); "
            "print(sorted(m.text for m in ex.mentions.mentions), 'torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert "Ofcom" in out and out.endswith("False")


def test_a_preposition_is_not_a_persons_surname(annotate_text):
    text = "وقال الوزير محمد علي إن الحكومة وافقت على المشروع وعلى الميزانية."
    found = find_mentions(annotate_text(text)).mentions
    people = [text[m.start:m.end] for m in found if m.type == "PERSON"]
    assert "محمد علي" in people
    assert "على" not in people


def test_a_descriptor_refers_to_the_body_named_with_its_noun(annotate_text):
    text = ("أعلن نيك كليغ، رئيس الشؤون العالمية في شركة ميتا المالكة لفيسبوك وواتساب، تنحيه.\n"
            "وكان كليغ قد انضم إلى الشركة عام 2018.")
    found = find_mentions(annotate_text(text))
    descriptor = next(k for k, m in enumerate(found.mentions) if m.source == "descriptor" and "الشركة" in m.text)
    antecedent = next(a for a, b, why in found.links if b == descriptor)
    assert found.mentions[antecedent].text.endswith("ميتا")


def test_a_same_noun_descriptor_needs_a_body_with_that_noun(annotate_text):
    text = "وقالت وزارة التجارة إن القرار نهائي.\nورحبت الحكومة بالقرار."
    found = find_mentions(annotate_text(text)).mentions
    assert not any(m.source == "descriptor" and "الحكومة" in m.text for m in found)


def test_a_post_after_a_name_is_not_part_of_it(annotate_text):
    doc = annotate_text("وقررت الحكومة تعيين أحمد علي مديرا لهيئة الاتصالات.")
    people = [m.text for m in find_mentions(doc).mentions if m.type == "PERSON"]
    assert people == ["أحمد علي"]


def test_a_complement_after_a_name_is_not_part_of_it(annotate_text):
    doc = annotate_text("وأكد خادم الحرمين الشريفين الملك عبد الله للحرمين دعمه للمبادرة.")
    assert not any(m.type == "PERSON" and "للحرمين" in m.text for m in find_mentions(doc).mentions)


def test_a_name_ner_cut_in_two_is_one_person(annotate_text):
    found = mentions(annotate_text, "وانتقدت لينا عطا الله، رئيسة تحرير الموقع، قرار المجلس.")
    assert ("لينا عطا الله", "PERSON") in found


def test_two_people_joined_by_and_stay_two(annotate_text):
    found = mentions(annotate_text, "وكانت المحكمة قد عاقبت مبارك وحبيب العادلي بالسجن.")
    assert not any(t == "PERSON" and "مبارك" in m and "العادلي" in m for m, t in found)


@pytest.mark.slow
@pytest.mark.parametrize("text, name", [
    ("وقال الرئيس التنفيذي لشركة أوريدو تونس جاسم المهندي إن الشركة فازت بالصفقة.", "أوريدو تونس"),
    ("وأعلنت شركة فودافون مصر، الثلاثاء، إطلاق خدمة جديدة.", "فودافون مصر"),
])
def test_a_company_with_a_country_after_it_is_its_national_branch(annotate_text, text, name):
    found = find_mentions(annotate_text(text)).mentions
    assert any(m.text == name and m.type == "COMPANY" for m in found)


@pytest.mark.slow
def test_a_title_or_participle_is_no_part_of_a_persons_name(annotate_text):
    doc = annotate_text('وقال نقيب الصحفيين زياد دبار إن النقابة ستقف إلى جانبها، متهماً بن سالم بـ"خدمة أجندات".')
    names = [m.text for m in find_mentions(doc).mentions if m.type == "PERSON"]
    assert "زياد دبار" in names and not any("نقيب" in n or "متهم" in n for n in names)


@pytest.mark.slow
def test_a_word_that_begins_with_kaf_is_no_clitic_and_name(annotate_text):
    """كابل (a cable, Kabul) is not ك + آبل, and كوفي أنان keeps his first letter."""
    doc = annotate_text("وقال كوفي أنان إن الانقطاعات نجمت عن قطع في كابل بحري يديره طرف ثالث.")
    found = find_mentions(doc).mentions
    assert not any(m.key == "apple" or m.text == "ابل" for m in found)
    assert any(m.text == "كوفي أنان" for m in found)


def test_a_quoted_name_glossed_in_latin_is_whole(annotate_text):
    found = _found(annotate_text("وقّعت «أرامكو الرقمية» (Aramco Digital) اتفاقا، ثم قال رئيس أرامكو الرقمية إن العمل بدأ."))
    texts = {t for t, _ in found}
    assert "أرامكو الرقمية" in texts and "Aramco Digital" in texts
    assert "أرامكو" not in texts and "Aramco" not in texts  # the parent's name inside gives way


def test_the_government_of_an_emirate_is_a_body(annotate_text):
    found = _found(annotate_text("وقال الصندوق المملوك لحكومة دبي إنه سيستثمر في الشركة."))
    assert ("حكومة دبي", "GOVERNMENT") in found


def test_owner_of_before_a_definite_word_is_no_person(annotate_text):
    found = _found(annotate_text("وقال مالك القناة، رجل الأعمال سامر النجار، إنه سيطعن في القرار."))
    assert ("مالك", "PERSON") not in found
    assert any(t == "سامر النجار" and ty == "PERSON" for t, ty in found)


def test_owner_of_before_a_body_word_is_no_person(annotate_text):
    found = _found(annotate_text("وقال مالك موقع «صدى الجنوب»، الصحفي ماهر العلي، إنه لم يبلغ بالقرار."))
    assert ("مالك", "PERSON") not in found
    assert ("ماهر العلي", "PERSON") in found


def _found(doc):
    return {(m.text, m.type) for m in find_mentions(doc).mentions}


def test_a_span_opened_by_a_mediums_head_is_no_person(annotate_text):
    found = _found(annotate_text("وقال آدم يعقوب، مراسل راديو دبنقا في نيالا، إن السكان يعتمدون على ستارلينك."))
    assert not any(t.startswith("راديو") and ty == "PERSON" for t, ty in found)


@pytest.mark.parametrize("text", [
    "ووقعت شركة ليبيا تيليكوم اتفاقا مع غوغل في طرابلس.",
    "ووقعت شركة جيبوتي تيليكوم (Djibouti Telecom) اتفاقا مع غوغل.",
])
def test_a_country_that_opens_a_company_name_is_part_of_it(annotate_text, text):
    """ليبيا تيليكوم، جيبوتي تيليكوم: one company, its first word no place; a Latin gloss that opens
    with the country is the company's too."""
    found = find_mentions(annotate_text(text))
    company = next(m for m in found.mentions if m.type == "COMPANY" and "تيليكوم" in m.text)
    assert company.text in {"ليبيا تيليكوم", "جيبوتي تيليكوم"}
    assert not any(m.type == "LOCATION" and m.start == company.start for m in found.mentions)
    if "(" in text:
        linked = {found.mentions[i].text for link in found.links if link[2] == "parenthetical" for i in link[:2]}
        assert "Djibouti Telecom" in linked
