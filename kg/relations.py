"""Stage 3b: typed relations between mentions, by the rules in ``kg/data/relations.yaml``.

Rules look at one sentence at a time: its words (normalized keys), the mentions in it and the
rule's trigger phrases.  Negated or hypothetical triggers (لم يشمل، فشل، رفض، لخلافة) yield
nothing.  Every relation carries the sentence as evidence and the name of the rule that fired.
"""
from __future__ import annotations

from collections.abc import Iterator

from kg.described import describes_mention
from kg.entities import ArticleMentions
from kg.negation import negated
from kg.nlp.doc import AnnotatedArticle, Sentence
from kg.normalize import match_key, strip_clitic
from kg.ontology import load_ontology
from kg.party_seats import article_parliament_seats
from kg.pronoun_roles import carried_roles
from kg.relation_context import (
    PREPOSITIONS,
    RELATIVE_WORDS,
    Ctx,
    apposition_owner,
    coordinated,
    direct_object,
    glued_preposition,
    mention_before,
    mentions_after,
    named_apposition,
    only_punct,
    skip_apposition,
    titles_person,
)
from kg.relation_objects import (
    apart,
    appointed,
    each_marker,
    marks,
    officer_of_subject,
    past_the_object,
    stray_object,
)
from kg.relation_rules import Rule, first_match, rule_set, rules_by_first_word, start_positions
from kg.relation_subjects import between_pair, clause_subject, subject_after, subject_before_verb
from kg.roles import roles, titles
from kg.rules import metonym_index
from kg.schema import Evidence, Mention, Relation, mention_key
from kg.venues import medium, venue

NOUN_FIRST_GAP = 7  # words from a meeting noun (or its marker) to its first participant
LOCATED = match_key("يقع")  # X، التي يقع مقرها في Y


def _verb(ctx: Ctx, rule: Rule, t0: int, t1: int, gap: int) -> Iterator[tuple[int, int]]:
    # only a verb takes its subject after it (VSO); a noun trigger (الاجتماعات، سلفه) never does
    verb = ctx.sent.words[t0].upos in {"VERB", "AUX"}
    if not verb and t1 - t0 == 1 and (ctx.keys[t0] in rule.verb_only or ctx.raw[t0] in rule.verb_only):
        return  # طالب the student, أمر the matter: not the verb
    if rule.subject_clause:
        before_k, after_k = clause_subject(ctx, t0, rule.head_types), None
        if before_k is None:
            return
    else:
        before_k = None if rule.subject_before else subject_before_verb(ctx, t0, verb, rule.head_types)
        after_k = None if rule.subject_before or not verb or before_k is not None else subject_after(ctx, t1, rule.head_types)
    head = before_k if before_k is not None else after_k
    if head is None:
        head = mention_before(ctx, t0, gap, types=rule.head_types)
        head = None if head is None else apposition_owner(ctx, head, t0)
    if head is None:
        return
    resume = skip_apposition(ctx, head) if after_k is not None else t1 - 1
    if rule.direct_object:
        if glued_preposition(ctx, t0) or (t0 > 0 and ctx.raw[t0 - 1] in PREPOSITIONS):
            return  # بطلب من، على طلب من: "at the request of", a noun
        own_prep = after_k is None and ctx.raw[t1 - 1] in PREPOSITIONS  # X طلب من Y
        if not own_prep and resume + 1 < len(ctx.raw) and ctx.raw[resume + 1] in rule.object_preps:
            own_prep, resume = True, resume + 1  # طلب X من Y
        obj = direct_object(ctx, resume, rule.tail_types, own_prep)
        if obj is None and after_k is not None and _joined_verb(ctx, t0):  # ...، وطالبت الجهاز بإعادة الخدمة
            head, obj = clause_subject(ctx, t0, rule.head_types), after_k
        if head is not None and obj is not None and obj != head:
            yield head, obj
            yield from ((head, k) for k in coordinated(ctx, obj) if k != head)
        return
    if rule.each_marker:
        yield from each_marker(ctx, rule, head, resume, gap)
        return
    marker = None
    if rule.tail_after:  # "اجتمع X ... مع Y": the tails follow the marker when there is one
        marker = next((j for j in range(resume + 1, min(len(ctx.raw), resume + gap)) if marks(ctx, rule, j)
                       and not ctx.clause_break(resume + 1, j)), None)
        if marker is None and rule.reverse:
            return  # "وتتبع X لـY": without its marker the verb is another one (تتبع = follows)
        # a clitic marker is glued to the tail's word (لشركة سبيس إكس): the tail starts there
        resume = resume if marker is None else marker - (ctx.raw[marker] not in rule.tail_after)
    # a meeting noun (لقاء، اجتماع) names its participants right after it (لقاء برئيس الجمهورية ...)
    first_gap = NOUN_FIRST_GAP if rule.type == "met" and not verb else rule_set().max_first_gap
    # "في X" is where it happened: a venue for a meeting, a place for any other relation.  A list
    # of participants goes on past the venue; a single object does not.
    def place(k: int) -> bool:
        return venue(ctx, k, t1 - 1) and (rule.type == "met" or ctx.mentions[k].type == "LOCATION")

    tails = [k for k in mentions_after(ctx, resume, gap, rule.tail_types, first_gap,
                                       None if rule.first_tail_only else place) if k != head]
    if rule.first_tail_only and tails:  # one object, or several joined by و (تيك توك ووي تشات)
        tails = [] if place(tails[0]) else [tails[0], *coordinated(ctx, tails[0])]
    if tails and (stray_object(ctx, rule, t0, t1, head, tails[0]) or past_the_object(ctx, rule, t1, tails[0])
                  or officer_of_subject(ctx, t1, tails[0])):
        return
    if tails and marker is not None and apart(ctx, marker, ctx.first[tails[0]], commas_only=True):
        return  # يتخذ من كيغالي مقرا له، ... من الرباط: the marker's own object is no mention
    for k in tails:
        if place(k) or k == head or titles_person(ctx, k) or medium(ctx, k):
            continue
        if not rule.tail_types or ctx.mentions[k].type in rule.tail_types:
            yield head, k


