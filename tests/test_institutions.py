"""Institution names found by rule, through the real bundled models."""
import pytest

from kg.entities import find_mentions

pytestmark = pytest.mark.slow


def names(annotate_text, text, etype=None):
    return {m.text for m in find_mentions(annotate_text(text)).mentions
            if m.source != "descriptor" and (etype is None or m.type == etype)}


@pytest.mark.parametrize(("text", "name"), [
    # a ministry's name joins its fields with و
    ("وقالت وزارة العلوم والتكنولوجيا إن البرنامج سيبدأ العام المقبل.", "وزارة العلوم والتكنولوجيا"),
    ("وافقت هيئة المنافسة والأسواق البريطانية على الصفقة يوم الجمعة.", "هيئة المنافسة والأسواق البريطانية"),
    # a head of two words names the body by itself, and takes its country
    ("وصوت مجلس الشيوخ الأمريكي على القانون بأغلبية كبيرة.", "مجلس الشيوخ الأمريكي"),
    ("وقضت المحكمة العليا في البرازيل بتعليق المنصة.", "المحكمة العليا"),
    # with the article, a head and a field after an adjective are a name
    ("وطلب القاضي من الهيئة الوطنية للاتصالات تنفيذ القرار.", "الهيئة الوطنية للاتصالات"),
    # ... or a field that is a genitive chain (ل + an indefinite noun, up to its definite word)
    ("وقررت الهيئة الوطنية لتنظيم قطاع الاتصالات في الأردن حجب التطبيق.", "الهيئة الوطنية لتنظيم قطاع الاتصالات"),
    ("وأصدرت الوكالة الوطنية لتقنين المواصلات قرارا جديدا.", "الوكالة الوطنية لتقنين المواصلات"),
    # a head beginning with و keeps its name behind a clitic (لوزارة، ووزارة)
    ("ويتبع المركز الجديد لوزارة الاتصالات منذ العام الماضي.", "وزارة الاتصالات"),
    ("واجتمع ممثلو النقابة ووزارة التربية يوم الاثنين.", "وزارة التربية"),
    # an honorific or a title after a body opens a person's name, not the body's
    ("حضر الاستقبال وزير الدولة عضو مجلس الوزراء الدكتور مساعد بن محمد العيبان.", "مجلس الوزراء"),
    ("نشر نائب رئيس الدولة رئيس مجلس الوزراء حاكم دبي الشيخ محمد بن راشد آل مكتوم صورة.", "مجلس الوزراء"),
])
def test_institution_names(annotate_text, text, name):
    assert name in names(annotate_text, text, "GOVERNMENT")


@pytest.mark.parametrize(("text", "name", "longer"), [
    # a name joins no second body, no title and nothing after a proper noun
    ("وزار وزير الداخلية بلدية جمال والأمن الوطني في المدينة.", "بلدية جمال", "بلدية جمال والأمن"),
    ("قال الوزير المكلف بالعلاقة مع مجلس نواب الشعب والناطق باسم الحكومة إن الحكومة ستقدم مبادرة.",
     "مجلس نواب الشعب", "مجلس نواب الشعب والناطق"),
    # an ideological adjective describes the party, it is no part of its name
    ("وبارنييه عضو في حزب الجمهوريين اليميني منذ سنوات.", "حزب الجمهوريين", "حزب الجمهوريين اليميني"),
])
def test_institution_names_stop(annotate_text, text, name, longer):
    found = names(annotate_text, text)
    assert not any(longer in n for n in found)


def test_the_article_and_a_purpose_are_no_name(annotate_text):
    found = names(annotate_text, "وصل وفد برئاسة أمين عام المنظمة للمشاركة في أشغال المؤتمر.")
    assert not any(n.startswith("المنظمة") for n in found)


def test_the_source_after_a_dateline_is_a_medium(annotate_text):
    found = find_mentions(annotate_text("قاض يأمر بتعليق المنصة\nبرازيليا - الشرق الأوسط\nأمر القاضي بتعليق المنصة.")).mentions
    assert any(m.text == "الشرق الأوسط" and m.type == "MEDIA" for m in found)
    assert not any(m.text == "الشرق الأوسط" and m.type == "LOCATION" for m in found)


def test_a_kind_word_before_a_name_is_left_out(annotate_text):
    found = {m.text for m in find_mentions(annotate_text("وكتب على منصة إكس أن الشركة ممتنة، وقرأته صحيفة الغارديان.")).mentions}
    assert "إكس" in found and "منصة إكس" not in found
    assert "صحيفة الغارديان" in found or "الغارديان" in found


@pytest.mark.parametrize("text", [
    # a definite head is a reference unless an adjective and a field follow it
    "وطالبت النقابة الوزارة بإعطاء دفع للتظاهرات الثقافية.",
    # a field with no definite word is a purpose: the body's name ends before it
    "ودعا الاتحاد الأفريقي لجلب الاستثمارات إلى القارة.",
])
def test_no_institution_from_a_reference_or_a_purpose(annotate_text, text):
    assert not any("بإعطاء" in n or "لجلب" in n for n in names(annotate_text, text))