def _joined_verb(ctx: Ctx, t0: int) -> bool:
    """A verb joined by و after a comma (انتقدت X القرار، وطالبت الجهاز بـ ...): when the actor after
    it is its only one, that actor is its object and the clause's subject is its subject."""
    return t0 > 0 and ctx.raw[t0].startswith("و") and ctx.text[t0 - 1] in {"،", ","}


def _noun_of(ctx: Ctx, rule: Rule, t0: int, t1: int, gap: int) -> Iterator[tuple[int, int]]:
    """``استحواذ Y على X``; with a pronoun on the noun (أعلنت Y استحواذها على X) the owner is the
    actor before it."""
    marker = next((i for i in range(t1, min(len(ctx.raw), t1 + 8)) if ctx.raw[i] == rule.tail_marker), None)
    if marker is None:
        return
    # an owner's share may stand between (تعود ملكية 55 في المئة من X إلى Y)
    after = [k for k in mentions_after(ctx, t1 - 1, 6 if rule.reverse else 3) if ctx.first[k] < marker]
    head = after[0] if after else None
    if head is None and ctx.raw[t1 - 1].endswith(("ه", "ها", "هم")):
        head = mention_before(ctx, t0, gap)
    tails = mentions_after(ctx, marker, 4)
    if head is not None and tails:  # reverse: the actor after the marker owns the one after the noun
        yield (tails[0], head) if rule.reverse else (head, tails[0])


def _apply(ctx: Ctx, rule: Rule, t0: int, t1: int, gap: int) -> Iterator[tuple[int, int]]:
    if rule.requires and not any(ctx.raw[j] in rule.requires for j in range(t1, min(len(ctx.raw), t1 + gap))):
        return
    if rule.unless and any(ctx.raw[j] in rule.unless for j in range(t1, min(len(ctx.raw), t1 + gap))):
        return
    if t1 < len(ctx.raw) and (ctx.raw[t1] in rule.not_next or ctx.keys[t1] in rule.not_next):
        return
    if rule.shape == "verb":  # reverse: the tail is the actor (وتتبع X لـY: Y owns X)
        yield from ((t, h) if rule.reverse else (h, t) for h, t in _verb(ctx, rule, t0, t1, gap))
    elif rule.shape == "passive":
        before, after = mention_before(ctx, t0, gap), mentions_after(ctx, t1 - 1, 6)
        near = mention_before(ctx, t0, 2, subject=False)  # التابعة لـ"سبيس إكس" المملوكة لماسك: SpaceX is owned
        if near is not None and rule.type in {"owns", "part_of"} and not rule.reverse and only_punct(ctx, ctx.last[near] + 1, t0):
            before = near
        if before is None and t0 > 0 and ctx.raw[t0 - 1] in RELATIVE_WORDS:  # إلى مجلس إدارة جي42، التي يرأسها Y
            before = mention_before(ctx, t0, gap, subject=False)
        if rule.type in {"owns", "part_of"} and not describes_mention(ctx, t0):  # "الإدارة المدنية" التابعة لـ:
            return  # it describes a noun that is no mention, not one further back
        if before is not None and after:
            if not rule.reverse:  # owned by several (مملوكة لشركة مبادلة ... ولمجموعة جي 42)
                owners = [k for k in coordinated(ctx, after[0]) if ctx.mentions[k].type != "LOCATION"]  # ومقرها بكين
                yield from ((k, before) for k in (after[0], *owners))
            else:  # the owner of several (المالكة لفيسبوك وإنستغرام وواتساب)
                before = named_apposition(ctx, before, after[0])
                yield from ((before, k) for k in (after[0], *coordinated(ctx, after[0])))
    elif rule.shape == "between":  # اجتماع بين X وY
        pair = between_pair(ctx, t1)
        if pair is not None:
            yield pair
    elif rule.shape == "noun_of":
        yield from _noun_of(ctx, rule, t0, t1, gap)
    elif rule.shape == "appointed":
        yield from appointed(ctx, rule, t0, t1, gap)
    elif rule.shape == "adjacent":
        before = mention_before(ctx, _relative_start(ctx, t0), 3 if not rule.head_words else 1)
        if before is None or (rule.head_words and ctx.keys[ctx.first[before]] not in rule.head_words
                              and ctx.raw[ctx.first[before]] not in rule.head_words):
            return
        after = mentions_after(ctx, t1 - 1, 4, {"LOCATION"})
        if after:
            yield before, after[0]


def _relative_start(ctx: Ctx, t0: int) -> int:
    """``X، التي يقع مقرها في Y``: where the relative clause holding the trigger starts."""
    j = t0
    if j > 0 and ctx.raw[j - 1] == LOCATED:
        j -= 1
    if j > 0 and ctx.raw[j - 1] in RELATIVE_WORDS:
        j -= 1
        while j > 0 and ctx.text[j - 1] in {"،", ","}:
            j -= 1
    return j


def _role_kind(role: str, body_type: str, default: str) -> str:
    """owns for an owner (مالك), member_of for a party's leader or member, else ``default``."""
    rules = rule_set()
    words = {strip_clitic(match_key(k)) for k in role.split()}  # والزعيم
    if not words.isdisjoint(rules.owner_roles):
        return "owns"
    return "member_of" if body_type == "PARTY" and not words.isdisjoint(rules.member_roles) else default


def _triggers(ctx: Ctx, rule: Rule) -> Iterator[tuple[int, int]]:
    for i in start_positions(ctx.keys, ctx.raw, rule.triggers):
        if n := first_match(ctx.keys, ctx.raw, i, rule.triggers):
            yield i, i + n


def _allowed(rel_type: str, head: Mention, tail: Mention) -> bool:
    spec = load_ontology().relation_types[rel_type]
    # "طلب من كيلي ... كيلي": one actor named twice is no relation
    return head.start != tail.start and match_key(head.text) != match_key(tail.text) and spec.allows(head.type, tail.type)