@pytest.mark.parametrize(("text", "name", "etype"), [
    ('وكان رجل الأعمال يملك صحيفة "الأنباء الجديدة" الأسبوعية منذ سنوات.', "الأنباء الجديدة", "MEDIA"),
    ("وتعتزم المجموعة شراء إذاعة «صوت المدينة» المحلية.", "صوت المدينة", "MEDIA"),
])
def test_a_quoted_name_after_a_head_is_the_name(annotate_text, text, name, etype):
    assert name in names(annotate_text, text, etype)


@pytest.mark.parametrize(("text", "name", "etype"), [
    ('وفتحت الهيئة تحقيقا في تسريب بيانات عملاء لتطبيق توصيل الطعام "ميال" بعد عرضها للبيع.', "ميال", "COMPANY"),
    ("وانتقد الوزير منصة التواصل الاجتماعي «بلوسكاي» لأنها لم تحذف المنشورات.", "بلوسكاي", "COMPANY"),
])
def test_a_quoted_name_after_a_kind_phrase_takes_its_type(annotate_text, text, name, etype):
    """A kind word, its modifiers, then a quoted name: the name has the kind's type."""
    assert name in names(annotate_text, text, etype)


@pytest.mark.parametrize(("text", "quoted"), [
    ("وقال إن حركة البيع «ضعيفة» جدا هذا الموسم.", "ضعيفة"),  # not a kind word before names
    ('ونقلت صحيفة "الرأي" التي نشرت "التقرير الكامل" الخبر.', "التي نشرت"),  # a closing quote
    ('وطالب النائب مجلس الوزراء بإقرار الترخيص "خلال أسابيع".', "خلال أسابيع"),
])
def test_scare_quotes_after_other_words_name_nothing(annotate_text, text, quoted):
    assert not any(quoted in n for n in names(annotate_text, text))


def test_two_quoted_names_after_a_dual_head(annotate_text):
    found = names(annotate_text, "وقررت الهيئة حجب موقعي «صدى الجنوب» و«المرصد اليوم» الإخباريين.", "MEDIA")
    assert {"صدى الجنوب", "المرصد اليوم"} <= found
    found = names(annotate_text, 'وقالت وكالتا "أنسا" و"آجي" الإيطاليتان إن الأسر تلقت الخبر.', "MEDIA")
    assert {"أنسا", "آجي"} <= found


def test_an_accusative_before_scare_quotes_is_no_dual_head(annotate_text):
    found = names(annotate_text, 'ووصف الرئيس الحلف بكونه تحالفا "عفا عليه الزمن" في خطابه.')
    assert "عفا عليه الزمن" not in found


def test_a_chamber_of_commerce_is_an_organisation(annotate_text):
    found = names(annotate_text, "وعمل مستشارا اقتصاديا لغرفة تجارة عمّان قبل أن ينتقل إلى دبي.", "ORGANIZATION")
    assert any("غرفة تجارة عمّان" in name for name in found)


def test_an_association_named_by_a_genitive_noun(annotate_text):
    found = names(annotate_text, "وانتقدت نقابة المحامين الأردنيين القرار في بيان أمس.", "ORGANIZATION")
    assert "نقابة المحامين الأردنيين" in found


def test_a_quoted_name_is_taken_whole_where_ner_cuts_it(annotate_text):
    found = names(annotate_text, 'قررت الهيئة تعليق بث قناة "الوفاق تي في" الخاصة لمدة ثلاثين يوما.', "MEDIA")
    assert "الوفاق تي في" in found


def test_a_decree_is_legislation(annotate_text):
    found = names(annotate_text, "وطالبت النقابة بإلغاء المرسوم عدد 54 الذي يجرم نشر الأخبار الزائفة.", "LEGISLATION")
    assert any(name.startswith("المرسوم") for name in found)


def test_a_ministry_named_by_two_constructs(annotate_text):
    found = names(annotate_text, "ووقعت وزارة الانتقال الرقمي وإصلاح الإدارة الاتفاقية أمس.", "GOVERNMENT")
    assert "وزارة الانتقال الرقمي وإصلاح الإدارة" in found


def test_a_television_named_after_its_head(annotate_text):
    assert "تلفزيون فلسطين" in names(annotate_text, "وأغلقت المنصة حساب مراسل تلفزيون فلسطين في نابلس.", "MEDIA")


def test_a_head_ner_cut_off_is_put_back(annotate_text):
    """NER often finds a regulator's name without its head (تنظيم الاتصالات for هيئة تنظيم
    الاتصالات): the whole name is the body."""
    found = names(annotate_text, "وأعلنت هيئة تنظيم الاتصالات في الأردن (TRC) أنها فرضت غرامة قدرها مليون دينار على شركة أمنية.",
                  "GOVERNMENT")
    assert "هيئة تنظيم الاتصالات" in found
    assert "تنظيم الاتصالات" not in found


def test_he_has_is_no_municipality():
    """بلدية loses its ب to clitic stripping; ولديه ("and he has") is no head of a body."""
    from kg.rules import type_rules

    assert not list(type_rules().institution_heads(["يملك", "ريشا", "ولديه", "جناحان"]))
    assert list(type_rules().institution_heads(["رئيس", "بلدية", "صيدا"])) == [(1, 1, "GOVERNMENT", False)]