def _metonym(rel_type: str, m: Mention) -> Mention:
    """A capital as an actor (دعا السوداني أنقرة) is its government: a mention of it
    over the place's span, as a title's government is."""
    if m.type != "LOCATION" or rel_type not in rule_set().metonym_types:
        return m
    gov = metonym_index().get(match_key(m.text))
    return m if gov is None else m.model_copy(update={"type": "GOVERNMENT", "source": "implied", "key": gov})


def sentence_relations(annotated: AnnotatedArticle, sent: Sentence, mentions: list[Mention]) -> list[Relation]:
    rules = rule_set()
    ctx = Ctx.build(sent, mentions)
    if len(ctx.mentions) < 2:
        return []
    by_word, anywhere = rules_by_first_word()
    active = anywhere.union(*(by_word.get(w, ()) for w in {*ctx.keys, *ctx.raw}))
    triggers = {rule.name: list(_triggers(ctx, rule)) if rule.name in active else []
                for rule in rules.rules if rule.shape not in {"role", "title"}}
    # a list of tails ends where another relation's trigger starts (... و"تيك توك" التابعة لـ ...)
    ctx.stops = {t0 for rule in rules.rules if rule.shape in {"verb", "passive", "noun_of"}
                 for t0, _ in triggers[rule.name]}
    found: dict[tuple[str, int, int], Relation] = {}

    def add(rule_name: str, rel_type: str, h: int, t: int, conf: float, attrs: dict[str, object]) -> None:
        head, tail = _metonym(rel_type, ctx.mentions[h]), _metonym(rel_type, ctx.mentions[t])
        if rel_type == "works_for" and tail.type == "PARTY":  # انضم إلى الحزب، ترأس الحزب: a party has members
            rel_type = "member_of"
        if not _allowed(rel_type, head, tail) or (rel_type, h, t) in found:
            return
        ev = Evidence(article=annotated.article.id, sentence=sent.text, start=sent.start, end=sent.end, rule=rule_name)
        found[(rel_type, h, t)] = Relation(type=rel_type, head=head, tail=tail, evidence=ev,
                                           confidence=conf, attrs=attrs)

    taken: set[frozenset[int]] = set()
    for rule in rules.rules:
        if rule.shape == "title":
            for p, g, attrs in titles(ctx, rules):
                add(rule.name, rule.type, p, g, rule.confidence, attrs)
            continue
        if rule.shape == "role":
            for p, o, attrs in roles(ctx, rules):
                kind = _role_kind(str(attrs["role"]), ctx.mentions[o].type, rule.type)
                add(rule.name, kind, p, o, rule.confidence, {} if kind == "owns" else attrs)
            continue
        for t0, t1 in triggers[rule.name]:
            if negated(ctx, rules, t0, t1, rule):
                continue
            for h, t in _apply(ctx, rule, t0, t1, rules.max_gap):
                if frozenset((h, t)) in taken:  # owns vs part_of on the same pair: first rule wins
                    continue
                before = len(found)
                add(rule.name, rule.type, h, t, rule.confidence, {})
                if len(found) > before:
                    taken.add(frozenset((h, t)))
    # people who work for an organisation named beside them did not "meet" it
    employed = {frozenset((h, t)) for (kind, h, t) in found if kind in {"works_for", "member_of"}}
    return [r for (kind, h, t), r in found.items() if not (kind == "met" and frozenset((h, t)) in employed)]


def extract_relations(annotated: AnnotatedArticle, found: ArticleMentions) -> list[Relation]:
    """Relations of one article, sentence by sentence."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in found.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    out: list[Relation] = []
    for sent in annotated.sentences:
        out.extend(sentence_relations(annotated, sent, by_sentence.get(sent.index, [])))
    out.extend(carried_roles(annotated, by_sentence))
    out.extend(article_parliament_seats(annotated, found.mentions, out))
    # the governments a place stood for (_metonym) become mentions too, so that they resolve
    known = {mention_key(m) for m in found.mentions}
    for m in (m for r in out for m in (r.head, r.tail)):
        if mention_key(m) not in known:
            known.add(mention_key(m))
            found.mentions.append(m)
    return out
